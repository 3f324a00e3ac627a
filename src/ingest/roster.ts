// The key roster: the election authority certifies a key per reporting unit or device, or
// revokes one, as a signed statement recorded in the log. Only certified, unrevoked keys can
// sign submissions for their unit and the units beneath it.
import { isWithin, type Election } from '../core/election.js';
import {
  encodeLogEntry,
  LOG_ENTRY_FORMAT,
  ROSTER_CONTEXT,
  type RosterStatement,
} from '../core/log_entry.js';
import { err, ok, problem, type Problem, type Result } from '../core/result.js';
import { keyRef, signObject, verifyObject } from '../log/envelope.js';
import type { Log } from '../log/log.js';
import { parseVerifierKey, type Signer, type Verifier } from '../log/note.js';
import type { Store } from '../store/store.js';
import { appendToLog } from './append.js';

export type RosterProblem = Problem<
  | 'not_an_authority_key'
  | 'unknown_unit'
  | 'malformed_key'
  | 'key_exists'
  | 'unknown_key'
  | 'already_revoked'
  | 'bad_signature'
>;

export interface RosterKey {
  readonly ref: string;
  readonly verifier: Verifier;
  readonly unit: string;
  readonly revoked: boolean;
}

export interface RosterChange {
  readonly leafIndex: number;
  readonly ref: string;
  readonly unit: string;
}

function authorityVerifier(election: Election, signer: Signer): Result<Verifier, RosterProblem> {
  const ref = keyRef(signer);
  for (const text of election.definition.authority.keys) {
    const parsed = parseVerifierKey(text);
    if (parsed.ok && keyRef(parsed.value) === ref) return ok(parsed.value);
  }
  return err(
    problem('not_an_authority_key', `key ${ref} is not one of the election authority's keys`),
  );
}

/** Certifies a unit's key, or revokes one, signed by the authority and recorded in the log. */
export async function changeRoster(
  store: Store,
  election: Election,
  log: Log,
  authority: Signer,
  change: { readonly action: 'certify' | 'revoke'; readonly unit?: string; readonly key: string },
  now: Date,
): Promise<Result<RosterChange, RosterProblem>> {
  const electionId = election.definition.id;
  const verifier = authorityVerifier(election, authority);
  if (!verifier.ok) return verifier;
  const key = parseVerifierKey(change.key);
  if (!key.ok) return err(problem('malformed_key', key.error.message));
  const ref = keyRef(key.value);

  return appendToLog(store, electionId, log, async (tx) => {
    const row = await tx
      .selectFrom('roster_keys')
      .select(['unit_id', 'revoked_leaf'])
      .where('election_id', '=', electionId)
      .where('key_ref', '=', ref)
      .executeTakeFirst();
    const refuse = (
      p: RosterProblem,
    ): {
      entries: [];
      record: () => Promise<void>;
      value: Result<RosterChange, RosterProblem>;
    } => ({
      entries: [],
      record: () => Promise.resolve(),
      value: err(p),
    });
    let unit: string;
    if (change.action === 'certify') {
      unit = change.unit ?? '';
      if (!election.units.has(unit))
        return refuse(problem('unknown_unit', `unknown unit "${unit}"`));
      if (row !== undefined)
        return refuse(
          problem('key_exists', `key ${ref} is already in the roster (unit ${row.unit_id})`),
        );
    } else {
      if (row === undefined)
        return refuse(problem('unknown_key', `key ${ref} is not in the roster`));
      if (row.revoked_leaf !== null)
        return refuse(
          problem('already_revoked', `key ${ref} was revoked at entry ${row.revoked_leaf}`),
        );
      unit = row.unit_id;
    }
    const statement: RosterStatement = {
      election: electionId,
      action: change.action,
      unit,
      key: change.key,
      time: now.toISOString(),
    };
    const signed = signObject(ROSTER_CONTEXT, statement, authority);
    const entry = encodeLogEntry({
      format: LOG_ENTRY_FORMAT,
      type: 'roster',
      statement,
      ...signed,
    });
    let leafIndex = -1;
    return {
      entries: [entry],
      record: async (rtx, first) => {
        leafIndex = first;
        if (change.action === 'certify') {
          await rtx
            .insertInto('roster_keys')
            .values({
              election_id: electionId,
              key_ref: ref,
              verifier_key: change.key,
              unit_id: unit,
              certified_leaf: first,
              revoked_leaf: null,
            })
            .execute();
        } else {
          await rtx
            .updateTable('roster_keys')
            .set({ revoked_leaf: first })
            .where('election_id', '=', electionId)
            .where('key_ref', '=', ref)
            .execute();
        }
      },
      get value(): Result<RosterChange, RosterProblem> {
        return ok({ leafIndex, ref, unit });
      },
    };
  });
}

/** Looks a key up in the roster, as the store has it now. */
export async function findRosterKey(
  store: Store,
  electionId: string,
  ref: string,
): Promise<RosterKey | undefined> {
  const row = await store.db
    .selectFrom('roster_keys')
    .select(['verifier_key', 'unit_id', 'revoked_leaf'])
    .where('election_id', '=', electionId)
    .where('key_ref', '=', ref)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  const verifier = parseVerifierKey(row.verifier_key);
  if (!verifier.ok) throw new Error(`roster key ${ref} in the store does not parse`);
  return { ref, verifier: verifier.value, unit: row.unit_id, revoked: row.revoked_leaf !== null };
}

/** Whether a roster statement carries a valid signature by one of the authority's keys. */
export function verifyRosterStatement(
  election: Election,
  statement: RosterStatement,
  signer: string,
  signature: string,
): boolean {
  return election.definition.authority.keys.some((text) => {
    const key = parseVerifierKey(text);
    return (
      key.ok &&
      keyRef(key.value) === signer &&
      verifyObject(ROSTER_CONTEXT, statement, signature, key.value)
    );
  });
}

/** Whether a roster key may sign for a unit: its own, or one beneath it. */
export function keyCoversUnit(election: Election, key: RosterKey, unit: string): boolean {
  return isWithin(election, unit, key.unit);
}
