// The transparency log's storage in the database. Every method takes the executor it runs on,
// so an append shares the transaction of the submissions it records.
import type { Kysely, Transaction } from 'kysely';
import type { Hash } from '../log/hash.js';
import type { AppendBatch, LogStorage } from '../log/log.js';
import type { NodeId } from '../log/tree.js';
import { ok, err, problem, type Problem, type Result } from '../core/result.js';
import type { Database } from './schema.js';

export type Executor = Kysely<Database> | Transaction<Database>;

// Rows per INSERT: well under both databases' limits on bound parameters.
const INSERT_CHUNK = 500;

export async function insertInChunks<T>(
  rows: readonly T[],
  insert: (chunk: readonly T[]) => Promise<unknown>,
): Promise<void> {
  for (let at = 0; at < rows.length; at += INSERT_CHUNK) {
    await insert(rows.slice(at, at + INSERT_CHUNK));
  }
}

/** Locks the election's log for this transaction and returns its stored size. */
export async function lockLog(tx: Transaction<Database>, electionId: string): Promise<number> {
  // A no-op UPDATE takes the write lock in both databases (SQLite: the database's; PostgreSQL:
  // the row's), so everything read after it is current until commit.
  const row = await tx
    .updateTable('log_state')
    .set((eb) => ({ size: eb.ref('size') }))
    .where('election_id', '=', electionId)
    .returning('size')
    .executeTakeFirst();
  if (row === undefined) throw new Error(`no log for election ${electionId}`);
  return row.size;
}

export class SqlLogStorage implements LogStorage {
  constructor(
    private readonly executor: Executor,
    private readonly electionId: string,
  ) {}

  /** The same storage, reading and writing inside a transaction. */
  within(tx: Transaction<Database>): SqlLogStorage {
    return new SqlLogStorage(tx, this.electionId);
  }

  async size(): Promise<bigint> {
    const row = await this.executor
      .selectFrom('log_state')
      .select('size')
      .where('election_id', '=', this.electionId)
      .executeTakeFirst();
    return BigInt(row?.size ?? 0);
  }

  async nodes(ids: readonly NodeId[]): Promise<Hash[]> {
    if (ids.length === 0) return [];
    // One query per tree level, by index range: a tile's nodes are one run of one level, and a
    // proof's few nodes per level are close together.
    const byLevel = new Map<number, number[]>();
    for (const id of ids) {
      const list = byLevel.get(id.level) ?? [];
      list.push(Number(id.index));
      byLevel.set(id.level, list);
    }
    const found = new Map<string, Uint8Array>();
    for (const [level, indices] of byLevel) {
      const low = Math.min(...indices);
      const high = Math.max(...indices);
      const query = this.executor
        .selectFrom('log_nodes')
        .select(['node_index', 'hash'])
        .where('election_id', '=', this.electionId)
        .where('level', '=', level);
      const rows = await (
        high - low < 4 * indices.length + 64
          ? query.where('node_index', '>=', low).where('node_index', '<=', high)
          : query.where('node_index', 'in', indices)
      ).execute();
      const wanted = new Set(indices);
      for (const r of rows)
        if (wanted.has(r.node_index)) found.set(`${level}/${r.node_index}`, r.hash);
    }
    return ids.map((id) => {
      const hash = found.get(`${id.level}/${id.index}`);
      if (hash === undefined) throw new Error(`log node ${id.level}/${id.index} is missing`);
      return new Uint8Array(hash) as Hash;
    });
  }

  async entries(start: bigint, count: number): Promise<Uint8Array[]> {
    if (count === 0) return [];
    const rows = await this.executor
      .selectFrom('log_entries')
      .select(['leaf_index', 'entry'])
      .where('election_id', '=', this.electionId)
      .where('leaf_index', '>=', Number(start))
      .where('leaf_index', '<', Number(start) + count)
      .orderBy('leaf_index')
      .execute();
    return rows.map((r) => new Uint8Array(r.entry));
  }

  /**
   * Appends inside the caller's transaction, which must hold the log's lock (lockLog); on its
   * own executor it opens and locks a transaction of its own.
   */
  async append(batch: AppendBatch): Promise<Result<undefined, Problem<'sequence_conflict'>>> {
    if (this.executor.isTransaction)
      return this.appendIn(this.executor as Transaction<Database>, batch);
    return this.executor.transaction().execute(async (tx) => {
      await lockLog(tx, this.electionId);
      return this.appendIn(tx, batch);
    });
  }

  private async appendIn(
    tx: Transaction<Database>,
    batch: AppendBatch,
  ): Promise<Result<undefined, Problem<'sequence_conflict'>>> {
    const start = Number(batch.start);
    const moved = await tx
      .updateTable('log_state')
      .set({ size: start + batch.entries.length })
      .where('election_id', '=', this.electionId)
      .where('size', '=', start)
      .executeTakeFirst();
    if (moved.numUpdatedRows !== 1n) {
      return err(problem('sequence_conflict', `the log is no longer at size ${start}`));
    }
    await insertInChunks(
      batch.entries.map((entry, i) => ({
        election_id: this.electionId,
        leaf_index: start + i,
        entry,
      })),
      (rows) => tx.insertInto('log_entries').values(rows).execute(),
    );
    await insertInChunks(
      batch.nodes.map((n) => ({
        election_id: this.electionId,
        level: n.level,
        node_index: Number(n.index),
        hash: n.hash,
      })),
      (rows) => tx.insertInto('log_nodes').values(rows).execute(),
    );
    return ok();
  }
}
