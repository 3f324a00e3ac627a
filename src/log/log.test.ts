import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeHex } from './encoding.js';
import type { Hash } from './hash.js';
import { Log } from './log.js';
import { MemoryLogStorage } from './memory_storage.js';
import { consistencyRanges, inclusionRanges, verifyConsistency, verifyInclusion } from './proof.js';
import {
  referenceConsistency,
  referenceInclusion,
  referenceRoot,
  sampleEntry,
  sampleLeaves,
} from './testonly/reference.js';

async function logOf(size: number, storage = new MemoryLogStorage()): Promise<Log> {
  const log = await Log.open(storage);
  const entries = Array.from({ length: size }, (_, i) => sampleEntry(i));
  const appended = await log.append(entries);
  expect(appended.ok).toBe(true);
  return log;
}

/**
 * The left/right steps of a proof. RFC 6962 roots do not commit to the tree size (the signed
 * checkpoint does), so a proof also fits any other size that gives it the same steps.
 */
function shape(ranges: ReturnType<typeof inclusionRanges>, anchor: bigint): string {
  return ranges.ok ? ranges.value.map((r) => (r.begin > anchor ? 'R' : 'L')).join('') : 'none';
}

const hex = (hashes: readonly Hash[]): string[] => hashes.map(encodeHex);

function flipBit(bytes: Uint8Array, bit: number): Uint8Array {
  const copy = bytes.slice();
  const at = Math.floor(bit / 8) % copy.length;
  copy[at] = (copy[at] ?? 0) ^ (1 << (bit % 8));
  return copy;
}

describe('the log', () => {
  it('has the RFC 6962 root at every size, appended one entry at a time', async () => {
    const log = await Log.open(new MemoryLogStorage());
    const leaves = sampleLeaves(300);
    for (let size = 1; size <= 300; size++) {
      await log.append([sampleEntry(size - 1)]);
      expect(encodeHex(log.root())).toBe(encodeHex(referenceRoot(leaves.slice(0, size))));
    }
  });

  it('remembers the root of every earlier size', async () => {
    const log = await logOf(77);
    const leaves = sampleLeaves(77);
    for (let size = 0; size <= 77; size++) {
      const root = await log.rootAt(BigInt(size));
      expect(root.ok && encodeHex(root.value)).toBe(
        encodeHex(referenceRoot(leaves.slice(0, size))),
      );
    }
  });

  it('makes the RFC 6962 inclusion and consistency proofs', async () => {
    const log = await logOf(40);
    const leaves = sampleLeaves(40);
    for (let size = 1; size <= 40; size++) {
      for (let index = 0; index < size; index++) {
        const proof = await log.inclusionProof(BigInt(index), BigInt(size));
        expect(proof.ok && hex(proof.value)).toEqual(
          hex(referenceInclusion(index, leaves.slice(0, size))),
        );
      }
      for (let older = 0; older <= size; older++) {
        const proof = await log.consistencyProof(BigInt(older), BigInt(size));
        expect(proof.ok && hex(proof.value)).toEqual(
          hex(referenceConsistency(older, leaves.slice(0, size))),
        );
      }
    }
  });

  it('survives being reopened on the same storage', async () => {
    const storage = new MemoryLogStorage();
    const first = await logOf(1000, storage);
    const reopened = await Log.open(storage);
    expect(reopened.size).toBe(1000n);
    expect(encodeHex(reopened.root())).toBe(encodeHex(first.root()));
    await reopened.append([sampleEntry(1000)]);
    expect(encodeHex(reopened.root())).toBe(encodeHex(referenceRoot(sampleLeaves(1001))));
  });

  it('never forks: a writer behind the stored log is refused and catches up', async () => {
    const storage = new MemoryLogStorage();
    const a = await Log.open(storage);
    const b = await Log.open(storage);
    expect((await a.append([sampleEntry(0)])).ok).toBe(true);
    const stale = await b.append([sampleEntry(99)]);
    expect(stale.ok || stale.error.code).toBe('sequence_conflict');
    expect(b.size).toBe(1n);
    expect((await b.append([sampleEntry(1)])).ok).toBe(true);
    expect(encodeHex(b.root())).toBe(encodeHex(referenceRoot(sampleLeaves(2))));
  });

  it('refuses an entry too large for an entry bundle, and appends nothing of the batch', async () => {
    const log = await Log.open(new MemoryLogStorage());
    const appended = await log.append([sampleEntry(0), new Uint8Array(65_536)]);
    expect(appended.ok || appended.error.code).toBe('entry_too_large');
    expect(log.size).toBe(0n);
  });

  it('refuses proofs and tiles beyond its size', async () => {
    const log = await logOf(10);
    const proof = await log.inclusionProof(3n, 11n);
    expect(proof.ok || proof.error.code).toBe('beyond_size');
    const tile = await log.tile({ level: 0, index: 0n, width: 11 });
    expect(tile.ok || tile.error.code).toBe('beyond_size');
  });
});

