// The caucus rules, case by case (the worked cases of ../shared/vectors/caucus.json: the Nevada
// State Democratic Party's 2020 memo, the Washington Post's Ocheyedan precinct and the
// iowa-caucus-app's tests, their numbers copied here), and the allocation's invariants for any
// caucus (property tests).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allocateDelegates,
  possibleAllocations,
  stateDelegateEquivalents,
  viabilityNumber,
  viabilityThreshold,
  type Allocation,
  type CaucusRules,
} from './caucus.js';

const allocate = (
  delegates: number,
  participants: number,
  final: readonly number[],
  draws: readonly number[] = [],
  rules: CaucusRules = 'iowa-2020',
): Allocation => allocateDelegates({ delegates, participants, final, rules, draws });

const delegatesOf = (a: Allocation): readonly number[] | string =>
  a.type === 'allocated' ? a.delegates : a.type;

describe('viability', () => {
  it('takes 25% with two delegates, one sixth with three, 15% from four, and none with one', () => {
    expect(viabilityThreshold(1)).toBeUndefined();
    expect(viabilityThreshold(2)).toEqual([1, 4]);
    expect(viabilityThreshold(3)).toEqual([1, 6]);
    expect(viabilityThreshold(4)).toEqual([3, 20]);
    expect(viabilityThreshold(10)).toEqual([3, 20]);
  });

  it('is the threshold times the first alignment, rounded up', () => {
    expect(viabilityNumber(79, 7)).toBe(12); // 11.85
    expect(viabilityNumber(100, 6)).toBe(15); // exactly 15
    expect(viabilityNumber(90, 3)).toBe(15); // exactly 15
    expect(viabilityNumber(5, 3)).toBe(1); // 0.83
    expect(viabilityNumber(75, 10)).toBe(12); // 11.25
    expect(viabilityNumber(14, 2)).toBe(4); // 3.5
    expect(viabilityNumber(40, 1)).toBe(0);
  });
});

