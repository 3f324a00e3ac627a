// Accepting result submissions for one election. Each body is checked (check.ts: on a worker
// thread when there is a pool), then recorded with others that arrived meanwhile in one
// transaction (group commit): the log entries, tree nodes, index rows and receipts commit
// together before any sender is answered. Every submission, accepted, held or rejected, gets a
// log entry and a receipt; an identical re-send gets the receipt it got the first time.

import {
  decodeLogEntry,
  encodeLogEntry,
  encodeSubmissionEntry,
  LOG_ENTRY_FORMAT,
  ContestStatusEntry,
  type ReleaseEntry,
  type ReviewEntry,
  ReviewerDecision,
  type LogEntry,
  type SubmissionEntry,
} from '../core/log_entry.js';
import {
  AdmissionState,
  contestStatusAdmission,
  type Admission,
  type PublishedStatus,
  type RefusalCode,
  type SubmissionKind,
  reviewersNeeded,
} from '../core/admission.js';
import { waitsForRelease, zodProblem, type Election } from '../core/election.js';
import {
  err,
  ok,
  problem,
  throwIllegalValue,
  type Problem,
  type ProblemSummary,
  type Result,
} from '../core/result.js';
import { sha256Hex } from '../core/sha256.js';
import { toWellFormedText } from '../core/text.js';
import { parseSignedSubmission, StaffName, type Submission } from '../core/submission.js';
import { encodeBase64 } from '../log/encoding.js';
import { leafHash } from '../log/hash.js';
import type { Log } from '../log/log.js';
import { MAX_ENTRY_SIZE } from '../log/tiles.js';
import type { IndexRow, Ledger, LedgerEntry, LedgerReads } from '../store/ledger.js';
import { ReviewApprovals } from '../store/review_approvals.js';
import { SubmissionRecords, type SlotRow } from '../store/submission_records.js';
import type { Store } from '../store/store.js';
import {
  checkBody,
  RosterView,
  vouchedFor,
  type Checked,
  type CheckOutcome,
  type Refused,
} from './check.js';
import type { CheckPool } from './check_pool.js';
import { ArrivalCounts } from './control_room.js';
import { findRosterKey, loadRoster } from './roster.js';
import { receiptFields, receiptOf, type Receipt, type ReceiptFields } from './receipt.js';

export type { RejectionCode } from './check.js';
export { receiptOf, type Receipt, type SubmissionStatus } from './receipt.js';

export interface IngestOutcome {
  readonly receipt: Receipt;
  /** True when this was an identical re-send of a recorded submission. */
  readonly resent: boolean;
}

/** A refusal not logged: its sender has used its share of what unsigned bodies may add. */
export interface Throttled {
  readonly throttled: ProblemSummary;
}

export type SubmitOutcome = IngestOutcome | Throttled;

export interface SubmitOptions {
  /**
   * Asked once for each body that is refused before any roster key vouches for it (not JSON,
   * not a submission, an unknown key, a bad signature): may it be logged? Without it, it is.
   */
  readonly mayLogUnsigned?: () => boolean;
  /**
   * Who sent the bodies (a remote address): checks on worker threads take turns between
   * senders, so that one sender's thousands cannot hold up another's one.
   */
  readonly sender?: string;
}

type Pending = (Checked | Refused) & {
  readonly body: { readonly sha256: string; readonly bytes: number };
  readonly receivedAt: string;
  readonly resolve: (outcome: IngestOutcome) => void;
  readonly reject: (error: unknown) => void;
};

// Transactions group at most this many submissions; more wait for the next one.
const MAX_BATCH = 512;

export interface IngestOptions {
  readonly now?: () => Date;
  /** Worker threads for the checks; without one they run on this thread. */
  readonly pool?: CheckPool;
}

export class ElectionIngest {
  private roster: Promise<RosterView> | undefined;
  private pending: Pending[] = [];
  private flushing = false;
  /** The entry that released the results, once known to have. */
  private releasedAt: number | undefined;
  private readonly now: () => Date;
  private readonly pool: CheckPool | undefined;
  /** What the control room reads: bodies logged in the last minute, rejections by code. */
  readonly arrivals = new ArrivalCounts();

  constructor(
    private readonly store: Store,
    readonly election: Election,
    readonly ledger: Ledger,
    options: IngestOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.pool = options.pool;
  }

