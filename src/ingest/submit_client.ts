// Signing a submission and sending it to a Tally server: what `tally submit`, the simulator and
// the tests use.
import type { JsonValue } from '../core/canonical_json.js';
import { SUBMISSION_CONTEXT } from '../core/log_entry.js';
import type { SignedSubmission, Submission } from '../core/submission.js';
import { signObject } from '../log/envelope.js';
import type { Signer } from '../log/note.js';

export function signSubmission(submission: Submission, signer: Signer): SignedSubmission {
  const { signer: ref, signature } = signObject(
    SUBMISSION_CONTEXT,
    submission as unknown as JsonValue,
    signer,
  );
  return { submission, signer: ref, signature };
}

export interface SendResult {
  readonly status: number;
  /** The server's answer: `{ receipt }` or `{ error: { code, message, details } }`. */
  readonly body: unknown;
}

export async function sendSubmission(
  server: string,
  signed: SignedSubmission | string,
  signal?: AbortSignal,
): Promise<SendResult> {
  const body = typeof signed === 'string' ? signed : JSON.stringify(signed);
  const election =
    typeof signed === 'string'
      ? (JSON.parse(signed) as SignedSubmission).submission.election
      : signed.submission.election;
  const url = new URL(
    `v1/elections/${encodeURIComponent(election)}/submissions`,
    server.endsWith('/') ? server : `${server}/`,
  );
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    ...(signal === undefined ? {} : { signal }),
  });
  return { status: response.status, body: await response.json() };
}

/** One line's answer in a batch: the status and body it would have had if posted alone. */
export interface BatchLineResult {
  readonly status: number;
  readonly receipt?: {
    readonly status?: string;
    readonly leafIndex?: number;
    readonly warnings?: readonly { readonly code: string }[];
  };
  readonly error?: {
    readonly code?: string;
    readonly details?: { readonly receipt?: { readonly leafIndex?: number } };
  };
}

/**
 * Sends several signed submissions of one election in one request (NDJSON), as a county's
 * tabulation system exports its precincts. The body has `results`, one per line, in order.
 */
export async function sendSubmissionBatch(
  server: string,
  election: string,
  signed: readonly SignedSubmission[],
  signal?: AbortSignal,
): Promise<SendResult> {
  const url = new URL(
    `v1/elections/${encodeURIComponent(election)}/submission-batches`,
    server.endsWith('/') ? server : `${server}/`,
  );
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-ndjson' },
    body: signed.map((s) => JSON.stringify(s)).join('\n'),
    ...(signal === undefined ? {} : { signal }),
  });
  return { status: response.status, body: await response.json() };
}
