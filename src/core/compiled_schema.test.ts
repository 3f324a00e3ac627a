import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compiledCheck } from './compiled_schema.js';
import { ElectionDefinition, indexElection, parseElectionDefinition } from './election.js';
import { electionEntries, LOG_ENTRY_FORMAT, LogEntry } from './log_entry.js';
import {
  acceptedEntry,
  sampleDefinition,
  sampleElectionWithMaps,
  sampleSubmission,
} from './testonly/fixtures.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path to a value inside `value`, the root included. */
function paths(value: Json, at: (string | number)[] = []): (string | number)[][] {
  const here = [at];
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => paths(v, [...at, i]))];
  if (value !== null && typeof value === 'object')
    return [...here, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...at, k]))];
  return here;
}

/** `value` with the thing at `path` replaced (or, given undefined, removed). */
function edit(value: Json, path: readonly (string | number)[], by: Json | undefined): Json {
  const [head, ...rest] = path;
  if (head === undefined) return by ?? null;
  const copy = structuredClone(value);
  if (Array.isArray(copy)) {
    const next = rest.length === 0 ? by : edit(copy[Number(head)] ?? null, rest, by);
    if (next === undefined) copy.splice(Number(head), 1);
    else copy[Number(head)] = next;
    return copy;
  }
  const record = (copy ?? {}) as Record<string, Json>;
  const next = rest.length === 0 ? by : edit(record[head] ?? null, rest, by);
  return next === undefined
    ? Object.fromEntries(Object.entries(record).filter(([k]) => k !== String(head)))
    : { ...record, [head]: next };
}

const clerk = acceptedEntry(sampleSubmission('n-1')) as unknown as {
  readonly [key: string]: Json;
  readonly signed: { readonly [key: string]: Json };
};
const samples: Json[] = [
  acceptedEntry(sampleSubmission('n-1')) as unknown as Json,
  // A key name with the letters a pattern compiled without its u flag once refused (\p{Cc}).
  { ...clerk, signed: { ...clerk.signed, signer: 'pcc-county.clerk{C}+0a1b2c3d' } },
  acceptedEntry(
    sampleSubmission('s-1', {
      sequence: 7,
      amendment: { reason: 'a recount' },
      evidence: [{ sha256: 'a'.repeat(64), kind: 'tally-sheet photo' }],
    }),
  ) as unknown as Json,
  ...(electionEntries(
    'sample-2026',
    '{"id":"sample-2026"}',
    'b'.repeat(64),
    '2026-11-03T21:00:00Z',
  ) as unknown as Json[]),
  {
    format: LOG_ENTRY_FORMAT,
    type: 'roster',
    statement: {
      election: 'sample-2026',
      action: 'certify',
      unit: 'north',
      key: 'north+01020304+AAAA',
      time: '2026-11-03T08:00:00-05:00',
    },
    signer: 'authority+00000000',
    signature: 'AA==',
  },
  acceptedEntry(
    sampleSubmission('n-2', { desk: { keyedBy: ['desk.ann', 'desk.bob'], resolvedBy: 'rosa' } }),
  ) as unknown as Json,
  {
    format: LOG_ENTRY_FORMAT,
    type: 'roster',
    statement: {
      election: 'sample-2026',
      action: 'delegate',
      unit: 'north',
      key: 'enrol+01020305+AAAA',
      time: '2026-11-03T08:00:00-05:00',
      expires: '2026-11-04T06:00:00Z',
    },
    signer: 'authority+00000000',
    signature: 'AA==',
  },
  {
    format: LOG_ENTRY_FORMAT,
    type: 'roster',
    statement: {
      election: 'sample-2026',
      action: 'certify',
      unit: 'n-1',
      key: 'n-1+01020306+AAAA',
      time: '2026-11-03T09:00:00-05:00',
    },
    signer: 'enrol+01020305',
    signature: 'AA==',
    delegation: { entry: 9, key: 'enrol+01020305+AAAA' },
  },
  {
    format: LOG_ENTRY_FORMAT,
    type: 'review',
    election: 'sample-2026',
    time: '2026-11-03T22:00:00Z',
    entry: 12,
    decision: 'accept',
    reviewers: [
      { name: 'rosa.parks', reason: 'the tally sheet', time: '2026-11-03T21:59:00Z' },
      { name: 'ida.wells', reason: 'agreed', time: '2026-11-03T22:00:00Z' },
    ],
  },
  {
    format: LOG_ENTRY_FORMAT,
    type: 'release',
    election: 'sample-2026',
    time: '2026-11-04T01:00:00Z',
    by: 'admin.one',
  },
  {
    format: LOG_ENTRY_FORMAT,
    type: 'rejection',
    election: 'sample-2026',
    receivedAt: '2026-11-03T21:00:00.5Z',
    bodySha256: 'c'.repeat(64),
    bodyBytes: 120,
    error: { code: 'bad_signature', message: 'no' },
  },
];

