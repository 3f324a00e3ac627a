// A small election for tests: a state of two counties and five precincts, a statewide race,
// a county council race that elects two, and a statewide ballot measure.
import {
  ELECTION_FORMAT,
  parseElectionDefinition,
  type Election,
  type ElectionDefinition,
} from '../election.js';
import { LOG_ENTRY_FORMAT, type ContestStatusEntry, type LogEntry } from '../log_entry.js';
import { SUBMISSION_FORMAT, type Submission } from '../submission.js';

export function sampleDefinition(authorityKeys: readonly string[]): ElectionDefinition {
  const en = (text: string): { en: string } => ({ en: text });
  return {
    format: ELECTION_FORMAT,
    id: 'sample-2026',
    name: { en: 'Sample General Election', fr: 'Élection générale exemple' },
    date: '2026-11-03',
    test: true,
    languages: ['en', 'fr'],
    voteTypes: [
      { id: 'election-day', name: en('Election day') },
      { id: 'mail', name: en('Mail') },
    ],
    levels: { precinct: { en: 'Precincts', fr: 'Bureaux de vote' } },
    units: [
      { id: 'state', name: en('State'), type: 'state' },
      { id: 'north', name: en('North County'), type: 'county', parent: 'state' },
      { id: 'south', name: en('South County'), type: 'county', parent: 'state' },
      { id: 'n-1', name: en('North 1'), type: 'precinct', parent: 'north', registeredVoters: 1000 },
      { id: 'n-2', name: en('North 2'), type: 'precinct', parent: 'north', registeredVoters: 800 },
      { id: 's-1', name: en('South 1'), type: 'precinct', parent: 'south', registeredVoters: 1200 },
      { id: 's-2', name: en('South 2'), type: 'precinct', parent: 'south', registeredVoters: 900 },
      { id: 's-3', name: en('South 3'), type: 'precinct', parent: 'south', registeredVoters: 700 },
    ],
    districts: [{ id: 'north-council', name: en('North council district'), units: ['north'] }],
    parties: [
      { id: 'blue', name: en('Blue Party') },
      { id: 'green', name: en('Green Party') },
    ],
    contests: [
      {
        id: 'governor',
        kind: 'candidate',
        name: { en: 'Governor', fr: 'Gouverneur' },
        voteFor: 1,
        choices: [
          { id: 'ada', name: en('Ada Lovelace'), party: 'blue' },
          { id: 'alan', name: en('Alan Turing'), party: 'green' },
          { id: 'write-in', name: en('Write-in'), writeIn: true },
        ],
      },
      {
        id: 'council',
        kind: 'candidate',
        name: en('North County Council'),
        district: 'north-council',
        voteFor: 2,
        choices: [
          { id: 'grace', name: en('Grace Hopper') },
          { id: 'edsger', name: en('Edsger Dijkstra') },
          { id: 'barbara', name: en('Barbara Liskov') },
        ],
      },
      {
        id: 'measure-1',
        kind: 'measure',
        name: en('Measure 1'),
        choices: [
          { id: 'yes', name: en('Yes') },
          { id: 'no', name: en('No') },
        ],
      },
    ],
    authority: { keys: [...authorityKeys] },
    // Published as results arrive: the tests of releasing results use a definition without this.
    release: { beforeRelease: 'publish' },
  };
}

/**
 * A definition whose measure 1 passes by `passes` (a PassRule, or anything, to see it refused),
 * as a file would say it: parse it to use it.
 */
export function withMeasureRule(definition: ElectionDefinition, passes: unknown): unknown {
  return {
    ...definition,
    contests: definition.contests.map((c) => (c.id === 'measure-1' ? { ...c, passes } : c)),
  };
}

export function sampleElection(authorityKeys: readonly string[]): Election {
  const parsed = parseElectionDefinition(sampleDefinition(authorityKeys));
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

const square = (x: number): { type: 'Polygon'; coordinates: [number, number][][] } => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, 40],
      [x + 1, 40],
      [x + 1, 41],
      [x, 41],
      [x, 40],
    ],
  ],
});

