import { sha256Hex } from '../core/sha256.js';
import { describe, expect, it } from 'vitest';
import { checkFiles } from './files.js';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const sha = (text: string): string => sha256Hex(text);

describe('the files of a version', () => {
  const published = new Map([
    ['v/1/results.json', bytes('{"areas":[]}')],
    ['v/1/units/north.json', bytes('{"units":"north"}')],
    ['v/1/csv/governor.csv', bytes('changed')],
  ]);
  const read = (path: string) => Promise.resolve(published.get(path));
  const manifest = {
    files: {
      'results.json': { sha256: sha('{"areas":[]}'), asOf: 0 },
      'units/north.json': { sha256: sha('{"units":"north"}'), asOf: 0 },
      'csv/governor.csv': { sha256: sha('as listed'), asOf: 0 },
      'cdf.json': { sha256: sha('{}'), asOf: 0 },
    },
  };

  it('are each the one the manifest lists, or named as missing or different', async () => {
    const { files, problems } = await checkFiles(read, 'v/1/', manifest);
    expect(problems.map((p) => [p.code, p.file])).toEqual([
      ['file_mismatch', 'v/1/csv/governor.csv'],
      ['file_missing', 'v/1/cdf.json'],
    ]);
    expect([...files.keys()].sort()).toEqual([
      'csv/governor.csv',
      'results.json',
      'units/north.json',
    ]);
  });

  it('keep a reporting units’ file as its SHA-256, the others whole', async () => {
    const { files } = await checkFiles(read, 'v/1/', manifest);
    expect(files.get('units/north.json')).toEqual({
      sha: sha('{"units":"north"}'),
    });
    expect(files.get('results.json')?.bytes).toEqual(bytes('{"areas":[]}'));
  });
});
