// The review desk's comparison: a held submission beside what its unit counts now for the same
// vote type, line by line (the ballots cast, then per contest each choice, the overvotes and the
// undervotes), each line that differs marked; and the same for the two entries of a desk sheet
// that differ. Pure, so that "a reviewer sees every difference" is tested without a browser.
import type { ContestResult, Submission } from '../../core/submission.js';

/** What a line counts: a choice's votes, or one of a contest's (or the unit's) totals. */
export type Line =
  | { readonly kind: 'choice'; readonly choice: string }
  // A caucus's preference group: its first alignment, and its county delegates (its final
  // alignment is the group's `choice` line).
  | { readonly kind: 'firstAlignment'; readonly choice: string }
  | { readonly kind: 'countyDelegates'; readonly choice: string }
  | { readonly kind: 'ballotsCast' }
  | { readonly kind: 'overvotes' }
  | { readonly kind: 'undervotes' };

/** What two sides are compared on: a unit's ballots and its contests' numbers. */
export type Counts = Pick<Submission, 'ballotsCast' | 'contests'>;

export interface ComparedLine {
  readonly line: Line;
  /** The held submission's number; undefined when it does not report this line. */
  readonly held: number | undefined;
  /** What counts now; undefined when nothing counts or it does not report this line. */
  readonly counted: number | undefined;
  /** Held minus counted, when both report the line. */
  readonly difference: number | undefined;
  /** Only when something counts: a line one side leaves out differs too. */
  readonly differs: boolean;
}

export interface ComparedContest {
  readonly contest: string;
  /** Which side reports the contest at all. */
  readonly reportedBy: 'both' | 'held' | 'counted';
  readonly lines: readonly ComparedLine[];
  readonly differences: number;
}

export interface Comparison {
  /** Whether anything counts now for the unit and vote type. */
  readonly hasCounted: boolean;
  /** The unit's ballots cast for the vote type. */
  readonly ballotsCast: ComparedLine;
  readonly contests: readonly ComparedContest[];
  /** How many lines differ in all. */
  readonly differences: number;
}

function compareLine(
  line: Line,
  held: number | undefined,
  counted: number | undefined,
  hasCounted: boolean,
): ComparedLine {
  return {
    line,
    held,
    counted,
    difference: held !== undefined && counted !== undefined ? held - counted : undefined,
    differs: hasCounted && held !== counted,
  };
}

/** The keys of both records, the first's in its order, then the second's others in theirs. */
function unionInOrder(first: readonly string[], second: readonly string[]): string[] {
  const seen = new Set(first);
  return [...first, ...second.filter((k) => !seen.has(k))];
}

function compareContest(
  contest: string,
  held: ContestResult | undefined,
  counted: ContestResult | undefined,
  hasCounted: boolean,
): ComparedContest {
  const choices = unionInOrder(Object.keys(held?.counts ?? {}), Object.keys(counted?.counts ?? {}));
  const lines = [
    ...choices.map((choice) =>
      compareLine(
        { kind: 'choice', choice },
        held?.counts[choice],
        counted?.counts[choice],
        hasCounted,
      ),
    ),
    ...(['firstAlignment', 'countyDelegates'] as const).flatMap((kind) => {
      const of = (r: ContestResult | undefined): Readonly<Record<string, number>> | undefined =>
        kind === 'firstAlignment' ? r?.caucus?.first : r?.caucus?.delegates;
      if (of(held) === undefined && of(counted) === undefined) return [];
      return unionInOrder(Object.keys(of(held) ?? {}), Object.keys(of(counted) ?? {})).map(
        (choice) =>
          compareLine({ kind, choice }, of(held)?.[choice], of(counted)?.[choice], hasCounted),
      );
    }),
    compareLine({ kind: 'ballotsCast' }, held?.ballotsCast, counted?.ballotsCast, hasCounted),
    compareLine({ kind: 'overvotes' }, held?.overvotes, counted?.overvotes, hasCounted),
    compareLine({ kind: 'undervotes' }, held?.undervotes, counted?.undervotes, hasCounted),
  ];
  return {
    contest,
    reportedBy:
      held === undefined ? 'counted' : counted === undefined && hasCounted ? 'held' : 'both',
    lines,
    differences: lines.filter((l) => l.differs).length,
  };
}

/**
 * A held submission beside what counts now (`counted`, absent when nothing counts yet for its
 * unit and vote type), contests in the held submission's order and then any only the counted
 * one reports.
 */
export function compareSubmissions(held: Counts, counted: Counts | undefined): Comparison {
  const hasCounted = counted !== undefined;
  const heldByContest = new Map(held.contests.map((c) => [c.contest, c]));
  const countedByContest = new Map((counted?.contests ?? []).map((c) => [c.contest, c]));
  const contests = unionInOrder([...heldByContest.keys()], [...countedByContest.keys()]).map(
    (contest) =>
      compareContest(
        contest,
        heldByContest.get(contest),
        countedByContest.get(contest),
        hasCounted,
      ),
  );
  const ballotsCast = compareLine(
    { kind: 'ballotsCast' },
    held.ballotsCast,
    counted?.ballotsCast,
    hasCounted,
  );
  return {
    hasCounted,
    ballotsCast,
    contests,
    differences:
      (ballotsCast.differs ? 1 : 0) + contests.reduce((sum, c) => sum + c.differences, 0),
  };
}
