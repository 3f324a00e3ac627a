// The one way anything is written to an election's log: inside a transaction that holds the
// log's lock, so the entries, the tree nodes and the rows that index them commit together or
// not at all, and no two writers (threads or processes) can fork the log.
import type { Transaction } from 'kysely';
import type { Log } from '../log/log.js';
import { lockLog, SqlLogStorage } from '../store/log_storage.js';
import type { Database } from '../store/schema.js';
import type { Store } from '../store/store.js';

export interface AppendWork<T> {
  readonly entries: readonly Uint8Array[];
  /** Writes the rows that go with the entries; `first` is the first entry's leaf index. */
  readonly record: (tx: Transaction<Database>, first: number) => Promise<void>;
  readonly value: T;
}

export async function appendToLog<T>(
  store: Store,
  electionId: string,
  log: Log,
  work: (tx: Transaction<Database>, size: number) => Promise<AppendWork<T>>,
): Promise<T> {
  return log.exclusive(async () => {
    const storage = new SqlLogStorage(store.db, electionId);
    let planned: Parameters<Log['adopt']>[0] | undefined;
    const value = await store.db.transaction().execute(async (tx) => {
      const size = await lockLog(tx, electionId);
      // Another process may have appended since this one last looked.
      if (BigInt(size) !== log.size) await log.reload(storage.within(tx));
      const job = await work(tx, size);
      if (job.entries.length === 0) return job.value;
      const plan = log.plan(job.entries);
      if (!plan.ok) throw new Error(`log append: ${plan.error.message}`);
      const stored = await storage.within(tx).append(plan.value.batch);
      if (!stored.ok) throw new Error(`log append under lock: ${stored.error.message}`);
      await job.record(tx, size);
      planned = plan.value;
      return job.value;
    });
    if (planned !== undefined) log.adopt(planned);
    return value;
  });
}
