// A precinct's report as the chair fills it in: per contest the unit reports in the chosen vote
// type, a ballot contest's votes per choice, ballots, overvotes and undervotes, or a caucus's
// worksheet (first alignment, viability, final alignment, delegates worked out by the rules and
// the games of chance played); the arithmetic and the rules' problems shown while typing; and the
// submission it becomes. Pure: "the report sent is the report typed" is tested without a browser,
// and report_form.test.ts holds the problems found here to core's rules (checkSubmission).
import {
  allocateDelegates,
  caucusProblems,
  viabilityNumber,
  type Allocation,
  type CaucusProblemCode,
  type CaucusRules,
  type ChanceTie,
} from '../../core/caucus.js';
import { err, ok, type Result } from '../../core/result.js';
import type { ContestResult, Submission } from '../../core/submission.js';
import {
  contestsOnBallot,
  voteFor,
  type Contest,
  type DefinitionIndex,
  type Unit,
} from '../../web/staff/definition.js';
import {
  contestBalance,
  parseCount,
  SHEET_PHOTO,
  type ContestBalance,
} from '../../web/staff/sheet_form.js';

export { parseCount, SHEET_PHOTO, type ContestBalance };

/** core's SUBMISSION_FORMAT (src/core/submission.ts), which the tests hold it to. */
export const SUBMISSION_FORMAT = 'tally-submission/1';

/** The vote types a reporting unit reports: its own, else the nearest unit's above, else all. */
export function unitVoteTypes(index: DefinitionIndex, unit: string): readonly string[] {
  for (let at: string | undefined = unit, seen = 0; at !== undefined && seen < 1000; seen++) {
    const found = index.units.get(at);
    if (found?.voteTypes !== undefined) return found.voteTypes;
    at = found?.parent;
  }
  return index.definition.voteTypes.map((v) => v.id);
}

/** Whether a report of `voteType` carries the contest: every one does, but a caucus its own. */
export function reportsContest(
  index: DefinitionIndex,
  contest: Contest,
  voteType: string,
): boolean {
  if (contest.kind !== 'caucus') return true;
  return voteType === (contest.voteType ?? index.definition.voteTypes[0]?.id);
}

/** The contests a unit's report of `voteType` carries, in the definition's order. */
export function reportedContests(
  index: DefinitionIndex,
  unit: string,
  voteType: string,
): readonly Contest[] {
  return contestsOnBallot(index, unit).filter((c) => reportsContest(index, c, voteType));
}

/**
 * The reporting units a key certified for `unit` reports for: the unit itself when it is one,
 * else those beneath it (a county's phone reports for its precincts), in the definition's order.
 */
export function reportingUnitsFor(index: DefinitionIndex, unit: string): readonly Unit[] {
  return index.reportingUnits.filter((u) => {
    for (let at: string | undefined = u.id, seen = 0; at !== undefined && seen < 1000; seen++) {
      if (at === unit) return true;
      at = index.units.get(at)?.parent;
    }
    return false;
  });
}

/** A ballot contest's numbers as typed. */
export interface BallotContestForm {
  readonly kind: 'ballot';
  readonly contest: string;
  readonly voteFor: number;
  /** The contest's choices, in the definition's order (the tally sheet's). */
  readonly choices: readonly string[];
  readonly counts: Readonly<Record<string, string>>;
  readonly ballotsCast: string;
  readonly overvotes: string;
  readonly undervotes: string;
}

/** A caucus's worksheet as typed: both alignments, and the games of chance played so far. */
export interface CaucusContestForm {
  readonly kind: 'caucus';
  readonly contest: string;
  /** The preference groups (the contest's choices), in the definition's order. */
  readonly groups: readonly string[];
  /** The precinct's delegates to the county convention (the contest's delegates[unit]). */
  readonly delegates: number;
  readonly rules: CaucusRules;
  readonly first: Readonly<Record<string, string>>;
  readonly final: Readonly<Record<string, string>>;
  /**
   * The groups the games of chance selected, by index, in the order the allocation met its ties
   * (core's `draws`). Typing a number of the worksheet again clears them: the ties may differ.
   */
  readonly draws: readonly number[];
}

