// The staff API as the browser calls it (src/server/staff_routes.ts): same origin, the session in
// its HttpOnly cookie, the CSRF token in a header on every change. Each call answers a value, a
// result or the reason it failed; a 401 on any call but sign-in also tells the application that
// the session is gone, so that it returns to the sign-in screen.
import { err, ok, type Result } from '../../core/result.js';
import type { Submission } from '../../core/submission.js';

export const STAFF_ROLES = ['admin', 'reviewer', 'desk', 'auditor', 'observer'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** The roles whose members decide held submissions; the others read the queue. */
export const DECIDING_ROLES: readonly StaffRole[] = ['admin', 'reviewer'];

export interface StaffSession {
  readonly name: string;
  readonly role: StaffRole;
  readonly csrfToken: string;
}

export type HeldKind = 'original' | 'amendment' | 'corroboration' | 'conflict';

/** One submission in the review queue, as GET /staff/elections/:election/held answers it. */
export interface HeldItem {
  readonly entry: number;
  readonly unit: string;
  readonly voteType: string;
  readonly source: string;
  readonly kind: HeldKind;
  readonly warnings: readonly { readonly code: string; readonly message: string }[];
  readonly submission: Submission;
  readonly counted?: {
    readonly entry: number;
    readonly source: string;
    readonly submission: Submission;
  };
  /** Present for an election that needs two reviewers for a submission that broke a rule. */
  readonly needsTwoReviewers?: boolean;
  /** Who has approved it so far, when it needs two reviewers. */
  readonly approvals?: readonly string[];
}

/** What a decision did: logged, or one approval recorded while a second reviewer's is awaited. */
export type ReviewOutcome =
  | { readonly kind: 'decided'; readonly entry: number }
  | { readonly kind: 'awaiting_second_reviewer'; readonly approvals: readonly string[] };

export type ApiFailure =
  /** 401: no session, or (from sign-in) a refused sign-in. */
  | { readonly kind: 'signed_out'; readonly code: string; readonly message: string }
  | { readonly kind: 'rate_limited'; readonly message: string; readonly retryAfterSeconds: number }
  /** Any other refusal, with the API's code and sentence. */
  | {
      readonly kind: 'refused';
      readonly status: number;
      readonly code: string;
      readonly message: string;
    }
  /** No answer at all, or one that is not the API's JSON. */
  | { readonly kind: 'unreachable'; readonly message: string };

export type ApiResult<T> = Result<T, ApiFailure>;

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isStaffRole = (value: unknown): value is StaffRole =>
  typeof value === 'string' && (STAFF_ROLES as readonly string[]).includes(value);

const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((v) => typeof v === 'string');

/** The session an answer carries, or undefined when it is not one. */
export function parseSession(json: unknown): StaffSession | undefined {
  if (!isObject(json)) return undefined;
  const { name, role, csrfToken } = json;
  return typeof name === 'string' && isStaffRole(role) && typeof csrfToken === 'string'
    ? { name, role, csrfToken }
    : undefined;
}

/**
 * What POST /reviews answered: 201 {entry} (the decision is logged) or 202
 * {awaiting: 'second_reviewer', approvals} (an approval recorded; a second reviewer must approve).
 */
export function parseReviewOutcome(status: number, json: unknown): ReviewOutcome | undefined {
  if (!isObject(json)) return undefined;
  if (status === 202 && json['awaiting'] === 'second_reviewer' && isStringArray(json['approvals']))
    return { kind: 'awaiting_second_reviewer', approvals: json['approvals'] };
  if (status === 201 && typeof json['entry'] === 'number')
    return { kind: 'decided', entry: json['entry'] };
  return undefined;
}

/** The queue an answer carries. The server serialises it by its schema; the shape is checked here. */
export function parseHeld(json: unknown): HeldItem[] | undefined {
  if (!isObject(json) || !Array.isArray(json['held'])) return undefined;
  const items = json['held'] as unknown[];
  const wellFormed = items.every(
    (h) =>
      isObject(h) &&
      typeof h['entry'] === 'number' &&
      typeof h['unit'] === 'string' &&
      isObject(h['submission']) &&
      Array.isArray(h['warnings']),
  );
  return wellFormed ? (items as HeldItem[]) : undefined;
}

/** The failure an error answer states (`{ error: { code, message } }`). */
export function failureOf(status: number, json: unknown, retryAfter: string | null): ApiFailure {
  const error = isObject(json) && isObject(json['error']) ? json['error'] : {};
  const code = typeof error['code'] === 'string' ? error['code'] : `http_${String(status)}`;
  const message =
    typeof error['message'] === 'string'
      ? error['message']
      : `the server answered ${String(status)}`;
  if (status === 401) return { kind: 'signed_out', code, message };
  if (status === 429) {
    const seconds = Number(retryAfter);
    return {
      kind: 'rate_limited',
      message,
      retryAfterSeconds: Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : 60,
    };
  }
  return { kind: 'refused', status, code, message };
}

export class StaffApi {
  private csrfToken = '';

  /** `onSignedOut` hears of every 401 but sign-in's: the session ended (or never was). */
  constructor(private readonly onSignedOut: (failure: ApiFailure) => void) {}

  private async call(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
  ): Promise<ApiResult<{ status: number; json: unknown }>> {
    let response: Response;
    try {
      response = await fetch(path, {
        method,
        credentials: 'same-origin',
        cache: 'no-store',
        headers: {
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(method === 'POST' && this.csrfToken !== '' ? { 'x-csrf-token': this.csrfToken } : {}),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (e) {
      return err({ kind: 'unreachable', message: e instanceof Error ? e.message : String(e) });
    }
    let json: unknown = null;
    if (response.status !== 204) {
      try {
        json = await response.json();
      } catch {
        return err({
          kind: 'unreachable',
          message: `the server answered ${String(response.status)} without JSON`,
        });
      }
    }
    if (response.ok) return ok({ status: response.status, json });
    const failure = failureOf(response.status, json, response.headers.get('retry-after'));
    if (failure.kind === 'signed_out' && path !== '/staff/sign-in') this.onSignedOut(failure);
    return err(failure);
  }

  private adopt(json: unknown): ApiResult<StaffSession> {
    const session = parseSession(json);
    if (session === undefined) {
      return err({ kind: 'unreachable', message: 'the server answered no session' });
    }
    this.csrfToken = session.csrfToken;
    return ok(session);
  }

  async signIn(credentials: {
    readonly name: string;
    readonly password: string;
    readonly code: string;
  }): Promise<ApiResult<StaffSession>> {
    const answer = await this.call('POST', '/staff/sign-in', credentials);
    return answer.ok ? this.adopt(answer.value.json) : answer;
  }

  /** The session the cookie holds, if any. */
  async session(): Promise<ApiResult<StaffSession>> {
    const answer = await this.call('GET', '/staff/session');
    return answer.ok ? this.adopt(answer.value.json) : answer;
  }

  async signOut(): Promise<ApiResult<undefined>> {
    const answer = await this.call('POST', '/staff/sign-out');
    this.csrfToken = '';
    return answer.ok ? ok(undefined) : answer;
  }

  async elections(): Promise<ApiResult<readonly string[]>> {
    const answer = await this.call('GET', '/staff/elections');
    if (!answer.ok) return answer;
    const json = answer.value.json;
    return isObject(json) && isStringArray(json['elections'])
      ? ok(json['elections'])
      : err({ kind: 'unreachable', message: 'the server answered no list of elections' });
  }

  async held(election: string): Promise<ApiResult<readonly HeldItem[]>> {
    const answer = await this.call('GET', `/staff/elections/${encodeURIComponent(election)}/held`);
    if (!answer.ok) return answer;
    const held = parseHeld(answer.value.json);
    return held === undefined
      ? err({ kind: 'unreachable', message: 'the server answered no review queue' })
      : ok(held);
  }

  async review(
    election: string,
    decision: {
      readonly entry: number;
      readonly decision: 'accept' | 'reject';
      readonly reason: string;
    },
  ): Promise<ApiResult<ReviewOutcome>> {
    const answer = await this.call(
      'POST',
      `/staff/elections/${encodeURIComponent(election)}/reviews`,
      decision,
    );
    if (!answer.ok) return answer;
    const outcome = parseReviewOutcome(answer.value.status, answer.value.json);
    return outcome === undefined
      ? err({ kind: 'unreachable', message: 'the server answered no decision' })
      : ok(outcome);
  }
}
