// Checkpoints and receipts: the log's signed state is recorded as it grows (so that within a
// second every acknowledged submission is covered), and a sender can fetch its receipt with
// the newest checkpoint and the inclusion proof that ties its entry to it.
import { err, ok, problem, type Problem, type Result } from '../core/result.js';
import { encodeBase64 } from '../log/encoding.js';
import type { Log } from '../log/log.js';
import type { Signer } from '../log/note.js';
import type { Store } from '../store/store.js';
import { receiptOf, type Receipt } from './ingest.js';
import { decodeLogEntry } from '../core/log_entry.js';

export interface CheckpointRecord {
  readonly size: number;
  readonly note: string;
}

/** The log's origin: `<host>/<election>`, as its checkpoints name it. */
export function logOrigin(host: string, electionId: string): string {
  return `${host}/${electionId}`;
}

export async function latestCheckpoint(
  store: Store,
  electionId: string,
): Promise<CheckpointRecord | undefined> {
  return store.db
    .selectFrom('checkpoints')
    .select(['size', 'note'])
    .where('election_id', '=', electionId)
    .orderBy('size', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/**
 * Signs and stores a checkpoint of the log as this process knows it, unless one at least as
 * new is already stored. Returns the checkpoint stored, if any.
 */
export async function recordCheckpoint(
  store: Store,
  electionId: string,
  log: Log,
  origin: string,
  signer: Signer,
  now: Date,
): Promise<CheckpointRecord | undefined> {
  const size = Number(log.size);
  const latest = await latestCheckpoint(store, electionId);
  if (latest !== undefined && latest.size >= size) return undefined;
  const note = log.checkpoint(origin, [signer]);
  if (!note.ok) throw new Error(`checkpoint: ${note.error.message}`);
  await store.db
    .insertInto('checkpoints')
    .values({ election_id: electionId, size, note: note.value, created_at: now.toISOString() })
    .onConflict((oc) => oc.columns(['election_id', 'size']).doNothing())
    .execute();
  return { size, note: note.value };
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
  store: Store,
  electionId: string,
  log: Log,
  leafIndex: number,
): Promise<Result<ProvenReceipt, ReceiptProblem>> {
  const row = await store.db
    .selectFrom('log_entries')
    .select('entry')
    .where('election_id', '=', electionId)
    .where('leaf_index', '=', leafIndex)
    .executeTakeFirst();
  const bytes = row === undefined ? undefined : new Uint8Array(row.entry);
  const entry = bytes === undefined ? undefined : decodeLogEntry(bytes);
  if (
    bytes === undefined ||
    entry?.ok !== true ||
    (entry.value.type !== 'submission' && entry.value.type !== 'rejection')
  ) {
    return err(
      problem('unknown_receipt', `entry ${leafIndex} of "${electionId}" is not a submission`),
    );
  }
  const receipt = receiptOf(electionId, leafIndex, bytes, entry.value);
  const checkpoint = await latestCheckpoint(store, electionId);
  if (checkpoint === undefined || checkpoint.size <= leafIndex) return ok({ receipt });
  // Another process may have grown the log past what this one has seen.
  if (log.size < BigInt(checkpoint.size)) await log.exclusive(() => log.reload());
  const proof = await log.inclusionProof(BigInt(leafIndex), BigInt(checkpoint.size));
  if (!proof.ok) throw new Error(`inclusion proof: ${proof.error.message}`);
  return ok({
    receipt,
    checkpoint: checkpoint.note,
    treeSize: checkpoint.size,
    inclusionProof: proof.value.map(encodeBase64),
  });
}
