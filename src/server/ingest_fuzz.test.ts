// Fuzzing the ingest API: valid submissions and batches mutated byte by byte and value by value,
// posted over HTTP. Whatever arrives, the answer is a 2xx or a 4xx in the one error shape, never
// a 5xx, and the log holds exactly what the rules say: one entry per submission answered with a
// receipt that is not a re-send, none for what is refused unread, and rejections that no roster
// key vouches for recorded by digest and size alone.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LogEntry } from '../core/log_entry.js';
import { sampleSubmission } from '../core/testonly/fixtures.js';
import { signSubmission } from '../ingest/submit_client.js';
import { testSigner } from '../log/testonly/signers.js';
import { ingestHarness, PRECINCTS, type IngestHarness } from './testonly/ingest_harness.js';

type Json = Record<string, unknown>;

/** Rejections of bodies that no roster key vouches for. */
const UNSIGNED = new Set([
  'malformed_json',
  'duplicate_key',
  'malformed_submission',
  'unknown_key',
  'bad_signature',
]);

/** Texts that have broken JSON readers, signers and stores before. */
const NASTY = [
  '\\udc00',
  '\\ud800',
  '\\u0000',
  '\u0000',
  '1e400',
  '-0',
  '1e15',
  '9007199254740993',
  '-1',
  '0.5',
  '"',
  '\\',
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  'null',
  'true',
  '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[',
  ',"signer":"x+00000000"',
  ',"submission":{}',
  '\u2028',
  '\ufeff',
  '😀',
  '\r\n',
  '%00',
  '../',
];

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

/** One mutation of a body's bytes. */
const byteMutation = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.nat(7) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    with: fc.oneof(
      fc.constantFrom(...NASTY).map(bytes),
      fc.uint8Array({ minLength: 1, maxLength: 4 }),
    ),
  }),
  fc.record({
    kind: fc.constant('delete' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 40 }),
  }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  // Inside a string, where a nasty text is still JSON and may reach the signer, the log, the store.
  fc.record({
    kind: fc.constant('in-string' as const),
    at: fc.nat(),
    with: fc.constantFrom(...NASTY).map(bytes),
  }),
  fc.record({
    kind: fc.constant('repeat' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 200 }),
  }),
);
type ByteMutation = typeof byteMutation extends fc.Arbitrary<infer T> ? T : never;

function mutateBytes(body: Uint8Array, m: ByteMutation): Uint8Array {
  const at = body.length === 0 ? 0 : m.at % body.length;
  switch (m.kind) {
    case 'flip': {
      const out = body.slice();
      if (out.length > 0) out[at] = (out[at] ?? 0) ^ (1 << m.bit);
      return out;
    }
    case 'insert':
      return Buffer.concat([body.subarray(0, at), m.with, body.subarray(at)]);
    case 'delete':
      return Buffer.concat([body.subarray(0, at), body.subarray(at + m.length)]);
    case 'truncate':
      return body.subarray(0, at);
    case 'in-string': {
      const quotes = [...body.keys()].filter((i) => body[i] === 0x22);
      const after = (quotes[m.at % Math.max(quotes.length, 1)] ?? -1) + 1;
      return Buffer.concat([body.subarray(0, after), m.with, body.subarray(after)]);
    }
    case 'repeat':
      return Buffer.concat([body.subarray(0, at + m.length), body.subarray(at)]);
  }
}

/** A value to put where a value was: odd strings, odd numbers, odd shapes. */
const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    '\udc00',
    '\u0000',
    '',
    'x'.repeat(70_000),
    -1,
    0.5,
    1e300,
    Number.MAX_SAFE_INTEGER,
    2 ** 53,
    null,
    true,
    [],
    {},
  ),
  fc.string({ unit: 'binary' }),
  fc.double(),
  fc.integer(),
  fc.jsonValue({ maxDepth: 3 }),
);

/** A path into a signed submission's JSON, and the value to put there. */
const valueMutation = fc.record({
  path: fc.array(fc.nat(), { minLength: 1, maxLength: 5 }),
  value: oddValue,
  drop: fc.boolean(),
});
type ValueMutation = typeof valueMutation extends fc.Arbitrary<infer T> ? T : never;

function mutateValue(text: string, m: ValueMutation): string {
  const root = JSON.parse(text) as unknown;
  let node: unknown = root;
  for (let depth = 0; depth < m.path.length; depth++) {
    if (typeof node !== 'object' || node === null) break;
    const keys = Object.keys(node);
    if (keys.length === 0) break;
    const key = keys[(m.path[depth] ?? 0) % keys.length] as string;
    const last = depth === m.path.length - 1;
    const child = (node as Json)[key];
    if (last || typeof child !== 'object' || child === null) {
      if (m.drop) Reflect.deleteProperty(node, key);
      else (node as Json)[key] = m.value;
      break;
    }
    node = child;
  }
  return JSON.stringify(root);
}

