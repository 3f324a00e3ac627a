// What an anonymous client sends must not hurt anyone else: it cannot fail, hold up or change
// another sender's submission, and it is answered in the one error shape, never with a 5xx.
import { createHash } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Id } from '../core/election.js';
import { sampleSubmission } from '../core/testonly/fixtures.js';
import { signSubmission } from '../ingest/submit_client.js';
import { testSigner } from '../log/testonly/signers.js';
import { ingestHarness, type IngestHarness } from './testonly/ingest_harness.js';

type Json = Record<string, unknown>;
const SUBMISSIONS = '/v1/elections/sample-2026/submissions';
const BATCHES = '/v1/elections/sample-2026/submission-batches';

const isErrorShape = (json: unknown): boolean => {
  const error = (json as Json | null)?.['error'] as Json | undefined;
  return typeof error?.['code'] === 'string' && typeof error['message'] === 'string';
};

describe('a submission that holds a lone surrogate', () => {
  let h: IngestHarness;
  beforeAll(async () => {
    h = await ingestHarness();
  });
  afterAll(async () => {
    await h.dispose();
  });

  const post = (payload: string): Promise<LightMyRequestResponse> =>
    h.app.inject({
      method: 'POST',
      url: SUBMISSIONS,
      headers: { 'content-type': 'application/json' },
      payload,
    });
  /** A legitimate submission for a slot (unit and vote type) of its own. */
  const legitimate = (
    unit: 'n-1' | 'n-2' | 's-2',
    voteType = 'election-day',
    sequence = 1,
  ): string =>
    JSON.stringify(signSubmission(sampleSubmission(unit, { voteType, sequence }), h.keys[unit]));
  const withLoneSurrogate = (where: 'signer' | 'reason' | 'unit'): string => {
    const signed = signSubmission(
      sampleSubmission('s-1', { amendment: { reason: 'recount' } }),
      h.keys['s-1'],
    );
    const text = JSON.stringify(signed);
    if (where === 'signer') return text.replace(/"signer":"[^"]*"/, '"signer":"\\udc00"');
    if (where === 'reason') return text.replace('"recount"', '"re\\ud800count"');
    return text.replace('"unit":"s-1"', '"unit":"\\udc00"');
  };

  it('is refused as malformed, alone, and does not fail the legitimate ones committed with it', async () => {
    const hostile = (['signer', 'reason', 'unit'] as const).map(withLoneSurrogate);
    const answers = await Promise.all([
      post(legitimate('n-1')),
      ...hostile.map(post),
      post(legitimate('n-2')),
      ...hostile.map(post),
      post(legitimate('s-2')),
    ]);
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses).toEqual([201, 400, 400, 400, 201, 400, 400, 400, 201]);
    for (const a of answers) expect(isErrorShape(a.json()) || a.statusCode === 201).toBe(true);
    expect(answers[1].json<Json>()).toMatchObject({
      error: { code: 'malformed_json' },
    });
  });

  it('loses only its own line in a batch', async () => {
    const lines = [
      legitimate('n-1', 'mail', 2),
      withLoneSurrogate('signer'),
      legitimate('n-2', 'mail', 2),
    ];
    const answer = await h.app.inject({
      method: 'POST',
      url: BATCHES,
      headers: { 'content-type': 'application/x-ndjson' },
      payload: lines.join('\n'),
    });
    expect(answer.statusCode).toBe(200);
    const results = answer.json<{ results: Json[] }>().results;
    expect(results.map((r) => r['status'])).toEqual([201, 400, 201]);
  });
});

