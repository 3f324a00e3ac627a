// Proving on the phone that its report is in the public log: the receipt's leaf hash, its
// inclusion proof and the checkpoint it leads to (GET /v1/elections/:election/receipts/:leaf),
// checked with the log's own RFC 6962 code (src/log/proof.ts, the verifier's; its SHA-256 is
// sha256.ts in the browser). What the phone keeps (the checkpoint and the proof) anyone can later
// hold to the public log. Pure.
import { err, ok, problem, type Problem, type Result } from '../../core/result.js';
import { asHash } from '../../log/hash.js';
import { verifyInclusion } from '../../log/proof.js';
import { decodeBase64 } from './encoding.js';

/** A receipt as the ingest API answers it (src/ingest/receipt.ts). */
export interface Receipt {
  readonly election: string;
  readonly leafIndex: number;
  /** Base64 RFC 6962 leaf hash of the log entry. */
  readonly leafHash: string;
  readonly receivedAt: string;
  readonly status: 'accepted' | 'held' | 'rejected';
  readonly kind?: string;
  readonly unit?: string;
  readonly voteType?: string;
  readonly sequence?: number;
  readonly warnings: readonly { readonly code: string; readonly message: string }[];
  readonly error?: { readonly code: string; readonly message: string };
}

/** A receipt with the checkpoint that covers it and the inclusion proof, once there is one. */
export interface ProvenReceipt {
  readonly receipt: Receipt;
  readonly checkpoint?: string;
  readonly treeSize?: number;
  readonly inclusionProof?: readonly string[];
  /** A held submission decided since: how, and the review's entry. */
  readonly review?: { readonly status: string; readonly entry: number };
}

export type InclusionProblem = Problem<
  | 'not_yet_checkpointed'
  | 'other_entry'
  | 'malformed_checkpoint'
  | 'malformed_proof'
  | 'not_included'
>;

/** A checkpoint's body (C2SP tlog-checkpoint): the log's origin, size and root hash. */
export interface CheckpointBody {
  readonly origin: string;
  readonly size: bigint;
  readonly root: Uint8Array;
  /** The root as the checkpoint writes it (base64), which readers compare. */
  readonly rootBase64: string;
}

const malformed = (why: string): Result<never, InclusionProblem> =>
  err(problem('malformed_checkpoint', `malformed checkpoint: ${why}`));

/**
 * The body of a signed checkpoint note, read as src/log/checkpoint.ts parseCheckpoint reads it
 * (which needs node:crypto for the note's signatures; inclusion.test.ts holds the two together).
 * The signature is not checked here: the phone has no key of the log but the server's word.
 */
export function checkpointBody(note: string): Result<CheckpointBody, InclusionProblem> {
  const split = note.lastIndexOf('\n\n');
  if (split < 0) return malformed('no blank line before the signatures');
  const [origin, sizeText, rootText, ...extensions] = note.slice(0, split).split('\n');
  if (origin === undefined || origin === '') return malformed('empty origin line');
  if (sizeText === undefined || !/^(?:0|[1-9][0-9]*)$/.test(sizeText))
    return malformed(`bad tree size "${sizeText ?? ''}"`);
  const size = BigInt(sizeText);
  if (size >= 1n << 64n) return malformed(`bad tree size "${sizeText}"`);
  const root = rootText === undefined ? undefined : decodeBase64(rootText);
  if (root === undefined || rootText === undefined || root.length !== 32)
    return malformed('root hash is not 32 bytes of base64');
  if (extensions.some((line) => line === '')) return malformed('empty extension line');
  return ok({ origin, size, root, rootBase64: rootText });
}

/**
 * Checks that the log entry the phone was given a receipt for (`expected`: its election, leaf
 * index and leaf hash, as first answered) is in the log the checkpoint states: the proof leads
 * from the leaf hash to the checkpoint's root.
 */
export function checkInclusion(
  expected: Pick<Receipt, 'election' | 'leafIndex' | 'leafHash'>,
  proven: ProvenReceipt,
): Result<CheckpointBody, InclusionProblem> {
  if (
    proven.receipt.leafIndex !== expected.leafIndex ||
    proven.receipt.leafHash !== expected.leafHash
  ) {
    return err(
      problem(
        'other_entry',
        `the log's entry ${String(proven.receipt.leafIndex)} is not the one the receipt names`,
      ),
    );
  }
  if (proven.checkpoint === undefined || proven.inclusionProof === undefined)
    return err(problem('not_yet_checkpointed', 'no checkpoint covers the entry yet'));
  const body = checkpointBody(proven.checkpoint);
  if (!body.ok) return body;
  // The log's origin is `<host>/<election>` (src/ingest/checkpoints.ts logOrigin).
  if (!body.value.origin.endsWith(`/${expected.election}`))
    return malformed(`origin "${body.value.origin}" is not election ${expected.election}'s log`);
  if (proven.treeSize !== undefined && BigInt(proven.treeSize) !== body.value.size)
    return malformed('the proof is for another size of the log than the checkpoint');
  const leaf = asHash(decodeBase64(expected.leafHash) ?? new Uint8Array());
  if (leaf === undefined) return err(problem('malformed_proof', 'the leaf hash is not 32 bytes'));
  const path: Uint8Array[] = [];
  for (const step of proven.inclusionProof) {
    const bytes = decodeBase64(step);
    if (bytes === undefined) return err(problem('malformed_proof', 'a proof hash is not base64'));
    path.push(bytes);
  }
  const verified = verifyInclusion(
    leaf,
    BigInt(expected.leafIndex),
    body.value.size,
    path,
    body.value.root,
  );
  if (!verified.ok) {
    return err(
      problem(
        verified.error.code === 'malformed_proof' ? 'malformed_proof' : 'not_included',
        verified.error.message,
      ),
    );
  }
  return ok(body.value);
}
