// The staff API as an attacker tries it: every route the OpenAPI description lists, signed out
// and as every role; changes without the CSRF token or as a form another site posts; a session
// token planted before sign-in; replayed and drifting TOTP codes; guessing until locked out;
// telling names apart by the answers; and what a stolen session or token is worth once an
// admin disables or resets its member, or the member changes their password.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, totpCode, type Role } from '../staff/credentials.js';
import { LOCKOUT_MS, MAX_FAILURES, type NewAccount } from '../staff/staff.js';
import { storeKinds } from '../store/testonly/stores.js';
import {
  ANYONE,
  ROUTE_ROLES,
  rolesSentence,
  SESSION_COOKIE,
  type GuardedRoute,
  type Route,
} from './staff_session.js';
import { staffTestApp, type Json, type StaffTestApp } from './testonly/staff_app.js';

const sqlite = storeKinds.find((k) => k.name === 'sqlite');

const isRoute = (route: string): route is Route => Object.hasOwn(ROUTE_ROLES, route);

/** A URL for an OpenAPI path: an election that exists, a staff name that does not. */
const urlOf = (path: string): string =>
  path
    .replaceAll('{election}', 'sample-2026')
    .replaceAll('{name}', 'no.such.member')
    .replaceAll(/\{[^}]+\}/g, '0');

