// Elections and results made up at any size, the same every time for the same seed: for the
// simulator, the benchmarks and tests. A state of counties and precincts, a statewide race for
// each office, a district race per county, and ballot measures.
import { allocateDelegates, viabilityNumber, type CaucusRules } from '../core/caucus.js';
import {
  contestsOnBallot,
  ELECTION_FORMAT,
  parseElectionDefinition,
  reportsContest,
  voteFor,
  type CaucusContest,
  type Contest,
  type Election,
  type ElectionDefinition,
  type ReleaseRules,
} from '../core/election.js';
import { SUBMISSION_FORMAT, type ContestResult, type Submission } from '../core/submission.js';

export interface GenerateOptions {
  readonly id?: string;
  readonly counties: number;
  readonly precinctsPerCounty: number;
  /** Contests on every ballot (statewide); at least 1. */
  readonly contests: number;
  readonly authorityKeys: readonly string[];
  readonly test?: boolean;
  /**
   * When the results reach the public site: a rehearsal of the night releases them at a time;
   * benchmarks of publishing publish as results arrive.
   */
  readonly release: ReleaseRules;
  /**
   * A party caucus instead of a general election: one caucus contest in every precinct, under
   * these rules, each precinct electing 1 to 10 county delegates and each county sending one
   * state delegate for every ten of them; `contests` is then not used.
   */
  readonly caucus?: CaucusRules;
}

/** A small, fast deterministic generator (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export function generateDefinition(options: GenerateOptions): ElectionDefinition {
  const en = (text: string): { en: string; fr: string } => ({ en: text, fr: text });
  const units: ElectionDefinition['units'][number][] = [
    { id: 'state', name: en('State'), type: 'state' },
  ];
  const cw = String(options.counties).length;
  const pw = String(options.precinctsPerCounty).length;
  for (let c = 1; c <= options.counties; c++) {
    const county = `c${pad(c, cw)}`;
    units.push({ id: county, name: en(`County ${c}`), type: 'county', parent: 'state' });
    for (let p = 1; p <= options.precinctsPerCounty; p++) {
      units.push({
        id: `${county}-p${pad(p, pw)}`,
        name: en(`County ${c} Precinct ${p}`),
        type: 'precinct',
        parent: county,
        registeredVoters: 1500,
      });
    }
  }
  const contests: Contest[] = [];
  if (options.caucus !== undefined) contests.push(generatedCaucus(units, options.caucus));
  for (let i = 1; options.caucus === undefined && i <= options.contests; i++) {
    if (i % 5 === 0) {
      contests.push({
        id: `measure-${i}`,
        kind: 'measure',
        name: en(`Measure ${i}`),
        choices: [
          { id: 'yes', name: { en: 'Yes', fr: 'Oui' } },
          { id: 'no', name: { en: 'No', fr: 'Non' } },
        ],
      });
    } else {
      contests.push({
        id: `office-${i}`,
        kind: 'candidate',
        name: en(`Office ${i}`),
        voteFor: i % 7 === 0 ? 2 : 1,
        choices: [
          { id: 'cand-a', name: en(`Candidate ${i}A`), party: 'blue' },
          { id: 'cand-b', name: en(`Candidate ${i}B`), party: 'green' },
          { id: 'cand-c', name: en(`Candidate ${i}C`) },
          { id: 'write-in', name: en('Write-in'), writeIn: true },
        ],
      });
    }
  }
  return {
    format: ELECTION_FORMAT,
    id: options.id ?? `generated-${options.counties}x${options.precinctsPerCounty}`,
    name: en(options.caucus === undefined ? 'Generated General Election' : 'Generated Caucus'),
    date: '2026-11-03',
    test: options.test ?? true,
    languages: ['en', 'fr'],
    // A caucus meets once, in person: its reports come with the one vote type.
    voteTypes: [
      { id: 'election-day', name: { en: 'Election day', fr: 'Jour du scrutin' } },
      ...(options.caucus === undefined
        ? [
            { id: 'early', name: { en: 'Early', fr: 'Anticipé' } },
            { id: 'mail', name: { en: 'Mail', fr: 'Par correspondance' } },
          ]
        : []),
    ],
    units,
    districts: [],
    parties: [
      { id: 'blue', name: en('Blue Party') },
      { id: 'green', name: en('Green Party') },
    ],
    contests,
    authority: { keys: [...options.authorityKeys] },
    release: options.release,
  };
}

/**
 * A caucus in every precinct of `units`: each electing 1 to 10 county delegates (the same for
 * the same precinct id), each county sending a state delegate for every ten of its own.
 */