// Values that sit near the schema's edges: wrong types, bounds, ids, times, lengths.
const edgeValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(
    -1,
    0,
    1,
    1.5,
    2 ** 53,
    -0,
    '',
    'x',
    'a b',
    '-lead',
    'ok.id:1',
    'x'.repeat(129),
    'x'.repeat(128),
    '2026-11-03T21:00:00Z',
    '2026-11-03T21:00:00',
    '2026-02-30T21:00:00Z',
    '2026-11-03T25:00:00Z',
    'accepted',
    'held',
    'certify',
    'revoke',
    'original',
    'conflict',
    'submission',
    'roster',
    LOG_ENTRY_FORMAT,
    'tally-submission/1',
    'a'.repeat(64),
    'A'.repeat(64),
    '\ud83d\ude00',
    '\ud83d\ude00'.repeat(150),
    '\ud83d\ude00'.repeat(151),
    '\ud83d\ude00'.repeat(201),
    '2026-11-03',
    '2026-02-30',
    '2026-13-01',
    '2026-1-3',
    'tally-election/1',
    'en',
    'fr-CA',
    'EN',
    'Polygon',
    'MultiPolygon',
    'candidate',
    'measure',
    180,
    180.5,
    -90.5,
    [0, 0],
    [[0, 0]],
    [],
    {},
    null,
    true,
  ),
  fc.jsonValue() as fc.Arbitrary<Json>,
);

/** One of `samples` with one thing changed, removed or added (a member named "extra"). */
function oneChange(samples: readonly Json[]): fc.Arbitrary<Json> {
  return fc
    .tuple(
      fc.constantFrom(...samples),
      fc.nat(),
      fc.oneof(edgeValue, fc.constant(undefined)),
      fc.boolean(),
    )
    .map(([sample, pick, by, addKey]) => {
      const all = paths(sample);
      const path = all[pick % all.length] ?? [];
      return addKey && path.length > 0
        ? edit(sample, [...path.slice(0, -1), 'extra'], by ?? 1)
        : edit(sample, path, by);
    });
}

describe('the compiled check of a zod schema', () => {
  const isLogEntry = compiledCheck(LogEntry);

  it('accepts the log entries zod accepts', () => {
    for (const sample of samples) {
      expect(LogEntry.safeParse(sample).success).toBe(true);
      expect(isLogEntry(sample)).toBe(true);
    }
  });

  it('gives zod’s verdict on any entry with one thing changed, removed or added', () => {
    fc.assert(
      fc.property(oneChange(samples), (changed) => {
        expect(isLogEntry(changed)).toBe(LogEntry.safeParse(changed).success);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('the compiled check of the election definition', () => {
  const keys = ['authority+01020304+AAAA'];
  const definitions: Json[] = [
    sampleDefinition(keys) as unknown as Json,
    sampleElectionWithMaps(keys).definition as unknown as Json,
    // Without the members zod gives a default.
    Object.fromEntries(
      Object.entries(sampleDefinition(keys)).filter(([k]) => k !== 'districts' && k !== 'parties'),
    ) as Json,
  ];

  /** What the definition is, read through zod alone. */
  const throughZod = (value: Json): unknown => {
    const parsed = ElectionDefinition.safeParse(value);
    if (!parsed.success) return undefined;
    const indexed = indexElection(parsed.data);
    return indexed.ok ? indexed.value.definition : indexed.error.code;
  };
  const read = (value: Json): unknown => {
    const parsed = parseElectionDefinition(value);
    return parsed.ok ? parsed.value.definition : parsed.error.code;
  };

  it('reads every definition as zod does, one thing changed, removed or added', () => {
    for (const definition of definitions) expect(read(definition)).toEqual(throughZod(definition));
    fc.assert(
      // As JSON text gives it (an array holds no other member).
      fc.property(oneChange(definitions), (edited) => {
        const changed = JSON.parse(JSON.stringify(edited)) as Json;
        // Refused by zod: refused here too, with zod's code.
        expect(read(changed)).toEqual(throughZod(changed) ?? 'invalid_definition');
      }),
      { numRuns: 3000 },
    );
    // 3,000 definitions: about 3 s alone, more on a loaded machine.
  }, 30_000);
});
