// The staff API as the browser calls it (src/server/staff_routes.ts): same origin, the session in
// its HttpOnly cookie, the CSRF token in a header on every change. Each call answers a value, a
// result or the reason it failed; a 401 on any call but sign-in also tells the application that
// the session is gone, so that it returns to the sign-in screen.
import {
  CONTEST_STATUSES,
  STATUSES_WITH_WINNERS,
  type ContestStatusValue,
} from '../../core/contest_status.js';
import type { KeyedSheet } from '../../core/desk.js';
import { err, ok, type Result } from '../../core/result.js';
import type { Submission } from '../../core/submission.js';
import type { ElectionDefinition } from './definition.js';

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

/** The roles whose members key paper tally sheets at the results desk. */
export const DESK_ROLES: readonly StaffRole[] = ['admin', 'desk'];
/** The roles that may see both entries of a sheet (desk operators key blind). */
export const DESK_OVERSIGHT_ROLES: readonly StaffRole[] = [
  'admin',
  'reviewer',
  'auditor',
  'observer',
];
/** The roles that read the record of changes to staff accounts. */
export const AUDIT_ROLES: readonly StaffRole[] = ['admin', 'auditor'];

export interface Warning {
  readonly code: string;
  readonly message: string;
}

/** What keying a sheet did (POST …/desk/sheets). */
export type KeyingOutcome =
  | { readonly status: 'awaiting_second_entry'; readonly warnings: readonly Warning[] }
  | { readonly status: 'sent_to_reviewer' }
  | {
      readonly status: 'submitted';
      readonly entry: number;
      /** The receipt's status: accepted (counts now) or held by the rules for a reviewer. */
      readonly receiptStatus: string;
      readonly warnings: readonly Warning[];
    };

/** A sheet keyed once, waiting for a second operator (never its numbers). */
export interface SheetAwaiting {
  readonly unit: string;
  readonly voteType: string;
  readonly operator: string;
  readonly keyedAt: string;
}

/** A sheet whose two entries differ, as reviewers see it. */
export interface SheetMismatch {
  readonly unit: string;
  readonly voteType: string;
  readonly entries: readonly {
    readonly id: string;
    readonly operator: string;
    readonly keyedAt: string;
    readonly sheet: KeyedSheet;
  }[];
  readonly differences: readonly {
    readonly field: string;
    readonly contest?: string;
    readonly first?: number;
    readonly second?: number;
  }[];
}

/** A staff member as admins see them. */
export interface Member {
  readonly name: string;
  readonly role: StaffRole;
  readonly locked: boolean;
  readonly disabled: boolean;
  readonly createdAt: string;
}

/** What a new or reset account signs in with, answered once. */
export interface Credentials {
  readonly name: string;
  readonly role: StaffRole;
  readonly password: string;
  readonly totpSecret: string;
  readonly totpUri: string;
  readonly recoveryCodes: readonly string[];
}

export interface StaffEvent {
  readonly id: number;
  readonly at: string;
  readonly actor: string | null;
  readonly action: string;
  readonly subject: string;
}

export interface ReleaseState {
  readonly waitsForRelease: boolean;
  readonly releaseAt?: string;
  readonly releasedAt?: number;
  readonly test: boolean;
}

export { CONTEST_STATUSES, STATUSES_WITH_WINNERS };
/** Where the count of a contest stands, as the election office says. */
export type ContestStatus = ContestStatusValue;

/** One contest and where its count stands (GET …/contest-statuses). */
export interface ContestStanding {
  readonly contest: string;
  readonly name: Readonly<Record<string, string>>;
  readonly kind: 'candidate' | 'measure' | 'caucus';
  /** How many it elects (a measure: one outcome). */
  readonly voteFor: number;
  readonly choices: readonly {
    readonly id: string;
    readonly name: Readonly<Record<string, string>>;
  }[];
  readonly status: ContestStatus;
  /** The choices a call or a certification names. */
  readonly winners?: readonly string[];
  /** The log entry that set the status, when, who set it and why; absent while none has. */
  readonly entry?: number;
  readonly time?: string;
  readonly by?: string;
  readonly reason?: string;
}

/** A change of a contest's status (POST …/contests/:contest/status). */
export interface ContestStatusChange {
  readonly status: ContestStatus;
  /** For a call or a certification: the choices elected (a measure: its outcome). */
  readonly winners?: readonly string[];
  readonly reason: string;
}