  /** The election's log: its tree and proofs. */
  get log(): Log {
    return this.ledger.log;
  }

  get id(): string {
    return this.election.definition.id;
  }

  /** Takes one submission body as received; resolves once its outcome is durable. */
  async submit(body: Uint8Array): Promise<IngestOutcome> {
    const [outcome] = await this.submitInOrder([body]);
    return outcome as IngestOutcome;
  }

  /** submitEach for a caller that logs every body (nothing is throttled without a limiter). */
  submitInOrder(bodies: readonly Uint8Array[]): Promise<IngestOutcome[]> {
    return Promise.all(this.submitEach(bodies)) as Promise<IngestOutcome[]>;
  }

  /**
   * Takes several bodies (a batch, in the order its sender exported them): checked side by
   * side, decided and logged in that order, so a source's sequence numbers stay in order. One
   * promise per body: what becomes of one line is the business of that line alone.
   */
  submitEach(bodies: readonly Uint8Array[], options: SubmitOptions = {}): Promise<SubmitOutcome>[] {
    const receivedAt = this.now().toISOString();
    const checks = bodies.map((body) => this.check(body, options.sender));
    const settled = Promise.allSettled(checks);
    return checks.map(async (check, i) => {
      // Enqueued only once every line is checked, so that they queue in the batch's order.
      await settled;
      const checked = await check;
      if (!vouchedFor(checked) && options.mayLogUnsigned?.() === false) {
        // Nothing in it is signed by a key of the roster: anyone could have sent it.
        const error =
          checked.type === 'refused'
            ? checked.error
            : problem(
                'bad_signature',
                `the signature does not verify with key ${checked.facts.source}`,
              );
        return { throttled: summary(error) };
      }
      return this.enqueue(checked, bodies[i] as Uint8Array, receivedAt);
    });
  }

  private enqueue(
    checked: Checked | Refused,
    body: Uint8Array,
    receivedAt: string,
  ): Promise<IngestOutcome> {
    const sha256 = sha256Hex(body);
    return new Promise<IngestOutcome>((resolve, reject) => {
      this.pending.push({
        ...checked,
        body: { sha256, bytes: body.length },
        receivedAt,
        resolve,
        reject,
      });
      void this.flush();
    });
  }

  /** The roster, read once; keys certified later are read on first use (see check). */
  private loadRoster(): Promise<RosterView> {
    this.roster ??= loadRoster(this.store, this.id).then((rows) => {
      const view = new RosterView();
      for (const [ref, entry] of rows) view.add(ref, entry);
      this.pool?.addElection(this.election, rows);
      return view;
    });
    return this.roster;
  }

  private async check(body: Uint8Array, sender?: string): Promise<Checked | Refused> {
    const roster = await this.loadRoster();
    const run = (): Promise<CheckOutcome> | CheckOutcome =>
      this.pool === undefined
        ? checkBody(this.election, roster, body)
        : this.pool.check(this.id, body, sender);
    const outcome = await run();
    if (outcome.type !== 'need_key') return outcome;
    // A key certified after the roster was read (perhaps by another process).
    const found = await findRosterKey(this.store, this.id, outcome.ref);
    if (found === undefined) {
      return {
        type: 'refused',
        error: problem('unknown_key', `key ${outcome.ref} is not in the election's roster`),
      };
    }
    const entry = { verifierKey: found.verifierKey, unit: found.unit };
    roster.add(outcome.ref, entry);
    this.pool?.addKey(this.id, outcome.ref, entry);
    const again = await run();
    if (again.type === 'need_key') throw new Error(`key ${outcome.ref} vanished from the roster`);
    return again;
  }

