// Receipts with their proof: a sender can fetch its receipt with the newest checkpoint and the
// inclusion proof that ties its entry to it. The ledger (src/store/ledger.ts) records the
// checkpoints as the log grows.
import { decodeLogEntry } from '../core/log_entry.js';
import { err, ok, problem, type Problem, type Result } from '../core/result.js';
import { encodeBase64 } from '../log/encoding.js';
import type { Ledger } from '../store/ledger.js';
import { receiptOf, type Receipt } from './receipt.js';

/** The log's origin: `<host>/<election>`, as its checkpoints name it. */
export function logOrigin(host: string, electionId: string): string {
  return `${host}/${electionId}`;
}

export interface ProvenReceipt {
  readonly receipt: Receipt;
  /** The signed checkpoint that covers the entry, once there is one. */
  readonly checkpoint?: string;
  readonly treeSize?: number;
  /** Base64 hashes: the RFC 9162 inclusion proof of the entry in the checkpoint's tree. */
  readonly inclusionProof?: readonly string[];
}

export type ReceiptProblem = Problem<'unknown_receipt'>;

export async function provenReceipt(
  ledger: Ledger,
  leafIndex: number,
): Promise<Result<ProvenReceipt, ReceiptProblem>> {
  const proven = await ledger.receipt(leafIndex);
  const entry = proven.ok ? decodeLogEntry(proven.value.bytes) : undefined;
  if (
    !proven.ok ||
    entry?.ok !== true ||
    (entry.value.type !== 'submission' && entry.value.type !== 'rejection')
  ) {
    return err(
      problem(
        'unknown_receipt',
        `entry ${String(leafIndex)} of "${ledger.electionId}" is not a submission`,
      ),
    );
  }
  const { bytes, checkpoint, inclusionProof } = proven.value;
  const receipt = receiptOf(ledger.electionId, leafIndex, bytes, entry.value);
  if (checkpoint === undefined || inclusionProof === undefined) return ok({ receipt });
  return ok({
    receipt,
    checkpoint: checkpoint.note,
    treeSize: checkpoint.size,
    inclusionProof: inclusionProof.map(encodeBase64),
  });
}
