// Four-eyes entry of paper tally sheets (the model of the Dutch Kiesraad's Abacus): two desk
// operators key the same sheet independently; only entries that agree become a submission,
// signed by the office's desk key and naming both. Entries that differ go to a reviewer, who
// sees both side by side. Pure: what a sheet is, whether two entries agree and where they
// differ, the checks an operator sees while keying, and the submission a sheet becomes.
import { z } from 'zod';
import { Id, type Election } from './election.js';
import type { Problem, ProblemSummary, Result } from './result.js';
import { err, ok } from './result.js';
import {
  checkSubmission,
  ContestResult,
  countsFingerprint,
  Evidence,
  SUBMISSION_FORMAT,
  type Submission,
  type SubmissionError,
} from './submission.js';

/** A tally sheet as one desk operator keyed it: a unit's numbers for one vote type. */
export const KeyedSheet = z.strictObject({
  unit: Id,
  voteType: Id,
  ballotsCast: z.int().min(0),
  // A ballot tally sheet's numbers: a caucus's report comes from its precinct, not the desk.
  contests: z
    .array(ContestResult.omit({ caucus: true }))
    .min(1)
    .max(1000),
  /** The sheet's photo, when one was taken. */
  evidence: z.array(Evidence).max(20).optional(),
});
export type KeyedSheet = Readonly<z.infer<typeof KeyedSheet>>;

/** A sheet as the submission it becomes, before its sequence number, time and signature. */
export interface SheetSubmission {
  readonly sequence: number;
  readonly time: string;
  readonly keyedBy: readonly [string, string];
  readonly resolvedBy?: string;
  /** Why it replaces the desk's earlier submission for the same unit and vote type. */
  readonly amendment?: string;
}

export function sheetSubmission(
  election: Election,
  sheet: KeyedSheet,
  how: SheetSubmission,
): Submission {
  return {
    format: SUBMISSION_FORMAT,
    election: election.definition.id,
    unit: sheet.unit,
    voteType: sheet.voteType,
    sequence: how.sequence,
    time: how.time,
    ballotsCast: sheet.ballotsCast,
    contests: sheet.contests,
    ...(sheet.evidence === undefined ? {} : { evidence: sheet.evidence }),
    ...(how.amendment === undefined ? {} : { amendment: { reason: how.amendment } }),
    desk: {
      keyedBy: [how.keyedBy[0], how.keyedBy[1]],
      ...(how.resolvedBy === undefined ? {} : { resolvedBy: how.resolvedBy }),
    },
  };
}

/**
 * What the rules say of a keyed sheet while it is keyed: a hard error (it cannot be submitted:
 * a count above the ballots, a contest not on the unit's ballot), or the warnings that would
 * hold it for a reviewer (the arithmetic does not balance: votes + undervotes + overvotes
 * against ballots × vote-for; ballots above registration).
 */
export function checkSheet(
  election: Election,
  sheet: KeyedSheet,
): Result<readonly ProblemSummary[], SubmissionError> {
  const checked = checkSubmission(
    election,
    sheetSubmission(election, sheet, {
      sequence: 1,
      time: '2000-01-01T00:00:00Z',
      keyedBy: ['a', 'b'],
    }),
  );
  if (!checked.ok) return err(checked.error);
  return ok(checked.value.map((w: Problem) => ({ code: w.code, message: w.message })));
}

/** Whether two operators keyed the same numbers (in whatever order they keyed the contests). */
export function sheetsAgree(a: KeyedSheet, b: KeyedSheet): boolean {
  return a.unit === b.unit && a.voteType === b.voteType && fingerprint(a) === fingerprint(b);
}

const fingerprint = (s: KeyedSheet): string =>
  countsFingerprint({ ballotsCast: s.ballotsCast, contests: s.contests } as Submission);

/** One number two entries of a sheet disagree on. */
export interface SheetDifference {
  /** `ballotsCast`, or a contest's `ballotsCast`, `overvotes`, `undervotes` or a choice id. */
  readonly field: string;
  /** The contest, for a contest's number. */
  readonly contest?: string;
  /** Each entry's number; absent where an entry has none. */
  readonly first?: number;
  readonly second?: number;
}

/** Every number two entries of a sheet disagree on, in the first entry's order. */
export function sheetDifferences(first: KeyedSheet, second: KeyedSheet): SheetDifference[] {
  const out: SheetDifference[] = [];
  const differ = (d: SheetDifference): void => {
    if (d.first !== d.second) out.push(d);
  };
  differ({ field: 'ballotsCast', first: first.ballotsCast, second: second.ballotsCast });
  const others = new Map(second.contests.map((c) => [c.contest, c]));
  const contests = [
    ...first.contests.map((c) => c.contest),
    ...second.contests
      .map((c) => c.contest)
      .filter((c) => !first.contests.some((f) => f.contest === c)),
  ];
  const mine = new Map(first.contests.map((c) => [c.contest, c]));
  for (const contest of contests) {
    const a = mine.get(contest);
    const b = others.get(contest);
    const number = (field: string, x: number | undefined, y: number | undefined): void => {
      differ({
        field,
        contest,
        ...(x === undefined ? {} : { first: x }),
        ...(y === undefined ? {} : { second: y }),
      });
    };
    number('ballotsCast', a?.ballotsCast, b?.ballotsCast);
    number('overvotes', a?.overvotes, b?.overvotes);
    number('undervotes', a?.undervotes, b?.undervotes);
    const choices = new Set([...Object.keys(a?.counts ?? {}), ...Object.keys(b?.counts ?? {})]);
    for (const choice of choices) number(choice, a?.counts[choice], b?.counts[choice]);
  }
  return out;
}