  /**
   * The review queue as a reviewer weighs it: each held submission, with why it is held and its
   * numbers, beside what its unit counts now for that vote type (if anything).
   */
  async reviewQueue(): Promise<HeldForReview[]> {
    const records = new SubmissionRecords(this.store.db, this.id);
    const held = await records.held();
    const slots = await records.ofUnits([...new Set(held.map((h) => h.unit))]);
    const approvals = await new ReviewApprovals(this.store.db, this.id).waiting();
    const submissionAt = async (leaf: number): Promise<SubmissionEntry> => {
      const read = await this.log.entries(BigInt(leaf), 1);
      const e = read.ok ? decodeLogEntry(read.value[0] ?? new Uint8Array()) : undefined;
      if (e?.ok !== true || e.value.type !== 'submission')
        throw new Error(`review queue: entry ${String(leaf)} is not the submission its index says`);
      return e.value;
    };
    return Promise.all(
      held.map(async (h): Promise<HeldForReview> => {
        const e = await submissionAt(h.leaf);
        // What counts: the slot's accepted submission accepted last (by review or as it came).
        let counted: SlotRow | undefined;
        for (const r of slots) {
          if (r.unit !== h.unit || r.voteType !== h.voteType || r.status !== 'accepted') continue;
          if (counted === undefined || countsFrom(r) > countsFrom(counted)) counted = r;
        }
        const now = counted === undefined ? undefined : await submissionAt(counted.leaf);
        return {
          entry: h.leaf,
          source: h.source,
          kind: e.kind,
          warnings: e.warnings,
          submission: e.signed.submission,
          needsTwoReviewers: reviewersNeeded(this.election, e.warnings.length > 0) > 1,
          approvals: (approvals.get(h.leaf) ?? []).map((a) => a.reviewer),
          ...(counted === undefined || now === undefined
            ? {}
            : {
                counted: {
                  entry: counted.leaf,
                  source: counted.source,
                  submission: now.signed.submission,
                },
              }),
        };
      }),
    );
  }

  /**
   * A reviewer's decision on the held submission at entry `request.entry`, once the rules allow
   * it (it is a submission, held, not decided yet). Accepted, it counts from the review's entry
   * on; rejected, it never counts. Where the election needs two reviewers to accept a submission
   * that broke a rule, the first approval waits (unlogged: `awaiting_second`) and the second
   * reviewer's logs one entry naming both. Resolves once the entry is durable, with its index; a
   * review the rules refuse is not logged.
   */
  async review(request: ReviewRequest): Promise<Result<ReviewOutcome, ReviewProblem>> {
    const time = this.now().toISOString();
    const mine: ReviewerDecision = { name: request.reviewer, reason: request.reason, time };
    const checked = ReviewerDecision.safeParse(mine);
    if (!checked.success) return err(zodProblem('invalid_review', 'invalid review', checked.error));
    // Whether the submission broke a rule, from its entry (the index does not keep warnings).
    const target = await this.loggedSubmission(request.entry);
    type Answer = Result<ReviewOutcome, ReviewProblem>;
    return this.ledger.append<Answer>(async (reads, size) => {
      const state = new AdmissionState();
      const row = await reads.submissions.atLeaf(request.entry);
      if (row !== undefined && target !== undefined) {
        for (const r of await reads.submissions.ofUnits([row.unit])) {
          const warned = r.leaf === request.entry ? target.warnings.length > 0 : undefined;
          knowSlotRow(state, r, warned);
        }
      }
      const waiting = await reads.approvals.of(request.entry);
      if (waiting.some((a) => a.reviewer === request.reviewer) && request.decision === 'accept') {
        return {
          entries: [],
          value: err(
            problem(
              'already_approved',
              `you approved the submission at entry ${String(request.entry)} already: a second reviewer must agree`,
            ),
          ),
        };
      }
      // A second approval joins the first; a rejection stands alone.
      const first = request.decision === 'accept' ? waiting[0] : undefined;
      const reviewers: ReviewerDecision[] =
        first === undefined
          ? [mine]
          : [{ name: first.reviewer, reason: first.reason, time: first.time }, mine];
      const admission = state.admit(this.election, {
        type: 'review',
        leaf: size,
        election: this.id,
        target: request.entry,
        decision: request.decision,
        reviewers: reviewers.map((r) => r.name),
      });
      if (admission.type === 'refused') {
        if (admission.error.code !== 'needs_two_reviewers' || reviewers.length !== 1)
          return { entries: [], value: err(admission.error) };
        await reads.approvals.add(request.entry, {
          reviewer: mine.name,
          reason: mine.reason,
          time,
        });
        return {
          entries: [],
          value: ok({ type: 'awaiting_second', approvals: [mine.name] } as const),
        };
      }
      if (admission.type !== 'recorded') throw new Error(`admission: a review ${admission.type}`);
      await reads.approvals.clear(request.entry);
      const entry: ReviewEntry = {
        format: LOG_ENTRY_FORMAT,
        type: 'review',
        election: this.id,
        time,
        entry: request.entry,
        decision: request.decision,
        reviewers,
      };
      const status = request.decision === 'accept' ? 'accepted' : 'rejected';
      return {
        entries: [
          {
            bytes: encodeLogEntry(entry),
            index: { type: 'review', target: request.entry, status },
          },
        ],
        value: ok({ type: 'logged', leafIndex: size } as const),
      };
    });
  }

