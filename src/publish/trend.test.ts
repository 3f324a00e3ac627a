import { describe, expect, it } from 'vitest';
import { Tally, TREND_SLOT_MS } from '../core/tally.js';
import { acceptedEntry, sampleElection, sampleSubmission } from '../core/testonly/fixtures.js';
import { pointShares, trendPoints } from './trend.js';

const election = sampleElection(['authority+00000000+AAAA']);
const governor = election.contests.get('governor');
const START = Date.parse('2026-11-03T21:00:00Z');

/** A tally of North 1 and the South precincts, one every `apart` ms from 9 pm. */
function night(apart: number): Tally {
  const tally = new Tally(election);
  ['n-1', 's-1', 's-2', 's-3'].forEach((unit, i) => {
    tally.apply(acceptedEntry(sampleSubmission(unit), new Date(START + i * apart).toISOString()));
  });
  return tally;
}

describe('the night’s trend', () => {
  it('has a point per slot the contest changed in, each the votes counted by its end', () => {
    if (governor === undefined) throw new Error('no governor');
    const tally = night(60_000);
    const points = trendPoints(tally.trend(), governor, 120, START + 10 * 60_000);
    expect(points.map((p) => p.time)).toEqual(
      [0, 1, 2, 3].map((i) => START + i * 60_000 + TREND_SLOT_MS),
    );
    // Each sample precinct gives Ada 260 votes; the last point is the total.
    expect(points.map((p) => p.counts['ada'])).toEqual([260, 520, 780, 1040]);
    const total = tally.area('state')?.contests.find((c) => c.contest === 'governor')?.total;
    expect(points.at(-1)?.counts).toEqual(total?.counts);
  });

  it('merges slots into wider steps when there would be more points than it may draw', () => {
    if (governor === undefined) throw new Error('no governor');
    // Four results a minute apart, at most two points: two-minute steps.
    const points = trendPoints(night(60_000).trend(), governor, 2, START + 10 * 60_000);
    expect(points.map((p) => p.time)).toEqual([START + 120_000, START + 240_000]);
    expect(points.map((p) => p.counts['ada'])).toEqual([520, 1040]);
  });

  it('ends no later than the time of the numbers it shows', () => {
    if (governor === undefined) throw new Error('no governor');
    const until = START + 3 * 60_000 + 1000;
    const points = trendPoints(night(60_000).trend(), governor, 120, until);
    expect(points.at(-1)?.time).toBe(until);
  });

  it('gives each choice’s share of the votes at a point, and none before a vote', () => {
    if (governor === undefined) throw new Error('no governor');
    expect(pointShares(governor, { time: 0, counts: { ada: 3, alan: 1, 'write-in': 0 } })).toEqual([
      0.75, 0.25, 0,
    ]);
    expect(pointShares(governor, { time: 0, counts: {} })).toEqual([0, 0, 0]);
  });

  it('draws an amendment’s numbers at the time it came, and those it replaced nowhere', () => {
    if (governor === undefined) throw new Error('no governor');
    const tally = night(60_000);
    const amended = sampleSubmission('n-1', { sequence: 2 });
    tally.apply(acceptedEntry(amended, new Date(START + 300_000).toISOString()));
    const points = trendPoints(tally.trend(), governor, 120, START + 600_000);
    // North 1's first count (minute 0) is gone; its amendment arrives at minute 5.
    expect(points.map((p) => p.counts['ada'])).toEqual([260, 520, 780, 1040]);
    expect(points[0]?.time).toBe(START + 60_000 + TREND_SLOT_MS);
  });
});
