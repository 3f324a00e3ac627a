import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Election } from '../core/election.js';
import { sampleElection, sampleSubmission } from '../core/testonly/fixtures.js';
import type { CheckPool } from '../ingest/check_pool.js';
import { checkBody, RosterView, type RosterEntryView } from '../ingest/check.js';
import { signSubmission } from '../ingest/submit_client.js';
import { importWithKeys } from '../ingest/testonly/sample_store.js';
import { encodeVerifierKey } from '../log/note.js';
import { testSigner } from '../log/testonly/signers.js';
import { openStore } from '../store/store.js';
import { ElectionRegistry } from './elections.js';
import { buildIngestApp } from './ingest_app.js';

/** Checks as the worker threads do, but answers the earlier bodies last, as busy threads may. */
function outOfOrderChecks(): CheckPool {
  let election: Election | undefined;
  const roster = new RosterView();
  let calls = 0;
  const pool = {
    addElection: (e: Election, rows: Iterable<readonly [string, RosterEntryView]>) => {
      election = e;
      for (const [ref, entry] of rows) roster.add(ref, entry);
    },
    addKey: (_id: string, ref: string, entry: RosterEntryView) => {
      roster.add(ref, entry);
    },
    check: (_id: string, body: Uint8Array) => {
      const delay = Math.max(0, 50 - 10 * calls++);
      return new Promise((resolve) =>
        setTimeout(() => {
          resolve(checkBody(election as Election, roster, body));
        }, delay),
      );
    },
  };
  return pool as unknown as CheckPool;
}

describe('a batch from one source', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  it('is logged in its lines’ order, so its sequence numbers are all in order', async () => {
    dir = mkdtempSync(join(tmpdir(), 'tally-batch-'));
    const store = await openStore({ dialect: 'sqlite', file: join(dir, 'tally.db') });
    const authority = testSigner('authority.sample');
    const county = testSigner('north.tabulator');
    await importWithKeys(store, sampleElection([encodeVerifierKey(authority)]), authority, [
      ['north', county],
    ]);
    const app = await buildIngestApp({
      store,
      elections: new ElectionRegistry(store, outOfOrderChecks()),
    });
    const lines = [
      sampleSubmission('n-1', { sequence: 1 }),
      sampleSubmission('n-2', { sequence: 2 }),
      sampleSubmission('n-1', { voteType: 'mail', sequence: 3 }),
      sampleSubmission('n-2', { voteType: 'mail', sequence: 4 }),
    ].map((s) => JSON.stringify(signSubmission(s, county)));
    const response = await app.inject({
      method: 'POST',
      url: '/v1/elections/sample-2026/submission-batches',
      headers: { 'content-type': 'application/x-ndjson' },
      payload: lines.join('\n'),
    });
    const { results } = response.json<{
      results: { status: number; receipt: { leafIndex: number } }[];
    }>();
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    const leaves = results.map((r) => r.receipt.leafIndex);
    expect(leaves).toEqual([...leaves].sort((a, b) => a - b));
    await app.close();
    await store.close();
  });
});
