// Reading the Iowa Democratic Party's 2020 results file and checking it against the rules: a
// file made here in its layout (three header rows, a row per precinct, county Total rows), with
// a precinct for each way of breaking the rules, and one the apportionment does not name.
import { describe, expect, it } from 'vitest';
import {
  checkIowaResults,
  readApportionment,
  readIowaResults,
  type IowaResults,
} from './iowa_caucus_csv.js';

const RESULTS = [
  ',,First Expression,,,,Final Expression,,,,SDE,,,',
  ',,Biden,Buttigieg,Sanders,Warren,Biden,Buttigieg,Sanders,Warren,Biden,Buttigieg,Sanders,Warren',
  'County,Precinct,,,,,,,,,,,,',
  // 3 delegates, 27 there: 1.8 for Buttigieg rounds to 2, one too many, given back.
  'Adair,1 NW Adair,7,12,5,3,7,15,5,0,0.2000,0.2000,0.2000,0.0000',
  // More in the final alignment than in the first.
  'Adair,2 SW Adair,5,5,0,0,6,6,0,0,0.3000,0.3000,0.0000,0.0000',
  'Adair,Total,12,17,5,3,13,21,5,0,0.5000,0.5000,0.2000,0.0000',
  // No first alignment at all.
  'Boone,Boone 1,,,,,10,5,0,0,0.4000,0.2000,0.0000,0.0000',
  // 4 delegates, 50 there (viable at 8): Sanders's 5 are not viable, yet got one.
  '"Boone","Boone 2","20","20","5","5","22","23","5","0","0.4000","0.2000","0.2000","0.0000"',
  // 2 delegates, 30 there (viable at 8): three viable groups for two delegates.
  'Boone,Boone 3,10,10,10,0,10,10,10,0,0.3000,0.3000,0.0000,0.0000',
  'Boone,Total,,,,,,,,,,,,',
  // Not in the apportionment file.
  'Cass,Atlantic 1,10,0,0,0,10,0,0,0,0.5000,0.0000,0.0000,0.0000',
  'Cass,Total,,,,,,,,,,,,',
].join('\r\n');

const APPORTIONMENT = [
  'County,Precinct,County Delegates',
  'Adair,1 NW Adair,3',
  'Adair,2 SW ADAIR,2',
  'Boone,Boone 1,3',
  'Boone,Boone 2,4',
  'Boone,Boone 3,2',
].join('\n');

function read(): IowaResults {
  const results = readIowaResults(RESULTS);
  if (!results.ok) throw new Error(results.error.message);
  return results.value;
}

