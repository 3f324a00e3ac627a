// C2SP tlog-tiles: the static layout in which the log is published. Tile and entry-bundle
// addressing, full and partial tiles, entry bundles, and the arithmetic that finds any node
// hash of the tree from tiles.
import { err, ok, problem, type Problem, type Result } from '../core/result.js';
import { HASH_SIZE, asHash, nodeHash, type Hash } from './hash.js';
import { parseDecimal } from './encoding.js';
import type { NodeId } from './tree.js';

/** Every tile spans 8 levels of the tree: 256 hashes wide when full. */
export const TILE_HEIGHT = 8;
export const TILE_WIDTH = 256;
/** An entry is prefixed by a big-endian uint16 length in a bundle. */
export const MAX_ENTRY_SIZE = 0xffff;

export interface TileId {
  /** The tile level L: its hashes are tree nodes at level 8L. */
  readonly level: number;
  readonly index: bigint;
  /** 1 to 256; under 256 for a partial tile. */
  readonly width: number;
}

export type TileProblem = Problem<'malformed_tile' | 'malformed_bundle' | 'malformed_path'>;

/** `1234067` → `x001/x234/067`: groups of three digits, all but the last prefixed by x. */
export function encodeTileIndex(index: bigint): string {
  const groups: string[] = [];
  let n = index;
  do {
    groups.unshift((n % 1000n).toString().padStart(3, '0'));
    n /= 1000n;
  } while (n > 0n);
  return groups.map((g, i) => (i < groups.length - 1 ? `x${g}` : g)).join('/');
}

function widthSuffix(width: number): string {
  return width === TILE_WIDTH ? '' : `.p/${width}`;
}

export function tilePath(tile: TileId): string {
  return `tile/${tile.level}/${encodeTileIndex(tile.index)}${widthSuffix(tile.width)}`;
}

export function entryBundlePath(index: bigint, width: number): string {
  return `tile/entries/${encodeTileIndex(index)}${widthSuffix(width)}`;
}

export type TilePathTarget =
  | { readonly kind: 'tile'; readonly tile: TileId }
  | { readonly kind: 'entries'; readonly index: bigint; readonly width: number };

/** Parses `tile/<L>/<N>[.p/<W>]` or `tile/entries/<N>[.p/<W>]`. */
export function parseTilePath(path: string): Result<TilePathTarget, TileProblem> {
  const bad = err(problem('malformed_path', `not a tile path: ${path}`));
  const m =
    /^tile\/(entries|0|[1-9][0-9]?)\/((?:x[0-9]{3}\/)*[0-9]{3})(?:\.p\/([0-9]{1,3}))?$/.exec(path);
  if (m === null) return bad;
  const [, levelText = '', indexText = '', widthText] = m;
  const index = BigInt(indexText.replaceAll('x', '').replaceAll('/', ''));
  if (encodeTileIndex(index) !== indexText) return bad;
  let width = TILE_WIDTH;
  if (widthText !== undefined) {
    const parsed = parseDecimal(widthText);
    if (parsed === undefined || parsed < 1n || parsed >= BigInt(TILE_WIDTH)) return bad;
    width = Number(parsed);
  }
  if (levelText === 'entries') return ok({ kind: 'entries', index, width });
  const level = Number(levelText);
  if (level > 63) return bad;
  return ok({ kind: 'tile', tile: { level, index, width } });
}

/** Every tile of a tree of this size, level by level, the partial one last in each level. */
export function tilesForSize(size: bigint): TileId[] {
  const tiles: TileId[] = [];
  for (let level = 0; size >> BigInt(TILE_HEIGHT * level) > 0n; level++) {
    const nodes = size >> BigInt(TILE_HEIGHT * level);
    const full = nodes / BigInt(TILE_WIDTH);
    for (let index = 0n; index < full; index++) tiles.push({ level, index, width: TILE_WIDTH });
    const partial = Number(nodes % BigInt(TILE_WIDTH));
    if (partial > 0) tiles.push({ level, index: full, width: partial });
  }
  return tiles;
}

