import { describe, expect, it } from 'vitest';
import type { Election } from '../core/election.js';
import { importNistElection, isNistElectionReport, type NistImportOptions } from './nist_cdf.js';

// Small hand-written NIST SP 1500-100 v2 reports. Only what each rule needs.

type Json = Record<string, unknown>;

const text = (content: string, language = 'en'): Json => ({
  '@type': 'ElectionResults.InternationalizedText',
  Text: [{ '@type': 'ElectionResults.LanguageString', Content: content, Language: language }],
});

const unit = (id: string, type: string, parts?: string[], extra: Json = {}): Json => ({
  '@type': 'ElectionResults.ReportingUnit',
  '@id': id,
  Type: type,
  Name: text(`Name of ${id}`),
  ...(parts === undefined ? {} : { ComposingGpUnitIds: parts }),
  ...extra,
});

const candidateContest = (
  id: string,
  district: string,
  selections: Json[],
  extra: Json = {},
): Json => ({
  '@type': 'ElectionResults.CandidateContest',
  '@id': id,
  Name: `Contest ${id}`,
  ElectionDistrictId: district,
  VotesAllowed: 1,
  VoteVariation: 'plurality',
  ContestSelection: selections,
  ...extra,
});

const pick = (id: string, candidates: string[], extra: Json = {}): Json => ({
  '@type': 'ElectionResults.CandidateSelection',
  '@id': id,
  CandidateIds: candidates,
  ...extra,
});

const writeIn = (id: string): Json => ({
  '@type': 'ElectionResults.CandidateSelection',
  '@id': id,
  IsWriteIn: true,
});

const yesNo = (id: string): Json[] =>
  ['Yes', 'No'].map((answer) => ({
    '@type': 'ElectionResults.BallotMeasureSelection',
    '@id': `${id}-${answer.toLowerCase()}`,
    Selection: text(answer),
  }));

const candidate = (id: string, name: string, party?: string): Json => ({
  '@type': 'ElectionResults.Candidate',
  '@id': id,
  BallotName: text(name),
  ...(party === undefined ? {} : { PartyId: party }),
});

interface Fixture {
  gpUnits?: Json[];
  contests?: Json[];
  candidates?: Json[];
  parties?: Json[];
  election?: Json;
  report?: Json;
}

/** A county of two precincts, two parties, one contest for everyone. */
function report(f: Fixture = {}): Json {
  return {
    '@type': 'ElectionResults.ElectionReport',
    Format: 'precinct-level',
    GeneratedDate: '2024-10-01T00:00:00Z',
    Issuer: 'Test County',
    IssuerAbbreviation: 'TC',
    SequenceStart: 1,
    SequenceEnd: 1,
    Status: 'pre-election',
    VendorApplicationId: 'hand-written',
    GpUnit: f.gpUnits ?? [
      unit('county', 'county', ['p1', 'p2']),
      unit('p1', 'precinct'),
      unit('p2', 'precinct'),
    ],
    Party: f.parties ?? [
      { '@type': 'ElectionResults.Party', '@id': 'par-a', Name: text('Alpha'), Abbreviation: 'A' },
      { '@type': 'ElectionResults.Party', '@id': 'par-b', Name: text('Beta') },
    ],
    Election: [
      {
        '@type': 'ElectionResults.Election',
        Name: text('General Election'),
        StartDate: '2024-11-05',
        EndDate: '2024-11-05',
        Type: 'general',
        ElectionScopeId: 'county',
        Candidate: f.candidates ?? [
          candidate('can-x', 'Xavier Ames', 'par-a'),
          candidate('can-y', 'Yolanda Birch', 'par-b'),
          candidate('can-z', 'Zed Cole'),
        ],
        Contest: f.contests ?? [
          candidateContest('cc-mayor', 'county', [
            pick('cs-x', ['can-x']),
            pick('cs-y', ['can-y']),
            writeIn('cs-wi'),
          ]),
        ],
        ...f.election,
      },
    ],
    ...f.report,
  };
}