describe('the worked cases', () => {
  it('WaPo Ocheyedan, Osceola County: 1.8/0.6/0.6 rounds to 4; the only group with two gives one back', () => {
    expect(delegatesOf(allocate(3, 5, [3, 1, 1]))).toEqual([1, 1, 1]);
  });

  it('the iowa-caucus-app’s tests 1 and 2', () => {
    expect(delegatesOf(allocate(3, 90, [75, 15]))).toEqual([2, 1]);
    expect(delegatesOf(allocate(7, 200, [100, 50, 50]))).toEqual([3, 2, 2]);
  });

  it('the iowa-caucus-app’s test 3: two groups tied for the last delegate play for it', () => {
    const first = allocate(6, 200, [100, 50, 50]);
    expect(first).toMatchObject({ type: 'needs-chance', tie: { for: 'removal', among: [1, 2] } });
    // The coin selects the group that gives its second delegate back.
    expect(delegatesOf(allocate(6, 200, [100, 50, 50], [2]))).toEqual([3, 2, 1]);
    expect(delegatesOf(allocate(6, 200, [100, 50, 50], [1]))).toEqual([3, 1, 2]);
    expect(allocate(6, 200, [100, 50, 50], [1])).toMatchObject({
      chance: [{ for: 'removal', among: [1, 2], selected: 1 }],
    });
  });

  it('Nevada 1A, 1B, 2B and 3A', () => {
    expect(delegatesOf(allocate(7, 79, [14, 19, 18, 12, 16]))).toEqual([1, 2, 2, 1, 1]);
    expect(delegatesOf(allocate(6, 26, [8, 4, 5, 5, 4]))).toEqual([2, 1, 1, 1, 1]);
    expect(delegatesOf(allocate(5, 73, [12, 14, 22, 25]))).toEqual([1, 1, 1, 2]);
    expect(delegatesOf(allocate(6, 100, [38, 24, 22, 16]))).toEqual([2, 2, 1, 1]);
  });

  it('Nevada 3B: others left after the first alignment; the denominator stays 75', () => {
    expect(delegatesOf(allocate(10, 75, [23, 27]))).toEqual([5, 5]);
  });

  it('Nevada 4A and 4B: ties for the last delegates, settled by games of chance', () => {
    expect(allocate(5, 60, [20, 20, 20])).toMatchObject({
      type: 'needs-chance',
      tie: { for: 'removal', among: [0, 1, 2] },
    });
    expect(delegatesOf(allocate(5, 60, [20, 20, 20], [1]))).toEqual([2, 1, 2]);
    expect(allocate(5, 14, [7, 7])).toMatchObject({
      type: 'needs-chance',
      tie: { for: 'removal', among: [0, 1] },
    });
    expect(delegatesOf(allocate(5, 14, [7, 7], [0]))).toEqual([2, 3]);
  });

  it('Nevada 4C: the first group gets 1; then the other three tie', () => {
    const tied = allocate(8, 100, [15, 45, 20, 20]);
    expect(tied).toMatchObject({ type: 'needs-chance', tie: { among: [1, 2, 3] } });
    const settled = allocate(8, 100, [15, 45, 20, 20], [3]);
    expect(delegatesOf(settled)).toEqual([1, 4, 2, 1]);
  });

  it('Nevada 2A: five viable groups for four delegates: Iowa realigns the smallest, Nevada adds one', () => {
    expect(allocate(4, 76, [13, 13, 13, 13, 24])).toEqual({
      type: 'realign',
      groups: [0, 1, 2, 3],
    });
    const nevada = allocate(4, 76, [13, 13, 13, 13, 24], [], 'nevada-2020');
    expect(nevada).toMatchObject({ type: 'allocated', precinctDelegates: 5 });
    expect(delegatesOf(nevada)).toEqual([1, 1, 1, 1, 1]);
  });

  it('has every group realign where none is viable', () => {
    // Viability 15 of 100, but 40 left: no group of 20 is viable.
    expect(allocate(6, 100, [14, 0, 14, 12])).toEqual({ type: 'realign', groups: [0, 2, 3] });
  });

  it('gives a group not viable in the final alignment nothing', () => {
    // Viability 15 of 100: 14 members are not viable.
    const a = allocate(6, 100, [60, 26, 14]);
    expect(a).toMatchObject({ viable: [true, true, false] });
    expect(delegatesOf(a)).toEqual([4, 2, 0]);
  });

  it('one delegate: the caucus as a whole elects it, a tie by a game of chance', () => {
    expect(delegatesOf(allocate(1, 30, [12, 18]))).toEqual([0, 1]);
    expect(allocate(1, 30, [15, 15])).toMatchObject({ type: 'needs-chance' });
    expect(delegatesOf(allocate(1, 30, [15, 15], [0]))).toEqual([1, 0]);
  });
});

describe('every allocation the rules allow', () => {
  it('is one for each way the games of chance fall, each once', () => {
    const ways = (delegates: number, participants: number, final: readonly number[]) =>
      possibleAllocations({ delegates, participants, final, rules: 'iowa-2020' });
    expect(ways(6, 200, [100, 50, 50])).toEqual(
      expect.arrayContaining([
        [3, 2, 1],
        [3, 1, 2],
      ]),
    );
    expect(ways(6, 200, [100, 50, 50])).toHaveLength(2);
    expect(ways(7, 200, [100, 50, 50])).toEqual([[3, 2, 2]]);
    expect(ways(1, 30, [15, 15])).toEqual([
      [1, 0],
      [0, 1],
    ]);
    expect(ways(4, 76, [13, 13, 13, 13, 24])).toEqual([]);
    // Far more in the final alignment than the first (Webster, Douglas, 2020): the ways are
    // the distinct allocations they reach, not every order of every game.
    const many = ways(8, 8, [23, 20, 9]);
    expect(many?.every((a) => a.reduce((x, y) => x + y, 0) === 8)).toBe(true);
  });
});

