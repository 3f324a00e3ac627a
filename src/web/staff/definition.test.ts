import { describe, expect, it } from 'vitest';
import {
  contestsOnBallot as coreContestsOnBallot,
  voteFor as coreVoteFor,
} from '../../core/election.js';
import { sampleDefinition, sampleElection } from '../../core/testonly/fixtures.js';
import {
  contestsOnBallot,
  findReportingUnits,
  findUnits,
  indexDefinition,
  localName,
  voteFor,
} from './definition.js';

const election = sampleElection(['authority+00000000+AA']);
const index = indexDefinition(sampleDefinition(['authority+00000000+AA']));

describe('the election definition as the staff application reads it', () => {
  it('puts on each unit’s ballot the contests core puts there, in the same order', () => {
    for (const unit of election.definition.units) {
      expect(
        contestsOnBallot(index, unit.id).map((c) => c.id),
        unit.id,
      ).toEqual(coreContestsOnBallot(election, unit.id).map((c) => c.id));
    }
    expect(contestsOnBallot(index, 'n-1').map((c) => c.id)).toEqual([
      'governor',
      'council',
      'measure-1',
    ]);
    expect(contestsOnBallot(index, 's-1').map((c) => c.id)).toEqual(['governor', 'measure-1']);
  });

  it('counts votes per ballot as core does', () => {
    for (const contest of election.definition.contests) {
      expect(voteFor(contest), contest.id).toBe(coreVoteFor(contest));
    }
  });

  it('offers the units that report (none with units beneath them), as core lists them', () => {
    expect(index.reportingUnits.map((u) => u.id)).toEqual(election.reportingUnits);
  });

  it('finds a reporting unit by any part of its name or id, in any case and without accents', () => {
    expect(findReportingUnits(index, 'north').map((u) => u.id)).toEqual(['n-1', 'n-2']);
    expect(findReportingUnits(index, 'SOUTH 3').map((u) => u.id)).toEqual(['s-3']);
    expect(findReportingUnits(index, 's-2').map((u) => u.id)).toEqual(['s-2']);
    expect(findReportingUnits(index, '  ').map((u) => u.id)).toEqual(election.reportingUnits);
    // Counties report nothing: never offered.
    expect(findReportingUnits(index, 'county')).toEqual([]);
    const accented = indexDefinition({
      ...sampleDefinition(['a+00000000+AA']),
      units: [
        { id: 'root', name: { en: 'Land' }, type: 'state' },
        { id: 'p-1', name: { de: 'Süderbrück' }, type: 'precinct', parent: 'root' },
      ],
    });
    expect(findReportingUnits(accented, 'suder').map((u) => u.id)).toEqual(['p-1']);
  });

  it('finds any unit, counties and the root too, where keys may be certified', () => {
    expect(findUnits(index, 'county').map((u) => u.id)).toEqual(['north', 'south']);
    expect(findUnits(index, 'north').map((u) => u.id)).toEqual(['north', 'n-1', 'n-2']);
    expect(findUnits(index, '', 2).map((u) => u.id)).toEqual(['state', 'north']);
  });

  it('puts the units whose id or name starts with the words first', () => {
    const two = indexDefinition({
      ...sampleDefinition(['a+00000000+AA']),
      units: [
        { id: 'root', name: { en: 'State' }, type: 'state' },
        { id: 'p-1', name: { en: 'West Oak' }, type: 'precinct', parent: 'root' },
        { id: 'p-2', name: { en: 'Oak Hill' }, type: 'precinct', parent: 'root' },
      ],
    });
    expect(findReportingUnits(two, 'oak').map((u) => u.id)).toEqual(['p-2', 'p-1']);
  });

  it('names things in the reader’s language, else the definition’s first, else the id', () => {
    expect(localName({ en: 'Governor', fr: 'Gouverneur' }, 'fr-CA')).toBe('Gouverneur');
    expect(localName({ en: 'Governor', fr: 'Gouverneur' }, 'de', ['fr', 'en'])).toBe('Gouverneur');
    expect(index.contestName('governor', 'fr')).toBe('Gouverneur');
    expect(index.contestName('governor', 'nl')).toBe('Governor');
    expect(index.choiceName('governor', 'ada', 'en')).toBe('Ada Lovelace');
    expect(index.unitName('nowhere', 'en')).toBe('nowhere');
    expect(index.voteTypeName('mail', 'it')).toBe('Mail');
  });
});
