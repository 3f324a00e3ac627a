// The results desk's keyed tally sheets: each operator's entry, waiting for its pair, waiting
// for a reviewer where the two differ, or done (submitted, or set aside by a reviewer).
import type { Executor } from './log_storage.js';

export type DeskEntryStatus = 'open' | 'mismatch' | 'submitted' | 'set_aside';

/** One operator's entry of a sheet. */
export interface DeskRecord {
  readonly id: string;
  readonly unit: string;
  readonly voteType: string;
  readonly operator: string;
  /** The keyed sheet's JSON. */
  readonly keyed: string;
  readonly keyedAt: string;
  readonly status: DeskEntryStatus;
  /** The submission's log entry, once submitted. */
  readonly leaf?: number;
}

export class DeskRecords {
  constructor(
    private readonly executor: Executor,
    private readonly electionId: string,
  ) {}

  /** The entries of a sheet that are not done: open, or waiting for a reviewer; oldest first. */
  async pending(unit: string, voteType: string): Promise<DeskRecord[]> {
    const rows = await this.rows()
      .where('unit_id', '=', unit)
      .where('vote_type', '=', voteType)
      .where('status', 'in', ['open', 'mismatch'])
      .execute();
    return rows.map(deskRecord).sort((a, b) => a.keyedAt.localeCompare(b.keyedAt));
  }

  /** Every entry waiting for a reviewer, oldest first. */
  async mismatches(): Promise<DeskRecord[]> {
    const rows = await this.rows().where('status', '=', 'mismatch').execute();
    return rows.map(deskRecord).sort((a, b) => a.keyedAt.localeCompare(b.keyedAt));
  }

  /** Every entry waiting for its pair, oldest first. */
  async open(): Promise<DeskRecord[]> {
    const rows = await this.rows().where('status', '=', 'open').execute();
    return rows.map(deskRecord).sort((a, b) => a.keyedAt.localeCompare(b.keyedAt));
  }

  async add(record: DeskRecord): Promise<void> {
    await this.executor
      .insertInto('desk_entries')
      .values({
        election_id: this.electionId,
        id: record.id,
        unit_id: record.unit,
        vote_type: record.voteType,
        operator: record.operator,
        keyed: record.keyed,
        keyed_at: record.keyedAt,
        status: record.status,
        leaf_index: record.leaf ?? null,
      })
      .execute();
  }

  async setStatus(ids: readonly string[], status: DeskEntryStatus, leaf?: number): Promise<void> {
    if (ids.length === 0) return;
    await this.executor
      .updateTable('desk_entries')
      .set({ status, leaf_index: leaf ?? null })
      .where('election_id', '=', this.electionId)
      .where('id', 'in', ids)
      .execute();
  }

  private rows() {
    return this.executor
      .selectFrom('desk_entries')
      .select([
        'id',
        'unit_id',
        'vote_type',
        'operator',
        'keyed',
        'keyed_at',
        'status',
        'leaf_index',
      ])
      .where('election_id', '=', this.electionId);
  }
}

function deskRecord(r: {
  id: string;
  unit_id: string;
  vote_type: string;
  operator: string;
  keyed: string;
  keyed_at: string;
  status: string;
  leaf_index: number | null;
}): DeskRecord {
  return {
    id: r.id,
    unit: r.unit_id,
    voteType: r.vote_type,
    operator: r.operator,
    keyed: r.keyed,
    keyedAt: r.keyed_at,
    status: r.status as DeskEntryStatus,
    ...(r.leaf_index === null ? {} : { leaf: r.leaf_index }),
  };
}
