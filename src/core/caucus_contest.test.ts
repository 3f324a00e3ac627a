// Caucus contests end to end in the core: the definition's delegates and counties, what a
// precinct's report may hold (errors) and what breaks the rules (warnings, held for review), and
// the tally of the three sets of numbers and the state delegate equivalents at every level.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseElectionDefinition } from './election.js';
import { checkSubmission, type Submission } from './submission.js';
import { checkTally, Tally } from './tally.js';
import {
  caucusDefinition,
  caucusElection,
  caucusSubmission,
  sampleElection,
  sampleSubmission,
} from './testonly/fixtures.js';

const election = caucusElection(['authority+00000000+AA']);

function definitionProblem(change: (contest: Record<string, unknown>) => void): string {
  const definition = structuredClone(caucusDefinition(['authority+00000000+AA'])) as unknown as {
    contests: Record<string, unknown>[];
  };
  change(definition.contests[0] as Record<string, unknown>);
  const parsed = parseElectionDefinition(definition);
  return parsed.ok ? 'accepted' : parsed.error.message;
}

describe('a caucus contest in the definition', () => {
  it('finds each precinct’s county, and each county’s delegates to both conventions', () => {
    const counties = election.caucusCounties.get('caucus');
    expect(counties?.countyOf.get('n-2')).toBe('north');
    expect(counties?.countyOf.get('s-3')).toBe('south');
    expect(counties?.county.get('north')).toEqual({ stateDelegates: 3, countyDelegates: 7 });
    expect(counties?.county.get('south')).toEqual({ stateDelegates: 2, countyDelegates: 8 });
  });

  it('refuses delegates that are not every precinct’s, or counties that do not cover them once', () => {
    expect(
      definitionProblem((c) => ((c['delegates'] as Record<string, number>)['x-9'] = 2)),
    ).toMatch(/delegates name unknown unit "x-9"/);
    expect(
      definitionProblem((c) => ((c['delegates'] as Record<string, number>)['north'] = 2)),
    ).toMatch(/unit "north", which is not a reporting unit/);
    expect(
      definitionProblem((c) => delete (c['delegates'] as Record<string, number>)['s-2']),
    ).toMatch(/reporting unit "s-2" has no delegates/);
    expect(
      definitionProblem((c) => ((c['stateDelegates'] as Record<string, number>)['state'] = 5)),
    ).toMatch(/"n-1" lies within two counties of stateDelegates \(north, state\)/);
    expect(
      definitionProblem((c) => delete (c['stateDelegates'] as Record<string, number>)['south']),
    ).toMatch(/"s-1" lies within no county/);
    expect(definitionProblem((c) => (c['voteType'] = 'caucus-night'))).toMatch(
      /unknown vote type "caucus-night"/,
    );
    // The caucus reports with the mail vote type, which South 3 does not report.
    const definition = caucusDefinition(['authority+00000000+AA']);
    const parsed = parseElectionDefinition({
      ...definition,
      units: definition.units.map((u) =>
        u.id === 's-3' ? { ...u, voteTypes: ['election-day'] } : u,
      ),
      contests: definition.contests.map((c) => ({ ...c, voteType: 'mail' })),
    });
    expect(parsed.ok ? 'accepted' : parsed.error.message).toMatch(
      /reporting unit "s-3" does not report vote type "mail", which the caucus is reported with/,
    );
    expect(
      definitionProblem(
        (c) => (c['delegates'] = { 'n-1': 5, 'n-2': 2, 's-1': 0, 's-2': 0, 's-3': 0 }),
      ),
    ).toMatch(
      /county "south" sends 2 delegates to the state convention, but its precincts elect no county delegates/,
    );
  });
});

/** The codes checkSubmission returns: the error's, or the warnings'. */
function verdict(submission: Submission): string[] | string {
  const checked = checkSubmission(election, submission);
  return checked.ok ? checked.value.map((w) => w.code) : checked.error.code;
}

