// The verifier's second stage: every file of the version is the one the manifest lists. The
// results files of the reporting units are kept as their SHA-256 (and a report's header), not
// their bytes: the workers compare them with what the log makes them.
import { sha256Hex } from '../core/sha256.js';
import type { Manifest } from '../formats/manifest.js';
import type { ReadPublished, VerifyProblem } from './verify.js';

const headDecoder = new TextDecoder();

/** A published file as the verifier keeps it: its SHA-256, and its bytes or its first bytes. */
export interface PublishedFile {
  readonly sha: string;
  readonly bytes?: Uint8Array;
  readonly head?: string;
}

export interface CheckedFiles {
  readonly files: Map<string, PublishedFile>;
  readonly problems: VerifyProblem[];
}

/** Reads and hashes every file the manifest lists under `base`. */
export async function checkFiles(
  read: ReadPublished,
  base: string,
  manifest: Pick<Manifest, 'files'>,
): Promise<CheckedFiles> {
  const problems: VerifyProblem[] = [];
  const groupFile = (path: string): boolean =>
    /^(units|cdf)\/[^/]+\.json$/.test(path) && path !== 'cdf.json';
  const files = new Map<string, PublishedFile>();
  for (const [path, sha] of Object.entries(manifest.files)) {
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
    files.set(
      path,
      groupFile(path)
        ? { sha: found, head: headDecoder.decode(bytes.subarray(0, 4096)) }
        : { sha: found, bytes },
    );
  }
  return { files, problems };
}
