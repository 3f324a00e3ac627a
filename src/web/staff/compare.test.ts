import { describe, expect, it } from 'vitest';
import { caucusSubmission, sampleSubmission } from '../../core/testonly/fixtures.js';
import type { Submission } from '../../core/submission.js';
import { sheetDifferences } from '../../core/desk.js';
import { compareSubmissions } from './compare.js';

const counted = sampleSubmission('n-1');
/** The sample's n-1 report with the governor's numbers changed as `counts` says. */
const withGovernor = (counts: Record<string, number>, undervotes = 12): Submission => ({
  ...counted,
  contests: counted.contests.map((c) =>
    c.contest === 'governor' ? { ...c, counts, undervotes } : c,
  ),
});

describe('the held submission beside what counts now', () => {
  it('marks exactly the lines that differ, with held minus counted', () => {
    const held = withGovernor({ ada: 250, alan: 220, 'write-in': 5 }, 22);
    const comparison = compareSubmissions(held, counted);
    expect(comparison.differences).toBe(2);
    const governor = comparison.contests.find((c) => c.contest === 'governor');
    expect(governor?.differences).toBe(2);
    expect(governor?.lines.filter((l) => l.differs)).toEqual([
      {
        line: { kind: 'choice', choice: 'ada' },
        held: 250,
        counted: 260,
        difference: -10,
        differs: true,
      },
      { line: { kind: 'undervotes' }, held: 22, counted: 12, difference: 10, differs: true },
    ]);
    expect(
      comparison.contests.filter((c) => c.contest !== 'governor').map((c) => c.differences),
    ).toEqual([0, 0]);
    expect(comparison.ballotsCast).toMatchObject({ held: 500, counted: 500, differs: false });
  });

  it('finds no difference between a submission and itself', () => {
    const comparison = compareSubmissions(counted, counted);
    expect(comparison.differences).toBe(0);
    expect(comparison.contests.every((c) => c.reportedBy === 'both')).toBe(true);
  });

  it('counts a choice or a contest only one side reports as a difference', () => {
    const { contests } = counted;
    const held: Submission = {
      ...withGovernor({ ada: 260, alan: 220 }),
      contests: contests
        .filter((c) => c.contest !== 'measure-1')
        .map((c) =>
          c.contest === 'governor' ? { ...c, counts: { ada: 260, alan: 220, late: 5 } } : c,
        ),
    };
    const comparison = compareSubmissions(held, counted);
    const governor = comparison.contests.find((c) => c.contest === 'governor');
    // Held's choices in its order, then the one only the counted report has.
    expect(
      governor?.lines.map((l) => (l.line.kind === 'choice' ? l.line.choice : l.line.kind)),
    ).toEqual(['ada', 'alan', 'late', 'write-in', 'ballotsCast', 'overvotes', 'undervotes']);
    expect(
      governor?.lines.find((l) => l.line.kind === 'choice' && l.line.choice === 'late'),
    ).toMatchObject({
      held: 5,
      counted: undefined,
      difference: undefined,
      differs: true,
    });
    const measure = comparison.contests.at(-1);
    expect(measure).toMatchObject({ contest: 'measure-1', reportedBy: 'counted', differences: 5 });
    expect(comparison.differences).toBe(2 + 5);
  });

  it('marks nothing when nothing counts yet: there is nothing to differ from', () => {
    const comparison = compareSubmissions(counted, undefined);
    expect(comparison.hasCounted).toBe(false);
    expect(comparison.differences).toBe(0);
    expect(comparison.contests.flatMap((c) => c.lines).every((l) => l.counted === undefined)).toBe(
      true,
    );
    expect(comparison.contests.every((c) => c.reportedBy === 'both')).toBe(true);
  });

  it('marks a difference in the ballots cast in the whole unit', () => {
    const comparison = compareSubmissions({ ...counted, ballotsCast: 510 }, counted);
    expect(comparison.ballotsCast).toMatchObject({ difference: 10, differs: true });
    expect(comparison.differences).toBe(1);
  });

  it('marks, between two desk entries of a sheet, exactly the numbers the desk finds they differ on', () => {
    const first = { ...counted };
    const second = {
      ...withGovernor({ ada: 250, alan: 220, 'write-in': 5 }, 22),
      ballotsCast: 501,
    };
    const marked = compareSubmissions(first, second);
    const lines = [
      ...(marked.ballotsCast.differs ? ['-:ballotsCast'] : []),
      ...marked.contests.flatMap((c) =>
        c.lines
          .filter((l) => l.differs)
          .map((l) => `${c.contest}:${l.line.kind === 'choice' ? l.line.choice : l.line.kind}`),
      ),
    ];
    const desk = sheetDifferences(first, second).map((d) => `${d.contest ?? '-'}:${d.field}`);
    expect(lines.sort()).toEqual(desk.sort());
    expect(lines.sort()).toEqual(['-:ballotsCast', 'governor:ada', 'governor:undervotes']);
  });
});

describe('a held caucus report beside what counts now', () => {
  it('marks the groups whose first alignment or delegates differ, beside the final alignment', () => {
    const report = { first: [40, 30, 20, 10], final: [45, 32, 23, 0], delegates: [2, 2, 1, 0] };
    const counts = caucusSubmission('n-1', report);
    const held = caucusSubmission('n-1', {
      ...report,
      first: [41, 29, 20, 10],
      delegates: [3, 1, 1, 0],
    });
    const caucus = compareSubmissions(held, counts).contests[0];
    expect(caucus?.lines.filter((l) => l.differs).map((l) => [l.line, l.difference])).toEqual([
      [{ kind: 'firstAlignment', choice: 'a' }, 1],
      [{ kind: 'firstAlignment', choice: 'b' }, -1],
      [{ kind: 'countyDelegates', choice: 'a' }, 1],
      [{ kind: 'countyDelegates', choice: 'b' }, -1],
    ]);
  });
});
