// The tables of Tally's store, as Kysely types: a query naming a missing column does not compile.
import type { Generated } from 'kysely';

export interface ElectionsTable {
  id: string;
  /** The definition as canonical JSON. */
  definition: string;
  created_at: string;
}

/** One row per election: the log's size, the row every append locks and compares. */
export interface LogStateTable {
  election_id: string;
  size: number;
}

export interface LogEntriesTable {
  election_id: string;
  leaf_index: number;
  entry: Uint8Array;
}

/** Hashes of the perfect subtrees of the log's Merkle tree. */
export interface LogNodesTable {
  election_id: string;
  level: number;
  node_index: number;
  hash: Uint8Array;
}

export interface CheckpointsTable {
  election_id: string;
  size: number;
  /** The signed note. */
  note: string;
  created_at: string;
}

export interface RosterKeysTable {
  election_id: string;
  /** `name+keyid`, as submissions name their signer. */
  key_ref: string;
  verifier_key: string;
  unit_id: string;
  certified_leaf: number;
  revoked_leaf: number | null;
}

export interface SubmissionsTable {
  election_id: string;
  leaf_index: number;
  /** SHA-256 (hex) of the signed submission's canonical JSON: identical re-sends match it. */
  digest: string;
  unit_id: string;
  vote_type: string;
  source: string;
  sequence: number;
  /** accepted | held | rejected (held, then rejected by a review) */
  status: string;
  /** The review's entry, once a held submission is decided. */
  decided_leaf: number | null;
  /** original | amendment | corroboration | conflict */
  kind: string;
  /** SHA-256 (hex) of the canonical contest results: equal numbers from two sources match. */
  counts_digest: string;
}

export interface MigrationsSeen {
  id: Generated<number>;
}

export interface Database {
  elections: ElectionsTable;
  log_state: LogStateTable;
  log_entries: LogEntriesTable;
  log_nodes: LogNodesTable;
  checkpoints: CheckpointsTable;
  roster_keys: RosterKeysTable;
  submissions: SubmissionsTable;
}
