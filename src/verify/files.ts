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
 * How many files are read at once: a precompressed copy decodes off this thread (see
 * compressedReader), so a few files in flight keep both this thread and the decoding busy.
 */
const FILES_IN_FLIGHT = 4;

/**
 * Reads and hashes every file the manifest lists under `base`, and the precompressed copies the
 * site has of each: a copy must decode to the file beside it (browsers get the copy). Problems
 * come in the manifest's order, however the reads interleave. A `read` that `lends` its bytes
 * (they are its own again at its next read: see lendingReader) is read one file at a time, and
 * what is kept of them is copied.
 */
export async function checkFiles(
  read: ReadPublished,
  base: string,
  manifest: Pick<Manifest, 'files'>,
  readCompressed?: ReadCompressed,
  lends = false,
): Promise<CheckedFiles> {
  const groupFile = (path: string): boolean =>
    /^(units|cdf)\/[^/]+\.json$/.test(path) && path !== 'cdf.json';
  const listed = Object.entries(manifest.files);
  const found: ({ file?: PublishedFile; problems: VerifyProblem[] } | undefined)[] = [];
  const checkOne = async (index: number): Promise<void> => {
    const [path, { sha256: sha }] = listed[index] as (typeof listed)[number];
    const problems: VerifyProblem[] = [];
    const bytes = await read(`${base}${path}`);
    if (bytes === undefined) {
      problems.push({
        code: 'file_missing',
        message: `${base}${path} is missing`,
        file: `${base}${path}`,
      });
      found[index] = { problems };
      return;
    }
    const hash = sha256Hex(bytes);
    if (hash !== sha) {
      problems.push({
        code: 'file_mismatch',
        message: `${base}${path} does not match the manifest`,
        file: `${base}${path}`,
        expected: sha,
        found: hash,
      });
    }
    await checkCompressed(readCompressed, `${base}${path}`, bytes, problems);
    found[index] = {
      file: groupFile(path)
        ? { sha: hash }
        : { sha: hash, bytes: lends ? new Uint8Array(bytes) : bytes },
      problems,
    };
  };
  let next = 0;
  const reader = async (): Promise<void> => {
    while (next < listed.length) {
      await checkOne(next++);
      // A site read from a directory answers at once: the workers' answers wait for a turn.
      await nextTurn();
    }
  };
  await Promise.all(Array.from({ length: lends ? 1 : FILES_IN_FLIGHT }, reader));
  const files = new Map<string, PublishedFile>();
  const problems: VerifyProblem[] = [];
  listed.forEach(([path], i) => {
    const one = found[i];
    if (one === undefined) return;
    if (one.file !== undefined) files.set(path, one.file);
    for (const p of one.problems) problems.push(p);
  });
  return { files, problems };
}

/** Each precompressed copy of the file at `path` decodes to the file's bytes. */
export async function checkCompressed(
  readCompressed: ReadCompressed | undefined,
  path: string,
  bytes: Uint8Array,
  problems: VerifyProblem[],
): Promise<void> {
  if (readCompressed === undefined) return;
  const copies = await Promise.all(
    (['br', 'gz'] as const).map(
      async (encoding) =>
        [encoding, await readCompressed(path, encoding, bytes.byteLength)] as const,
    ),
  );
  for (const [encoding, decoded] of copies) {
    if (decoded === undefined) continue;
    if (decoded instanceof Uint8Array && sameBytes(decoded, bytes)) continue;
    const copy = `${path}.${encoding}`;
    const [message, found] =
      decoded === null
        ? [`${copy} does not decode`, 'does not decode']
        : decoded === 'longer'
          ? [
              `${copy} decodes to more than the ${String(bytes.byteLength)} bytes of ${path}`,
              'longer',
            ]
          : [`${copy} decodes to another file than ${path}`, sha256Hex(decoded)];
    problems.push({
      code: 'compressed_mismatch',
      message,
      file: copy,
      expected: sha256Hex(bytes),
      found,
    });
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && Buffer.compare(a, b) === 0;
}

/** Resolves on the event loop's next turn, after the messages waiting. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
