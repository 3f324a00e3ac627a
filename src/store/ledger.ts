// The ledger: the one owner of an election's log in the store, as a Trillian Tessera storage
// driver is. It appends inside one transaction that holds the log's lock (so no two writers,
// threads or processes, can fork the log), asks its caller what to append only once it holds
// the lock and knows the size, and writes the entries, the tree nodes they complete and the
// index rows that go with them together or not at all. It keeps the tree's frontier, records
// checkpoints and proves an entry's inclusion. The log library (src/log/log.ts) keeps the tree
// and the proofs; this keeps the protocol.
import { err, ok, problem, throwIllegalValue, type Problem, type Result } from '../core/result.js';
import type { ContestStatus, PublishedStatus } from '../core/admission.js';
import type { Hash } from '../log/hash.js';
import { Log, planAppend, readFrontier, type TreeState } from '../log/log.js';
import type { Signer } from '../log/note.js';
import { lockLog, SqlLogStorage, type Executor } from './log_storage.js';
import { ReviewApprovals } from './review_approvals.js';
import { RosterRecords } from './roster_records.js';
import { SubmissionRecords, type SubmissionRecord } from './submission_records.js';
import type { Store } from './store.js';

/** The index rows an entry comes with: what later decisions read instead of the entries. */
export type IndexRow =
  | { readonly type: 'submission'; readonly record: SubmissionRecord }
  | {
      readonly type: 'certify';
      readonly ref: string;
      readonly verifierKey: string;
      readonly unit: string;
    }
  | { readonly type: 'revoke'; readonly ref: string }
  | {
      readonly type: 'delegate';
      readonly ref: string;
      readonly verifierKey: string;
      readonly unit: string;
      readonly expires: string;
    }
  /** A review decided the held submission at entry `target`. */
  | { readonly type: 'review'; readonly target: number; readonly status: 'accepted' | 'rejected' }
  /** The results were released to the public site. */
  | { readonly type: 'release' }
  /** A contest's status changed (the entry's leaf is the status's `entry`). */
  | { readonly type: 'contest-status'; readonly status: ContestStatus };

export interface LedgerEntry {
  readonly bytes: Uint8Array;
  readonly index?: IndexRow;
}

/** What a decision appends, and what it answers its caller once committed. */
export interface Appending<T> {
  readonly entries: readonly LedgerEntry[];
  readonly value: T;
}

/** What a decision may read, under the log's lock: current until the append commits. */
export interface LedgerReads {
  readonly submissions: SubmissionRecords;
  readonly roster: RosterRecords;
  /**
   * Approvals waiting for a second reviewer: read, and written, under the same lock, so that
   * two reviewers approving at once make one review entry.
   */
  readonly approvals: ReviewApprovals;
  /** The entry that released the results, if one did. */
  readonly released: () => Promise<number | undefined>;
  /** A contest's status as its last status entry set it; undefined while none has. */
  readonly contestStatus: (contest: string) => Promise<PublishedStatus | undefined>;
}

export interface CheckpointRecord {
  readonly size: number;
  readonly note: string;
}

/** An entry, with the newest checkpoint that covers it and the proof that ties them. */
export interface ProvenEntry {
  readonly leafIndex: number;
  readonly bytes: Uint8Array;
  readonly checkpoint?: CheckpointRecord;
  readonly inclusionProof?: readonly Hash[];
}

