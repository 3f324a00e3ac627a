// Opens Tally's store: SQLite (better-sqlite3, one file, WAL, fsync on commit) by default, or
// PostgreSQL when a database URL is given. The same Kysely code runs on both.
import SqliteDatabase from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  Kysely,
  Migrator,
  PostgresDialect,
  SqliteDialect,
  sql,
  type DatabaseIntrospector,
  type DatabaseMetadata,
  type SchemaMetadata,
  type SqliteDatabase as KyselySqliteDatabase,
  type TableMetadata,
} from 'kysely';
import pg from 'pg';
import { migrationProvider } from './migrations.js';
import type { Database } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';

export interface Store {
  readonly db: Kysely<Database>;
  readonly dialect: Dialect;
  /** Where it is, for people: a file path or a URL without its password. */
  readonly location: string;
  close(): Promise<void>;
}

export type StoreConfig =
  | { readonly dialect: 'sqlite'; readonly file: string }
  | { readonly dialect: 'postgres'; readonly url: string; readonly poolSize?: number };

/** DATABASE_URL when set, else `<dataDir>/tally.db`. */
export function storeConfig(dataDir: string, databaseUrl: string | undefined): StoreConfig {
  if (databaseUrl !== undefined && databaseUrl !== '')
    return { dialect: 'postgres', url: databaseUrl };
  mkdirSync(dataDir, { recursive: true });
  return { dialect: 'sqlite', file: join(dataDir, 'tally.db') };
}

// int8 columns hold leaf indices and sizes, which stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (text: string) => {
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new Error(`integer out of range: ${text}`);
  return n;
});

/**
 * better-sqlite3 compiles a statement on every prepare, and Kysely prepares every query it runs:
 * keep the compiled statements of the queries ingest repeats.
 */
function cachingStatements(sqlite: SqliteDatabase.Database): KyselySqliteDatabase {
  const statements = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => sqlite.close(),
    prepare: (sql: string) => {
      let statement = statements.get(sql);
      if (statement === undefined) {
        if (statements.size >= 1000) statements.clear();
        statement = sqlite.prepare(sql);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}

/**
 * Kysely's migrator asks the introspector whether its tables exist, and Kysely's PostgreSQL
 * introspector reads every column of every table in every schema of the database, with a function
 * call per column that fails when another schema's table is dropped meanwhile. Tally's tables are
 * in the connection's current schema: this introspector reads that schema's tables only, from
 * the catalog alone, so a database shared with others opens as fast and as surely as an empty one.
 */
class CurrentSchemaIntrospector implements DatabaseIntrospector {
  constructor(private readonly db: Kysely<unknown>) {}

  async getSchemas(): Promise<SchemaMetadata[]> {
    const { rows } = await sql<SchemaMetadata>`
      select nspname as name from pg_catalog.pg_namespace`.execute(this.db);
    return rows;
  }

  async getTables(): Promise<TableMetadata[]> {
    const { rows } = await sql<{ name: string; schema: string; kind: string }>`
      select c.relname as name, n.nspname as schema, c.relkind as kind
      from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
      where n.nspname = current_schema() and c.relkind in ('r', 'v', 'p')`.execute(this.db);
    return rows.map((row) => ({
      name: row.name,
      schema: row.schema,
      isView: row.kind === 'v',
      columns: [],
    }));
  }

  async getMetadata(): Promise<DatabaseMetadata> {
    return { tables: await this.getTables() };
  }
}

class CurrentSchemaPostgresDialect extends PostgresDialect {
  override createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new CurrentSchemaIntrospector(db);
  }
}

export async function openStore(config: StoreConfig): Promise<Store> {
  let db: Kysely<Database>;
  let location: string;
  if (config.dialect === 'sqlite') {
    const sqlite = new SqliteDatabase(config.file);
    sqlite.pragma('journal_mode = WAL');
    // FULL: a commit is on disk before it returns, so an acknowledged submission survives a crash.
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('busy_timeout = 10000');
    db = new Kysely<Database>({
      dialect: new SqliteDialect({ database: cachingStatements(sqlite) }),
    });
    location = config.file;
  } else {
    const pool = new pg.Pool({ connectionString: config.url, max: config.poolSize ?? 8 });
    db = new Kysely<Database>({ dialect: new CurrentSchemaPostgresDialect({ pool }) });
    const url = new URL(config.url);
    url.password = '';
    location = url.toString();
  }
  // On PostgreSQL, Tally's tables live in the connection's current schema. Kysely would take
  // another schema's migration tables for this one's unless told which schema is meant.
  const schema =
    config.dialect === 'postgres'
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]
          ?.schema
      : undefined;
  const migrator = new Migrator({
    db,
    provider: migrationProvider(config.dialect),
    ...(schema === undefined ? {} : { migrationTableSchema: schema }),
    migrationTableName: 'tally_migrations',
    migrationLockTableName: 'tally_migrations_lock',
  });
  const { error } = await migrator.migrateToLatest();
  if (error !== undefined) {
    await db.destroy();
    throw error instanceof Error ? error : new Error(`migration failed: ${JSON.stringify(error)}`);
  }
  return { db, dialect: config.dialect, location, close: () => db.destroy() };
}
