// Caucus math, exact: viability, the allocation of a precinct's delegates to the preference
// groups of its final alignment, and state delegate equivalents. Pure, in whole numbers: every
// delegate share is a fraction over the first alignment's participants, so comparing shares is
// comparing whole numerators (no floating point anywhere a rule decides).
//
// The rules (Iowa Democratic Party 2020, and where Nevada 2020 differs; ../shared/vectors/caucus.json):
// - Viability threshold by the precinct's delegates D: none for D = 1 (the caucus as a whole
//   elects its delegate), 25% for D = 2, 1/6 for D = 3, 15% from D = 4. The viability number is
//   the threshold times the first alignment's participants, rounded up; that denominator never
//   shrinks, even when people leave before the final alignment.
// - Each group viable in the final alignment is due members x D / participants delegates,
//   rounded half up. Too few given in all: the missing ones go one at a time to the group due
//   most beyond what it has (at first, the largest decimal among those rounded down). Too many:
//   the extra ones are taken one at a time from the group given most beyond its due (at first,
//   the smallest decimal among those rounded up), never a viable group's only delegate.
// - A tie for a delegate given or taken (dues equal to 4 decimal places) is settled by a game of
//   chance, whose outcome the caller supplies (a recorded log entry): `draws`.
// - More viable groups than delegates: in Iowa the smallest viable groups must realign; in
//   Nevada the precinct's delegates are raised so that each viable group gets one.
// - SDEs: a group's county delegates x the county's state delegates / its county delegates.

/** Which party's rules a caucus follows where they differ. */
export type CaucusRules = 'iowa-2020' | 'nevada-2020';

/** The share of the first alignment a group needs to be viable, as [numerator, denominator]. */
export function viabilityThreshold(delegates: number): readonly [number, number] | undefined {
  if (delegates <= 1) return undefined;
  if (delegates === 2) return [1, 4];
  if (delegates === 3) return [1, 6];
  return [3, 20];
}

/**
 * The members a group needs to be viable: the threshold times the first alignment's
 * participants, rounded up (0 where there is no threshold: a one-delegate caucus).
 */
export function viabilityNumber(participants: number, delegates: number): number {
  const threshold = viabilityThreshold(delegates);
  if (threshold === undefined) return 0;
  const [n, d] = threshold;
  return Math.floor((n * participants + d - 1) / d);
}

/** A tie the rules settle by a game of chance: for a delegate given, or taken back. */
export interface ChanceTie {
  readonly for: 'extra' | 'removal';
  /** The tied groups, by their index in the final alignment. */
  readonly among: readonly number[];
}

export type Allocation =
  /** The delegates of each group of the final alignment, by index; `draws` settled its ties. */
  | {
      readonly type: 'allocated';
      readonly delegates: readonly number[];
      readonly viable: readonly boolean[];
      /** The precinct's delegates as allocated (Nevada raises them: see the header). */
      readonly precinctDelegates: number;
      /** The ties the games of chance settled, in order, with the group each selected. */
      readonly chance: readonly (ChanceTie & { readonly selected: number })[];
    }
  /** The next tie to settle: play the game of chance, record it, and allocate again with it. */
  | { readonly type: 'needs-chance'; readonly tie: ChanceTie; readonly viable: readonly boolean[] }
  /**
   * Groups (by index) that must realign before anything is allocated: every group, where none
   * is viable; in Iowa, with more viable groups than delegates, the smallest viable ones.
   */
  | { readonly type: 'realign'; readonly groups: readonly number[] }
  /** Nobody took part: nothing to allocate. */
  | { readonly type: 'empty' };

export interface AllocationInput {
  /** The precinct's delegates (to the county convention). */
  readonly delegates: number;
  /** The first alignment's participants: the denominator of every share. */
  readonly participants: number;
  /** Each preference group's members in the final alignment. */
  readonly final: readonly number[];
  readonly rules: CaucusRules;
  /**
   * The outcomes of the games of chance played so far, in the order the allocation met its
   * ties: each the index of the group the game selected, to get the delegate (`extra`) or to
   * give one back (`removal`).
   */
  readonly draws?: readonly number[];
}

/** `a / b` to 4 decimal places, half up, as a whole number of ten-thousandths (b > 0). */
function fourPlaces(a: number, b: number): number {
  return Math.floor((20_000 * a + b) / (2 * b));
}

