// The results desk's keying form as data: the fields a paper tally sheet has for a unit and vote
// type (the unit's ballots cast; per contest on its ballot, each choice's votes, the ballots
// counted, overvotes and undervotes), what the operator typed in each, the sheet JSON it becomes
// for POST …/desk/sheets, and the arithmetic shown while keying. Pure, so that "the sheet sent
// is the sheet keyed" is tested without a browser.
import { err, ok, type Result } from '../../core/result.js';
import type { KeyedSheet } from '../../core/desk.js';
import { contestsOnBallot, voteFor, type DefinitionIndex } from './definition.js';

export interface ContestForm {
  readonly contest: string;
  readonly voteFor: number;
  /** The contest's choices, in the definition's order (the sheet's). */
  readonly choices: readonly string[];
  /** What the operator typed, by choice id. */
  readonly counts: Readonly<Record<string, string>>;
  readonly ballotsCast: string;
  readonly overvotes: string;
  readonly undervotes: string;
}

/** What a tally sheet's photo is called in a submission's evidence. */
export const SHEET_PHOTO = 'tally-sheet-photo';

export interface SheetForm {
  readonly unit: string;
  readonly voteType: string;
  readonly ballotsCast: string;
  readonly contests: readonly ContestForm[];
  /** The SHA-256 of the sheet's photo, once uploaded. */
  readonly photo?: string;
}

/** One number of the form: the unit's ballots, or a contest's choice or total. */
export type SheetField =
  | { readonly kind: 'unitBallots' }
  | { readonly kind: 'choice'; readonly contest: string; readonly choice: string }
  | {
      readonly kind: 'ballotsCast' | 'overvotes' | 'undervotes';
      readonly contest: string;
    };

/** The field's id in the page (ids may hold . : - _, which the definition's ids use). */
export function fieldId(field: SheetField): string {
  switch (field.kind) {
    case 'unitBallots':
      return 'sheet-ballots';
    case 'choice':
      return `sheet-${field.contest}-choice-${field.choice}`;
    case 'ballotsCast':
    case 'overvotes':
    case 'undervotes':
      return `sheet-${field.contest}-${field.kind}`;
  }
}

/**
 * The empty form for a unit's sheet: one block per ballot contest on the unit's ballot. A
 * caucus's report (its alignments, delegates and games of chance) comes from its precinct, not
 * from a tally sheet keyed at the desk.
 */
export function emptySheetForm(index: DefinitionIndex, unit: string, voteType: string): SheetForm {
  return {
    unit,
    voteType,
    ballotsCast: '',
    contests: contestsOnBallot(index, unit)
      .filter((c) => c.kind !== 'caucus')
      .map((c) => ({
        contest: c.id,
        voteFor: voteFor(c),
        choices: c.choices.map((ch) => ch.id),
        counts: Object.fromEntries(c.choices.map((ch) => [ch.id, ''])),
        ballotsCast: '',
        overvotes: '',
        undervotes: '',
      })),
  };
}

/** The form with one field set to what the operator typed. */
export function withField(form: SheetForm, field: SheetField, text: string): SheetForm {
  if (field.kind === 'unitBallots') return { ...form, ballotsCast: text };
  return {
    ...form,
    contests: form.contests.map((c) => {
      if (c.contest !== field.contest) return c;
      return field.kind === 'choice'
        ? { ...c, counts: { ...c.counts, [field.choice]: text } }
        : { ...c, [field.kind]: text };
    }),
  };
}

/** The largest count a field takes: the API's counts are integers, far below this. */
const MAX_COUNT = 999_999_999;

/**
 * A typed count: digits, with spaces or the separators people type between thousands
 * (1 234, 1,234, 1.234, 1'234) ignored; undefined when empty; NaN when it is no count.
 */
