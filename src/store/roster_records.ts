// The roster index: one row per key the election authority certified, with the entries that
// certified and revoked it. What ingest reads to find a key, and the admission rules for a batch.
import { insertInChunks, type Executor } from './log_storage.js';

export interface RosterRecord {
  /** `name+keyid`, as submissions name their signer. */
  readonly ref: string;
  /** The key in the C2SP signed-note encoding. */
  readonly verifierKey: string;
  readonly unit: string;
  readonly certifiedAt: number;
  /** The entry that revoked it, if one did. */
  readonly revokedAt?: number;
}

/** A key with the log entries that certified it and, if one did, revoked it. */
export interface RosterRecordWithEntries extends RosterRecord {
  readonly certifiedEntry: Uint8Array;
  readonly revokedEntry?: Uint8Array;
}

/** A delegation of the roster to an enrolment key, as the authority made it. */
export interface DelegationRecord {
  readonly ref: string;
  readonly verifierKey: string;
  /** The unit whose keys (its own and those beneath it) the delegated key may change. */
  readonly unit: string;
  readonly expires: string;
  readonly delegatedAt: number;
  readonly revokedAt?: number;
}

export class RosterRecords {
  constructor(
    private readonly executor: Executor,
    private readonly electionId: string,
  ) {}

  /** The keys with these references that the roster holds. */
  async keys(refs: readonly string[]): Promise<RosterRecord[]> {
    const found: RosterRecord[] = [];
    for (let at = 0; at < refs.length; at += 500) {
      const rows = await this.query()
        .where('key_ref', 'in', refs.slice(at, at + 500))
        .execute();
      for (const r of rows) found.push(recordOf(r));
    }
    return found;
  }

  /** One key, if the roster holds it. */
  async key(ref: string): Promise<RosterRecord | undefined> {
    const row = await this.query().where('key_ref', '=', ref).executeTakeFirst();
    return row === undefined ? undefined : recordOf(row);
  }

  /** Every key the roster holds, revoked ones too. */
  async all(): Promise<RosterRecord[]> {
    return (await this.query().execute()).map(recordOf);
  }

  /**
   * The newest keys (of one unit, or of all), at most `limit`, each with the log entries that
   * certified and revoked it; and how many keys there are in all.
   */
  async newest(filter: {
    readonly unit?: string;
    readonly limit: number;
  }): Promise<{ total: number; keys: RosterRecordWithEntries[] }> {
    let keys = this.executor
      .selectFrom('roster_keys')
      .where('roster_keys.election_id', '=', this.electionId);
    if (filter.unit !== undefined) keys = keys.where('roster_keys.unit_id', '=', filter.unit);
    const counted = await keys.select((eb) => eb.fn.countAll().as('count')).executeTakeFirst();
    const rows = await keys
      .innerJoin('log_entries as certified', (j) =>
        j
          .onRef('certified.election_id', '=', 'roster_keys.election_id')
          .onRef('certified.leaf_index', '=', 'roster_keys.certified_leaf'),
      )
      .leftJoin('log_entries as revoked', (j) =>
        j
          .onRef('revoked.election_id', '=', 'roster_keys.election_id')
          .onRef('revoked.leaf_index', '=', 'roster_keys.revoked_leaf'),
      )
      .select([
        'roster_keys.key_ref',
        'roster_keys.verifier_key',
        'roster_keys.unit_id',
        'roster_keys.certified_leaf',
        'roster_keys.revoked_leaf',
        'certified.entry as certified_entry',
        'revoked.entry as revoked_entry',
      ])
      .orderBy('roster_keys.certified_leaf', 'desc')
      .orderBy('roster_keys.key_ref')
      .limit(filter.limit)
      .execute();
    return {
      total: Number(counted?.count ?? 0),
      keys: rows.map((r) => ({
        ...recordOf(r),
        certifiedEntry: new Uint8Array(r.certified_entry),
        ...(r.revoked_entry === null ? {} : { revokedEntry: new Uint8Array(r.revoked_entry) }),
      })),
    };
  }

  async certify(
    keys: readonly { leaf: number; ref: string; verifierKey: string; unit: string }[],
  ): Promise<void> {
    await insertInChunks(
      keys.map((k) => ({
        election_id: this.electionId,
        key_ref: k.ref,
        verifier_key: k.verifierKey,
        unit_id: k.unit,
        certified_leaf: k.leaf,
        revoked_leaf: null,
      })),
      (rows) => this.executor.insertInto('roster_keys').values(rows).execute(),
    );
  }

  async revoke(ref: string, leaf: number): Promise<void> {
    await this.executor
      .updateTable('roster_keys')
      .set({ revoked_leaf: leaf })
      .where('election_id', '=', this.electionId)
      .where('key_ref', '=', ref)
      .execute();
  }

  /** The delegations of the roster to these keys, by reference. */
  async delegations(refs: readonly string[]): Promise<DelegationRecord[]> {
    if (refs.length === 0) return [];
    const rows = await this.executor
      .selectFrom('roster_delegations')
      .select(['key_ref', 'verifier_key', 'unit_id', 'expires', 'delegated_leaf', 'revoked_leaf'])
      .where('election_id', '=', this.electionId)
      .where('key_ref', 'in', refs)
      .execute();
    return rows.map((r) => ({
      ref: r.key_ref,
      verifierKey: r.verifier_key,
      unit: r.unit_id,
      expires: r.expires,
      delegatedAt: r.delegated_leaf,
      ...(r.revoked_leaf === null ? {} : { revokedAt: r.revoked_leaf }),
    }));
  }

  async delegate(d: {
    leaf: number;
    ref: string;
    verifierKey: string;
    unit: string;
    expires: string;
  }): Promise<void> {
    await this.executor
      .insertInto('roster_delegations')
      .values({
        election_id: this.electionId,
        key_ref: d.ref,
        verifier_key: d.verifierKey,
        unit_id: d.unit,
        expires: d.expires,
        delegated_leaf: d.leaf,
        revoked_leaf: null,
      })
      .execute();
  }

  /** Revokes a delegation, if `ref` is a delegated key (a unit key's revocation is `revoke`). */
  async revokeDelegation(ref: string, leaf: number): Promise<void> {
    await this.executor
      .updateTable('roster_delegations')
      .set({ revoked_leaf: leaf })
      .where('election_id', '=', this.electionId)
      .where('key_ref', '=', ref)
      .execute();
  }

  private query() {
    return this.executor
      .selectFrom('roster_keys')
      .select(['key_ref', 'verifier_key', 'unit_id', 'certified_leaf', 'revoked_leaf'])
      .where('election_id', '=', this.electionId);
  }
}

function recordOf(r: {
  key_ref: string;
  verifier_key: string;
  unit_id: string;
  certified_leaf: number;
  revoked_leaf: number | null;
}): RosterRecord {
  return {
    ref: r.key_ref,
    verifierKey: r.verifier_key,
    unit: r.unit_id,
    certifiedAt: r.certified_leaf,
    ...(r.revoked_leaf === null ? {} : { revokedAt: r.revoked_leaf }),
  };
}
