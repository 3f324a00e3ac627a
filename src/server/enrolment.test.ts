// Keys and enrolment with a delegated enrolment key: the authority's key stays offline; admins
// certify and revoke unit keys within the delegation, and a device registers the key it made
// with a one-time code. Every change is a roster statement the verifier holds to the delegation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeLogEntry } from '../core/log_entry.js';
import { sampleSubmission } from '../core/testonly/fixtures.js';
import { signSubmission } from '../ingest/submit_client.js';
import { encodeVerifierKey } from '../log/note.js';
import { testSigner } from '../log/testonly/signers.js';
import { storeKinds } from '../store/testonly/stores.js';
import { replayLog } from '../verify/replay.js';
import { inProcessWorkers, type VerifyProblem } from '../verify/verify.js';
import { ElectionRegistry } from './elections.js';
import { staffTestApp, type StaffTestApp } from './testonly/staff_app.js';

for (const kind of storeKinds) {
  describe.skipIf(!kind.available)(`keys and enrolment (${kind.name})`, { timeout: 60_000 }, () => {
    let s: StaffTestApp;
    const enrolmentKey = testSigner('enrol.north');
    beforeAll(async () => {
      s = await staffTestApp(kind, [], {
        key: enrolmentKey,
        unit: 'north',
        expires: '2026-11-04T06:00:00Z',
      });
    });
    afterAll(() => s.close());

    const enrol = (code: string | undefined, key: string) =>
      s.app.inject({
        method: 'POST',
        url: `/v1/elections/${s.election}/enrolments`,
        headers: {
          'content-type': 'application/json',
          ...(code === undefined ? {} : { authorization: `Bearer ${code}` }),
        },
        payload: JSON.stringify({ key }),
      });
    const logNow = async () => {
      const ingest = await new ElectionRegistry(s.t.store).get(s.election);
      const read = await ingest?.log.entries(0n, Number(ingest.log.size));
      if (read?.ok !== true) throw new Error('log unreadable');
      const problems: VerifyProblem[] = [];
      await replayLog(read.value, inProcessWorkers(1), problems);
      return { entries: read.value, problems };
    };

    it('lets a device enrol the key it made with a one-time code, once', async () => {
      const admin = await s.sessionFor('admin');
      const issued = await s.request(
        'POST',
        `/staff/elections/${s.election}/enrolment-codes`,
        admin,
        {
          unit: 'n-2',
        },
      );
      expect(issued.statusCode).toBe(201);
      const { code, enrolPath } = issued.json<{ code: string; enrolPath: string }>();
      expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      expect(enrolPath).toBe(`/v1/elections/${s.election}/enrolments`);

      const device = testSigner('n-2.phone');
      // Without a code, with a wrong one: 401, nothing logged.
      expect((await enrol(undefined, encodeVerifierKey(device))).statusCode).toBe(401);
      // The path as the OpenAPI description writes it, no body: 401 all the same.
      const bare = await s.app.inject({
        method: 'POST',
        url: '/v1/elections/{election}/enrolments',
      });
      expect(bare.statusCode).toBe(401);
      expect((await enrol('AAAA-BBBB-CCCC', encodeVerifierKey(device))).statusCode).toBe(401);
      const enrolled = await enrol(code.toLowerCase(), encodeVerifierKey(device));
      expect(enrolled.statusCode).toBe(201);
      expect(enrolled.json()).toMatchObject({ unit: 'n-2' });
      // Good once.
      const again = await enrol(code, encodeVerifierKey(testSigner('n-2.other')));
      expect(again.json<{ error: { code: string } }>().error.code).toBe('invalid_code');

      // The device's key signs for its unit, and the log replays clean.
      const ingest = await new ElectionRegistry(s.t.store).get(s.election);
      const body = JSON.stringify(signSubmission(sampleSubmission('n-2'), device));
      const receipt = await ingest?.submit(new TextEncoder().encode(body));
      expect(receipt?.receipt.status).toBe('accepted');
      const { entries, problems } = await logNow();
      expect(problems).toEqual([]);
      const statement = entries
        .map((b) => decodeLogEntry(b))
        .find((e) => e.ok && e.value.type === 'roster' && e.value.statement.unit === 'n-2');
      expect(statement?.ok === true && statement.value).toMatchObject({
        type: 'roster',
        statement: { action: 'certify', unit: 'n-2' },
        delegation: { key: encodeVerifierKey(enrolmentKey) },
      });
    });

    it('keeps codes and keys within the delegation: a South unit is refused', async () => {
      const admin = await s.sessionFor('admin');
      const south = await s.request('POST', `/staff/elections/${s.election}/keys`, admin, {
        unit: 's-1',
        key: encodeVerifierKey(testSigner('s-1.app')),
      });
      expect(south.statusCode).toBe(409);
      expect(south.json<{ error: { code: string } }>().error.code).toBe('delegation_scope');
      // A code for a South unit is made, but what it would enrol is refused, and it stays good.
      const issued = await s.request(
        'POST',
        `/staff/elections/${s.election}/enrolment-codes`,
        admin,
        {
          unit: 's-1',
        },
      );
      const { code } = issued.json<{ code: string }>();
      const refused = await enrol(code, encodeVerifierKey(testSigner('s-1.phone')));
      expect(refused.json<{ error: { code: string } }>().error.code).toBe('delegation_scope');
    });

    it('certifies and revokes a unit key for an admin, and nobody else', async () => {
      const key = encodeVerifierKey(testSigner('n-1.tablet'));
      const reviewer = await s.sessionFor('reviewer');
      const forbidden = await s.request('POST', `/staff/elections/${s.election}/keys`, reviewer, {
        unit: 'n-1',
        key,
      });
      expect(forbidden.statusCode).toBe(403);
      const admin = await s.sessionFor('admin');
      const certified = await s.request('POST', `/staff/elections/${s.election}/keys`, admin, {
        unit: 'n-1',
        key,
      });
      expect(certified.statusCode).toBe(201);
      const revoked = await s.request('POST', `/staff/elections/${s.election}/keys/revoke`, admin, {
        key,
      });
      expect(revoked.statusCode).toBe(201);
      expect(revoked.json()).toMatchObject({ unit: 'n-1' });
      const { problems } = await logNow();
      expect(problems).toEqual([]);
    });
  });
}

describe('keys and enrolment without an enrolment key', { timeout: 60_000 }, () => {
  it('says how to give the server one', async () => {
    const kind = storeKinds.find((k) => k.name === 'sqlite');
    if (kind === undefined) throw new Error('no SQLite');
    const s = await staffTestApp(kind);
    try {
      const admin = await s.sessionFor('admin');
      const answer = await s.request(
        'POST',
        `/staff/elections/${s.election}/enrolment-codes`,
        admin,
        {
          unit: 'n-1',
        },
      );
      expect(answer.statusCode).toBe(409);
      expect(answer.json<{ error: { message: string } }>().error.message).toMatch(
        /--enrolment-key-file/,
      );
    } finally {
      await s.close();
    }
  });
});
