// The staff API over a fresh store holding the sample election, one staff member of each role
// and a clock the tests move: what the staff API and security tests sign in to. Every sign-in
// runs scrypt at its full cost (128 MiB, a few hundred ms; longer beside other tests).
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { sampleElection } from '../../core/testonly/fixtures.js';
import { importElection } from '../../ingest/elections.js';
import { changeRoster } from '../../ingest/roster.js';
import { encodeVerifierKey, type Signer } from '../../log/note.js';
import { testSigner } from '../../log/testonly/signers.js';
import { ROLES, totpCode, type Role } from '../../staff/credentials.js';
import { StaffAccounts, type NewAccount } from '../../staff/staff.js';
import type { StoreKind, TestStore } from '../../store/testonly/stores.js';
import { ElectionRegistry } from '../elections.js';
import { buildIngestApp } from '../ingest_app.js';
import { CSRF_HEADER } from '../staff_session.js';
import { TEST_PASSWORD_COST } from '../../staff/testonly/password_cost.js';

export type Json = Record<string, unknown>;

/** A sign-in's answer: its status and body, and the session cookie it set, if any. */
export interface SignInAnswer {
  readonly status: number;
  readonly json: Json;
  /** `tally_staff=<token>`, as a request's cookie header sends it. */
  readonly cookie?: string;
  /** The whole set-cookie header. */
  readonly setCookie?: string;
  /** The body's bytes as sent. */
  readonly body: string;
}

export interface StaffSession {
  readonly cookie: string;
  readonly csrf: string;
}

export interface StaffTestApp {
  readonly app: FastifyInstance;
  readonly t: TestStore;
  readonly staff: StaffAccounts;
  /** The sample election's id. */
  readonly election: string;
  now(): Date;
  /** Moves the clock on (by default to the next TOTP step, so that a new code is good). */
  tick(ms?: number): void;
  /** The staff member of `role` the set-up added (`<role>.one`). */
  account(role: Role): NewAccount;
  /** Adds a staff member, as the server's command line does. */
  add(name: string, role: Role): Promise<NewAccount>;
  signIn(
    name: string,
    password: string,
    code: string,
    options?: { readonly ip?: string; readonly cookie?: string },
  ): Promise<SignInAnswer>;
  /** A new session of `account` (by default the set-up's member of `role`), or it throws. */
  sessionOf(role: Role, account?: NewAccount): Promise<StaffSession>;
  /** A session of the set-up's member of `role`: the same one while it lasts. */
  sessionFor(role: Role): Promise<StaffSession>;
  /** A staff request as a browser with `session` makes it: JSON, with its CSRF token. */
  request(
    method: 'GET' | 'POST',
    url: string,
    session: StaffSession | undefined,
    body?: unknown,
  ): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function staffTestApp(
  kind: StoreKind,
  /** Keys to certify, each for its unit, by the election's authority. */
  certify: readonly (readonly [Signer, string])[] = [],
  /** An enrolment key the authority delegates a unit's roster to, which the server holds. */
  enrolment?: { readonly key: Signer; readonly unit: string; readonly expires: string },
  /** How often the control room's stream sends a status. */
  controlRoomEveryMs?: number,
): Promise<StaffTestApp> {
  let clock = new Date('2026-11-03T22:00:00Z');
  const t = await kind.create();
  const authority = testSigner('authority.sample');
  const definition = sampleElection([encodeVerifierKey(authority)]);
  const imported = await importElection(t.store, definition, new Date('2026-11-01T00:00:00Z'));
  if (!imported.ok) throw new Error(imported.error.message);
  for (const [key, unit] of certify) {
    const certified = await changeRoster(
      imported.value.ledger,
      definition,
      authority,
      { action: 'certify', unit, key: encodeVerifierKey(key) },
      new Date('2026-11-03T20:00:00Z'),
    );
    if (!certified.ok) throw new Error(certified.error.message);
  }
  const staff = new StaffAccounts(t.store, TEST_PASSWORD_COST);
  const add = async (name: string, role: Role): Promise<NewAccount> => {
    const added = await staff.add(name, role, clock);
    if (!added.ok) throw new Error(added.error.message);
    return added.value;
  };
  const accounts = new Map<Role, NewAccount>();
  for (const role of ROLES) accounts.set(role, await add(`${role}.one`, role));
  if (enrolment !== undefined) {
    const delegated = await changeRoster(
      imported.value.ledger,
      definition,
      authority,
      {
        action: 'delegate',
        unit: enrolment.unit,
        key: encodeVerifierKey(enrolment.key),
        expires: enrolment.expires,
      },
      new Date('2026-11-03T20:00:00Z'),
    );
    if (!delegated.ok) throw new Error(delegated.error.message);
  }
  const app = await buildIngestApp({
    passwordCost: TEST_PASSWORD_COST,
    store: t.store,
    elections: new ElectionRegistry(t.store),
    now: () => clock,
    ...(enrolment === undefined ? {} : { enrolmentSigner: enrolment.key }),
    ...(controlRoomEveryMs === undefined ? {} : { controlRoomEveryMs }),
  });

  const account = (role: Role): NewAccount => {
    const a = accounts.get(role);
    if (a === undefined) throw new Error(`no ${role}`);
    return a;
  };
  const tick = (ms = 30_000): void => {
    clock = new Date(clock.getTime() + ms);
  };
  // Each sign-in from an address of its own unless told, so that the limit on one address's
  // attempts stops none but the tests of it.
  let signIns = 0;
  const signIn: StaffTestApp['signIn'] = async (name, password, code, options = {}) => {
    signIns += 1;
    const res = await app.inject({
      method: 'POST',
      url: '/staff/sign-in',
      remoteAddress: options.ip ?? `10.9.${String(signIns >> 8)}.${String(signIns & 255)}`,
      headers: {
        'content-type': 'application/json',
        ...(options.cookie === undefined ? {} : { cookie: options.cookie }),
      },
      payload: JSON.stringify({ name, password, code }),
    });
    const setCookie = [res.headers['set-cookie'] ?? []].flat()[0];
    const cookie = setCookie?.split(';')[0];
    return {
      status: res.statusCode,
      json: res.json<Json>(),
      body: res.body,
      ...(cookie === undefined ? {} : { cookie, setCookie }),
    };
  };
  const sessionOf: StaffTestApp['sessionOf'] = async (role, a = account(role)) => {
    tick();
    const res = await signIn(a.name, a.password, totpCode(a.totpSecret, clock));
    if (res.status !== 200 || res.cookie === undefined) {
      throw new Error(`${a.name} could not sign in: ${res.body}`);
    }
    return { cookie: res.cookie, csrf: res.json['csrfToken'] as string };
  };
  const sessions = new Map<Role, StaffSession>();
  const sessionFor: StaffTestApp['sessionFor'] = async (role) => {
    const known = sessions.get(role);
    if (known !== undefined) {
      const res = await app.inject({
        method: 'GET',
        url: '/staff/session',
        headers: { cookie: known.cookie },
      });
      if (res.statusCode === 200) return known;
    }
    const session = await sessionOf(role);
    sessions.set(role, session);
    return session;
  };
  return {
    app,
    t,
    staff,
    election: 'sample-2026',
    now: () => clock,
    tick,
    account,
    add,
    signIn,
    sessionOf,
    sessionFor,
    request: (method, url, session, body) => {
      const options: InjectOptions = {
        method,
        url,
        headers: {
          ...(session === undefined ? {} : { cookie: session.cookie, [CSRF_HEADER]: session.csrf }),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
      };
      return app.inject(options);
    },
    close: async () => {
      await app.close();
      await t.dispose();
    },
  };
}
