// Tally's NIST CDF results output, for every election of the corpus, validates against the NIST
// SP 1500-100 v2 JSON Schema in ../shared/corpus/nist-cdf/schema, and reads back to the totals
// it was made from.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { LOG_ENTRY_FORMAT } from '../../src/core/log_entry.js';
import { Tally, type AreaResults } from '../../src/core/tally.js';
import { importNistElection } from '../../src/formats/nist_cdf.js';
import {
  flattenResults,
  nistResultsReport,
  readNistResults,
} from '../../src/formats/nist_cdf_results.js';
import { unitGroups } from '../../src/formats/results_feed.js';
import { generateSubmission, seededRandom } from '../../src/sim/generate.js';
import { corpusAuthorityKeys, corpusDir, omittedContests } from './shared.js';

const omitted = omittedContests;
const authorityKeys = corpusAuthorityKeys;

describe.skipIf(corpusDir === undefined)('NIST CDF results written by Tally', () => {
  const dir = join(corpusDir ?? '', 'nist-cdf');
  const files =
    corpusDir === undefined
      ? []
      : readdirSync(dir)
          .filter((f) => f.includes('pe-err') && f.endsWith('.json'))
          .sort();
  const schema = (): object =>
    JSON.parse(
      readFileSync(join(dir, 'schema', 'NIST_V2_election_results_reporting.json'), 'utf8'),
    ) as object;

  it.each(files)('%s: every report of a version validates and reads back', (file) => {
    const imported = importNistElection(JSON.parse(readFileSync(join(dir, file), 'utf8')), {
      authorityKeys,
      omitContests: omitted[file] ?? [],
    });
    if (!imported.ok) expect.fail(imported.error.message);
    const election = imported.value;
    const tally = new Tally(election);
    const random = seededRandom(7);
    // Half the reporting units report, so that the report is partial.
    election.reportingUnits.forEach((unit, i) => {
      if (i % 2 === 1) return;
      tally.apply({
        format: LOG_ENTRY_FORMAT,
        type: 'submission',
        election: election.definition.id,
        receivedAt: '2026-11-03T21:00:00Z',
        signed: {
          submission: generateSubmission(election, unit, random),
          signer: 'x+00000000',
          signature: 'AA',
        },
        status: 'accepted',
        kind: 'original',
        warnings: [],
      });
    });
    const results = tally.results();
    const reporting = new Set(election.reportingUnits);
    const upper = results.filter((r) => r.kind === 'district' || !reporting.has(r.area));
    const series: AreaResults[][] = [
      upper,
      ...unitGroups(election).map((g) => g.units.map((id) => tally.area(id) as AreaResults)),
    ];
    const validate = new Ajv.default({ strict: false, allErrors: false }).compile(schema());
    series.forEach((areas, i) => {
      const report = nistResultsReport(election, areas, {
        issuer: 'Test County',
        issuerAbbreviation: 'test',
        generatedAt: '2026-11-03T21:00:05Z',
        sequence: i + 1,
        sequenceEnd: series.length,
        complete: false,
        vendorApplicationId: 'Tally test',
      });
      expect(validate(report), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
      // The schema is strict: it would notice a field NIST does not define.
      expect(validate({ ...report, Unknown: 1 })).toBe(false);
      expect(report).toMatchObject({ Status: 'unofficial-partial', SequenceStart: i + 1 });
      const read = readNistResults(report);
      if (!read.ok) expect.fail(read.error.message);
      expect(Object.fromEntries(read.value)).toEqual(Object.fromEntries(flattenResults(areas)));
    });
  });
});
