// The admission rules, written once: a reducer over the log's entries. Given what the log holds
// so far that the rules depend on, and the next entry, it says what becomes of the entry and
// moves the state on. Ingest folds it to decide what to record; the verifier folds it over the
// published log to check every recorded decision. Pure.
//
// The rules: the log starts with the election definition, once. Roster statements signed by the
// election authority certify a key for a unit, or revoke it; a key signs for its unit and the
// units beneath it only after its certification and until its revocation. Sequence numbers only
// go up per key, by at most MAX_SEQUENCE_STEP at a time. A second submission from a key for the
// same unit and vote type is an amendment and must say why; one from another key corroborates
// the counted numbers or conflicts with them. Conflicts and submissions with warnings are held
// for review, the rest accepted. An identical re-send is the submission already recorded. A
// reviewer decides a held submission once: accepted, it counts from the review's entry on, as
// the latest accepted submission of its unit and vote type; rejected, it never counts.
import { canonicalJson, canonicalObject, type JsonValue } from './canonical_json.js';
import { isWithin, voteFor, waitsForRelease, type Election } from './election.js';
import {
  STATUSES_WITH_WINNERS,
  type ContestStatusEntry,
  type ContestStatusValue,
  type ReleaseEntry,
  type ReviewEntry,
  type RosterStatement,
} from './log_entry.js';
import { problem, throwIllegalValue, type Problem, type ProblemSummary } from './result.js';
import { sha256Hex } from './sha256.js';
import {
  checkSubmission,
  countsFingerprint,
  slotKey,
  type SignedSubmission,
} from './submission.js';

/**
 * How far above a key's last sequence number its next may be. Sequence numbers need not be
 * consecutive (a device may lose some), but a bounded step means no submission can use up a
 * key's numbers: reaching 2^53 would take billions of submissions.
 */
export const MAX_SEQUENCE_STEP = 1_000_000;

export type SubmissionKind = 'original' | 'amendment' | 'corroboration' | 'conflict';
export type ReviewStatus = 'accepted' | 'held';
/** What a submission's slot record says of it now: a held one may be decided since. */
export type SlotStatus = ReviewStatus | 'rejected';

/** Why the rules reject a submission that was signed and read. */
export const ADMISSION_CODES = [
  'unknown_key',
  'revoked_key',
  'bad_signature',
  'key_not_for_unit',
  'replayed_sequence',
  'sequence_too_far',
  'amendment_without_reason',
] as const;

export type AdmissionCode = (typeof ADMISSION_CODES)[number];

/** Why a roster statement or a definition entry has no place in the log. */
export type RefusalCode =
  | 'roster_signature'
  | 'unknown_unit'
  | 'key_exists'
  | 'unknown_key'
  | 'already_revoked'
  | 'unexpected_entry'
  | 'not_held'
  | 'already_decided'
  | 'needs_two_reviewers'
  | 'reviewer_twice'
  | 'already_released'
  | 'release_too_early'
  | 'delegation_scope'
  | 'delegation_expired'
  | 'delegation_revoked'
  | 'delegation_unnamed'
  | 'unknown_contest'
  | 'invalid_winners'
  | 'status_unchanged'
  | 'already_certified'
  | 'not_released';

/**
 * What the checks that need no state found in a signed submission: plain data, so it crosses
 * threads. Made by submissionFacts, by ingest as a submission arrives and by the verifier from
 * a logged one.
 */
export interface SubmissionFacts {
  /** The signing key, `name+keyid`. */
  readonly source: string;
  /** SHA-256 of the signed submission's canonical JSON: identical re-sends match it. */
  readonly digest: string;
  readonly unit: string;
  readonly voteType: string;
  readonly sequence: number;
  /** Whether it says why it replaces the source's earlier one. */
  readonly amended: boolean;
  /** SHA-256 of the numbers alone: equal numbers from two sources match it. */
  readonly countsDigest: string;
  /** Checked with the roster's key of that name; 'unchecked' when there was none. */
  readonly signature: 'valid' | 'invalid' | 'unchecked';
  /** The definition's hard error, when it has one. */
  readonly ruleError?: ProblemSummary;
  /** The definition's warnings. */
  readonly warnings: readonly ProblemSummary[];
}

