import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './program.js';

async function tally(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const RESULTS = [
  ',,First Expression,,Final Expression,,SDE,',
  ',,Biden,Sanders,Biden,Sanders,Biden,Sanders',
  'County,Precinct,,,,,,',
  'Adair,1 NW Adair,10,10,10,10,0.2000,0.2000',
  'Adair,2 SW Adair,10,10,12,12,0.2000,0.2000',
  'Adair,Total,20,20,22,22,0.4000,0.4000',
  'Cass,Atlantic 1,10,0,10,0,0.5000,0.0000',
].join('\n');

const APPORTIONMENT = 'County,Precinct,County Delegates\nAdair,1 NW Adair,2\nAdair,2 SW Adair,2\n';

describe('tally caucus check', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tally-caucus-'));
    await writeFile(join(dir, 'results.csv'), RESULTS);
    await writeFile(join(dir, 'apportionment.csv'), APPORTIONMENT);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('prints every precinct that breaks the rules and why, and exits 1', async () => {
    const { code, out } = await tally(
      'caucus',
      'check',
      join(dir, 'results.csv'),
      '--delegates',
      join(dir, 'apportionment.csv'),
    );
    expect(code).toBe(1);
    expect(out).toContain('Adair, 2 SW Adair:\n  - [final_above_first] 24 in the final alignment');
    expect(out).not.toContain('1 NW Adair:');
    expect(out).toContain(
      'Not checked, not in the apportionment file (1): their delegates are unknown\n  Cass, Atlantic 1\n',
    );
    expect(out).toContain(
      '2 precincts checked: 1 breaks the caucus rules (final_above_first 1); 1 not checked.',
    );
  });

  it('prints them as JSON with --json, the unchecked apart on standard error', async () => {
    const { code, out, err } = await tally(
      'caucus',
      'check',
      join(dir, 'results.csv'),
      '--delegates',
      join(dir, 'apportionment.csv'),
      '--json',
    );
    expect(code).toBe(1);
    expect(JSON.parse(out)).toEqual([
      {
        county: 'Adair',
        precinct: '2 SW Adair',
        problems: [
          {
            code: 'final_above_first',
            message: '24 in the final alignment, more than the 20 of the first',
          },
        ],
      },
    ]);
    expect(err).toContain('Not checked, not in the apportionment file (1)');
    expect(err).toContain('  Cass, Atlantic 1\n');
  });

  it('exits 0 when every precinct keeps the rules, and 2 for a file it cannot read', async () => {
    await writeFile(
      join(dir, 'clean.csv'),
      RESULTS.split('\n')
        .filter((l) => !l.includes('2 SW Adair'))
        .join('\n'),
    );
    const clean = await tally(
      'caucus',
      'check',
      join(dir, 'clean.csv'),
      '--delegates',
      join(dir, 'apportionment.csv'),
      '--json',
    );
    expect(clean.code).toBe(0);
    expect(JSON.parse(clean.out)).toEqual([]);
    const missing = await tally(
      'caucus',
      'check',
      join(dir, 'none.csv'),
      '--delegates',
      join(dir, 'apportionment.csv'),
    );
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/cannot read the results file/);
    // An apportionment that names none of the results file's precincts checks nothing.
    await writeFile(join(dir, 'other.csv'), 'County,Precinct,County Delegates\nPolk,1,3\n');
    const none = await tally(
      'caucus',
      'check',
      join(dir, 'results.csv'),
      '--delegates',
      join(dir, 'other.csv'),
    );
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/nothing checked/);
    const noDelegates = await tally('caucus', 'check', join(dir, 'results.csv'));
    expect(noDelegates.code).not.toBe(0);
    expect(noDelegates.err).toMatch(/--delegates/);
  });
});
