// The staff API: sign-in with a password and a second factor, sessions, CSRF, and who may do
// what. Written as an attacker would try it: unknown names, wrong codes, replayed codes, no
// cookie, someone else's role, a change without the CSRF token.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleElection, sampleSubmission } from '../core/testonly/fixtures.js';
import type { Submission } from '../core/submission.js';
import { importElection } from '../ingest/elections.js';
import { changeRoster } from '../ingest/roster.js';
import { signSubmission } from '../ingest/submit_client.js';
import { keyRef } from '../log/envelope.js';
import { encodeVerifierKey, type Signer } from '../log/note.js';
import { testSigner } from '../log/testonly/signers.js';
import { totpCode, type Role } from '../staff/credentials.js';
import {
  IDLE_TIMEOUT_MS,
  LOCKOUT_MS,
  MAX_FAILURES,
  StaffAccounts,
  type NewAccount,
} from '../staff/staff.js';
import { storeKinds, type TestStore } from '../store/testonly/stores.js';
import { ElectionRegistry } from './elections.js';
import { buildIngestApp } from './ingest_app.js';
import { SESSION_COOKIE } from './staff_routes.js';

type Json = Record<string, unknown>;
const sqlite = storeKinds.find((k) => k.name === 'sqlite');

/** The routes anyone may call without a session: submitting, receipts, checkpoints, sign-in. */
const OPEN = [
  'POST /staff/sign-in',
  'POST /v1/elections/{election}/submissions',
  'POST /v1/elections/{election}/submission-batches',
  'GET /v1/elections/{election}/receipts/{leaf}',
  'GET /v1/elections/{election}/checkpoint',
];