/**
 * The delegates of each group of a precinct's final alignment under its party's rules, or what
 * stops the allocation: a tie only a game of chance settles (play it and pass its outcome in
 * `draws`), or (Iowa) more viable groups than delegates.
 */
export function allocateDelegates(input: AllocationInput): Allocation {
  const draws = input.draws ?? [];
  const set = roundedDelegates(input);
  if (set.type !== 'rounded') return set;
  const { viable, given } = set;
  const chance: (ChanceTie & { selected: number })[] = [];
  let drawn = 0;
  for (;;) {
    const step = adjustment(set, given);
    if (step === undefined) break;
    const { extra, tied } = step;
    let pick = tied[0] as number;
    if (tied.length > 1) {
      const tie: ChanceTie = { for: extra ? 'extra' : 'removal', among: tied };
      const selected = draws[drawn];
      if (selected === undefined || !tied.includes(selected))
        return { type: 'needs-chance', tie, viable };
      drawn++;
      chance.push({ ...tie, selected });
      pick = selected;
    }
    given[pick] = (given[pick] ?? 0) + (extra ? 1 : -1);
  }
  return { type: 'allocated', delegates: given, viable, precinctDelegates: set.delegates, chance };
}

/** A precinct's delegates rounded half up from each viable group's due, before adjusting. */
interface Rounded {
  readonly type: 'rounded';
  readonly viable: readonly boolean[];
  /** Each viable group's due, over `participants`: members x D (a whole number). */
  readonly due: readonly number[];
  readonly participants: number;
  /** The precinct's delegates (Nevada may have raised them). */
  readonly delegates: number;
  readonly given: number[];
}

/** Viability and the first rounding; or what stops the allocation before it. */
function roundedDelegates(
  input: Omit<AllocationInput, 'draws'> & { readonly draws?: readonly number[] },
):
  | Rounded
  | Exclude<Allocation, { type: 'needs-chance' }>
  | Extract<Allocation, { type: 'needs-chance' }> {
  const { participants, final, rules } = input;
  if (participants <= 0 || final.every((m) => m <= 0)) return { type: 'empty' };
  if (input.delegates === 1) return oneDelegate(final, input.draws ?? []);
  const need = viabilityNumber(participants, input.delegates);
  const viable = final.map((m) => m > 0 && m >= need);
  const viableCount = viable.filter(Boolean).length;
  // No group viable: every group must realign (or join another) before anything is allocated.
  if (viableCount === 0) {
    return { type: 'realign', groups: final.flatMap((m, i) => (m > 0 ? [i] : [])) };
  }
  let delegates = input.delegates;
  if (viableCount > delegates) {
    if (rules === 'iowa-2020') {
      // The smallest viable groups, as many as there are too many (ties: all of the size).
      const bySize = final
        .map((m, i) => ({ m, i }))
        .filter((g) => viable[g.i])
        .sort((a, b) => a.m - b.m || a.i - b.i);
      const cut = bySize[viableCount - delegates - 1]?.m ?? 0;
      return {
        type: 'realign',
        groups: bySize
          .filter((g) => g.m <= cut)
          .map((g) => g.i)
          .sort((a, b) => a - b),
      };
    }
    delegates = viableCount;
  }
  const due = final.map((m, i) => (viable[i] === true ? m * delegates : 0));
  const given = due.map((d, i) =>
    viable[i] === true ? Math.floor((2 * d + participants) / (2 * participants)) : 0,
  );
  return { type: 'rounded', viable, due, participants, delegates, given };
}

/**
 * The next adjustment of a rounding that gives too few or too many: one more to the viable
 * group due the most beyond what it has, or one back from the viable group (with two or more)
 * given the most beyond its due; `tied`, the groups equal to 4 decimal places. Undefined once
 * the delegates are all given (or nobody may take or give one).
 */
function adjustment(
  r: Pick<Rounded, 'viable' | 'due' | 'participants' | 'delegates'>,
  given: readonly number[],
): { readonly extra: boolean; readonly tied: readonly number[] } | undefined {
  const total = given.reduce((a, b) => a + b, 0);
  if (total === r.delegates) return undefined;
  const extra = total < r.delegates;
  const candidates = r.viable.flatMap((v, i) => (v && (extra || (given[i] ?? 0) > 1) ? [i] : []));
  if (candidates.length === 0) return undefined;
  /** Beyond its due, a group has given - due / participants, to 4 places (ten-thousandths). */
  const beyond = (i: number): number =>
    fourPlaces((given[i] ?? 0) * r.participants - (r.due[i] ?? 0), r.participants);
  const best = extra ? Math.min(...candidates.map(beyond)) : Math.max(...candidates.map(beyond));
  return { extra, tied: candidates.filter((i) => beyond(i) === best) };
}

