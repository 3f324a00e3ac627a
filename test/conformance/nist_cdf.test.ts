// Every NIST CDF pre-election report in ../shared/corpus imports as a Tally election, and every
// unit and contest that the matching published results report on exists in that election.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importNistElection } from '../../src/formats/nist_cdf.js';
import { corpusAuthorityKeys, corpusDir, omittedContests } from './shared.js';

const omitted = omittedContests;
const authorityKeys = corpusAuthorityKeys;

interface ResultsReport {
  Election: {
    Contest: {
      '@id': string;
      ContestSelection?: { VoteCounts?: { GpUnitId: string }[] }[];
    }[];
  }[];
}

describe.skipIf(corpusDir === undefined)('NIST CDF pre-election reports', () => {
  const dir = join(corpusDir ?? '', 'nist-cdf');
  const files =
    corpusDir === undefined
      ? []
      : readdirSync(dir)
          .filter((f) => f.includes('pe-err') && f.endsWith('.json'))
          .sort();
  const read = (file: string): unknown => JSON.parse(readFileSync(join(dir, file), 'utf8'));

  it('has reports', () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
  });

  it.each(files)('%s imports', (file) => {
    const result = importNistElection(read(file), {
      authorityKeys,
      omitContests: omitted[file] ?? [],
    });
    if (!result.ok) expect.fail(`${result.error.code}: ${result.error.message}`);
    const election = result.value;
    expect(election.reportingUnits.length).toBeGreaterThan(0);

    // The results published for the same election report on units and contests we imported.
    const resultsFile = file.replace('pe-err-', 'err-');
    if (!existsSync(join(dir, resultsFile))) return;
    const results = read(resultsFile) as ResultsReport;
    for (const contest of results.Election[0]?.Contest ?? []) {
      if (omitted[file]?.includes(contest['@id']) === true) continue;
      expect(election.contests.has(contest['@id']), `contest ${contest['@id']}`).toBe(true);
      for (const selection of contest.ContestSelection ?? []) {
        for (const count of selection.VoteCounts ?? []) {
          expect(election.units.has(count.GpUnitId), `unit ${count.GpUnitId}`).toBe(true);
        }
      }
    }
  });

  it.each(Object.entries(omitted))(
    '%s is refused, naming the contest, unless that contest is left out',
    (file, contests) => {
      const result = importNistElection(read(file), { authorityKeys });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('unsupported_nist_cdf');
      expect(result.error.message).toContain(`(@id ${contests[0] ?? ''})`);
    },
  );
});