export type ContestForm = BallotContestForm | CaucusContestForm;

export interface ReportForm {
  readonly unit: string;
  readonly voteType: string;
  /** Ballots cast in the unit; asked only where a ballot contest is reported (see unitBallots). */
  readonly ballotsCast: string;
  readonly contests: readonly ContestForm[];
}

/** One number of the form. */
export type ReportField =
  | { readonly kind: 'unitBallots' }
  | { readonly kind: 'choice'; readonly contest: string; readonly choice: string }
  | { readonly kind: 'ballotsCast' | 'overvotes' | 'undervotes'; readonly contest: string }
  | { readonly kind: 'first' | 'final'; readonly contest: string; readonly group: string };

/** The field's id in the page (ids may hold . : - _, which the definition's ids use). */
export function fieldId(field: ReportField): string {
  switch (field.kind) {
    case 'unitBallots':
      return 'report-ballots';
    case 'choice':
      return `report-${field.contest}-choice-${field.choice}`;
    case 'ballotsCast':
    case 'overvotes':
    case 'undervotes':
      return `report-${field.contest}-${field.kind}`;
    case 'first':
    case 'final':
      return `report-${field.contest}-${field.kind}-${field.group}`;
  }
}

const blanks = (ids: readonly string[]): Record<string, string> =>
  Object.fromEntries(ids.map((id) => [id, '']));

/** The empty report of a unit and vote type: one block per contest it reports. */
export function emptyReportForm(
  index: DefinitionIndex,
  unit: string,
  voteType: string,
): ReportForm {
  return {
    unit,
    voteType,
    ballotsCast: '',
    contests: reportedContests(index, unit, voteType).map((c): ContestForm => {
      const choices = c.choices.map((ch) => ch.id);
      if (c.kind === 'caucus') {
        return {
          kind: 'caucus',
          contest: c.id,
          groups: choices,
          delegates: c.delegates[unit] ?? 0,
          rules: c.rules,
          first: blanks(choices),
          final: blanks(choices),
          draws: [],
        };
      }
      return {
        kind: 'ballot',
        contest: c.id,
        voteFor: voteFor(c),
        choices,
        counts: blanks(choices),
        ballotsCast: '',
        overvotes: '',
        undervotes: '',
      };
    }),
  };
}

/** Whether the report asks for the unit's ballots: a caucus alone takes its participants. */
export function asksUnitBallots(form: ReportForm): boolean {
  return form.contests.some((c) => c.kind === 'ballot');
}

/** The form with one field set to what the chair typed. */
export function withField(form: ReportForm, field: ReportField, text: string): ReportForm {
  if (field.kind === 'unitBallots') return { ...form, ballotsCast: text };
  return {
    ...form,
    contests: form.contests.map((c): ContestForm => {
      if (c.contest !== field.contest) return c;
      switch (field.kind) {
        case 'choice':
          return c.kind === 'ballot' ? { ...c, counts: { ...c.counts, [field.choice]: text } } : c;
        case 'ballotsCast':
        case 'overvotes':
        case 'undervotes':
          return c.kind === 'ballot' ? { ...c, [field.kind]: text } : c;
        case 'first':
        case 'final':
          return c.kind === 'caucus'
            ? { ...c, [field.kind]: { ...c[field.kind], [field.group]: text }, draws: [] }
            : c;
      }
    }),
  };
}

/** The worksheet with the outcome of the game of chance it asked for: the group it selected. */
export function withDraw(form: ReportForm, contest: string, group: number): ReportForm {
  return {
    ...form,
    contests: form.contests.map((c) =>
      c.contest === contest && c.kind === 'caucus' ? { ...c, draws: [...c.draws, group] } : c,
    ),
  };
}

