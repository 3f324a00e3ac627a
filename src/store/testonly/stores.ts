// The stores every store test runs against: SQLite always, PostgreSQL when TALLY_TEST_PG names
// a server (CI sets it); without it the run says loudly that it skipped PostgreSQL.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { openStore, type Store } from '../store.js';

export interface TestStore {
  readonly store: Store;
  /** For PostgreSQL: the URL a server process connects with (DATABASE_URL). */
  readonly databaseUrl?: string;
  /** A second connection to the same database, as a second server process would have. */
  readonly reopen: () => Promise<Store>;
  readonly dispose: () => Promise<void>;
}

export interface StoreKind {
  readonly name: 'sqlite' | 'postgres';
  readonly available: boolean;
  readonly create: () => Promise<TestStore>;
}

const pgUrl = process.env['TALLY_TEST_PG'];

if (pgUrl === undefined || pgUrl === '') {
  console.warn(
    '\n*** PostgreSQL store tests SKIPPED: set TALLY_TEST_PG (e.g. postgres://postgres@127.0.0.1:5432/test) ***\n',
  );
}

async function sqlite(): Promise<TestStore> {
  const dir = mkdtempSync(join(tmpdir(), 'tally-store-'));
  const file = join(dir, 'tally.db');
  const open = (): Promise<Store> => openStore({ dialect: 'sqlite', file });
  const store = await open();
  return {
    store,
    reopen: open,
    dispose: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh schema on the test server, so tests never see each other's rows. */
async function postgres(): Promise<TestStore> {
  const base = pgUrl ?? '';
  const schema = `${inject('testSchemaPrefix')}${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const open = (): Promise<Store> => openStore({ dialect: 'postgres', url: url.toString() });
  const store = await open();
  return {
    store,
    databaseUrl: url.toString(),
    reopen: open,
    // The schema stays until the run ends (see test_schemas.ts).
    dispose: () => store.close(),
  };
}

export const storeKinds: readonly StoreKind[] = [
  { name: 'sqlite', available: true, create: sqlite },
  { name: 'postgres', available: pgUrl !== undefined && pgUrl !== '', create: postgres },
];