  /**
   * Releases the election's results to the public site: by a staff member (`by`), or, with no
   * name, by the server at the definition's release time. A release entry, once; from it on
   * every version is published. Resolves with the entry once durable; a release the rules refuse
   * (`already_released`, `release_too_early`) is not logged.
   */
  async release(by?: string, at?: Date): Promise<Result<{ leafIndex: number }, ReleaseProblem>> {
    if (by !== undefined && !StaffName.safeParse(by).success)
      return err(problem('invalid_release', `"${by}" is no staff name`));
    const released = await this.ledger.append<Result<{ leafIndex: number }, ReleaseProblem>>(
      async (reads, size) => {
        // Stamped under the log's lock: no entry logged after it is older.
        const time = (at ?? this.now()).toISOString();
        const state = new AdmissionState();
        const before = await reads.released();
        if (before !== undefined) state.knowRelease(before);
        const admission = state.admit(this.election, {
          type: 'release',
          leaf: size,
          election: this.id,
          time,
          scheduled: by === undefined,
        });
        if (admission.type === 'refused') return { entries: [], value: err(admission.error) };
        if (admission.type !== 'recorded')
          throw new Error(`admission: a release ${admission.type}`);
        const entry: ReleaseEntry = {
          format: LOG_ENTRY_FORMAT,
          type: 'release',
          election: this.id,
          time,
          ...(by === undefined ? {} : { by }),
        };
        return {
          entries: [{ bytes: encodeLogEntry(entry), index: { type: 'release' } }],
          value: ok({ leafIndex: size }),
        };
      },
    );
    // Known as released once the entry is durable, not before.
    if (released.ok) this.releasedAt = released.value.leafIndex;
    return released;
  }

  /**
   * Changes a contest's status (unofficial, too early to call, called, recount, certified), by a
   * staff member, with the reason: a status entry, once the rules allow it (see
   * AdmissionState.contestStatusRefusal). Resolves with the entry once durable; a change the rules
   * refuse is not logged.
   */
  async setContestStatus(
    request: ContestStatusRequest,
  ): Promise<Result<{ leafIndex: number }, ContestStatusProblem>> {
    const time = this.now().toISOString();
    // The winners in ballot order, however they were picked: the same call reads the same.
    const ballot = this.election.contests.get(request.contest)?.choices.map((c) => c.id) ?? [];
    const order = (id: string): number => {
      const at = ballot.indexOf(id);
      return at < 0 ? ballot.length : at;
    };
    const winners = [...(request.winners ?? [])].sort((a, b) => order(a) - order(b));
    const entry = {
      format: LOG_ENTRY_FORMAT,
      type: 'contest-status',
      election: this.id,
      time,
      contest: request.contest,
      status: request.status,
      ...(winners.length === 0 ? {} : { winners }),
      by: request.by,
      reason: request.reason,
    };
    const checked = ContestStatusEntry.safeParse(entry);
    if (!checked.success) {
      return err(zodProblem('invalid_status', 'invalid contest status', checked.error));
    }
    type Answer = Result<{ leafIndex: number }, ContestStatusProblem>;
    return this.ledger.append<Answer>(async (reads, size) => {
      // Stamped under the log's lock: no entry logged after it is older.
      const stamped: ContestStatusEntry = { ...checked.data, time: this.now().toISOString() };
      const state = new AdmissionState();
      const now = await reads.contestStatus(stamped.contest);
      if (now !== undefined) state.knowContestStatus(now);
      const released = await reads.released();
      if (released !== undefined) state.knowRelease(released);
      const admission = state.admit(this.election, contestStatusAdmission(stamped, size));
      if (admission.type === 'refused') return { entries: [], value: err(admission.error) };
      if (admission.type !== 'recorded')
        throw new Error(`admission: a contest status ${admission.type}`);
      const { contest, status, time, by, reason, winners } = state.contestStatuses.get(
        stamped.contest,
      ) as PublishedStatus;
      const indexed = {
        contest,
        status,
        time,
        by,
        reason,
        ...(winners === undefined ? {} : { winners }),
      };
      return {
        entries: [
          {
            bytes: encodeLogEntry(stamped),
            index: { type: 'contest-status', status: indexed },
          },
        ],
        value: ok({ leafIndex: size }),
      };
    });
  }