describe('what a sender no roster key vouches for can add to the log', () => {
  let h: IngestHarness;
  const stranger = testSigner('stranger.app');
  beforeAll(async () => {
    h = await ingestHarness({
      limits: {
        unsignedPerClient: { burst: 5, perSecond: 0.001 },
        unsignedTotal: { burst: 8, perSecond: 0.001 },
      },
    });
  });
  afterAll(async () => {
    await h.dispose();
  });

  const unknownKeyLine = (sequence: number): string =>
    JSON.stringify(signSubmission(sampleSubmission('n-1', { sequence }), stranger));
  const batch = (
    lines: readonly string[],
    remoteAddress: string,
  ): Promise<LightMyRequestResponse> =>
    h.app.inject({
      method: 'POST',
      url: BATCHES,
      headers: { 'content-type': 'application/x-ndjson' },
      payload: lines.join('\n'),
      remoteAddress,
    });

  it('is a rejection that records the body digest, size and error, not its bytes', async () => {
    const body = unknownKeyLine(1);
    const before = (await h.entries()).length;
    const answer = await h.app.inject({
      method: 'POST',
      url: SUBMISSIONS,
      headers: { 'content-type': 'application/json' },
      payload: body,
      remoteAddress: '192.0.2.1',
    });
    expect(answer.statusCode).toBe(403);
    expect(answer.json()).toMatchObject({ error: { code: 'unknown_key' } });
    const entries = await h.entries();
    expect(entries.length).toBe(before + 1);
    const entry = entries.at(-1);
    expect(entry).toEqual({
      format: 'tally-log/1',
      type: 'rejection',
      election: 'sample-2026',
      receivedAt: expect.any(String) as string,
      bodySha256: createHash('sha256').update(body).digest('hex'),
      bodyBytes: Buffer.byteLength(body),
      error: { code: 'unknown_key', message: expect.any(String) as string },
    });
  });

  it('so is a bad signature under a known key name', async () => {
    const signed = signSubmission(sampleSubmission('n-1', { sequence: 7 }), h.keys['n-1']);
    const forged = { ...signed, submission: { ...signed.submission, ballotsCast: 501 } };
    const answer = await h.app.inject({
      method: 'POST',
      url: SUBMISSIONS,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify(forged),
      remoteAddress: '192.0.2.1',
    });
    expect(answer.json()).toMatchObject({ error: { code: 'bad_signature' } });
    const entry = (await h.entries()).at(-1);
    expect(entry).toMatchObject({ type: 'rejection', error: { code: 'bad_signature' } });
    expect(entry).not.toHaveProperty('signed');
  });

  it('is bounded per address; past it the sender is answered 429, and other senders are not held up', async () => {
    const before = (await h.entries()).length;
    const flood = await batch(
      Array.from({ length: 50 }, (_, i) => unknownKeyLine(100 + i)),
      '198.51.100.7',
    );
    const statuses = flood.json<{ results: Json[] }>().results.map((r) => r['status']);
    // 192.0.2.1 used two of the eight the server logs in all; this address gets its five.
    expect(statuses.filter((s) => s === 403)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(45);
    const throttled = flood.json<{ results: Json[] }>().results[49] as Json;
    expect(isErrorShape(throttled)).toBe(true);
    expect((await h.entries()).length).toBe(before + 5);

    // A precinct at the same address, and one elsewhere, are logged and answered as ever.
    const own = await batch(
      [JSON.stringify(signSubmission(sampleSubmission('s-3'), h.keys['s-3']))],
      '198.51.100.7',
    );
    expect(own.json<{ results: Json[] }>().results[0]?.['status']).toBe(201);
    const other = await h.app.inject({
      method: 'POST',
      url: SUBMISSIONS,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify(signSubmission(sampleSubmission('s-2'), h.keys['s-2'])),
      remoteAddress: '203.0.113.9',
    });
    expect(other.statusCode).toBe(201);
    // The server's total is spent (2 + 5 of 8): one more from a third address, then none.
    const third = await batch([unknownKeyLine(900), unknownKeyLine(901)], '203.0.113.9');
    expect(third.json<{ results: Json[] }>().results.map((r) => r['status'])).toEqual([403, 429]);
  });
});

describe('what the route schemas refuse', () => {
  let h: IngestHarness;
  beforeAll(async () => {
    h = await ingestHarness();
  });
  afterAll(async () => {
    await h.dispose();
  });

  it('answers parameters that cannot be an election or a leaf with 400 invalid_request, naming them', async () => {
    for (const url of [
      '/v1/elections/%00/checkpoint',
      '/v1/elections/%F0%9F%98%80/checkpoint',
      `/v1/elections/..%2F..%2Fetc/checkpoint`,
      '/v1/elections/sample-2026/receipts/-1',
      '/v1/elections/sample-2026/receipts/1e3',
      '/v1/elections/sample-2026/receipts/99999999999999999999',
    ]) {
      const answer = await h.app.inject({ url });
      expect(answer.statusCode, url).toBe(400);
      const json = answer.json<Json>();
      expect(json, url).toMatchObject({ error: { code: 'invalid_request' } });
      const issues = ((json['error'] as Json)['details'] as Json)['issues'] as Json[];
      expect(issues[0]?.['path'], url).toMatch(/^\/(election|leaf)$/);
    }
  });

  it('describes in OpenAPI what it validates, from the same zod schemas', async () => {
    const spec = (await h.app.inject({ url: '/openapi.json' })).json<Json>();
    const post = ((spec['paths'] as Json)['/v1/elections/{election}/submissions'] as Json)[
      'post'
    ] as Json;
    const election = (post['parameters'] as Json[]).find((p) => p['name'] === 'election');
    expect((election?.['schema'] as Json)['pattern']).toBe(z.toJSONSchema(Id).pattern);
    const body = JSON.stringify(post['requestBody']);
    expect(body).toContain('"signer"');
  });

  it('answers odd methods and unknown routes in the one error shape', async () => {
    for (const method of ['OPTIONS', 'DELETE', 'PUT', 'PATCH'] as const) {
      const answer = await h.app.inject({ method, url: '/v1/elections/sample-2026/submissions' });
      expect(answer.statusCode, method).toBe(404);
      expect(isErrorShape(answer.json()), method).toBe(true);
    }
    // HEAD is answered as GET is (no checkpoint is signed yet here), without a body.
    const head = await h.app.inject({
      method: 'HEAD',
      url: '/v1/elections/sample-2026/checkpoint',
    });
    expect(head.statusCode).toBe(404);
    expect(head.body).toBe('');
  });

  it('answers a wrong content type with 415 and a query string changes nothing', async () => {
    const signed = JSON.stringify(signSubmission(sampleSubmission('s-1'), h.keys['s-1']));
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data']) {
      const answer = await h.app.inject({
        method: 'POST',
        url: SUBMISSIONS,
        headers: { 'content-type': type },
        payload: signed,
      });
      expect(answer.statusCode, type).toBe(415);
      expect(isErrorShape(answer.json()), type).toBe(true);
    }
    const withQuery = await h.app.inject({
      method: 'POST',
      url: `${SUBMISSIONS}?status=accepted&__proto__=x`,
      headers: { 'content-type': 'application/json' },
      payload: signed,
    });
    expect(withQuery.statusCode).toBe(201);
  });
});
