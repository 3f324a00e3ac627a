// What a sender keeps of a submission: its receipt, where its entry is in the log and what became
// of it. A receipt is a function of its log entry, so anyone holding the entry can make it again
// (and a sender can hold the log to the receipt it was given: src/verify/receipt.ts).
import { z } from 'zod';
import type { SubmissionKind } from '../core/admission.js';
import { decodeLogEntry, type LogEntry } from '../core/log_entry.js';
import { throwIllegalValue, type ProblemSummary } from '../core/result.js';
import { encodeBase64 } from '../log/encoding.js';
import { leafHash } from '../log/hash.js';

export type SubmissionStatus = 'accepted' | 'held' | 'rejected';

/** What a sender keeps: where its submission is in the log, and what became of it. */
export interface Receipt {
  readonly election: string;
  readonly leafIndex: number;
  /** Base64 RFC 6962 leaf hash of the log entry. */
  readonly leafHash: string;
  readonly receivedAt: string;
  readonly status: SubmissionStatus;
  readonly kind?: SubmissionKind;
  readonly unit?: string;
  readonly voteType?: string;
  readonly sequence?: number;
  readonly warnings: readonly ProblemSummary[];
  readonly error?: ProblemSummary;
}

const ProblemSummarySchema = z.object({ code: z.string(), message: z.string() });

/** A receipt as the ingest API documents it (OpenAPI) and as a sender's copy is read back. */
export const ReceiptSchema = z
  .object({
    election: z.string(),
    leafIndex: z.int().min(0),
    leafHash: z.string().meta({ description: 'base64 RFC 6962 leaf hash' }),
    receivedAt: z.iso.datetime(),
    status: z.enum(['accepted', 'held', 'rejected']),
    kind: z.enum(['original', 'amendment', 'corroboration', 'conflict']).optional(),
    unit: z.string().optional(),
    voteType: z.string().optional(),
    sequence: z.int().optional(),
    warnings: z.array(ProblemSummarySchema).readonly(),
    error: ProblemSummarySchema.optional(),
  })
  .meta({ description: 'Where the submission is in the log, and what became of it.' });

/** A receipt as the API documents it: this compiles only while the two agree. */
export function documented(receipt: Receipt): z.input<typeof ReceiptSchema> {
  return receipt;
}

/** What a receipt says beyond where its entry is: a function of the entry alone. */
export type ReceiptFields = Omit<Receipt, 'election' | 'leafIndex' | 'leafHash'>;

export function receiptFields(entry: LogEntry): ReceiptFields {
  switch (entry.type) {
    case 'submission': {
      const { submission } = entry.signed;
      return {
        receivedAt: entry.receivedAt,
        status: entry.status,
        kind: entry.kind,
        unit: submission.unit,
        voteType: submission.voteType,
        sequence: submission.sequence,
        warnings: entry.warnings,
      };
    }
    case 'rejection': {
      const submission = entry.signed?.submission;
      return {
        receivedAt: entry.receivedAt,
        status: 'rejected',
        ...(submission === undefined
          ? {}
          : {
              unit: submission.unit,
              voteType: submission.voteType,
              sequence: submission.sequence,
            }),
        warnings: [],
        error: entry.error,
      };
    }
    case 'election':
    case 'election-part':
    case 'roster':
    case 'review':
    case 'release':
    case 'contest-status':
      throw new Error(`a ${entry.type} log entry is not a submission`);
    default:
      return throwIllegalValue(entry);
  }
}

/**
 * A receipt is a function of its log entry: the same for the sender at once, for an identical
 * re-send, and for anyone who fetches it later.
 */
export function receiptOf(
  election: string,
  leafIndex: number,
  bytes: Uint8Array,
  decoded?: LogEntry,
): Receipt {
  let entry = decoded;
  if (entry === undefined) {
    const parsed = decodeLogEntry(bytes);
    if (!parsed.ok) throw new Error(`log entry ${leafIndex}: ${parsed.error.message}`);
    entry = parsed.value;
  }
  return {
    election,
    leafIndex,
    leafHash: encodeBase64(leafHash(bytes)),
    ...receiptFields(entry),
  };
}
