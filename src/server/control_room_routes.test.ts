// The control room in the staff API: the status once as JSON, and live as server-sent events
// over a real connection (a first event at once, another each tick, an end when the session
// ends); on SQLite and on PostgreSQL.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleSubmission } from '../core/testonly/fixtures.js';
import type { Submission } from '../core/submission.js';
import type { ControlRoomStatus } from '../ingest/control_room.js';
import { logOrigin } from '../ingest/checkpoints.js';
import { importWithKeys } from '../ingest/testonly/sample_store.js';
import { signSubmission } from '../ingest/submit_client.js';
import type { Signer } from '../log/note.js';
import { testSigner } from '../log/testonly/signers.js';
import { sampleElection } from '../core/testonly/fixtures.js';
import { encodeVerifierKey } from '../log/note.js';
import { totpCode } from '../staff/credentials.js';
import { ABSOLUTE_TIMEOUT_MS, StaffAccounts } from '../staff/staff.js';
import { Ledger } from '../store/ledger.js';
import { openStore, type Store } from '../store/store.js';
import { storeKinds } from '../store/testonly/stores.js';
import { startServer, type RunningServer } from './server.js';
import { staffTestApp, type Json, type StaffTestApp } from './testonly/staff_app.js';
import { TEST_PASSWORD_COST } from '../staff/testonly/password_cost.js';

const app1 = testSigner('n-1.app');
const tabulator = testSigner('north.tab');
const south1 = testSigner('s-1.app');

const STATUS = '/staff/elections/sample-2026/control-room/status';
const LIVE = '/staff/elections/sample-2026/control-room';

/** One server-sent event as a client reads it. */
interface SentEvent {
  readonly event: string;
  readonly data: string;
}

/** Reads server-sent events off a response body, one at a time, comments skipped. */
function eventReader(body: ReadableStream<Uint8Array>): {
  next: () => Promise<SentEvent | undefined>;
  cancel: () => Promise<void>;
} {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  const next = async (): Promise<SentEvent | undefined> => {
    for (;;) {
      const end = buffered.indexOf('\n\n');
      if (end >= 0) {
        const block = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        const lines = block.split('\n').filter((l) => !l.startsWith(':'));
        if (lines.length === 0) continue;
        const field = (name: string): string =>
          lines
            .filter((l) => l.startsWith(`${name}: `))
            .map((l) => l.slice(name.length + 2))
            .join('\n');
        return { event: field('event'), data: field('data') };
      }
      const read = await reader.read();
      if (read.done) return undefined;
      buffered += decoder.decode(read.value, { stream: true });
    }
  };
  return { next, cancel: () => reader.cancel() };
}

/** The stream's tick in these tests: the server's is STATUS_EVERY_MS. */
const EVERY_MS = 400;

