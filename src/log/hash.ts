// RFC 6962 / RFC 9162 §2.1.1 hashing: leaves and interior nodes of the log's Merkle tree.
import { sha256 as digest } from '../core/sha256.js';

/** A SHA-256 digest: always 32 bytes. */
export type Hash = Uint8Array & { readonly __brand: 'Hash' };

export const HASH_SIZE = 32;

const LEAF_PREFIX = new Uint8Array([0x00]);
const NODE_PREFIX = new Uint8Array([0x01]);

/** SHA-256 (src/core/sha256.ts) of bytes, typed as a Hash: the same function, not a wrapper. */
export const sha256 = digest as (...parts: readonly Uint8Array[]) => Hash;

export function leafHash(entry: Uint8Array): Hash {
  return sha256(LEAF_PREFIX, entry);
}

export function nodeHash(left: Hash, right: Hash): Hash {
  return sha256(NODE_PREFIX, left, right);
}

/** The root of the empty tree: SHA-256 of nothing. */
export const EMPTY_ROOT: Hash = sha256();

/** Accepts bytes as a Hash only when they have a hash's length. */
export function asHash(bytes: Uint8Array): Hash | undefined {
  return bytes.length === HASH_SIZE ? (bytes as Hash) : undefined;
}

export function hashesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}