describe('a precinct’s caucus report', () => {
  // North 1 elects 5 delegates: 100 in the first alignment make 15 the viability number.
  const first = [40, 30, 20, 10];
  const final = [45, 32, 23, 0];

  it('passes when its delegates are those the rules give', () => {
    expect(verdict(caucusSubmission('n-1', { first, final, delegates: [2, 2, 1, 0] }))).toEqual([]);
  });

  it('is held for review when it breaks the rules, with the rule it breaks', () => {
    expect(
      verdict(caucusSubmission('n-1', { first, final: [50, 32, 23, 0], delegates: [2, 2, 1, 0] })),
    ).toContain('final_above_first');
    expect(
      verdict(caucusSubmission('n-1', { first, final: [45, 32, 13, 10], delegates: [2, 2, 0, 1] })),
    ).toContain('delegates_to_nonviable_group');
    expect(verdict(caucusSubmission('n-1', { first, final, delegates: [3, 1, 1, 0] }))).toEqual([
      'delegates_not_allowed',
    ]);
    expect(
      verdict(caucusSubmission('n-1', { first: [0, 0, 0, 0], final, delegates: [2, 2, 1, 0] })),
    ).toContain('missing_first_alignment');
    // No final alignment, or none of its groups viable: the delegates cannot have been given.
    expect(
      verdict(caucusSubmission('n-1', { first, final: [0, 0, 0, 0], delegates: [0, 0, 0, 0] })),
    ).toEqual(['missing_final_alignment']);
    expect(
      verdict(
        caucusSubmission('n-1', {
          first: [14, 14, 14, 58],
          final: [14, 14, 14, 14],
          delegates: [0, 0, 0, 0],
        }),
      ),
    ).toEqual(['no_viable_group']);
  });

  describe('with a tie a game of chance settled', () => {
    // 50 and 50 of 100 are each due 2.5 of 5 delegates: both round up, and one gives one back.
    const tied = { first: [50, 50, 0, 0], final: [50, 50, 0, 0] };
    const removal = (selected: string, among = ['a', 'b']) => [
      { for: 'removal' as const, among, selected },
    ];

    it('passes with the game recorded and its outcome followed', () => {
      expect(
        verdict(
          caucusSubmission('n-1', { ...tied, delegates: [3, 2, 0, 0], chance: removal('b') }),
        ),
      ).toEqual([]);
      expect(
        verdict(
          caucusSubmission('n-1', { ...tied, delegates: [2, 3, 0, 0], chance: removal('a') }),
        ),
      ).toEqual([]);
    });

    it('is held when the game is not recorded, another is, or its outcome is not followed', () => {
      expect(verdict(caucusSubmission('n-1', { ...tied, delegates: [3, 2, 0, 0] }))).toEqual([
        'chance_not_recorded',
      ]);
      expect(
        verdict(
          caucusSubmission('n-1', {
            ...tied,
            delegates: [3, 2, 0, 0],
            chance: [{ for: 'extra', among: ['a', 'b'], selected: 'b' }],
          }),
        ),
      ).toEqual(['chance_mismatch']);
      expect(
        verdict(
          caucusSubmission('n-1', { ...tied, delegates: [3, 2, 0, 0], chance: removal('a') }),
        ),
      ).toEqual(['delegates_not_allowed']);
      expect(
        verdict(
          caucusSubmission('n-1', { first, final, delegates: [2, 2, 1, 0], chance: removal('a') }),
        ),
      ).toEqual(['chance_mismatch']);
    });

    it('is refused when the game names what cannot be', () => {
      expect(
        verdict(
          caucusSubmission('n-1', {
            ...tied,
            delegates: [3, 2, 0, 0],
            chance: removal('c', ['a', 'b']),
          }),
        ),
      ).toBe('invalid_caucus_report');
      expect(
        verdict(
          caucusSubmission('n-1', {
            ...tied,
            delegates: [3, 2, 0, 0],
            chance: removal('a', ['a', 'z']),
          }),
        ),
      ).toBe('invalid_caucus_report');
    });
  });

  it('is refused when it cannot be read as a caucus report', () => {
    const good = caucusSubmission('n-1', { first, final, delegates: [2, 2, 1, 0] });
    const contest = good.contests[0] as Submission['contests'][number];
    const withoutReport: Submission['contests'][number] = {
      contest: contest.contest,
      counts: contest.counts,
      ballotsCast: contest.ballotsCast,
      overvotes: 0,
      undervotes: 0,
    };
    const variants: Submission[] = [
      { ...good, contests: [withoutReport] },
      { ...good, contests: [{ ...contest, ballotsCast: 99 }] },
      { ...good, contests: [{ ...contest, undervotes: 1 }] },
      {
        ...good,
        contests: [{ ...contest, caucus: { first: { a: 100, e: 1 }, delegates: {} } }],
      },
      // A caucus meets once: it comes with the election-day report, not the mail ballots'.
      { ...good, voteType: 'mail' },
    ];
    for (const variant of variants) expect(verdict(variant)).toBe('invalid_caucus_report');
    // A ballot contest has no caucus report.
    const sample = sampleElection(['authority+00000000+AA']);
    const ballot = sampleSubmission('n-1');
    const governor = ballot.contests[0] as Submission['contests'][number];
    const checked = checkSubmission(sample, {
      ...ballot,
      contests: [
        { ...governor, caucus: { first: {}, delegates: {} } },
        ...ballot.contests.slice(1),
      ],
    });
    expect(checked.ok ? 'accepted' : checked.error.code).toBe('invalid_caucus_report');
  });

  it('is missed only in the reports of its own vote type', () => {
    // The caucus beside a ballot contest: the governor's race in every precinct.
    const base = caucusDefinition(['authority+00000000+AA']);
    const sample = sampleElection(['authority+00000000+AA']).definition;
    const parsed = parseElectionDefinition({
      ...base,
      contests: [...base.contests, sample.contests[0]],
    });
    if (!parsed.ok) throw new Error(parsed.error.message);
    const governorOnly = (voteType: string): string[] => {
      const ballot = sampleSubmission('n-1', { election: 'caucus-2028', voteType });
      const checked = checkSubmission(parsed.value, {
        ...ballot,
        contests: ballot.contests.filter((c) => c.contest === 'governor'),
      });
      return checked.ok ? checked.value.map((w) => w.code) : [checked.error.code];
    };
    expect(governorOnly('mail')).toEqual([]);
    expect(governorOnly('election-day')).toEqual(['missing_contest']);
  });
});

