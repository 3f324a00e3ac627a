// Inclusion and consistency proofs, RFC 9162 §2.1.3 and §2.1.4: which subtree hashes a proof is
// made of (so any storage can supply them), and the verification algorithms, with every size
// and index a bigint so that no input can overflow.
import { err, ok, problem, type Problem, type Result } from '../core/result.js';
import { EMPTY_ROOT, HASH_SIZE, hashesEqual, nodeHash, type Hash } from './hash.js';
import { splitPoint, type LeafRange } from './tree.js';

export type ProofProblem = Problem<
  'index_out_of_range' | 'size_order' | 'malformed_proof' | 'root_mismatch'
>;

/** The ranges whose hashes form the inclusion proof of leaf `index` in a tree of `size`. */
export function inclusionRanges(index: bigint, size: bigint): Result<LeafRange[], ProofProblem> {
  if (index < 0n || index >= size) {
    return err(problem('index_out_of_range', `leaf ${index} is not in a tree of size ${size}`));
  }
  const ranges: LeafRange[] = [];
  // PATH(m, D[begin:end]) from RFC 9162 §2.1.3.1, unrolled; siblings collected top-down.
  let begin = 0n;
  let end = size;
  while (end - begin > 1n) {
    const k = splitPoint(end - begin);
    if (index - begin < k) {
      ranges.push({ begin: begin + k, end });
      end = begin + k;
    } else {
      ranges.push({ begin, end: begin + k });
      begin += k;
    }
  }
  return ok(ranges.reverse());
}

/** The ranges whose hashes form the consistency proof from size1 to size2 (RFC 9162 §2.1.4.1). */
export function consistencyRanges(size1: bigint, size2: bigint): Result<LeafRange[], ProofProblem> {
  if (size1 < 0n || size1 > size2) {
    return err(problem('size_order', `no consistency proof from size ${size1} to ${size2}`));
  }
  if (size1 === 0n || size1 === size2) return ok([]);
  const ranges: LeafRange[] = [];
  // SUBPROOF(m, D[begin:end], b), unrolled; collected top-down.
  let m = size1;
  let begin = 0n;
  let end = size2;
  let complete = true;
  for (;;) {
    const n = end - begin;
    if (m === n) {
      if (!complete) ranges.push({ begin, end });
      break;
    }
    const k = splitPoint(n);
    if (m <= k) {
      ranges.push({ begin: begin + k, end });
      end = begin + k;
    } else {
      ranges.push({ begin, end: begin + k });
      begin += k;
      m -= k;
      complete = false;
    }
  }
  return ok(ranges.reverse());
}

function checkHashes(proof: readonly Uint8Array[]): Result<readonly Hash[], ProofProblem> {
  for (const [i, h] of proof.entries()) {
    if (h.length !== HASH_SIZE) {
      return err(
        problem('malformed_proof', `proof hash ${i} has ${h.length} bytes, not ${HASH_SIZE}`),
      );
    }
  }
  return ok(proof as readonly Hash[]);
}

/** Recomputes the root from a leaf and its inclusion proof (RFC 9162 §2.1.3.2). */
export function rootFromInclusionProof(
  leaf: Hash,
  index: bigint,
  size: bigint,
  proof: readonly Uint8Array[],
): Result<Hash, ProofProblem> {
  if (index < 0n || index >= size) {
    return err(problem('index_out_of_range', `leaf ${index} is not in a tree of size ${size}`));
  }
  const checked = checkHashes(proof);
  if (!checked.ok) return checked;
  let fn = index;
  let sn = size - 1n;
  let r = leaf;
  for (const p of checked.value) {
    if (sn === 0n) return err(problem('malformed_proof', 'inclusion proof is too long'));
    if ((fn & 1n) === 1n || fn === sn) {
      r = nodeHash(p, r);
      while ((fn & 1n) === 0n && fn !== 0n) {
        fn >>= 1n;
        sn >>= 1n;
      }
    } else {
      r = nodeHash(r, p);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  if (sn !== 0n) return err(problem('malformed_proof', 'inclusion proof is too short'));
  return ok(r);
}

export function verifyInclusion(
  leaf: Hash,
  index: bigint,
  size: bigint,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): Result<undefined, ProofProblem> {
  const computed = rootFromInclusionProof(leaf, index, size, proof);
  if (!computed.ok) return computed;
  if (!hashesEqual(computed.value, root)) {
    return err(
      problem('root_mismatch', `inclusion proof of leaf ${index} does not lead to the root`),
    );
  }
  return ok();
}

/** Checks that the tree of size2 extends the tree of size1 (RFC 9162 §2.1.4.2). */
export function verifyConsistency(
  size1: bigint,
  size2: bigint,
  proof: readonly Uint8Array[],
  root1: Uint8Array,
  root2: Uint8Array,
): Result<undefined, ProofProblem> {
  if (size1 < 0n || size1 > size2) {
    return err(problem('size_order', `no consistency proof from size ${size1} to ${size2}`));
  }
  const checked = checkHashes(proof);
  if (!checked.ok) return checked;
  const path = checked.value;
  if (size1 === size2 || size1 === 0n) {
    if (path.length > 0) {
      return err(problem('malformed_proof', `a proof from size ${size1} to ${size2} is empty`));
    }
    const expected = size1 === 0n ? EMPTY_ROOT : root2;
    if (!hashesEqual(root1, expected)) {
      return err(problem('root_mismatch', `the roots of size ${size1} do not match`));
    }
    return ok();
  }
  if (path.length === 0) return err(problem('malformed_proof', 'consistency proof is empty'));

  const steps = (size1 & (size1 - 1n)) === 0n ? [root1 as Hash, ...path] : path;
  let fn = size1 - 1n;
  let sn = size2 - 1n;
  while ((fn & 1n) === 1n) {
    fn >>= 1n;
    sn >>= 1n;
  }
  let fr = steps[0] as Hash;
  let sr = fr;
  for (const c of steps.slice(1)) {
    if (sn === 0n) return err(problem('malformed_proof', 'consistency proof is too long'));
    if ((fn & 1n) === 1n || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while ((fn & 1n) === 0n && fn !== 0n) {
        fn >>= 1n;
        sn >>= 1n;
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  if (sn !== 0n) return err(problem('malformed_proof', 'consistency proof is too short'));
  if (!hashesEqual(fr, root1)) {
    return err(problem('root_mismatch', `the proof does not lead to the root of size ${size1}`));
  }
  if (!hashesEqual(sr, root2)) {
    return err(problem('root_mismatch', `the proof does not lead to the root of size ${size2}`));
  }
  return ok();
}