for (const kind of storeKinds) {
  describe.skipIf(!kind.available)(`the control room (${kind.name})`, { timeout: 60_000 }, () => {
    let staff: StaffTestApp;
    let url: string;

    beforeAll(async () => {
      staff = await staffTestApp(
        kind,
        [
          [app1, 'n-1'],
          [tabulator, 'north'],
          [south1, 's-1'],
        ],
        undefined,
        EVERY_MS,
      );
      url = await staff.app.listen({ host: '127.0.0.1', port: 0 });
    }, 60_000);
    afterAll(async () => {
      await staff.close();
    });

    const submit = async (s: Submission, key: Signer): Promise<Json> => {
      const res = await staff.app.inject({
        method: 'POST',
        url: '/v1/elections/sample-2026/submissions',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify(signSubmission(s, key)),
      });
      return res.json<Json>();
    };
    const watch = (cookie: string | undefined, signal?: AbortSignal): Promise<Response> =>
      fetch(`${url}${LIVE}`, {
        headers: { accept: 'text/event-stream', ...(cookie === undefined ? {} : { cookie }) },
        ...(signal === undefined ? {} : { signal }),
      });

    it('answers 401 signed out, and 406 to a client that does not read an event stream', async () => {
      expect((await staff.request('GET', STATUS, undefined)).statusCode).toBe(401);
      const signedOut = await watch(undefined);
      expect(signedOut.status).toBe(401);
      expect(await signedOut.json()).toMatchObject({ error: { code: 'not_signed_in' } });
      const plain = await staff.request('GET', LIVE, await staff.sessionFor('observer'));
      expect(plain.statusCode).toBe(406);
    });

    it('describes the live route as an event stream, and the status route by its schema', async () => {
      const doc = (await staff.app.inject({ method: 'GET', url: '/openapi.json' })).json<{
        paths: Record<string, { get: { responses: Record<string, Json> } }>;
      }>();
      const live = doc.paths['/staff/elections/{election}/control-room']?.get.responses['200'];
      expect(Object.keys((live?.['content'] ?? {}) as Json)).toEqual(['text/event-stream']);
      expect(live?.['description']).toContain('event stream');
      const once =
        doc.paths['/staff/elections/{election}/control-room/status']?.get.responses['200'];
      expect(JSON.stringify(once)).toContain('notReportedCount');
    });

    it('shows reported out of expected, whom to call, the held conflict and the rejection', async () => {
      const before = await staff.request('GET', STATUS, await staff.sessionFor('observer'));
      expect(before.statusCode).toBe(200);
      expect(before.json<ControlRoomStatus>()).toMatchObject({
        test: true,
        release: { waitsForRelease: false },
        notReportedCount: 5,
        held: { count: 0 },
        rejections: {},
        desk: { awaitingSecondEntry: 0, mismatches: 0 },
      });

      const base = sampleSubmission('n-1');
      expect((await submit(base, app1))['receipt']).toMatchObject({ status: 'accepted' });
      const differs: Submission = {
        ...base,
        contests: base.contests.map((c) =>
          c.contest === 'governor'
            ? { ...c, counts: { ...c.counts, ada: 250 }, undervotes: c.undervotes + 10 }
            : c,
        ),
      };
      expect((await submit(differs, tabulator))['receipt']).toMatchObject({ status: 'held' });
      const mail = sampleSubmission('s-1', { voteType: 'mail' });
      expect((await submit(mail, south1))['receipt']).toMatchObject({ status: 'accepted' });
      // n-1's key signs for no unit but n-1.
      const elsewhere = await submit(sampleSubmission('s-2'), app1);
      expect(elsewhere['error']).toMatchObject({ code: 'key_not_for_unit' });

      // A checkpoint of the log as it is now, signed a little before the clock reads.
      const desk = await staff.sessionFor('desk');
      const ledger = await Ledger.open(staff.t.store, 'sample-2026');
      const signedAt = new Date(staff.now().getTime() - 5_000);
      await ledger.checkpoint(
        logOrigin('tally.test', 'sample-2026'),
        testSigner('tally.test'),
        signedAt,
      );
      const size = Number(ledger.log.size);

      const res = await staff.request('GET', STATUS, desk);
      expect(res.statusCode).toBe(200);
      const status = res.json<ControlRoomStatus>();
      expect(status.counties).toEqual([
        {
          unit: 'north',
          name: { en: 'North County' },
          byVoteType: {
            'election-day': { reported: 1, expected: 2 },
            mail: { reported: 0, expected: 2 },
          },
        },
        {
          unit: 'south',
          name: { en: 'South County' },
          byVoteType: {
            'election-day': { reported: 0, expected: 3 },
            mail: { reported: 1, expected: 3 },
          },
        },
      ]);
      expect(status.notReported.map((u) => [u.unit, u.county])).toEqual([
        ['n-2', 'north'],
        ['s-2', 'south'],
        ['s-3', 'south'],
      ]);
      expect(status.notReportedCount).toBe(3);
      expect(status.held.count).toBe(1);
      expect(status.held.oldestSeconds).toBeGreaterThanOrEqual(0);
      expect(status.rejections).toEqual({ key_not_for_unit: 1 });
      expect(status.submissionsPerSecond).toBeCloseTo(4 / 60);
      expect(status.publish).toEqual({
        checkpointSize: size,
        checkpointAgeSeconds: 5,
        logSize: size,
      });
      expect(status.time).toBe(staff.now().toISOString());
    });

    it('streams a status at once and another each tick, until the session ends', async () => {
      const session = await staff.sessionOf('auditor');
      const res = await watch(session.cookie);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
      if (res.body === null) throw new Error('no body');
      const events = eventReader(res.body);
      const started = Date.now();
      const first = await events.next();
      expect(first?.event).toBe('status');
      expect(Date.now() - started).toBeLessThan(EVERY_MS);
      const firstStatus = JSON.parse(first?.data ?? '') as ControlRoomStatus;
      expect(firstStatus.counties).toHaveLength(2);

      // One more report arrives: the next tick shows it.
      expect(
        (await submit(sampleSubmission('n-1', { sequence: 2, voteType: 'mail' }), app1))['receipt'],
      ).toMatchObject({ status: 'accepted' });
      const second = await events.next();
      expect(second?.event).toBe('status');
      expect(Date.now() - started).toBeGreaterThanOrEqual(EVERY_MS - 100);
      const secondStatus = JSON.parse(second?.data ?? '') as ControlRoomStatus;
      expect(secondStatus.counties[0]?.byVoteType['mail']).toEqual({ reported: 1, expected: 2 });

      // The session's twelve hours pass: the next tick ends the stream.
      staff.tick(ABSOLUTE_TIMEOUT_MS + 1_000);
      const ended = await events.next();
      expect(ended?.event).toBe('session-ended');
      expect(await events.next()).toBeUndefined();
    });

    it('stops when the client goes away, and the server closes with nobody waiting on it', async () => {
      const session = await staff.sessionOf('observer');
      const leaving = new AbortController();
      const res = await watch(session.cookie, leaving.signal);
      if (res.body === null) throw new Error('no body');
      const events = eventReader(res.body);
      expect((await events.next())?.event).toBe('status');
      leaving.abort();
      await expect(events.next()).rejects.toThrow();
      // One still watching when the server closes: its stream ends, the close does not wait.
      const staying = await watch((await staff.sessionOf('observer')).cookie);
      if (staying.body === null) throw new Error('no body');
      const still = eventReader(staying.body);
      expect((await still.next())?.event).toBe('status');
      // The server ends the stream as it closes (a close that waited for the watcher would never
      // finish: the stream does not end on its own).
      const closed = staff.app.close();
      expect(await still.next()).toBeUndefined();
      await closed;
    });
  });
}

