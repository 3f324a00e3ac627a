import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeLogEntry } from '../core/log_entry.js';
import { sampleElection, sampleSubmission } from '../core/testonly/fixtures.js';
import type { Submission } from '../core/submission.js';
import { openCheckpoint } from '../log/checkpoint.js';
import { decodeBase64, encodeBase64 } from '../log/encoding.js';
import type { Hash } from '../log/hash.js';
import { encodeVerifierKey, type Signer } from '../log/note.js';
import { verifyInclusion } from '../log/proof.js';
import { logOrigin } from '../ingest/checkpoints.js';
import { importElection } from '../ingest/elections.js';
import { changeRoster } from '../ingest/roster.js';
import { signSubmission } from '../ingest/submit_client.js';
import { storeKinds, type TestStore } from '../store/testonly/stores.js';
import { ElectionRegistry } from './elections.js';
import { buildIngestApp, MAX_BATCH_SUBMISSIONS, splitLines } from './ingest_app.js';
import { testSigner } from '../log/testonly/signers.js';

const signer = testSigner;

interface Harness {
  app: FastifyInstance;
  keys: Record<'n1' | 'north' | 's1' | 's2' | 's3' | 'revoked' | 'n2', Signer>;
  post: (
    body: unknown,
    contentType?: string,
  ) => Promise<{ status: number; json: Record<string, unknown> }>;
  submit: (submission: Submission, key?: Signer) => ReturnType<Harness['post']>;
  entry: (leaf: number) => Promise<ReturnType<typeof decodeLogEntry>>;
  checkpoint: () => Promise<void>;
}

type Json = Record<string, unknown>;
const receiptOf = (json: Json): Json => {
  const direct = json['receipt'] as Json | undefined;
  if (direct !== undefined) return direct;
  const error = json['error'] as Json;
  return (error['details'] as Json)['receipt'] as Json;
};
const codeOf = (json: Json): string => (json['error'] as Json | undefined)?.['code'] as string;

describe('an NDJSON body', () => {
  const text = (lines: Uint8Array[]): string[] => lines.map((l) => Buffer.from(l).toString());
  it('splits into its non-blank lines, LF or CRLF, with or without a final newline', () => {
    const body = (s: string): Uint8Array => new TextEncoder().encode(s);
    expect(text(splitLines(body('{"a":1}\n{"b":2}')))).toEqual(['{"a":1}', '{"b":2}']);
    expect(text(splitLines(body('{"a":1}\r\n\r\n \t\n{"b":2}\r\n')))).toEqual([
      '{"a":1}',
      '{"b":2}',
    ]);
    expect(splitLines(body(''))).toEqual([]);
  });
});

