// The shape of an RFC 6962 Merkle tree over a growing list of leaves: which perfect subtrees
// make up a range, how to hash them into a root, and the compact "frontier" that lets a log
// append a leaf and compute its root in O(log n) without reading old nodes back.
import { EMPTY_ROOT, nodeHash, type Hash } from './hash.js';

/** A perfect subtree: the 2^level leaves starting at index * 2^level. */
export interface NodeId {
  readonly level: number;
  readonly index: bigint;
}

/** A created node and its hash, as the log hands it to storage. */
export interface TreeNode extends NodeId {
  readonly hash: Hash;
}

/** A half-open range of leaves [begin, end), as used by MTH(D[begin:end]). */
export interface LeafRange {
  readonly begin: bigint;
  readonly end: bigint;
}

/** The largest power of two strictly below n (n > 1). */
export function splitPoint(n: bigint): bigint {
  let k = 1n;
  while (k << 1n < n) k <<= 1n;
  return k;
}

/**
 * The perfect subtrees, largest first, whose hashes fold into MTH(D[begin:end]). In RFC 6962
 * every such range starts at a multiple of a power of two at least as large as the range.
 */
export function perfectSubtrees(range: LeafRange): NodeId[] {
  const nodes: NodeId[] = [];
  let position = range.begin;
  let remaining = range.end - range.begin;
  for (let level = bitLength(remaining) - 1; level >= 0; level--) {
    const width = 1n << BigInt(level);
    if ((remaining & width) === 0n) continue;
    if (position % width !== 0n) throw new Error('perfectSubtrees: range is not aligned');
    nodes.push({ level, index: position >> BigInt(level) });
    position += width;
    remaining -= width;
  }
  return nodes;
}

/** Folds the hashes of a range's perfect subtrees, largest first, into the range's hash. */
export function foldSubtrees(hashes: readonly Hash[]): Hash {
  let root = hashes[hashes.length - 1];
  if (root === undefined) return EMPTY_ROOT;
  for (let i = hashes.length - 2; i >= 0; i--) root = nodeHash(hashes[i] as Hash, root);
  return root;
}

export function bitLength(n: bigint): number {
  let bits = 0;
  for (let v = n; v > 0n; v >>= 1n) bits++;
  return bits;
}

/**
 * The hashes of the perfect subtrees that make up [0, size), largest first: everything needed to
 * append the next leaf and to compute the root.
 */
export interface Frontier {
  readonly size: bigint;
  readonly hashes: readonly Hash[];
}

export const EMPTY_FRONTIER: Frontier = { size: 0n, hashes: [] };

/** Appends one leaf; returns the new frontier and every node the append completed. */
export function appendLeaf(
  frontier: Frontier,
  leaf: Hash,
): { frontier: Frontier; created: TreeNode[] } {
  const hashes = frontier.hashes.slice();
  const created: TreeNode[] = [{ level: 0, index: frontier.size, hash: leaf }];
  let carry = leaf;
  let level = 0;
  let index = frontier.size;
  while ((frontier.size >> BigInt(level)) & 1n) {
    const left = hashes.pop();
    if (left === undefined) throw new Error('appendLeaf: frontier does not match its size');
    carry = nodeHash(left, carry);
    level++;
    index >>= 1n;
    created.push({ level, index, hash: carry });
  }
  hashes.push(carry);
  return { frontier: { size: frontier.size + 1n, hashes }, created };
}

export function frontierRoot(frontier: Frontier): Hash {
  return foldSubtrees(frontier.hashes);
}

/** The node ids a frontier of this size holds, largest first. */
export function frontierNodes(size: bigint): NodeId[] {
  return perfectSubtrees({ begin: 0n, end: size });
}
