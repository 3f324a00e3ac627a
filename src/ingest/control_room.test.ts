// The control room's status as a pure function of what the store and the server know: reporting
// per county and vote type, whom to call, what waits for a reviewer and how fast things move.
import { describe, expect, it } from 'vitest';
import { indexElection, type Election, type ElectionDefinition } from '../core/election.js';
import { sampleDefinition, withRelease } from '../core/testonly/fixtures.js';
import {
  ArrivalCounts,
  controlRoomStatus,
  ControlRoomStatusSchema,
  NOT_REPORTED_LISTED,
  type ControlRoomFacts,
} from './control_room.js';

const index = (definition: ElectionDefinition): Election => {
  const indexed = indexElection(definition);
  if (!indexed.ok) throw new Error(indexed.error.message);
  return indexed.value;
};

/** The sample election (a state, two counties, five precincts), with a contact for North 2. */
const sample = index({
  ...sampleDefinition(['authority+00000000+AA']),
  units: sampleDefinition(['authority+00000000+AA']).units.map((u) =>
    u.id === 'n-2' ? { ...u, contact: { name: 'Clerk of North', phone: '+1 555 0100' } } : u,
  ),
});

const now = new Date('2026-11-03T22:00:00Z');

const facts = (overrides: Partial<ControlRoomFacts> = {}): ControlRoomFacts => ({
  election: sample,
  now,
  reported: [],
  held: { count: 0 },
  rejections: new Map(),
  loggedLastMinute: 0,
  publish: { logSize: 0 },
  desk: { awaitingSecondEntry: 0, mismatches: 0 },
  ...overrides,
});

