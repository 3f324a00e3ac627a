// Two entries of a tally sheet agree exactly when no number differs, whatever order the
// contests and choices were keyed in.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sheetDifferences, sheetsAgree, type KeyedSheet } from './desk.js';

const contest = (id: string) =>
  fc.record({
    contest: fc.constant(id),
    counts: fc.dictionary(fc.constantFrom('a', 'b', 'c'), fc.nat(50)),
    ballotsCast: fc.nat(50),
    overvotes: fc.nat(5),
    undervotes: fc.nat(5),
  });
const sheets: fc.Arbitrary<KeyedSheet> = fc.record({
  unit: fc.constant('p-1'),
  voteType: fc.constant('election-day'),
  ballotsCast: fc.nat(60),
  contests: fc.tuple(contest('x'), contest('y')).map((t) => [...t]),
});

describe('two entries of a tally sheet', () => {
  it('agree exactly when no number differs: the same sheet, or one number changed', () => {
    fc.assert(
      fc.property(sheets, fc.option(fc.nat(12)), fc.integer({ min: 1, max: 3 }), (a, at, by) => {
        // Unchanged, or the number at position `at` (ballots, then each contest's) moved by `by`.
        const b: KeyedSheet =
          at === null
            ? { ...a, contests: a.contests.map((c) => ({ ...c, counts: { ...c.counts } })) }
            : at === 0
              ? { ...a, ballotsCast: a.ballotsCast + by }
              : {
                  ...a,
                  contests: a.contests.map((c, i) =>
                    i === at % a.contests.length ? { ...c, overvotes: c.overvotes + by } : c,
                  ),
                };
        expect(sheetsAgree(a, b)).toBe(at === null);
        expect(sheetDifferences(a, b).length === 0).toBe(at === null);
      }),
    );
  });

  it('agree however the contests and choices were ordered', () => {
    fc.assert(
      fc.property(sheets, (a) => {
        const reordered: KeyedSheet = {
          ...a,
          contests: [...a.contests]
            .reverse()
            .map((c) => ({ ...c, counts: Object.fromEntries(Object.entries(c.counts).reverse()) })),
        };
        expect(sheetsAgree(a, reordered)).toBe(true);
        expect(sheetDifferences(a, reordered)).toEqual([]);
      }),
    );
  });

  it('name a choice one entry has and the other left out', () => {
    const a: KeyedSheet = {
      unit: 'p-1',
      voteType: 'election-day',
      ballotsCast: 10,
      contests: [{ contest: 'x', counts: { a: 4 }, ballotsCast: 10, overvotes: 0, undervotes: 6 }],
    };
    const b: KeyedSheet = { ...a, contests: [{ ...a.contests[0]!, counts: { a: 4, b: 0 } }] };
    expect(sheetDifferences(a, b)).toEqual([{ field: 'b', contest: 'x', second: 0 }]);
    expect(sheetsAgree(a, b)).toBe(false);
  });
});
