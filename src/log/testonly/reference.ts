// Textbook RFC 6962 definitions (MTH, PATH, PROOF), written recursively from the RFC's text,
// for tests to compare the log's incremental and range-based code against.
import { EMPTY_ROOT, leafHash, nodeHash, type Hash } from '../hash.js';

function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

export function referenceRoot(leaves: readonly Hash[]): Hash {
  if (leaves.length === 0) return EMPTY_ROOT;
  if (leaves.length === 1) return leaves[0] as Hash;
  const k = split(leaves.length);
  return nodeHash(referenceRoot(leaves.slice(0, k)), referenceRoot(leaves.slice(k)));
}

export function referenceInclusion(m: number, leaves: readonly Hash[]): Hash[] {
  if (leaves.length <= 1) return [];
  const k = split(leaves.length);
  return m < k
    ? [...referenceInclusion(m, leaves.slice(0, k)), referenceRoot(leaves.slice(k))]
    : [...referenceInclusion(m - k, leaves.slice(k)), referenceRoot(leaves.slice(0, k))];
}

function subproof(m: number, leaves: readonly Hash[], complete: boolean): Hash[] {
  const n = leaves.length;
  if (m === n) return complete ? [] : [referenceRoot(leaves)];
  const k = split(n);
  return m <= k
    ? [...subproof(m, leaves.slice(0, k), complete), referenceRoot(leaves.slice(k))]
    : [...subproof(m - k, leaves.slice(k), false), referenceRoot(leaves.slice(0, k))];
}

export function referenceConsistency(m: number, leaves: readonly Hash[]): Hash[] {
  return m === 0 || m === leaves.length ? [] : subproof(m, leaves, true);
}

/** Leaf hashes of entries "leaf 0", "leaf 1", ... */
export function sampleLeaves(count: number): Hash[] {
  return Array.from({ length: count }, (_, i) => leafHash(sampleEntry(i)));
}

export function sampleEntry(i: number): Uint8Array {
  return new TextEncoder().encode(`leaf ${i}`);
}
