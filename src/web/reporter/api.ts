// The server as the phone calls it, same origin, with no session: the enrolment takes the
// one-time code as its credential; the definition, receipts and checkpoints are public; reports
// carry their own signatures and photos the device's. Each call answers a value or why not.
import { err, ok, type Result } from '../../core/result.js';
import type { ElectionDefinition } from '../../web/staff/definition.js';
import type { ProvenReceipt } from './inclusion.js';
import type { Answer, OutboxItem } from './outbox.js';
import { receiptIn } from './outbox.js';

export type ApiFailure =
  | { readonly kind: 'unreachable' }
  | {
      readonly kind: 'refused';
      readonly status: number;
      readonly code: string;
      readonly message: string;
    };

const path = (election: string, rest: string): string =>
  `/v1/elections/${encodeURIComponent(election)}/${rest}`;

/** A request's answer: the status and the JSON body (if any), or unreachable. */
async function call(url: string, init: RequestInit = {}): Promise<Answer> {
  let response: Response;
  try {
    // No cache: every answer here is about now (a receipt's proof, a key's state). No cookie:
    // the device's calls need none, and a staff session in the same browser has no part in them.
    response = await fetch(url, { ...init, cache: 'no-store', credentials: 'omit' });
  } catch {
    return { type: 'unreachable' };
  }
  const type = response.headers.get('content-type') ?? '';
  let body: unknown;
  try {
    body = type.includes('json') ? await response.json() : await response.text();
  } catch {
    // An answer cut off on the way is no answer.
    return { type: 'unreachable' };
  }
  return { type: 'answered', status: response.status, body };
}

function failure(answer: Answer): ApiFailure {
  if (answer.type === 'unreachable') return { kind: 'unreachable' };
  const body = answer.body as { error?: { code?: unknown; message?: unknown } } | undefined;
  const code =
    typeof body?.error?.code === 'string' ? body.error.code : `http_${String(answer.status)}`;
  const message =
    typeof body?.error?.message === 'string'
      ? body.error.message
      : `the server answered ${String(answer.status)}`;
  return { kind: 'refused', status: answer.status, code, message };
}

export interface Enrolled {
  readonly entry: number;
  readonly ref: string;
  readonly unit: string;
}

export async function enrol(
  election: string,
  code: string,
  verifierKey: string,
): Promise<Result<Enrolled, ApiFailure>> {
  const answer = await call(path(election, 'enrolments'), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${code}` },
    body: JSON.stringify({ key: verifierKey }),
  });
  if (answer.type === 'answered' && answer.status === 201) {
    const body = answer.body as Partial<Enrolled>;
    if (
      typeof body.entry === 'number' &&
      typeof body.ref === 'string' &&
      typeof body.unit === 'string'
    )
      return ok({ entry: body.entry, ref: body.ref, unit: body.unit });
  }
  return err(failure(answer));
}

/** Where the roster has a key: certified for a unit, active or revoked. */
export interface KeyState {
  readonly ref: string;
  readonly unit: string;
  readonly state: 'active' | 'revoked';
  readonly entry: number;
}

export async function keyState(
  election: string,
  ref: string,
): Promise<Result<KeyState, ApiFailure>> {
  const answer = await call(path(election, `keys/${encodeURIComponent(ref)}`));
  if (answer.type === 'answered' && answer.status === 200) return ok(answer.body as KeyState);
  return err(failure(answer));
}

export async function definition(
  election: string,
): Promise<Result<ElectionDefinition, ApiFailure>> {
  const answer = await call(path(election, 'definition'));
  if (answer.type === 'answered' && answer.status === 200) {
    const body = answer.body as Partial<ElectionDefinition> | undefined;
    if (body?.id === election && Array.isArray(body.units) && Array.isArray(body.contests))
      return ok(body as ElectionDefinition);
  }
  return err(failure(answer));
}

export async function provenReceipt(
  election: string,
  leaf: number,
): Promise<Result<ProvenReceipt, ApiFailure>> {
  const answer = await call(path(election, `receipts/${String(leaf)}`));
  if (answer.type === 'answered' && answer.status === 200) {
    const body = answer.body as Partial<ProvenReceipt> | undefined;
    const receipt = receiptIn(body?.receipt);
    if (receipt !== undefined) return ok({ ...(body as ProvenReceipt), receipt });
  }
  return err(failure(answer));
}

/** Sends one item of the outbox: a signed report, or a photo with the device's signature. */
export function sendItem(item: OutboxItem): Promise<Answer> {
  if (item.kind === 'submission') {
    return call(path(item.election, 'submissions'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: item.body,
    });
  }
  return call(path(item.election, 'evidence'), {
    method: 'POST',
    headers: { 'content-type': item.mediaType, authorization: item.authorization },
    body: item.photo,
  });
}
