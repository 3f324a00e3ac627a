// Keys and enrolment with a delegated enrolment key: the authority's key stays offline; admins
// certify and revoke unit keys within the delegation, and a device registers the key it made
// with a one-time code. Every change is a roster statement the verifier holds to the delegation.
// The roster as it stands is read back, key by key, with who signed each change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeLogEntry } from '../core/log_entry.js';
import { sampleSubmission } from '../core/testonly/fixtures.js';
import { Enrolment } from '../ingest/enrolment.js';
import { signSubmission } from '../ingest/submit_client.js';
import { keyRef } from '../log/envelope.js';
import { encodeVerifierKey, parseVerifierKey } from '../log/note.js';
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
    /** The North County office's key, which the authority certified itself. */
    const northOffice = testSigner('north.office');
    beforeAll(async () => {
      s = await staffTestApp(kind, [[northOffice, 'north']], {
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
    /** The reference of the election authority's key, as the definition names it. */
    const authorityRef = async (): Promise<string> => {
      const ingest = await new ElectionRegistry(s.t.store).get(s.election);
      const key = parseVerifierKey(ingest?.election.definition.authority.keys[0] ?? '');
      if (!key.ok) throw new Error('no authority key');
      return keyRef(key.value);
    };
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

    it('never signs into the log a statement the verifier could not read back', async () => {
      const ingest = await new ElectionRegistry(s.t.store).get(s.election);
      if (ingest === undefined) throw new Error('no election');
      const before = ingest.log.size;
      const enrolment = new Enrolment(s.t.store, ingest.election, ingest.ledger, enrolmentKey);
      const changed = await enrolment.change({
        action: 'certify',
        unit: 'n-1',
        key: encodeVerifierKey(testSigner('n-1.spare2')),
        by: 'Not A Staff Name',
      });
      expect(changed.ok ? undefined : changed.error.code).toBe('malformed_statement');
      expect(ingest.log.size).toBe(before);
    });

    it('lists the roster as it stands: each key active or revoked, its entries and who signed them', async () => {
      const admin = await s.sessionFor('admin');
      const keys = `/staff/elections/${s.election}/keys`;
      // A device enrols with a code an admin made; an admin certifies a spare and revokes it.
      const issued = await s.request(
        'POST',
        `/staff/elections/${s.election}/enrolment-codes`,
        admin,
        {
          unit: 'n-1',
        },
      );
      const phone = testSigner('n-1.phone');
      const enrolled = await enrol(issued.json<{ code: string }>().code, encodeVerifierKey(phone));
      expect(enrolled.statusCode).toBe(201);
      // Signing in moves the test's clock on: the time they were made at.
      const madeAt = s.now().toISOString();
      const spare = testSigner('n-1.spare');
      const certified = await s.request('POST', keys, admin, {
        unit: 'n-1',
        key: encodeVerifierKey(spare),
      });
      const revoked = await s.request('POST', `${keys}/revoke`, admin, {
        key: encodeVerifierKey(spare),
      });
      expect([certified.statusCode, revoked.statusCode]).toEqual([201, 201]);

      interface Listed {
        ref: string;
        key: string;
        unit: string;
        state: string;
        certified: {
          entry: number;
          time: string;
          signedBy: Record<string, unknown>;
          by?: string;
        };
        revoked?: { entry: number; signedBy: Record<string, unknown>; by?: string };
        enrolment?: { codeBy: string; codeMadeAt: string };
      }
      const auditor = await s.sessionFor('auditor');
      const ofN1 = await s.request('GET', `${keys}?unit=n-1`, auditor);
      expect(ofN1.statusCode).toBe(200);
      const listed = ofN1.json<{ total: number; keys: Listed[] }>();
      expect(listed.keys.every((k) => k.unit === 'n-1')).toBe(true);
      expect(listed.total).toBe(listed.keys.length);
      const byEnrolmentKey = {
        type: 'delegation',
        signer: keyRef(enrolmentKey),
        delegation: expect.any(Number) as number,
      };
      expect(listed.keys.find((k) => k.ref === keyRef(phone))).toEqual({
        ref: keyRef(phone),
        key: encodeVerifierKey(phone),
        unit: 'n-1',
        state: 'active',
        // On the word of the admin who made the code, as the log's statement names them.
        certified: {
          entry: enrolled.json<{ entry: number }>().entry,
          time: madeAt,
          signedBy: byEnrolmentKey,
          by: 'admin.one',
        },
        enrolment: { codeBy: 'admin.one', codeMadeAt: madeAt },
      });
      expect(listed.keys.find((k) => k.ref === keyRef(spare))).toMatchObject({
        state: 'revoked',
        certified: {
          entry: certified.json<{ entry: number }>().entry,
          signedBy: byEnrolmentKey,
          by: 'admin.one',
        },
        revoked: {
          entry: revoked.json<{ entry: number }>().entry,
          signedBy: byEnrolmentKey,
          by: 'admin.one',
        },
      });
      expect(listed.keys.find((k) => k.ref === keyRef(spare))?.enrolment).toBeUndefined();

      // The key the authority certified itself says so; observers read the roster too.
      const observer = await s.sessionFor('observer');
      const ofNorth = await s.request('GET', `${keys}?unit=north`, observer);
      expect(ofNorth.json<{ keys: Listed[] }>().keys).toMatchObject([
        {
          ref: keyRef(northOffice),
          state: 'active',
          certified: {
            signedBy: { type: 'authority', signer: await authorityRef() },
          },
        },
      ]);

      // Every unit's keys, newest first.
      const all = (await s.request('GET', keys, admin)).json<{ total: number; keys: Listed[] }>();
      expect(all.total).toBe(all.keys.length);
      expect(all.keys.map((k) => k.unit)).toEqual(expect.arrayContaining(['n-1', 'n-2', 'north']));
      const entries = all.keys.map((k) => k.certified.entry);
      expect(entries).toEqual([...entries].sort((a, b) => b - a));

      // A unit the election lacks is the request's fault; those who key or decide results do
      // not read the roster here.
      const unknown = await s.request('GET', `${keys}?unit=nowhere`, admin);
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json<{ error: { code: string } }>().error.code).toBe('unknown_unit');
      for (const role of ['desk', 'reviewer'] as const)
        expect((await s.request('GET', keys, await s.sessionFor(role))).statusCode).toBe(403);
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
