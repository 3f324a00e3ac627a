// The routes the precinct reporter app calls beyond submissions and receipts: the public
// definition, the enrolment address the office's QR code holds, a key's place in the roster, and
// the upload of a tally sheet's photo signed by the device's own key. The phone's side is the
// app's own code (src/web/reporter/), run here on Node's WebCrypto: a key made as the browser
// makes it enrols, signs a report the server accepts (the same receipt for a re-send), and proves
// the receipt's inclusion against a checkpoint.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleSubmission } from '../core/testonly/fixtures.js';
import { logOrigin } from '../ingest/checkpoints.js';
import { testSigner } from '../log/testonly/signers.js';
import { storeKinds } from '../store/testonly/stores.js';
import {
  deviceKeyName,
  deviceKeyOf,
  makeKeyPair,
  type DeviceKey,
} from '../web/reporter/device_key.js';
import { checkInclusion, type ProvenReceipt } from '../web/reporter/inclusion.js';
import { settledBy } from '../web/reporter/outbox.js';
import { evidenceAuthorization, signSubmission } from '../web/reporter/signing.js';
import { ElectionRegistry } from './elections.js';
import { staffTestApp, type StaffTestApp } from './testonly/staff_app.js';

/** A photo of a tally sheet, as small as a PNG gets: one white pixel. */
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==',
  'base64',
);
/** The SHA-256 a report names its photo by (the photo need not be uploaded first). */
const NAMED_PHOTO = '5e'.repeat(32);

