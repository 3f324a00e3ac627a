// The election definition in the staff API: every role signed in reads it, as it was imported;
// nobody signed out does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleDefinition } from '../core/testonly/fixtures.js';
import { ROLES } from '../staff/credentials.js';
import { storeKinds } from '../store/testonly/stores.js';
import { staffTestApp, type StaffTestApp } from './testonly/staff_app.js';

const sqlite = storeKinds.find((k) => k.name === 'sqlite');

describe('GET /staff/elections/:election/definition', { timeout: 60_000 }, () => {
  let staff: StaffTestApp;

  beforeAll(async () => {
    if (sqlite === undefined) throw new Error('no SQLite');
    staff = await staffTestApp(sqlite);
  }, 60_000);
  afterAll(async () => {
    await staff.close();
  });

  const url = '/staff/elections/sample-2026/definition';

  it('answers 401 to a request without a session', async () => {
    const res = await staff.request('GET', url, undefined);
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ error: { code: 'not_signed_in' } });
  });

  it('answers every role the definition as imported: names, units, contests, vote types, test', async () => {
    // The set-up's authority key is its own: the rest is the sample definition as written.
    const expected = { ...sampleDefinition(['any']), authority: undefined };
    for (const role of ROLES) {
      const res = await staff.request('GET', url, await staff.sessionFor(role));
      expect(res.statusCode, role).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      const { authority, ...rest } = res.json<Record<string, unknown>>();
      expect(rest, role).toEqual(JSON.parse(JSON.stringify(expected)));
      expect(authority).toEqual({ keys: [expect.stringMatching(/^authority\.sample\+/)] });
    }
    const definition = (await staff.request('GET', url, await staff.sessionFor('desk'))).json<{
      test: boolean;
      units: { id: string; registeredVoters?: number }[];
    }>();
    expect(definition.test).toBe(true);
    expect(definition.units.find((u) => u.id === 'n-1')?.registeredVoters).toBe(1000);
  });

  it('answers 404 for an election the server does not hold', async () => {
    const res = await staff.request(
      'GET',
      '/staff/elections/nowhere-2026/definition',
      await staff.sessionFor('observer'),
    );
    expect(res.statusCode).toBe(404);
  });
});
