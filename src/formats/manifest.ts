// What ties a published version together: `current.json` names the newest version, and each
// version's `manifest.json` lists the SHA-256 of every file in it and the signed checkpoint it was
// built from, signed by the publisher. Parsed here for anyone who reads a published site.
import { z } from 'zod';
import { zodProblem } from '../core/election.js';
import { err, ok, type Problem, type Result } from '../core/result.js';

export const MANIFEST_FORMAT = 'tally-manifest/1';
/** Manifests are signed in this context (see src/log/envelope.ts). */
export const MANIFEST_CONTEXT = 'tally-manifest/1';
export const CURRENT_FORMAT = 'tally-current/1';

const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

export const Manifest = z.strictObject({
  format: z.literal(MANIFEST_FORMAT),
  election: z.string(),
  version: z.int().min(1),
  generatedAt: z.string(),
  test: z.boolean(),
  logSize: z.int().min(0),
  /** The signed checkpoint (C2SP signed note) the version was built from. */
  checkpoint: z.string(),
  /** Every file of the version but the manifest itself, by path: its SHA-256. */
  files: z.record(z.string(), Sha256Hex),
});

export const SignedManifest = z.strictObject({
  manifest: Manifest,
  signer: z.string(),
  signature: z.string(),
});

export const Current = z.strictObject({
  format: z.literal(CURRENT_FORMAT),
  election: z.string(),
  version: z.int().min(1),
  /** The version's directory, relative to current.json. */
  path: z.string().regex(/^v\/[1-9][0-9]*\/$/),
  generatedAt: z.string(),
  logSize: z.int().min(0),
  test: z.boolean(),
  manifestSha256: Sha256Hex,
});

export type Manifest = Readonly<z.infer<typeof Manifest>>;
export type SignedManifest = Readonly<z.infer<typeof SignedManifest>>;
export type Current = Readonly<z.infer<typeof Current>>;

export type PublishedFileProblem = Problem<'malformed_published_file'>;

function parseJson<T>(
  schema: z.ZodType<T>,
  what: string,
  text: string,
): Result<T, PublishedFileProblem> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return err({ code: 'malformed_published_file', message: `${what} is not JSON` });
  }
  const parsed = schema.safeParse(value);
  return parsed.success
    ? ok(parsed.data)
    : err(zodProblem('malformed_published_file', what, parsed.error));
}

export const parseManifest = (text: string): Result<SignedManifest, PublishedFileProblem> =>
  parseJson(SignedManifest, 'manifest.json', text);

export const parseCurrent = (text: string): Result<Current, PublishedFileProblem> =>
  parseJson(Current, 'current.json', text);