const options: NistImportOptions = { authorityKeys: ['tally.test/authority+01020304+AAAA'] };

function imported(input: unknown, opts: Partial<NistImportOptions> = {}): Election {
  const result = importNistElection(input, { ...options, ...opts });
  if (!result.ok) expect.fail(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

function failure(
  input: unknown,
  opts: Partial<NistImportOptions> = {},
): { code: string; message: string } {
  const result = importNistElection(input, { ...options, ...opts });
  if (result.ok) expect.fail('expected the import to fail');
  return result.error;
}

const contest = (election: Election, id: string) => {
  const found = election.contests.get(id);
  if (found === undefined) expect.fail(`no contest ${id}`);
  return found;
};

const district = (election: Election, id: string) =>
  election.definition.districts.find((d) => d.id === id);

describe('recognising a NIST report', () => {
  it('an ElectionReport is recognised by its @type', () => {
    expect(isNistElectionReport(report())).toBe(true);
  });

  it('Tally JSON, arrays and non-objects are not NIST reports', () => {
    expect(isNistElectionReport({ format: 'tally-election/1' })).toBe(false);
    expect(isNistElectionReport([report()])).toBe(false);
    expect(isNistElectionReport(null)).toBe(false);
    expect(isNistElectionReport('ElectionResults.ElectionReport')).toBe(false);
  });
});

describe('the election', () => {
  it('takes its id from the name and date, and its name, date and keys from the report', () => {
    const { definition } = imported(report());
    expect(definition.id).toBe('general-election-2024-11-05');
    expect(definition.name).toEqual({ en: 'General Election' });
    expect(definition.date).toBe('2024-11-05');
    expect(definition.test).toBe(false);
    expect(definition.authority.keys).toEqual(options.authorityKeys);
  });

  it('a report without count types gets the one vote type NIST calls total', () => {
    expect(imported(report()).definition.voteTypes).toEqual([
      { id: 'total', name: { en: 'Total' } },
    ]);
  });

  it('is a test election when the options say so, else when the report says IsTest', () => {
    expect(imported(report(), { test: true }).definition.test).toBe(true);
    expect(imported(report({ report: { IsTest: true } })).definition.test).toBe(true);
    expect(imported(report({ report: { IsTest: true } }), { test: false }).definition.test).toBe(
      false,
    );
  });

  it('lists every language the texts use, English first', () => {
    const name = {
      Text: [
        { Content: 'Elección General', Language: 'es' },
        { Content: 'General Election', Language: 'EN' },
        { Content: 'Tổng tuyển cử', Language: 'vi' },
      ],
    };
    const { definition } = imported(report({ election: { Name: name } }));
    expect(definition.languages).toEqual(['en', 'es', 'vi']);
    expect(definition.name).toEqual({
      es: 'Elección General',
      en: 'General Election',
      vi: 'Tổng tuyển cử',
    });
  });

  it('plain-string names are in the default language', () => {
    const es = (id: string, type: string, parts?: string[]): Json =>
      unit(id, type, parts, { Name: text(`Nombre ${id}`, 'es') });
    const election = imported(
      report({
        election: { Name: text('Elección General', 'es') },
        gpUnits: [es('county', 'county', ['p1']), es('p1', 'precinct')],
        parties: [{ '@id': 'par-a', Name: text('Alfa', 'es'), Abbreviation: 'A' }],
        candidates: [{ '@id': 'can-x', BallotName: text('Xavier Ames', 'es'), PartyId: 'par-a' }],
        contests: [
          candidateContest('cc-alcalde', 'county', [pick('cs-x', ['can-x']), writeIn('wi')]),
        ],
      }),
    );
    expect(election.definition.languages).toEqual(['es']);
    expect(contest(election, 'cc-alcalde').name).toEqual({ es: 'Contest cc-alcalde' });
    expect(election.definition.parties[0]?.abbreviation).toEqual({ es: 'A' });
  });

  it('ignores NIST fields it does not need', () => {
    const election = imported(
      report({
        report: { Notes: 'anything', Office: [{ whatever: true }] },
        election: { BallotStyle: [{ GpUnitIds: ['p1'] }], CountStatus: [] },
      }),
    );
    expect(election.contests.size).toBe(1);
  });
});

describe('units and districts', () => {
  it('the scope and what it is composed of become the unit tree; the leaves report', () => {
    const election = imported(report());
    expect(election.root.id).toBe('county');
    expect(election.definition.units.map((u) => [u.id, u.parent, u.type])).toEqual([
      ['county', undefined, 'county'],
      ['p1', 'county', 'precinct'],
      ['p2', 'county', 'precinct'],
    ]);
    expect(election.reportingUnits).toEqual(['p1', 'p2']);
    expect(election.units.get('p1')?.name).toEqual({ en: 'Name of p1' });
  });

  it('a split precinct is a unit under its precinct and reports in its place', () => {
    const election = imported(
      report({
        gpUnits: [
          unit('county', 'county', ['p1', 'p2']),
          unit('p1', 'precinct'),
          unit('p2', 'precinct', ['p2a', 'p2b']),
          unit('p2a', 'split-precinct'),
          unit('p2b', 'split-precinct'),
        ],
      }),
    );
    expect(election.units.get('p2a')?.parent).toBe('p2');
    expect(election.reportingUnits).toEqual(['p1', 'p2a', 'p2b']);
  });

  it('a unit listed by the county and by its precinct sits under the precinct', () => {
    const election = imported(
      report({
        gpUnits: [
          unit('county', 'county', ['p1', 'p2', 'p2a']),
          unit('p1', 'precinct'),
          unit('p2', 'precinct', ['p2a']),
          unit('p2a', 'split-precinct'),
        ],
      }),
    );
    expect(election.units.get('p2a')?.parent).toBe('p2');
  });

  it('a reporting unit outside the tree is a district of the units it is composed of', () => {
    const election = imported(
      report({
        gpUnits: [
          unit('county', 'county', ['p1', 'p2', 'p3']),
          unit('p1', 'precinct'),
          unit('p2', 'precinct'),
          unit('p3', 'precinct'),
          unit('ward-1', 'ward', ['p1', 'p3']),
          unit('council', 'city-council', ['ward-1', 'p2']),
        ],
      }),
    );
    expect(election.units.has('ward-1')).toBe(false);
    expect(district(election, 'ward-1')).toEqual({
      id: 'ward-1',
      name: { en: 'Name of ward-1' },
      units: ['p1', 'p3'],
    });
    // A district composed of a district has that district's units.
    expect(district(election, 'council')?.units).toEqual(['p1', 'p3', 'p2']);
  });

  it('a unit whose parts already belong to another unit is a district, and its other parts stay in the tree', () => {
    const election = imported(
      report({
        gpUnits: [
          unit('county', 'county', ['north', 'east']),
          unit('north', 'town', ['p1', 'p2']),
          unit('east', 'town', ['p2', 'p3']),
          unit('p1', 'precinct'),
          unit('p2', 'precinct'),
          unit('p3', 'precinct'),
        ],
      }),
    );
    expect(election.units.has('east')).toBe(false);
    expect(election.units.get('p2')?.parent).toBe('north');
    expect(election.units.get('p3')?.parent).toBe('county');
    expect(district(election, 'east')?.units).toEqual(['p2', 'p3']);
  });

  it('a combined precinct reports in place of the precincts it combines', () => {
    const election = imported(
      report({
        gpUnits: [
          unit('county', 'county', ['p1', 'p2', 'p3']),
          unit('p1', 'precinct'),
          unit('p2', 'precinct'),
          unit('p3', 'precinct'),
          unit('cp-12', 'combined-precinct', ['p1', 'p2']),
          unit('house-1', 'state-house', ['p1', 'p2', 'p3']),
        ],
      }),
    );
    expect(election.definition.units.map((u) => u.id)).toEqual(['county', 'cp-12', 'p3']);
    expect(election.reportingUnits).toEqual(['cp-12', 'p3']);
    expect(district(election, 'house-1')?.units).toEqual(['cp-12', 'p3']);
  });

  it('a combined precinct that a district divides is a district, and its precincts report', () => {
    const election = imported(
      report({
        gpUnits: [
          unit('county', 'county', ['p1', 'p2']),
          unit('p1', 'precinct'),
          unit('p2', 'precinct'),
          unit('cp-12', 'combined-precinct', ['p1', 'p2']),
          unit('house-1', 'state-house', ['p1']),
        ],
      }),
    );
    expect(election.reportingUnits).toEqual(['p1', 'p2']);
    expect(district(election, 'cp-12')?.units).toEqual(['p1', 'p2']);
  });

  it('the unit type is the NIST Type, or OtherType for "other"; VotersRegistered is kept', () => {
    const election = imported(
      report({
        gpUnits: [
          unit('county', 'county', ['p1', 'p2']),
          unit('p1', 'other', undefined, {
            OtherType: 'vote-by-mail-area',
            VotersRegistered: 1200,
          }),
          unit('p2', 'precinct', undefined, { Name: undefined }),
        ],
      }),
    );
    expect(election.units.get('p1')).toMatchObject({
      type: 'vote-by-mail-area',
      registeredVoters: 1200,
    });
    // Without a Name, the @id names the unit.
    expect(election.units.get('p2')?.name).toEqual({ en: 'p2' });
  });

  it('reporting devices are not units', () => {
    const election = imported(
      report({
        gpUnits: [
          unit('county', 'county', ['p1', 'p2']),
          unit('p1', 'precinct', ['scanner-1']),
          unit('p2', 'precinct'),
          { '@type': 'ElectionResults.ReportingDevice', '@id': 'scanner-1' },
        ],
      }),
    );
    expect(election.reportingUnits).toEqual(['p1', 'p2']);
  });
});

describe('where a contest is on the ballot', () => {
  const gpUnits = [
    unit('county', 'county', ['p1', 'p2']),
    unit('p1', 'precinct'),
    unit('p2', 'precinct'),
    unit('house-1', 'state-house', ['p2']),
  ];
  const election = imported(
    report({
      gpUnits,
      contests: [
        candidateContest('cc-all', 'county', [pick('a-x', ['can-x'])]),
        candidateContest('cc-house', 'house-1', [pick('h-x', ['can-x'])]),
        candidateContest('cc-p1', 'p1', [pick('p-x', ['can-x'])]),
      ],
    }),
  );

  it('a contest of the whole scope is on every ballot', () => {
    expect(contest(election, 'cc-all').district).toBeUndefined();
  });

  it('a contest of a district is in that district', () => {
    expect(contest(election, 'cc-house').district).toBe('house-1');
  });

  it('a contest of one unit gets a district of that unit', () => {
    expect(contest(election, 'cc-p1').district).toBe('p1');
    expect(district(election, 'p1')?.units).toEqual(['p1']);
  });
});

describe('choices', () => {
  it('a ticket is one choice named after its candidates, with the top of the ticket’s party', () => {
    const election = imported(
      report({
        contests: [candidateContest('cc-pres', 'county', [pick('cs-xz', ['can-x', 'can-z'])])],
      }),
    );
    expect(contest(election, 'cc-pres').choices).toEqual([
      { id: 'cs-xz', name: { en: 'Xavier Ames / Zed Cole' }, party: 'par-a' },
    ]);
  });

  it('a write-in selection becomes a write-in choice; further ones are numbered', () => {
    const election = imported(
      report({
        contests: [
          candidateContest('cc', 'county', [
            pick('cs-x', ['can-x']),
            writeIn('wi-1'),
            writeIn('wi-2'),
          ]),
        ],
      }),
    );
    expect(contest(election, 'cc').choices.slice(1)).toEqual([
      { id: 'wi-1', name: { en: 'Write-in' }, writeIn: true },
      { id: 'wi-2', name: { en: 'Write-in 2' }, writeIn: true },
    ]);
  });

  it('a declared write-in candidate keeps the name and is a write-in', () => {
    const election = imported(
      report({
        contests: [
          candidateContest('cc', 'county', [pick('cs-z', ['can-z'], { IsWriteIn: true })]),
        ],
      }),
    );
    expect(contest(election, 'cc').choices).toEqual([
      { id: 'cs-z', name: { en: 'Zed Cole' }, writeIn: true },
    ]);
  });

  it('a candidate without a party takes the party endorsing the selection', () => {
    const election = imported(
      report({
        contests: [
          candidateContest('cc', 'county', [
            pick('cs-z', ['can-z'], { EndorsementPartyIds: ['par-b'] }),
          ]),
        ],
      }),
    );
    expect(contest(election, 'cc').choices[0]?.party).toBe('par-b');
  });

  it('VotesAllowed is the vote-for number, 1 when absent', () => {
    const two = imported(
      report({
        contests: [
          candidateContest('cc', 'county', [pick('cs-x', ['can-x'])], { VotesAllowed: 2 }),
        ],
      }),
    );
    expect(contest(two, 'cc')).toMatchObject({ kind: 'candidate', voteFor: 2 });
    const absent = candidateContest('cc', 'county', [pick('cs-x', ['can-x'])]);
    delete absent['VotesAllowed'];
    expect(contest(imported(report({ contests: [absent] })), 'cc')).toMatchObject({ voteFor: 1 });
  });

  it('a ballot measure has its selections as choices and its full text, else its summary', () => {
    const election = imported(
      report({
        contests: [
          {
            '@type': 'ElectionResults.BallotMeasureContest',
            '@id': 'bm-1',
            Name: 'Measure 1',
            ElectionDistrictId: 'county',
            FullText: text('Shall the county build a library?'),
            ContestSelection: yesNo('bm-1'),
          },
          {
            '@type': 'ElectionResults.BallotMeasureContest',
            '@id': 'bm-2',
            Name: 'Measure 2',
            ElectionDistrictId: 'county',
            SummaryText: text('Library bond'),
            ContestSelection: yesNo('bm-2'),
          },
        ],
      }),
    );
    expect(contest(election, 'bm-1')).toEqual({
      id: 'bm-1',
      name: { en: 'Measure 1' },
      kind: 'measure',
      text: { en: 'Shall the county build a library?' },
      choices: [
        { id: 'bm-1-yes', name: { en: 'Yes' } },
        { id: 'bm-1-no', name: { en: 'No' } },
      ],
    });
    expect(contest(election, 'bm-2')).toMatchObject({ text: { en: 'Library bond' } });
  });

  it('a retention contest is a yes/no measure', () => {
    const election = imported(
      report({
        contests: [
          {
            '@type': 'ElectionResults.RetentionContest',
            '@id': 'rc-judge',
            Name: 'Retain Judge Cole?',
            CandidateId: 'can-z',
            ElectionDistrictId: 'county',
            ContestSelection: yesNo('rc-judge'),
          },
        ],
      }),
    );
    expect(contest(election, 'rc-judge')).toMatchObject({
      kind: 'measure',
      choices: [{ id: 'rc-judge-yes' }, { id: 'rc-judge-no' }],
    });
  });

  it('a straight-party contest is a vote-for-one contest whose choices are the parties', () => {
    const election = imported(
      report({
        contests: [
          {
            '@type': 'ElectionResults.PartyContest',
            '@id': 'spc',
            Name: 'Straight Party',
            ElectionDistrictId: 'county',
            VoteVariation: 'n-of-m',
            ContestSelection: [
              { '@type': 'ElectionResults.PartySelection', '@id': 'ps-a', PartyIds: ['par-a'] },
              { '@type': 'ElectionResults.PartySelection', '@id': 'ps-b', PartyIds: ['par-b'] },
            ],
          },
        ],
      }),
    );
    expect(contest(election, 'spc')).toEqual({
      id: 'spc',
      name: { en: 'Straight Party' },
      kind: 'candidate',
      voteFor: 1,
      choices: [
        { id: 'ps-a', name: { en: 'Alpha' }, party: 'par-a' },
        { id: 'ps-b', name: { en: 'Beta' }, party: 'par-b' },
      ],
    });
  });
});

describe('parties and ids', () => {
  it('a party keeps its name, and its abbreviation whether a string or localized', () => {
    const election = imported(
      report({
        parties: [
          { '@id': 'par-a', Name: text('Alpha'), Abbreviation: 'A' },
          { '@id': 'par-b', Name: text('Beta'), Abbreviation: text('B') },
        ],
      }),
    );
    expect(election.definition.parties).toEqual([
      { id: 'par-a', name: { en: 'Alpha' }, abbreviation: { en: 'A' } },
      { id: 'par-b', name: { en: 'Beta' }, abbreviation: { en: 'B' } },
    ]);
  });

  it('an @id Tally cannot use becomes a valid id, the same every time and distinct from its neighbours', () => {
    const input = report({
      contests: [
        candidateContest('cc mayor/2024', 'county', [pick('_x', ['can-x']), pick('x', ['can-y'])]),
      ],
    });
    const first = imported(input).definition.contests[0];
    const again = imported(input).definition.contests[0];
    expect(first?.id).toMatch(/^cc-mayor-2024-[0-9a-f]{8}$/);
    expect(again?.id).toBe(first?.id);
    const ids = first?.choices.map((c) => c.id) ?? [];
    expect(ids[1]).toBe('x');
    expect(ids[0]).toMatch(/^x-[0-9a-f]{8}$/);
  });
});

describe('refusals', () => {
  it('input that is not an ElectionReport is invalid', () => {
    expect(failure({ format: 'tally-election/1' }).code).toBe('invalid_nist_cdf');
  });

  it('a malformed field is invalid, and the problem names where it is', () => {
    const error = failure(report({ election: { StartDate: '11/05/2024' } }));
    expect(error.code).toBe('invalid_nist_cdf');
    expect(error.message).toContain('Election[0].StartDate');
  });

  it('a malformed contest is invalid at its path', () => {
    const error = failure(
      report({
        contests: [
          candidateContest('cc', 'county', [pick('cs-x', ['can-x'])], { VotesAllowed: 0 }),
        ],
      }),
    );
    expect(error.code).toBe('invalid_nist_cdf');
    expect(error.message).toContain('Election[0].Contest[0].VotesAllowed');
  });

  it('a reference to nothing is invalid, naming the reference', () => {
    const unknownCandidate = failure(
      report({ contests: [candidateContest('cc', 'county', [pick('cs-q', ['can-q'])])] }),
    );
    expect(unknownCandidate.code).toBe('invalid_nist_cdf');
    expect(unknownCandidate.message).toContain(
      'Election[0].Contest[0].ContestSelection[0].CandidateIds[0]',
    );
    expect(unknownCandidate.message).toContain('can-q');

    const unknownDistrict = failure(
      report({ contests: [candidateContest('cc', 'nowhere', [pick('cs-x', ['can-x'])])] }),
    );
    expect(unknownDistrict.message).toContain('Election[0].Contest[0].ElectionDistrictId');

    const unknownScope = failure(report({ election: { ElectionScopeId: 'state' } }));
    expect(unknownScope.message).toContain('Election[0].ElectionScopeId');

    const unknownPart = failure(report({ gpUnits: [unit('county', 'county', ['p9'])] }));
    expect(unknownPart.message).toContain('GpUnit[0].ComposingGpUnitIds[0]');
  });

  it('a unit composed of a unit that contains it is invalid', () => {
    const error = failure(
      report({
        gpUnits: [
          unit('county', 'county', ['p1', 'p2']),
          unit('p1', 'precinct', ['county']),
          unit('p2', 'precinct'),
        ],
      }),
    );
    expect(error.code).toBe('invalid_nist_cdf');
    expect(error.message).toContain('(@id p1)');
  });

  it('more than one election is unsupported', () => {
    const input = report();
    const [only] = input['Election'] as Json[];
    const error = failure({ ...input, Election: [only, only] });
    expect(error.code).toBe('unsupported_nist_cdf');
  });

  it('a voting method that changes the count is unsupported, naming the contest and the method', () => {
    const error = failure(
      report({
        contests: [
          candidateContest('cc-ok', 'county', [pick('cs-x', ['can-x'])]),
          candidateContest('cc-rcv', 'county', [pick('cs-y', ['can-y'])], { VoteVariation: 'rcv' }),
        ],
      }),
    );
    expect(error).toMatchObject({
      code: 'unsupported_nist_cdf',
      message:
        'unsupported NIST CDF at Election[0].Contest[1] (@id cc-rcv): VoteVariation "rcv" is not supported',
    });
    for (const variation of ['cumulative', 'approval', 'borda', 'super-majority']) {
      const other = failure(
        report({
          contests: [
            candidateContest('cc', 'county', [pick('cs-x', ['can-x'])], {
              VoteVariation: variation,
            }),
          ],
        }),
      );
      expect(other.code).toBe('unsupported_nist_cdf');
    }
    const other = failure(
      report({
        contests: [
          candidateContest('cc', 'county', [pick('cs-x', ['can-x'])], {
            VoteVariation: 'other',
            OtherVoteVariation: 'bucklin',
          }),
        ],
      }),
    );
    expect(other.message).toContain('OtherVoteVariation "bucklin"');
  });

  it('plurality, n-of-m, majority and no VoteVariation all import', () => {
    for (const variation of ['plurality', 'n-of-m', 'majority', undefined]) {
      const extra =
        variation === undefined ? { VoteVariation: undefined } : { VoteVariation: variation };
      imported(
        report({ contests: [candidateContest('cc', 'county', [pick('cs-x', ['can-x'])], extra)] }),
      );
    }
  });

  it('a contest type Tally does not know is unsupported', () => {
    const error = failure(
      report({
        contests: [{ '@type': 'ElectionResults.CaucusContest', '@id': 'cx', ContestSelection: [] }],
      }),
    );
    expect(error.message).toBe(
      'unsupported NIST CDF at Election[0].Contest[0] (@id cx): contest type "ElectionResults.CaucusContest" is not supported',
    );
  });

  it('a selection of the wrong kind for its contest is unsupported', () => {
    const error = failure(report({ contests: [candidateContest('cc', 'county', yesNo('m'))] }));
    expect(error.code).toBe('unsupported_nist_cdf');
    expect(error.message).toContain('Election[0].Contest[0].ContestSelection[0] (@id m-yes)');
  });

  it('a contest named in omitContests is left out and the rest imports', () => {
    const input = report({
      contests: [
        candidateContest('cc-ok', 'county', [pick('cs-x', ['can-x'])]),
        candidateContest('cc-rcv', 'county', [pick('cs-y', ['can-y'])], { VoteVariation: 'rcv' }),
      ],
    });
    expect([...imported(input, { omitContests: ['cc-rcv'] }).contests.keys()]).toEqual(['cc-ok']);
    expect(failure(input, { omitContests: ['cc-typo'] }).message).toContain('cc-typo');
  });

  it('the result is checked by the rules of Tally JSON: an authority key is required', () => {
    expect(failure(report(), { authorityKeys: [] }).code).toBe('invalid_definition');
  });
});
