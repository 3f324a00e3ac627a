import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexElection, type Election } from '../core/election.js';
import { LOG_ENTRY_FORMAT } from '../core/log_entry.js';
import { Tally } from '../core/tally.js';
import { sampleDefinition, sampleSubmission } from '../core/testonly/fixtures.js';
import { nistResultsBytes, type NistReportInfo } from './nist_cdf_results.js';
import { unitResultsFeed, unitResultsBytes } from './results_feed.js';
import { referenceNistReport } from './testonly/nist_report_reference.js';

/** The sample election, with what a report must escape or name as "other". */
function awkwardElection(test: boolean): Election {
  const d = sampleDefinition(['authority+00000000+AAAA']);
  const indexed = indexElection({
    ...d,
    test,
    name: { en: 'The "Big" Election\\2026', fr: 'L’élection « principale »' },
    voteTypes: [...d.voteTypes, { id: 'curbside', name: { en: 'Curbside' } }],
    units: d.units.map((u) => (u.id === 'south' ? { ...u, type: 'parish' } : u)),
  });
  if (!indexed.ok) throw new Error(indexed.error.message);
  return indexed.value;
}

const info = (complete: boolean): NistReportInfo => ({
  issuer: 'Secretary of State, "Elections"',
  issuerAbbreviation: 'sos',
  generatedAt: '2026-11-03T21:00:00.000Z',
  sequence: 2,
  sequenceEnd: 9,
  complete,
  vendorApplicationId: 'Tally 0.1',
});

/** The text of UTF-8 bytes, which must be well-formed. */
const utf8 = (bytes: Uint8Array): string => new TextDecoder('utf-8', { fatal: true }).decode(bytes);

// Results files are written as bytes directly, for speed: each must be exactly what serialising
// the plain objects gives.
describe('results files written directly', () => {
  it('NIST reports and unit files are byte for byte their objects serialised, for any results', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.subarray(['n-1', 'n-2', 's-1', 's-2', 's-3']),
        fc.constantFrom('election-day', 'mail', 'curbside'),
        fc.nat({ max: 400 }),
        fc.boolean(),
        (test, reported, voteType, extra, complete) => {
          const election = awkwardElection(test);
          const tally = new Tally(election);
          reported.forEach((unit, i) => {
            tally.apply({
              format: LOG_ENTRY_FORMAT,
              type: 'submission',
              election: 'sample-2026',
              receivedAt: '2026-11-03T21:00:00Z',
              signed: {
                submission: sampleSubmission(unit, { voteType, ballotsCast: 500 + extra + i }),
                signer: 'x+00000000',
                signature: 'AA',
              },
              status: 'accepted',
              kind: 'original',
              warnings: [],
            });
          });
          // Every kind of report: the areas above the precincts, the districts, a group of units.
          for (const ids of [
            ['state', 'north', 'south', 'north-council'],
            ['n-1', 'n-2'],
            ['s-1', 's-2', 's-3'],
          ]) {
            const areas = ids.map((id) => tally.area(id)!);
            expect(utf8(nistResultsBytes(election, areas, info(complete)))).toBe(
              JSON.stringify(referenceNistReport(election, areas, info(complete))),
            );
            const group = { id: `g-${ids[0] ?? ''}`, parent: 'state' };
            expect(utf8(unitResultsBytes(election, extra, group, areas))).toBe(
              JSON.stringify(unitResultsFeed(election, extra, group, areas)),
            );
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