/** A one-delegate caucus: the group with the most members elects it; a tie, a game of chance. */
function oneDelegate(final: readonly number[], draws: readonly number[]): Allocation {
  const most = Math.max(...final);
  const tied = final.flatMap((m, i) => (m === most ? [i] : []));
  const viable = final.map(() => true);
  let winner = tied[0] as number;
  const chance: (ChanceTie & { selected: number })[] = [];
  if (tied.length > 1) {
    const tie: ChanceTie = { for: 'extra', among: tied };
    const drawn = draws[0];
    if (drawn === undefined || !tied.includes(drawn)) return { type: 'needs-chance', tie, viable };
    winner = drawn;
    chance.push({ ...tie, selected: drawn });
  }
  return {
    type: 'allocated',
    delegates: final.map((_, i) => (i === winner ? 1 : 0)),
    viable,
    precinctDelegates: 1,
    chance,
  };
}

/**
 * State delegate equivalents of a group's county delegates, to 4 decimal places (half up, as a
 * whole number of ten-thousandths): delegates x the county's state delegates / its county
 * convention delegates.
 */
export function stateDelegateEquivalents(
  countyDelegatesWon: number,
  county: { readonly stateDelegates: number; readonly countyDelegates: number },
): number {
  return fourPlaces(countyDelegatesWon * county.stateDelegates, county.countyDelegates);
}

/** At most this many ways through a precinct's games of chance are followed (see below). */
const MOST_STATES = 20_000;

/**
 * Every allocation the rules allow for a precinct, each once: one for each way its games of
 * chance can fall (none where something stops the allocation: a realignment, or an empty
 * caucus). The ways are followed as the distinct delegates they reach, not as orders of games;
 * undefined past MOST_STATES of them (numbers far outside what a caucus makes).
 */
export function possibleAllocations(
  input: Omit<AllocationInput, 'draws'>,
): (readonly number[])[] | undefined {
  if (input.delegates === 1) {
    const most = Math.max(...input.final);
    if (!(most > 0) || input.participants <= 0) return [];
    return input.final.flatMap((m, i) =>
      m === most ? [input.final.map((_, j) => (j === i ? 1 : 0))] : [],
    );
  }
  const set = roundedDelegates(input);
  if (set.type !== 'rounded') return [];
  const found = new Map<string, readonly number[]>();
  const seen = new Set<string>();
  const queue: (readonly number[])[] = [set.given];
  while (queue.length > 0) {
    const given = queue.pop() as readonly number[];
    const key = given.join(',');
    if (seen.has(key)) continue;
    seen.add(key);
    if (seen.size > MOST_STATES) return undefined;
    const step = adjustment(set, given);
    if (step === undefined) {
      found.set(key, given);
      continue;
    }
    for (const i of step.tied) {
      const next = [...given];
      next[i] = (next[i] ?? 0) + (step.extra ? 1 : -1);
      queue.push(next);
    }
  }
  return [...found.values()];
}

/** Why a precinct's reported caucus numbers break the rules. */
export type CaucusProblemCode =
  | 'missing_first_alignment'
  | 'final_above_first'
  | 'too_many_viable_groups'
  | 'delegates_to_nonviable_group'
  | 'delegates_not_allowed'
  | 'missing_final_alignment'
  | 'no_viable_group'
  | 'chance_not_recorded'
  | 'chance_mismatch';

/** A game of chance as a precinct recorded it: the tie it settled, and the group it selected. */
export interface ChanceOutcome {
  readonly for: 'extra' | 'removal';
  /** The tied groups, by index. */
  readonly among: readonly number[];
  readonly selected: number;
}

export interface CaucusProblem {
  readonly code: CaucusProblemCode;
  readonly message: string;
}

