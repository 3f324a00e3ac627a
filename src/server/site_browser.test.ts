// The public site in a real browser (Debian's Chromium, driven by playwright-core): axe-core finds
// no WCAG 2.1 A/AA violation on any page type (in English and French, and German's long words),
// every table fits its box on a phone and on a
// desktop (screenshots of each page type at both widths go to test-output/screenshots, not
// committed), and the refresh script moves a reader to the next version when their page changed.
// Without Chromium the tests say they skipped; CI installs it.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseElectionDefinition } from '../core/election.js';
import type { Submission } from '../core/submission.js';
import { sampleElectionWithMaps, sampleSubmission } from '../core/testonly/fixtures.js';
import { encodeVerifierKey, type Signer } from '../log/note.js';
import type { Current } from '../formats/manifest.js';
import { openStore, type Store } from '../store/store.js';
import { startServer, type RunningServer } from './server.js';
import { axeSource, haveChromium, launchChromium } from './testonly/chromium.js';
import { testSigner } from '../log/testonly/signers.js';
import { importWithKeys, postSample } from '../ingest/testonly/sample_store.js';

const signer = testSigner;
const SCREENSHOTS = fileURLToPath(new URL('../../test-output/screenshots', import.meta.url));

describe.skipIf(!haveChromium)('the public site in Chromium', () => {
  let dir: string;
  let store: Store;
  let server: RunningServer;
  let browser: Browser;
  const keys = { n1: signer('n-1.app'), s1: signer('s-1.app') };
  const post = async (s: Submission, key: Signer): Promise<void> => {
    expect(await postSample(server.url, s, key)).toBe(201);
  };
  const site = (path: string): string => `${server.publicUrl ?? ''}/sample-2026/${path}`;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tally-browser-'));
    store = await openStore({ dialect: 'sqlite', file: join(dir, 'tally.db') });
    const authority = signer('authority.sample');
    // German too: its long words (Stimmenanteil) once pushed a table past a phone's width.
    const maps = sampleElectionWithMaps([encodeVerifierKey(authority)]);
    const parsed = parseElectionDefinition({
      ...maps.definition,
      languages: [...maps.definition.languages, 'de'],
    });
    if (!parsed.ok) throw new Error(parsed.error.message);
    const election = parsed.value;
    await importWithKeys(store, election, authority, [
      ['n-1', keys.n1],
      ['s-1', keys.s1],
    ]);
    server = await startServer({
      store,
      logSigner: signer('tally.test'),
      checkpointEveryMs: 60_000,
      publish: { siteDir: join(dir, 'site'), port: 0, thread: false },
    });
    await post(sampleSubmission('n-1'), keys.n1);
    // Each status a page shows: the governor called, the council certified (with its badges
    // and the long German and French words), the measure in a recount.
    const ingest = await server.elections.get('sample-2026');
    for (const change of [
      { contest: 'governor', status: 'called', winners: ['ada'] },
      { contest: 'council', status: 'certified', winners: ['barbara', 'grace'] },
      { contest: 'measure-1', status: 'recount' },
    ] as const) {
      const set = await ingest?.setContestStatus({
        ...change,
        by: 'director',
        reason: 'as the count stands',
      });
      expect(set?.ok).toBe(true);
    }
    await server.checkpointNow();
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser.close();
    await server.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const pages = [
    'en/index.html',
    'en/contest/governor.html',
    'en/contest/measure-1.html',
    'en/unit/north.html',
    'en/verify.html',
    'fr/index.html',
    'fr/contest/council.html',
    'fr/contest/measure-1.html',
    'fr/unit/north.html',
    'fr/verify.html',
    'de/index.html',
    'de/contest/governor.html',
    'de/unit/north.html',
  ];

  it.each(pages)(
    'axe-core finds no WCAG 2.1 A or AA violation on %s',
    async (path) => {
      // axe is injected as an inline script, which the site's own policy rightly forbids.
      const context = await browser.newContext({ bypassCSP: true });
      const page = await context.newPage();
      const response = await page.goto(site(`v/1/${path}`));
      expect(response?.status()).toBe(200);
      await page.addScriptTag({ content: axeSource });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (o: object) => Promise<unknown> } }).axe;
        const result = (await axe.run({
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        })) as { violations: { id: string; nodes: { target: string[] }[] }[] };
        return result.violations.map(
          (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
        );
      });
      expect(violations).toEqual([]);
      await context.close();
    },
    30_000,
  );

  it.each([375, 1280])(
    'fits every table in its box at %i px, and the page with no sideways scrolling (screenshots in test-output/)',
    async (width) => {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      const shots = join(SCREENSHOTS, String(width));
      mkdirSync(shots, { recursive: true });
      for (const path of pages) {
        await page.goto(site(`v/1/${path}`));
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, path).toBeLessThanOrEqual(0);
        const tables = await page.evaluate(() =>
          Array.from(document.querySelectorAll('table')).map((t) => ({
            table: t.caption?.textContent ?? '',
            width: t.scrollWidth,
            box: t.parentElement?.clientWidth ?? 0,
          })),
        );
        for (const t of tables) expect(t.width, `${path}: ${t.table}`).toBeLessThanOrEqual(t.box);
        await page.screenshot({
          path: join(shots, `${path.replaceAll('/', '-')}.png`),
          fullPage: true,
        });
      }
      await context.close();
    },
    60_000,
  );

  it('runs under the site’s Content-Security-Policy with no violation reported', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    await page.goto(site('v/1/en/contest/governor.html'));
    await page.waitForLoadState('load');
    expect(problems).toEqual([]);
    await context.close();
  }, 30_000);

  it('moves a reader to the new version when their page changed', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(site('v/1/en/contest/governor.html'));
    await post(sampleSubmission('s-1'), keys.s1);
    await server.checkpointNow();
    const current = (await (await fetch(site('current.json'))).json()) as Current;
    expect(current.version).toBe(2);
    await page.waitForURL(/\/v\/2\/en\/contest\/governor\.html$/, { timeout: 20_000 });
    expect(await page.textContent('main')).toContain('520');
    await context.close();
  }, 40_000);
});