describe('the ingest API under fuzzing', () => {
  let h: IngestHarness;
  const stranger = testSigner('stranger.app');
  /** Valid signed submissions to start from: every precinct, both vote types, some sequences. */
  let seeds: string[] = [];

  beforeAll(async () => {
    h = await ingestHarness({
      limits: {
        unsignedPerClient: { burst: 1_000_000, perSecond: 1_000 },
        unsignedTotal: { burst: 1_000_000, perSecond: 1_000 },
      },
    });
    seeds = PRECINCTS.flatMap((unit) =>
      (['election-day', 'mail'] as const).flatMap((voteType) =>
        [1, 2, 3].map((sequence) =>
          JSON.stringify(
            signSubmission(sampleSubmission(unit, { voteType, sequence }), h.keys[unit]),
          ),
        ),
      ),
    );
    seeds.push(JSON.stringify(signSubmission(sampleSubmission('n-1'), stranger)));
  });
  afterAll(async () => {
    await h.dispose();
  });

  const body = fc.oneof(
    {
      weight: 3,
      arbitrary: fc
        .tuple(fc.nat(), fc.array(byteMutation, { minLength: 1, maxLength: 4 }))
        .map(([seed, ms]) => ({ seed, ms, kind: 'bytes' as const })),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.nat(), valueMutation)
        .map(([seed, m]) => ({ seed, m, kind: 'value' as const })),
    },
    { weight: 1, arbitrary: fc.nat().map((seed) => ({ seed, kind: 'as-is' as const })) },
  );
  const make = (
    b: fc.Arbitrary<unknown> extends never
      ? never
      : typeof body extends fc.Arbitrary<infer T>
        ? T
        : never,
  ): Uint8Array => {
    const seed = seeds[b.seed % seeds.length] as string;
    if (b.kind === 'as-is') return bytes(seed);
    if (b.kind === 'value') return bytes(mutateValue(seed, b.m));
    return b.ms.reduce(mutateBytes, bytes(seed));
  };

  /** What one answer must look like, and how many log entries it stands for. */
  function check(
    status: number,
    json: Json,
    sent: Uint8Array,
    entries: Map<number, LogEntry>,
  ): number {
    expect(status, JSON.stringify(json)).toBeLessThan(500);
    expect(status).toBeGreaterThanOrEqual(200);
    if (status < 300) {
      const receipt = json['receipt'] as Json;
      expect(receipt['status']).not.toBe('rejected');
      return status === 201 ? 1 : 0;
    }
    const error = json['error'] as Json;
    expect(typeof error['code']).toBe('string');
    expect(typeof error['message']).toBe('string');
    const receipt = (error['details'] as Json | undefined)?.['receipt'] as Json | undefined;
    if (receipt === undefined) return 0;
    expect(receipt['status']).toBe('rejected');
    const entry = entries.get(receipt['leafIndex'] as number);
    if (entry !== undefined) {
      expect(entry).toMatchObject({ type: 'rejection', error: { code: error['code'] } });
      if (entry.type === 'rejection') {
        expect(entry.bodySha256).toBe(createHash('sha256').update(sent).digest('hex'));
        expect(entry.bodyBytes).toBe(sent.length);
        // Only a body whose signature verified is kept whole; anything else, digest and size.
        if (UNSIGNED.has(entry.error.code)) expect(entry.signed).toBeUndefined();
        if (entry.signed === undefined) expect(encodeSize(entry)).toBeLessThan(1024);
      }
    }
    return 1;
  }
  const encodeSize = (entry: LogEntry): number => Buffer.byteLength(JSON.stringify(entry));
  const byLeaf = async (): Promise<Map<number, LogEntry>> =>
    new Map((await h.entries()).map((e, i) => [i, e]));

  it('answers every mutated submission with 2xx or 4xx in the error shape, and logs one entry per receipt', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(body, { minLength: 1, maxLength: 8 }),
        fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', ''),
        async (bodies, contentType) => {
          const before = (await h.entries()).length;
          const sent = bodies.map(make);
          // Posted at once, so that they share group commits.
          const answers: LightMyRequestResponse[] = await Promise.all(
            sent.map((payload) =>
              h.app.inject({
                method: 'POST',
                url: '/v1/elections/sample-2026/submissions',
                headers: contentType === '' ? {} : { 'content-type': contentType },
                payload: Buffer.from(payload),
              }),
            ),
          );
          const entries = await byLeaf();
          let logged = 0;
          answers.forEach((a, i) => {
            logged += check(a.statusCode, a.json<Json>(), sent[i] as Uint8Array, entries);
          });
          expect(entries.size).toBe(before + logged);
        },
      ),
      { numRuns: 150 },
    );
  }, 120_000);

  it('answers every line of a mutated batch on its own, and logs one entry per receipt', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(body, { minLength: 1, maxLength: 25 }),
        fc.constantFrom('\n', '\r\n', '\n\n'),
        async (lines, separator) => {
          const before = (await h.entries()).length;
          const sent = lines.map(make);
          const payload = Buffer.concat(sent.flatMap((l) => [l, bytes(separator)]));
          const answer = await h.app.inject({
            method: 'POST',
            url: '/v1/elections/sample-2026/submission-batches',
            headers: { 'content-type': 'application/x-ndjson' },
            payload,
          });
          expect(answer.statusCode).toBeLessThan(500);
          const json = answer.json<Json>();
          const entries = await byLeaf();
          if (answer.statusCode !== 200) {
            // Refused whole (no lines once split): nothing logged.
            expect((json['error'] as Json)['code']).toBeTypeOf('string');
            expect(entries.size).toBe(before);
            return;
          }
          // A mutation may add or remove line breaks: compare with the lines as the server split them.
          const split = payload
            .toString('latin1')
            .split('\n')
            .map((l) => Buffer.from(l.endsWith('\r') ? l.slice(0, -1) : l, 'latin1'))
            .filter((l) => l.some((b) => b !== 0x20 && b !== 0x09));
          const results = json['results'] as Json[];
          expect(results.length).toBe(split.length);
          let logged = 0;
          results.forEach((r, i) => {
            const { status, ...rest } = r;
            logged += check(status as number, rest, split[i] as Uint8Array, entries);
          });
          expect(entries.size).toBe(before + logged);
        },
      ),
      { numRuns: 60 },
    );
  }, 120_000);
});
