import { describe, expect, it } from 'vitest';
import type { Hash } from './hash.js';
import { Log } from './log.js';
import { MemoryLogStorage } from './memory_storage.js';
import { referenceRoot, sampleEntry, sampleLeaves } from './testonly/reference.js';
import {
  decodeEntryBundle,
  decodeTile,
  encodeEntryBundle,
  encodeTileIndex,
  entryBundlePath,
  nodeHashFromTiles,
  parseTilePath,
  tilePath,
  tilesChanged,
  tilesForSize,
} from './tiles.js';
import { encodeHex } from './encoding.js';

describe('tile addressing', () => {
  it('writes an index in groups of three digits, all but the last marked x', () => {
    expect(encodeTileIndex(1234067n)).toBe('x001/x234/067');
    expect(encodeTileIndex(5n)).toBe('005');
    expect(encodeTileIndex(1000n)).toBe('x001/000');
    expect(encodeTileIndex(0n)).toBe('000');
  });

  it('names full tiles plainly and partial tiles with their width', () => {
    expect(tilePath({ level: 0, index: 1234067n, width: 256 })).toBe('tile/0/x001/x234/067');
    expect(tilePath({ level: 1, index: 1n, width: 17 })).toBe('tile/1/001.p/17');
    expect(entryBundlePath(273n, 112)).toBe('tile/entries/273.p/112');
  });

  it('parses what it writes and nothing else', () => {
    expect(parseTilePath('tile/0/x001/x234/067')).toEqual({
      ok: true,
      value: { kind: 'tile', tile: { level: 0, index: 1234067n, width: 256 } },
    });
    expect(parseTilePath('tile/entries/273.p/112')).toEqual({
      ok: true,
      value: { kind: 'entries', index: 273n, width: 112 },
    });
    for (const bad of [
      'tile/0/1234',
      'tile/0/x000/001',
      'tile/0/001.p/256',
      'tile/0/001.p/0',
      'tile/64/000',
      'tile/01/000',
    ]) {
      expect(parseTilePath(bad).ok, bad).toBe(false);
    }
  });

  it('lays out a tree of 70,000 leaves as the tlog-tiles example says', () => {
    // 273 full level-0 tiles and one of width 112; 1 full level-1 tile and one of width 17;
    // one level-2 tile of width 1.
    const tiles = tilesForSize(70000n);
    const level = (l: number): { full: number; partial: number[] } => ({
      full: tiles.filter((t) => t.level === l && t.width === 256).length,
      partial: tiles.filter((t) => t.level === l && t.width < 256).map((t) => t.width),
    });
    expect(level(0)).toEqual({ full: 273, partial: [112] });
    expect(level(1)).toEqual({ full: 1, partial: [17] });
    expect(level(2)).toEqual({ full: 0, partial: [1] });
    expect(tiles.some((t) => t.level > 2)).toBe(false);
  });

  it('knows which tiles a growth changes', () => {
    expect(tilesChanged(256n, 300n)).toEqual([{ level: 0, index: 1n, width: 44 }]);
    expect(tilesChanged(200n, 300n)).toEqual([
      { level: 0, index: 0n, width: 256 },
      { level: 0, index: 1n, width: 44 },
      { level: 1, index: 0n, width: 1 },
    ]);
    expect(tilesChanged(300n, 300n)).toEqual([]);
    expect(tilesChanged(0n, 3n)).toEqual([{ level: 0, index: 0n, width: 3 }]);
  });
});

describe('entry bundles', () => {
  it('prefix each entry with its length as a big-endian uint16', () => {
    const bundle = encodeEntryBundle([new Uint8Array([7]), new Uint8Array(0), new Uint8Array(300)]);
    expect([...bundle.subarray(0, 6)]).toEqual([0, 1, 7, 0, 0, 1]);
    expect(bundle.length).toBe(3 + 2 + 302);
    const decoded = decodeEntryBundle(bundle);
    expect(decoded.ok && decoded.value.map((e) => e.length)).toEqual([1, 0, 300]);
  });

  it('reject a truncated bundle', () => {
    const bundle = encodeEntryBundle([new Uint8Array(10)]);
    expect(decodeEntryBundle(bundle.subarray(0, 11)).ok).toBe(false);
    expect(decodeEntryBundle(bundle.subarray(0, 1)).ok).toBe(false);
  });
});

describe('node hashes from tiles', () => {
  // Builds a 70,000-leaf log: seconds of hashing, more on a loaded machine.
  it('finds every node of a 70,000-leaf tree from its tiles alone', async () => {
    const log = await Log.open(new MemoryLogStorage());
    const size = 70000;
    await log.append(Array.from({ length: size }, (_, i) => sampleEntry(i)));
    const tiles = new Map<string, Uint8Array>();
    for (const tile of tilesForSize(BigInt(size))) {
      const bytes = await log.tile(tile);
      if (bytes.ok) tiles.set(`${tile.level}/${tile.index}`, bytes.value);
    }
    const read = (level: number, index: bigint): Hash => {
      const tileIndex = index / 256n;
      const bytes = tiles.get(`${level}/${tileIndex}`)!;
      const decoded = decodeTile(bytes, bytes.length / 32);
      if (!decoded.ok) throw new Error('bad tile');
      return decoded.value[Number(index % 256n)]!;
    };
    const leaves = sampleLeaves(size);
    // A leaf, a node inside a tile, a node that is a whole tile, and one above the tiles.
    expect(encodeHex(nodeHashFromTiles({ level: 0, index: 69999n }, read))).toBe(
      encodeHex(leaves[69999]!),
    );
    expect(encodeHex(nodeHashFromTiles({ level: 3, index: 5n }, read))).toBe(
      encodeHex(referenceRoot(leaves.slice(40, 48))),
    );
    expect(encodeHex(nodeHashFromTiles({ level: 8, index: 2n }, read))).toBe(
      encodeHex(referenceRoot(leaves.slice(512, 768))),
    );
    expect(encodeHex(nodeHashFromTiles({ level: 16, index: 0n }, read))).toBe(
      encodeHex(referenceRoot(leaves.slice(0, 65536))),
    );
    expect(encodeHex(nodeHashFromTiles({ level: 12, index: 16n }, read))).toBe(
      encodeHex(referenceRoot(leaves.slice(65536, 69632))),
    );
  }, 30_000);
});
