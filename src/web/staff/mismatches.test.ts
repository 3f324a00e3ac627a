import { describe, expect, it } from 'vitest';
import { sampleDefinition, sampleSubmission } from '../../core/testonly/fixtures.js';
import { indexDefinition } from './definition.js';
import { inDefinitionOrder } from './mismatches.js';

describe('a desk entry as reviewers read it', () => {
  it('lists contests and choices in the definition’s order, as the paper sheet does', () => {
    const index = indexDefinition(sampleDefinition(['authority+00000000+AA']));
    const { ballotsCast, contests } = sampleSubmission('n-1');
    // As the log keeps it: canonical JSON, every key in order.
    const stored = {
      unit: 'n-1',
      voteType: 'mail',
      ballotsCast,
      contests: [...contests]
        .sort((a, b) => a.contest.localeCompare(b.contest))
        .map((c) => ({
          ...c,
          counts: Object.fromEntries(
            Object.entries(c.counts).sort(([a], [b]) => a.localeCompare(b)),
          ),
        })),
    };
    const ordered = inDefinitionOrder(index, stored);
    expect(ordered.contests.map((c) => c.contest)).toEqual(['governor', 'council', 'measure-1']);
    expect(ordered.contests.map((c) => Object.keys(c.counts))).toEqual([
      ['ada', 'alan', 'write-in'],
      ['grace', 'edsger', 'barbara'],
      ['yes', 'no'],
    ]);
    // Nothing but the order changes.
    expect(ordered.contests.map((c) => c.counts)).toEqual(contests.map((c) => c.counts));
  });

  it('keeps what the definition does not name, after what it does', () => {
    const index = indexDefinition(sampleDefinition(['authority+00000000+AA']));
    const odd = inDefinitionOrder(index, {
      unit: 'n-1',
      voteType: 'mail',
      ballotsCast: 1,
      contests: [
        { contest: 'zzz', counts: { b: 1 }, ballotsCast: 1, overvotes: 0, undervotes: 0 },
        {
          contest: 'governor',
          counts: { zed: 1, ada: 0 },
          ballotsCast: 1,
          overvotes: 0,
          undervotes: 0,
        },
      ],
    });
    expect(odd.contests.map((c) => [c.contest, Object.keys(c.counts)])).toEqual([
      ['governor', ['ada', 'zed']],
      ['zzz', ['b']],
    ]);
  });
});
