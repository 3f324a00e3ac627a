// A log published in the C2SP tlog-tiles layout: the files that publish a Log, and the check
// that any such log, by anyone's implementation, hashes up to its signed checkpoint.
import { err, ok, problem, type Problem, type Result } from '../core/result.js';
import { openCheckpoint, type Checkpoint } from './checkpoint.js';
import { hashesEqual, leafHash, type Hash } from './hash.js';
import type { Log, LogProblem } from './log.js';
import type { Verifier } from './note.js';
import {
  TILE_HEIGHT,
  TILE_WIDTH,
  decodeEntryBundle,
  decodeTile,
  entryBundlePath,
  nodeHashFromTiles,
  perfectRoot,
  tilePath,
  tilesChanged,
  type TileId,
} from './tiles.js';
import { foldSubtrees, perfectSubtrees } from './tree.js';

export const CHECKPOINT_PATH = 'checkpoint';

export interface LogFile {
  readonly path: string;
  readonly bytes: Uint8Array;
}

/**
 * The tiles and entry bundles that a log's growth from `since` to `until` (by default its
 * current size) adds or changes (all of them when `since` is 0), in the tlog-tiles layout. The
 * checkpoint is the caller's to sign and write last, once these are in place.
 */
export async function* tiledLogFiles(
  log: Log,
  since = 0n,
  until = log.size,
): AsyncGenerator<LogFile, void, undefined> {
  for (const tile of tilesChanged(since, until)) {
    const bytes = await log.tile(tile);
    yield { path: tilePath(tile), bytes: unwrap(bytes) };
    if (tile.level === 0) {
      const bundle = await log.entryBundle(tile.index, tile.width);
      yield { path: entryBundlePath(tile.index, tile.width), bytes: unwrap(bundle) };
    }
  }
}