describe('the staff API, as an attacker tries it', { timeout: 120_000 }, () => {
  let staff: StaffTestApp;
  let app: FastifyInstance;
  /** Every route the OpenAPI description lists under /staff/ and /v1/, as `METHOD /path`. */
  let routes: string[];
  let descriptions: Map<string, string>;

  beforeAll(async () => {
    if (sqlite === undefined) throw new Error('no SQLite');
    staff = await staffTestApp(sqlite);
    app = staff.app;
    const doc = (await app.inject({ method: 'GET', url: '/openapi.json' })).json<{
      paths: Record<string, Record<string, { description?: string }>>;
    }>();
    descriptions = new Map(
      Object.entries(doc.paths).flatMap(([path, methods]) =>
        Object.entries(methods).map(([m, op]) => [
          `${m.toUpperCase()} ${path}`,
          op.description ?? '',
        ]),
      ),
    );
    routes = [...descriptions.keys()].filter((r) => / \/(staff|v1)\//.test(r));
  }, 60_000);
  afterAll(async () => {
    await staff.close();
  });

  const guarded = (): GuardedRoute[] =>
    routes.filter(isRoute).filter((r): r is GuardedRoute => ROUTE_ROLES[r] !== ANYONE);
  const splitRoute = (route: string): { method: 'GET' | 'POST'; url: string } => {
    const [method, path = ''] = route.split(' ');
    return { method: method === 'GET' ? 'GET' : 'POST', url: urlOf(path) };
  };
  /** Every route that changes something, with a role it lets in. */
  const changes = (): { route: GuardedRoute; role: Role }[] =>
    guarded()
      .filter((r) => !r.startsWith('GET '))
      .map((route) => ({ route, role: ROUTE_ROLES[route][0] ?? 'admin' }));

  describe('who may call what', () => {
    it('names every route the OpenAPI description lists in the one table of who may call it', () => {
      expect(routes).toContain('POST /staff/elections/{election}/reviews');
      expect(routes).toContain('POST /staff/members/{name}/disable');
      expect(routes.filter((r) => !isRoute(r))).toEqual([]);
      for (const route of guarded()) {
        expect(descriptions.get(route), route).toContain(rolesSentence(route));
      }
    });

    it('answers 401 signed out before reading anything else: the path as written, any body', async () => {
      for (const route of guarded()) {
        const [method, path = ''] = route.split(' ');
        // The OpenAPI path itself, braces and all, and a body of the wrong type.
        const res = await app.inject({
          method: method === 'GET' ? 'GET' : 'POST',
          url: path,
          headers: { 'content-type': 'text/plain' },
          ...(method === 'GET' ? {} : { payload: 'not json' }),
        });
        expect(res.statusCode, route).toBe(401);
      }
    });

    it('answers 401 signed out, 403 to a role the table does not name, and lets in the ones it does', async () => {
      expect(guarded().length).toBeGreaterThanOrEqual(10);
      for (const route of guarded()) {
        const { method, url } = splitRoute(route);
        const body = method === 'GET' ? undefined : {};
        for (const cookie of [undefined, `${SESSION_COOKIE}=forged`]) {
          const res = await app.inject({
            method,
            url,
            headers: {
              'content-type': 'application/json',
              ...(cookie === undefined ? {} : { cookie }),
            },
            ...(body === undefined ? {} : { payload: '{}' }),
          });
          expect(res.statusCode, `${route} with ${cookie ?? 'no cookie'}`).toBe(401);
        }
        const roles: readonly Role[] = ROUTE_ROLES[route];
        for (const role of ROLES) {
          // The same session while it lasts; a new one after a route that ends it (sign-out).
          const res = await staff.request(method, url, await staff.sessionFor(role), body);
          if (roles.includes(role)) {
            expect([401, 403], `${route} as ${role}: ${res.body}`).not.toContain(res.statusCode);
          } else {
            expect(res.statusCode, `${route} as ${role}`).toBe(403);
            expect(res.json<Json>()['error']).toMatchObject({ code: 'forbidden' });
          }
        }
      }
    });
  });

  describe('CSRF', () => {
    it('refuses every change without the session’s CSRF token, or with another session’s', async () => {
      const other = await staff.sessionFor('observer');
      for (const { route, role } of changes()) {
        const session = await staff.sessionFor(role);
        const { method, url } = splitRoute(route);
        for (const csrf of [undefined, other.csrf, '']) {
          const res = await app.inject({
            method,
            url,
            headers: {
              cookie: session.cookie,
              'content-type': 'application/json',
              ...(csrf === undefined ? {} : { 'x-csrf-token': csrf }),
            },
            payload: '{}',
          });
          expect(res.statusCode, `${route} with ${csrf ?? 'no token'}`).toBe(403);
          expect(res.json<Json>()['error']).toMatchObject({ code: 'csrf' });
        }
      }
    });

    it('refuses every change whose body is a form another site could post (text/plain, urlencoded)', async () => {
      for (const { route, role } of changes()) {
        const session = await staff.sessionFor(role);
        const { method, url } = splitRoute(route);
        for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
          const res = await app.inject({
            method,
            url,
            headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': type },
            payload: '{}',
          });
          expect(res.statusCode, `${route} as ${type}`).toBe(415);
        }
      }
      // Sign-in too: a form another site posts cannot sign anyone in.
      const a = staff.account('desk');
      staff.tick();
      for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
        const res = await app.inject({
          method: 'POST',
          url: '/staff/sign-in',
          remoteAddress: '10.0.4.1',
          headers: { 'content-type': type },
          payload: JSON.stringify({
            name: a.name,
            password: a.password,
            code: totpCode(a.totpSecret, staff.now()),
          }),
        });
        expect(res.statusCode, type).toBe(415);
        expect(res.headers['set-cookie']).toBeUndefined();
      }
    });
  });

  describe('session fixation', () => {
    it('issues a new token at sign-in and accepts no token the client had before', async () => {
      const a = staff.account('observer');
      const get = (cookie: string) =>
        app.inject({ method: 'GET', url: '/staff/session', headers: { cookie } });
      // A token the attacker chose and planted in the browser.
      const planted = `${SESSION_COOKIE}=${'A'.repeat(43)}`;
      staff.tick();
      const first = await staff.signIn(a.name, a.password, totpCode(a.totpSecret, staff.now()), {
        cookie: planted,
      });
      expect(first.status).toBe(200);
      expect(first.cookie).toBeDefined();
      expect(first.cookie).not.toBe(planted);
      expect((await get(planted)).statusCode).toBe(401);
      // A session the browser already had (the attacker's own, say) ends at the next sign-in.
      const before = first.cookie ?? '';
      staff.tick();
      const second = await staff.signIn(a.name, a.password, totpCode(a.totpSecret, staff.now()), {
        cookie: before,
      });
      expect(second.status).toBe(200);
      expect(second.cookie).not.toBe(before);
      expect((await get(before)).statusCode).toBe(401);
      expect((await get(second.cookie ?? '')).statusCode).toBe(200);
      expect(second.json['csrfToken']).not.toBe(first.json['csrfToken']);
    });
  });

  describe('second factor', () => {
    it('takes a TOTP code once, with one step of clock drift either way, and not two', async () => {
      const a = staff.account('auditor');
      const signIn = (code: string) => staff.signIn(a.name, a.password, code);
      const codeAt = (offsetMs: number): string =>
        totpCode(a.totpSecret, new Date(staff.now().getTime() + offsetMs));
      staff.tick(120_000);
      const code = codeAt(0);
      expect((await signIn(code)).status).toBe(200);
      // The same code again, within its step: replayed.
      expect((await signIn(code)).status).toBe(401);
      // An authenticator 30 s behind or ahead is good; 60 s either way is not.
      for (const [offset, status] of [
        [-30_000, 200],
        [30_000, 200],
        [-60_000, 401],
        [60_000, 401],
      ] as const) {
        staff.tick(120_000);
        expect((await signIn(codeAt(offset))).status, `${String(offset)} ms`).toBe(status);
      }
    });

    it('takes each recovery code once, whatever its case', async () => {
      const a = staff.account('observer');
      const recovery = a.recoveryCodes[0] ?? '';
      expect((await staff.signIn(a.name, a.password, recovery.toUpperCase())).status).toBe(200);
      expect((await staff.signIn(a.name, a.password, recovery)).status).toBe(401);
      // Another code of the same member is still good, once.
      expect((await staff.signIn(a.name, a.password, a.recoveryCodes[1] ?? '')).status).toBe(200);
    });
  });

  describe('guessing', () => {
    it(`locks an account for 15 minutes after ${String(MAX_FAILURES)} failures, even to the right password and code`, async () => {
      const a = await staff.add('locked.one', 'reviewer');
      for (let i = 0; i < MAX_FAILURES; i++) {
        const res = await staff.signIn(a.name, 'wrong password', '123456', { ip: '10.0.2.1' });
        expect(res.status).toBe(401);
      }
      const right = () =>
        staff.signIn(a.name, a.password, totpCode(a.totpSecret, staff.now()), { ip: '10.0.2.2' });
      staff.tick();
      expect((await right()).status).toBe(401);
      staff.tick(LOCKOUT_MS - 60_000);
      expect((await right()).status).toBe(401);
      staff.tick(60_000);
      expect((await right()).status).toBe(200);
    });

    it('answers an unknown name, a wrong password, a wrong code and a locked account byte for byte alike', async () => {
      const a = await staff.add('guessed.one', 'desk');
      const wrongCode = (): string =>
        totpCode(a.totpSecret, staff.now()) === '000000' ? '111111' : '000000';
      staff.tick();
      const answers = [
        await staff.signIn('nobody.here', a.password, '123456', { ip: '10.0.1.1' }),
        await staff.signIn('Not A Name', a.password, '123456', { ip: '10.0.1.2' }),
        await staff.signIn(a.name, `${a.password}x`, totpCode(a.totpSecret, staff.now()), {
          ip: '10.0.1.3',
        }),
        await staff.signIn(a.name, a.password, wrongCode(), { ip: '10.0.1.4' }),
        await staff.signIn(a.name, a.password, '', { ip: '10.0.1.5' }),
      ];
      // Failures up to the lockout: the account is locked now.
      for (let i = 3; i < MAX_FAILURES; i++) {
        answers.push(await staff.signIn(a.name, 'guess', '123456', { ip: '10.0.1.6' }));
      }
      // An unknown name is counted as often, and answered alike after as many.
      for (let i = 0; i <= MAX_FAILURES; i++) {
        answers.push(await staff.signIn('nobody.here', 'guess', '123456', { ip: '10.0.1.6' }));
      }
      staff.tick();
      answers.push(
        await staff.signIn(a.name, a.password, totpCode(a.totpSecret, staff.now()), {
          ip: '10.0.1.7',
        }),
      );
      const [first] = answers;
      for (const res of answers) {
        expect(res.status).toBe(401);
        expect(res.body).toBe(first?.body);
        expect(res.cookie).toBeUndefined();
      }
    });
  });

  describe('staff accounts', () => {
    const asAdmin = async (url: string, body?: unknown) =>
      staff.request('POST', url, await staff.sessionFor('admin'), body);

    it('shows admins each member’s state, never a secret or a hash', async () => {
      const res = await staff.request('GET', '/staff/members', await staff.sessionFor('admin'));
      expect(res.statusCode).toBe(200);
      const { members } = res.json<{ members: Json[] }>();
      expect(members.map((m) => m['name'])).toContain('desk.one');
      for (const m of members) {
        expect(Object.keys(m).sort()).toEqual(['createdAt', 'disabled', 'locked', 'name', 'role']);
      }
      const a = staff.account('desk');
      for (const secret of [a.password, a.totpSecret, ...a.recoveryCodes, 'scrypt$']) {
        expect(res.body).not.toContain(secret);
      }
    });

    it('adds a member and shows what they sign in with once; the name is then taken', async () => {
      const added = await asAdmin('/staff/members', { name: 'new.one', role: 'desk' });
      expect(added.statusCode).toBe(201);
      const a = added.json<NewAccount>();
      expect(a).toMatchObject({ name: 'new.one', role: 'desk' });
      expect(a.totpUri).toContain('otpauth://totp/');
      expect(a.recoveryCodes).toHaveLength(10);
      await staff.sessionOf('desk', a);
      expect((await asAdmin('/staff/members', { name: 'new.one', role: 'desk' })).statusCode).toBe(
        409,
      );
      for (const body of [
        { name: 'Bad Name', role: 'desk' },
        { name: 'other.one', role: 'root' },
      ]) {
        const res = await asAdmin('/staff/members', body);
        expect(res.statusCode).toBe(400);
        expect(res.json<Json>()['error']).toMatchObject({ code: 'invalid_staff' });
      }
    });

    it('signs a disabled member out at once, and lets them sign in only once enabled', async () => {
      const a = await staff.add('disabled.one', 'reviewer');
      const theirs = await staff.sessionOf('reviewer', a);
      expect((await asAdmin('/staff/members/disabled.one/disable')).statusCode).toBe(204);
      expect((await staff.request('GET', '/staff/session', theirs)).statusCode).toBe(401);
      staff.tick();
      const refused = await staff.signIn(a.name, a.password, totpCode(a.totpSecret, staff.now()));
      // The same answer as any failure: disabling tells nobody the name exists.
      const unknown = await staff.signIn('nobody.here', a.password, '123456');
      expect(refused.status).toBe(401);
      expect(refused.body).toBe(unknown.body);
      expect((await asAdmin('/staff/members/disabled.one/enable')).statusCode).toBe(204);
      await staff.sessionOf('reviewer', a);
    });

    it('lets no admin disable themselves', async () => {
      const res = await asAdmin('/staff/members/admin.one/disable');
      expect(res.statusCode).toBe(409);
      expect(res.json<Json>()['error']).toMatchObject({ code: 'own_account' });
    });

    it('resets a member: the old password, code and recovery codes are worthless, and so are their sessions', async () => {
      const a = await staff.add('reset.one', 'desk');
      const theirs = await staff.sessionOf('desk', a);
      const res = await asAdmin('/staff/members/reset.one/reset');
      expect(res.statusCode).toBe(200);
      const fresh = res.json<NewAccount>();
      expect(fresh.password).not.toBe(a.password);
      expect(fresh.totpSecret).not.toBe(a.totpSecret);
      expect((await staff.request('GET', '/staff/session', theirs)).statusCode).toBe(401);
      staff.tick();
      const old = await staff.signIn(a.name, a.password, totpCode(a.totpSecret, staff.now()));
      expect(old.status).toBe(401);
      expect((await staff.signIn(a.name, fresh.password, a.recoveryCodes[0] ?? '')).status).toBe(
        401,
      );
      await staff.sessionOf('desk', fresh);
    });

    it('changes one’s password: every other session ends, this one gets a new token, the old one is worthless', async () => {
      const a = await staff.add('changer.one', 'observer');
      const stolen = await staff.sessionOf('observer', a);
      const mine = await staff.sessionOf('observer', a);
      const next = 'a new password of some length';
      const change = (currentPassword: string, newPassword: string) =>
        staff.request('POST', '/staff/password', mine, { currentPassword, newPassword });
      for (const [current, fresh, code] of [
        [a.password, 'too short', 'invalid_password'],
        [a.password, 'x'.repeat(1025), 'invalid_password'],
        [a.password, a.password, 'same_password'],
      ] as const) {
        const res = await change(current, fresh);
        expect(res.statusCode).toBe(400);
        expect(res.json<Json>()['error']).toMatchObject({ code });
      }
      const changed = await change(a.password, next);
      expect(changed.statusCode).toBe(204);
      const cookie = [changed.headers['set-cookie'] ?? []].flat()[0]?.split(';')[0] ?? '';
      expect(cookie).toMatch(new RegExp(`^${SESSION_COOKIE}=`));
      expect(cookie).not.toBe(mine.cookie);
      for (const old of [stolen, mine]) {
        expect((await staff.request('GET', '/staff/session', old)).statusCode).toBe(401);
      }
      const now = await app.inject({ method: 'GET', url: '/staff/session', headers: { cookie } });
      expect(now.statusCode).toBe(200);
      expect(now.json<Json>()['csrfToken']).not.toBe(mine.csrf);
      staff.tick();
      const code = totpCode(a.totpSecret, staff.now());
      expect((await staff.signIn(a.name, a.password, code)).status).toBe(401);
      await staff.sessionOf('observer', { ...a, password: next });
    });

    it('counts a wrong current password towards the lockout', async () => {
      const a = await staff.add('stolen.one', 'observer');
      const stolen = await staff.sessionOf('observer', a);
      for (let i = 0; i < MAX_FAILURES; i++) {
        const res = await staff.request('POST', '/staff/password', stolen, {
          currentPassword: `guess ${String(i)}`,
          newPassword: 'the thief’s own password',
        });
        expect(res.statusCode).toBe(403);
        expect(res.json<Json>()['error']).toMatchObject({ code: 'wrong_password' });
      }
      staff.tick();
      const right = await staff.signIn(a.name, a.password, totpCode(a.totpSecret, staff.now()));
      expect(right.status).toBe(401);
      // While locked, even the right current password changes nothing.
      const locked = await staff.request('POST', '/staff/password', stolen, {
        currentPassword: a.password,
        newPassword: 'the thief’s own password',
      });
      expect(locked.statusCode).toBe(403);
    });

    it('records every change to an account with who made it, for admins and auditors', async () => {
      const res = await staff.request('GET', '/staff/events', await staff.sessionFor('auditor'));
      expect(res.statusCode).toBe(200);
      const { events } = res.json<{ events: Json[] }>();
      const seen = events.map(
        (e) => `${String(e['actor'])} ${String(e['action'])} ${String(e['subject'])}`,
      );
      expect(seen).toEqual(
        expect.arrayContaining([
          'admin.one added new.one',
          'admin.one disabled disabled.one',
          'admin.one enabled disabled.one',
          'admin.one reset reset.one',
          'changer.one password_changed changer.one',
          'null added desk.one',
        ]),
      );
      // Newest first.
      const ids = events.map((e) => e['id'] as number);
      expect(ids).toEqual([...ids].sort((x, y) => y - x));
    });
  });
});