function generatedCaucus(
  units: readonly ElectionDefinition['units'][number][],
  rules: CaucusRules,
): Contest {
  const delegates: Record<string, number> = {};
  const countyDelegates = new Map<string, number>();
  for (const unit of units) {
    if (unit.type !== 'precinct' || unit.parent === undefined) continue;
    let hash = 0;
    for (const c of unit.id) hash = (hash * 31 + c.charCodeAt(0)) >>> 0;
    const d = 1 + (hash % 10);
    delegates[unit.id] = d;
    countyDelegates.set(unit.parent, (countyDelegates.get(unit.parent) ?? 0) + d);
  }
  const stateDelegates = Object.fromEntries(
    [...countyDelegates].map(([county, d]) => [county, Math.max(1, Math.round(d / 10))]),
  );
  const name = (text: string): { en: string; fr: string } => ({ en: text, fr: text });
  return {
    id: 'caucus',
    kind: 'caucus',
    name: { en: 'Presidential preference caucus', fr: 'Caucus de préférence présidentielle' },
    rules,
    choices: ['A', 'B', 'C', 'D', 'E'].map((letter) => ({
      id: `cand-${letter.toLowerCase()}`,
      name: name(`Candidate ${letter}`),
    })),
    delegates,
    stateDelegates,
  };
}

