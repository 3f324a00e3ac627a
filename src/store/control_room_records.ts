// What the control room asks the store, each in one query whatever the number of units: which
// units counted which vote type, what waits for a reviewer, the newest checkpoint, the log's size
// and the results desk's open sheets. Read only while someone watches the control room.
import { sql } from 'kysely';
import type { Executor } from './log_storage.js';

export class ControlRoomRecords {
  constructor(
    private readonly executor: Executor,
    private readonly electionId: string,
  ) {}

  /** Each unit and vote type with an accepted (counted) submission, once each. */
  async reportedSlots(): Promise<{ unit: string; voteType: string }[]> {
    const rows = await this.executor
      .selectFrom('submissions')
      .select(['unit_id', 'vote_type'])
      .where('election_id', '=', this.electionId)
      .where('status', '=', sql.lit('accepted'))
      .groupBy(['unit_id', 'vote_type'])
      .execute();
    return rows.map((r) => ({ unit: r.unit_id, voteType: r.vote_type }));
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
