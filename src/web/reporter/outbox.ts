// The outbox: signed reports and photos waiting to reach the server, kept on the phone
// (device_store.ts) until each has an answer that settles it, and sent in the order they were
// made (a key's sequence numbers must arrive rising). What an answer means is decided here, pure:
// a receipt settles a report, accepted, held or rejected (a rejection is logged too, so it has a
// receipt); a refusal without one settles it as refused; no network, a busy server (429) or a
// server error leaves it waiting, and everything after it. Sending the very same signed report
// again is harmless: the server answers the first receipt (200).
import type { SignedSubmission, Submission } from '../../core/submission.js';
import type { Receipt } from './inclusion.js';

export type OutboxItem =
  | {
      readonly id?: number;
      readonly kind: 'evidence';
      readonly election: string;
      readonly sha256: string;
      readonly mediaType: string;
      readonly photo: Blob;
      /** `Tally-Device <ref> <signature>`: the device's signature of the photo's SHA-256. */
      readonly authorization: string;
      readonly queuedAt: string;
    }
  | {
      readonly id?: number;
      readonly kind: 'submission';
      readonly election: string;
      readonly signed: SignedSubmission;
      /** The exact body sent, every time: a re-send is the same bytes. */
      readonly body: string;
      readonly queuedAt: string;
    };

/** What the network did with one request. */
export type Answer =
  | { readonly type: 'unreachable' }
  | { readonly type: 'answered'; readonly status: number; readonly body: unknown };

/** How an item left the outbox. */
export type Settled =
  | { readonly type: 'receipt'; readonly receipt: Receipt }
  | { readonly type: 'uploaded' }
  | {
      readonly type: 'refused';
      readonly status: number;
      readonly code: string;
      readonly message: string;
    };

/** An item the outbox has settled, kept to show (and, for a report, to prove). */
export interface SentRecord {
  /** The outbox item's id. */
  readonly id: number;
  readonly kind: OutboxItem['kind'];
  readonly election: string;
  readonly settledAt: string;
  readonly settled: Settled;
  /** A report's submission, as signed. */
  readonly submission?: Submission;
  /** The inclusion proof's check, once made: against which checkpoint. */
  readonly proof?: {
    readonly checkedAt: string;
    readonly size: string;
    readonly rootBase64: string;
    readonly origin: string;
    readonly checkpoint: string;
    readonly inclusionProof: readonly string[];
  };
  /** Why the inclusion proof did not check out: the log may not hold what the receipt says. */
  readonly proofProblem?: { readonly code: string; readonly message: string };
  /** A held report decided since: how, and the review's entry. */
  readonly review?: { readonly status: string; readonly entry: number };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** A receipt as the server answers it, checked for the fields the phone relies on. */
export function receiptIn(value: unknown): Receipt | undefined {
  if (!isObject(value)) return undefined;
  const { leafIndex, leafHash, status, election } = value;
  if (typeof leafIndex !== 'number' || !Number.isSafeInteger(leafIndex) || leafIndex < 0)
    return undefined;
  if (typeof leafHash !== 'string' || typeof election !== 'string') return undefined;
  if (status !== 'accepted' && status !== 'held' && status !== 'rejected') return undefined;
  const warnings = Array.isArray(value['warnings']) ? value['warnings'] : [];
  return { ...(value as unknown as Receipt), warnings: warnings as Receipt['warnings'] };
}

/** The one error shape's code and message, or what to say when an answer has none. */
function errorIn(body: unknown, status: number): { code: string; message: string } {
  const error = isObject(body) ? body['error'] : undefined;
  if (isObject(error) && typeof error['code'] === 'string' && typeof error['message'] === 'string')
    return { code: error['code'], message: error['message'] };
  return { code: `http_${String(status)}`, message: `the server answered ${String(status)}` };
}

/** Whether a status means "not now": the item waits and is sent again later. */
export const isTransient = (status: number): boolean =>
  status === 408 || status === 429 || status >= 500;

/** What an answer makes of an item: settled, or 'later' (it stays in the outbox). */
export function settledBy(item: OutboxItem, answer: Answer): Settled | 'later' {
  if (answer.type === 'unreachable' || isTransient(answer.status)) return 'later';
  const { status, body } = answer;
  if (item.kind === 'evidence') {
    return status === 201 || status === 200
      ? { type: 'uploaded' }
      : { type: 'refused', status, ...errorIn(body, status) };
  }
  if (status === 200 || status === 201) {
    const receipt = receiptIn(isObject(body) ? body['receipt'] : undefined);
    if (receipt !== undefined) return { type: 'receipt', receipt };
  }
  // A rejection is logged with a receipt too (error.details.receipt).
  const error = isObject(body) ? body['error'] : undefined;
  const details = isObject(error) ? error['details'] : undefined;
  const receipt = receiptIn(isObject(details) ? details['receipt'] : undefined);
  if (receipt !== undefined) return { type: 'receipt', receipt };
  return { type: 'refused', status, ...errorIn(body, status) };
}

export interface OutboxDeps {
  /** The items waiting, oldest first. */
  readonly waiting: () => Promise<readonly OutboxItem[]>;
  readonly send: (item: OutboxItem) => Promise<Answer>;
  /** Takes a settled item out of the outbox and keeps what became of it. */
  readonly settle: (item: OutboxItem, settled: Settled) => Promise<void>;
}

/**
 * Sends what waits, oldest first, until the outbox is empty or an item must wait (and every item
 * after it: a report signed later must not overtake one signed before). Answers how many items
 * were settled and whether any still wait.
 */
export async function drainOutbox(
  deps: OutboxDeps,
): Promise<{ readonly settled: number; readonly waiting: number }> {
  const items = await deps.waiting();
  let settled = 0;
  for (const item of items) {
    const outcome = settledBy(item, await deps.send(item));
    if (outcome === 'later') return { settled, waiting: items.length - settled };
    await deps.settle(item, outcome);
    settled++;
  }
  return { settled, waiting: 0 };
}

/**
 * Whether the device already reported for the unit and vote type (a report waiting, or one the
 * log admitted, accepted or held): its next one there replaces it, and must say why (an
 * amendment), or the rules reject it.
 */
export function hasEarlierReport(
  waiting: readonly OutboxItem[],
  sent: readonly SentRecord[],
  report: { readonly election: string; readonly unit: string; readonly voteType: string },
): boolean {
  const same = (s: Submission | undefined): boolean =>
    s !== undefined &&
    s.election === report.election &&
    s.unit === report.unit &&
    s.voteType === report.voteType;
  return (
    waiting.some((i) => i.kind === 'submission' && same(i.signed.submission)) ||
    sent.some(
      (r) =>
        r.settled.type === 'receipt' &&
        r.settled.receipt.status !== 'rejected' &&
        same(r.submission),
    )
  );
}