export function parseCount(text: string): number | undefined {
  const plain = text.replace(/[\s\u00a0\u202f,.'’]/g, '');
  if (plain === '') return undefined;
  if (!/^\d+$/.test(plain)) return Number.NaN;
  const n = Number(plain);
  return n <= MAX_COUNT ? n : Number.NaN;
}

export interface FieldProblem {
  readonly field: SheetField;
  readonly problem: 'missing' | 'notACount';
}

/** Every field of the form, in the order the operator keys them. */
export function sheetFields(form: SheetForm): { field: SheetField; text: string }[] {
  return [
    { field: { kind: 'unitBallots' }, text: form.ballotsCast },
    ...form.contests.flatMap((c) => [
      ...c.choices.map((choice) => ({
        field: { kind: 'choice', contest: c.contest, choice } as const,
        text: c.counts[choice] ?? '',
      })),
      ...(['ballotsCast', 'overvotes', 'undervotes'] as const).map((kind) => ({
        field: { kind, contest: c.contest } as const,
        text: c[kind],
      })),
    ]),
  ];
}

/** The fields not filled in with a count. */
export function fieldProblems(form: SheetForm): FieldProblem[] {
  return sheetFields(form).flatMap(({ field, text }): FieldProblem[] => {
    const n = parseCount(text);
    if (n === undefined) return [{ field, problem: 'missing' }];
    if (Number.isNaN(n)) return [{ field, problem: 'notACount' }];
    return [];
  });
}

/** The sheet the form holds, as POST …/desk/sheets takes it; or every field that is not a count. */
export function sheetOf(form: SheetForm): Result<KeyedSheet, readonly FieldProblem[]> {
  const problems = fieldProblems(form);
  if (problems.length > 0) return err(problems);
  const count = (text: string): number => parseCount(text) ?? 0;
  return ok({
    unit: form.unit,
    voteType: form.voteType,
    ...(form.photo === undefined ? {} : { evidence: [{ sha256: form.photo, kind: SHEET_PHOTO }] }),
    ballotsCast: count(form.ballotsCast),
    contests: form.contests.map((c) => ({
      contest: c.contest,
      counts: Object.fromEntries(c.choices.map((ch) => [ch, count(c.counts[ch] ?? '')])),
      ballotsCast: count(c.ballotsCast),
      overvotes: count(c.overvotes),
      undervotes: count(c.undervotes),
    })),
  });
}

/** A contest's arithmetic as keyed so far: votes + overvotes + undervotes against ballots × vote-for. */
export interface ContestBalance {
  readonly votes: number;
  readonly ballots: number;
  readonly voteFor: number;
  readonly overvotes: number;
  readonly undervotes: number;
  /** Votes + overvotes + undervotes. */
  readonly positions: number;
  /** Ballots × vote-for: what the positions must come to. */
  readonly expected: number;
  readonly balances: boolean;
}

/** The contest's balance, once all its numbers are keyed (undefined before). */
export function contestBalance(contest: ContestForm): ContestBalance | undefined {
  const numbers = [
    ...contest.choices.map((ch) => parseCount(contest.counts[ch] ?? '')),
    parseCount(contest.ballotsCast),
    parseCount(contest.overvotes),
    parseCount(contest.undervotes),
  ];
  if (numbers.some((n) => n === undefined || Number.isNaN(n))) return undefined;
  const of = (text: string): number => parseCount(text) ?? 0;
  const votes = contest.choices.reduce((sum, ch) => sum + of(contest.counts[ch] ?? ''), 0);
  const positions = votes + of(contest.overvotes) + of(contest.undervotes);
  const expected = of(contest.ballotsCast) * contest.voteFor;
  return {
    votes,
    ballots: of(contest.ballotsCast),
    voteFor: contest.voteFor,
    overvotes: of(contest.overvotes),
    undervotes: of(contest.undervotes),
    positions,
    expected,
    balances: positions === expected,
  };
}

/** The unit's ballots against its registered voters, once keyed (undefined before, or unknown). */
export function turnoutOf(
  form: SheetForm,
  registeredVoters: number | undefined,
): { readonly ballots: number; readonly registered: number; readonly above: boolean } | undefined {
  const ballots = parseCount(form.ballotsCast);
  if (registeredVoters === undefined || ballots === undefined || Number.isNaN(ballots))
    return undefined;
  return { ballots, registered: registeredVoters, above: ballots > registeredVoters };
}
