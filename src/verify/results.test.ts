// The verifier's second road: the numbers, names, statuses and test flags of every results feed,
// recomputed from the log and compared field by field, independently of the first road's byte
// comparison. Each change here is made by an operator holding every server key, who re-signs
// it (src/server/testonly/operator.ts): the first road names the file not reproduced, and the
// second says what in it is not the log's.
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compressedReader, directoryLister, publishedReader } from '../cli/site_reader.js';
import { currentBase, editJson, editText, Operator } from '../server/testonly/operator.js';
import { parseStrictJson } from './strict_json.js';
import { inProcessWorkers, verifySite, type VerifiedFiles, type VerifyReport } from './verify.js';

interface AreaJson {
  area: string;
  name: Record<string, string>;
  ballotsCast: { total: number };
  reporting: { reported: number; expected: number };
  contests: { contest: string; total: { counts: Record<string, number> } }[];
}
interface ResultsJson {
  election: { test: boolean; name: Record<string, string> };
  contests: { id: string; choices: { id: string; name: Record<string, string> }[] }[];
  areas: AreaJson[];
}
interface UnitsJson {
  test: boolean;
  areas: AreaJson[];
}
interface GpUnitJson {
  '@id': string;
  SubUnitsReported: number;
  VotersParticipated: number;
  Name: { Text: { Content: string }[] };
}
interface VoteCountsJson {
  GpUnitId: string;
  Count: number;
}
interface CdfJson {
  IsTest: boolean;
  TestType?: string;
  Status: string;
  GpUnit: GpUnitJson[];
  Election: {
    Candidate: { '@id': string; BallotName: unknown }[];
    Contest: {
      '@id': string;
      ContestSelection: { '@id': string; CandidateIds?: string[]; VoteCounts: VoteCountsJson[] }[];
    }[];
  }[];
}

interface Change {
  /** The file changed, under the current version. */
  readonly file: string;
  /** The second road's code for it. */
  readonly code: string;
  readonly make: (site: string, op: Operator) => void;
}

function fail(): never {
  throw new Error('the honest site is not as these tests expect');
}

/** Changes a JSON file of the current version as its publisher writes it, and re-signs. */
function json(file: string, code: string, change: (value: never) => void): Change {
  return {
    file,
    code,
    make: (site, op) => {
      editJson(site, `${currentBase(site)}${file}`, change);
      op.resign(site);
    },
  };
}

function text(file: string, code: string, change: (text: string) => string): Change {
  return {
    file,
    code,
    make: (site, op) => {
      editText(site, `${currentBase(site)}${file}`, change);
      op.resign(site);
    },
  };
}

const area = (areas: readonly AreaJson[], id: string): AreaJson =>
  areas.find((a) => a.area === id) ?? fail();
const gpUnit = (c: CdfJson, id: string): GpUnitJson =>
  c.GpUnit.find((g) => g['@id'] === id) ?? fail();
const governor = (c: CdfJson) =>
  c.Election[0]?.Contest.find((x) => x['@id'] === 'contest-governor') ?? fail();