describe('the tally of a caucus', () => {
  const reports = [
    caucusSubmission('n-1', {
      first: [40, 30, 20, 10],
      final: [45, 32, 23, 0],
      delegates: [2, 2, 1, 0],
    }),
    caucusSubmission('n-2', {
      first: [6, 10, 4, 0],
      final: [10, 10, 0, 0],
      delegates: [1, 1, 0, 0],
    }),
    caucusSubmission('s-1', { first: [3, 4, 2, 1], final: [5, 5, 0, 0], delegates: [0, 1, 0, 0] }),
  ];

  it('adds up each alignment, the county delegates and the SDEs at every level', () => {
    const tally = new Tally(election);
    reports.forEach((s, i) => {
      tally.count(i, s);
    });
    const north = tally.area('north')?.contests[0];
    expect(north?.total.counts).toEqual({ a: 55, b: 42, c: 23, d: 0 });
    expect(north?.total.caucus?.first).toEqual({ a: 46, b: 40, c: 24, d: 10 });
    expect(north?.total.caucus?.delegates).toEqual({ a: 3, b: 3, c: 1, d: 0 });
    // North: 3 state delegates for 7 county delegates. Each precinct's SDEs to 4 places:
    // n-1 a: 2 x 3/7 = 0.8571, n-2 a: 1 x 3/7 = 0.4286.
    expect(north?.total.caucus?.sde).toEqual({ a: 12_857, b: 12_857, c: 4_286, d: 0 });
    expect(north?.leaders).toEqual(['a', 'b']);
    // South: 2 state delegates for 8 county delegates; s-1's one delegate is worth 0.25.
    const state = tally.area('state')?.contests[0];
    expect(state?.total.caucus?.sde).toEqual({ a: 12_857, b: 15_357, c: 4_286, d: 0 });
    expect(state?.leaders).toEqual(['b']);
    expect(state?.reporting).toEqual({ reported: 3, expected: 5 });
    expect(checkTally(election, tally.counted(), tally.results())).toEqual([]);
  });

  it('is found out when a published caucus number is not the log’s', () => {
    const tally = new Tally(election);
    reports.forEach((s, i) => {
      tally.count(i, s);
    });
    const results = tally.results().map((area) =>
      area.area !== 'state'
        ? area
        : {
            ...area,
            contests: area.contests.map((c) => {
              const caucus = c.total.caucus;
              if (caucus === undefined) return c;
              return {
                ...c,
                total: { ...c.total, caucus: { ...caucus, sde: { ...caucus.sde, a: 20_000 } } },
              };
            }),
          },
    );
    const problems = checkTally(election, tally.counted(), results);
    expect(problems.map((p) => p.message).join('\n')).toMatch(/state delegate equivalents of a/);
  });

  it('counts any caucus the rules allow as it was reported, whatever its precincts', () => {
    // Property: a precinct's numbers reach each level above it unchanged.
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 60 }), { minLength: 4, maxLength: 4 }),
        fc.array(fc.nat({ max: 3 }), { minLength: 4, maxLength: 4 }),
        fc.constantFrom('n-1', 'n-2', 's-1', 's-2', 's-3'),
        (first, delegates, unit) => {
          const tally = new Tally(election);
          tally.count(0, caucusSubmission(unit, { first, final: first, delegates }));
          const county = unit.startsWith('n-') ? 'north' : 'south';
          for (const area of [unit, county, 'state']) {
            const c = tally.area(area)?.contests[0];
            expect(Object.values(c?.total.caucus?.first ?? {})).toEqual(first);
            expect(Object.values(c?.total.caucus?.delegates ?? {})).toEqual(delegates);
          }
          expect(checkTally(election, tally.counted(), tally.results())).toEqual([]);
        },
      ),
    );
  });
});