/** Who signed a roster statement: the election authority, or an enrolment key it delegated to. */
export type RosterSignedBy =
  | { readonly type: 'authority'; readonly signer: string }
  | { readonly type: 'delegation'; readonly signer: string; readonly delegation: number };

/** A roster statement about a key: its log entry, the time it states, and who signed it. */
export interface RosterStep {
  readonly entry: number;
  readonly time: string;
  readonly signedBy: RosterSignedBy;
  /** The staff member on whose word a delegated key signed it. */
  readonly by?: string;
}

/** A key of the roster (GET …/keys). */
export interface RosterKey {
  readonly ref: string;
  /** The verifier key in full. */
  readonly key: string;
  readonly unit: string;
  readonly state: 'active' | 'revoked';
  readonly certified: RosterStep;
  readonly revoked?: RosterStep;
  /** A device enrolled it with a one-time code this staff member made. */
  readonly enrolment?: { readonly codeBy: string; readonly codeMadeAt: string };
}

/** The newest keys of the roster (of one unit, or of all), and how many there are in all. */
export interface Roster {
  readonly total: number;
  readonly keys: readonly RosterKey[];
}

/** A change to the roster, as its log entry. */
export interface RosterChange {
  readonly entry: number;
  readonly ref: string;
  readonly unit: string;
}

/** A one-time enrolment code, answered once. */
export interface EnrolmentCode {
  readonly code: string;
  readonly unit: string;
  readonly expiresAt: string;
  /** Where the device enrols with it (POST, the code as its bearer credential). */
  readonly enrolPath: string;
}

/** What the control room shows at one moment (GET …/control-room/status, each event's data). */
export interface ControlRoomStatus {
  readonly time: string;
  readonly test: boolean;
  readonly release: {
    readonly waitsForRelease: boolean;
    readonly releaseAt?: string;
    readonly releasedAt?: number;
  };
  readonly counties: readonly {
    readonly unit: string;
    readonly name: Readonly<Record<string, string>>;
    readonly byVoteType: Readonly<
      Record<string, { readonly reported: number; readonly expected: number }>
    >;
  }[];
  readonly notReported: readonly {
    readonly unit: string;
    readonly name: Readonly<Record<string, string>>;
    readonly county: string;
    readonly contact?: { readonly name?: string; readonly phone?: string; readonly email?: string };
  }[];
  readonly notReportedCount: number;
  readonly held: { readonly count: number; readonly oldestSeconds?: number };
  readonly rejections: Readonly<Record<string, number>>;
  readonly submissionsPerSecond: number;
  readonly publish: {
    readonly version?: number;
    readonly latencyMs?: number;
    readonly checkpointAgeSeconds?: number;
    readonly logSize: number;
  };
  readonly desk?: { readonly awaitingSecondEntry: number; readonly mismatches: number };
}

/** The control room's status an answer or event carries, or undefined when it is not one. */
export function parseControlRoomStatus(json: unknown): ControlRoomStatus | undefined {
  if (!isObject(json)) return undefined;
  const { counties, notReported, held, rejections, publish, release } = json;
  return typeof json['time'] === 'string' &&
    Array.isArray(counties) &&
    Array.isArray(notReported) &&
    typeof json['notReportedCount'] === 'number' &&
    isObject(held) &&
    isObject(rejections) &&
    isObject(publish) &&
    isObject(release) &&
    typeof json['submissionsPerSecond'] === 'number'
    ? (json as unknown as ControlRoomStatus)
    : undefined;
}

const isContestStatus = (value: unknown): value is ContestStatus =>
  typeof value === 'string' && (CONTEST_STATUSES as readonly string[]).includes(value);

/** The contests an answer lists with their statuses, or undefined when it is not such a list. */
export function parseContestStatuses(json: unknown): ContestStanding[] | undefined {
  if (!isObject(json) || !Array.isArray(json['contests'])) return undefined;
  const contests = json['contests'] as unknown[];
  const wellFormed = contests.every(
    (c) =>
      isObject(c) &&
      typeof c['contest'] === 'string' &&
      isObject(c['name']) &&
      (c['kind'] === 'candidate' || c['kind'] === 'measure' || c['kind'] === 'caucus') &&
      typeof c['voteFor'] === 'number' &&
      Array.isArray(c['choices']) &&
      c['choices'].every(
        (ch) => isObject(ch) && typeof ch['id'] === 'string' && isObject(ch['name']),
      ) &&
      isContestStatus(c['status']) &&
      (c['winners'] === undefined || isStringArray(c['winners'])),
  );
  return wellFormed ? (contests as ContestStanding[]) : undefined;
}