export function generateElection(options: GenerateOptions): Election {
  const parsed = parseElectionDefinition(generateDefinition(options));
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

/** Plausible, balanced results for one reporting unit and vote type. */
export function generateSubmission(
  election: Election,
  unit: string,
  random: () => number,
  overrides: Partial<Submission> = {},
  /** The part of the unit's turnout this vote type brings (vote types add up to 1). */
  share = 1,
): Submission {
  const registered = election.units.get(unit)?.registeredVoters ?? 1000;
  const ballots = Math.floor(registered * (0.2 + random() * 0.3) * share);
  const voteType = overrides.voteType ?? 'election-day';
  const onBallot = contestsOnBallot(election, unit).filter((c) =>
    reportsContest(election, c, voteType),
  );
  const contests = onBallot.map((contest): ContestResult => {
    if (contest.kind === 'caucus') {
      // A caucus draws a part of the unit's voters.
      const participants = Math.floor(ballots * (0.1 + random() * 0.2));
      return generateCaucusResult(contest, contest.delegates[unit] ?? 0, participants, random);
    }
    const n = voteFor(contest);
    const positions = ballots * n;
    const overvotes = Math.floor(random() * 3) * n;
    const undervotes = Math.floor(positions * random() * 0.05);
    let left = positions - overvotes - undervotes;
    const counts: Record<string, number> = {};
    contest.choices.forEach((choice, i) => {
      const last = i === contest.choices.length - 1;
      // No choice may get more votes than there were ballots.
      const share = last ? left : Math.floor(left * (0.3 + random() * 0.4));
      const votes = Math.min(share, ballots);
      counts[choice.id] = votes;
      left -= votes;
    });
    return {
      contest: contest.id,
      counts,
      ballotsCast: ballots,
      overvotes,
      undervotes: undervotes + left,
    };
  });
  return {
    format: SUBMISSION_FORMAT,
    election: election.definition.id,
    unit,
    voteType,
    sequence: 1,
    time: '2026-11-03T21:00:00Z',
    ballotsCast: ballots,
    contests,
    ...overrides,
  };
}

/**
 * A precinct caucus run by its rules: the first alignment split at random among the preference
 * groups; the members of groups below viability joining a viable one (or going home), and in
 * Iowa the smallest viable groups realigning where there are more than delegates; the delegates
 * allocated, with each game of chance played at random and recorded.
 */
export function generateCaucusResult(
  contest: CaucusContest,
  delegates: number,
  participants: number,
  random: () => number,
): ContestResult {
  const groups = contest.choices.length;
  const weights = contest.choices.map(() => random() ** 2 + 0.05);
  const sum = weights.reduce((a, b) => a + b, 0);
  const first = weights.map((w) => Math.floor((participants * w) / sum));
  first[0] = (first[0] ?? 0) + participants - first.reduce((a, b) => a + b, 0);
  const final = [...first];
  const need = viabilityNumber(participants, delegates);
  /** Moves a group's members to the viable groups (most of them) or home. */
  const realign = (from: number, viable: readonly number[]): void => {
    const members = final[from] ?? 0;
    final[from] = 0;
    for (let k = 0; k < members; k++) {
      if (random() < 0.1 || viable.length === 0) continue;
      const to = viable[Math.floor(random() * viable.length)] as number;
      final[to] = (final[to] ?? 0) + 1;
    }
  };
  const largest = (): number => final.indexOf(Math.max(...final));
  let viable = final.flatMap((m, i) => (m > 0 && m >= need ? [i] : []));
  if (viable.length === 0 && participants > 0) viable = [largest()];
  for (let i = 0; i < groups; i++) if (!viable.includes(i)) realign(i, viable);
  const draws: number[] = [];
  const chance: { for: 'extra' | 'removal'; among: string[]; selected: string }[] = [];
  let given: readonly number[] = final.map(() => 0);
  // A precinct that elects no delegates allocates none (nor does an empty one).
  for (let step = 0; delegates > 0 && step < 100; step++) {
    const allocation = allocateDelegates({
      delegates,
      participants,
      final,
      rules: contest.rules,
      draws,
    });
    if (allocation.type === 'allocated') {
      given = allocation.delegates;
      break;
    }
    if (allocation.type === 'empty') break;
    if (allocation.type === 'realign') {
      const stays = final.flatMap((m, i) => (m > 0 && !allocation.groups.includes(i) ? [i] : []));
      for (const g of allocation.groups) realign(g, stays.length > 0 ? stays : [largest()]);
      continue;
    }
    const { tie } = allocation;
    const selected = tie.among[Math.floor(random() * tie.among.length)] as number;
    draws.push(selected);
    const id = (i: number): string => contest.choices[i]?.id ?? '';
    chance.push({ for: tie.for, among: tie.among.map(id), selected: id(selected) });
  }
  const byGroup = (numbers: readonly number[]): Record<string, number> =>
    Object.fromEntries(contest.choices.map((c, i) => [c.id, numbers[i] ?? 0]));
  return {
    contest: contest.id,
    counts: byGroup(final),
    ballotsCast: participants,
    overvotes: 0,
    undervotes: 0,
    caucus: {
      first: byGroup(first),
      delegates: byGroup(given),
      ...(chance.length === 0 ? {} : { chance }),
    },
  };
}

/** The ways a precinct's report breaks the caucus rules, as Iowa's did in 2020. */
export const CAUCUS_RULE_BREAKS = [
  'final_above_first',
  'delegates_to_nonviable_group',
  'delegates_not_allowed',
] as const;

/**
 * A caucus report with one rule broken, as a tired precinct chair or a misread worksheet breaks
 * it: late arrivals counted in the final alignment; a delegate given to a group that was not
 * viable; a delegate moved from one viable group to another. Undefined where the report has no
 * numbers to break that way (an empty caucus, say).
 */
export function breakCaucusRules(
  result: ContestResult,
  random: () => number,
): ContestResult | undefined {
  const report = result.caucus;
  if (report === undefined) return undefined;
  const groups = Object.keys(result.counts);
  const pick = <T>(xs: readonly T[]): T | undefined => xs[Math.floor(random() * xs.length)];
  const given = groups.filter((g) => (report.delegates[g] ?? 0) > 0);
  const shown = groups.filter((g) => (result.counts[g] ?? 0) > 0);
  const nonviable = groups.filter(
    (g) => (report.delegates[g] ?? 0) === 0 && (report.first[g] ?? 0) > 0,
  );
  const moved = (from: string, to: string): ContestResult => ({
    ...result,
    caucus: {
      ...report,
      delegates: {
        ...report.delegates,
        [from]: (report.delegates[from] ?? 0) - 1,
        [to]: (report.delegates[to] ?? 0) + 1,
      },
    },
  });
  for (const kind of [pick(CAUCUS_RULE_BREAKS), ...CAUCUS_RULE_BREAKS]) {
    const from = pick(given);
    if (kind === 'final_above_first') {
      const to = pick(shown);
      if (to === undefined) continue;
      // More late arrivals than those who left: the final alignment outnumbers the first.
      const sum = (numbers: Readonly<Record<string, number>>): number =>
        Object.values(numbers).reduce((a, b) => a + b, 0);
      const late = sum(report.first) - sum(result.counts) + 1 + Math.floor(random() * 5);
      return { ...result, counts: { ...result.counts, [to]: (result.counts[to] ?? 0) + late } };
    }
    if (kind === 'delegates_to_nonviable_group') {
      const to = pick(nonviable);
      if (from === undefined || to === undefined) continue;
      return moved(from, to);
    }
    const to = pick(given.filter((g) => g !== from));
    if (from === undefined || to === undefined || (report.delegates[from] ?? 0) < 2) continue;
    return moved(from, to);
  }
  return undefined;
}