/** A precinct's three sets of numbers as reported, by preference group. */
export interface CaucusReport {
  /** The groups' names, for the messages. */
  readonly groups: readonly string[];
  /** Members per group in the first alignment (undefined: not reported). */
  readonly first: readonly (number | undefined)[];
  /** Members per group in the final alignment. */
  readonly final: readonly (number | undefined)[];
  /** County delegates given to each group (undefined: not reported). */
  readonly delegates?: readonly number[];
  /** The precinct's county delegates. */
  readonly precinctDelegates: number;
  readonly rules: CaucusRules;
  /**
   * The games of chance the precinct recorded, in the order it played them; undefined where the
   * report cannot record them (a published results file), and then they are not asked for.
   */
  readonly chance?: readonly ChanceOutcome[];
}

/**
 * What in a precinct's report breaks the caucus rules: a first alignment missing; more in the
 * final alignment than in the first; more viable groups than delegates (Iowa); delegates to a
 * group not viable in the final alignment; delegates the rules cannot give (no way the games of
 * chance fall gives them). Empty when it keeps them.
 */
export function caucusProblems(report: CaucusReport): CaucusProblem[] {
  const problems: CaucusProblem[] = [];
  const sum = (xs: readonly (number | undefined)[]): number =>
    xs.reduce<number>((a, b) => a + (b ?? 0), 0);
  const first = sum(report.first);
  const final = sum(report.final);
  const given = report.delegates;
  const name = (i: number): string => report.groups[i] ?? `group ${String(i + 1)}`;
  /** Delegates as a reader checks them: the groups that have any. */
  const listed = (delegates: readonly number[]): string =>
    delegates.flatMap((d, i) => (d > 0 ? [`${name(i)} ${String(d)}`] : [])).join(', ') || 'none';
  if (first === 0 && (final > 0 || sum(given ?? []) > 0)) {
    problems.push({
      code: 'missing_first_alignment',
      message:
        final > 0
          ? `no first alignment is reported, but ${String(final)} in the final alignment`
          : `no first alignment is reported, but delegates are (${listed(given ?? [])})`,
    });
    return problems;
  }
  if (final > first) {
    problems.push({
      code: 'final_above_first',
      message: `${String(final)} in the final alignment, more than the ${String(first)} of the first`,
    });
  }
  const D = report.precinctDelegates;
  const members = report.final.map((m) => m ?? 0);
  if (given !== undefined && D <= 0 && sum(given) > 0) {
    problems.push({
      code: 'delegates_not_allowed',
      message: `the precinct elects no county delegates, but reports some (${listed(given)})`,
    });
    return problems;
  }
  // No delegates: nothing is allocated, and viability decides nothing.
  if (D <= 0) return problems;
  // One delegate: the caucus as a whole elects it (by a majority the alignments do not show),
  // but for a group someone stood in: in the final alignment, or the first where no final one
  // is reported.
  if (D === 1) {
    if (given !== undefined && first > 0 && sum(given) !== 1) {
      problems.push({
        code: 'delegates_not_allowed',
        message: `the precinct elects one county delegate; reported ${listed(given)}`,
      });
    } else if (given !== undefined && first > 0) {
      const stood = final > 0 ? members : report.first.map((m) => m ?? 0);
      const to = given.findIndex((d) => d > 0);
      if (to >= 0 && (stood[to] ?? 0) === 0) {
        problems.push({
          code: 'delegates_not_allowed',
          message: `the precinct's one county delegate went to ${name(to)}, with nobody in the ${final > 0 ? 'final' : 'first'} alignment`,
        });
      }
    }
    return problems;
  }
  const need = viabilityNumber(first, D);
  const viable = members.map((m) => m > 0 && m >= need);
  const viableCount = viable.filter(Boolean).length;
  // Delegates are allocated to the groups of a final alignment, one with a viable group at least.
  if (first === 0) {
    // Nobody came: nothing to allocate.
  } else if (final === 0) {
    problems.push({
      code: 'missing_final_alignment',
      message: `${String(first)} in the first alignment, and no final alignment is reported`,
    });
  } else if (viableCount === 0) {
    problems.push({
      code: 'no_viable_group',
      message: `no group of the final alignment has the ${String(need)} viability needs: the caucus realigns until one has`,
    });
  }
  if (report.rules === 'iowa-2020' && viableCount > D) {
    problems.push({
      code: 'too_many_viable_groups',
      message: `${String(viableCount)} groups viable in the final alignment (${String(need)} or more) for ${String(D)} delegates`,
    });
  }
  if (given === undefined) return problems;
  for (const i of given.flatMap((d, j) => (d > 0 && viable[j] !== true ? [j] : []))) {
    problems.push({
      code: 'delegates_to_nonviable_group',
      message: `${name(i)} got ${String(given[i])} delegate(s) with ${String(members[i])} in the final alignment, below the ${String(need)} viability needs`,
    });
  }
  // What the rules give is asked only of numbers they can be applied to.
  if (problems.some((p) => p.code === 'too_many_viable_groups')) return problems;
  const same = (a: readonly number[]): boolean =>
    a.length === given.length && a.every((d, i) => d === given[i]);
  const allowedOver = (participants: number): (readonly number[])[] | undefined =>
    possibleAllocations({ delegates: D, participants, final: members, rules: report.rules });
  if (final > first) {
    // More in the final alignment than in the first: the allocation is asked of either count as
    // its denominator (a precinct that counted late arrivals gave delegates over the final).
    const overFirst = allowedOver(first);
    const overFinal = allowedOver(final);
    if (overFirst === undefined || overFinal === undefined) return problems;
    if (overFirst.length + overFinal.length > 0 && ![...overFirst, ...overFinal].some(same)) {
      const shown = (ways: (readonly number[])[]): string =>
        ways.length === 0 ? 'nothing' : ways.slice(0, 2).map(listed).join(' or ');
      problems.push({
        code: 'delegates_not_allowed',
        message: `reported ${listed(given)}; the rules give ${shown(overFirst)} over the first alignment's ${String(first)}, ${shown(overFinal)} over the final's ${String(final)}`,
      });
    }
    return problems;
  }
  const allowed = allowedOver(first);
  if (allowed === undefined || allowed.length === 0) return problems;
  if (!allowed.some(same)) {
    const shown = allowed.slice(0, 3).map(listed);
    const more = allowed.length > 3 ? ` (or ${String(allowed.length - 3)} more ways)` : '';
    problems.push({
      code: 'delegates_not_allowed',
      message: `reported ${listed(given)}; the rules give ${shown.join(' or ')}${more}`,
    });
    return problems;
  }
  if (report.chance !== undefined) {
    const input = { delegates: D, participants: first, final: members, rules: report.rules };
    problems.push(...chanceProblems(input, given, report.chance, name, listed));
  }
  return problems;
}