/** The sample election with outlines for its two counties, so that maps are drawn. */
export function sampleElectionWithMaps(authorityKeys: readonly string[]): Election {
  const definition = sampleDefinition(authorityKeys);
  const parsed = parseElectionDefinition({
    ...definition,
    units: definition.units.map((u) =>
      u.id === 'north'
        ? { ...u, boundary: square(-90) }
        : u.id === 'south'
          ? { ...u, boundary: square(-89) }
          : u,
    ),
  });
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

/** A balanced submission for a precinct of the sample election. */
export function sampleSubmission(unit: string, overrides: Partial<Submission> = {}): Submission {
  const north = unit.startsWith('n-');
  return {
    format: SUBMISSION_FORMAT,
    election: 'sample-2026',
    unit,
    voteType: 'election-day',
    sequence: 1,
    time: '2026-11-03T21:00:00Z',
    ballotsCast: 500,
    contests: [
      {
        contest: 'governor',
        counts: { ada: 260, alan: 220, 'write-in': 5 },
        ballotsCast: 500,
        overvotes: 3,
        undervotes: 12,
      },
      ...(north
        ? [
            {
              contest: 'council',
              counts: { grace: 300, edsger: 280, barbara: 350 },
              ballotsCast: 500,
              overvotes: 10,
              undervotes: 60,
            },
          ]
        : []),
      {
        contest: 'measure-1',
        counts: { yes: 270, no: 200 },
        ballotsCast: 500,
        overvotes: 0,
        undervotes: 30,
      },
    ],
    ...overrides,
  };
}

/** A log entry recording a submission as accepted, unsigned: for the tally, which trusts ingest. */
export function acceptedEntry(
  submission: Submission,
  receivedAt = '2026-11-03T21:00:00Z',
): LogEntry {
  return {
    format: LOG_ENTRY_FORMAT,
    type: 'submission',
    election: submission.election,
    receivedAt,
    signed: { submission, signer: 'x+00000000', signature: 'AA' },
    status: 'accepted',
    kind: 'original',
    warnings: [],
  };
}

/** The definition with these release rules; without any, staff release its results. */
export function withRelease(
  definition: ElectionDefinition,
  release?: ElectionDefinition['release'],
): ElectionDefinition {
  const rest = Object.fromEntries(
    Object.entries(definition).filter(([key]) => key !== 'release'),
  ) as ElectionDefinition;
  return release === undefined ? rest : { ...rest, release };
}

/** A staff member's change of a contest's status in the sample election, as the log records it. */
export function statusEntry(
  contest: string,
  status: ContestStatusEntry['status'],
  winners?: readonly string[],
  time = '2026-11-03T22:00:00Z',
): ContestStatusEntry {
  return {
    format: LOG_ENTRY_FORMAT,
    type: 'contest-status',
    election: 'sample-2026',
    time,
    contest,
    status,
    ...(winners === undefined ? {} : { winners: [...winners] }),
    by: 'director',
    reason: 'every precinct is in and the margin is beyond any recount',
  };
}

/**
 * A party caucus in a state of two counties: North's precincts elect 5 and 2 county delegates
 * and North sends 3 to the state convention; South's elect 1, 4 and 3 and South sends 2. Four
 * preference groups; caucus reports come with the election-day vote type.
 */
export function caucusDefinition(authorityKeys: readonly string[]): ElectionDefinition {
  const base = sampleDefinition(authorityKeys);
  const en = (text: string): { en: string } => ({ en: text });
  return {
    ...base,
    id: 'caucus-2028',
    name: en('Sample Caucus'),
    contests: [
      {
        id: 'caucus',
        kind: 'caucus',
        name: en('Presidential preference caucus'),
        rules: 'iowa-2020',
        choices: [
          { id: 'a', name: en('Candidate A') },
          { id: 'b', name: en('Candidate B') },
          { id: 'c', name: en('Candidate C') },
          { id: 'd', name: en('Candidate D') },
        ],
        delegates: { 'n-1': 5, 'n-2': 2, 's-1': 1, 's-2': 4, 's-3': 3 },
        stateDelegates: { north: 3, south: 2 },
      },
    ],
  };
}

export function caucusElection(authorityKeys: readonly string[]): Election {
  const parsed = parseElectionDefinition(caucusDefinition(authorityKeys));
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

/**
 * A precinct's caucus report: members per group in the first and final alignment, and the
 * county delegates each won (by group, in the order a, b, c, d).
 */
export function caucusSubmission(
  unit: string,
  report: {
    readonly first: readonly number[];
    readonly final: readonly number[];
    readonly delegates: readonly number[];
    readonly chance?: NonNullable<Submission['contests'][number]['caucus']>['chance'];
  },
  overrides: Partial<Submission> = {},
): Submission {
  const groups = ['a', 'b', 'c', 'd'];
  const byGroup = (numbers: readonly number[]): Record<string, number> =>
    Object.fromEntries(groups.map((g, i) => [g, numbers[i] ?? 0]));
  const participants = report.first.reduce((a, b) => a + b, 0);
  return {
    format: SUBMISSION_FORMAT,
    election: 'caucus-2028',
    unit,
    voteType: 'election-day',
    sequence: 1,
    time: '2028-02-03T20:00:00-06:00',
    ballotsCast: participants,
    contests: [
      {
        contest: 'caucus',
        counts: byGroup(report.final),
        ballotsCast: participants,
        overvotes: 0,
        undervotes: 0,
        caucus: {
          first: byGroup(report.first),
          delegates: byGroup(report.delegates),
          ...(report.chance === undefined ? {} : { chance: report.chance }),
        },
      },
    ],
    ...overrides,
  };
}