/** Every field of the form, in the order the chair fills them in. */
export function reportFields(form: ReportForm): { field: ReportField; text: string }[] {
  return [
    ...(asksUnitBallots(form)
      ? [{ field: { kind: 'unitBallots' } as const, text: form.ballotsCast }]
      : []),
    ...form.contests.flatMap((c): { field: ReportField; text: string }[] =>
      c.kind === 'ballot'
        ? [
            ...c.choices.map((choice) => ({
              field: { kind: 'choice', contest: c.contest, choice } as const,
              text: c.counts[choice] ?? '',
            })),
            ...(['ballotsCast', 'overvotes', 'undervotes'] as const).map((kind) => ({
              field: { kind, contest: c.contest } as const,
              text: c[kind],
            })),
          ]
        : (['first', 'final'] as const).flatMap((kind) =>
            c.groups.map((group) => ({
              field: { kind, contest: c.contest, group } as const,
              text: c[kind][group] ?? '',
            })),
          ),
    ),
  ];
}

/** A ballot contest's arithmetic, once all its numbers are typed (staff sheet_form's). */
export function ballotBalance(contest: BallotContestForm): ContestBalance | undefined {
  return contestBalance(contest);
}

/** Whole counts typed in every one of `ids`, or undefined while any is missing or not a count. */
function countsOf(
  texts: Readonly<Record<string, string>>,
  ids: readonly string[],
): number[] | undefined {
  const numbers = ids.map((id) => parseCount(texts[id] ?? ''));
  return numbers.every((n): n is number => n !== undefined && !Number.isNaN(n))
    ? numbers
    : undefined;
}

/** A caucus worksheet worked out as far as what is typed allows. */
export interface CaucusWorksheet {
  /** The first alignment's participants: every one's denominator. */
  readonly participants?: number;
  /** The members a group needs to be viable (0: a one-delegate caucus has no threshold). */
  readonly viabilityNumber?: number;
  /** Whether each group reached it in the first alignment. */
  readonly viableFirst?: readonly boolean[];
  readonly finalTotal?: number;
  /** The rules' allocation of the precinct's delegates to the final alignment's groups. */
  readonly allocation?: Allocation;
}

export function caucusWorksheet(c: CaucusContestForm): CaucusWorksheet {
  const first = countsOf(c.first, c.groups);
  if (first === undefined) return {};
  const participants = first.reduce((a, b) => a + b, 0);
  const need = viabilityNumber(participants, c.delegates);
  const worked = {
    participants,
    viabilityNumber: need,
    viableFirst: first.map((m) => m > 0 && m >= need),
  };
  const final = countsOf(c.final, c.groups);
  if (final === undefined) return worked;
  const finalTotal = final.reduce((a, b) => a + b, 0);
  // Nobody joins after the first alignment: more in the final one is a mistake in the numbers,
  // and every share of the rules is over the first alignment's participants.
  if (finalTotal > participants) return { ...worked, finalTotal };
  // A precinct that elects no delegate has none to allocate.
  const allocation: Allocation =
    c.delegates === 0
      ? {
          type: 'allocated',
          delegates: final.map(() => 0),
          viable: final.map(() => false),
          precinctDelegates: 0,
          chance: [],
        }
      : allocateDelegates({
          delegates: c.delegates,
          participants,
          final,
          rules: c.rules,
          draws: c.draws,
        });
  return { ...worked, finalTotal, allocation };
}

/** What is wrong with the report as typed: an error stops it being sent, a warning does not. */
export type ReportProblem =
  | { readonly kind: 'missing' | 'notACount'; readonly field: ReportField }
  /** A contest's ballots (or a caucus's participants) above the unit's ballots. */
  | {
      readonly kind: 'ballotsAboveUnit';
      readonly contest: string;
      readonly ballots: number;
      readonly unitBallots: number;
    }
  /** A choice with more votes than the contest's ballots. */
  | {
      readonly kind: 'choiceAboveBallots';
      readonly contest: string;
      readonly choice: string;
      readonly votes: number;
      readonly ballots: number;
    }
  /** Votes, overvotes and undervotes above ballots × vote-for (an error), or not equal (a warning). */
  | {
      readonly kind: 'positionsAboveBallots' | 'unbalanced';
      readonly contest: string;
      readonly balance: ContestBalance;
    }
  /** A tie for a delegate the game of chance settles: play it and record the group it selected. */
  | { readonly kind: 'needsChance'; readonly contest: string; readonly tie: ChanceTie }
  /** More in the final alignment than in the first: the numbers are wrong. */
  | {
      readonly kind: 'finalAboveFirst';
      readonly contest: string;
      readonly first: number;
      readonly final: number;
    }
  /** Groups that must realign before the delegates can be allocated. */
  | { readonly kind: 'realign'; readonly contest: string; readonly groups: readonly number[] }
  /** What core's caucus rules say of the worksheet (a warning: a reviewer looks). */
  | {
      readonly kind: 'caucusRule';
      readonly contest: string;
      readonly code: CaucusProblemCode;
      readonly message: string;
    }
  | {
      readonly kind: 'turnoutAboveRegistered';
      readonly ballots: number;
      readonly registered: number;
    };

