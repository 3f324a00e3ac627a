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
  /** The entry that released the results to the public site, once one did. */
  released_leaf: Generated<number | null>;
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

export interface StaffTable {
  name: string;
  /** admin | reviewer | desk | auditor | observer */
  role: string;
  /** scrypt, with its parameters and salt (src/staff/credentials.ts). */
  password_hash: string;
  /** The TOTP secret, base32. */
  totp_secret: string;
  /** The last TOTP time step a sign-in used. */
  totp_step: Generated<number>;
  /** Failed sign-ins since the last good one or lockout. */
  failures: Generated<number>;
  locked_until: string | null;
  created_at: string;
  /** Set while the member may not sign in (migration 0004); their sessions end with it. */
  disabled_at: Generated<string | null>;
}

export interface StaffRecoveryCodesTable {
  name: string;
  /** SHA-256 (hex) of the code. */
  code_hash: string;
  used_at: string | null;
}

export interface StaffSessionsTable {
  /** SHA-256 (hex) of the session cookie's token: the token itself is never stored. */
  token_hash: string;
  name: string;
  csrf_token: string;
  created_at: string;
  seen_at: string;
}

/**
 * Who changed which staff account, and how: added, disabled, enabled, reset, password_changed.
 * Accounts are the office's, not an election's, and each election's public log holds that
 * election's story alone; so these are kept here, for admins and auditors, and not in a log.
 */
export interface StaffEventsTable {
  id: Generated<number>;
  at: string;
  /** The staff member who made the change; null for the server's command line. */
  actor: string | null;
  action: string;
  /** The account changed. */
  subject: string;
}

export interface ReviewApprovalsTable {
  election_id: string;
  /** The held submission's entry. */
  leaf_index: number;
  reviewer: string;
  reason: string;
  approved_at: string;
}

export interface DeskEntriesTable {
  election_id: string;
  id: string;
  unit_id: string;
  vote_type: string;
  operator: string;
  /** Canonical JSON of the keyed numbers (ballotsCast, contests, evidence). */
  keyed: string;
  keyed_at: string;
  status: string;
  leaf_index: number | null;
}

export interface RosterDelegationsTable {
  election_id: string;
  key_ref: string;
  verifier_key: string;
  /** The unit whose roster (with every unit beneath it) the key may change. */
  unit_id: string;
  expires: string;
  delegated_leaf: number;
  revoked_leaf: number | null;
}

export interface EnrolmentCodesTable {
  /** SHA-256 (hex) of the code: the code itself is never stored. */
  code_hash: string;
  election_id: string;
  unit_id: string;
  created_by: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  /** The key the code enrolled, once used. */
  key_ref: string | null;
}

export interface EvidenceFilesTable {
  election_id: string;
  /** SHA-256 (hex) of the bytes: how submissions name the file. */
  sha256: string;
  media_type: string;
  bytes: Uint8Array;
  uploaded_by: string;
  uploaded_at: string;
}

export interface MigrationsSeen {
  id: Generated<number>;
}

/** Each contest's status as its last status entry set it (none: unofficial). */
export interface ContestStatusesTable {
  election_id: string;
  contest_id: string;
  status: string;
  /** JSON array of the winners' choice ids, for a call or a certification. */
  winners: string | null;
  time: string;
  set_by: string;
  reason: string;
  leaf_index: number;
}

export interface Database {
  elections: ElectionsTable;
  log_state: LogStateTable;
  log_entries: LogEntriesTable;
  log_nodes: LogNodesTable;
  checkpoints: CheckpointsTable;
  roster_keys: RosterKeysTable;
  submissions: SubmissionsTable;
  staff: StaffTable;
  staff_recovery_codes: StaffRecoveryCodesTable;
  staff_sessions: StaffSessionsTable;
  staff_events: StaffEventsTable;
  review_approvals: ReviewApprovalsTable;
  desk_entries: DeskEntriesTable;
  roster_delegations: RosterDelegationsTable;
  enrolment_codes: EnrolmentCodesTable;
  evidence_files: EvidenceFilesTable;
  contest_statuses: ContestStatusesTable;
}