for (const kind of storeKinds) {
  describe.skipIf(!kind.available)(
    `the reporter app’s routes (${kind.name})`,
    { timeout: 60_000 },
    () => {
      let s: StaffTestApp;
      const enrolmentKey = testSigner('enrol.sample');
      let phone: DeviceKey;

      beforeAll(async () => {
        s = await staffTestApp(kind, [], {
          key: enrolmentKey,
          unit: 'state',
          expires: '2026-11-05T00:00:00Z',
        });
        phone = await deviceKeyOf(deviceKeyName('n-1'), await makeKeyPair());
      });
      afterAll(() => s.close());

      const get = (url: string) => s.app.inject({ method: 'GET', url });
      const enrol = async (unit: string, key: DeviceKey) => {
        const admin = await s.sessionFor('admin');
        const issued = await s.request(
          'POST',
          `/staff/elections/${s.election}/enrolment-codes`,
          admin,
          {
            unit,
          },
        );
        const { code } = issued.json<{ code: string }>();
        return s.app.inject({
          method: 'POST',
          url: `/v1/elections/${s.election}/enrolments`,
          headers: { 'content-type': 'application/json', authorization: `Bearer ${code}` },
          payload: JSON.stringify({ key: key.verifierKey }),
        });
      };
      const upload = (
        body: Uint8Array,
        type: string,
        authorization?: string,
        election = s.election,
      ) =>
        s.app.inject({
          method: 'POST',
          url: `/v1/elections/${election}/evidence`,
          headers: {
            'content-type': type,
            ...(authorization === undefined ? {} : { authorization }),
          },
          payload: Buffer.from(body),
        });

      it('answers the definition to anyone, as the staff route answers it to staff', async () => {
        const open = await get(`/v1/elections/${s.election}/definition`);
        expect(open.statusCode).toBe(200);
        expect(open.headers['content-type']).toBe('application/json; charset=utf-8');
        expect(open.headers['set-cookie']).toBeUndefined();
        const staff = await s.request(
          'GET',
          `/staff/elections/${s.election}/definition`,
          await s.sessionFor('observer'),
        );
        expect(open.body).toBe(staff.body);
        expect(open.json<{ id: string; test: boolean }>()).toMatchObject({
          id: s.election,
          test: true,
        });
        const unknown = await get('/v1/elections/no-such-election/definition');
        expect(unknown.statusCode).toBe(404);
        expect(unknown.json()).toMatchObject({ error: { code: 'unknown_election' } });
      });

      it('sends the enrolment address a phone opens on to the reporter app, fragment and all', async () => {
        const res = await get(`/v1/elections/${s.election}/enrolments`);
        expect(res.statusCode).toBe(303);
        // No fragment here: the browser keeps the one it opened (the unit and the code).
        expect(res.headers.location).toBe(`/report/?election=${s.election}`);
        expect(res.headers['cache-control']).toBe('no-store');
        const bad = await get('/v1/elections/not%20an%20id/enrolments');
        expect(bad.statusCode).toBe(400);
      });

      it('enrols the key the phone made, and tells the phone where the roster has it', async () => {
        const ref = encodeURIComponent(phone.ref);
        expect((await get(`/v1/elections/${s.election}/keys/${ref}`)).statusCode).toBe(404);
        const enrolled = await enrol('n-1', phone);
        expect(enrolled.statusCode).toBe(201);
        expect(enrolled.json()).toMatchObject({ ref: phone.ref, unit: 'n-1' });
        const state = await get(`/v1/elections/${s.election}/keys/${ref}`);
        expect(state.statusCode).toBe(200);
        expect(state.json()).toEqual({ ref: phone.ref, unit: 'n-1', state: 'active' });
      });

      it('accepts the report the phone signs, gives a re-send the same receipt, and proves it', async () => {
        const signed = await signSubmission(
          {
            ...sampleSubmission('n-1'),
            evidence: [{ sha256: NAMED_PHOTO, kind: 'tally-sheet-photo' }],
          },
          phone,
        );
        const body = JSON.stringify(signed);
        const post = () =>
          s.app.inject({
            method: 'POST',
            url: `/v1/elections/${s.election}/submissions`,
            headers: { 'content-type': 'application/json' },
            payload: body,
          });
        const first = await post();
        expect(first.statusCode).toBe(201);
        const again = await post();
        expect(again.statusCode).toBe(200);
        expect(again.json()).toEqual(first.json());
        const settled = settledBy(
          { kind: 'submission', election: s.election, signed, body, queuedAt: '' },
          { type: 'answered', status: first.statusCode, body: first.json() },
        );
        if (settled === 'later' || settled.type !== 'receipt') throw new Error('not settled');
        expect(settled.receipt.status).toBe('accepted');

        const leaf = settled.receipt.leafIndex;
        const before = await get(`/v1/elections/${s.election}/receipts/${String(leaf)}`);
        expect(checkInclusion(settled.receipt, before.json<ProvenReceipt>())).toMatchObject({
          ok: false,
          error: { code: 'not_yet_checkpointed' },
        });
        // The server's checkpointer, as it runs every tenth of a second: the log as it stands now.
        const ingest = await new ElectionRegistry(s.t.store).get(s.election);
        await ingest?.ledger.checkpoint(
          logOrigin('tally.test', s.election),
          testSigner('tally.test'),
          new Date(),
        );
        const proven = await get(`/v1/elections/${s.election}/receipts/${String(leaf)}`);
        const checked = checkInclusion(settled.receipt, proven.json<ProvenReceipt>());
        expect(checked.ok).toBe(true);
        if (checked.ok) expect(checked.value.size).toBe(BigInt(leaf + 1));
      });

      it('keeps the photo a device of the roster signs, as the staff route keeps one', async () => {
        const sha = await crypto.subtle.digest('SHA-256', PHOTO);
        const hex = Buffer.from(sha).toString('hex');
        const res = await upload(PHOTO, 'image/png', await evidenceAuthorization(hex, phone));
        expect(res.statusCode).toBe(201);
        expect(res.json()).toEqual({ sha256: hex, mediaType: 'image/png', bytes: PHOTO.length });
        // The same photo again is kept once, and answered the same.
        const again = await upload(PHOTO, 'image/png', await evidenceAuthorization(hex, phone));
        expect(again.statusCode).toBe(201);
        const viewed = await s.request(
          'GET',
          `/staff/elections/${s.election}/evidence/${hex}`,
          await s.sessionFor('reviewer'),
        );
        expect(viewed.statusCode).toBe(200);
        expect(viewed.rawPayload.equals(PHOTO)).toBe(true);
      });

      it('refuses an upload no active roster key signs, before reading it', async () => {
        const hex = Buffer.from(await crypto.subtle.digest('SHA-256', PHOTO)).toString('hex');
        const none = await upload(PHOTO, 'image/png');
        expect(none.statusCode).toBe(401);
        expect(none.headers['www-authenticate']).toBe('Tally-Device');
        expect(none.json()).toMatchObject({ error: { code: 'device_signature_required' } });
        expect((await upload(PHOTO, 'image/png', 'Tally-Device only-a-ref')).statusCode).toBe(401);
        const stranger = await deviceKeyOf('stranger', await makeKeyPair());
        const unknown = await upload(
          PHOTO,
          'image/png',
          await evidenceAuthorization(hex, stranger),
        );
        expect(unknown.statusCode).toBe(403);
        expect(unknown.json()).toMatchObject({ error: { code: 'unknown_key' } });
        const elsewhere = await upload(
          PHOTO,
          'image/png',
          await evidenceAuthorization(hex, phone),
          'no-such',
        );
        expect(elsewhere.statusCode).toBe(404);
      });

      it('refuses a signature of another photo, and a file that is no photo', async () => {
        const other = 'ab'.repeat(32);
        const forged = await upload(PHOTO, 'image/png', await evidenceAuthorization(other, phone));
        expect(forged.statusCode).toBe(403);
        expect(forged.json()).toMatchObject({ error: { code: 'bad_signature' } });
        const text = new TextEncoder().encode('not a photo at all');
        const hex = Buffer.from(await crypto.subtle.digest('SHA-256', text)).toString('hex');
        const notPhoto = await upload(text, 'image/png', await evidenceAuthorization(hex, phone));
        expect(notPhoto.statusCode).toBe(415);
        expect(notPhoto.json()).toMatchObject({ error: { code: 'not_a_photo' } });
      });

      it('refuses the uploads of a key once revoked, and says so to the phone', async () => {
        const second = await deviceKeyOf(deviceKeyName('n-2'), await makeKeyPair());
        expect((await enrol('n-2', second)).statusCode).toBe(201);
        const revoked = await s.request(
          'POST',
          `/staff/elections/${s.election}/keys/revoke`,
          await s.sessionFor('admin'),
          { key: second.verifierKey },
        );
        expect(revoked.statusCode).toBe(201);
        const state = await get(
          `/v1/elections/${s.election}/keys/${encodeURIComponent(second.ref)}`,
        );
        expect(state.json()).toMatchObject({ state: 'revoked', unit: 'n-2' });
        const hex = Buffer.from(await crypto.subtle.digest('SHA-256', PHOTO)).toString('hex');
        const res = await upload(PHOTO, 'image/png', await evidenceAuthorization(hex, second));
        expect(res.statusCode).toBe(403);
        expect(res.json()).toMatchObject({ error: { code: 'revoked_key' } });
      });

      it('documents the device routes in the OpenAPI description, and not the redirect', async () => {
        const doc = (await get('/openapi.json')).json<{
          paths: Record<string, Record<string, unknown>>;
        }>();
        expect(Object.keys(doc.paths)).toEqual(
          expect.arrayContaining([
            '/v1/elections/{election}/definition',
            '/v1/elections/{election}/keys/{ref}',
            '/v1/elections/{election}/evidence',
          ]),
        );
        expect(Object.keys(doc.paths['/v1/elections/{election}/enrolments'] ?? {})).toEqual([
          'post',
        ]);
      });
    },
  );
}