export function isError(problem: ReportProblem): boolean {
  return !(
    problem.kind === 'unbalanced' ||
    problem.kind === 'caucusRule' ||
    problem.kind === 'turnoutAboveRegistered'
  );
}

/** The unit's ballots as the report gives them: typed, or a caucus's largest first alignment. */
export function unitBallots(form: ReportForm): number | undefined {
  if (asksUnitBallots(form)) {
    const n = parseCount(form.ballotsCast);
    return n === undefined || Number.isNaN(n) ? undefined : n;
  }
  let most = 0;
  for (const c of form.contests) {
    if (c.kind !== 'caucus') continue;
    const participants = caucusWorksheet(c).participants;
    if (participants === undefined) return undefined;
    most = Math.max(most, participants);
  }
  return most;
}

/**
 * Every problem of the report as typed, in the form's order: the fields not filled in with a
 * count, then per contest what the rules make of it (core's impossible counts and unbalanced
 * contests; a caucus's ties to settle, realignments and rules), then turnout.
 */
export function reportProblems(
  form: ReportForm,
  registeredVoters: number | undefined,
  /** The names the caucus rules' messages give a contest's groups (their ids unless told). */
  groupNames?: (contest: string) => readonly string[],
): ReportProblem[] {
  const problems: ReportProblem[] = [];
  for (const { field, text } of reportFields(form)) {
    const n = parseCount(text);
    if (n === undefined) problems.push({ kind: 'missing', field });
    else if (Number.isNaN(n)) problems.push({ kind: 'notACount', field });
  }
  const ballots = unitBallots(form);
  for (const c of form.contests) {
    if (c.kind === 'ballot') {
      const balance = ballotBalance(c);
      if (balance === undefined) continue;
      if (ballots !== undefined && balance.ballots > ballots) {
        problems.push({
          kind: 'ballotsAboveUnit',
          contest: c.contest,
          ballots: balance.ballots,
          unitBallots: ballots,
        });
        continue;
      }
      const over = c.choices.find((ch) => (parseCount(c.counts[ch] ?? '') ?? 0) > balance.ballots);
      if (over !== undefined) {
        problems.push({
          kind: 'choiceAboveBallots',
          contest: c.contest,
          choice: over,
          votes: parseCount(c.counts[over] ?? '') ?? 0,
          ballots: balance.ballots,
        });
        continue;
      }
      if (balance.positions > balance.expected)
        problems.push({ kind: 'positionsAboveBallots', contest: c.contest, balance });
      else if (!balance.balances)
        problems.push({ kind: 'unbalanced', contest: c.contest, balance });
      continue;
    }
    const sheet = caucusWorksheet(c);
    if (sheet.participants !== undefined && ballots !== undefined && sheet.participants > ballots) {
      problems.push({
        kind: 'ballotsAboveUnit',
        contest: c.contest,
        ballots: sheet.participants,
        unitBallots: ballots,
      });
    }
    if (
      sheet.participants !== undefined &&
      sheet.finalTotal !== undefined &&
      sheet.finalTotal > sheet.participants
    ) {
      problems.push({
        kind: 'finalAboveFirst',
        contest: c.contest,
        first: sheet.participants,
        final: sheet.finalTotal,
      });
      continue;
    }
    const allocation = sheet.allocation;
    if (allocation === undefined) continue;
    if (allocation.type === 'needs-chance') {
      problems.push({ kind: 'needsChance', contest: c.contest, tie: allocation.tie });
      continue;
    }
    if (allocation.type === 'realign') {
      problems.push({ kind: 'realign', contest: c.contest, groups: allocation.groups });
      continue;
    }
    for (const p of caucusProblems({
      groups: groupNames?.(c.contest) ?? c.groups,
      first: c.groups.map((g) => parseCount(c.first[g] ?? '')),
      final: c.groups.map((g) => parseCount(c.final[g] ?? '')),
      delegates: delegatesOf(allocation, c.groups.length),
      precinctDelegates: c.delegates,
      rules: c.rules,
      chance: allocation.type === 'allocated' ? allocation.chance : [],
    })) {
      problems.push({ kind: 'caucusRule', contest: c.contest, code: p.code, message: p.message });
    }
  }
  if (ballots !== undefined && registeredVoters !== undefined && ballots > registeredVoters) {
    problems.push({ kind: 'turnoutAboveRegistered', ballots, registered: registeredVoters });
  }
  return problems;
}

