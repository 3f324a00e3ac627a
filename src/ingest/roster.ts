// The key roster: the election authority certifies a key per reporting unit or device, or
// revokes one, as a signed statement recorded in the log. Only certified, unrevoked keys can
// sign submissions for their unit and the units beneath it.
import {
  AdmissionState,
  rosterAdmission,
  type RefusalCode,
  type RosterSigner,
} from '../core/admission.js';
import type { JsonValue } from '../core/canonical_json.js';
import { zodProblem, type Election } from '../core/election.js';
import {
  decodeLogEntry,
  encodeLogEntry,
  LOG_ENTRY_FORMAT,
  ROSTER_CONTEXT,
  RosterStatement as RosterStatementSchema,
  type RosterStatement,
} from '../core/log_entry.js';
import { err, ok, problem, throwIllegalValue, type Problem, type Result } from '../core/result.js';
import { keyRef, signObject } from '../log/envelope.js';
import { parseVerifierKey, type Signer, type Verifier } from '../log/note.js';
import { EnrolmentCodes } from '../store/enrolment_codes.js';
import type { Store } from '../store/store.js';
import type { Appending, IndexRow, Ledger } from '../store/ledger.js';
import { RosterRecords } from '../store/roster_records.js';

export type RosterProblem = Problem<
  | 'not_an_authority_key'
  | 'malformed_key'
  | 'malformed_statement'
  | 'bad_signature'
  | 'no_delegation'
  | RefusalCode
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
  readonly action: 'certify' | 'revoke' | 'delegate';
  /** The unit to certify the key for, or whose roster to delegate (certify, delegate). */
  readonly unit?: string;
  readonly key: string;
  /** Until when a delegation holds (delegate only). */
  readonly expires?: string;
  /** The staff member on whose word the server's delegated key signs (the rules require it). */
  readonly by?: string;
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
 * Several roster changes in one transaction, all or none, signed by the authority: how an office
 * issues the keys of a whole county or state at once, or delegates a roster to an enrolment key.
 */
export async function changeRosterMany(
  ledger: Ledger,
  election: Election,
  authority: Signer,
  changes: readonly RosterChangeRequest[],
  now: Date,
): Promise<Result<RosterChange[], RosterProblem>> {
  const verifier = authorityVerifier(election, authority);
  if (!verifier.ok) return verifier;
  return changeRosterAs(ledger, election, { signer: authority }, changes, now);
}

/**
 * Roster changes signed by an enrolment key the authority delegated the roster of some units
 * to (the server's, so that staff issue and revoke unit keys without the authority's key): each
 * statement names the delegation, and the rules hold it to the delegation's units and time.
 */
export async function changeRosterAsDelegate(
  ledger: Ledger,
  election: Election,
  enrolment: Signer,
  changes: readonly RosterChangeRequest[],
  now: Date,
): Promise<Result<RosterChange[], RosterProblem>> {
  return changeRosterAs(ledger, election, { signer: enrolment, delegated: true }, changes, now);
}

async function changeRosterAs(
  ledger: Ledger,
  election: Election,
  by: { readonly signer: Signer; readonly delegated?: true },
  changes: readonly RosterChangeRequest[],
  now: Date,
): Promise<Result<RosterChange[], RosterProblem>> {
  const electionId = election.definition.id;
  const refs: string[] = [];
  for (const change of changes) {
    const key = parseVerifierKey(change.key);
    if (!key.ok) return err(problem('malformed_key', key.error.message));
    refs.push(keyRef(key.value));
  }
  const signerRef = keyRef(by.signer);

  return ledger.append(async (reads, size) => {
    const refuse = (p: RosterProblem): Appending<Result<RosterChange[], RosterProblem>> => ({
      entries: [],
      value: err(p),
    });
    const rows = new Map((await reads.roster.keys(refs)).map((r) => [r.ref, r]));
    const delegations = await reads.roster.delegations([...refs, signerRef]);
    // The roster as the log has it for these keys (and the signer's delegation), and the
    // admission rules over the changes.
    const state = new AdmissionState();
    for (const [ref, row] of rows) state.knowKey(ref, row.unit, row.revokedAt);
    for (const d of delegations) {
      state.knowDelegation(d.delegatedAt, {
        ref: d.ref,
        key: d.verifierKey,
        unit: d.unit,
        expires: d.expires,
        ...(d.revokedAt === undefined ? {} : { revokedAt: d.revokedAt }),
      });
    }
    let signedBy: RosterSigner = { type: 'authority' };
    if (by.delegated === true) {
      const mine = delegations.find((d) => d.ref === signerRef);
      if (mine === undefined) {
        return refuse(
          problem(
            'no_delegation',
            `key ${signerRef} holds no delegation of this election's roster: the election authority delegates it (tally keys delegate)`,
          ),
        );
      }
      signedBy = { type: 'delegation', entry: mine.delegatedAt, key: mine.verifierKey };
    }
    const planned: { ref: string; unit: string; change: RosterChangeRequest; entry: Uint8Array }[] =
      [];
    const unitOf = new Map([...rows].map(([ref, row]) => [ref, row.unit]));
    for (const d of delegations) unitOf.set(d.ref, d.unit);
    for (const [i, change] of changes.entries()) {
      const ref = refs[i] as string;
      const unit = change.action === 'revoke' ? (unitOf.get(ref) ?? '') : (change.unit ?? '');
      const time = now.toISOString();
      const statement: RosterStatement = {
        election: electionId,
        action: change.action,
        unit,
        key: change.key,
        time,
        ...(change.expires === undefined ? {} : { expires: change.expires }),
        ...(change.by === undefined ? {} : { by: change.by }),
      };
      // What is signed into the append-only log must read back as a statement: never sign one
      // the verifier would refuse to parse (a staff name out of form, say).
      const wellFormed = RosterStatementSchema.safeParse(statement);
      if (!wellFormed.success)
        return refuse(zodProblem('malformed_statement', 'the roster statement', wellFormed.error));
      const admission = state.admit(election, rosterAdmission(statement, size + i, ref, signedBy));
      if (admission.type === 'refused') return refuse(admission.error);
      if (admission.type !== 'recorded') throw new Error(`roster change ${admission.type}`);
      unitOf.set(ref, unit);
      const signed = signObject(ROSTER_CONTEXT, statement as JsonValue, by.signer);
      const entry = encodeLogEntry({
        format: LOG_ENTRY_FORMAT,
        type: 'roster',
        statement,
        ...signed,
        ...(signedBy.type === 'delegation'
          ? { delegation: { entry: signedBy.entry, key: signedBy.key } }
          : {}),
      });
      planned.push({ ref, unit, change, entry });
    }
    return {
      entries: planned.map((p) => ({ bytes: p.entry, index: indexRow(p) })),
      value: ok(planned.map((p, i) => ({ leafIndex: size + i, ref: p.ref, unit: p.unit }))),
    };
  });
}

