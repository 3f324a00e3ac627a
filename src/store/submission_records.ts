// The submissions index: one row per logged submission (rejections have none), which the
// admission rules read for a batch instead of the log's entries.
import { sql } from 'kysely';
import { insertInChunks, type Executor } from './log_storage.js';

/** A logged submission as the index holds it. */
export interface SubmissionRecord {
  /** SHA-256 (hex) of the signed submission's canonical JSON: identical re-sends match it. */
  readonly digest: string;
  readonly unit: string;
  readonly voteType: string;
  /** The signing key, `name+keyid`. */
  readonly source: string;
  readonly sequence: number;
  readonly status: 'accepted' | 'held' | 'rejected';
  readonly kind: string;
  /** SHA-256 (hex) of the numbers alone. */
  readonly countsDigest: string;
}

export class SubmissionRecords {
  constructor(
    private readonly executor: Executor,
    private readonly electionId: string,
  ) {}

  /** The logged submissions with these digests: where each is, and its entry. */
  async withDigests(
    digests: readonly string[],
  ): Promise<{ digest: string; leaf: number; entry: Uint8Array }[]> {
    if (digests.length === 0) return [];
    const rows = await this.executor
      .selectFrom('submissions')
      .innerJoin('log_entries', (j) =>
        j
          .onRef('log_entries.election_id', '=', 'submissions.election_id')
          .onRef('log_entries.leaf_index', '=', 'submissions.leaf_index'),
      )
      .select(['submissions.digest', 'log_entries.leaf_index', 'log_entries.entry'])
      .where('submissions.election_id', '=', this.electionId)
      .where('submissions.digest', 'in', digests)
      .execute();
    return rows.map((r) => ({
      digest: r.digest,
      leaf: r.leaf_index,
      entry: new Uint8Array(r.entry),
    }));
  }

  /** Each of these sources' highest sequence number so far. */
  async lastSequences(sources: readonly string[]): Promise<{ source: string; sequence: number }[]> {
    if (sources.length === 0) return [];
    return this.executor
      .selectFrom('submissions')
      .select(['source', (eb) => eb.fn.max('sequence').as('sequence')])
      .where('election_id', '=', this.electionId)
      .where('source', 'in', sources)
      .groupBy('source')
      .execute();
  }

  /** Every logged submission for these units, in log order. */
  async ofUnits(units: readonly string[]): Promise<SlotRow[]> {
    if (units.length === 0) return [];
    const rows = await this.slotRows()
      .where('election_id', '=', this.electionId)
      .where('unit_id', 'in', units)
      .execute();
    // Sorted here: ORDER BY leaf_index would make the database walk every submission.
    rows.sort((a, b) => a.leaf_index - b.leaf_index);
    return rows.map(slotRow);
  }

  /** The logged submission at entry `leaf`, if that entry is one. */
  async atLeaf(leaf: number): Promise<SlotRow | undefined> {
    const row = await this.slotRows()
      .where('election_id', '=', this.electionId)
      .where('leaf_index', '=', leaf)
      .executeTakeFirst();
    return row === undefined ? undefined : slotRow(row);
  }

  /** The submissions held for review and not yet decided, oldest first. */
  async held(): Promise<SlotRow[]> {
    const rows = await this.slotRows()
      .where('election_id', '=', this.electionId)
      // A literal, as the partial index states it: a bound value could not use the index.
      .where('status', '=', sql.lit('held'))
      .execute();
    rows.sort((a, b) => a.leaf_index - b.leaf_index);
    return rows.map(slotRow);
  }

  /** A review decided the held submission at `leaf`, at entry `decidedLeaf`. */
  async decide(leaf: number, status: 'accepted' | 'rejected', decidedLeaf: number): Promise<void> {
    await this.executor
      .updateTable('submissions')
      .set({ status, decided_leaf: decidedLeaf })
      .where('election_id', '=', this.electionId)
      .where('leaf_index', '=', leaf)
      .execute();
  }

  private slotRows() {
    return this.executor
      .selectFrom('submissions')
      .select([
        'unit_id',
        'vote_type',
        'source',
        'counts_digest',
        'status',
        'leaf_index',
        'decided_leaf',
      ]);
  }

  /** Index rows for submissions just logged, at their leaves. */
  async insert(records: readonly { leaf: number; record: SubmissionRecord }[]): Promise<void> {
    await insertInChunks(
      records.map(({ leaf, record: r }) => ({
        election_id: this.electionId,
        leaf_index: leaf,
        digest: r.digest,
        unit_id: r.unit,
        vote_type: r.voteType,
        source: r.source,
        sequence: r.sequence,
        status: r.status,
        kind: r.kind,
        counts_digest: r.countsDigest,
        decided_leaf: null,
      })),
      (rows) => this.executor.insertInto('submissions').values(rows).execute(),
    );
  }
}

/** A logged submission as the admission rules read its slot: where it is, and how it stands. */
export interface SlotRow extends Pick<
  SubmissionRecord,
  'unit' | 'voteType' | 'source' | 'countsDigest' | 'status'
> {
  readonly leaf: number;
  /** The review that decided it, once decided. */
  readonly decidedLeaf?: number;
}

function slotRow(r: {
  unit_id: string;
  vote_type: string;
  source: string;
  counts_digest: string;
  status: string;
  leaf_index: number;
  decided_leaf: number | null;
}): SlotRow {
  const status = r.status === 'accepted' || r.status === 'rejected' ? r.status : 'held';
  return {
    unit: r.unit_id,
    voteType: r.vote_type,
    source: r.source,
    countsDigest: r.counts_digest,
    status,
    leaf: r.leaf_index,
    ...(r.decided_leaf === null ? {} : { decidedLeaf: r.decided_leaf }),
  };
}