/** The delegates each group is given: the allocation's, or none (nobody took part). */
function delegatesOf(allocation: Allocation, groups: number): readonly number[] {
  return allocation.type === 'allocated' ? allocation.delegates : Array<number>(groups).fill(0);
}

/** What goes with a report's numbers into its submission. */
export interface ReportMeta {
  readonly election: string;
  readonly sequence: number;
  /** RFC 3339 (rfc3339 below). */
  readonly time: string;
  /** The SHA-256 of the tally sheet's photo, when one goes with it. */
  readonly photo?: string;
  /** Why it replaces the device's earlier report for the unit and vote type. */
  readonly amendment?: string;
}

/** The submission the form holds; or the errors that stop it being sent. */
export function submissionOf(
  form: ReportForm,
  meta: ReportMeta,
): Result<Submission, readonly ReportProblem[]> {
  const errors = reportProblems(form, undefined).filter(isError);
  if (errors.length > 0) return err(errors);
  const count = (text: string): number => parseCount(text) ?? 0;
  const byId = (ids: readonly string[], numbers: readonly number[]): Record<string, number> =>
    Object.fromEntries(ids.map((id, i) => [id, numbers[i] ?? 0]));
  const contests = form.contests.map((c): ContestResult => {
    if (c.kind === 'ballot') {
      return {
        contest: c.contest,
        counts: Object.fromEntries(c.choices.map((ch) => [ch, count(c.counts[ch] ?? '')])),
        ballotsCast: count(c.ballotsCast),
        overvotes: count(c.overvotes),
        undervotes: count(c.undervotes),
      };
    }
    const first = c.groups.map((g) => count(c.first[g] ?? ''));
    const sheet = caucusWorksheet(c);
    const allocation = sheet.allocation;
    const chance =
      allocation?.type === 'allocated'
        ? allocation.chance.map((t) => ({
            for: t.for,
            among: t.among.map((i) => c.groups[i] ?? ''),
            selected: c.groups[t.selected] ?? '',
          }))
        : [];
    return {
      contest: c.contest,
      counts: byId(
        c.groups,
        c.groups.map((g) => count(c.final[g] ?? '')),
      ),
      ballotsCast: first.reduce((a, b) => a + b, 0),
      overvotes: 0,
      undervotes: 0,
      caucus: {
        first: byId(c.groups, first),
        delegates: byId(
          c.groups,
          allocation === undefined ? [] : delegatesOf(allocation, c.groups.length),
        ),
        ...(chance.length === 0 ? {} : { chance }),
      },
    };
  });
  return ok({
    format: SUBMISSION_FORMAT,
    election: meta.election,
    unit: form.unit,
    voteType: form.voteType,
    sequence: meta.sequence,
    time: meta.time,
    ballotsCast: unitBallots(form) ?? 0,
    contests,
    ...(meta.photo === undefined ? {} : { evidence: [{ sha256: meta.photo, kind: SHEET_PHOTO }] }),
    ...(meta.amendment === undefined ? {} : { amendment: { reason: meta.amendment } }),
  });
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** A time as RFC 3339 in the device's own offset, to the second (2026-11-03T22:04:05-06:00). */
export function rfc3339(date: Date): string {
  const offset = -date.getTimezoneOffset();
  const local = new Date(date.getTime() + offset * 60_000).toISOString().slice(0, 19);
  const abs = Math.abs(offset);
  return `${local}${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