/** One log entry as the rules read it: one case per type of entry the log records. */
export type AdmissionEntry =
  | { readonly type: 'election'; readonly parts: number }
  | { readonly type: 'election-part'; readonly part: number }
  | {
      readonly type: 'roster';
      readonly leaf: number;
      readonly action: 'certify' | 'revoke' | 'delegate';
      /** The key's `name+keyid`. */
      readonly ref: string;
      readonly unit: string;
      /** Who signed the statement, as its signature shows. */
      readonly signedBy: RosterSigner;
      /** The statement's time, and for a delegation its end and its key's full text. */
      readonly time: string;
      readonly expires?: string;
      readonly key: string;
      /** The staff member on whose word a delegated key signed it. */
      readonly by?: string;
    }
  | { readonly type: 'submission'; readonly leaf: number; readonly facts: SubmissionFacts }
  /** A body refused before it could be read as a signed submission of a known key. */
  | { readonly type: 'rejection'; readonly error: ProblemSummary }
  /** A reviewer's decision on the held submission at entry `target`. */
  | {
      readonly type: 'review';
      readonly leaf: number;
      /** The election the review names: the log's own, or it has no place there. */
      readonly election: string;
      readonly target: number;
      readonly decision: 'accept' | 'reject';
      /** The staff names of who decided. */
      readonly reviewers: readonly string[];
    }
  /** The release of the results to the public site. */
  | {
      readonly type: 'release';
      readonly leaf: number;
      readonly election: string;
      readonly time: string;
      /** By the server at the definition's release time, not by a staff member. */
      readonly scheduled: boolean;
    }
  /** A staff member's change of a contest's status. */
  | ({
      readonly type: 'contest-status';
      readonly leaf: number;
      readonly election: string;
    } & ContestStatus);

/** Where a contest stands, as its last status entry says (none: unofficial). */
export interface ContestStatus {
  readonly contest: string;
  readonly status: ContestStatusValue;
  /** The choices it names as elected: for a call or a certification. */
  readonly winners?: readonly string[];
  readonly time: string;
  /** The staff member who set it, and why. */
  readonly by: string;
  readonly reason: string;
}

/** A contest's status as pages and feeds show it: with the entry that set it. */
export interface PublishedStatus extends ContestStatus {
  readonly entry: number;
}

/**
 * A contest's status as of log size `size`, from the changes in log order: the last change of it
 * among the first `size` entries; undefined while none (the contest is unofficial).
 */
export function statusAsOf(
  changes: readonly PublishedStatus[],
  contest: string,
  size: number,
): PublishedStatus | undefined {
  let found: PublishedStatus | undefined;
  for (const c of changes) {
    if (c.entry >= size) break;
    if (c.contest === contest) found = c;
  }
  return found;
}

/**
 * The entry of the last change of a status (of `contest`'s, or of any contest's), -1 for none:
 * what shows a status needs rebuilding when this moves.
 */
export function lastStatusChange(changes: readonly PublishedStatus[], contest?: string): number {
  for (let i = changes.length - 1; i >= 0; i--) {
    const c = changes[i] as PublishedStatus;
    if (contest === undefined || c.contest === contest) return c.entry;
  }
  return -1;
}

/** A contest-status log entry as the rules read it. */
export function contestStatusAdmission(e: ContestStatusEntry, leaf: number): AdmissionEntry {
  return {
    type: 'contest-status',
    leaf,
    election: e.election,
    contest: e.contest,
    status: e.status,
    time: e.time,
    by: e.by,
    reason: e.reason,
    ...(e.winners === undefined ? {} : { winners: e.winners }),
  };
}

/** A roster statement as the rules read it, with its key's reference and who signed it. */
export function rosterAdmission(
  statement: RosterStatement,
  leaf: number,
  ref: string,
  signedBy: RosterSigner,
): AdmissionEntry {
  const { action, unit, time, expires, key, by } = statement;
  return {
    type: 'roster',
    leaf,
    action,
    ref,
    unit,
    signedBy,
    time,
    key,
    ...(expires === undefined ? {} : { expires }),
    ...(by === undefined ? {} : { by }),
  };
}