describe('state delegate equivalents', () => {
  it('are county delegates times the county’s state delegates per county delegate, to 4 places', () => {
    // Polk County 2020: 59 state delegates for 550 county delegates (as an example).
    expect(stateDelegateEquivalents(3, { stateDelegates: 59, countyDelegates: 550 })).toBe(3218);
    expect(stateDelegateEquivalents(0, { stateDelegates: 59, countyDelegates: 550 })).toBe(0);
    expect(stateDelegateEquivalents(1, { stateDelegates: 1, countyDelegates: 3 })).toBe(3333);
    expect(stateDelegateEquivalents(2, { stateDelegates: 1, countyDelegates: 3 })).toBe(6667);
  });
});

/** A caucus: D delegates, a first alignment, and a final one no larger. */
const caucus = fc
  .record({
    delegates: fc.integer({ min: 2, max: 12 }),
    final: fc.array(fc.integer({ min: 0, max: 120 }), { minLength: 1, maxLength: 7 }),
    left: fc.integer({ min: 0, max: 40 }),
  })
  .filter((c) => c.final.some((m) => m > 0));

/** Plays every game of chance the allocation asks for, selecting by `pick`. */
function settle(
  delegates: number,
  participants: number,
  final: readonly number[],
  rules: CaucusRules,
  pick: (among: readonly number[]) => number,
): Allocation {
  const draws: number[] = [];
  for (;;) {
    const a = allocate(delegates, participants, final, draws, rules);
    if (a.type !== 'needs-chance') return a;
    draws.push(pick(a.tie.among));
  }
}

describe('the allocation, for any caucus', () => {
  for (const rules of ['iowa-2020', 'nevada-2020'] as const) {
    it(`gives exactly the precinct’s delegates, only to viable groups, at least one each (${rules})`, () => {
      fc.assert(
        fc.property(caucus, fc.nat(), ({ delegates, final, left }, seed) => {
          const participants = final.reduce((a, b) => a + b, 0) + left;
          const a = settle(delegates, participants, final, rules, (among) => {
            return among[seed % among.length] as number;
          });
          if (a.type === 'realign') {
            // Nevada realigns only where no group is viable.
            if (rules === 'nevada-2020')
              expect(a.groups).toEqual(final.flatMap((m, i) => (m > 0 ? [i] : [])));
            return;
          }
          if (a.type !== 'allocated') throw new Error(a.type);
          const total = a.delegates.reduce((x, y) => x + y, 0);
          const viable = a.viable.filter(Boolean).length;
          // Every delegate is given, to viable groups only.
          expect(total).toBe(a.precinctDelegates);
          a.delegates.forEach((d, i) => {
            if (a.viable[i] !== true) expect(d).toBe(0);
          });
          if (viable > 0) {
            // A viable group keeps at least one delegate (there are enough for each).
            a.delegates.forEach((d, i) => {
              if (a.viable[i] === true) expect(d).toBeGreaterThanOrEqual(1);
            });
          }
          // A larger group never gets fewer delegates than a smaller one.
          a.delegates.forEach((d, i) => {
            a.delegates.forEach((e, j) => {
              if (a.viable[i] === true && a.viable[j] === true && (final[i] ?? 0) > (final[j] ?? 0))
                expect(d).toBeGreaterThanOrEqual(e);
            });
          });
        }),
        { numRuns: 2000 },
      );
    });
  }

  it('is the same whichever group a game of chance selects, but for the groups it tied', () => {
    fc.assert(
      fc.property(caucus, ({ delegates, final, left }) => {
        const participants = final.reduce((a, b) => a + b, 0) + left;
        const first = settle(
          delegates,
          participants,
          final,
          'nevada-2020',
          (among) => among[0] as number,
        );
        const last = settle(
          delegates,
          participants,
          final,
          'nevada-2020',
          (among) => among[among.length - 1] as number,
        );
        if (first.type !== 'allocated' || last.type !== 'allocated') return;
        const tied = new Set(first.chance.flatMap((c) => c.among));
        first.delegates.forEach((d, i) => {
          if (!tied.has(i)) expect(last.delegates[i]).toBe(d);
        });
      }),
      { numRuns: 1000 },
    );
  });
});
