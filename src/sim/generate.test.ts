import { describe, expect, it } from 'vitest';
import { checkSubmission } from '../core/submission.js';
import { generateElection, generateSubmission, seededRandom } from './generate.js';

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