/** A release log entry as the rules read it. */
export function releaseAdmission(e: ReleaseEntry, leaf: number): AdmissionEntry {
  return {
    type: 'release',
    leaf,
    election: e.election,
    time: e.time,
    scheduled: e.by === undefined,
  };
}

/** A review log entry as the rules read it. */
export function reviewAdmission(e: ReviewEntry, leaf: number): AdmissionEntry {
  return {
    type: 'review',
    leaf,
    election: e.election,
    target: e.entry,
    decision: e.decision,
    reviewers: e.reviewers.map((r) => r.name),
  };
}

/**
 * Who signed a roster statement: one of the election authority's keys; the key a delegation (the
 * authority's statement at entry `entry`) named, whose full text verified the signature; or no
 * key that the statement could be checked against.
 */
export type RosterSigner =
  | { readonly type: 'authority' }
  | { readonly type: 'delegation'; readonly entry: number; readonly key: string }
  | { readonly type: 'invalid' };

/** What becomes of an entry. */
export type Admission =
  /** A definition entry or roster statement, in its place. */
  | { readonly type: 'recorded' }
  /** A definition entry or roster statement that has no place in the log. */
  | { readonly type: 'refused'; readonly error: Problem<RefusalCode> }
  | { readonly type: 'admitted'; readonly kind: SubmissionKind; readonly status: ReviewStatus }
  /** Logged as a rejection. */
  | { readonly type: 'rejected'; readonly error: ProblemSummary }
  /** The submission the log already holds at `leaf`: nothing new is logged. */
  | { readonly type: 'resent'; readonly leaf: number };

interface KeyState {
  readonly unit: string;
  /** The entry that revoked it, if one did. */
  readonly revokedAt?: number;
}

/**
 * A key the authority delegated the roster to: it may certify and revoke the keys of the units
 * within `unit` until `expires`.
 */
interface Delegation {
  readonly ref: string;
  readonly key: string;
  readonly unit: string;
  readonly expires: string;
  /** The entry that revoked it, if one did. */
  revokedAt?: number;
}

interface SlotRecord {
  readonly leaf: number;
  readonly source: string;
  readonly countsDigest: string;
  /**
   * Whether it broke a rule (held with warnings), where that is known: the rules ask it of a
   * submission an accepting review names, and whoever loads that one says.
   */
  readonly warned?: boolean;
  status: SlotStatus;
  /** The entry from which it counts: its own, or the review's that accepted it. */
  acceptedAt?: number;
  /** The review that decided it, when held and decided. */
  decidedAt?: number;
}

/**
 * What the log holds that the rules depend on. Folding every entry from the first builds it
 * whole; ingest instead loads from its store the part a batch of submissions needs (`know*`),
 * which is the same as far as those submissions go.
 */
export class AdmissionState {
  /** The definition's part count once its header is in, and how many parts are in. */
  private definition: { parts: number; seen: number } | undefined;
  private readonly keys = new Map<string, KeyState>();
  /** Delegations of the roster, by the entry that made each, and by their key's reference. */
  private readonly delegations = new Map<number, Delegation>();
  private readonly delegated = new Map<string, Delegation>();
  private readonly sequences = new Map<string, number>();
  private readonly slots = new Map<string, SlotRecord[]>();
  /** Every submission's slot record by its entry, for the reviews that name it. */
  private readonly submissions = new Map<number, SlotRecord>();
  private readonly digests = new Map<string, number>();
  /** The entry that released the results, once one did. */
  private releasedAt: number | undefined;
  /** Each contest's status, as its last status entry set it. */
  private readonly statuses = new Map<string, PublishedStatus>();

  /** A contest's status as the log has it now (set at entry `status.entry`). */
  knowContestStatus(status: PublishedStatus): void {
    this.statuses.set(status.contest, status);
  }

  /** Each contest's status, for those whose status a log entry set. */
  get contestStatuses(): ReadonlyMap<string, PublishedStatus> {
    return this.statuses;
  }

  /** The results were released at entry `leaf`. */
  knowRelease(leaf: number): void {
    this.releasedAt = leaf;
  }

