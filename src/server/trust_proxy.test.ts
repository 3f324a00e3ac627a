// Behind a reverse proxy that terminates TLS, the staff session cookie is Secure only when the
// server trusts the proxy's X-Forwarded-Proto (tally serve --trust-proxy); without that trust a
// client's own header changes nothing.
import { describe, expect, it } from 'vitest';
import { totpCode } from '../staff/credentials.js';
import { StaffAccounts } from '../staff/staff.js';
import { storeKinds } from '../store/testonly/stores.js';
import { ElectionRegistry } from './elections.js';
import { buildIngestApp } from './ingest_app.js';
import { TEST_PASSWORD_COST } from '../staff/testonly/password_cost.js';

const sqlite = storeKinds.find((k) => k.name === 'sqlite');

describe('the staff cookie behind a reverse proxy', { timeout: 60_000 }, () => {
  it('is Secure over TLS the trusted proxy reports, and only then', async () => {
    if (sqlite === undefined) throw new Error('no SQLite');
    const t = await sqlite.create();
    try {
      const now = new Date('2026-11-03T22:00:00Z');
      const added = await new StaffAccounts(t.store, TEST_PASSWORD_COST).add(
        'rosa.parks',
        'reviewer',
        now,
      );
      if (!added.ok) throw new Error(added.error.message);
      const a = added.value;
      const cookieOf = async (trustProxy: boolean, step: number): Promise<string> => {
        const app = await buildIngestApp({
          passwordCost: TEST_PASSWORD_COST,
          store: t.store,
          elections: new ElectionRegistry(t.store),
          trustProxy,
          now: () => new Date(now.getTime() + step * 30_000),
        });
        try {
          const res = await app.inject({
            method: 'POST',
            url: '/staff/sign-in',
            headers: {
              'content-type': 'application/json',
              'x-forwarded-proto': 'https',
              'x-forwarded-for': '203.0.113.7',
            },
            payload: JSON.stringify({
              name: a.name,
              password: a.password,
              code: totpCode(a.totpSecret, new Date(now.getTime() + step * 30_000)),
            }),
          });
          expect(res.statusCode).toBe(200);
          return String(res.headers['set-cookie']);
        } finally {
          await app.close();
        }
      };
      expect(await cookieOf(true, 0)).toContain('Secure');
      expect(await cookieOf(false, 1)).not.toContain('Secure');
    } finally {
      await t.dispose();
    }
  });
});
