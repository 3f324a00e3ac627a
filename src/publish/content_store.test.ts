import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { copiesOf, DirectoryContentStore, isPrecinctFile } from './content_store.js';

describe('the directory content store', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  it('tells the precinct files, compressed fast, from the headline files', () => {
    expect(isPrecinctFile('units/adams.json')).toBe(true);
    expect(isPrecinctFile('v/3/cdf/adams.2.json')).toBe(true);
    expect(isPrecinctFile('v/3/csv/units/adams.2.csv')).toBe(true);
    expect(isPrecinctFile('cdf.json')).toBe(false);
    expect(isPrecinctFile('csv/governor.csv')).toBe(false);
    // A CSV's copies are made once the version is out, as a precinct file's; a page's at once.
    expect(copiesOf('csv/results.csv')).toBe('later');
    expect(copiesOf('units/adams.json')).toBe('later');
    expect(copiesOf('en/index.html')).toBe('now');
    expect(isPrecinctFile('v/3/results.json')).toBe(false);
    expect(isPrecinctFile('v/3/en/unit/adams.html')).toBe(false);
  });

  it('writes .br and .gz copies that decompress to the very bytes, at either speed', async () => {
    dir = mkdtempSync(join(tmpdir(), 'tally-content-'));
    const content = new DirectoryContentStore(dir);
    const bytes = new TextEncoder().encode(JSON.stringify({ counts: Array(500).fill(12345) }));
    for (const path of ['v/1/units/adams.json', 'v/1/results.json']) {
      await content.put({ path, bytes, sha256: '' });
      const full = join(dir, ...path.split('/'));
      expect(readFileSync(full)).toEqual(Buffer.from(bytes));
      expect(brotliDecompressSync(readFileSync(`${full}.br`))).toEqual(Buffer.from(bytes));
      expect(gunzipSync(readFileSync(`${full}.gz`))).toEqual(Buffer.from(bytes));
    }
  });

  it('leaves a file’s copies for later when asked, and makes them once, then', async () => {
    dir = mkdtempSync(join(tmpdir(), 'tally-content-'));
    const content = new DirectoryContentStore(dir);
    const bytes = new TextEncoder().encode(JSON.stringify({ counts: Array(500).fill(12345) }));
    const path = 'v/2/units/adams.json';
    const full = join(dir, ...path.split('/'));
    await content.put({ path, bytes, sha256: '' }, undefined, 'later');
    expect(readFileSync(full)).toEqual(Buffer.from(bytes));
    expect(existsSync(`${full}.br`) || existsSync(`${full}.gz`)).toBe(false);
    await content.addCompressedCopies(path);
    expect(brotliDecompressSync(readFileSync(`${full}.br`))).toEqual(Buffer.from(bytes));
    expect(gunzipSync(readFileSync(`${full}.gz`))).toEqual(Buffer.from(bytes));
    // Made once: a second call finds them and writes nothing.
    const made = statSync(`${full}.br`).mtimeMs;
    await content.addCompressedCopies(path);
    expect(statSync(`${full}.br`).mtimeMs).toBe(made);
    // A file gone, or too small to be worth it, has none made.
    await content.addCompressedCopies('v/2/units/gone.json');
    await content.put(
      { path: 'v/2/units/tiny.json', bytes: new Uint8Array(3), sha256: '' },
      undefined,
      'later',
    );
    await content.addCompressedCopies('v/2/units/tiny.json');
    expect(existsSync(join(dir, 'v', '2', 'units', 'tiny.json.br'))).toBe(false);
  });
});