  /** The entry that released the results, if one did. */
  get released(): number | undefined {
    return this.releasedAt;
  }

  /** A key as the roster has it at this point of the log. */
  knowKey(ref: string, unit: string, revokedAt?: number): void {
    this.keys.set(ref, revokedAt === undefined ? { unit } : { unit, revokedAt });
  }

  /** A source's highest sequence number so far. */
  knowSequence(source: string, sequence: number): void {
    this.sequences.set(source, Math.max(this.sequences.get(source) ?? 0, sequence));
  }

  /**
   * A recorded submission at entry `leaf`, given in log order, as it stands now: accepted when
   * it was (`acceptedAt`: its own entry, or the review's), held until decided, or rejected by
   * the review at `decidedAt`.
   */
  knowSubmission(
    s: Pick<SubmissionFacts, 'source' | 'unit' | 'voteType' | 'countsDigest'> & {
      readonly warned?: boolean;
    },
    leaf: number,
    status: SlotStatus,
    decided: { readonly acceptedAt?: number; readonly decidedAt?: number } = {},
  ): void {
    const key = slotKey(s.unit, s.voteType);
    const list = this.slots.get(key) ?? [];
    const record: SlotRecord = {
      leaf,
      source: s.source,
      countsDigest: s.countsDigest,
      ...(s.warned === undefined ? {} : { warned: s.warned }),
      status,
      ...(status === 'accepted' ? { acceptedAt: decided.acceptedAt ?? leaf } : {}),
      ...(decided.decidedAt === undefined ? {} : { decidedAt: decided.decidedAt }),
    };
    list.push(record);
    this.slots.set(key, list);
    this.submissions.set(leaf, record);
  }

  /** A delegation of the roster, made at entry `leaf`, as the log has it at this point. */
  knowDelegation(leaf: number, delegation: Delegation): void {
    this.delegations.set(leaf, delegation);
    this.delegated.set(delegation.ref, delegation);
  }

  /** A recorded submission's digest and where it is. */
  knowDigest(digest: string, leaf: number): void {
    this.digests.set(digest, leaf);
  }

  /** Whether the definition is in whole: what comes after it may begin. */
  get definitionComplete(): boolean {
    return this.definition !== undefined && this.definition.seen === this.definition.parts;
  }

  /** Folds one entry: what becomes of it, and this state becomes the state after it. */
  admit(election: Election, entry: AdmissionEntry): Admission {
    switch (entry.type) {
      case 'election':
        if (this.definition !== undefined) return refused('a second election definition');
        this.definition = { parts: entry.parts, seen: 0 };
        return RECORDED;
      case 'election-part': {
        const d = this.definition;
        if (d === undefined || d.seen !== entry.part || d.seen >= d.parts)
          return refused(`definition part ${String(entry.part)} out of its place`);
        d.seen++;
        return RECORDED;
      }
      case 'roster':
        return this.roster(election, entry);
      case 'submission':
        return this.submission(election, entry.leaf, entry.facts);
      case 'rejection':
        // A refused body changes nothing: it cannot use up a key's sequence numbers.
        return { type: 'rejected', error: entry.error };
      case 'review':
        if (entry.election !== election.definition.id)
          return refused(`a review for election "${entry.election}"`);
        return this.review(election, entry);
      case 'release':
        if (entry.election !== election.definition.id)
          return refused(`a release for election "${entry.election}"`);
        return this.release(election, entry);
      case 'contest-status': {
        if (entry.election !== election.definition.id)
          return refused(`a contest status for election "${entry.election}"`);
        const refusedFor = this.contestStatusRefusal(election, entry);
        if (refusedFor !== undefined) return { type: 'refused', error: refusedFor };
        const { contest, status, time, winners, by, reason } = entry;
        this.statuses.set(contest, {
          contest,
          status,
          time,
          by,
          reason,
          entry: entry.leaf,
          ...(winners === undefined ? {} : { winners }),
        });
        return RECORDED;
      }
      default:
        return throwIllegalValue(entry);
    }
  }

