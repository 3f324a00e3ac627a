// The verifier's third stage: the log's tiles hash up to its signed checkpoint, and the
// version's checkpoint (and an older one the user saw) are prefixes of it: no history rewritten.
// A version older than the checkpoint the user saw is a rollback: the public is shown less of
// the log than it was shown before.
import { openCheckpoint, type Checkpoint } from '../log/checkpoint.js';
import { hashesEqual } from '../log/hash.js';
import { Log } from '../log/log.js';
import { MemoryLogStorage } from '../log/memory_storage.js';
import { decodeEntryBundle, entryBundlePath, TILE_WIDTH } from '../log/tiles.js';
import { CHECKPOINT_PATH, verifyTiledLog } from '../log/tiled_log.js';
import type { Manifest } from '../formats/manifest.js';
import { append } from './replay.js';
import type { Verifier } from '../log/note.js';
import type { ReadPublished, VerifyOptions, VerifyProblem } from './verify.js';

/** The published log, verified: its signed checkpoint and its entries up to it. */
export interface VerifiedLog {
  readonly checkpoint: Checkpoint;
  readonly entries: readonly Uint8Array[];
  /** The checkpoint the user saw before (`options.since`), once it verifies as a prefix. */
  readonly held?: Checkpoint;
}

/** The published log, verified, and its tree, to hold other checkpoints to. */
export interface PublishedLog {
  readonly checkpoint: Checkpoint;
  readonly entries: readonly Uint8Array[];
  readonly tree: Log;
}

/**
 * Reads the published log and verifies it against the keys trusted to sign its checkpoints: its
 * tiles and entry bundles hash up to its signed checkpoint. Undefined (with the problem) when
 * it does not.
 */
export async function readPublishedLog(
  read: ReadPublished,
  logKeys: readonly Verifier[],
  problems: VerifyProblem[],
  onEntries?: (entries: readonly Uint8Array[]) => void,
): Promise<PublishedLog | undefined> {
  const readLog = (path: string): Promise<Uint8Array | undefined> => read(`log/${path}`);
  // The entries as each bundle is checked against its tile: the bundles are read once.
  const entries: Uint8Array[] = [];
  const tiled = await verifyTiledLog(readLog, logKeys, {
    onEntries: (first, bundle) => {
      if (first !== BigInt(entries.length)) throw new Error('verify: entry bundles out of order');
      append(entries, bundle);
    },
  });
  if (!tiled.ok) {
    problems.push({
      code: 'log_invalid',
      message: `the published log does not verify: ${tiled.error.message}`,
      file: `log/${typeof tiled.error.details?.['path'] === 'string' ? tiled.error.details['path'] : CHECKPOINT_PATH}`,
    });
    return undefined;
  }
  const checkpoint = tiled.value;
  if (BigInt(entries.length) !== checkpoint.size) {
    throw new Error(
      `verify: ${String(entries.length)} entries checked, not ${String(checkpoint.size)}`,
    );
  }
  onEntries?.(entries);
  const tree = await Log.open(new MemoryLogStorage());
  const appended = await tree.append(entries);
  if (!appended.ok) throw new Error(appended.error.message);
  return { checkpoint, entries, tree };
}

/**
 * Holds the published log to another checkpoint signed by a trusted key (the version's, one
 * seen before, one a receipt came with): it must be a prefix of the log, no history rewritten.
 * The checkpoint, or undefined with the problem.
 */
export async function holdToCheckpoint(
  log: PublishedLog,
  text: string,
  logKeys: readonly Verifier[],
  what: string,
  file: string,
  problems: VerifyProblem[],
): Promise<Checkpoint | undefined> {
  const opened = openCheckpoint(text, logKeys, log.checkpoint.origin);
  if (!opened.ok) {
    problems.push({
      code: 'checkpoint_signature',
      message: `${what}: ${opened.error.message}`,
      file,
    });
    return undefined;
  }
  const cp = opened.value;
  if (cp.size > log.checkpoint.size) {
    problems.push({
      code: 'log_truncated',
      message: `${what} covers ${String(cp.size)} entries, but the published log has only ${String(log.checkpoint.size)}`,
      file,
      expected: Number(cp.size),
      found: Number(log.checkpoint.size),
    });
    return undefined;
  }
  const root = await log.tree.rootAt(cp.size);
  if (!root.ok || !hashesEqual(root.value, cp.root)) {
    problems.push({
      code: 'log_rewritten',
      message: `${what} is not a prefix of the published log: its history was rewritten (a fork)`,
      file,
      entry: Number(cp.size) - 1,
    });
    return undefined;
  }
  return cp;
}

