// Schema migrations, the same for SQLite and PostgreSQL but for the binary column type.
import { sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { Dialect } from './store.js';

function migrations(dialect: Dialect): Record<string, Migration> {
  const bytes = dialect === 'postgres' ? sql`bytea` : sql`blob`;
  return {
    '0001_log_and_submissions': {
      async up(db: Kysely<unknown>): Promise<void> {
        await db.schema
          .createTable('elections')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('definition', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('log_state')
          .addColumn('election_id', 'text', (c) => c.primaryKey().references('elections.id'))
          .addColumn('size', 'bigint', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('log_entries')
          .addColumn('election_id', 'text', (c) => c.notNull())
          .addColumn('leaf_index', 'bigint', (c) => c.notNull())
          .addColumn('entry', bytes, (c) => c.notNull())
          .addPrimaryKeyConstraint('log_entries_pk', ['election_id', 'leaf_index'])
          .execute();
        await db.schema
          .createTable('log_nodes')
          .addColumn('election_id', 'text', (c) => c.notNull())
          .addColumn('level', 'integer', (c) => c.notNull())
          .addColumn('node_index', 'bigint', (c) => c.notNull())
          .addColumn('hash', bytes, (c) => c.notNull())
          .addPrimaryKeyConstraint('log_nodes_pk', ['election_id', 'level', 'node_index'])
          .execute();
        await db.schema
          .createTable('checkpoints')
          .addColumn('election_id', 'text', (c) => c.notNull())
          .addColumn('size', 'bigint', (c) => c.notNull())
          .addColumn('note', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('checkpoints_pk', ['election_id', 'size'])
          .execute();
        await db.schema
          .createTable('roster_keys')
          .addColumn('election_id', 'text', (c) => c.notNull())
          .addColumn('key_ref', 'text', (c) => c.notNull())
          .addColumn('verifier_key', 'text', (c) => c.notNull())
          .addColumn('unit_id', 'text', (c) => c.notNull())
          .addColumn('certified_leaf', 'bigint', (c) => c.notNull())
          .addColumn('revoked_leaf', 'bigint')
          .addPrimaryKeyConstraint('roster_keys_pk', ['election_id', 'key_ref'])
          .execute();
        await db.schema
          .createTable('submissions')
          .addColumn('election_id', 'text', (c) => c.notNull())
          .addColumn('leaf_index', 'bigint', (c) => c.notNull())
          .addColumn('digest', 'text', (c) => c.notNull())
          .addColumn('unit_id', 'text', (c) => c.notNull())
          .addColumn('vote_type', 'text', (c) => c.notNull())
          .addColumn('source', 'text', (c) => c.notNull())
          .addColumn('sequence', 'bigint', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('counts_digest', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('submissions_pk', ['election_id', 'leaf_index'])
          .addUniqueConstraint('submissions_digest', ['election_id', 'digest'])
          .execute();
        await db.schema
          .createIndex('submissions_by_unit')
          .on('submissions')
          .columns(['election_id', 'unit_id', 'vote_type', 'leaf_index'])
          .execute();
        await db.schema
          .createIndex('submissions_by_source')
          .on('submissions')
          .columns(['election_id', 'source', 'sequence'])
          .execute();
      },
    },
    '0002_reviews': {
      async up(db: Kysely<unknown>): Promise<void> {
        // The review that decided a held submission (its status then accepted or rejected).
        await db.schema.alterTable('submissions').addColumn('decided_leaf', 'bigint').execute();
        // The review queue: the held submissions, without reading every other. Partial, so
        // that recording an accepted submission (nearly all of them) costs no more than before.
        await db.schema
          .createIndex('submissions_held')
          .on('submissions')
          .columns(['election_id', 'leaf_index'])
          .where(sql.ref('status'), '=', 'held')
          .execute();
      },
    },
    '0003_staff': {
      async up(db: Kysely<unknown>): Promise<void> {
        // The election office's staff: one account each, with a role and a second factor.
        await db.schema
          .createTable('staff')
          .addColumn('name', 'text', (c) => c.primaryKey())
          .addColumn('role', 'text', (c) => c.notNull())
          .addColumn('password_hash', 'text', (c) => c.notNull())
          .addColumn('totp_secret', 'text', (c) => c.notNull())
          // The last TOTP time step used: a code is good once.
          .addColumn('totp_step', 'bigint', (c) => c.notNull().defaultTo(0))
          .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('locked_until', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('staff_recovery_codes')
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('code_hash', 'text', (c) => c.notNull())
          .addColumn('used_at', 'text')
          .addPrimaryKeyConstraint('staff_recovery_codes_pk', ['name', 'code_hash'])
          .execute();
        await db.schema
          .createTable('staff_sessions')
          .addColumn('token_hash', 'text', (c) => c.primaryKey())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('csrf_token', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('seen_at', 'text', (c) => c.notNull())
          .execute();
      },
    },
    '0004_staff_accounts': {
      async up(db: Kysely<unknown>): Promise<void> {
        // A disabled member keeps their name (reviews name them in the log) but cannot sign in.
        await db.schema.alterTable('staff').addColumn('disabled_at', 'text').execute();
        // Who changed which staff account, and how (staff_events in schema.ts says why these
        // are not election log entries).
        await db.schema
          .createTable('staff_events')
          .addColumn('id', dialect === 'postgres' ? 'bigserial' : 'integer', (c) =>
            dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
          )
          .addColumn('at', 'text', (c) => c.notNull())
          // The staff member who made the change; null for the server's command line.
          .addColumn('actor', 'text')
          .addColumn('action', 'text', (c) => c.notNull())
          .addColumn('subject', 'text', (c) => c.notNull())
          .execute();
      },
    },
    '0005_approvals_desk_release_enrolment': {
      async up(db: Kysely<unknown>): Promise<void> {
        // The entry that released the election's results to the public site, once one did.
        await db.schema.alterTable('log_state').addColumn('released_leaf', 'bigint').execute();
        // A first reviewer's approval of a held submission that broke a rule, where the
        // election needs two: it waits here, unlogged, until a second reviewer agrees (then one
        // review entry names both) or someone rejects it.
        await db.schema
          .createTable('review_approvals')
          .addColumn('election_id', 'text', (c) => c.notNull())
          .addColumn('leaf_index', 'bigint', (c) => c.notNull())
          .addColumn('reviewer', 'text', (c) => c.notNull())
          .addColumn('reason', 'text', (c) => c.notNull())
          .addColumn('approved_at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('review_approvals_pk', ['election_id', 'leaf_index', 'reviewer'])
          .execute();
        // Tally sheets keyed from paper, each by one desk operator: two that agree become one
        // submission signed by the office's desk key; two that differ wait for a reviewer.
        await db.schema
          .createTable('desk_entries')
          .addColumn('election_id', 'text', (c) => c.notNull())
          .addColumn('id', 'text', (c) => c.notNull())
          .addColumn('unit_id', 'text', (c) => c.notNull())
          .addColumn('vote_type', 'text', (c) => c.notNull())
          .addColumn('operator', 'text', (c) => c.notNull())
          // The numbers as keyed: canonical JSON of ballotsCast, contests and evidence.
          .addColumn('keyed', 'text', (c) => c.notNull())
          .addColumn('keyed_at', 'text', (c) => c.notNull())
          // open (waits for its pair), mismatch (waits for a reviewer), submitted, set_aside.
          .addColumn('status', 'text', (c) => c.notNull())
          // The submission's log entry, once the sheet is submitted.
          .addColumn('leaf_index', 'bigint')
          .addPrimaryKeyConstraint('desk_entries_pk', ['election_id', 'id'])
          .execute();
        await db.schema
          .createIndex('desk_entries_by_sheet')
          .on('desk_entries')
          .columns(['election_id', 'unit_id', 'vote_type'])
          .execute();
        // The roster delegations the authority made: which enrolment key may certify and revoke
        // the keys of which units, until when, and the entries that made and revoked each.
        await db.schema
          .createTable('roster_delegations')
          .addColumn('election_id', 'text', (c) => c.notNull())
          .addColumn('key_ref', 'text', (c) => c.notNull())
          .addColumn('verifier_key', 'text', (c) => c.notNull())
          .addColumn('unit_id', 'text', (c) => c.notNull())
          .addColumn('expires', 'text', (c) => c.notNull())
          .addColumn('delegated_leaf', 'bigint', (c) => c.notNull())
          .addColumn('revoked_leaf', 'bigint')
          .addPrimaryKeyConstraint('roster_delegations_pk', ['election_id', 'key_ref'])
          .execute();
        // One-time enrolment codes: with one, a reporting device registers the key it made for
        // its unit. Only the code's hash is kept; each is good once, until it expires.
        await db.schema
          .createTable('enrolment_codes')
          .addColumn('code_hash', 'text', (c) => c.primaryKey())
          .addColumn('election_id', 'text', (c) => c.notNull())
          .addColumn('unit_id', 'text', (c) => c.notNull())
          .addColumn('created_by', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('expires_at', 'text', (c) => c.notNull())
          .addColumn('used_at', 'text')
          .addColumn('key_ref', 'text')
          .execute();
        // Evidence files (photos of tally sheets) that submissions and keyed sheets name by
        // their SHA-256, for the staff who weigh them.
        await db.schema
          .createTable('evidence_files')
          .addColumn('election_id', 'text', (c) => c.notNull())
          .addColumn('sha256', 'text', (c) => c.notNull())
          .addColumn('media_type', 'text', (c) => c.notNull())
          .addColumn('bytes', bytes, (c) => c.notNull())
          .addColumn('uploaded_by', 'text', (c) => c.notNull())
          .addColumn('uploaded_at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('evidence_files_pk', ['election_id', 'sha256'])
          .execute();
      },
    },
    '0006_roster_listing': {
      async up(db: Kysely<unknown>): Promise<void> {
        // The keys screen reads a unit's keys, or every unit's newest: a national roster holds
        // hundreds of thousands.
        await db.schema
          .createIndex('roster_keys_by_unit')
          .on('roster_keys')
          .columns(['election_id', 'unit_id', 'certified_leaf'])
          .execute();
        await db.schema
          .createIndex('roster_keys_newest')
          .on('roster_keys')
          .columns(['election_id', 'certified_leaf'])
          .execute();
        // And, for each key it lists, whether a device enrolled it with a code.
        await db.schema
          .createIndex('enrolment_codes_by_key')
          .on('enrolment_codes')
          .columns(['election_id', 'key_ref'])
          .execute();
      },
    },
    '0007_contest_statuses': {
      async up(db: Kysely<unknown>): Promise<void> {
        // Each contest's status as its last status entry set it (the log holds every change):
        // what the next change is checked against, and what the staff screen lists.
        await db.schema
          .createTable('contest_statuses')
          .addColumn('election_id', 'text', (c) => c.notNull())
          .addColumn('contest_id', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          // The winners a call or a certification names, as a JSON array; null for none.
          .addColumn('winners', 'text')
          .addColumn('time', 'text', (c) => c.notNull())
          // Who set it, and why.
          .addColumn('set_by', 'text', (c) => c.notNull())
          .addColumn('reason', 'text', (c) => c.notNull())
          .addColumn('leaf_index', 'bigint', (c) => c.notNull())
          .addPrimaryKeyConstraint('contest_statuses_pk', ['election_id', 'contest_id'])
          .execute();
      },
    },
  };
}

export function migrationProvider(dialect: Dialect): MigrationProvider {
  return { getMigrations: () => Promise.resolve(migrations(dialect)) };
}
