// Elections in the store: importing a definition (the first entries of its log) and loading it
// back with its log.
import { createHash } from 'node:crypto';
import { canonicalJson, type JsonValue } from '../core/canonical_json.js';
import { parseElectionDefinition, type Election } from '../core/election.js';
import { electionEntries, encodeLogEntry } from '../core/log_entry.js';
import { err, ok, problem, type Problem, type Result } from '../core/result.js';
import { Log } from '../log/log.js';
import { parseVerifierKey } from '../log/note.js';
import { SqlLogStorage } from '../store/log_storage.js';
import type { Store } from '../store/store.js';
import { appendToLog } from './append.js';

export type ElectionStoreProblem = Problem<
  'election_exists' | 'unknown_election' | 'invalid_definition'
>;

export interface StoredElection {
  readonly election: Election;
  readonly log: Log;
}

/**
 * Records a new election: its definition in the store, and as the first entries of its log.
 * The authority's keys must parse: they are what certifies every unit key later.
 */
export async function importElection(
  store: Store,
  election: Election,
  now: Date,
): Promise<Result<StoredElection & { readonly entries: number }, ElectionStoreProblem>> {
  const id = election.definition.id;
  for (const key of election.definition.authority.keys) {
    const parsed = parseVerifierKey(key);
    if (!parsed.ok) {
      return err(problem('invalid_definition', `authority key "${key}": ${parsed.error.message}`));
    }
  }
  const existing = await store.db
    .selectFrom('elections')
    .select('id')
    .where('id', '=', id)
    .executeTakeFirst();
  if (existing !== undefined) {
    return err(problem('election_exists', `election "${id}" is already in the store`));
  }
  const json = canonicalJson(election.definition as unknown as JsonValue);
  const sha256 = createHash('sha256').update(json).digest('hex');
  const entries = electionEntries(id, json, sha256, now.toISOString()).map(encodeLogEntry);
  await store.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('elections')
      .values({ id, definition: json, created_at: now.toISOString() })
      .execute();
    await tx.insertInto('log_state').values({ election_id: id, size: 0 }).execute();
  });
  const log = await Log.open(new SqlLogStorage(store.db, id));
  await appendToLog(store, id, log, () =>
    Promise.resolve({ entries, record: () => Promise.resolve(), value: undefined }),
  );
  return ok({ election, log, entries: entries.length });
}

export async function loadElection(
  store: Store,
  id: string,
): Promise<Result<StoredElection, ElectionStoreProblem>> {
  const row = await store.db
    .selectFrom('elections')
    .select('definition')
    .where('id', '=', id)
    .executeTakeFirst();
  if (row === undefined) return err(problem('unknown_election', `no election "${id}"`));
  const parsed = parseElectionDefinition(JSON.parse(row.definition));
  if (!parsed.ok)
    return err(
      problem('invalid_definition', `stored definition of "${id}": ${parsed.error.message}`),
    );
  const log = await Log.open(new SqlLogStorage(store.db, id));
  return ok({ election: parsed.value, log });
}

export async function listElections(store: Store): Promise<string[]> {
  const rows = await store.db.selectFrom('elections').select('id').orderBy('id').execute();
  return rows.map((r) => r.id);
}