  /** What a review of the entry at `target` would be refused for now, if anything. */
  reviewRefusal(
    election: Election,
    review: Pick<Extract<AdmissionEntry, { type: 'review' }>, 'target' | 'decision' | 'reviewers'>,
  ): Problem<RefusalCode> | undefined {
    const { target } = review;
    if (new Set(review.reviewers).size !== review.reviewers.length)
      return problem('reviewer_twice', 'a review names each reviewer once');
    const record = this.submissions.get(target);
    if (record === undefined)
      return problem('not_held', `entry ${String(target)} is not a submission held for review`);
    if (record.decidedAt !== undefined) {
      return problem(
        'already_decided',
        `the submission at entry ${String(target)} was decided at entry ${String(record.decidedAt)}`,
      );
    }
    if (record.status !== 'held')
      return problem('not_held', `the submission at entry ${String(target)} was not held`);
    if (
      review.decision === 'accept' &&
      review.reviewers.length < reviewersToAccept(election, record, target)
    ) {
      return problem(
        'needs_two_reviewers',
        `the submission at entry ${String(target)} broke a rule: this election needs two reviewers to accept it`,
      );
    }
    return undefined;
  }

  private review(
    election: Election,
    entry: Extract<AdmissionEntry, { type: 'review' }>,
  ): Admission {
    const refusedFor = this.reviewRefusal(election, entry);
    if (refusedFor !== undefined) return { type: 'refused', error: refusedFor };
    const record = this.submissions.get(entry.target) as SlotRecord;
    record.decidedAt = entry.leaf;
    if (entry.decision === 'accept') {
      record.status = 'accepted';
      record.acceptedAt = entry.leaf;
    } else record.status = 'rejected';
    return RECORDED;
  }

  /**
   * What a change of a contest's status would be refused for now, if anything: a contest the
   * definition does not have; winners that are not the contest's choices, named once each and at
   * most as many as it elects (a certification names as many as it elects, or every choice where
   * it has fewer), or any for a status that names none (or none for one that does); a call or a
   * certification before the results are released, where the election waits for a release; the
   * status it has already (the same winners in any order); any status but a recount once the
   * contest is certified.
   */
  contestStatusRefusal(
    election: Election,
    change: Pick<ContestStatus, 'contest' | 'status' | 'winners'>,
  ): Problem<RefusalCode> | undefined {
    const contest = election.definition.contests.find((c) => c.id === change.contest);
    if (contest === undefined)
      return problem('unknown_contest', `unknown contest "${change.contest}"`);
    const winners = change.winners ?? [];
    const named = STATUSES_WITH_WINNERS.includes(change.status);
    if (named && winners.length === 0) {
      return problem(
        'invalid_winners',
        `a contest ${change.status === 'called' ? 'called' : 'certified'} names its winners`,
      );
    }
    if (!named && winners.length > 0)
      return problem('invalid_winners', `a contest marked ${change.status} names no winners`);
    const choices = new Set(contest.choices.map((c) => c.id));
    const unknown = winners.find((w) => !choices.has(w));
    if (unknown !== undefined)
      return problem('invalid_winners', `"${unknown}" is not a choice of ${contest.id}`);
    if (new Set(winners).size !== winners.length)
      return problem('invalid_winners', 'a winner is named twice');
    const seats = voteFor(contest);
    if (winners.length > seats) {
      return problem(
        'invalid_winners',
        `${contest.id} elects ${String(seats)}, not ${String(winners.length)}`,
      );
    }
    const elected = Math.min(seats, contest.choices.length);
    if (change.status === 'certified' && winners.length !== elected) {
      return problem(
        'invalid_winners',
        `a certification of ${contest.id} names the ${String(elected)} it elects, not ${String(winners.length)}`,
      );
    }
    if (named && waitsForRelease(election) && this.releasedAt === undefined) {
      return problem(
        'not_released',
        `the results are not released yet: ${contest.id} cannot be ${change.status === 'called' ? 'called' : 'certified'} before`,
      );
    }
    const now = this.statuses.get(change.contest);
    const nowStatus = now?.status ?? 'unofficial';
    const asSet = (ids: readonly string[]): string => [...ids].sort().join('\u0000');
    if (nowStatus === change.status && asSet(now?.winners ?? []) === asSet(winners)) {
      return problem(
        'status_unchanged',
        `${contest.id} is ${nowStatus} already${now === undefined ? '' : ` (entry ${String(now.entry)})`}`,
      );
    }
    if (nowStatus === 'certified' && change.status !== 'recount') {
      return problem(
        'already_certified',
        `${contest.id} was certified at entry ${String(now?.entry)}: only a recount reopens it`,
      );
    }
    return undefined;
  }

