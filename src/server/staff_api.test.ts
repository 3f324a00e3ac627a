// The staff API: sign-in, its cookie, sessions that end, and the review desk. How an attacker
// would try it (every route as every role, CSRF, fixation, replayed codes, lockout, telling
// names apart) is staff_security.test.ts.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleSubmission } from '../core/testonly/fixtures.js';
import type { Submission } from '../core/submission.js';
import { signSubmission } from '../ingest/submit_client.js';
import { keyRef } from '../log/envelope.js';
import type { Signer } from '../log/note.js';
import { testSigner } from '../log/testonly/signers.js';
import { totpCode } from '../staff/credentials.js';
import { IDLE_TIMEOUT_MS } from '../staff/staff.js';
import { storeKinds, type TestStore } from '../store/testonly/stores.js';
import { ElectionRegistry } from './elections.js';
import { SESSION_COOKIE } from './staff_session.js';
import { staffTestApp, type Json, type StaffTestApp } from './testonly/staff_app.js';

const sqlite = storeKinds.find((k) => k.name === 'sqlite');

describe('the staff API', { timeout: 60_000 }, () => {
  let staff: StaffTestApp;
  let t: TestStore;
  let app: FastifyInstance;
  const app1 = testSigner('n-1.app');
  const tabulator = testSigner('north.tab');
  const tabulatorRef = keyRef(tabulator);

  beforeAll(async () => {
    if (sqlite === undefined) throw new Error('no SQLite');
    staff = await staffTestApp(sqlite, [
      [app1, 'n-1'],
      [tabulator, 'north'],
    ]);
    ({ t, app } = staff);
  }, 60_000);
  afterAll(async () => {
    await staff.close();
  });

  const sessionOf = (role: Parameters<StaffTestApp['sessionOf']>[0]) => staff.sessionOf(role);
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
    const a = staff.account('reviewer');
    staff.tick();
    const res = await staff.signIn(a.name, a.password, totpCode(a.totpSecret, staff.now()));
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
    // The answer holds the session and its CSRF token, never the cookie's token.
    expect(Object.keys(res.json).sort()).toEqual(['csrfToken', 'name', 'role']);
    expect(session.json()).toEqual(res.json);
  });

  it('limits sign-in attempts from one address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      statuses.push((await staff.signIn('x', 'y', 'z', { ip: '10.0.3.1' })).status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it('ends a session after 30 idle minutes, and on sign-out', async () => {
    const { cookie, csrf } = await sessionOf('reviewer');
    const get = () => app.inject({ method: 'GET', url: '/staff/session', headers: { cookie } });
    staff.tick(IDLE_TIMEOUT_MS - 60_000);
    expect((await get()).statusCode).toBe(200);
    staff.tick(IDLE_TIMEOUT_MS + 1_000);
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
    // The held submission's receipt says what the review made of it.
    const receipt = await app.inject({
      method: 'GET',
      url: `/v1/elections/sample-2026/receipts/${String(entry)}`,
    });
    expect(receipt.json()).toMatchObject({
      receipt: { status: 'held' },
      review: { status: 'accepted', entry: reviewEntry },
    });
  });
});
