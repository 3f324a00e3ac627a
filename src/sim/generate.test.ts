import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseElectionDefinition, type CaucusContest } from '../core/election.js';
import { checkSubmission } from '../core/submission.js';
import { caucusDefinition, caucusSubmission } from '../core/testonly/fixtures.js';
import {
  generateCaucusResult,
  generateElection,
  generateSubmission,
  seededRandom,
} from './generate.js';

describe('generated elections', () => {
  const election = generateElection({
    release: { beforeRelease: 'publish' },
    counties: 3,
    precinctsPerCounty: 40,
    contests: 10,
    authorityKeys: ['a+00000000+AQ=='],
  });

  it('have counties of precincts that report', () => {
    expect(election.reportingUnits).toHaveLength(120);
    expect(election.definition.contests).toHaveLength(10);
  });

  it('give results that break no rule and raise no warning', () => {
    const random = seededRandom(7);
    for (const unit of election.reportingUnits) {
      const checked = checkSubmission(election, generateSubmission(election, unit, random));
      expect(checked).toEqual({ ok: true, value: [] });
    }
  });

  it('are the same for the same seed', () => {
    const unit = election.reportingUnits[5]!;
    expect(generateSubmission(election, unit, seededRandom(1))).toEqual(
      generateSubmission(election, unit, seededRandom(1)),
    );
  });
});

describe('generated caucuses', () => {
  it('follow the rules: a chair who runs the caucus by them reports nothing held for review', () => {
    // Any precinct size, any turnout, either party's rules: the games of chance recorded too.
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 0, max: 400 }),
        fc.constantFrom('iowa-2020' as const, 'nevada-2020' as const),
        fc.integer(),
        (delegates, participants, rules, seed) => {
          const definition = caucusDefinition(['a+00000000+AQ==']);
          const contest = { ...definition.contests[0], rules } as CaucusContest;
          const parsed = parseElectionDefinition({
            ...definition,
            contests: [{ ...contest, delegates: { ...contest.delegates, 'n-1': delegates } }],
          });
          if (!parsed.ok) throw new Error(parsed.error.message);
          const election = parsed.value;
          const result = generateCaucusResult(
            election.contests.get('caucus') as CaucusContest,
            delegates,
            participants,
            seededRandom(seed),
          );
          const submission = caucusSubmission('n-1', { first: [], final: [], delegates: [] });
          const checked = checkSubmission(election, {
            ...submission,
            ballotsCast: participants,
            contests: [result],
          });
          expect(checked).toEqual({ ok: true, value: [] });
        },
      ),
    );
  });
});
