// The public site in a real browser (Debian's Chromium, driven by playwright-core): axe-core finds
// no WCAG 2.1 A/AA violation on any page type, the layout fits a phone's width, and the refresh
// script moves a reader to the next version when their page changed. Without Chromium the tests
// say they skipped; CI installs it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
    const election = sampleElectionWithMaps([encodeVerifierKey(authority)]);
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

  it('fits a phone’s width without sideways scrolling (screenshot kept for a look)', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 812 } });
    const page = await context.newPage();
    for (const path of ['en/index.html', 'en/contest/governor.html']) {
      await page.goto(site(`v/1/${path}`));
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, path).toBeLessThanOrEqual(0);
      await page.screenshot({
        path: join(tmpdir(), `tally-phone-${path.replaceAll('/', '-')}.png`),
        fullPage: true,
      });
    }
    await context.close();
  }, 30_000);

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
