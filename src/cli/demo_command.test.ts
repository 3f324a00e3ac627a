import { describe, expect, it } from 'vitest';
import { parseElectionDefinition, type Contest } from '../core/election.js';
import type { ContestTotals } from '../core/tally.js';
import { sampleDefinition, withMeasureRule } from '../core/testonly/fixtures.js';
import { callFor } from './demo_command.js';

const parsed = parseElectionDefinition(
  withMeasureRule(sampleDefinition(['authority+00000000+AAAA']), {
    choice: 'yes',
    share: [2, 3],
    atLeast: true,
  }),
);
if (!parsed.ok) throw new Error(parsed.error.message);
const contest = (id: string): Contest => parsed.value.contests.get(id) as Contest;
const totals = (counts: Record<string, number>): ContestTotals => ({
  ballotsCast: 0,
  overvotes: 0,
  undervotes: 0,
  counts,
});

describe("the demo director's calls", () => {
  it('call a contest for its leaders, as many as it elects, and leave a tie uncalled', () => {
    expect(callFor(contest('governor'), totals({ ada: 10, alan: 9, 'write-in': 1 }))).toEqual([
      'ada',
    ]);
    expect(callFor(contest('governor'), totals({ ada: 10, alan: 10, 'write-in': 1 }))).toEqual([]);
    expect(callFor(contest('council'), totals({ grace: 5, edsger: 4, barbara: 3 }))).toEqual([
      'grace',
      'edsger',
    ]);
    expect(callFor(contest('council'), totals({ grace: 5, edsger: 4, barbara: 4 }))).toEqual([]);
    expect(callFor(contest('governor'), totals({ ada: 0, alan: 0, 'write-in': 0 }))).toEqual([]);
  });

  it('call a measure by its rule: its choice when it passes, the other when it fails', () => {
    expect(callFor(contest('measure-1'), totals({ yes: 2, no: 1 }))).toEqual(['yes']);
    // 60% is a majority, but not the two thirds the measure needs.
    expect(callFor(contest('measure-1'), totals({ yes: 6, no: 4 }))).toEqual(['no']);
    expect(callFor(contest('measure-1'), totals({ yes: 0, no: 0 }))).toEqual([]);
  });
});
