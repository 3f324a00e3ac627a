// What the control room asks the store, none of it one query per unit: which units counted which
// vote type (read as it changes: CountedSlots), what waits for a reviewer, the newest checkpoint,
// the log's size and the results desk's open sheets. Read only while someone watches.
import { sql } from 'kysely';
import type { Executor } from './log_storage.js';

/** Entries named in one query at most: far below any database's limit on bound values. */
const CHUNK = 1000;

/** A logged submission's entry, slot and status. */
export interface SlotStatus {
  readonly leaf: number;
  readonly unit: string;
  readonly voteType: string;
  readonly status: string;
}

const slotStatus = (r: {
  leaf_index: number;
  unit_id: string;
  vote_type: string;
  status: string;
}): SlotStatus => ({
  leaf: r.leaf_index,
  unit: r.unit_id,
  voteType: r.vote_type,
  status: r.status,
});

export class ControlRoomRecords {
  constructor(
    private readonly executor: Executor,
    private readonly electionId: string,
  ) {}

  /** The submissions logged from entry `from` on: where each is, its slot and how it stands. */
  async loggedFrom(from: number): Promise<SlotStatus[]> {
    const rows = await this.slotStatuses().where('leaf_index', '>=', from).execute();
    return rows.map(slotStatus);
  }

  /** How the submissions at these entries stand now. */
  async atLeaves(leaves: readonly number[]): Promise<SlotStatus[]> {
    const out: SlotStatus[] = [];
    for (let i = 0; i < leaves.length; i += CHUNK) {
      const chunk = leaves.slice(i, i + CHUNK);
      const rows = await this.slotStatuses().where('leaf_index', 'in', chunk).execute();
      out.push(...rows.map(slotStatus));
    }
    return out;
  }

  private slotStatuses() {
    return this.executor
      .selectFrom('submissions')
      .select(['leaf_index', 'unit_id', 'vote_type', 'status'])
      .where('election_id', '=', this.electionId);
  }

  /** How many submissions are held and not yet decided, and the entry of the oldest. */
  async held(): Promise<{ count: number; oldestLeaf?: number }> {
    const row = await this.executor
      .selectFrom('submissions')
      .select((eb) => [eb.fn.countAll().as('count'), eb.fn.min('leaf_index').as('oldest')])
      .where('election_id', '=', this.electionId)
      // A literal, as the partial index states it: a bound value could not use the index.
      .where('status', '=', sql.lit('held'))
      .executeTakeFirst();
    const count = Number(row?.count ?? 0);
    // MIN over no rows is NULL: there is an oldest only when something is held.
    return row === undefined || count === 0 ? { count } : { count, oldestLeaf: row.oldest };
  }

  /** The newest checkpoint: its size and when it was signed. */
  async latestCheckpoint(): Promise<{ size: number; createdAt: string } | undefined> {
    const row = await this.executor
      .selectFrom('checkpoints')
      .select(['size', 'created_at'])
      .where('election_id', '=', this.electionId)
      .orderBy('size', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row === undefined ? undefined : { size: row.size, createdAt: row.created_at };
  }

  /** The log's size as the store has it (another server process may have appended). */
  async logSize(): Promise<number> {
    const row = await this.executor
      .selectFrom('log_state')
      .select('size')
      .where('election_id', '=', this.electionId)
      .executeTakeFirst();
    return row?.size ?? 0;
  }

  /** The desk's sheets keyed once (waiting for a second operator) and those whose entries differ. */
  async deskSheets(): Promise<{ awaitingSecondEntry: number; mismatches: number }> {
    const rows = await this.executor
      .selectFrom('desk_entries')
      .select(['status', 'unit_id', 'vote_type'])
      .where('election_id', '=', this.electionId)
      .where('status', 'in', ['open', 'mismatch'])
      .groupBy(['status', 'unit_id', 'vote_type'])
      .execute();
    return {
      awaitingSecondEntry: rows.filter((r) => r.status === 'open').length,
      mismatches: rows.filter((r) => r.status === 'mismatch').length,
    };
  }
}

/**
 * The units and vote types with a counted submission, kept by one watcher of an election and
 * brought up to date by reading only what changed since: the submissions logged since (by entry,
 * the primary key's order) and the held ones it knows of (few, and each by its entry). A
 * submission once accepted stays accepted, so nothing else can have changed. At 175,000 units
 * this reads a handful of rows a tick where the grouped query reads every one.
 */
export class CountedSlots {
  private readonly counted = new Map<string, Set<string>>();
  private readonly list: { unit: string; voteType: string }[] = [];
  private readonly held = new Set<number>();
  private from = 0;
  private updating: Promise<void> = Promise.resolve();

  constructor(private readonly records: ControlRoomRecords) {}

  /** Each unit and vote type with an accepted submission, once each, as of now. */
  async current(): Promise<readonly { unit: string; voteType: string }[]> {
    // One update at a time: two at once would both read from the same entry on.
    const update = this.updating.then(() => this.update());
    this.updating = update.catch(() => undefined);
    await update;
    return this.list;
  }

  private async update(): Promise<void> {
    const decided = await this.records.atLeaves([...this.held]);
    const logged = await this.records.loggedFrom(this.from);
    for (const s of [...decided, ...logged]) {
      this.from = Math.max(this.from, s.leaf + 1);
      if (s.status === 'held') {
        this.held.add(s.leaf);
        continue;
      }
      this.held.delete(s.leaf);
      if (s.status === 'accepted') this.count(s.unit, s.voteType);
    }
  }

  private count(unit: string, voteType: string): void {
    let units = this.counted.get(voteType);
    if (units === undefined) {
      units = new Set();
      this.counted.set(voteType, units);
    }
    if (units.has(unit)) return;
    units.add(unit);
    this.list.push({ unit, voteType });
  }
}