/**
 * Whether the games of chance a precinct recorded are those its numbers called for, in order,
 * and select the delegates it reported (which the rules allow with some outcome of them).
 */
function chanceProblems(
  input: Omit<AllocationInput, 'draws'>,
  given: readonly number[],
  outcomes: readonly ChanceOutcome[],
  name: (i: number) => string,
  listed: (delegates: readonly number[]) => string,
): CaucusProblem[] {
  const names = (groups: readonly number[]): string => groups.map(name).join(', ');
  const what = (tie: ChanceTie): string =>
    `a tie between ${names(tie.among)} for ${tie.for === 'extra' ? 'a delegate more' : 'a delegate back'}`;
  const draws: number[] = [];
  for (;;) {
    const allocation = allocateDelegates({ ...input, draws });
    if (allocation.type === 'needs-chance') {
      const outcome = outcomes[draws.length];
      const { tie } = allocation;
      if (outcome === undefined) {
        return [
          {
            code: 'chance_not_recorded',
            message: `${what(tie)} is settled by a game of chance, and the report records none`,
          },
        ];
      }
      const sameTie =
        outcome.for === tie.for &&
        outcome.among.length === tie.among.length &&
        tie.among.every((i) => outcome.among.includes(i)) &&
        tie.among.includes(outcome.selected);
      if (!sameTie) {
        return [
          {
            code: 'chance_mismatch',
            message: `the report records a game of chance that selected ${name(outcome.selected)} among ${names(outcome.among)}; the numbers call for ${what(tie)}`,
          },
        ];
      }
      draws.push(outcome.selected);
      continue;
    }
    if (outcomes.length > draws.length) {
      return [
        {
          code: 'chance_mismatch',
          message: `the report records ${String(outcomes.length)} game(s) of chance; the numbers call for ${String(draws.length)}`,
        },
      ];
    }
    if (
      allocation.type === 'allocated' &&
      !allocation.delegates.every((d, i) => d === (given[i] ?? 0))
    ) {
      return [
        {
          code: 'delegates_not_allowed',
          message: `reported ${listed(given)}; with the games of chance as recorded, the rules give ${listed(allocation.delegates)}`,
        },
      ];
    }
    return [];
  }
}