  /** Each contest's status, for the contests a status entry named (the rest are unofficial). */
  contestStatuses(): Promise<PublishedStatus[]> {
    return this.ledger.contestStatuses();
  }

  /** The entry that released the results, if one did (read once, then kept). */
  async released(): Promise<number | undefined> {
    this.releasedAt ??= await this.ledger.released();
    return this.releasedAt;
  }

  /**
   * Releases the results if the definition's release time has come and nobody released them
   * yet: the server's loop asks this of every election. True when this released them.
   */
  async releaseIfDue(now: Date): Promise<boolean> {
    const at = this.election.definition.release?.at;
    if (!waitsForRelease(this.election) || at === undefined || now.getTime() < Date.parse(at))
      return false;
    if ((await this.released()) !== undefined) return false;
    const released = await this.release(undefined, now);
    // Another process released them meanwhile: nothing to do.
    return released.ok;
  }

  /** The submission logged at entry `leaf`, if that entry is one. */
  private async loggedSubmission(leaf: number): Promise<SubmissionEntry | undefined> {
    // Another process may have logged it since this one last looked.
    if (leaf >= Number(this.log.size)) await this.ledger.refresh();
    if (leaf >= Number(this.log.size)) return undefined;
    const read = await this.log.entries(BigInt(leaf), 1);
    const e = read.ok ? decodeLogEntry(read.value[0] ?? new Uint8Array()) : undefined;
    return e?.ok === true && e.value.type === 'submission' ? e.value : undefined;
  }