describe('the Iowa Democratic Party’s 2020 results file', () => {
  it('reads each precinct’s three sets of numbers by candidate, skipping the county totals', () => {
    const { groups, precincts } = read();
    expect(groups).toEqual(['Biden', 'Buttigieg', 'Sanders', 'Warren']);
    expect(precincts.map((p) => p.precinct)).toEqual([
      '1 NW Adair',
      '2 SW Adair',
      'Boone 1',
      'Boone 2',
      'Boone 3',
      'Atlantic 1',
    ]);
    expect(precincts[0]).toMatchObject({
      county: 'Adair',
      row: 4,
      first: [7, 12, 5, 3],
      final: [7, 15, 5, 0],
      sde: [0.2, 0.2, 0.2, 0],
    });
    expect(precincts[2]?.first).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('reads a header whose candidates are merged cells over their three measures', () => {
    const byCandidate = readIowaResults(
      [
        ',,First Expression,Final Expression,SDE,First Expression,Final Expression,SDE',
        ',,Biden,,,Sanders,,',
        'County,Precinct,,,,,,',
        'Adair,1 NW Adair,10,10,0.2000,10,10,0.2000',
        'Adair County Total,,10,10,0.2000,10,10,0.2000',
      ].join('\n'),
    );
    if (!byCandidate.ok) throw new Error(byCandidate.error.message);
    expect(byCandidate.value.groups).toEqual(['Biden', 'Sanders']);
    expect(byCandidate.value.precincts).toMatchObject([
      { precinct: '1 NW Adair', first: [10, 10], final: [10, 10], sde: [0.2, 0.2] },
    ]);
  });

  it('says what is wrong with a file that is not in the format', () => {
    const none = readIowaResults('County,Precinct,Biden\nAdair,1,3\n');
    expect(none.ok ? 'read' : none.error.code).toBe('no_header');
    const apportionment = readApportionment('County,Precinct,Delegates\nAdair,1,3\n');
    expect(apportionment.ok ? 'read' : apportionment.error.code).toBe('no_header');
    const half = readApportionment('County,Precinct,County Delegates\nAdair,1,2.5\n');
    expect(half.ok ? 'read' : half.error.message).toMatch(/row 2: "2.5" is not a whole number/);
  });

  it('lists every precinct that breaks the rules, and why; one the apportionment lacks is unchecked', () => {
    const apportionment = readApportionment(APPORTIONMENT);
    if (!apportionment.ok) throw new Error(apportionment.error.message);
    const check = checkIowaResults(read(), apportionment.value);
    expect(check.checked).toBe(5);
    expect(check.unchecked).toEqual([{ county: 'Cass', precinct: 'Atlantic 1' }]);
    const codes = Object.fromEntries(
      check.breakers.map((b) => [b.precinct, b.problems.map((p) => p.code)]),
    );
    expect(codes).toEqual({
      '2 SW Adair': ['final_above_first'],
      'Boone 1': ['missing_first_alignment'],
      'Boone 2': ['delegates_to_nonviable_group', 'delegates_not_allowed'],
      'Boone 3': ['too_many_viable_groups'],
    });
    const boone2 = check.breakers.find((b) => b.precinct === 'Boone 2');
    expect(boone2?.problems[1]?.message).toBe(
      'reported Biden 2, Buttigieg 1, Sanders 1; the rules give Biden 2, Buttigieg 2',
    );
  });

  it('names SDEs that are no whole number of delegates', () => {
    const odd = RESULTS.replace(
      'Adair,1 NW Adair,7,12,5,3,7,15,5,0,0.2000,0.2000,0.2000,0.0000',
      'Adair,1 NW Adair,7,12,5,3,7,15,5,0,0.3000,0.2000,0.1000,0.0000',
    );
    const results = readIowaResults(odd);
    const apportionment = readApportionment(APPORTIONMENT);
    if (!results.ok || !apportionment.ok) throw new Error('unreadable');
    const first = checkIowaResults(results.value, apportionment.value).breakers[0];
    expect(first?.precinct).toBe('1 NW Adair');
    expect(first?.problems[0]?.code).toBe('sde_not_whole_delegates');
  });

  it('reads quirks of real exports: a spacer column, a name cased otherwise, a Totals column, &amp;', () => {
    const results = readIowaResults(
      [
        ',,First Expression,,,,Final Expression,,,SDE,,',
        ',,Biden,Sanders,Totals,,BIDEN,Sanders,,Biden,Sanders,',
        'County,Precinct,,,,,,,,,,',
        'Carroll,Arcadia &amp; Kniest,10,10,20,,10,10,,0.2000,0.2000,',
        'Carroll,Subtotal,10,10,20,,10,10,,0.2000,0.2000,',
      ].join('\n'),
    );
    if (!results.ok) throw new Error(results.error.message);
    expect(results.value.groups).toEqual(['Biden', 'Sanders']);
    expect(results.value.precincts).toMatchObject([
      { precinct: 'Arcadia &amp; Kniest', first: [10, 10], final: [10, 10], sde: [0.2, 0.2] },
    ]);
    const apportionment = readApportionment(
      'County,Precinct,County Delegates\nCarroll,Arcadia & Kniest,2\n',
    );
    if (!apportionment.ok) throw new Error(apportionment.error.message);
    expect(checkIowaResults(results.value, apportionment.value)).toMatchObject({
      checked: 1,
      breakers: [],
    });
  });

  it('checks a precinct whose final alignment grew far past its first without running out of ways', () => {
    // Webster, Douglas in the 2020 file: 8 in the first alignment, 52 in the final.
    const results = readIowaResults(
      [
        ',,First Expression,,,Final Expression,,,SDE,,',
        ',,Biden,Buttigieg,Sanders,Biden,Buttigieg,Sanders,Biden,Buttigieg,Sanders',
        'County,Precinct,,,,,,,,,',
        'Webster,Douglas,3,3,2,23,20,9,0.2500,0.2500,0.1667',
      ].join('\n'),
    );
    const apportionment = readApportionment(
      'County,Precinct,County Delegates\nWebster,Douglas,8\n',
    );
    if (!results.ok || !apportionment.ok) throw new Error('unreadable');
    const check = checkIowaResults(results.value, apportionment.value);
    expect(check.breakers[0]?.problems.map((p) => p.code)).toContain('final_above_first');
  });

  it('sets apart a precinct with a cell that is no number: not checked, not a rule breaker', () => {
    const results = readIowaResults(
      RESULTS.replace('Boone,Boone 3,10,10,10,0', 'Boone,Boone 3,n/a,10,10,0'),
    );
    const apportionment = readApportionment(APPORTIONMENT);
    if (!results.ok || !apportionment.ok) throw new Error('unreadable');
    const check = checkIowaResults(results.value, apportionment.value);
    expect(check.breakers.map((b) => b.precinct)).not.toContain('Boone 3');
    expect(check.unreadable).toEqual([
      {
        county: 'Boone',
        precinct: 'Boone 3',
        problems: [{ code: 'unreadable_number', message: 'not a number: Biden (first): "n/a"' }],
      },
    ]);
  });

  it('checks a one-delegate precinct for one delegate alone, and names SDEs where no delegate is due', () => {
    const results = readIowaResults(
      [
        ',,First Expression,,Final Expression,,SDE,',
        ',,Biden,Sanders,Biden,Sanders,Biden,Sanders',
        'County,Precinct,,,,,,',
        // One delegate, to the smaller group: the caucus as a whole elected it.
        'Clinton,Liberty,1,4,1,4,0.0800,0.0000',
        'Clinton,Two,1,4,1,4,0.0800,0.0800',
        'Lee,None,3,4,3,4,0.0000,0.0500',
      ].join('\n'),
    );
    const apportionment = readApportionment(
      'County,Precinct,County Delegates\nClinton,Liberty,1\nClinton,Two,1\nLee,None,0\n',
    );
    if (!results.ok || !apportionment.ok) throw new Error('unreadable');
    const check = checkIowaResults(results.value, apportionment.value);
    expect(check.breakers.map((b) => [b.precinct, b.problems.map((p) => p.code)])).toEqual([
      // Two halves of a delegate: neither whole, nor one.
      ['Two', ['sde_not_whole_delegates', 'delegates_not_allowed']],
      ['None', ['delegates_not_allowed']],
    ]);
  });

  it('counts Nevada’s added delegate when it turns SDEs into delegates', () => {
    // Nevada 2A: five viable groups for four delegates, one each.
    const results = readIowaResults(
      [
        ',,First Expression,,,,,Final Expression,,,,,SDE,,,,',
        ',,A,B,C,D,E,A,B,C,D,E,A,B,C,D,E',
        'County,Precinct,,,,,,,,,,,,,,,',
        'Clark,1,13,13,13,13,24,13,13,13,13,24,0.1000,0.1000,0.1000,0.1000,0.1000',
      ].join('\n'),
    );
    const apportionment = readApportionment('County,Precinct,County Delegates\nClark,1,4\n');
    if (!results.ok || !apportionment.ok) throw new Error('unreadable');
    expect(checkIowaResults(results.value, apportionment.value, 'nevada-2020').breakers).toEqual(
      [],
    );
    // Iowa gives no fifth delegate: the SDEs are four-fifths of one each, and too many viable.
    expect(
      checkIowaResults(results.value, apportionment.value, 'iowa-2020').breakers[0]?.problems.map(
        (p) => p.code,
      ),
    ).toEqual(['sde_not_whole_delegates', 'too_many_viable_groups']);
  });
});

describe('what an independent audit of the 2020 file found', () => {
  const header = [
    ',,First Expression,,Final Expression,,SDE,',
    ',,A,B,A,B,A,B',
    'County,Precinct,,,,,,',
  ];
  const check = (rows: readonly string[], apportionment: string) => {
    const results = readIowaResults([...header, ...rows].join('\n'));
    const delegates = readApportionment(`County,Precinct,County Delegates\n${apportionment}`);
    if (!results.ok || !delegates.ok) throw new Error('unreadable');
    return checkIowaResults(results.value, delegates.value);
  };
  const codes = (c: ReturnType<typeof check>): Record<string, string[]> =>
    Object.fromEntries(c.breakers.map((b) => [b.precinct, b.problems.map((p) => p.code)]));

  it('names a one-delegate precinct whose delegate went to a group nobody stood in', () => {
    // Kossuth GW-SN, Plymouth 06/Wf, Woodbury 43 Oto: the delegate to a group of none.
    const found = check(
      ['X,P1,3,0,3,0,0,0.2500', 'X,P2,3,1,3,1,0,0.2500', 'X,P3,3,0,0,0,0,0.2500'],
      'X,P1,1\nX,P2,1\nX,P3,1',
    );
    expect(codes(found)).toEqual({
      P1: ['delegates_not_allowed'],
      // Nobody in the final alignment: the first alignment says who stood.
      P3: ['delegates_not_allowed'],
    });
    expect(found.breakers[0]?.problems[0]?.message).toBe(
      "the precinct's one county delegate went to B, with nobody in the final alignment",
    );
  });

  it('asks the delegates of a precinct with more in the final alignment of either count', () => {
    // 10 delegates, 100 first and 120 final (60 and 60): 5 and 5 over either count; 6 and 4
    // over neither (Webster Fort Dodge 09's 4 and 1 from two equal groups).
    const found = check(
      ['X,Even,50,50,60,60,0.5000,0.5000', 'X,Odd,50,50,60,60,0.6000,0.4000'],
      'X,Even,10\nX,Odd,10',
    );
    expect(codes(found)).toEqual({
      Even: ['final_above_first'],
      Odd: ['final_above_first', 'delegates_not_allowed'],
    });
  });

  it('matches a name escaped twice, refuses an apportionment that contradicts itself, and sets apart a row cut short', () => {
    const twice = check(
      ['Carroll,Arcadia &amp; Kniest,5,5,5,5,0.1,0.1'],
      'Carroll,Arcadia &amp;amp; Kniest,2',
    );
    expect(twice.checked).toBe(1);
    const contradicts = readApportionment('County,Precinct,County Delegates\nX,P2,5\nX,P2,7\n');
    expect(contradicts.ok ? 'read' : contradicts.error.message).toBe(
      'row 3: X, P2 has 7 county delegates, but 5 at row 2',
    );
    const cut = check(['X,P4,6,4'], 'X,P4,2');
    expect(cut.checked).toBe(0);
    expect(cut.unreadable[0]?.problems[0]?.message).toBe(
      'not a number: A (final): missing (the row ends before it)',
    );
  });
});