function unwrap(result: Result<Uint8Array, LogProblem>): Uint8Array {
  // tilesChanged only names tiles inside the log: a failure here is a bug.
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** Reads a file of the published log by its path; undefined when there is no such file. */
export type ReadLogFile = (path: string) => Promise<Uint8Array | undefined>;

export type TiledLogProblem = Problem<
  | 'checkpoint_missing'
  | 'checkpoint_invalid'
  | 'file_missing'
  | 'malformed_tile'
  | 'malformed_bundle'
  | 'entry_mismatch'
  | 'tile_mismatch'
  | 'root_mismatch'
>;

export interface VerifyTiledLogOptions {
  /** The origin the checkpoint must name, when known. */
  readonly origin?: string;
  /** Receives every entry, in order, once its bundle is checked against its tile. */
  readonly onEntries?: (first: bigint, entries: readonly Uint8Array[]) => void;
  /** How many files to read at once (for logs served over HTTP). */
  readonly concurrency?: number;
}

/**
 * Verifies a tiled log end to end: the checkpoint's signature by one of the given keys, every
 * entry bundle against its level-0 tile, every tile above against the tiles below it, and the
 * tree's root against the checkpoint. The first mismatch is reported with its file and index.
 */
export async function verifyTiledLog(
  read: ReadLogFile,
  verifiers: readonly Verifier[],
  options: VerifyTiledLogOptions = {},
): Promise<Result<Checkpoint, TiledLogProblem>> {
  const note = await read(CHECKPOINT_PATH);
  if (note === undefined) {
    return err(problem('checkpoint_missing', 'the log has no checkpoint file'));
  }
  const opened = openCheckpoint(note, verifiers, options.origin);
  if (!opened.ok) {
    return err(
      problem('checkpoint_invalid', `checkpoint: ${opened.error.message}`, {
        path: CHECKPOINT_PATH,
        cause: opened.error.code,
      }),
    );
  }
  const checkpoint = opened.value;
  const concurrency = options.concurrency ?? 8;

  // Hashes each level's tiles must hold, computed from the verified level below.
  let expected: Hash[] = [];
  // The partial tile of each level: the root is made from these.
  const partials = new Map<number, { first: bigint; hashes: readonly Hash[] }>();

  for (let level = 0; checkpoint.size >> BigInt(TILE_HEIGHT * level) > 0n; level++) {
    const nodes = checkpoint.size >> BigInt(TILE_HEIGHT * level);
    const tiles: TileId[] = [];
    for (let index = 0n; index * BigInt(TILE_WIDTH) < nodes; index++) {
      const left = nodes - index * BigInt(TILE_WIDTH);
      tiles.push({ level, index, width: left >= BigInt(TILE_WIDTH) ? TILE_WIDTH : Number(left) });
    }
    const next: Hash[] = [];
    for (let at = 0; at < tiles.length; at += concurrency) {
      const batch = tiles.slice(at, at + concurrency);
      const loaded = await Promise.all(batch.map((tile) => loadTile(read, tile)));
      for (const [i, tile] of batch.entries()) {
        const result = loaded[i];
        if (result === undefined) continue;
        if (!result.ok) return result;
        const { hashes, path } = result.value;
        const checked =
          level === 0
            ? await checkBundle(read, tile, hashes, path, options.onEntries)
            : checkAgainst(expected, tile, hashes, path);
        if (!checked.ok) return checked;
        if (tile.width === TILE_WIDTH) next.push(perfectRoot(hashes));
        else partials.set(level, { first: tile.index * BigInt(TILE_WIDTH), hashes });
      }
    }
    expected = next;
  }

  const root = foldSubtrees(
    perfectSubtrees({ begin: 0n, end: checkpoint.size }).map((node) =>
      nodeHashFromTiles(node, (level, index) => {
        const partial = partials.get(level);
        const hash = partial?.hashes[Number(index - partial.first)];
        // The tree's decomposition lies in each level's partial tile, by construction.
        if (hash === undefined) throw new Error(`no partial tile hash at ${level}/${index}`);
        return hash;
      }),
    ),
  );
  if (!hashesEqual(root, checkpoint.root)) {
    return err(
      problem('root_mismatch', `the tiles hash to a root other than the checkpoint's`, {
        path: CHECKPOINT_PATH,
        size: checkpoint.size.toString(),
      }),
    );
  }
  return ok(checkpoint);
}

/** Reads a tile, or the full tile in its place when the partial one is gone (tlog-tiles). */
async function readTileFile(
  read: ReadLogFile,
  path: string,
  fullPath: string,
): Promise<{ bytes: Uint8Array; path: string; full: boolean } | undefined> {
  const bytes = await read(path);
  if (bytes !== undefined) return { bytes, path, full: path === fullPath };
  if (path === fullPath) return undefined;
  const full = await read(fullPath);
  return full === undefined ? undefined : { bytes: full, path: fullPath, full: true };
}

async function loadTile(
  read: ReadLogFile,
  tile: TileId,
): Promise<Result<{ hashes: Hash[]; path: string }, TiledLogProblem>> {
  const path = tilePath(tile);
  const file = await readTileFile(read, path, tilePath({ ...tile, width: TILE_WIDTH }));
  if (file === undefined) {
    return err(problem('file_missing', `missing tile ${path}`, { path }));
  }
  const decoded = decodeTile(file.bytes, file.full ? TILE_WIDTH : tile.width);
  if (!decoded.ok) {
    return err(
      problem('malformed_tile', `${file.path}: ${decoded.error.message}`, { path: file.path }),
    );
  }
  return ok({ hashes: decoded.value.slice(0, tile.width), path: file.path });
}

async function checkBundle(
  read: ReadLogFile,
  tile: TileId,
  hashes: readonly Hash[],
  tileFile: string,
  onEntries: VerifyTiledLogOptions['onEntries'],
): Promise<Result<undefined, TiledLogProblem>> {
  const path = entryBundlePath(tile.index, tile.width);
  const file = await readTileFile(read, path, entryBundlePath(tile.index, TILE_WIDTH));
  if (file === undefined) {
    return err(problem('file_missing', `missing entry bundle ${path}`, { path }));
  }
  const decoded = decodeEntryBundle(file.bytes);
  if (!decoded.ok) {
    return err(
      problem('malformed_bundle', `${file.path}: ${decoded.error.message}`, { path: file.path }),
    );
  }
  const expectedCount = file.full ? TILE_WIDTH : tile.width;
  if (decoded.value.length !== expectedCount) {
    return err(
      problem(
        'malformed_bundle',
        `${file.path} holds ${decoded.value.length} entries, not ${expectedCount}`,
        {
          path: file.path,
        },
      ),
    );
  }
  const entries = decoded.value.slice(0, tile.width);
  const first = tile.index * BigInt(TILE_WIDTH);
  for (const [i, entry] of entries.entries()) {
    if (!hashesEqual(leafHash(entry), hashes[i] as Hash)) {
      const index = first + BigInt(i);
      return err(
        problem(
          'entry_mismatch',
          `entry ${index} in ${file.path} does not match its leaf hash in ${tileFile}`,
          { path: file.path, tile: tileFile, index: index.toString() },
        ),
      );
    }
  }
  onEntries?.(first, entries);
  return ok();
}

function checkAgainst(
  expected: readonly Hash[],
  tile: TileId,
  hashes: readonly Hash[],
  path: string,
): Result<undefined, TiledLogProblem> {
  const first = Number(tile.index) * TILE_WIDTH;
  for (const [i, hash] of hashes.entries()) {
    const want = expected[first + i];
    if (want === undefined || !hashesEqual(hash, want)) {
      const index = BigInt(first + i);
      return err(
        problem(
          'tile_mismatch',
          `hash ${i} of ${path} (node ${index} at tree level ${tile.level * TILE_HEIGHT}) does not match the tiles below it`,
          { path, index: index.toString() },
        ),
      );
    }
  }
  return ok();
}