describe('the control room status', () => {
  it('counts per county and vote type the reporting units counted out of those beneath it', () => {
    const status = controlRoomStatus(
      facts({
        reported: [
          { unit: 'n-1', voteType: 'election-day' },
          { unit: 'n-1', voteType: 'mail' },
          { unit: 's-2', voteType: 'election-day' },
          { unit: 's-3', voteType: 'election-day' },
        ],
      }),
    );
    expect(status.counties).toEqual([
      {
        unit: 'north',
        name: { en: 'North County' },
        byVoteType: {
          'election-day': { reported: 1, expected: 2 },
          mail: { reported: 1, expected: 2 },
        },
      },
      {
        unit: 'south',
        name: { en: 'South County' },
        byVoteType: {
          'election-day': { reported: 2, expected: 3 },
          mail: { reported: 0, expected: 3 },
        },
      },
    ]);
    expect(ControlRoomStatusSchema.safeParse(status).success).toBe(true);
  });

  it('lists the units that counted nothing of any vote type, with whom to call', () => {
    const status = controlRoomStatus(facts({ reported: [{ unit: 's-1', voteType: 'mail' }] }));
    expect(status.notReportedCount).toBe(4);
    expect(status.notReported).toEqual([
      { unit: 'n-1', name: { en: 'North 1' }, county: 'north' },
      {
        unit: 'n-2',
        name: { en: 'North 2' },
        county: 'north',
        contact: { name: 'Clerk of North', phone: '+1 555 0100' },
      },
      { unit: 's-2', name: { en: 'South 2' }, county: 'south' },
      { unit: 's-3', name: { en: 'South 3' }, county: 'south' },
    ]);
  });

  it(`names at most ${String(NOT_REPORTED_LISTED)} units not reported, and counts them all`, () => {
    const base = sampleDefinition(['authority+00000000+AA']);
    const precincts = Array.from({ length: 250 }, (_, i) => ({
      id: `p-${String(i)}`,
      name: { en: `Precinct ${String(i)}` },
      type: 'precinct',
      parent: i % 2 === 0 ? 'north' : 'south',
    }));
    const big = index({
      ...base,
      units: [...base.units.filter((u) => !u.id.includes('-')), ...precincts],
      districts: [],
      contests: base.contests.filter((c) => c.district === undefined),
    });
    const status = controlRoomStatus(
      facts({ election: big, reported: [{ unit: 'p-0', voteType: 'mail' }] }),
    );
    expect(status.notReportedCount).toBe(249);
    expect(status.notReported).toHaveLength(NOT_REPORTED_LISTED);
    expect(status.notReported[0]).toMatchObject({ unit: 'p-1', county: 'south' });
    expect(status.counties.map((c) => c.byVoteType['mail'])).toEqual([
      { reported: 1, expected: 125 },
      { reported: 0, expected: 125 },
    ]);
  });

  it('takes the root as the one county where its units report themselves', () => {
    const base = sampleDefinition(['authority+00000000+AA']);
    const flat = index({
      ...base,
      units: base.units
        .filter((u) => u.id === 'state' || u.id.includes('-'))
        .map((u) => (u.id === 'state' ? u : { ...u, parent: 'state' })),
      districts: [],
      contests: base.contests.filter((c) => c.district === undefined),
    });
    const status = controlRoomStatus(
      facts({ election: flat, reported: [{ unit: 'n-2', voteType: 'election-day' }] }),
    );
    expect(status.counties).toEqual([
      {
        unit: 'state',
        name: { en: 'State' },
        byVoteType: {
          'election-day': { reported: 1, expected: 5 },
          mail: { reported: 0, expected: 5 },
        },
      },
    ]);
    expect(status.notReported.map((u) => u.county)).toEqual(['state', 'state', 'state', 'state']);
  });

  it('ignores what the store holds for a unit the definition does not list as reporting', () => {
    const status = controlRoomStatus(facts({ reported: [{ unit: 'north', voteType: 'mail' }] }));
    expect(status.notReportedCount).toBe(5);
    expect(status.counties.map((c) => c.byVoteType['mail']?.reported)).toEqual([0, 0]);
  });

  it('says how long the oldest held submission has waited, and nothing when none waits', () => {
    const waiting = controlRoomStatus(
      facts({ held: { count: 3, oldestReceivedAt: '2026-11-03T21:57:30.400Z' } }),
    );
    expect(waiting.held).toEqual({ count: 3, oldestSeconds: 149 });
    expect(controlRoomStatus(facts()).held).toEqual({ count: 0 });
  });

  it('gives submissions per second over the last minute, rejections by code, the publishing', () => {
    const status = controlRoomStatus(
      facts({
        loggedLastMinute: 90,
        rejections: new Map([
          ['bad_signature', 2],
          ['unknown_unit', 1],
        ]),
        publish: {
          version: 7,
          latencyMs: 412,
          checkpoint: { size: 120, createdAt: '2026-11-03T21:59:58Z' },
          logSize: 121,
        },
        desk: { awaitingSecondEntry: 2, mismatches: 1 },
      }),
    );
    expect(status.submissionsPerSecond).toBe(1.5);
    expect(status.rejections).toEqual({ bad_signature: 2, unknown_unit: 1 });
    expect(status.publish).toEqual({
      version: 7,
      latencyMs: 412,
      checkpointSize: 120,
      checkpointAgeSeconds: 2,
      logSize: 121,
    });
    expect(status.desk).toEqual({ awaitingSecondEntry: 2, mismatches: 1 });
    expect(status.time).toBe('2026-11-03T22:00:00.000Z');
  });

  it('marks a test election and says whether its results wait for a release', () => {
    const base = sampleDefinition(['authority+00000000+AA']);
    const waiting = index(withRelease(base, { at: '2026-11-03T20:00:00-05:00' }));
    expect(controlRoomStatus(facts({ election: waiting, releasedAt: 42 }))).toMatchObject({
      test: true,
      release: { waitsForRelease: true, releaseAt: '2026-11-03T20:00:00-05:00', releasedAt: 42 },
    });
    const real = index({ ...base, test: false });
    expect(controlRoomStatus(facts({ election: real }))).toMatchObject({
      test: false,
      release: { waitsForRelease: false },
    });
  });
});

describe('what ingest counts for the control room', () => {
  const t0 = Date.parse('2026-11-03T22:00:00Z');

  it('counts the bodies logged in the last minute, and forgets older ones', () => {
    const counts = new ArrivalCounts();
    counts.logged(t0);
    counts.logged(t0 + 500);
    counts.logged(t0 + 30_000, 'bad_signature');
    expect(counts.lastMinute(t0 + 30_000)).toBe(3);
    expect(counts.lastMinute(t0 + 59_999)).toBe(3);
    expect(counts.lastMinute(t0 + 60_000)).toBe(1);
    // A slot of the ring used again a minute later starts from nothing.
    counts.logged(t0 + 61_000);
    expect(counts.lastMinute(t0 + 61_000)).toBe(2);
    expect(counts.lastMinute(t0 + 91_000)).toBe(1);
  });

  it('counts rejections by error code, for as long as the server runs', () => {
    const counts = new ArrivalCounts();
    counts.logged(t0, 'bad_signature');
    counts.logged(t0 + 120_000, 'bad_signature');
    counts.logged(t0 + 120_000, 'unknown_unit');
    counts.logged(t0 + 120_000);
    expect(Object.fromEntries(counts.rejections())).toEqual({ bad_signature: 2, unknown_unit: 1 });
  });
});