/** The tiles whose contents change when the tree grows from size1 to size2. */
export function tilesChanged(size1: bigint, size2: bigint): TileId[] {
  return tilesForSize(size2).filter((t) => {
    const first = t.index * BigInt(TILE_WIDTH);
    const nodesBefore = size1 >> BigInt(TILE_HEIGHT * t.level);
    return nodesBefore < first + BigInt(t.width);
  });
}

export function encodeEntryBundle(entries: readonly Uint8Array[]): Uint8Array {
  const size = entries.reduce((n, e) => n + 2 + e.length, 0);
  const bundle = new Uint8Array(size);
  let at = 0;
  for (const entry of entries) {
    if (entry.length > MAX_ENTRY_SIZE) throw new Error('entry bundle: entry over 65,535 bytes');
    bundle[at] = entry.length >> 8;
    bundle[at + 1] = entry.length & 0xff;
    bundle.set(entry, at + 2);
    at += 2 + entry.length;
  }
  return bundle;
}

export function decodeEntryBundle(bundle: Uint8Array): Result<Uint8Array[], TileProblem> {
  const entries: Uint8Array[] = [];
  let at = 0;
  while (at < bundle.length) {
    if (at + 2 > bundle.length) {
      return err(problem('malformed_bundle', `entry ${entries.length}: truncated length prefix`));
    }
    const length = ((bundle[at] ?? 0) << 8) | (bundle[at + 1] ?? 0);
    if (at + 2 + length > bundle.length) {
      return err(problem('malformed_bundle', `entry ${entries.length}: truncated entry`));
    }
    entries.push(bundle.subarray(at + 2, at + 2 + length));
    at += 2 + length;
  }
  return ok(entries);
}

export function encodeTile(hashes: readonly Hash[]): Uint8Array {
  const tile = new Uint8Array(hashes.length * HASH_SIZE);
  for (const [i, h] of hashes.entries()) tile.set(h, i * HASH_SIZE);
  return tile;
}

export function decodeTile(tile: Uint8Array, width: number): Result<Hash[], TileProblem> {
  if (tile.length !== width * HASH_SIZE) {
    return err(
      problem(
        'malformed_tile',
        `tile has ${tile.length} bytes; ${width} hashes take ${width * HASH_SIZE}`,
      ),
    );
  }
  const hashes: Hash[] = [];
  for (let i = 0; i < width; i++) {
    hashes.push(asHash(tile.subarray(i * HASH_SIZE, (i + 1) * HASH_SIZE)) as Hash);
  }
  return ok(hashes);
}

/** The hash of a perfect subtree over a power-of-two count of hashes. */
export function perfectRoot(hashes: readonly Hash[]): Hash {
  if (hashes.length === 0 || (hashes.length & (hashes.length - 1)) !== 0) {
    throw new Error('perfectRoot: count is not a power of two');
  }
  let level = hashes;
  while (level.length > 1) {
    const next: Hash[] = [];
    for (let i = 0; i < level.length; i += 2) {
      next.push(nodeHash(level[i] as Hash, level[i + 1] as Hash));
    }
    level = next;
  }
  return level[0] as Hash;
}

/**
 * Where a tree node is found in the tiles: the tile level, the range of hashes at that level that
 * the node covers (a power of two of them, all in one tile), and how to hash them up to it.
 */
export function tileCoverage(node: NodeId): { level: number; first: bigint; count: number } {
  const level = Math.floor(node.level / TILE_HEIGHT);
  const rise = node.level - level * TILE_HEIGHT;
  return { level, first: node.index << BigInt(rise), count: 1 << rise };
}

/** Any node hash, from a function that reads hash `i` at tile level L (node level 8L). */
export function nodeHashFromTiles(
  node: NodeId,
  tileHash: (level: number, index: bigint) => Hash,
): Hash {
  const { level, first, count } = tileCoverage(node);
  const hashes: Hash[] = [];
  for (let i = 0; i < count; i++) hashes.push(tileHash(level, first + BigInt(i)));
  return perfectRoot(hashes);
}