const CHANGES: Record<string, Change> = {
  // Reporting counts and turnout.
  'results.json: units reporting': json('results.json', 'total_mismatch', (r: ResultsJson) => {
    area(r.areas, 'state').reporting.reported = 5;
  }),
  'results.json: ballots cast (turnout)': json(
    'results.json',
    'total_mismatch',
    (r: ResultsJson) => {
      area(r.areas, 'south').ballotsCast.total = 1400;
    },
  ),
  'cdf.json: SubUnitsReported': json('cdf.json', 'total_mismatch', (c: CdfJson) => {
    gpUnit(c, 'ru-state').SubUnitsReported = 5;
  }),
  'cdf.json: VotersParticipated': json('cdf.json', 'total_mismatch', (c: CdfJson) => {
    gpUnit(c, 'ru-state').VotersParticipated = 4000;
  }),
  'a CSV: units reported': text('csv/governor.csv', 'total_mismatch', (t) =>
    t.replace('south,South County,county,total,2,3,', 'south,South County,county,total,3,3,'),
  ),
  'a group file (cdf/): VotersParticipated': json(
    'cdf/south.json',
    'total_mismatch',
    (c: CdfJson) => {
      gpUnit(c, 'ru-s-3').VotersParticipated = 300;
    },
  ),
  // Statuses.
  'cdf.json: Status': json('cdf.json', 'status_mismatch', (c: CdfJson) => {
    c.Status = 'unofficial-complete';
  }),
  'a group file (cdf/): Status': json('cdf/south.json', 'status_mismatch', (c: CdfJson) => {
    c.Status = 'unofficial-complete';
  }),
  // Test flags.
  'results.json: the test flag': json('results.json', 'test_flag_mismatch', (r: ResultsJson) => {
    r.election.test = false;
  }),
  'cdf.json: the test flag and type': json('cdf.json', 'test_flag_mismatch', (c: CdfJson) => {
    c.IsTest = false;
    delete c.TestType;
  }),
  'a CSV: the TEST column': text('csv/governor.csv', 'test_flag_mismatch', (t) =>
    t.replaceAll(',TEST', ','),
  ),
  'a group file (units/): the test flag': json(
    'units/south.json',
    'test_flag_mismatch',
    (u: UnitsJson) => {
      u.test = false;
    },
  ),
  'a group file (cdf/): the test flag': json(
    'cdf/south.json',
    'test_flag_mismatch',
    (c: CdfJson) => {
      c.IsTest = false;
    },
  ),
  // Names.
  "results.json: two candidates' names swapped": json(
    'results.json',
    'name_mismatch',
    (r: ResultsJson) => {
      const choices = r.contests.find((c) => c.id === 'governor')?.choices ?? fail();
      const [ada, alan] = [choices[0] ?? fail(), choices[1] ?? fail()];
      [ada.name, alan.name] = [alan.name, ada.name];
    },
  ),
  "cdf.json: two candidates' names swapped": json('cdf.json', 'name_mismatch', (c: CdfJson) => {
    const candidates = c.Election[0]?.Candidate ?? fail();
    const [ada, alan] = [candidates[0] ?? fail(), candidates[1] ?? fail()];
    [ada.BallotName, alan.BallotName] = [alan.BallotName, ada.BallotName];
  }),
  "cdf.json: two selections pointing at each other's candidate": json(
    'cdf.json',
    'name_mismatch',
    (c: CdfJson) => {
      const [ada, alan] = governor(c).ContestSelection;
      if (ada === undefined || alan === undefined) fail();
      const [adaIds, alanIds] = [ada.CandidateIds ?? fail(), alan.CandidateIds ?? fail()];
      [ada.CandidateIds, alan.CandidateIds] = [alanIds, adaIds];
    },
  ),
  "results.json: a county's name": json('results.json', 'name_mismatch', (r: ResultsJson) => {
    area(r.areas, 'south').name = { en: 'North County' };
  }),
  "cdf.json: a county's name": json('cdf.json', 'name_mismatch', (c: CdfJson) => {
    (gpUnit(c, 'ru-south').Name.Text[0] ?? fail()).Content = 'North County';
  }),
  "a CSV: a county's name": text('csv/governor.csv', 'name_mismatch', (t) =>
    t.replaceAll('south,South County,', 'south,North County,'),
  ),
  "results.json: the election's name": json('results.json', 'name_mismatch', (r: ResultsJson) => {
    r.election.name = { ...r.election.name, en: 'General Election' };
  }),
  // Duplicates: JSON.parse keeps the last, a reader may take the first.
  'results.json: a duplicate area before the real one': json(
    'results.json',
    'duplicate_area',
    (r: ResultsJson) => {
      const state = structuredClone(area(r.areas, 'state'));
      (state.contests[0] ?? fail()).total.counts['ada'] = 870;
      r.areas.unshift(state);
    },
  ),
  'cdf.json: duplicate VoteCounts before the real ones': json(
    'cdf.json',
    'duplicate_area',
    (c: CdfJson) => {
      const ada = governor(c).ContestSelection[0] ?? fail();
      const first = ada.VoteCounts[0] ?? fail();
      ada.VoteCounts.unshift({ ...first, Count: 870 });
    },
  ),
  'cdf.json: a GpUnit given twice': json('cdf.json', 'duplicate_area', (c: CdfJson) => {
    c.GpUnit.unshift({ ...gpUnit(c, 'ru-state'), SubUnitsReported: 5 });
  }),
  'a CSV: a row given twice, the first forged': text('csv/governor.csv', 'duplicate_area', (t) =>
    t.replace(
      'state,State,state,total,',
      'state,State,state,total,3,5,1500,9,36,870,570,15,TEST\r\nstate,State,state,total,',
    ),
  ),
  'results.json: a key given twice, the first forged': text('results.json', 'duplicate_key', (t) =>
    t.replace('"ada":770', '"ada":870,"ada":770'),
  ),
  'a group file (units/): a key given twice, the first forged': text(
    'units/south.json',
    'duplicate_key',
    (t) => t.replace('"ada":260', '"ada":261,"ada":260'),
  ),
  // Areas the file does not hold.
  'results.json: an extra area': json('results.json', 'unknown_area', (r: ResultsJson) => {
    r.areas.push({
      ...structuredClone(area(r.areas, 'state')),
      area: 'west',
      name: { en: 'West' },
    });
  }),
  'results.json: a precinct among the counties': json(
    'results.json',
    'unknown_area',
    (r: ResultsJson) => {
      r.areas.push({ ...structuredClone(area(r.areas, 'south')), area: 's-1' });
    },
  ),
  'cdf.json: VoteCounts for an unknown area': json('cdf.json', 'unknown_area', (c: CdfJson) => {
    const ada = governor(c).ContestSelection[0] ?? fail();
    ada.VoteCounts.push({ ...(ada.VoteCounts[0] ?? fail()), GpUnitId: 'ru-west' });
  }),
  'a CSV: a row for an unknown area': text('csv/governor.csv', 'unknown_area', (t) =>
    t.replace(
      'state,State,state,total,',
      'west,West,county,total,1,1,500,0,0,500,0,0,TEST\r\nstate,State,state,total,',
    ),
  ),
  "a group file (units/): another county's precinct": json(
    'units/south.json',
    'unknown_area',
    (u: UnitsJson) => {
      u.areas.push({ ...structuredClone(area(u.areas, 's-1')), area: 'n-2' });
    },
  ),
};