export class Ledger {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly store: Store,
    readonly electionId: string,
    private readonly tree: TreeState,
    /** The tree and its proofs, for reading: the ledger alone appends to it. */
    readonly log: Log,
  ) {}

  static async open(store: Store, electionId: string): Promise<Ledger> {
    const storage = new SqlLogStorage(store.db, electionId);
    const tree: TreeState = { frontier: await readFrontier(storage) };
    return new Ledger(store, electionId, tree, Log.view(storage, tree));
  }

  /**
   * Appends what `decide` returns, given what it reads and the log's size, in one transaction
   * that holds the log's lock. Appends run one at a time; nothing is appended if `decide` or
   * the transaction fails.
   */
  append<T>(decide: (reads: LedgerReads, size: number) => Promise<Appending<T>>): Promise<T> {
    return this.exclusive(async () => {
      const storage = new SqlLogStorage(this.store.db, this.electionId);
      let planned: TreeState['frontier'] | undefined;
      const value = await this.store.db.transaction().execute(async (tx) => {
        const size = await lockLog(tx, this.electionId);
        // Another process may have appended since this one last looked.
        let frontier = this.tree.frontier;
        if (BigInt(size) !== frontier.size) frontier = await readFrontier(storage.within(tx));
        const job = await decide(this.reads(tx), size);
        if (job.entries.length === 0) {
          planned = frontier;
          return job.value;
        }
        const plan = planAppend(
          frontier,
          job.entries.map((e) => e.bytes),
        );
        if (!plan.ok) throw new Error(`log append: ${plan.error.message}`);
        const stored = await storage.within(tx).append(plan.value.batch);
        if (!stored.ok) throw new Error(`log append under lock: ${stored.error.message}`);
        await this.index(tx, size, job.entries);
        planned = plan.value.frontier;
        return job.value;
      });
      if (planned !== undefined) this.tree.frontier = planned;
      return value;
    });
  }

  /** Signs and stores a checkpoint of the log as it is, unless one as new is stored already. */
  checkpoint(origin: string, signer: Signer, now: Date): Promise<CheckpointRecord | undefined> {
    return this.exclusive(async () => {
      const size = Number(this.log.size);
      const latest = await this.latestCheckpoint();
      if (latest !== undefined && latest.size >= size) return undefined;
      const note = this.log.checkpoint(origin, [signer]);
      if (!note.ok) throw new Error(`checkpoint: ${note.error.message}`);
      await this.store.db
        .insertInto('checkpoints')
        .values({
          election_id: this.electionId,
          size,
          note: note.value,
          created_at: now.toISOString(),
        })
        .onConflict((oc) => oc.columns(['election_id', 'size']).doNothing())
        .execute();
      return { size, note: note.value };
    });
  }

  latestCheckpoint(): Promise<CheckpointRecord | undefined> {
    return this.store.db
      .selectFrom('checkpoints')
      .select(['size', 'note'])
      .where('election_id', '=', this.electionId)
      .orderBy('size', 'desc')
      .limit(1)
      .executeTakeFirst();
  }

  /** Entry `leafIndex`, with the newest checkpoint that covers it and its inclusion proof. */
  async receipt(leafIndex: number): Promise<Result<ProvenEntry, Problem<'unknown_entry'>>> {
    const row = await this.store.db
      .selectFrom('log_entries')
      .select('entry')
      .where('election_id', '=', this.electionId)
      .where('leaf_index', '=', leafIndex)
      .executeTakeFirst();
    if (row === undefined)
      return err(problem('unknown_entry', `no entry ${String(leafIndex)} in ${this.electionId}`));
    const bytes = new Uint8Array(row.entry);
    const checkpoint = await this.latestCheckpoint();
    if (checkpoint === undefined || checkpoint.size <= leafIndex) return ok({ leafIndex, bytes });
    // Another process may have grown the log past what this one has seen.
    if (this.log.size < BigInt(checkpoint.size)) await this.refresh();
    const proof = await this.log.inclusionProof(BigInt(leafIndex), BigInt(checkpoint.size));
    if (!proof.ok) throw new Error(`inclusion proof: ${proof.error.message}`);
    return ok({ leafIndex, bytes, checkpoint, inclusionProof: proof.value });
  }

  /** Rereads the frontier from the store: another process appended. */
  refresh(): Promise<void> {
    return this.exclusive(async () => {
      this.tree.frontier = await readFrontier(new SqlLogStorage(this.store.db, this.electionId));
    });
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private reads(tx: Executor): LedgerReads {
    return {
      submissions: new SubmissionRecords(tx, this.electionId),
      approvals: new ReviewApprovals(tx, this.electionId),
      released: () => releasedLeaf(tx, this.electionId),
      contestStatus: async (contest) => (await contestStatuses(tx, this.electionId, contest))[0],
      roster: new RosterRecords(tx, this.electionId),
    };
  }

  /** The index rows of entries appended from leaf `first`. */
  private async index(tx: Executor, first: number, entries: readonly LedgerEntry[]): Promise<void> {
    const submissions: { leaf: number; record: SubmissionRecord }[] = [];
    const certified: { leaf: number; ref: string; verifierKey: string; unit: string }[] = [];
    const revoked: { leaf: number; ref: string }[] = [];
    const reviewed: { leaf: number; target: number; status: 'accepted' | 'rejected' }[] = [];
    let released: number | undefined;
    const statuses: PublishedStatus[] = [];
    const delegated: {
      leaf: number;
      ref: string;
      verifierKey: string;
      unit: string;
      expires: string;
    }[] = [];
    entries.forEach((e, i) => {
      const leaf = first + i;
      const index = e.index;
      if (index === undefined) return;
      switch (index.type) {
        case 'submission':
          submissions.push({ leaf, record: index.record });
          break;
        case 'certify':
          certified.push({ leaf, ...index });
          break;
        case 'revoke':
          revoked.push({ leaf, ref: index.ref });
          break;
        case 'review':
          reviewed.push({ leaf, target: index.target, status: index.status });
          break;
        case 'release':
          released = leaf;
          break;
        case 'contest-status':
          statuses.push({ ...index.status, entry: leaf });
          break;
        case 'delegate':
          delegated.push({ leaf, ...index });
          break;
        default:
          throwIllegalValue(index);
      }
    });
    const records = new SubmissionRecords(tx, this.electionId);
    await records.insert(submissions);
    for (const r of reviewed) await records.decide(r.target, r.status, r.leaf);
    const roster = new RosterRecords(tx, this.electionId);
    await roster.certify(certified);
    for (const d of delegated) await roster.delegate(d);
    for (const r of revoked) {
      await roster.revoke(r.ref, r.leaf);
      await roster.revokeDelegation(r.ref, r.leaf);
    }
    for (const s of statuses) {
      const row = {
        status: s.status,
        winners: s.winners === undefined ? null : JSON.stringify(s.winners),
        time: s.time,
        set_by: s.by,
        reason: s.reason,
        leaf_index: s.entry,
      };
      await tx
        .insertInto('contest_statuses')
        .values({ election_id: this.electionId, contest_id: s.contest, ...row })
        .onConflict((oc) => oc.columns(['election_id', 'contest_id']).doUpdateSet(row))
        .execute();
    }
    if (released !== undefined) {
      await tx
        .updateTable('log_state')
        .set({ released_leaf: released })
        .where('election_id', '=', this.electionId)
        .execute();
    }
  }

  /** The entry that released the election's results, if one did. */
  released(): Promise<number | undefined> {
    return releasedLeaf(this.store.db, this.electionId);
  }

  /** Each contest's status, for the contests a status entry named (the rest are unofficial). */
  contestStatuses(): Promise<PublishedStatus[]> {
    return contestStatuses(this.store.db, this.electionId);
  }
}

async function contestStatuses(
  executor: Executor,
  electionId: string,
  contest?: string,
): Promise<PublishedStatus[]> {
  let query = executor
    .selectFrom('contest_statuses')
    .selectAll()
    .where('election_id', '=', electionId);
  if (contest !== undefined) query = query.where('contest_id', '=', contest);
  const rows = await query.orderBy('contest_id').execute();
  return rows.map((r) => ({
    contest: r.contest_id,
    status: r.status as PublishedStatus['status'],
    ...(r.winners === null ? {} : { winners: JSON.parse(r.winners) as string[] }),
    time: r.time,
    by: r.set_by,
    reason: r.reason,
    entry: r.leaf_index,
  }));
}

async function releasedLeaf(executor: Executor, electionId: string): Promise<number | undefined> {
  const row = await executor
    .selectFrom('log_state')
    .select('released_leaf')
    .where('election_id', '=', electionId)
    .executeTakeFirst();
  return row?.released_leaf ?? undefined;
}