describe('proofs of random trees (property)', () => {
  // One log of a few thousand leaves; trees of every smaller size are its prefixes.
  const maxSize = 3000;
  const shared = logOf(maxSize);

  const treeAndIndex = fc
    .integer({ min: 1, max: maxSize })
    .chain((size) => fc.tuple(fc.constant(size), fc.integer({ min: 0, max: size - 1 })));

  it('every inclusion proof verifies, and any single-bit change fails', async () => {
    const log = await shared;
    await fc.assert(
      fc.asyncProperty(treeAndIndex, fc.nat(), async ([size, index], bit) => {
        const n = BigInt(size);
        const i = BigInt(index);
        const root = await log.rootAt(n);
        const proof = await log.inclusionProof(i, n);
        const leaf = sampleLeaves(index + 1)[index]!;
        if (!root.ok || !proof.ok) return false;
        if (!verifyInclusion(leaf, i, n, proof.value, root.value).ok) return false;
        // A bit flipped in the root, the leaf, the index, the size or any proof hash.
        const flip = 1n << BigInt(bit % 64);
        const sameSteps =
          shape(inclusionRanges(i, n ^ flip), i) === shape(inclusionRanges(i, n), i);
        if (!sameSteps && verifyInclusion(leaf, i, n ^ flip, proof.value, root.value).ok)
          return false;
        const bad = [
          verifyInclusion(leaf, i, n, proof.value, flipBit(root.value, bit)),
          verifyInclusion(flipBit(leaf, bit) as Hash, i, n, proof.value, root.value),
          verifyInclusion(leaf, i ^ flip, n, proof.value, root.value),
          ...proof.value.map((_, k) =>
            verifyInclusion(
              leaf,
              i,
              n,
              proof.value.map((h, j) => (j === k ? flipBit(h, bit) : h)),
              root.value,
            ),
          ),
        ];
        return bad.every((r) => !r.ok);
      }),
      { numRuns: 300 },
    );
  });

  it('every consistency proof verifies, and any single-bit change fails', async () => {
    const log = await shared;
    const sizes = fc
      .integer({ min: 1, max: maxSize })
      .chain((size2) => fc.tuple(fc.integer({ min: 1, max: size2 }), fc.constant(size2)));
    await fc.assert(
      fc.asyncProperty(sizes, fc.nat(), async ([size1, size2], bit) => {
        const m = BigInt(size1);
        const n = BigInt(size2);
        const root1 = await log.rootAt(m);
        const root2 = await log.rootAt(n);
        const proof = await log.consistencyProof(m, n);
        if (!root1.ok || !root2.ok || !proof.ok) return false;
        const r1 = root1.value;
        const r2 = root2.value;
        if (!verifyConsistency(m, n, proof.value, r1, r2).ok) return false;
        const flip = 1n << BigInt(bit % 64);
        const bad = [
          verifyConsistency(m, n, proof.value, flipBit(r1, bit), r2),
          verifyConsistency(m, n, proof.value, r1, flipBit(r2, bit)),
          ...proof.value.map((_, k) =>
            verifyConsistency(
              m,
              n,
              proof.value.map((h, j) => (j === k ? flipBit(h, bit) : h)),
              r1,
              r2,
            ),
          ),
        ];
        const steps = (a: bigint, b: bigint): string =>
          `${(a & (a - 1n)) === 0n}${shape(consistencyRanges(a, b), a - 1n)}`;
        for (const [a, b] of [
          [m ^ flip, n],
          [m, n ^ flip],
        ] as const) {
          if (steps(a, b) !== steps(m, n) && verifyConsistency(a, b, proof.value, r1, r2).ok) {
            return false;
          }
        }
        return bad.every((r) => !r.ok);
      }),
      { numRuns: 300 },
    );
  });
});
