// Elections in the store: importing a definition (the first entries of its log) and loading it
// back with its ledger.
import { AdmissionState } from '../core/admission.js';
import { canonicalJson, type JsonValue } from '../core/canonical_json.js';
import { parseElectionDefinition, type Election } from '../core/election.js';
import { electionEntries, encodeLogEntry } from '../core/log_entry.js';
import { err, ok, problem, type Problem, type Result } from '../core/result.js';
import { sha256Hex } from '../core/sha256.js';
import { parseVerifierKey } from '../log/note.js';
import { ElectionRecords } from '../store/election_records.js';
import { Ledger } from '../store/ledger.js';
import type { Store } from '../store/store.js';

export type ElectionStoreProblem = Problem<
  'election_exists' | 'unknown_election' | 'invalid_definition'
>;

export interface StoredElection {
  readonly election: Election;
  /** Its log: the one way to append to it, and its tree and proofs (`ledger.log`). */
  readonly ledger: Ledger;
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
  const records = new ElectionRecords(store.db);
  if (await records.exists(id)) {
    return err(problem('election_exists', `election "${id}" is already in the store`));
  }
  const json = canonicalJson(election.definition as unknown as JsonValue);
  const sha256 = sha256Hex(json);
  const entries = electionEntries(id, json, sha256, now.toISOString());
  await records.create(id, json, now);
  const ledger = await Ledger.open(store, id);
  await ledger.append(() => {
    // The admission rules take the definition as a log's first entries.
    const state = new AdmissionState();
    for (const e of entries) {
      const admitted =
        e.type === 'election'
          ? state.admit(election, { type: 'election', parts: e.parts })
          : e.type === 'election-part'
            ? state.admit(election, { type: 'election-part', part: e.part })
            : undefined;
      if (admitted?.type !== 'recorded') throw new Error(`definition entry ${e.type} refused`);
    }
    return Promise.resolve({
      entries: entries.map((e) => ({ bytes: encodeLogEntry(e) })),
      value: undefined,
    });
  });
  return ok({ election, ledger, entries: entries.length });
}

export async function loadElection(
  store: Store,
  id: string,
): Promise<Result<StoredElection, ElectionStoreProblem>> {
  const definition = await new ElectionRecords(store.db).definition(id);
  if (definition === undefined) return err(problem('unknown_election', `no election "${id}"`));
  const parsed = parseElectionDefinition(JSON.parse(definition));
  if (!parsed.ok)
    return err(
      problem('invalid_definition', `stored definition of "${id}": ${parsed.error.message}`),
    );
  return ok({ election: parsed.value, ledger: await Ledger.open(store, id) });
}

export function listElections(store: Store): Promise<string[]> {
  return new ElectionRecords(store.db).ids();
}