/** What keying a sheet answered: 202 (waits for a second entry, or for a reviewer) or 201. */
export function parseKeyingOutcome(status: number, json: unknown): KeyingOutcome | undefined {
  if (!isObject(json)) return undefined;
  const warnings = Array.isArray(json['warnings']) ? (json['warnings'] as Warning[]) : [];
  if (status === 202 && json['status'] === 'awaiting_second_entry')
    return { status: 'awaiting_second_entry', warnings };
  if (status === 202 && json['status'] === 'sent_to_reviewer')
    return { status: 'sent_to_reviewer' };
  if (
    status === 201 &&
    json['status'] === 'submitted' &&
    typeof json['entry'] === 'number' &&
    typeof json['receiptStatus'] === 'string'
  )
    return {
      status: 'submitted',
      entry: json['entry'],
      receiptStatus: json['receiptStatus'],
      warnings,
    };
  return undefined;
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
    return this.send(
      method,
      path,
      body === undefined ? undefined : { type: 'application/json', bytes: JSON.stringify(body) },
    );
  }

  /** A request with a body of its own type (JSON, or a photo's bytes). */
  private async send(
    method: 'GET' | 'POST',
    path: string,
    body?: { readonly type: string; readonly bytes: string | Blob },
  ): Promise<ApiResult<{ status: number; json: unknown }>> {
    let response: Response;
    try {
      response = await fetch(path, {
        method,
        credentials: 'same-origin',
        cache: 'no-store',
        headers: {
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': body.type }),
          ...(method === 'POST' && this.csrfToken !== '' ? { 'x-csrf-token': this.csrfToken } : {}),
        },
        ...(body === undefined ? {} : { body: body.bytes }),
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

  private electionPath(election: string, rest: string): string {
    return `/staff/elections/${encodeURIComponent(election)}/${rest}`;
  }

  /** A GET whose answer has `key` holding what `accept` takes, else unreachable. */
  private async read<T>(
    path: string,
    accept: (json: Json) => T | undefined,
    what: string,
  ): Promise<ApiResult<T>> {
    const answer = await this.call('GET', path);
    if (!answer.ok) return answer;
    const json = answer.value.json;
    const value = isObject(json) ? accept(json) : undefined;
    return value === undefined
      ? err({ kind: 'unreachable', message: `the server answered no ${what}` })
      : ok(value);
  }

  async definition(election: string): Promise<ApiResult<ElectionDefinition>> {
    return this.read(
      this.electionPath(election, 'definition'),
      (json) =>
        Array.isArray(json['units']) && Array.isArray(json['contests'])
          ? (json as unknown as ElectionDefinition)
          : undefined,
      'election definition',
    );
  }

  /** The warnings a sheet would be held with; a refusal (400) says why it cannot be submitted. */
  async checkSheet(election: string, sheet: KeyedSheet): Promise<ApiResult<readonly Warning[]>> {
    const answer = await this.call('POST', this.electionPath(election, 'desk/check'), sheet);
    if (!answer.ok) return answer;
    const json = answer.value.json;
    return isObject(json) && Array.isArray(json['warnings'])
      ? ok(json['warnings'] as Warning[])
      : err({ kind: 'unreachable', message: 'the server answered no check' });
  }

  async keySheet(election: string, sheet: KeyedSheet): Promise<ApiResult<KeyingOutcome>> {
    const answer = await this.call('POST', this.electionPath(election, 'desk/sheets'), sheet);
    if (!answer.ok) return answer;
    const outcome = parseKeyingOutcome(answer.value.status, answer.value.json);
    return outcome === undefined
      ? err({ kind: 'unreachable', message: 'the server answered no keying outcome' })
      : ok(outcome);
  }

  async awaitingSheets(election: string): Promise<ApiResult<readonly SheetAwaiting[]>> {
    return this.read(
      this.electionPath(election, 'desk/awaiting'),
      (json) =>
        Array.isArray(json['awaiting']) ? (json['awaiting'] as SheetAwaiting[]) : undefined,
      'list of sheets awaiting a second entry',
    );
  }

  async mismatches(election: string): Promise<ApiResult<readonly SheetMismatch[]>> {
    return this.read(
      this.electionPath(election, 'desk/mismatches'),
      (json) =>
        Array.isArray(json['mismatches']) ? (json['mismatches'] as SheetMismatch[]) : undefined,
      'list of mismatched sheets',
    );
  }

  /** Keeps one entry of a mismatched sheet (its log entry), or sets both aside (`keep` null). */
  async resolveMismatch(
    election: string,
    resolution: { readonly unit: string; readonly voteType: string; readonly keep: string | null },
  ): Promise<ApiResult<number | undefined>> {
    const answer = await this.call(
      'POST',
      this.electionPath(election, 'desk/resolutions'),
      resolution,
    );
    if (!answer.ok) return answer;
    const json = answer.value.json;
    return ok(isObject(json) && typeof json['entry'] === 'number' ? json['entry'] : undefined);
  }

  async members(): Promise<ApiResult<readonly Member[]>> {
    return this.read(
      '/staff/members',
      (json) => (Array.isArray(json['members']) ? (json['members'] as Member[]) : undefined),
      'list of members',
    );
  }

  private credentials(
    answer: ApiResult<{ status: number; json: unknown }>,
  ): ApiResult<Credentials> {
    if (!answer.ok) return answer;
    const json = answer.value.json;
    return isObject(json) &&
      typeof json['password'] === 'string' &&
      typeof json['totpSecret'] === 'string' &&
      typeof json['totpUri'] === 'string' &&
      isStringArray(json['recoveryCodes'])
      ? ok(json as unknown as Credentials)
      : err({ kind: 'unreachable', message: 'the server answered no credentials' });
  }

  async addMember(member: {
    readonly name: string;
    readonly role: StaffRole;
  }): Promise<ApiResult<Credentials>> {
    return this.credentials(await this.call('POST', '/staff/members', member));
  }

  async resetMember(name: string): Promise<ApiResult<Credentials>> {
    return this.credentials(
      await this.call('POST', `/staff/members/${encodeURIComponent(name)}/reset`),
    );
  }

  async setMemberEnabled(name: string, enabled: boolean): Promise<ApiResult<undefined>> {
    const answer = await this.call(
      'POST',
      `/staff/members/${encodeURIComponent(name)}/${enabled ? 'enable' : 'disable'}`,
    );
    return answer.ok ? ok(undefined) : answer;
  }

  async events(
    before?: number,
  ): Promise<ApiResult<{ readonly events: readonly StaffEvent[]; readonly next?: number }>> {
    return this.read(
      `/staff/events${before === undefined ? '' : `?before=${String(before)}`}`,
      (json) =>
        Array.isArray(json['events'])
          ? {
              events: json['events'] as StaffEvent[],
              ...(typeof json['next'] === 'number' ? { next: json['next'] } : {}),
            }
          : undefined,
      'list of events',
    );
  }

  /** Changes the signed-in member's password; the session goes on under a new token. */
  async changePassword(change: {
    readonly currentPassword: string;
    readonly newPassword: string;
  }): Promise<ApiResult<StaffSession>> {
    const answer = await this.call('POST', '/staff/password', change);
    if (!answer.ok) return answer;
    // The new session's CSRF token is the session's to tell.
    return this.session();
  }

  async releaseState(election: string): Promise<ApiResult<ReleaseState>> {
    return this.read(
      this.electionPath(election, 'release'),
      (json) =>
        typeof json['waitsForRelease'] === 'boolean' && typeof json['test'] === 'boolean'
          ? (json as unknown as ReleaseState)
          : undefined,
      'release state',
    );
  }

  async releaseNow(election: string): Promise<ApiResult<number>> {
    const answer = await this.call('POST', this.electionPath(election, 'release'));
    if (!answer.ok) return answer;
    const json = answer.value.json;
    return isObject(json) && typeof json['entry'] === 'number'
      ? ok(json['entry'])
      : err({ kind: 'unreachable', message: 'the server answered no release' });
  }

  /** Every contest of the election, with where its count stands. */
  async contestStatuses(election: string): Promise<ApiResult<readonly ContestStanding[]>> {
    return this.read(
      this.electionPath(election, 'contest-statuses'),
      parseContestStatuses,
      'list of contest statuses',
    );
  }

  /** Changes a contest's status, answering the log entry that records it. */
  async setContestStatus(
    election: string,
    contest: string,
    change: ContestStatusChange,
  ): Promise<ApiResult<number>> {
    const answer = await this.call(
      'POST',
      this.electionPath(election, `contests/${encodeURIComponent(contest)}/status`),
      change,
    );
    if (!answer.ok) return answer;
    const json = answer.value.json;
    return isObject(json) && typeof json['entry'] === 'number'
      ? ok(json['entry'])
      : err({ kind: 'unreachable', message: 'the server answered no status entry' });
  }

  async controlRoomStatus(election: string): Promise<ApiResult<ControlRoomStatus>> {
    return this.read(
      this.electionPath(election, 'control-room/status'),
      parseControlRoomStatus,
      'control room status',
    );
  }

  /** The newest keys of the roster: those of `unit`, or of every unit. */
  async roster(election: string, unit?: string): Promise<ApiResult<Roster>> {
    const query = unit === undefined ? '' : `?unit=${encodeURIComponent(unit)}`;
    return this.read(
      this.electionPath(election, `keys${query}`),
      (json) =>
        typeof json['total'] === 'number' && Array.isArray(json['keys'])
          ? { total: json['total'], keys: json['keys'] as RosterKey[] }
          : undefined,
      'key roster',
    );
  }

  private rosterChange(
    answer: ApiResult<{ status: number; json: unknown }>,
  ): ApiResult<RosterChange> {
    if (!answer.ok) return answer;
    const json = answer.value.json;
    return isObject(json) &&
      typeof json['entry'] === 'number' &&
      typeof json['ref'] === 'string' &&
      typeof json['unit'] === 'string'
      ? ok({ entry: json['entry'], ref: json['ref'], unit: json['unit'] })
      : err({ kind: 'unreachable', message: 'the server answered no roster change' });
  }

  /** Certifies a unit's verifier key. */
  async certifyKey(
    election: string,
    certify: { readonly unit: string; readonly key: string },
  ): Promise<ApiResult<RosterChange>> {
    return this.rosterChange(await this.call('POST', this.electionPath(election, 'keys'), certify));
  }

  async revokeKey(election: string, key: string): Promise<ApiResult<RosterChange>> {
    return this.rosterChange(
      await this.call('POST', this.electionPath(election, 'keys/revoke'), { key }),
    );
  }

  /** A new one-time code for a device of `unit` to enrol the key it made. */
  async makeEnrolmentCode(election: string, unit: string): Promise<ApiResult<EnrolmentCode>> {
    const answer = await this.call('POST', this.electionPath(election, 'enrolment-codes'), {
      unit,
    });
    if (!answer.ok) return answer;
    const json = answer.value.json;
    return isObject(json) &&
      typeof json['code'] === 'string' &&
      typeof json['unit'] === 'string' &&
      typeof json['expiresAt'] === 'string' &&
      typeof json['enrolPath'] === 'string'
      ? ok({
          code: json['code'],
          unit: json['unit'],
          expiresAt: json['expiresAt'],
          enrolPath: json['enrolPath'],
        })
      : err({ kind: 'unreachable', message: 'the server answered no enrolment code' });
  }

  /** Uploads a photo of a tally sheet (JPEG, PNG or WebP), answering the SHA-256 that names it. */
  async uploadEvidence(election: string, photo: Blob): Promise<ApiResult<string>> {
    const answer = await this.send('POST', this.electionPath(election, 'evidence'), {
      type: photo.type,
      bytes: photo,
    });
    if (!answer.ok) return answer;
    const json = answer.value.json;
    return isObject(json) && typeof json['sha256'] === 'string'
      ? ok(json['sha256'])
      : err({ kind: 'unreachable', message: 'the server answered no evidence file' });
  }

  /** The address of an evidence file, for an image to show. */
  evidenceAddress(election: string, sha256: string): string {
    return this.electionPath(election, `evidence/${encodeURIComponent(sha256)}`);
  }

  /** The address of the control room's event stream. */
  controlRoomStream(election: string): string {
    return this.electionPath(election, 'control-room');
  }
}