  /** Commits what is pending, one transaction at a time; arrivals meanwhile form the next. */
  private async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      while (this.pending.length > 0) {
        // Let the requests that arrived meanwhile reach the queue first: with an embedded
        // database a transaction runs without yielding to I/O, so this is what groups commits.
        await new Promise((resolve) => setImmediate(resolve));
        await this.commitAlone(this.pending.splice(0, MAX_BATCH));
      }
    } finally {
      this.flushing = false;
    }
  }

  /**
   * Commits a group; if its transaction fails, commits each half on its own, in order, so that
   * whatever made it fail fails only the submission that holds it, never the others of its group.
   */
  private async commitAlone(batch: readonly Pending[]): Promise<void> {
    try {
      const outcomes = await this.commit(batch);
      const loggedAt = Date.now();
      for (const { receipt, resent } of outcomes) {
        if (!resent) this.arrivals.logged(loggedAt, receipt.error?.code);
      }
      batch.forEach((p, i) => {
        p.resolve(outcomes[i] as IngestOutcome);
      });
    } catch (error) {
      if (batch.length === 1) {
        // Nothing of it was committed; its sender hears so and may retry.
        batch[0]?.reject(error);
        return;
      }
      const half = Math.ceil(batch.length / 2);
      await this.commitAlone(batch.slice(0, half));
      await this.commitAlone(batch.slice(half));
    }
  }

  private commit(batch: readonly Pending[]): Promise<IngestOutcome[]> {
    const electionId = this.id;
    return this.ledger.append(async (reads, size) => {
      const decided = await this.decide(reads, batch, size);
      const entries: LedgerEntry[] = [];
      const final: IngestOutcome[] = [];
      const byLeaf = new Map<number, Receipt>();
      for (const d of decided) {
        if (d.type === 'resent') {
          final.push({ receipt: d.receipt, resent: true });
        } else if (d.type === 'resent-in-batch') {
          // The same submission twice in one batch: the second gets the first one's receipt.
          const first = byLeaf.get(d.leaf);
          if (first === undefined) throw new Error(`no receipt for leaf ${String(d.leaf)}`);
          final.push({ receipt: first, resent: true });
        } else {
          const leaf = size + entries.length;
          entries.push(d.row === undefined ? { bytes: d.bytes } : { bytes: d.bytes, index: d.row });
          const receipt: Receipt = {
            election: electionId,
            leafIndex: leaf,
            leafHash: encodeBase64(leafHash(d.bytes)),
            ...d.fields,
          };
          byLeaf.set(leaf, receipt);
          final.push({ receipt, resent: false });
        }
      }
      return { entries, value: final };
    });
  }

  /**
   * Folds the admission rules over the batch, in order, from the state the log holds for its
   * submissions: loaded from the store, only what the batch's keys, units and digests need.
   */
  private async decide(
    reads: LedgerReads,
    batch: readonly Pending[],
    size: number,
  ): Promise<Decision[]> {
    const checked = batch.filter((p): p is Pending & Checked => p.type === 'checked');
    const state = new AdmissionState();
    const known = new Map<number, Uint8Array>();
    if (checked.length > 0) {
      const unique = (f: (c: Checked) => string): string[] => [...new Set(checked.map(f))];
      const sources = unique((c) => c.facts.source);
      const [resent, keys, sequences, previous] = await Promise.all([
        reads.submissions.withDigests(unique((c) => c.facts.digest)),
        reads.roster.keys(sources),
        reads.submissions.lastSequences(sources),
        reads.submissions.ofUnits(unique((c) => c.facts.unit)),
      ]);
      for (const r of resent) {
        state.knowDigest(r.digest, r.leaf);
        known.set(r.leaf, r.entry);
      }
      for (const k of keys) state.knowKey(k.ref, k.unit, k.revokedAt);
      // What the review rules read: each source's last sequence, each slot's history.
      for (const p of previous) knowSlotRow(state, p);
      for (const s of sequences) state.knowSequence(s.source, s.sequence);
    }

    let leaf = size;
    const decided: Decision[] = [];
    for (const p of batch) {
      const admission = state.admit(
        this.election,
        p.type === 'refused'
          ? { type: 'rejection', error: p.error }
          : { type: 'submission', leaf, facts: p.facts },
      );
      const decision = this.toDecision(p, admission, known);
      if (decision.type === 'record') leaf++;
      decided.push(decision);
    }
    return decided;
  }

  /** What ingest does with the rules' decision on a body. */
  private toDecision(
    p: Pending,
    admission: Admission,
    known: ReadonlyMap<number, Uint8Array>,
  ): Decision {
    const electionId = this.id;
    switch (admission.type) {
      case 'rejected':
        return recordRejection(electionId, p, admission.error);
      case 'admitted':
        if (p.type !== 'checked') throw new Error('admission: a refused body admitted');
        return recordSubmission(electionId, p, admission.status, admission.kind);
      case 'resent': {
        const bytes = known.get(admission.leaf);
        return bytes === undefined
          ? { type: 'resent-in-batch', leaf: admission.leaf }
          : { type: 'resent', receipt: receiptOf(electionId, admission.leaf, bytes) };
      }
      case 'recorded':
      case 'refused':
        throw new Error(`admission: a submission ${admission.type}`);
      default:
        return throwIllegalValue(admission);
    }
  }
}

/** A held submission as the review queue shows it. */
export interface HeldForReview {
  readonly entry: number;
  /** The key that signed it. */
  readonly source: string;
  readonly kind: SubmissionKind;
  /** Why the rules held it, besides a conflict. */
  readonly warnings: readonly ProblemSummary[];
  readonly submission: Submission;
  /** Whether two reviewers must accept it (it broke a rule, and the election asks for two). */
  readonly needsTwoReviewers: boolean;
  /** Who approved it so far, waiting for a second reviewer. */
  readonly approvals: readonly string[];
  /** What its unit counts now for its vote type: the entry, the key, the numbers. */
  readonly counted?: {
    readonly entry: number;
    readonly source: string;
    readonly submission: Submission;
  };
}

/** The entry a slot row counts from: its own, or the review's that accepted it. */
const countsFrom = (r: SlotRow): number => r.decidedLeaf ?? r.leaf;

/** A reviewer's decision on a held submission, as a staff member makes it. */
export interface ReviewRequest {
  /** The held submission's entry. */
  readonly entry: number;
  readonly decision: 'accept' | 'reject';
  readonly reason: string;
  /** Who decides: the signed-in reviewer's staff name. */
  readonly reviewer: string;
}