  /** What a release would be refused for now, if anything. */
  releaseRefusal(
    election: Election,
    release: Pick<Extract<AdmissionEntry, { type: 'release' }>, 'time' | 'scheduled'>,
  ): Problem<RefusalCode> | undefined {
    if (this.releasedAt !== undefined) {
      return problem(
        'already_released',
        `the results were released at entry ${String(this.releasedAt)}`,
      );
    }
    if (!release.scheduled) return undefined;
    const at = election.definition.release?.at;
    if (at === undefined || Date.parse(release.time) < Date.parse(at)) {
      return problem(
        'release_too_early',
        at === undefined
          ? 'the definition gives no release time: staff release the results'
          : `the results are released at ${at}, not before (${release.time})`,
      );
    }
    return undefined;
  }

  private release(
    election: Election,
    entry: Extract<AdmissionEntry, { type: 'release' }>,
  ): Admission {
    const refusedFor = this.releaseRefusal(election, entry);
    if (refusedFor !== undefined) return { type: 'refused', error: refusedFor };
    this.releasedAt = entry.leaf;
    return RECORDED;
  }

  private roster(
    election: Election,
    entry: Extract<AdmissionEntry, { type: 'roster' }>,
  ): Admission {
    const { ref, signedBy } = entry;
    if (signedBy.type === 'invalid') {
      return refusal(
        'roster_signature',
        'a roster statement not signed by the election authority or a key it delegated the roster to',
      );
    }
    const key = this.keys.get(ref);
    if (signedBy.type === 'delegation') {
      const refused = this.delegationRefusal(election, entry, signedBy);
      if (refused !== undefined) return refused;
    }
    switch (entry.action) {
      case 'certify':
        if (!election.units.has(entry.unit))
          return refusal('unknown_unit', `unknown unit "${entry.unit}"`);
        if (key !== undefined)
          return refusal('key_exists', `key ${ref} is already in the roster (unit ${key.unit})`);
        if (this.delegated.has(ref))
          return refusal('key_exists', `key ${ref} is a delegated enrolment key, not a unit's`);
        this.keys.set(ref, { unit: entry.unit });
        return RECORDED;
      case 'delegate': {
        if (!election.units.has(entry.unit))
          return refusal('unknown_unit', `unknown unit "${entry.unit}"`);
        if (key !== undefined || this.delegated.has(ref))
          return refusal('key_exists', `key ${ref} is already in the roster`);
        if (entry.expires === undefined || Number.isNaN(Date.parse(entry.expires)))
          return refused('a delegation without the time it expires');
        this.knowDelegation(entry.leaf, {
          ref,
          key: entry.key,
          unit: entry.unit,
          expires: entry.expires,
        });
        return RECORDED;
      }
      case 'revoke': {
        const delegation = this.delegated.get(ref);
        if (delegation !== undefined && key === undefined) {
          if (delegation.revokedAt !== undefined) {
            return refusal(
              'already_revoked',
              `key ${ref} was revoked at entry ${String(delegation.revokedAt)}`,
            );
          }
          delegation.revokedAt = entry.leaf;
          return RECORDED;
        }
        if (key === undefined) return refusal('unknown_key', `key ${ref} is not in the roster`);
        if (key.revokedAt !== undefined)
          return refusal(
            'already_revoked',
            `key ${ref} was revoked at entry ${String(key.revokedAt)}`,
          );
        this.keys.set(ref, { unit: key.unit, revokedAt: entry.leaf });
        return RECORDED;
      }
      default:
        return throwIllegalValue(entry.action);
    }
  }