describe('the control room of a running server', { timeout: 60_000 }, () => {
  let dir: string;
  let store: Store;
  let server: RunningServer | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tally-control-room-'));
    store = await openStore({ dialect: 'sqlite', file: join(dir, 'tally.db') });
  });
  afterAll(async () => {
    await server?.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the version the server published and how long it took', async () => {
    const authority = testSigner('authority.sample');
    await importWithKeys(store, sampleElection([encodeVerifierKey(authority)]), authority, [
      ['n-1', app1],
    ]);
    const added = await new StaffAccounts(store, TEST_PASSWORD_COST).add(
      'observer.one',
      'observer',
      new Date(),
    );
    if (!added.ok) throw new Error(added.error.message);
    server = await startServer({
      passwordCost: TEST_PASSWORD_COST,
      store,
      logSigner: testSigner('tally.test'),
      checkpointEveryMs: 60_000,
      publish: { siteDir: join(dir, 'site'), thread: false },
    });
    const ingest = await server.elections.get('sample-2026');
    const body = JSON.stringify(signSubmission(sampleSubmission('n-1'), app1));
    expect((await ingest?.submit(new TextEncoder().encode(body)))?.receipt.status).toBe('accepted');
    await server.checkpointNow();

    const signIn = await server.app.inject({
      method: 'POST',
      url: '/staff/sign-in',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({
        name: 'observer.one',
        password: added.value.password,
        code: totpCode(added.value.totpSecret, new Date()),
      }),
    });
    expect(signIn.statusCode).toBe(200);
    const cookie = [signIn.headers['set-cookie'] ?? []].flat()[0]?.split(';')[0] ?? '';
    const res = await server.app.inject({ method: 'GET', url: STATUS, headers: { cookie } });
    expect(res.statusCode).toBe(200);
    const { publish } = res.json<ControlRoomStatus>();
    expect(publish.version).toBe(1);
    expect(publish.latencyMs).toBeGreaterThanOrEqual(0);
    expect(publish.checkpointSize).toBe(publish.logSize);
  });
});