for (const kind of storeKinds) {
  describe.skipIf(!kind.available)(`the ingest API on ${kind.name}`, () => {
    let t: TestStore;
    let h: Harness;
    const logKey = signer('tally.test');

    beforeAll(async () => {
      t = await kind.create();
      const authority = signer('authority.sample');
      const election = sampleElection([encodeVerifierKey(authority)]);
      const imported = await importElection(t.store, election, new Date('2026-11-01T00:00:00Z'));
      if (!imported.ok) throw new Error(imported.error.message);
      const keys = {
        n1: signer('n-1.app'),
        north: signer('north.tabulator'),
        s1: signer('s-1.app'),
        s2: signer('s-2.app'),
        s3: signer('s-3.app'),
        revoked: signer('n-2.app'),
        n2: signer('n-2.tablet'),
      };
      const certify = async (key: Signer, unit: string): Promise<void> => {
        const r = await changeRoster(
          imported.value.ledger,
          election,
          authority,
          { action: 'certify', unit, key: encodeVerifierKey(key) },
          new Date(),
        );
        if (!r.ok) throw new Error(r.error.message);
      };
      await certify(keys.n1, 'n-1');
      await certify(keys.north, 'north');
      await certify(keys.s1, 's-1');
      await certify(keys.s2, 's-2');
      await certify(keys.s3, 's-3');
      await certify(keys.revoked, 'n-2');
      await certify(keys.n2, 'n-2');
      const revoked = await changeRoster(
        imported.value.ledger,
        election,
        authority,
        { action: 'revoke', key: encodeVerifierKey(keys.revoked) },
        new Date(),
      );
      if (!revoked.ok) throw new Error(revoked.error.message);

      const elections = new ElectionRegistry(t.store);
      const app = await buildIngestApp({ store: t.store, elections });
      const post: Harness['post'] = async (body, contentType = 'application/json') => {
        const response = await app.inject({
          method: 'POST',
          url: '/v1/elections/sample-2026/submissions',
          headers: { 'content-type': contentType },
          payload: typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body),
        });
        return { status: response.statusCode, json: response.json() };
      };
      h = {
        app,
        keys,
        post,
        submit: (submission, key = keys.n1) => post(signSubmission(submission, key)),
        entry: async (leaf) => {
          const ingest = await elections.get('sample-2026');
          const entries = await ingest!.log.entries(BigInt(leaf), 1);
          if (!entries.ok) throw new Error(entries.error.message);
          return decodeLogEntry(entries.value[0]!);
        },
        checkpoint: async () => {
          const ingest = await elections.get('sample-2026');
          await ingest!.ledger.checkpoint(
            logOrigin('tally.test', 'sample-2026'),
            logKey,
            new Date(),
          );
        },
      };
    });

    afterAll(async () => {
      await h.app.close();
      await t.dispose();
    });

    it('accepts a signed, balanced submission and answers with its receipt', async () => {
      const { status, json } = await h.submit(sampleSubmission('n-1'));
      expect(status).toBe(201);
      const receipt = receiptOf(json);
      expect(receipt).toMatchObject({
        election: 'sample-2026',
        status: 'accepted',
        kind: 'original',
        unit: 'n-1',
        warnings: [],
      });
      const entry = await h.entry(receipt['leafIndex'] as number);
      expect(entry.ok && entry.value.type).toBe('submission');
    });

    it('gives an identical re-send the same receipt, and logs nothing new', async () => {
      const first = await h.submit(sampleSubmission('s-1'), h.keys.s1);
      const again = await h.submit(sampleSubmission('s-1'), h.keys.s1);
      expect(first.status).toBe(201);
      expect(again.status).toBe(200);
      expect(receiptOf(again.json)).toEqual(receiptOf(first.json));
    });

    it('hands out the checkpoint and an inclusion proof that ties the receipt to it', async () => {
      const { json } = await h.submit(sampleSubmission('n-1', { voteType: 'mail', sequence: 2 }));
      const receipt = receiptOf(json);
      const leaf = receipt['leafIndex'] as number;
      const before = await h.app.inject({ url: `/v1/elections/sample-2026/receipts/${leaf}` });
      expect(before.json()).not.toHaveProperty('inclusionProof');
      await h.checkpoint();
      const after = (
        await h.app.inject({ url: `/v1/elections/sample-2026/receipts/${leaf}` })
      ).json<Json>();
      const checkpoint = openCheckpoint(
        after['checkpoint'] as string,
        [logKey],
        'tally.test/sample-2026',
      );
      expect(checkpoint.ok).toBe(true);
      if (!checkpoint.ok) return;
      const proof = (after['inclusionProof'] as string[]).map((p) => decodeBase64(p)!);
      const leafHashBytes = decodeBase64(receipt['leafHash'] as string)! as Hash;
      expect(
        verifyInclusion(
          leafHashBytes,
          BigInt(leaf),
          checkpoint.value.size,
          proof,
          checkpoint.value.root,
        ).ok,
      ).toBe(true);
      const entry = await h.entry(leaf);
      expect(entry.ok).toBe(true);
      const text = await h.app.inject({ url: '/v1/elections/sample-2026/checkpoint' });
      expect(text.body).toBe(after['checkpoint']);
      expect(encodeBase64(leafHashBytes)).toBe(receipt['leafHash']);
    });

    it('records an amendment from the same sender only with a reason', async () => {
      const changed = sampleSubmission('n-1', { sequence: 3, ballotsCast: 501 });
      const without = await h.submit({ ...changed, contests: changed.contests });
      expect(without.status).toBe(409);
      expect(codeOf(without.json)).toBe('amendment_without_reason');
      const withReason = await h.submit({
        ...changed,
        sequence: 4,
        amendment: { reason: 'one ballot found in the transfer case' },
      });
      expect(withReason.status).toBe(201);
      expect(receiptOf(withReason.json)).toMatchObject({ kind: 'amendment', status: 'accepted' });
    });

    it('holds a different count for the same unit from another source as a conflict', async () => {
      await h.submit(sampleSubmission('n-2', { sequence: 1 }), h.keys.north);
      const same = await h.submit(
        sampleSubmission('n-2', { sequence: 2, time: '2026-11-03T21:05:00Z' }),
        h.keys.north,
      );
      expect(codeOf(same.json)).toBe('amendment_without_reason');
      // The county tabulator reports n-1, which its precinct's app reported already.
      const conflict = await h.submit(
        sampleSubmission('n-1', {
          sequence: 10,
          ballotsCast: 499,
          contests: sampleSubmission('n-1').contests.map((c) => ({
            ...c,
            ballotsCast: 499,
            undervotes: c.undervotes - (c.contest === 'council' ? 2 : 1),
          })),
        }),
        h.keys.north,
      );
      expect(receiptOf(conflict.json)).toMatchObject({ status: 'held', kind: 'conflict' });
    });

    it('accepts matching numbers from a second source as a corroboration', async () => {
      const appReport = await h.submit(
        sampleSubmission('n-1', { voteType: 'mail', sequence: 20 }),
        h.keys.north,
      );
      // n-1's app already reported mail ballots (sequence 2) with the same numbers.
      expect(receiptOf(appReport.json)).toMatchObject({
        status: 'accepted',
        kind: 'corroboration',
      });
    });

    it('holds a submission whose arithmetic does not balance, with the warning', async () => {
      const s = sampleSubmission('s-1', { voteType: 'mail', sequence: 5 });
      const unbalanced = {
        ...s,
        contests: s.contests.map((c) => (c.contest === 'measure-1' ? { ...c, undervotes: 10 } : c)),
      };
      const { status, json } = await h.submit(unbalanced, h.keys.s1);
      expect(status).toBe(201);
      const receipt = receiptOf(json);
      expect(receipt['status']).toBe('held');
      expect((receipt['warnings'] as Json[]).map((w) => w['code'])).toEqual(['unbalanced_contest']);
    });

    describe('rejects, logs and explains', () => {
      const expectRejected = async (
        response: { status: number; json: Json },
        status: number,
        code: string,
      ): Promise<void> => {
        expect(response.status, JSON.stringify(response.json)).toBe(status);
        expect(codeOf(response.json)).toBe(code);
        const receipt = receiptOf(response.json);
        expect(receipt['status']).toBe('rejected');
        const entry = await h.entry(receipt['leafIndex'] as number);
        expect(entry.ok && entry.value.type === 'rejection' && entry.value.error.code).toBe(code);
      };

      it('a body over the size limit', async () => {
        const response = await h.post(JSON.stringify({ padding: 'x'.repeat(60_000) }));
        expect(response.status).toBe(413);
        expect(codeOf(response.json)).toBe('body_too_large');
      });

      it('a body that is not application/json', async () => {
        const response = await h.post(
          signSubmission(sampleSubmission('n-1'), h.keys.n1),
          'text/plain',
        );
        expect(response.status).toBe(415);
        expect(codeOf(response.json)).toBe('unsupported_media_type');
      });

      it('malformed JSON', async () => {
        await expectRejected(await h.post('{"submission": '), 400, 'malformed_json');
      });

      it('a key that appears twice in an object', async () => {
        const signed = JSON.stringify(
          signSubmission(sampleSubmission('s-1', { sequence: 30 }), h.keys.s1),
        );
        await expectRejected(
          await h.post(signed.replace('"unit":"s-1"', '"unit":"s-1","unit":"s-2"')),
          400,
          'duplicate_key',
        );
      });

      it('an unknown field', async () => {
        const signed = signSubmission(sampleSubmission('s-1', { sequence: 31 }), h.keys.s1);
        await expectRejected(
          await h.post({ ...signed, submission: { ...signed.submission, extra: 1 } }),
          400,
          'malformed_submission',
        );
      });

      it('a count that is not a whole number, or is negative', async () => {
        const s = sampleSubmission('s-1', { sequence: 32 });
        const fractional = {
          ...s,
          contests: s.contests.map((c) => ({ ...c, counts: { ...c.counts, yes: 1.5 } })),
        };
        await expectRejected(
          await h.post({ submission: fractional, signer: 'x+00000000', signature: 'AA==' }),
          400,
          'malformed_submission',
        );
        const negative = { ...s, contests: s.contests.map((c) => ({ ...c, overvotes: -1 })) };
        await expectRejected(
          await h.post({ submission: negative, signer: 'x+00000000', signature: 'AA==' }),
          400,
          'malformed_submission',
        );
      });

      it('an unknown unit, contest or choice', async () => {
        await expectRejected(
          await h.submit(sampleSubmission('nowhere', { sequence: 40 })),
          422,
          'unknown_unit',
        );
        const s = sampleSubmission('n-1', { sequence: 41 });
        await expectRejected(
          await h.submit({
            ...s,
            contests: [
              ...s.contests,
              { contest: 'mayor', counts: {}, ballotsCast: 0, overvotes: 0, undervotes: 0 },
            ],
          }),
          422,
          'unknown_contest',
        );
        await expectRejected(
          await h.submit({
            ...s,
            contests: s.contests.map((c) =>
              c.contest === 'governor' ? { ...c, counts: { ...c.counts, zed: 0 } } : c,
            ),
          }),
          422,
          'unknown_choice',
        );
      });

      it('a contest that is not on the unit’s ballot, and a unit that does not report', async () => {
        const s = sampleSubmission('n-1', { unit: 's-1', sequence: 42 });
        await expectRejected(await h.submit(s, h.keys.s1), 422, 'contest_not_on_ballot');
        await expectRejected(
          await h.submit(sampleSubmission('north', { sequence: 43 }), h.keys.north),
          422,
          'not_reporting_unit',
        );
      });

      it('more votes than ballots allow', async () => {
        const s = sampleSubmission('n-1', { sequence: 44 });
        const tooMany = {
          ...s,
          contests: s.contests.map((c) =>
            c.contest === 'governor' ? { ...c, counts: { ...c.counts, ada: 400 } } : c,
          ),
        };
        await expectRejected(await h.submit(tooMany), 422, 'impossible_counts');
      });

      it('a replayed sequence number', async () => {
        await expectRejected(
          await h.submit(
            sampleSubmission('n-1', {
              sequence: 1,
              time: '2026-11-03T22:00:00Z',
              amendment: { reason: 'retry' },
            }),
          ),
          409,
          'replayed_sequence',
        );
      });

      it('a sequence number so far above the key’s last that it would use up its numbers', async () => {
        // 2^53 - 1 is a safe integer: once recorded, no later sequence number could be above it.
        await expectRejected(
          await h.submit(
            sampleSubmission('n-2', {
              voteType: 'mail',
              sequence: Number.MAX_SAFE_INTEGER,
            }),
            h.keys.n2,
          ),
          409,
          'sequence_too_far',
        );
        await expectRejected(
          await h.submit(
            sampleSubmission('n-2', {
              voteType: 'mail',
              sequence: 1_000_002,
            }),
            h.keys.n2,
          ),
          409,
          'sequence_too_far',
        );
        // A rejected submission does not move the key's counter on: it can still send.
        const { status, json } = await h.submit(
          sampleSubmission('n-2', {
            voteType: 'mail',
            sequence: 1_000_000,
          }),
          h.keys.n2,
        );
        expect(receiptOf(json)['status'], JSON.stringify(json)).not.toBe('rejected');
        expect(status).toBeLessThan(300);
        const next = await h.submit(
          sampleSubmission('n-2', {
            voteType: 'mail',
            sequence: 2_000_000,
            amendment: { reason: 'recount' },
          }),
          h.keys.n2,
        );
        expect(receiptOf(next.json)['status'], JSON.stringify(next.json)).not.toBe('rejected');
      });

      it('a revoked key, an unknown key, a key for another unit, a bad signature', async () => {
        await expectRejected(
          await h.submit(sampleSubmission('n-2', { sequence: 50 }), h.keys.revoked),
          403,
          'revoked_key',
        );
        await expectRejected(
          await h.submit(sampleSubmission('n-2', { sequence: 51 }), signer('stranger')),
          403,
          'unknown_key',
        );
        await expectRejected(
          await h.submit(sampleSubmission('s-2', { sequence: 52 }), h.keys.s1),
          403,
          'key_not_for_unit',
        );
        const signed = signSubmission(sampleSubmission('s-1', { sequence: 53 }), h.keys.s1);
        await expectRejected(
          await h.post({ ...signed, submission: { ...signed.submission, ballotsCast: 499 } }),
          403,
          'bad_signature',
        );
      });
    });

    describe('a batch of submissions (NDJSON, as a county tabulation system exports them)', () => {
      const postBatch = async (
        lines: readonly string[],
        contentType = 'application/x-ndjson',
      ): Promise<{ status: number; json: Json }> => {
        const response = await h.app.inject({
          method: 'POST',
          url: '/v1/elections/sample-2026/submission-batches',
          headers: { 'content-type': contentType },
          payload: lines.join('\r\n') + '\n',
        });
        return { status: response.statusCode, json: response.json() };
      };
      const line = (submission: Submission, key: Signer): string =>
        JSON.stringify(signSubmission(submission, key));

      it('answers each line, in order, exactly as if it had been posted alone', async () => {
        const accepted = line(sampleSubmission('s-2', { sequence: 1 }), h.keys.s2);
        const resent = line(sampleSubmission('s-1'), h.keys.s1); // recorded by an earlier test
        const signed = line(sampleSubmission('s-2', { voteType: 'mail', sequence: 2 }), h.keys.s2);
        const badSignature = signed.replace('"ballotsCast":500', '"ballotsCast":499');
        const { status, json } = await postBatch([accepted, resent, '{"oops"', badSignature, '']);
        expect(status).toBe(200);
        const results = json['results'] as Json[];
        expect(results.map((r) => r['status'])).toEqual([201, 200, 400, 403]);
        expect(receiptOf(results[0]!)).toMatchObject({ status: 'accepted', unit: 's-2' });
        expect(codeOf(results[2]!)).toBe('malformed_json');
        expect(codeOf(results[3]!)).toBe('bad_signature');
        // Every line that was not a re-send has its own log entry, rejections included.
        const leaves = [results[0]!, results[2]!, results[3]!].map(
          (r) => receiptOf(r)['leafIndex'] as number,
        );
        expect(new Set(leaves).size).toBe(3);
        const entries = await Promise.all(leaves.map((leaf) => h.entry(leaf)));
        expect(entries.map((e) => e.ok && e.value.type)).toEqual([
          'submission',
          'rejection',
          'rejection',
        ]);
      });

      it('gives the same submission twice in one batch one entry and one receipt', async () => {
        const twice = line(sampleSubmission('s-3', { sequence: 1 }), h.keys.s3);
        const { json } = await postBatch([twice, twice]);
        const results = json['results'] as Json[];
        expect(results.map((r) => r['status'])).toEqual([201, 200]);
        expect(receiptOf(results[1]!)).toEqual(receiptOf(results[0]!));
      });

      it('refuses a batch that is empty, too large, or not NDJSON, logging nothing', async () => {
        const empty = await postBatch(['', '  ']);
        expect([empty.status, codeOf(empty.json)]).toEqual([400, 'empty_batch']);
        const tooMany = await postBatch(
          Array.from({ length: MAX_BATCH_SUBMISSIONS + 1 }, () => '{}'),
        );
        expect([tooMany.status, codeOf(tooMany.json)]).toEqual([413, 'batch_too_large']);
        const json = await postBatch(['{}'], 'application/json');
        expect([json.status, codeOf(json.json)]).toEqual([415, 'unsupported_media_type']);
      });

      it('refuses a line over the size limit by itself', async () => {
        const big = JSON.stringify({ padding: 'x'.repeat(60_000) });
        const ok = line(sampleSubmission('s-3', { voteType: 'mail', sequence: 2 }), h.keys.s3);
        const { json } = await postBatch([big, ok]);
        const results = json['results'] as Json[];
        expect(results.map((r) => r['status'])).toEqual([413, 201]);
        expect(codeOf(results[0]!)).toBe('body_too_large');
      });
    });

    it('answers an unknown election with 404 in the one error shape', async () => {
      const response = await h.app.inject({
        method: 'POST',
        url: '/v1/elections/nope/submissions',
        headers: { 'content-type': 'application/json' },
        payload: '{}',
      });
      expect(response.statusCode).toBe(404);
      expect(response.json()).toEqual({
        error: { code: 'unknown_election', message: 'no election "nope"' },
      });
    });

    it('serves its OpenAPI description', async () => {
      const spec = (await h.app.inject({ url: '/openapi.json' })).json<Json>();
      expect(Object.keys(spec['paths'] as Json)).toContain('/v1/elections/{election}/submissions');
    });
  });
}