/** The index row a roster change comes with. */
function indexRow(p: { ref: string; unit: string; change: RosterChangeRequest }): IndexRow {
  switch (p.change.action) {
    case 'certify':
      return { type: 'certify', ref: p.ref, verifierKey: p.change.key, unit: p.unit };
    case 'revoke':
      return { type: 'revoke', ref: p.ref };
    case 'delegate':
      return {
        type: 'delegate',
        ref: p.ref,
        verifierKey: p.change.key,
        unit: p.unit,
        expires: p.change.expires ?? '',
      };
    default:
      return throwIllegalValue(p.change.action);
  }
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

/** Who signed a roster statement: the election authority, or a key it delegated the roster to. */
export type RosterSignedBy =
  | { readonly type: 'authority'; readonly signer: string }
  /** `delegation` is the log entry of the authority's delegation to `signer`. */
  | { readonly type: 'delegation'; readonly signer: string; readonly delegation: number };

/** A roster statement about a key, as the log has it. */
export interface RosterStep {
  readonly entry: number;
  /** The time the statement states. */
  readonly time: string;
  readonly signedBy: RosterSignedBy;
  /** The staff member on whose word a delegated key signed it. */
  readonly by?: string;
}

/** A key of the roster as staff read it: what certified it, what revoked it, how it came. */
export interface RosterKeyListing {
  readonly ref: string;
  readonly verifierKey: string;
  readonly unit: string;
  readonly certified: RosterStep;
  readonly revoked?: RosterStep;
  /** A device enrolled it with a one-time code: who made the code, and when. */
  readonly enrolment?: { readonly codeBy: string; readonly codeMadeAt: string };
}

/** At most this many keys in one listing: a state's roster is too many for one page. */
export const ROSTER_LISTING_LIMIT = 100;

/**
 * The roster as it stands now, newest keys first: those of one unit, or of all; at most
 * ROSTER_LISTING_LIMIT, with how many there are in all.
 */
export async function listRoster(
  store: Store,
  electionId: string,
  filter: { readonly unit?: string } = {},
): Promise<{ total: number; keys: RosterKeyListing[] }> {
  const { total, keys } = await new RosterRecords(store.db, electionId).newest({
    ...filter,
    limit: ROSTER_LISTING_LIMIT,
  });
  const enrolments = new Map(
    (await new EnrolmentCodes(store.db, electionId).enrolling(keys.map((k) => k.ref))).map((e) => [
      e.keyRef,
      { codeBy: e.createdBy, codeMadeAt: e.createdAt },
    ]),
  );
  return {
    total,
    keys: keys.map((k) => {
      const enrolment = enrolments.get(k.ref);
      return {
        ref: k.ref,
        verifierKey: k.verifierKey,
        unit: k.unit,
        certified: rosterStep(k.certifiedAt, k.certifiedEntry),
        ...(k.revokedAt === undefined || k.revokedEntry === undefined
          ? {}
          : { revoked: rosterStep(k.revokedAt, k.revokedEntry) }),
        ...(enrolment === undefined ? {} : { enrolment }),
      };
    }),
  };
}

/** The statement at log entry `entry`: when it says it was made, and who signed it. */
function rosterStep(entry: number, bytes: Uint8Array): RosterStep {
  const decoded = decodeLogEntry(bytes);
  if (!decoded.ok || decoded.value.type !== 'roster')
    throw new Error(`log entry ${String(entry)}, which the roster names, is no roster statement`);
  const { statement, signer, delegation } = decoded.value;
  return {
    entry,
    time: statement.time,
    signedBy:
      delegation === undefined
        ? { type: 'authority', signer }
        : { type: 'delegation', signer, delegation: delegation.entry },
    ...(statement.by === undefined ? {} : { by: statement.by }),
  };
}
