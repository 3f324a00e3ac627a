// Evidence files: a desk operator uploads the photo of a tally sheet; every signed-in role sees
// it; nothing but a photo is kept, and it is served so that no browser runs it as a page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evidenceTypeOf } from '../core/evidence.js';
import { sha256Hex } from '../core/sha256.js';
import { storeKinds } from '../store/testonly/stores.js';
import { CSRF_HEADER } from './staff_session.js';
import { staffTestApp, type StaffTestApp } from './testonly/staff_app.js';

/** The smallest PNG: one transparent pixel. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

describe('what counts as an evidence photo', () => {
  it('is told by its first bytes', () => {
    expect(evidenceTypeOf(PNG)).toBe('image/png');
    expect(evidenceTypeOf(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(evidenceTypeOf(Buffer.from('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
    expect(evidenceTypeOf(Buffer.from('<html><script>alert(1)</script>'))).toBe(undefined);
  });
});

for (const kind of storeKinds) {
  describe.skipIf(!kind.available)(
    `evidence files in the staff API (${kind.name})`,
    { timeout: 60_000 },
    () => {
      let s: StaffTestApp;
      beforeAll(async () => {
        s = await staffTestApp(kind);
      });
      afterAll(() => s.close());

      const upload = async (role: 'desk' | 'observer', body: Buffer, type: string) => {
        const session = await s.sessionFor(role);
        return s.app.inject({
          method: 'POST',
          url: `/staff/elections/${s.election}/evidence`,
          headers: {
            'content-type': type,
            cookie: session.cookie,
            [CSRF_HEADER]: session.csrf,
          },
          payload: body,
        });
      };

      it('keeps a desk operator’s photo by its SHA-256 and shows it to every role', async () => {
        const uploaded = await upload('desk', PNG, 'image/png');
        expect(uploaded.statusCode).toBe(201);
        const sha256 = sha256Hex(new Uint8Array(PNG));
        expect(uploaded.json()).toEqual({ sha256, mediaType: 'image/png', bytes: PNG.length });
        expect((await upload('desk', PNG, 'image/png')).statusCode).toBe(201);

        const observer = await s.sessionFor('observer');
        const seen = await s.app.inject({
          method: 'GET',
          url: `/staff/elections/${s.election}/evidence/${sha256}`,
          headers: { cookie: observer.cookie },
        });
        expect(seen.statusCode).toBe(200);
        expect(seen.headers['content-type']).toBe('image/png');
        expect(seen.headers['x-content-type-options']).toBe('nosniff');
        expect(seen.headers['content-security-policy']).toContain('sandbox');
        expect(Buffer.compare(seen.rawPayload, PNG)).toBe(0);
        const signedOut = await s.app.inject({
          method: 'GET',
          url: `/staff/elections/${s.election}/evidence/${sha256}`,
        });
        expect(signedOut.statusCode).toBe(401);
      });

      it('refuses what is not a photo, or not the type it says, and an observer’s upload', async () => {
        const page = Buffer.from('<html><script>alert(1)</script></html>');
        expect((await upload('desk', page, 'image/png')).statusCode).toBe(415);
        expect((await upload('desk', PNG, 'image/jpeg')).statusCode).toBe(415);
        expect((await upload('desk', page, 'text/html')).statusCode).toBe(415);
        expect((await upload('observer', PNG, 'image/png')).statusCode).toBe(403);
        const missing = await s.app.inject({
          method: 'GET',
          url: `/staff/elections/${s.election}/evidence/${'0'.repeat(64)}`,
          headers: { cookie: (await s.sessionFor('reviewer')).cookie },
        });
        expect(missing.statusCode).toBe(404);
      });
    },
  );
}
