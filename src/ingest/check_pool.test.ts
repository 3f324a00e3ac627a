import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleElection, sampleSubmission } from '../core/testonly/fixtures.js';
import { keyRef } from '../log/envelope.js';
import { encodeVerifierKey } from '../log/note.js';
import { testSigner } from '../log/testonly/signers.js';
import type * as CheckPoolModule from './check_pool.js';
import type { CheckOutcome } from './check.js';
import { signSubmission } from './submit_client.js';

// The pool's workers run the built files, as `tally serve` runs them.
const root = join(import.meta.dirname, '..', '..');

/** Every worker thread this process starts, in order: how the test reaches one to stop it. */
const started: Worker[] = [];
const seen = (message: unknown): void => {
  started.push((message as { worker: Worker }).worker);
};

let CheckPool: typeof CheckPoolModule.CheckPool;
beforeAll(async () => {
  const url = pathToFileURL(join(root, 'dist/src/ingest/check_pool.js')).href;
  ({ CheckPool } = (await import(url)) as typeof CheckPoolModule);
  subscribe('worker_threads', seen);
});
afterAll(() => {
  unsubscribe('worker_threads', seen);
});

/** The outcome, or a failure when no answer comes: a check sent to a dead thread gets none. */
function answered(check: Promise<CheckOutcome>): Promise<CheckOutcome> {
  return Promise.race([
    check,
    new Promise<never>((_resolve, reject) =>
      setTimeout(() => {
        reject(new Error('no answer within 10 s'));
      }, 10_000).unref(),
    ),
  ]);
}

describe('the check pool', () => {
  it('starts another worker in place of one that dies, and later submissions are checked', async () => {
    const authority = testSigner('authority.sample');
    const county = testSigner('north.tabulator');
    const election = sampleElection([encodeVerifierKey(authority)]);
    const id = election.definition.id;
    const before = started.length;
    const pool = new CheckPool(2);
    try {
      const workers = started.slice(before);
      expect(workers).toHaveLength(2);
      pool.addElection(election, []);
      pool.addKey(id, keyRef(county), { verifierKey: encodeVerifierKey(county), unit: 'north' });
      const body = (sequence: number): Uint8Array =>
        new TextEncoder().encode(
          JSON.stringify(signSubmission(sampleSubmission('n-1', { sequence }), county)),
        );
      expect((await answered(pool.check(id, body(1)))).type).toBe('checked');

      const dying = workers[0]!;
      await new Promise<void>((resolve) => {
        dying.once('exit', () => {
          resolve();
        });
        void dying.terminate();
      });

      // The replacement knows the election and the key the pool was told before it started.
      const later = await Promise.all(
        Array.from({ length: 6 }, (_, i) => answered(pool.check(id, body(i + 2)))),
      );
      expect(later.map((o) => o.type)).toEqual(Array(6).fill('checked'));
      expect(started.length - before).toBe(3);
    } finally {
      await pool.close();
    }
  }, 30_000);
});