  /**
   * Why a statement signed by a delegated key has no place in the log, if it has none: the key
   * must be the one the delegation at that entry named, unrevoked; the statement dated before
   * the delegation expires, about a unit within the delegation's (a delegated key certifies
   * and revokes unit keys, never another delegation), and naming the staff member behind it.
   */
  private delegationRefusal(
    election: Election,
    entry: Extract<AdmissionEntry, { type: 'roster' }>,
    signedBy: Extract<RosterSigner, { type: 'delegation' }>,
  ): Admission | undefined {
    const d = this.delegations.get(signedBy.entry);
    if (d === undefined || d.key !== signedBy.key) {
      return refusal(
        'roster_signature',
        `entry ${String(signedBy.entry)} delegates the roster to no key that signed this statement`,
      );
    }
    if (d.revokedAt !== undefined && d.revokedAt < entry.leaf) {
      return refusal(
        'delegation_revoked',
        `the delegation at entry ${String(signedBy.entry)} was revoked at entry ${String(d.revokedAt)}`,
      );
    }
    if (!(Date.parse(entry.time) <= Date.parse(d.expires))) {
      return refusal(
        'delegation_expired',
        `the delegation at entry ${String(signedBy.entry)} expired at ${d.expires}, before this statement (${entry.time})`,
      );
    }
    const unit =
      entry.action === 'certify'
        ? entry.unit
        : entry.action === 'revoke'
          ? this.keys.get(entry.ref)?.unit
          : undefined;
    if (unit === undefined || !isWithin(election, unit, d.unit)) {
      return refusal(
        'delegation_scope',
        entry.action === 'delegate'
          ? 'a delegated key cannot delegate the roster further'
          : `the delegation at entry ${String(signedBy.entry)} covers ${d.unit} and the units beneath it, not ${unit ?? `key ${entry.ref}`}`,
      );
    }
    // A server signs with a delegated key only on a staff member's word: the log names them.
    if (entry.by === undefined) {
      return refusal(
        'delegation_unnamed',
        'a statement a delegated key signs names the staff member on whose word it signed (by)',
      );
    }
    return undefined;
  }

  private submission(election: Election, leaf: number, f: SubmissionFacts): Admission {
    const decided = this.judge(election, f);
    if (decided.type === 'admitted') {
      this.knowSequence(f.source, f.sequence);
      this.knowSubmission({ ...f, warned: f.warnings.length > 0 }, leaf, decided.status);
      this.knowDigest(f.digest, leaf);
    }
    return decided;
  }

  /** What the rules make of a submission next, leaving the state as it is. */
  judge(election: Election, f: SubmissionFacts): Admission {
    const reject = (code: AdmissionCode, message: string): Admission => ({
      type: 'rejected',
      error: problem(code, message),
    });
    // Ed25519 signatures are deterministic: the same digest is the same signed submission.
    const recorded = this.digests.get(f.digest);
    if (recorded !== undefined) return { type: 'resent', leaf: recorded };
    const key = this.keys.get(f.source);
    if (key === undefined || f.signature === 'unchecked')
      return reject('unknown_key', `key ${f.source} is not in the election's roster`);
    // What the submission itself shows comes first, then what the log has made of its key.
    if (f.signature === 'invalid')
      return reject('bad_signature', `the signature does not verify with key ${f.source}`);
    if (f.ruleError !== undefined) return { type: 'rejected', error: f.ruleError };
    if (!isWithin(election, f.unit, key.unit)) {
      return reject(
        'key_not_for_unit',
        `key ${f.source} is certified for unit "${key.unit}", not "${f.unit}"`,
      );
    }
    if (key.revokedAt !== undefined)
      return reject('revoked_key', `key ${f.source} was revoked at entry ${String(key.revokedAt)}`);
    const last = this.sequences.get(f.source) ?? 0;
    if (f.sequence <= last) {
      return reject(
        'replayed_sequence',
        `sequence ${String(f.sequence)} from key ${f.source} is not above its last, ${String(last)}`,
      );
    }
    if (f.sequence - last > MAX_SEQUENCE_STEP) {
      return reject(
        'sequence_too_far',
        `sequence ${String(f.sequence)} from key ${f.source} is more than ${String(MAX_SEQUENCE_STEP)} above its last, ${String(last)}`,
      );
    }
    const before = this.slots.get(slotKey(f.unit, f.voteType)) ?? [];
    const counted = latestAccepted(before);
    let kind: SubmissionKind = 'original';
    // An amendment replaces what its source reported; it is accepted as it comes only while
    // that is what counts. Amending a report that is held, or that a reviewer rejected, or
    // that another source's accepted report replaced, is held: else a re-send marked as an
    // amendment would get past the review.
    let ownCounted = true;
    if (before.some((b) => b.source === f.source)) {
      if (!f.amended) {
        return reject(
          'amendment_without_reason',
          `unit "${f.unit}" (${f.voteType}) already has a submission from key ${f.source}: an amendment must say why`,
        );
      }
      kind = 'amendment';
      ownCounted = counted?.source === f.source;
    } else {
      // What the slot counts now (the latest accepted), else what is still before a reviewer.
      const current = counted ?? before.findLast((b) => b.status === 'held');
      if (current !== undefined)
        kind = current.countsDigest === f.countsDigest ? 'corroboration' : 'conflict';
    }
    const status: ReviewStatus =
      kind === 'conflict' || !ownCounted || f.warnings.length > 0 ? 'held' : 'accepted';
    return { type: 'admitted', kind, status };
  }
}