/**
 * Verifies the published log against the keys trusted to sign its checkpoints, and the
 * manifest's checkpoint (and `options.since`) against it. Undefined (with the problem) when
 * there is no log to go on.
 */
export async function checkLog(
  read: ReadPublished,
  options: Pick<VerifyOptions, 'logKeys' | 'since'>,
  manifest: Pick<Manifest, 'checkpoint' | 'logSize' | 'generatedAt'>,
  manifestPath: string,
  problems: VerifyProblem[],
  /** Given the entries once they are checked against the tiles, before the checkpoints are. */
  onEntries?: (entries: readonly Uint8Array[]) => void,
): Promise<VerifiedLog | undefined> {
  const log = await readPublishedLog(read, options.logKeys, problems, onEntries);
  if (log === undefined) return undefined;
  const logCheckpoint = log.checkpoint;
  const prefix = (text: string, what: string, file: string): Promise<Checkpoint | undefined> =>
    holdToCheckpoint(log, text, options.logKeys, what, file, problems);
  const versionCheckpoint = await prefix(
    manifest.checkpoint,
    "the version's checkpoint",
    manifestPath,
  );
  const held =
    options.since === undefined
      ? undefined
      : await prefix(options.since, 'the checkpoint held from before (--since)', '--since');
  if (versionCheckpoint !== undefined && held !== undefined && held.size > versionCheckpoint.size) {
    const behind = held.size - versionCheckpoint.size;
    problems.push({
      code: 'rolled_back',
      message: `current.json points back to a version published ${manifest.generatedAt} that counts ${String(versionCheckpoint.size)} entries, ${String(behind)} behind the ${String(held.size)} of a checkpoint already held (the log now has ${String(logCheckpoint.size)})`,
      file: 'current.json',
      expected: Number(held.size),
      found: Number(versionCheckpoint.size),
    });
  }
  if (versionCheckpoint !== undefined && Number(versionCheckpoint.size) !== manifest.logSize) {
    problems.push({
      code: 'manifest_inconsistent',
      message: `the manifest says it counts ${String(manifest.logSize)} entries, its checkpoint ${String(versionCheckpoint.size)}`,
      file: manifestPath,
    });
  }

  return {
    checkpoint: logCheckpoint,
    entries: log.entries,
    ...(held === undefined ? {} : { held }),
  };
}

/** The log's entries up to `size`, from its entry bundles (files under log/). */
export async function readEntries(
  read: (path: string) => Promise<Uint8Array | undefined>,
  size: bigint,
): Promise<{ ok: true; value: Uint8Array[] } | { ok: false; problem: VerifyProblem }> {
  const entries: Uint8Array[] = [];
  for (let index = 0n; index * BigInt(TILE_WIDTH) < size; index++) {
    const left = size - index * BigInt(TILE_WIDTH);
    const width = left >= BigInt(TILE_WIDTH) ? TILE_WIDTH : Number(left);
    const path = entryBundlePath(index, width);
    let bytes = await read(path);
    // A partial bundle may be gone once its full bundle exists (C2SP tlog-tiles).
    if (bytes === undefined && width < TILE_WIDTH)
      bytes = await read(entryBundlePath(index, TILE_WIDTH));
    if (bytes === undefined) {
      return {
        ok: false,
        problem: { code: 'file_missing', message: `log/${path} is missing`, file: `log/${path}` },
      };
    }
    const bundle = decodeEntryBundle(bytes);
    if (!bundle.ok) {
      return {
        ok: false,
        problem: { code: 'malformed_file', message: bundle.error.message, file: `log/${path}` },
      };
    }
    append(entries, bundle.value.slice(0, width));
  }
  return { ok: true, value: entries };
}
