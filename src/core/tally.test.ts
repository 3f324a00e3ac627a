import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ELECTION_FORMAT,
  ancestry,
  isWithin,
  indexElection,
  contestsOnBallot,
  type Election,
  type ElectionDefinition,
} from './election.js';
import { LOG_ENTRY_FORMAT, type LogEntry } from './log_entry.js';
import { SUBMISSION_FORMAT, type Submission } from './submission.js';
import {
  checkTally,
  CountedSubmissions,
  TallyCheckCache,
  compareNumbers,
  estimateExpectedBallots,
  leadersOf,
  measureOutcome,
  publishedNumbers,
  Tally,
  TallyLayout,
  unitNumbers,
  type AreaResults,
  type ContestTotals,
  type CountedSubmission,
  type ResultsView,
} from './tally.js';
import { acceptedEntry, sampleElection, sampleSubmission } from './testonly/fixtures.js';

const name = (id: string): { en: string } => ({ en: id });

/** A random election: a hierarchy two or three levels deep, districts, several contests. */
const arbitraryElection: fc.Arbitrary<Election> = fc
  .record({
    counties: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }),
    wards: fc.boolean(),
    voteTypes: fc.integer({ min: 1, max: 3 }),
    contests: fc.array(
      fc.record({
        choices: fc.integer({ min: 1, max: 4 }),
        voteFor: fc.integer({ min: 1, max: 2 }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    districtSeeds: fc.array(fc.integer({ min: 0, max: 1000 }), { maxLength: 2 }),
    /** Whether a precinct has neither expected ballots nor registered voters. */
    baseless: fc.boolean(),
    /** Whether the second county's precincts report only the first vote type. */
    firstTypeOnly: fc.boolean(),
  })
  .map((spec) => {
    const units: ElectionDefinition['units'][number][] = [
      { id: 'state', name: name('state'), type: 'state' },
    ];
    spec.counties.forEach((precincts, c) => {
      units.push({
        id: `c${c}`,
        name: name(`c${c}`),
        type: 'county',
        parent: 'state',
        ...(c === 1 && spec.firstTypeOnly ? { voteTypes: ['vt0'] } : {}),
      });
      const parent = spec.wards ? `c${c}-w` : `c${c}`;
      if (spec.wards) units.push({ id: parent, name: name(parent), type: 'ward', parent: `c${c}` });
      for (let p = 0; p < precincts; p++) {
        units.push({
          id: `c${c}-p${p}`,
          name: name(`c${c}-p${p}`),
          type: 'precinct',
          parent,
          ...(spec.baseless && c === 0 && p === 0 ? {} : { registeredVoters: 100 * (p + 1) }),
          ...(p === 2 ? { expectedBallots: 150 } : {}),
        });
      }
    });
    const below = units.filter((u) => u.type !== 'state');
    const districts = spec.districtSeeds.map((seed, i) => ({
      id: `d${i}`,
      name: name(`d${i}`),
      units: [
        below[seed % below.length]?.id ?? 'c0',
        below[(seed * 7 + 3) % below.length]?.id ?? 'c0',
      ],
    }));
    const definition: ElectionDefinition = {
      format: ELECTION_FORMAT,
      id: 'random',
      name: name('random'),
      date: '2026-11-03',
      test: true,
      languages: ['en'],
      voteTypes: Array.from({ length: spec.voteTypes }, (_, i) => ({
        id: `vt${i}`,
        name: name('v'),
      })),
      units,
      districts: districts.filter((d, i) => districts.findIndex((e) => e.id === d.id) === i),
      parties: [],
      contests: spec.contests.map((c, i) => ({
        id: `k${i}`,
        name: name(`k${i}`),
        kind: 'candidate' as const,
        voteFor: c.voteFor,
        choices: Array.from({ length: c.choices }, (_, j) => ({
          id: `k${i}-c${j}`,
          name: name('c'),
        })),
        ...(i > 0 && districts.length > 0 ? { district: districts[i % districts.length]?.id } : {}),
      })),
      authority: { keys: ['authority+00000000+AAAA'] },
    };
    const election = indexElection(definition);
    if (!election.ok) throw new Error(election.error.message);
    return election.value;
  });

type Step = {
  readonly unit: number;
  readonly voteType: number;
  readonly status: 'accepted' | 'held' | 'rejected';
  readonly votes: readonly number[];
  readonly dropContest: boolean;
};

const arbitrarySteps = fc.array(
  fc.record({
    unit: fc.nat(),
    voteType: fc.nat(),
    status: fc.constantFrom('accepted', 'accepted', 'held', 'rejected'),
    votes: fc.array(fc.nat({ max: 500 }), { minLength: 12, maxLength: 12 }),
    dropContest: fc.boolean(),
  }),
  { maxLength: 40 },
);

/** The log entry a step stands for: a submission with some numbers, or a rejection. */
function entryOf(election: Election, step: Step, sequence: number): LogEntry {
  const unit = election.reportingUnits[step.unit % election.reportingUnits.length] as string;
  const voteTypes = election.definition.voteTypes;
  const voteType = voteTypes[step.voteType % voteTypes.length]?.id as string;
  let v = 0;
  const next = (): number => step.votes[v++ % step.votes.length] ?? 0;
  const onBallot = contestsOnBallot(election, unit);
  const contests = (step.dropContest ? onBallot.slice(1) : onBallot).map((contest) => {
    const counts = Object.fromEntries(contest.choices.map((c) => [c.id, next()]));
    return {
      contest: contest.id,
      counts,
      ballotsCast: next(),
      overvotes: next(),
      undervotes: next(),
    };
  });
  const submission: Submission = {
    format: SUBMISSION_FORMAT,
    election: election.definition.id,
    unit,
    voteType,
    sequence,
    time: '2026-11-03T21:00:00Z',
    ballotsCast: next(),
    contests: contests.length > 0 ? contests : [],
  };
  const signed = { submission, signer: 'test+00000000', signature: 'AAAA' };
  const base = {
    format: LOG_ENTRY_FORMAT,
    election: election.definition.id,
    // Entries 7 s apart: several to a slot of the night's trend, and many slots.
    receivedAt: new Date(Date.parse('2026-11-03T21:00:01Z') + 7000 * sequence).toISOString(),
  } as const;
  if (step.status === 'rejected') {
    return {
      ...base,
      type: 'rejection',
      bodySha256: '0'.repeat(64),
      bodyBytes: 1,
      error: { code: 'bad_signature', message: 'no' },
      signed,
    };
  }
  return {
    ...base,
    type: 'submission',
    signed,
    status: step.status,
    kind: 'original',
    warnings: [],
  };
}

/** The rule itself, spelled out as plainly as possible: the oracle for the incremental tally. */
function recount(election: Election, entries: readonly LogEntry[]): AreaResults[] {
  const latest = new Map<string, Submission>();
  for (const entry of entries) {
    if (entry.type === 'submission' && entry.status === 'accepted') {
      const s = entry.signed.submission;
      latest.set(`${s.unit}/${s.voteType}`, s);
    }
  }
  const voteTypes = election.definition.voteTypes.map((v) => v.id);
  const areas = [
    ...election.definition.units.map((u) => ({
      id: u.id,
      kind: 'unit' as const,
      contains: (r: string) => isWithin(election, r, u.id),
    })),
    ...election.definition.districts.map((d) => ({
      id: d.id,
      kind: 'district' as const,
      contains: (r: string) => d.units.some((m) => isWithin(election, r, m)),
    })),
  ];
  return areas.map((area): AreaResults => {
    const members = election.reportingUnits.filter(area.contains);
    const submissions = [...latest.values()].filter((s) => members.includes(s.unit));
    const ballots = Object.fromEntries(
      voteTypes.map((vt) => [
        vt,
        submissions.filter((s) => s.voteType === vt).reduce((n, s) => n + s.ballotsCast, 0),
      ]),
    );
    const contests = election.definition.contests
      .filter((c) => members.some((m) => contestsOnBallot(election, m).includes(c)))
      .map((contest) => {
        const totalsFor = (vts: readonly string[]): ContestTotals => {
          const results = submissions
            .filter((s) => vts.includes(s.voteType))
            .flatMap((s) => s.contests.filter((r) => r.contest === contest.id));
          const sum = (f: (r: (typeof results)[number]) => number): number =>
            results.reduce((n, r) => n + f(r), 0);
          return {
            ballotsCast: sum((r) => r.ballotsCast),
            overvotes: sum((r) => r.overvotes),
            undervotes: sum((r) => r.undervotes),
            counts: Object.fromEntries(
              contest.choices.map((c) => [c.id, sum((r) => r.counts[c.id] ?? 0)]),
            ),
          };
        };
        const total = totalsFor(voteTypes);
        const withContest = members.filter((m) => contestsOnBallot(election, m).includes(contest));
        return {
          contest: contest.id,
          reporting: {
            expected: withContest.length,
            reported: withContest.filter((m) =>
              submissions.some(
                (s) => s.unit === m && s.contests.some((r) => r.contest === contest.id),
              ),
            ).length,
          },
          total,
          byVoteType: Object.fromEntries(voteTypes.map((vt) => [vt, totalsFor([vt])])),
          leaders: leadersOf(contest, total),
        };
      });
    return {
      area: area.id,
      kind: area.kind,
      registeredVoters: members.reduce(
        (n, m) => n + (election.units.get(m)?.registeredVoters ?? 0),
        0,
      ),
      ballotsCast: {
        total: Object.values(ballots).reduce((a, b) => a + b, 0),
        byVoteType: ballots,
      },
      reporting: {
        expected: members.length,
        reported: members.filter((m) => submissions.some((s) => s.unit === m)).length,
      },
      progress: progressOf(election, members, submissions),
      contests,
    };
  });
}

/** Units fully reported, and the expected ballots estimated from the sums of the members' bases. */
function progressOf(
  election: Election,
  members: readonly string[],
  submissions: readonly Submission[],
): AreaResults['progress'] {
  const voteTypes = election.definition.voteTypes.map((v) => v.id);
  const reports = (m: string): readonly string[] =>
    ancestry(election, m)
      .map((id) => election.units.get(id)?.voteTypes)
      .find((v) => v !== undefined) ?? voteTypes;
  const sent = (m: string, vt: string): boolean =>
    submissions.some((s) => s.unit === m && s.voteType === vt);
  const baseOf = (m: string): number | undefined =>
    election.units.get(m)?.expectedBallots ?? election.units.get(m)?.registeredVoters;
  const sumBase = (vt: string, also: (m: string) => boolean): number =>
    members
      .filter((m) => reports(m).includes(vt) && also(m))
      .reduce((n, m) => n + (baseOf(m) ?? 0), 0);
  const expectedBallots = estimateExpectedBallots({
    ballotsCast: voteTypes.map((vt) =>
      submissions.filter((s) => s.voteType === vt).reduce((n, s) => n + s.ballotsCast, 0),
    ),
    reportedBase: voteTypes.map((vt) => sumBase(vt, (m) => sent(m, vt))),
    reportingBase: voteTypes.map((vt) => sumBase(vt, () => true)),
    unitsWithoutBase: members.filter((m) => baseOf(m) === undefined).length,
  });
  return {
    fullyReported: members.filter((m) => reports(m).every((vt) => sent(m, vt))).length,
    expectedBallots,
  };
}

describe('the tally', () => {
  it('equals a from-scratch recount at every level, after every entry of any stream', () => {
    fc.assert(
      fc.property(arbitraryElection, arbitrarySteps, (election, steps) => {
        const tally = new Tally(election);
        const entries: LogEntry[] = [];
        steps.forEach((step, i) => {
          const entry = entryOf(election, step, i + 1);
          entries.push(entry);
          tally.apply(entry);
          expect(tally.results()).toEqual(recount(election, entries));
        });
        expect(tally.logSize).toBe(steps.length);
        expect(checkTally(election, tally.counted(), tally.results())).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('adds up from tallies of disjoint sets of units to the tally of them all', () => {
    fc.assert(
      fc.property(arbitraryElection, arbitrarySteps, (election, steps) => {
        const whole = new Tally(election);
        steps.forEach((step, i) => {
          whole.apply(entryOf(election, step, i + 1));
        });
        // Split the counting between two tallies, each given only its units' counted submissions.
        const parts = [new Tally(election), new Tally(election)];
        const units = election.reportingUnits;
        for (const { leafIndex, submission, receivedAt } of whole.counted()) {
          parts[units.indexOf(submission.unit) % 2]?.count(leafIndex, submission, receivedAt);
        }
        const [first, second] = parts as [Tally, Tally];
        first.addSums(second.sums());
        // The night's trend: of the submissions that count now, whatever they replaced.
        expect(first.trend()).toEqual(whole.trend());
        const reporting = new Set(units);
        for (const area of whole.results()) {
          const part = reporting.has(area.area) ? parts[units.indexOf(area.area) % 2] : first;
          expect(part?.area(area.area)).toEqual(area);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('counts only accepted submissions: held and rejected ones change nothing', () => {
    const election = sampleElection(['authority+00000000+AAAA']);
    const tally = new Tally(election);
    const signed = (s: Submission) => ({ submission: s, signer: 'x+00000000', signature: 'AA' });
    const base = {
      format: LOG_ENTRY_FORMAT,
      election: 'sample-2026',
      receivedAt: '2026-11-03T21:00:00Z',
    } as const;
    tally.apply({
      ...base,
      type: 'submission',
      signed: signed(sampleSubmission('n-1')),
      status: 'held',
      kind: 'original',
      warnings: [{ code: 'unbalanced_contest', message: '' }],
    });
    expect(tally.area('state')?.reporting).toEqual({ reported: 0, expected: 5 });
    tally.apply({
      ...base,
      type: 'submission',
      signed: signed(sampleSubmission('n-1', { sequence: 2 })),
      status: 'accepted',
      kind: 'amendment',
      warnings: [],
    });
    const governor = tally.area('state')?.contests.find((c) => c.contest === 'governor');
    expect(governor?.total.counts).toEqual({ ada: 260, alan: 220, 'write-in': 5 });
    expect(governor?.reporting).toEqual({ reported: 1, expected: 5 });
    expect(governor?.leaders).toEqual(['ada']);
  });

  it('says which units’ revisions moved with each entry, and no others', () => {
    fc.assert(
      fc.property(arbitraryElection, arbitrarySteps, (election, steps) => {
        const tally = new Tally(election);
        const revisions = (): Map<string, number> =>
          new Map(election.reportingUnits.map((u) => [u, tally.revision(u)]));
        steps.forEach((step, i) => {
          const before = revisions();
          const seen = tally.unitChangeCount;
          tally.apply(entryOf(election, step, i + 1));
          const moved = [...revisions()].filter(([u, r]) => before.get(u) !== r).map(([u]) => u);
          const said = Array.from({ length: tally.unitChangeCount - seen }, (_, k) =>
            tally.changedUnit(seen + k),
          );
          expect(new Set(said)).toEqual(new Set(moved));
        });
      }),
      { numRuns: 100 },
    );
  });

  it('replaces a unit’s numbers with its later accepted submission, never adding both', () => {
    const election = sampleElection(['authority+00000000+AAAA']);
    const tally = new Tally(election);
    const accepted = acceptedEntry;
    tally.apply(accepted(sampleSubmission('s-1')));
    tally.apply(accepted(sampleSubmission('s-1', { sequence: 2, ballotsCast: 400 })));
    expect(tally.area('south')?.ballotsCast.total).toBe(400);
    expect([...tally.counted()].map((c) => c.leafIndex)).toEqual([1]);
  });
});

describe('the leaders of a contest', () => {
  it('are the choices with at least the votes of the last place elected, ties included, most first', () => {
    const governor = sampleElection(['authority+00000000+AAAA']).contests.get('governor');
    if (governor?.kind !== 'candidate') throw new Error('the sample has a governor');
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.array(fc.nat({ max: 4 }), { minLength: 1, maxLength: 6 }),
        (seats, votes) => {
          const choices = votes.map((_, i) => ({
            id: `c${String(i)}`,
            name: { en: `C ${String(i)}` },
          }));
          const contest = { ...governor, voteFor: seats, choices };
          const counts = Object.fromEntries(choices.map((c, i) => [c.id, votes[i] ?? 0]));
          // Ranked by votes, ties in ballot order; none without a vote.
          const ranked = choices
            .map((c, i) => ({ id: c.id, votes: votes[i] ?? 0 }))
            .filter((c) => c.votes > 0)
            .sort((a, b) => b.votes - a.votes);
          const last = ranked[Math.min(seats, ranked.length) - 1];
          expect(
            leadersOf(contest, { ballotsCast: 0, overvotes: 0, undervotes: 0, counts }),
          ).toEqual(
            last === undefined ? [] : ranked.filter((c) => c.votes >= last.votes).map((c) => c.id),
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('checking a tally before it is published', () => {
  const election = sampleElection(['authority+00000000+AAAA']);
  const tally = new Tally(election);
  tally.apply(acceptedEntry(sampleSubmission('n-1')));
  const counted: CountedSubmission[] = [...tally.counted()];

  /**
   * Plays `steps` into a tally that counts every entry and one that misses some (its totals are
   * then wrong), and checks both after each entry with what the check kept, against a check from
   * scratch; `counting` gives what counts after each entry, as the publisher would hand it over.
   */
  const checkAlong = (
    election: Election,
    steps: readonly Step[],
    missed: readonly number[],
    counting: (whole: Tally) => Iterable<CountedSubmission>,
  ): { whole: Tally; kept: TallyCheckCache } => {
    const whole = new Tally(election);
    const partial = new Tally(election);
    const kept = { whole: new TallyCheckCache(), partial: new TallyCheckCache() };
    steps.forEach((step, i) => {
      const entry = entryOf(election, step, i + 1);
      whole.apply(entry);
      if (!missed.includes(i)) partial.apply(entry);
      const counted = counting(whole);
      expect(checkTally(election, counted, whole, kept.whole)).toEqual([]);
      expect(checkTally(election, counted, partial, kept.partial)).toEqual(
        checkTally(election, [...counted], partial.results()),
      );
    });
    return { whole, kept: kept.whole };
  };
  const someMissed = fc.array(fc.nat({ max: 40 }), { maxLength: 6 });

  it('finds, with what it kept from the checks before, exactly what a check from scratch finds', () => {
    fc.assert(
      fc.property(arbitraryElection, arbitrarySteps, someMissed, (election, steps, missed) => {
        const { whole, kept } = checkAlong(election, steps, missed, (w) => [...w.counted()]);
        // Results that move with nothing counted since are read again.
        const unit = election.reportingUnits[0] ?? '';
        const moved: ResultsView = {
          area: (id) => {
            const a = whole.area(id);
            return a === undefined || id !== unit
              ? a
              : { ...a, registeredVoters: a.registeredVoters + 1 };
          },
          revision: (id) => whole.revision(id) + (id === unit ? 1 : 0),
        };
        const counted = [...whole.counted()];
        const found = checkTally(election, counted, moved, kept);
        expect(found.map((p) => p.details?.['area'])).toEqual([unit]);
        expect(found).toEqual(checkTally(election, counted, moved));
      }),
      { numRuns: 150 },
    );
  });

  it('finds, reading only the units whose counted submissions changed, what a check from scratch finds', () => {
    fc.assert(
      fc.property(arbitraryElection, arbitrarySteps, someMissed, (election, steps, missed) => {
        // The publisher's own record of what counts, apart from either tally.
        const counted = new CountedSubmissions();
        const { whole } = checkAlong(election, steps, missed, (w) => {
          const before = new Set(counted);
          for (const c of w.counted()) if (!before.has(c)) counted.set(c);
          return counted;
        });
        expect(new Set(counted)).toEqual(new Set(whole.counted()));
      }),
      { numRuns: 150 },
    );
  });

  it('finds, with what it kept, a submission no longer counted with none in its place', () => {
    fc.assert(
      fc.property(arbitraryElection, arbitrarySteps, fc.nat(), (election, steps, pick) => {
        const whole = new Tally(election);
        steps.forEach((step, i) => {
          whole.apply(entryOf(election, step, i + 1));
        });
        const kept = new TallyCheckCache();
        const counted = [...whole.counted()];
        expect(checkTally(election, counted, whole, kept)).toEqual([]);
        const fewer = counted.filter((_, i) => i !== pick % Math.max(counted.length, 1));
        expect(checkTally(election, fewer, whole, kept)).toEqual(
          checkTally(election, fewer, whole.results()),
        );
      }),
      { numRuns: 100 },
    );
  });

  it('finds nothing wrong with totals that are the sum of the accepted submissions', () => {
    expect(checkTally(election, counted, tally.results())).toEqual([]);
  });

  it('refuses totals built from a partial set of accepted submissions (Iowa 2020)', () => {
    const partial = new Tally(election).results();
    const problems = checkTally(election, counted, partial);
    expect(problems.map((p) => p.details?.['area'])).toContain('state');
    expect(problems[0]?.message).toMatch(/expected/);
  });

  it('names the area and the number when one total is changed', () => {
    const results = tally.results().map((r) =>
      r.area !== 'north'
        ? r
        : {
            ...r,
            contests: r.contests.map((c) =>
              c.contest !== 'governor'
                ? c
                : { ...c, total: { ...c.total, counts: { ...c.total.counts, ada: 261 } } },
            ),
          },
    );
    const problems = checkTally(election, counted, results);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.details).toMatchObject({
      area: 'north',
      what: 'governor: votes for ada (all vote types)',
      expected: 260,
      found: 261,
    });
  });
});

describe('the stages of the check', () => {
  const election = sampleElection(['authority+00000000+AAAA']);
  const layout = new TallyLayout(election);
  const day = sampleSubmission('n-1');
  const mail = sampleSubmission('n-1', { voteType: 'mail', ballotsCast: 40 });
  const at = (what: string): number => {
    for (let i = 0; i < layout.width; i++) if (layout.name(i) === what) return i;
    throw new Error(`no number named ${what}`);
  };

  it('reads a unit’s numbers off its submissions, one vote type each', () => {
    const v = unitNumbers(layout, 'n-1', [day, mail]);
    expect(v[at('units reported')]).toBe(1);
    expect(v[at('registered voters')]).toBe(1000);
    expect(v[at('ballots cast (election-day)')]).toBe(500);
    expect(v[at('ballots cast (mail)')]).toBe(40);
    expect(v[at('governor: votes for ada (election-day)')]).toBe(260);
    expect(v[at('governor: units reported')]).toBe(1);
    expect(unitNumbers(layout, 'n-2', [])[at('units reported')]).toBe(0);
  });

  it('reads what published results state, and flags a total that is not its vote types’ sum', () => {
    const tally = new Tally(election);
    tally.apply(acceptedEntry(day));
    const unit = tally.area('n-1')!;
    const read = publishedNumbers(layout, unit);
    expect(read.problems).toEqual([]);
    expect(compareNumbers(layout, 'n-1', unitNumbers(layout, 'n-1', [day]), read.vector)).toEqual(
      [],
    );
    const wrong: AreaResults = { ...unit, ballotsCast: { ...unit.ballotsCast, total: 501 } };
    expect(publishedNumbers(layout, wrong).problems.map((p) => p.details?.['what'])).toEqual([
      'ballots cast (all vote types)',
    ]);
  });

  it('names each number that differs, with what it must be and what it is', () => {
    const expected = unitNumbers(layout, 'n-1', [day]);
    const found = Float64Array.from(expected);
    found[at('governor: overvotes (election-day)')] = 4;
    expect(compareNumbers(layout, 'n-1', expected, found)).toEqual([
      expect.objectContaining({
        details: {
          area: 'n-1',
          what: 'governor: overvotes (election-day)',
          expected: 3,
          found: 4,
        },
      }),
    ]);
    expect(compareNumbers(layout, 'n-1', expected, expected)).toEqual([]);
  });
});

describe('whether a measure passes', () => {
  const measure1 = sampleElection(['authority+00000000+AAAA']).contests.get('measure-1');
  if (measure1?.kind !== 'measure') throw new Error('the sample has a measure');
  const totals = (yes: number, no: number): ContestTotals => ({
    ballotsCast: yes + no,
    overvotes: 0,
    undervotes: 0,
    counts: { yes, no },
  });
  const majority = { ...measure1, passes: { choice: 'yes', share: [1, 2] as [number, number] } };
  const twoThirds = {
    ...measure1,
    passes: { choice: 'yes', share: [2, 3] as [number, number], atLeast: true },
  };

  it('passes by a majority with more than half the votes, and fails on a tie', () => {
    expect(measureOutcome(majority, totals(501, 499))).toBe('passing');
    expect(measureOutcome(majority, totals(500, 500))).toBe('failing');
    expect(measureOutcome(majority, totals(0, 1))).toBe('failing');
  });

  it('passes by two thirds with exactly two thirds, not one vote fewer', () => {
    expect(measureOutcome(twoThirds, totals(200, 100))).toBe('passing');
    expect(measureOutcome(twoThirds, totals(199, 100))).toBe('failing');
    // Two thirds of 3,000,000,001 votes is no whole number: the fraction is compared exactly.
    expect(measureOutcome(twoThirds, totals(2_000_000_001, 1_000_000_000))).toBe('passing');
    expect(measureOutcome(twoThirds, totals(2_000_000_000, 1_000_000_001))).toBe('failing');
  });

  it('says nothing before a vote is counted, nor for a measure with no rule, nor a candidate', () => {
    expect(measureOutcome(majority, totals(0, 0))).toBeUndefined();
    expect(measureOutcome(measure1, totals(900, 100))).toBeUndefined();
    const governor = sampleElection(['authority+00000000+AAAA']).contests.get('governor');
    if (governor === undefined) throw new Error('the sample has a governor');
    expect(measureOutcome(governor, totals(900, 100))).toBeUndefined();
  });
});

describe('the expected vote', () => {
  // Two vote types; a base is a unit's expected ballots, else its registered voters.
  const estimate = (
    ballotsCast: number[],
    reportedBase: number[],
    reportingBase: number[],
    unitsWithoutBase = 0,
  ): number | undefined =>
    estimateExpectedBallots({ ballotsCast, reportedBase, reportingBase, unitsWithoutBase });

  it('is the count itself once every unit has reported every vote type it reports', () => {
    expect(estimate([600, 300], [2000, 2000], [2000, 2000])).toBe(900);
  });

  it('adds, for the units yet to report a vote type, that type’s ballots per base where it is in', () => {
    // Half the base has reported election day at 60%: the other half is expected to cast as many.
    expect(estimate([600, 0], [1000, 0], [2000, 0])).toBe(1200);
    // Mail is in everywhere (300 ballots), election day in half: 600 + 600 + 300.
    expect(estimate([600, 300], [1000, 2000], [2000, 2000])).toBe(1500);
  });

  it('takes a vote type none of the area’s units has reported at the mean rate of those that have', () => {
    // Election day everywhere at 60%, mail nowhere yet: mail is taken at 60% of its base too.
    expect(estimate([1200, 0], [2000, 0], [2000, 2000])).toBe(2400);
  });

  it('is never less than the ballots counted', () => {
    expect(estimate([900, 0], [1000, 0], [900, 0])).toBe(900);
  });

  it('cannot be estimated with nothing counted, nor where a unit has no base', () => {
    expect(estimate([0, 0], [0, 0], [2000, 2000])).toBeUndefined();
    expect(estimate([600, 0], [1000, 0], [2000, 0], 1)).toBeUndefined();
  });

  it('counts a unit fully reported only once each vote type it reports is in (Iowa 2020: partial data read as whole)', () => {
    const election = sampleElection(['authority+00000000+AAAA']);
    const tally = new Tally(election);
    tally.apply(acceptedEntry(sampleSubmission('n-1')));
    const partly = tally.area('north');
    expect(partly?.reporting.reported).toBe(1);
    expect(partly?.progress.fullyReported).toBe(0);
    tally.apply(acceptedEntry(sampleSubmission('n-1', { voteType: 'mail' })));
    expect(tally.area('north')?.progress.fullyReported).toBe(1);
    expect(tally.area('n-1')?.progress.fullyReported).toBe(1);
    expect(tally.area('n-2')?.progress.fullyReported).toBe(0);
  });
});
