// The PostgreSQL schemas the store tests make (src/store/testonly/stores.ts), one per test store,
// dropped together (vitest's global setup, vitest.config.ts): before a run, those an interrupted
// run left; after it, the run's own. Never during it: a schema dropped while another test file
// opens a store fails that store's migrations, as kysely's migrator looks its table up in the
// catalog of every schema, and reads a table that is gone.
import pg from 'pg';

export const TEST_SCHEMA_PREFIX = 'tally_test_';

async function dropTestSchemas(): Promise<void> {
  const url = process.env['TALLY_TEST_PG'];
  if (url === undefined || url === '') return;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      'SELECT nspname AS name FROM pg_namespace WHERE starts_with(nspname, $1)',
      [TEST_SCHEMA_PREFIX],
    );
    for (const { name } of rows) {
      await client.query(`DROP SCHEMA ${pg.escapeIdentifier(name)} CASCADE`);
    }
  } finally {
    await client.end();
  }
}

export async function setup(): Promise<() => Promise<void>> {
  await dropTestSchemas();
  return dropTestSchemas;
}
