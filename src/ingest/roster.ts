// The key roster: the election authority certifies a key per reporting unit or device, or
// revokes one, as a signed statement recorded in the log. Only certified, unrevoked keys can
// sign submissions for their unit and the units beneath it.
import { AdmissionState, type RefusalCode } from '../core/admission.js';
import type { JsonValue } from '../core/canonical_json.js';
import type { Election } from '../core/election.js';
import {
  encodeLogEntry,
  LOG_ENTRY_FORMAT,
  ROSTER_CONTEXT,
  type RosterStatement,
} from '../core/log_entry.js';
import { err, ok, problem, type Problem, type Result } from '../core/result.js';
import { keyRef, signObject } from '../log/envelope.js';
import { parseVerifierKey, type Signer, type Verifier } from '../log/note.js';
import type { Store } from '../store/store.js';
import type { Appending, Ledger } from '../store/ledger.js';
import { RosterRecords } from '../store/roster_records.js';

export type RosterProblem = Problem<
  'not_an_authority_key' | 'malformed_key' | 'bad_signature' | RefusalCode
>;

export interface RosterKey {
  readonly ref: string;
  readonly verifierKey: string;
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

export interface RosterChangeRequest {
  readonly action: 'certify' | 'revoke';
  /** The unit to certify the key for (certify only). */
  readonly unit?: string;
  readonly key: string;
}

/** Certifies a unit's key, or revokes one, signed by the authority and recorded in the log. */
export async function changeRoster(
  ledger: Ledger,
  election: Election,
  authority: Signer,
  change: RosterChangeRequest,
  now: Date,
): Promise<Result<RosterChange, RosterProblem>> {
  const changed = await changeRosterMany(ledger, election, authority, [change], now);
  return changed.ok ? ok(changed.value[0] as RosterChange) : changed;
}

/**
 * Several roster changes in one transaction, all or none: how an office issues the keys of a
 * whole county or state at once.
 */
export async function changeRosterMany(
  ledger: Ledger,
  election: Election,
  authority: Signer,
  changes: readonly RosterChangeRequest[],
  now: Date,
): Promise<Result<RosterChange[], RosterProblem>> {
  const electionId = election.definition.id;
  const verifier = authorityVerifier(election, authority);
  if (!verifier.ok) return verifier;
  const refs: string[] = [];
  for (const change of changes) {
    const key = parseVerifierKey(change.key);
    if (!key.ok) return err(problem('malformed_key', key.error.message));
    refs.push(keyRef(key.value));
  }

  return ledger.append(async (reads, size) => {
    const rows = new Map((await reads.roster.keys(refs)).map((r) => [r.ref, r]));
    const refuse = (p: RosterProblem): Appending<Result<RosterChange[], RosterProblem>> => ({
      entries: [],
      value: err(p),
    });
    // The roster as the log has it for these keys, and the admission rules over the changes.
    const state = new AdmissionState();
    for (const [ref, row] of rows) state.knowKey(ref, row.unit, row.revokedAt);
    const planned: { ref: string; unit: string; change: RosterChangeRequest; entry: Uint8Array }[] =
      [];
    const unitOf = new Map([...rows].map(([ref, row]) => [ref, row.unit]));
    for (const [i, change] of changes.entries()) {
      const ref = refs[i] as string;
      const unit = change.action === 'certify' ? (change.unit ?? '') : (unitOf.get(ref) ?? '');
      const time = now.toISOString();
      const admission = state.admit(election, {
        type: 'roster',
        leaf: size + i,
        action: change.action,
        ref,
        unit,
        signedBy: { type: 'authority' },
        time,
        key: change.key,
      });
      if (admission.type === 'refused') return refuse(admission.error);
      if (admission.type !== 'recorded') throw new Error(`roster change ${admission.type}`);
      unitOf.set(ref, unit);
      const statement: RosterStatement = {
        election: electionId,
        action: change.action,
        unit,
        key: change.key,
        time,
      };
      const signed = signObject(ROSTER_CONTEXT, statement as JsonValue, authority);
      const entry = encodeLogEntry({
        format: LOG_ENTRY_FORMAT,
        type: 'roster',
        statement,
        ...signed,
      });
      planned.push({ ref, unit, change, entry });
    }
    return {
      entries: planned.map((p) => ({
        bytes: p.entry,
        index:
          p.change.action === 'certify'
            ? { type: 'certify', ref: p.ref, verifierKey: p.change.key, unit: p.unit }
            : { type: 'revoke', ref: p.ref },
      })),
      value: ok(planned.map((p, i) => ({ leafIndex: size + i, ref: p.ref, unit: p.unit }))),
    };
  });
}

/** Looks a key up in the roster, as the store has it now. */
export async function findRosterKey(
  store: Store,
  electionId: string,
  ref: string,
): Promise<RosterKey | undefined> {
  const record = await new RosterRecords(store.db, electionId).key(ref);
  if (record === undefined) return undefined;
  const verifier = parseVerifierKey(record.verifierKey);
  if (!verifier.ok) throw new Error(`roster key ${ref} in the store does not parse`);
  return {
    ref,
    verifierKey: record.verifierKey,
    verifier: verifier.value,
    unit: record.unit,
    revoked: record.revokedAt !== undefined,
  };
}

/** Every certified key of an election (revoked ones too), unparsed: `ref` to key and unit. */
export async function loadRoster(
  store: Store,
  electionId: string,
): Promise<Map<string, { readonly verifierKey: string; readonly unit: string }>> {
  const records = await new RosterRecords(store.db, electionId).all();
  return new Map(records.map((r) => [r.ref, { verifierKey: r.verifierKey, unit: r.unit }]));
}
