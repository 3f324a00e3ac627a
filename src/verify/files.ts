// The verifier's second stage: every file of the version is the one the manifest lists. The
// results files of the reporting units are kept as their SHA-256, not their bytes: the workers
// compare them with what the log makes them.
import { sha256Hex } from '../core/sha256.js';
import type { Manifest } from '../formats/manifest.js';
import type { ReadCompressed, ReadPublished, VerifyProblem } from './verify.js';

/** A published file as the verifier keeps it: its SHA-256, and its bytes but for group files. */
export interface PublishedFile {
  readonly sha: string;
  readonly bytes?: Uint8Array;
}

export interface CheckedFiles {
  readonly files: Map<string, PublishedFile>;
  readonly problems: VerifyProblem[];
}

/**
 * Reads and hashes every file the manifest lists under `base`, and the precompressed copies the
 * site has of each: a copy must decode to the file beside it (browsers get the copy).
 */
export async function checkFiles(
  read: ReadPublished,
  base: string,
  manifest: Pick<Manifest, 'files'>,
  readCompressed?: ReadCompressed,
): Promise<CheckedFiles> {
  const problems: VerifyProblem[] = [];
  const groupFile = (path: string): boolean =>
    /^(units|cdf)\/[^/]+\.json$/.test(path) && path !== 'cdf.json';
  const files = new Map<string, PublishedFile>();
  for (const [path, { sha256: sha }] of Object.entries(manifest.files)) {
    const bytes = await read(`${base}${path}`);
    if (bytes === undefined) {
      problems.push({
        code: 'file_missing',
        message: `${base}${path} is missing`,
        file: `${base}${path}`,
      });
      continue;
    }
    const found = sha256Hex(bytes);
    if (found !== sha) {
      problems.push({
        code: 'file_mismatch',
        message: `${base}${path} does not match the manifest`,
        file: `${base}${path}`,
        expected: sha,
        found,
      });
    }
    files.set(path, groupFile(path) ? { sha: found } : { sha: found, bytes });
    await checkCompressed(readCompressed, `${base}${path}`, found, problems);
  }
  return { files, problems };
}

/** Each precompressed copy of the file at `path` decodes to the file's bytes (SHA-256 `sha`). */
export async function checkCompressed(
  readCompressed: ReadCompressed | undefined,
  path: string,
  sha: string,
  problems: VerifyProblem[],
): Promise<void> {
  if (readCompressed === undefined) return;
  for (const encoding of ['br', 'gz'] as const) {
    const decoded = await readCompressed(path, encoding);
    if (decoded === undefined) continue;
    const found = decoded === null ? 'does not decode' : sha256Hex(decoded);
    if (found === sha) continue;
    problems.push({
      code: 'compressed_mismatch',
      message:
        decoded === null
          ? `${path}.${encoding} does not decode`
          : `${path}.${encoding} decodes to another file than ${path}`,
      file: `${path}.${encoding}`,
      expected: sha,
      found,
    });
  }
}
