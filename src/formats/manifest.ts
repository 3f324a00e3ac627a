// What ties a published version together: `current.json` names the newest version, and each
// version's `manifest.json` lists every file in it (its SHA-256, and the log size it is as of),
// the signed checkpoint it was built from and the build parameters, signed by the publisher. A
// version is a pure function of the log prefix its checkpoint names and of those parameters: the
// verifier rebuilds every file from them. Parsed here for anyone who reads a published site.
import { z } from 'zod';
import { zodProblem } from '../core/election.js';
import { err, ok, type Problem, type Result } from '../core/result.js';

export const MANIFEST_FORMAT = 'tally-manifest/2';
/** Manifests are signed in this context (see src/log/envelope.ts). */
export const MANIFEST_CONTEXT = 'tally-manifest/2';
export const CURRENT_FORMAT = 'tally-current/1';

const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

/** What, beside the log, a version's files are made from. */
export const BuildParameters = z.strictObject({
  /** The Tally release that built the version: the verifier must rebuild with the same. */
  tally: z.string(),
  /** The site's languages, in the order its pages list them. */
  languages: z.array(z.string()).min(1),
  /** Who issues the results, as the NIST reports name it. */
  issuer: z.string(),
  /** The public site's address, as the verify page gives it; null when not known. */
  siteUrl: z.string().nullable(),
  /** At most how many points a contest's chart of the night draws. */
  trendPoints: z.int().min(2),
  /** The keys the verify page tells readers to trust: the log's and the manifest's. */
  logKey: z.string(),
  manifestKey: z.string(),
});

/** A file of the version: its SHA-256, and the log size whose numbers it shows. */
export const ManifestFile = z.strictObject({
  sha256: Sha256Hex,
  asOf: z.int().min(0),
});

export const Manifest = z.strictObject({
  format: z.literal(MANIFEST_FORMAT),
  election: z.string(),
  version: z.int().min(1),
  generatedAt: z.string(),
  test: z.boolean(),
  logSize: z.int().min(0),
  /** The signed checkpoint (C2SP signed note) the version was built from. */
  checkpoint: z.string(),
  build: BuildParameters,
  /** Every file of the version but the manifest itself, by path. */
  files: z.record(z.string(), ManifestFile),
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
export type BuildParameters = Readonly<z.infer<typeof BuildParameters>>;
export type ManifestFile = Readonly<z.infer<typeof ManifestFile>>;
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
