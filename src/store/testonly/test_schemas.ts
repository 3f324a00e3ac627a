// The PostgreSQL schemas the store tests make (src/store/testonly/stores.ts), one per test store,
// named after the test run that made them: `tally_test_<process id of the run>_<random>`.
// Vitest's global setup (vitest.config.ts) drops, before a run, those of runs whose process is
// gone (an interrupted run's), and after it, the run's own. Never another live run's: two runs,
// under two Node.js lines say, can share one server.
import type { TestProject } from 'vitest/node';
import pg from 'pg';

export const TEST_SCHEMA_PREFIX = 'tally_test_';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The prefix of this run's schemas. */
    testSchemaPrefix: string;
  }
}

/** The process id in a test schema's name; undefined for a name of another form. */
function runOf(schema: string): number | undefined {
  const match = /^tally_test_(\d+)_/.exec(schema);
  return match === null ? undefined : Number(match[1]);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: a process of another user has that id.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function dropTestSchemas(which: (schema: string) => boolean): Promise<void> {
  const url = process.env['TALLY_TEST_PG'];
  if (url === undefined || url === '') return;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      'SELECT nspname AS name FROM pg_namespace WHERE starts_with(nspname, $1)',
      [TEST_SCHEMA_PREFIX],
    );
    for (const { name } of rows.filter((row) => which(row.name))) {
      await client.query(`DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(name)} CASCADE`);
    }
  } finally {
    await client.end();
  }
}

export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const prefix = `${TEST_SCHEMA_PREFIX}${process.pid}_`;
  project.provide('testSchemaPrefix', prefix);
  await dropTestSchemas((schema) => {
    const run = runOf(schema);
    return run === undefined || !isRunning(run);
  });
  return () => dropTestSchemas((schema) => schema.startsWith(prefix));
}