// Every sign-in runs scrypt at its full cost (128 MiB, a few hundred ms; longer beside other
// tests), unknown names too: the tests allow for it.
describe('the staff API', { timeout: 60_000 }, () => {
  let t: TestStore;
  let app: FastifyInstance;
  let clock = new Date('2026-11-03T22:00:00Z');
  const accounts: Partial<Record<Role, NewAccount>> = {};
  const authority = testSigner('authority.sample');
  const election = sampleElection([encodeVerifierKey(authority)]);
  const app1 = testSigner('n-1.app');
  const tabulator = testSigner('north.tab');
  const tabulatorRef = keyRef(tabulator);

  beforeAll(async () => {
    if (sqlite === undefined) throw new Error('no SQLite');
    t = await sqlite.create();
    const imported = await importElection(t.store, election, new Date('2026-11-01T00:00:00Z'));
    if (!imported.ok) throw new Error(imported.error.message);
    for (const [key, unit] of [
      [app1, 'n-1'],
      [tabulator, 'north'],
    ] as const) {
      const certified = await changeRoster(
        imported.value.ledger,
        election,
        authority,
        { action: 'certify', unit, key: encodeVerifierKey(key) },
        new Date('2026-11-03T20:00:00Z'),
      );
      if (!certified.ok) throw new Error(certified.error.message);
    }
    const staff = new StaffAccounts(t.store);
    for (const role of ['admin', 'reviewer', 'desk', 'auditor', 'observer'] as const) {
      const added = await staff.add(`${role}.one`, role, clock);
      if (!added.ok) throw new Error(added.error.message);
      accounts[role] = added.value;
    }
    app = await buildIngestApp({
      store: t.store,
      elections: new ElectionRegistry(t.store),
      now: () => clock,
    });
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await t.dispose();
  });

  /** Moves the clock on to the next TOTP step, so that a new code is good. */
  const tick = (ms = 30_000): void => {
    clock = new Date(clock.getTime() + ms);
  };
  const account = (role: Role): NewAccount => {
    const a = accounts[role];
    if (a === undefined) throw new Error(`no ${role}`);
    return a;
  };
  const signIn = async (
    name: string,
    password: string,
    code: string,
    ip = '10.0.0.1',
  ): Promise<{ status: number; json: Json; cookie?: string; setCookie?: string }> => {
    const res = await app.inject({
      method: 'POST',
      url: '/staff/sign-in',
      remoteAddress: ip,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ name, password, code }),
    });
    const setCookie = [res.headers['set-cookie'] ?? []].flat()[0];
    const token = setCookie?.split(';')[0];
    return {
      status: res.statusCode,
      json: res.json<Json>(),
      ...(token === undefined ? {} : { cookie: token, setCookie }),
    };
  };
  /** A session of a staff member in `role`: its cookie and CSRF token. */
  const sessionOf = async (role: Role): Promise<{ cookie: string; csrf: string }> => {
    tick();
    const a = account(role);
    const res = await signIn(a.name, a.password, totpCode(a.totpSecret, clock));
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    return { cookie: res.cookie ?? '', csrf: res.json['csrfToken'] as string };
  };
  const submit = async (s: Submission, key: Signer): Promise<Json> => {
    const res = await app.inject({
      method: 'POST',
      url: '/v1/elections/sample-2026/submissions',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify(signSubmission(s, key)),
    });
    return res.json<Json>()['receipt'] as Json;
  };

  it('signs in with the password and a TOTP code, in an HttpOnly, SameSite=Strict cookie', async () => {
    const a = account('reviewer');
    tick();
    const res = await signIn(a.name, a.password, totpCode(a.totpSecret, clock));
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ name: 'reviewer.one', role: 'reviewer' });
    expect(res.setCookie).toMatch(new RegExp(`^${SESSION_COOKIE}=[A-Za-z0-9_-]{43};`));
    expect(res.setCookie).toContain('HttpOnly');
    expect(res.setCookie).toContain('SameSite=Strict');
    expect(res.setCookie).toContain('Path=/staff');
    const session = await app.inject({
      method: 'GET',
      url: '/staff/session',
      headers: { cookie: res.cookie ?? '' },
    });
    expect(session.json()).toEqual(res.json);
  });

  it('answers every failure alike: unknown name, wrong password, wrong or missing code', async () => {
    const a = account('desk');
    tick();
    const good = totpCode(a.totpSecret, clock);
    const answers = await Promise.all([
      signIn('nobody.here', a.password, good, '10.0.1.1'),
      signIn('Not A Name', a.password, good, '10.0.1.2'),
      signIn(a.name, `${a.password}x`, good, '10.0.1.3'),
      signIn(a.name, a.password, good === '000000' ? '111111' : '000000', '10.0.1.4'),
      signIn(a.name, a.password, '', '10.0.1.5'),
    ]);
    for (const res of answers) {
      expect(res.status).toBe(401);
      expect(res.json).toEqual(answers[0].json);
      expect(res.cookie).toBeUndefined();
    }
    // The failures above do not lock the account: four, and a good sign-in clears them.
    tick();
    expect((await signIn(a.name, a.password, totpCode(a.totpSecret, clock))).status).toBe(200);
  });

  it('refuses a sign-in that is not JSON: a form another site posts cannot sign anyone in', async () => {
    const a = account('desk');
    tick();
    for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
      const res = await app.inject({
        method: 'POST',
        url: '/staff/sign-in',
        remoteAddress: '10.0.4.1',
        headers: { 'content-type': type },
        payload: JSON.stringify({
          name: a.name,
          password: a.password,
          code: totpCode(a.totpSecret, clock),
        }),
      });
      expect(res.statusCode, type).toBe(415);
      expect(res.headers['set-cookie']).toBeUndefined();
    }
  });

  it('takes a TOTP code once, with one step of clock drift either way', async () => {
    const a = account('auditor');
    tick(120_000);
    const code = totpCode(a.totpSecret, clock);
    expect((await signIn(a.name, a.password, code)).status).toBe(200);
    // The same code again, within its step: replayed.
    expect((await signIn(a.name, a.password, code)).status).toBe(401);
    // A code from the authenticator 30 s behind or ahead is good; 90 s is not.
    tick(120_000);
    const behind = totpCode(a.totpSecret, new Date(clock.getTime() - 30_000));
    expect((await signIn(a.name, a.password, behind)).status).toBe(200);
    tick(120_000);
    const ahead = totpCode(a.totpSecret, new Date(clock.getTime() + 30_000));
    expect((await signIn(a.name, a.password, ahead)).status).toBe(200);
    tick(120_000);
    const far = totpCode(a.totpSecret, new Date(clock.getTime() + 90_000));
    expect((await signIn(a.name, a.password, far)).status).toBe(401);
  });

  it('takes each recovery code once', async () => {
    const a = account('observer');
    const recovery = a.recoveryCodes[0] ?? '';
    expect((await signIn(a.name, a.password, recovery.toUpperCase())).status).toBe(200);
    expect((await signIn(a.name, a.password, recovery)).status).toBe(401);
  });

  it(`locks an account after ${String(MAX_FAILURES)} failures in a row, even to the right code, for a while`, async () => {
    const staff = new StaffAccounts(t.store);
    const added = await staff.add('locked.one', 'reviewer', clock);
    if (!added.ok) throw new Error(added.error.message);
    const a = added.value;
    for (let i = 0; i < MAX_FAILURES; i++) {
      expect((await signIn(a.name, 'wrong password', '123456', '10.0.2.1')).status).toBe(401);
    }
    tick();
    const locked = await signIn(a.name, a.password, totpCode(a.totpSecret, clock), '10.0.2.2');
    expect(locked.status).toBe(401);
    tick(LOCKOUT_MS);
    const after = await signIn(a.name, a.password, totpCode(a.totpSecret, clock), '10.0.2.3');
    expect(after.status).toBe(200);
  });

  it('limits sign-in attempts from one address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await signIn('x', 'y', 'z', '10.0.3.1')).status);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it('ends a session after 30 idle minutes, and on sign-out', async () => {
    const { cookie, csrf } = await sessionOf('reviewer');
    const get = () => app.inject({ method: 'GET', url: '/staff/session', headers: { cookie } });
    tick(IDLE_TIMEOUT_MS - 60_000);
    expect((await get()).statusCode).toBe(200);
    tick(IDLE_TIMEOUT_MS + 1_000);
    expect((await get()).statusCode).toBe(401);
    const other = await sessionOf('reviewer');
    const out = await app.inject({
      method: 'POST',
      url: '/staff/sign-out',
      headers: { cookie: other.cookie, 'x-csrf-token': other.csrf },
    });
    expect(out.statusCode).toBe(204);
    const after = await app.inject({
      method: 'GET',
      url: '/staff/session',
      headers: { cookie: other.cookie },
    });
    expect(after.statusCode).toBe(401);
    expect(csrf).not.toBe(other.csrf);
  });

  it('answers 401 without a session on every route the OpenAPI description lists, but the open ones', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/openapi.json' })).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    const routes = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(routes).toContain('POST /staff/elections/{election}/reviews');
    const guarded = routes.filter((r) => !OPEN.includes(r));
    expect(guarded.length).toBeGreaterThanOrEqual(4);
    for (const route of guarded) {
      const [method, path] = route.split(' ') as [string, string];
      const url = path.replace('{election}', 'sample-2026');
      for (const cookie of [undefined, `${SESSION_COOKIE}=forged`]) {
        const res = await app.inject({
          method: method as 'GET' | 'POST',
          url,
          headers: {
            'content-type': 'application/json',
            ...(cookie === undefined ? {} : { cookie }),
          },
          ...(method === 'GET' ? {} : { payload: '{}' }),
        });
        expect(res.statusCode, `${route} with ${cookie ?? 'no cookie'}`).toBe(401);
      }
    }
  });

  it('lets only reviewers and admins decide, each with the CSRF token, and logs who decided', async () => {
    const first = await submit(sampleSubmission('n-1'), app1);
    const base = sampleSubmission('n-1');
    const differs: Submission = {
      ...base,
      contests: base.contests.map((c) =>
        c.contest === 'governor'
          ? { ...c, counts: { ...c.counts, ada: 250 }, undervotes: c.undervotes + 10 }
          : c,
      ),
    };
    const held = await submit(differs, tabulator);
    expect(first['status']).toBe('accepted');
    expect(held['status']).toBe('held');
    const entry = held['leafIndex'] as number;
    const decide = (session: { cookie: string; csrf?: string }, decision = 'accept') =>
      app.inject({
        method: 'POST',
        url: '/staff/elections/sample-2026/reviews',
        headers: {
          cookie: session.cookie,
          'content-type': 'application/json',
          ...(session.csrf === undefined ? {} : { 'x-csrf-token': session.csrf }),
        },
        payload: JSON.stringify({ entry, decision, reason: 'the tally sheet shows 250' }),
      });
    for (const role of ['desk', 'auditor', 'observer'] as const) {
      const res = await decide(await sessionOf(role));
      expect(res.statusCode, role).toBe(403);
    }
    const reviewer = await sessionOf('reviewer');
    // Without the CSRF token, or with another session's: refused.
    expect((await decide({ cookie: reviewer.cookie })).statusCode).toBe(403);
    const admin = await sessionOf('admin');
    expect((await decide({ cookie: reviewer.cookie, csrf: admin.csrf })).statusCode).toBe(403);
    // Everyone signed in reads the queue.
    const queue = await app.inject({
      method: 'GET',
      url: '/staff/elections/sample-2026/held',
      headers: { cookie: (await sessionOf('observer')).cookie },
    });
    // Each held report beside what its unit counts now: the reviewer weighs one against the other.
    const ada = (s: Json | undefined): unknown =>
      ((s?.['contests'] as Json[] | undefined)?.[0]?.['counts'] as Json | undefined)?.['ada'];
    const [item] = queue.json<{ held: Json[] }>().held;
    expect(item).toMatchObject({
      entry,
      unit: 'n-1',
      voteType: 'election-day',
      source: tabulatorRef,
      kind: 'conflict',
      warnings: [],
      counted: { entry: first['leafIndex'], source: keyRef(app1) },
    });
    expect(ada(item?.['submission'] as Json)).toBe(250);
    expect(ada((item?.['counted'] as Json | undefined)?.['submission'] as Json)).toBe(260);
    const accepted = await decide(reviewer);
    expect(accepted.statusCode).toBe(201);
    const again = await decide(admin, 'reject');
    expect(again.statusCode).toBe(409);
    expect(again.json<Json>()['error']).toMatchObject({ code: 'already_decided' });
    // The review names who decided it, and the queue is empty.
    const { entry: reviewEntry } = accepted.json<{ entry: number }>();
    const ingest = await new ElectionRegistry(t.store).get('sample-2026');
    const bytes = await ingest?.log.entries(BigInt(reviewEntry), 1);
    const text = bytes?.ok ? new TextDecoder().decode(bytes.value[0]) : '';
    expect(JSON.parse(text)).toMatchObject({
      type: 'review',
      entry,
      decision: 'accept',
      reviewers: [{ name: 'reviewer.one', reason: 'the tally sheet shows 250' }],
    });
    expect(await ingest?.reviewQueue()).toEqual([]);
  });
});
