import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { publishedReader } from '../cli/site_reader.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSigner, type Signer } from '../log/note.js';
import { startServer, type RunningServer } from '../server/server.js';
import { openStore, type Store } from '../store/store.js';
import { REALISTIC_FAULTS } from './night.js';
import { reportHtml, reportText, simulate } from './simulate.js';

describe('a rehearsal of election night', () => {
  let dir: string;
  let store: Store;
  let server: RunningServer;
  let logKey: Signer;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tally-simulate-'));
    store = await openStore({ dialect: 'sqlite', file: join(dir, 'tally.db') });
    const made = generateSigner('tally.test');
    if (!made.ok) throw new Error(made.error.message);
    logKey = made.value;
    server = await startServer({
      store,
      logSigner: logKey,
      checkpointEveryMs: 100,
      publish: {
        siteDir: join(dir, 'site'),
        stagingDir: join(dir, 'staging'),
        port: 0,
        thread: false,
      },
    });
  }, 60_000);

  afterAll(async () => {
    await server.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('plays a night with every kind of fault, and the published results still verify', async () => {
    const report = await simulate({
      store,
      serverUrl: server.url,
      publicUrl: server.publicUrl ?? '',
      units: 200,
      contests: 3,
      durationMs: 3000,
      // The site is built in private meanwhile.
      pollsCloseInMs: 1000,
      readers: 2,
      // Faults far more often than a real night has them, so that each one happens.
      faults: {
        ...REALISTIC_FAULTS,
        duplicate: 0.05,
        conflict: 0.05,
        badSignature: 0.05,
        impossible: 0.05,
        neverReport: 0.05,
        networkFailure: 0.05,
      },
      logKey: logKey,
      // As `tally simulate` reads it: a redirect (the public plane's from the site's root to the
      // current summary) is no published file.
      read: (url) => publishedReader(url),
      seed: 7,
    });
    expect(report.verdict.problems).toEqual([]);
    expect(report.night.failed).toBe(0);
    expect(report.unitsNotReported).toBeGreaterThan(0);
    expect(Object.keys(report.errorsByKind)).toEqual(
      expect.arrayContaining(['rejected: bad_signature', 'rejected: impossible_counts']),
    );
    expect(report.night.held).toBeGreaterThan(0);
    expect(report.publicReads).toBeGreaterThan(0);
    expect(reportText(report)).toContain('verifier: VERIFIED');
    const html = reportHtml(report);
    expect(html).toContain('<svg');
    expect(html).toContain('VERIFIED');
    // The site a journalist polls is the one the report measured.
    const current = JSON.parse(
      await readFile(join(dir, 'site', report.election, 'current.json'), 'utf8'),
    ) as { version: number };
    expect(current.version).toBeGreaterThan(0);
  }, 60_000);

  it('plays a caucus night: what breaks the rules is held, and the report counts why', async () => {
    const report = await simulate({
      store,
      serverUrl: server.url,
      publicUrl: server.publicUrl ?? '',
      units: 150,
      contests: 1,
      durationMs: 3000,
      pollsCloseInMs: 1000,
      readers: 1,
      faults: { ...REALISTIC_FAULTS, caucusRuleBreak: 0.2 },
      logKey: logKey,
      read: (url) => publishedReader(url),
      seed: 11,
      caucus: 'iowa-2020',
    });
    expect(report.verdict.problems).toEqual([]);
    expect(report.contests).toBe(1);
    expect(report.errorsByKind['caucusRuleBreak (held)']).toBeGreaterThan(10);
    expect(Object.keys(report.heldFor)).toEqual(
      expect.arrayContaining([
        'final_above_first',
        'delegates_to_nonviable_group',
        'delegates_not_allowed',
      ]),
    );
    expect(reportText(report)).toMatch(/held for review, by why: .*delegates_not_allowed \d+/);
    expect(reportHtml(report)).toContain('<th scope="row">final_above_first</th>');
  }, 60_000);
});