const RECORDED: Admission = { type: 'recorded' };

/** How many reviewers the election asks to accept a held submission that did or did not break a rule. */
export function reviewersNeeded(election: Election, warned: boolean): number {
  return warned ? (election.definition.review?.acceptWarningsWith ?? 1) : 1;
}

/** How many reviewers the election asks to accept this held submission. */
function reviewersToAccept(election: Election, record: SlotRecord, leaf: number): number {
  if ((election.definition.review?.acceptWarningsWith ?? 1) === 1) return 1;
  // A bug in the caller, not in the log: whoever loads a submission a review names says this.
  if (record.warned === undefined)
    throw new Error(`admission: whether entry ${String(leaf)} broke a rule was not given`);
  return reviewersNeeded(election, record.warned);
}

/** The record a slot counts: the one accepted last (by the entry it counts from). */
function latestAccepted(records: readonly SlotRecord[]): SlotRecord | undefined {
  let latest: SlotRecord | undefined;
  for (const r of records) {
    if (r.acceptedAt !== undefined && (latest?.acceptedAt ?? -1) < r.acceptedAt) latest = r;
  }
  return latest;
}

function refusal(code: RefusalCode, message: string): Admission {
  return { type: 'refused', error: problem(code, message) };
}

const refused = (message: string): Admission => refusal('unexpected_entry', message);

/** The canonical JSON of `{ signature, signer, submission }` from the submission's canonical form. */
export function signedCanonical(
  signature: string,
  signer: string,
  submissionCanonical: string,
): string {
  return canonicalObject({
    signature: JSON.stringify(signature),
    signer: JSON.stringify(signer),
    submission: submissionCanonical,
  });
}

/**
 * A signed submission's facts, given its submission's canonical JSON and what its signature
 * check found: the definition's rules, the fingerprints. Also its signed canonical JSON, which
 * is what a log entry holds.
 */
export function submissionFacts(
  election: Election,
  signed: SignedSubmission,
  submissionCanonical: string,
  signature: SubmissionFacts['signature'],
): { readonly facts: SubmissionFacts; readonly signedCanonical: string } {
  const { submission } = signed;
  const text = signedCanonical(signed.signature, signed.signer, submissionCanonical);
  const rules = checkSubmission(election, submission);
  const summary = (p: Problem): ProblemSummary => ({ code: p.code, message: p.message });
  return {
    signedCanonical: text,
    facts: {
      source: signed.signer,
      digest: sha256Hex(text),
      unit: submission.unit,
      voteType: submission.voteType,
      sequence: submission.sequence,
      amended: submission.amendment !== undefined,
      countsDigest: countsFingerprint(submission),
      signature,
      ...(rules.ok ? {} : { ruleError: summary(rules.error) }),
      warnings: rules.ok ? rules.value.map(summary) : [],
    },
  };
}

/** A submission's canonical JSON, as it is signed. */
export function submissionCanonical(signed: SignedSubmission): string {
  return canonicalJson(signed.submission as unknown as JsonValue);
}
