import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { compressedReader, lendingReader, publishedReader } from '../cli/site_reader.js';
import { sha256Hex } from '../core/sha256.js';
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

describe('the precompressed copies of a version’s files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tally-copies-'));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  const text = '{"units":"north"}';
  const site = (br: Uint8Array, gz: Uint8Array): string => {
    const at = mkdtempSync(join(dir, 'site-'));
    writeFileSync(join(at, 'north.json'), text);
    writeFileSync(join(at, 'north.json.br'), br);
    writeFileSync(join(at, 'north.json.gz'), gz);
    return at;
  };
  const check = async (at: string) =>
    (
      await checkFiles(
        publishedReader(at),
        '',
        { files: { 'north.json': { sha256: sha(text), asOf: 0 } } },
        compressedReader(at),
      )
    ).problems.map((p) => [p.code, p.file, p.message]);

  it('each decode to the file beside them', async () => {
    expect(await check(site(brotliCompressSync(text), gzipSync(text)))).toEqual([]);
  });

  it('are named when they decode to more, to less, or not at all', async () => {
    const longer = `${text}${' '.repeat(1_000_000)}`;
    expect(await check(site(brotliCompressSync(longer), gzipSync(text.slice(1))))).toEqual([
      [
        'compressed_mismatch',
        'north.json.br',
        'north.json.br decodes to more than the 17 bytes of north.json',
      ],
      [
        'compressed_mismatch',
        'north.json.gz',
        'north.json.gz decodes to another file than north.json',
      ],
    ]);
    expect(await check(site(brotliCompressSync(text), bytes('not gzip')))).toEqual([
      ['compressed_mismatch', 'north.json.gz', 'north.json.gz does not decode'],
    ]);
  });
});

describe('a directory read into one lent buffer', () => {
  it('gives the same files and problems as reading each file into its own', async () => {
    const at = mkdtempSync(join(tmpdir(), 'tally-lent-'));
    try {
      // Larger and smaller files in turn, so that the buffer is reused, grown and read short, and
      // what is kept of it is read over later.
      const texts = new Map([
        ['results.json', '{"areas":[]}'],
        ['units/south.json', `{"units":"${'s'.repeat(20000)}"}`],
        ['en/index.html', '<p>ok</p>'],
        ['units/north.json', `{"units":"${'n'.repeat(5000)}"}`],
        ['csv/governor.csv', 'changed'],
        ['units/west.json', `{"units":"${'w'.repeat(50000)}"}`],
      ]);
      mkdirSync(join(at, 'units'));
      mkdirSync(join(at, 'en'));
      mkdirSync(join(at, 'csv'));
      for (const [path, text] of texts) {
        writeFileSync(join(at, path), text);
        writeFileSync(join(at, `${path}.gz`), gzipSync(text));
      }
      writeFileSync(join(at, 'en/index.html.br'), brotliCompressSync('<p>not ok</p>'));
      const manifest = {
        files: {
          ...Object.fromEntries(
            [...texts].map(([path, text]) => [path, { sha256: sha(text), asOf: 0 }]),
          ),
          'csv/governor.csv': { sha256: sha('as listed'), asOf: 0 },
          'cdf.json': { sha256: sha('{}'), asOf: 0 },
        },
      };
      const own = await checkFiles(publishedReader(at), '', manifest, compressedReader(at));
      const lent = await checkFiles(lendingReader(at), '', manifest, compressedReader(at), true);
      const seen = ({ files, problems }: Awaited<typeof own>) => ({
        files: [...files].map(([path, f]) => [
          path,
          f.sha,
          f.bytes && Buffer.from(f.bytes).toString(),
        ]),
        problems,
      });
      expect(seen(lent)).toEqual(seen(own));
      expect(own.problems.map((p) => p.code)).toEqual([
        'compressed_mismatch',
        'file_mismatch',
        'file_missing',
      ]);
      expect(new TextDecoder().decode(lent.files.get('en/index.html')?.bytes)).toBe('<p>ok</p>');
    } finally {
      rmSync(at, { recursive: true, force: true });
    }
  });
});