describe('the second road: every feed read and compared with what the log makes', () => {
  let op: Operator;
  beforeAll(async () => {
    op = await Operator.publish(tmpdir());
  }, 60_000);
  afterAll(() => {
    op.dispose();
  });

  const verify = (site: string, since?: string): Promise<VerifyReport> =>
    verifySite(publishedReader(site), {
      logKeys: [op.honest.keys.log],
      manifestKeys: [op.honest.keys.manifest],
      workers: inProcessWorkers(2),
      readCompressed: compressedReader(site),
      list: directoryLister(site) ?? fail(),
      ...(since === undefined ? {} : { since }),
    });

  it('rebuilds no group file verified before and listed the same, under the same parameters', async () => {
    const site = op.copy();
    const first = await verify(site);
    const verified = first.verified ?? fail();
    const groups = Object.keys(verified.files).length;
    expect(groups).toBeGreaterThan(0);
    expect(first.filesVerifiedBefore).toBe(0);
    const again = await verifySite(publishedReader(site), {
      logKeys: [op.honest.keys.log],
      manifestKeys: [op.honest.keys.manifest],
      workers: inProcessWorkers(2),
      verifiedBefore: verified,
    });
    expect(again).toMatchObject({ ok: true, filesVerifiedBefore: groups });
    expect(again.filesRebuilt).toBe(first.filesRebuilt - groups);
    // What else the files are made of must be what it was: else every group file is rebuilt.
    const otherwise = async (before: VerifiedFiles): Promise<number> =>
      (
        await verifySite(publishedReader(site), {
          logKeys: [op.honest.keys.log],
          manifestKeys: [op.honest.keys.manifest],
          workers: inProcessWorkers(2),
          verifiedBefore: before,
        })
      ).filesVerifiedBefore;
    expect(await otherwise({ ...verified, allReported: !verified.allReported })).toBe(0);
    expect(await otherwise({ ...verified, build: { ...verified.build, trendPoints: 2 } })).toBe(0);
    // A file verified at another size, or with other bytes, is rebuilt.
    const [path, file] = Object.entries(verified.files)[0] ?? fail();
    for (const changed of [
      { ...file, asOf: file.asOf + 1 },
      { ...file, sha256: '0'.repeat(64) },
    ]) {
      expect(await otherwise({ ...verified, files: { ...verified.files, [path]: changed } })).toBe(
        groups - 1,
      );
    }
  });

  it('finds nothing in the site as published, nor with its honest amendment', async () => {
    const first = await verify(op.copy(op.honest.versions[0]?.site ?? fail()));
    expect(first.problems).toEqual([]);
    const amended = await verify(op.copy(), op.honest.versions[0]?.checkpoint);
    expect(amended.problems).toEqual([]);
    expect(amended).toMatchObject({ ok: true, version: 2, submissionsCounted: 4 });
  });

  for (const [name, change] of Object.entries(CHANGES)) {
    it(`${name}: named ${change.code} beside file_not_reproduced`, async () => {
      const site = op.copy();
      change.make(site, op);
      const report = await verify(site);
      const inFile = report.problems.filter((p) => p.file?.endsWith(change.file) === true);
      const codes = new Set(inFile.map((p) => p.code));
      expect([...codes], JSON.stringify(report.problems)).toEqual(
        expect.arrayContaining(['file_not_reproduced', change.code]),
      );
      // The first road alone would have caught it: the second names what it is.
      expect(report.problems.every((p) => p.code !== 'malformed_file')).toBe(true);
    });
  }

  it('leaves the published site as it was', () => {
    expect(op.untouched()).toBe(true);
  });
});

describe('strict JSON', () => {
  it('names every key stated twice in its object, by path, whatever its escapes', () => {
    const parsed = parseStrictJson(
      '{"a":{"b":[1,{"c":1,"\\u0063":2}],"b":0},"d":"\\"b\\":","e":[{"x":1},{"x":2}]}',
    );
    expect(parsed?.duplicateKeys).toEqual(['a.b.1.c', 'a.b']);
    expect(parsed?.value).toEqual({ a: { b: 0 }, d: '"b":', e: [{ x: 1 }, { x: 2 }] });
  });

  it('finds none in JSON that states each key once, and refuses text that is not JSON', () => {
    expect(parseStrictJson('[{"a":1},{"a":2},"a",{"b":{"a":1}}]')?.duplicateKeys).toEqual([]);
    expect(parseStrictJson('{"a":1,}')).toBeUndefined();
  });
});