/** What became of a review: logged, or a first approval waiting for a second reviewer. */
export type ReviewOutcome =
  | { readonly type: 'logged'; readonly leafIndex: number }
  | { readonly type: 'awaiting_second'; readonly approvals: readonly string[] };

export type ReleaseProblem = Problem<'invalid_release' | RefusalCode>;

/** A staff member's change of a contest's status. */
export interface ContestStatusRequest {
  readonly contest: string;
  readonly status: ContestStatusEntry['status'];
  /** For a call or a certification: the choices elected. */
  readonly winners?: readonly string[];
  readonly reason: string;
  /** Who changes it: the signed-in staff member's name. */
  readonly by: string;
}

export type ContestStatusProblem = Problem<'invalid_status' | RefusalCode>;

export type ReviewProblem = Problem<'invalid_review' | 'already_approved' | RefusalCode>;

/**
 * A submission's slot row from the store, as the rules know it; with whether it broke a rule
 * where the rules will ask (a submission a review names).
 */
function knowSlotRow(state: AdmissionState, r: SlotRow, warned?: boolean): void {
  state.knowSubmission(
    warned === undefined ? r : { ...r, warned },
    r.leaf,
    r.status,
    r.decidedLeaf === undefined ? {} : { acceptedAt: r.decidedLeaf, decidedAt: r.decidedLeaf },
  );
}

type Decision =
  | { readonly type: 'resent'; readonly receipt: Receipt }
  | { readonly type: 'resent-in-batch'; readonly leaf: number }
  | {
      readonly type: 'record';
      /** The log entry's bytes. */
      readonly bytes: Uint8Array;
      readonly fields: ReceiptFields;
      readonly row?: IndexRow;
    };

/** Longest message a log entry keeps: some quote what was sent (a key name, a parser's view). */
const MAX_MESSAGE = 500;

const summary = (p: Problem): ProblemSummary => ({
  code: p.code,
  // A message that quotes a body (JSON.parse's does) may cut a surrogate pair in two.
  message: toWellFormedText(p.message.slice(0, MAX_MESSAGE)),
});

/** The rejection's entry: with the submission as sent when it was one and fits in an entry. */
function rejectionEntry(election: string, p: Pending, error: Problem): LogEntry {
  const entry: LogEntry = {
    format: LOG_ENTRY_FORMAT,
    type: 'rejection',
    election,
    receivedAt: p.receivedAt,
    bodySha256: p.body.sha256,
    bodyBytes: p.body.bytes,
    error: summary(error),
  };
  // A checked submission's signed canonical JSON is the body as read; it is logged only when a
  // roster key vouches for it.
  if (p.type !== 'checked' || !vouchedFor(p)) return entry;
  const signed = parseSignedSubmission(JSON.parse(p.signedCanonical));
  if (!signed.ok) return entry;
  const withBody = { ...entry, signed: signed.value };
  return encodeLogEntry(withBody).length <= MAX_ENTRY_SIZE ? withBody : entry;
}

function recordRejection(election: string, p: Pending, error: Problem): Decision {
  const entry = rejectionEntry(election, p, error);
  return { type: 'record', bytes: encodeLogEntry(entry), fields: receiptFields(entry) };
}

function recordSubmission(
  election: string,
  p: Pending & Checked,
  status: 'accepted' | 'held',
  kind: SubmissionKind,
): Decision {
  const f = p.facts;
  const warnings = f.warnings.map(summary);
  const bytes = encodeSubmissionEntry(
    {
      format: LOG_ENTRY_FORMAT,
      type: 'submission',
      election,
      receivedAt: p.receivedAt,
      status,
      kind,
      warnings,
    },
    p.signedCanonical,
  );
  return {
    type: 'record',
    bytes,
    fields: {
      receivedAt: p.receivedAt,
      status,
      kind,
      unit: f.unit,
      voteType: f.voteType,
      sequence: f.sequence,
      warnings,
    },
    row: {
      type: 'submission',
      record: {
        digest: f.digest,
        unit: f.unit,
        voteType: f.voteType,
        source: f.source,
        sequence: f.sequence,
        status,
        kind,
        countsDigest: f.countsDigest,
      },
    },
  };
}
