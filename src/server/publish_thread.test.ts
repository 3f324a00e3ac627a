// The publisher's and the public plane's threads, as `tally serve` runs them: from the built
// files, each a worker pool of one.
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleSubmission } from '../core/testonly/fixtures.js';
import { logOrigin } from '../ingest/checkpoints.js';
import { publishedReader } from '../cli/site_reader.js';
import type { Log } from '../log/log.js';
import { encodeVerifierKey, parseVerifierKey } from '../log/note.js';
import { testSigner } from '../log/testonly/signers.js';
import { verifySite } from '../verify/verify.js';
import type * as PublishThreadModule from './publish_thread.js';
import type * as PublicThreadModule from './public_thread.js';
import { recorded, sampleLog, sampleLogElection } from './testonly/sample_log.js';

const root = join(import.meta.dirname, '..', '..');
const built = async <T>(path: string): Promise<T> =>
  (await import(pathToFileURL(join(root, 'dist/src/server', path)).href)) as T;

/** Every worker thread this process starts, in order: how a test reaches one to stop it. */
const started: Worker[] = [];
const seen = (message: unknown): void => {
  started.push((message as { worker: Worker }).worker);
};

let publisherThread: typeof PublishThreadModule.publisherThread;
let startPublicThread: typeof PublicThreadModule.startPublicThread;
let dir: string;
beforeAll(async () => {
  ({ publisherThread } = await built<typeof PublishThreadModule>('publish_thread.js'));
  ({ startPublicThread } = await built<typeof PublicThreadModule>('public_thread.js'));
  subscribe('worker_threads', seen);
  dir = mkdtempSync(join(tmpdir(), 'tally-threads-'));
}, 120_000);
afterAll(() => {
  unsubscribe('worker_threads', seen);
  rmSync(dir, { recursive: true, force: true });
});

const election = sampleLogElection;
const logSigner = testSigner('tally.test');

/** A log as ingest keeps it: the definition, a key for the state, and its precincts' reports. */
const reportedLog = (): Promise<Log> =>
  sampleLog(
    ['n-1', 'n-2', 's-1', 's-2'].map((unit, i) =>
      recorded(sampleSubmission(unit, { sequence: i + 1 })),
    ),
  );

function checkpointOf(log: Log): { size: number; note: string } {
  const note = log.checkpoint(logOrigin(logSigner.name, 'sample-2026'), [logSigner]);
  if (!note.ok) throw new Error(note.error.message);
  return { size: Number(log.size), note: note.value };
}

describe("the publisher's thread", () => {
  it('closed while a version is under way, finishes it: current.json is in place and the site verifies', async () => {
    const siteDir = mkdtempSync(join(dir, 'site-'));
    const log = await reportedLog();
    const publisher = await publisherThread({ election, log, signer: logSigner, siteDir });
    const answer = publisher.request(checkpointOf(log));
    // At once: the thread has at most just been handed the entries, and writes nothing yet.
    await publisher.close();
    const published = await answer;
    expect(published.ok && published.value?.version).toBe(1);
    const current = JSON.parse(readFileSync(join(siteDir, 'current.json'), 'utf8')) as {
      version: number;
      logSize: number;
    };
    expect(current).toMatchObject({ version: 1, logSize: Number(log.size) });
    const key = parseVerifierKey(encodeVerifierKey(logSigner));
    if (!key.ok) throw new Error(key.error.message);
    const report = await verifySite(publishedReader(siteDir), {
      logKeys: [key.value],
      manifestKeys: [key.value],
    });
    expect(report.problems).toEqual([]);
    expect(report.submissionsCounted).toBe(4);
  }, 60_000);

  it('says publisher_stopped when its thread dies, for the version under way and every later one', async () => {
    const siteDir = mkdtempSync(join(dir, 'site-'));
    const log = await reportedLog();
    const before = started.length;
    const publisher = await publisherThread({ election, log, signer: logSigner, siteDir });
    try {
      const [thread] = started.slice(before);
      expect(thread).toBeDefined();
      const exited = new Promise((resolve) => thread?.once('exit', resolve));
      const underWay = publisher.request(checkpointOf(log));
      void thread?.terminate();
      await exited;
      const code = async (answer: ReturnType<typeof publisher.request>): Promise<string> => {
        const outcome = await answer;
        return outcome.ok ? 'published' : outcome.error.code;
      };
      await expect(code(underWay)).resolves.toBe('publisher_stopped');
      await expect(code(publisher.request(checkpointOf(log)))).resolves.toBe('publisher_stopped');
      // No thread took its place: it would have counted nothing.
      expect(started.length - before).toBe(1);
    } finally {
      await publisher.close();
    }
  }, 60_000);

  it('that cannot start says why, and leaves no thread running', async () => {
    const before = started.length;
    const broken = { ...election, definition: { ...election.definition, units: 'none' } };
    await expect(
      publisherThread({
        election: broken as unknown as typeof election,
        log: await reportedLog(),
        signer: logSigner,
        siteDir: mkdtempSync(join(dir, 'site-')),
      }),
    ).rejects.toThrow(/^the publisher could not start: /);
    const [thread] = started.slice(before);
    expect(thread?.threadId).toBe(-1);
  }, 60_000);
});

describe("the public plane's thread", () => {
  it('serves each version it is told of, and stops listening once closed', async () => {
    const siteRoot = mkdtempSync(join(dir, 'sites-'));
    const log = await reportedLog();
    const publisher = await publisherThread({
      election,
      log,
      signer: logSigner,
      siteDir: join(siteRoot, 'sample-2026'),
    });
    const plane = await startPublicThread({ root: siteRoot, host: '127.0.0.1', port: 0 });
    try {
      expect((await fetch(`${plane.url}/sample-2026/current.json`)).status).toBe(404);
      expect((await publisher.request(checkpointOf(log))).ok).toBe(true);
      await plane.refresh('sample-2026');
      const served = await fetch(`${plane.url}/sample-2026/current.json`);
      expect(served.status).toBe(200);
      expect(((await served.json()) as { version: number }).version).toBe(1);
    } finally {
      await publisher.close();
      await plane.close();
    }
    await expect(fetch(`${plane.url}/sample-2026/current.json`)).rejects.toThrow();
    await expect(plane.refresh('sample-2026')).rejects.toThrow('the worker threads were closed');
  }, 60_000);

  it('that cannot listen says why', async () => {
    const taken = await startPublicThread({ root: dir, host: '127.0.0.1', port: 0 });
    try {
      const port = Number(new URL(taken.url).port);
      await expect(startPublicThread({ root: dir, host: '127.0.0.1', port })).rejects.toThrow(
        'EADDRINUSE',
      );
    } finally {
      await taken.close();
    }
  }, 60_000);
});
