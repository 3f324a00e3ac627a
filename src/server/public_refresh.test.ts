import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as FsPromises from 'node:fs/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PublicSite } from './public_site.js';

// Counts the public plane's reads of each file.
const reads = vi.hoisted(() => new Map<string, number>());
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof FsPromises>();
  return {
    ...actual,
    readFile: (path: string) => {
      reads.set(path, (reads.get(path) ?? 0) + 1);
      return actual.readFile(path);
    },
  };
});

describe('the public plane told of a new version many times at once', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  it('loads the version once', async () => {
    dir = mkdtempSync(join(tmpdir(), 'tally-refresh-'));
    const page = '<!doctype html><title>Results</title>';
    const sha256 = createHash('sha256').update(page).digest('hex');
    mkdirSync(join(dir, 'e', 'v', '1', 'en'), { recursive: true });
    writeFileSync(join(dir, 'e', 'v', '1', 'en', 'index.html'), page);
    writeFileSync(
      join(dir, 'e', 'v', '1', 'manifest.json'),
      JSON.stringify({
        manifest: { build: { languages: ['en'] }, files: { 'en/index.html': { sha256, asOf: 0 } } },
      }),
    );
    writeFileSync(
      join(dir, 'e', 'current.json'),
      JSON.stringify({ version: 1, path: 'v/1/', election: 'e' }),
    );
    const site = new PublicSite(dir);
    // One version answers hundreds of requests to publish; each may tell the plane.
    const served = await Promise.all(Array.from({ length: 50 }, () => site.refresh('e')));
    expect(served.every((v) => v === 1)).toBe(true);
    expect(reads.get(join(dir, 'e', 'v', '1', 'en', 'index.html'))).toBe(1);
    const found = site.lookup('/e/v/1/en/index.html');
    expect(typeof found === 'object' && 'file' in found).toBe(true);
  });

  it('serves a version whose manifest names no languages, and the elections after it', async () => {
    dir = mkdtempSync(join(tmpdir(), 'tally-refresh-'));
    for (const [election, build] of [
      ['a', undefined],
      ['b', { languages: ['en'] }],
    ] as const) {
      const page = `<!doctype html><title>${election}</title>`;
      const sha256 = createHash('sha256').update(page).digest('hex');
      mkdirSync(join(dir, election, 'v', '1', 'en'), { recursive: true });
      writeFileSync(join(dir, election, 'v', '1', 'en', 'index.html'), page);
      writeFileSync(
        join(dir, election, 'v', '1', 'manifest.json'),
        JSON.stringify({ manifest: { build, files: { 'en/index.html': { sha256, asOf: 0 } } } }),
      );
      writeFileSync(
        join(dir, election, 'current.json'),
        JSON.stringify({ version: 1, path: 'v/1/', election }),
      );
    }
    const site = new PublicSite(dir);
    await site.refreshAll();
    expect(site.lookup('/a/')).toEqual({ redirect: '/a/v/1/' });
    expect(site.lookup('/b/')).toEqual({ redirect: '/b/v/1/en/index.html' });
  });
});
