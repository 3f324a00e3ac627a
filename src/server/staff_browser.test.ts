// The staff application in a real browser (Debian's Chromium, driven by playwright-core), under
// its own Content-Security-Policy: a reviewer signs in with a password and a TOTP code, opens the
// review desk, finds a conflict (two keys reporting one precinct differently), accepts it with a
// reason, and the next published version counts it. axe-core finds no WCAG 2.1 A/AA violation on
// the sign-in page or the desk, at a laptop's width and a phone's, and neither scrolls sideways
// on the phone. Screenshots go to /tmp/staff-shots/ for a person to look at. Without Chromium the
// tests say they skipped; CI installs it.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Submission } from '../core/submission.js';
import { sampleElection, sampleSubmission } from '../core/testonly/fixtures.js';
import { ResultsFeed } from '../formats/results_feed.js';
import type { Current } from '../formats/manifest.js';
import { importWithKeys, postSample } from '../ingest/testonly/sample_store.js';
import { encodeVerifierKey } from '../log/note.js';
import { testSigner } from '../log/testonly/signers.js';
import { totpCode } from '../staff/credentials.js';
import { StaffAccounts, type NewAccount } from '../staff/staff.js';
import { openStore, type Store } from '../store/store.js';
import { buildStaffApp } from '../web/build.js';
import { startServer, type RunningServer } from './server.js';
import {
  axeViolations,
  haveChromium,
  launchChromium,
  sidewaysScroll,
} from './testonly/chromium.js';
import { TEST_PASSWORD_COST } from '../staff/testonly/password_cost.js';

const SHOTS = '/tmp/staff-shots';

describe.skipIf(!haveChromium)('the staff application in Chromium', { timeout: 60_000 }, () => {
  let dir: string;
  let store: Store;
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let reviewer: NewAccount;
  let observer: NewAccount;
  /** What the page's policy refused, or the page logged as an error. */
  const problems: string[] = [];
  const keys = { app: testSigner('n-1.app'), county: testSigner('north.tab') };
  const site = (path: string): string => `${server.publicUrl ?? ''}/sample-2026/${path}`;
  const adaInState = async (version: number): Promise<number | undefined> => {
    const feed = ResultsFeed.parse(
      await (await fetch(site(`v/${String(version)}/results.json`))).json(),
    );
    const state = feed.areas.find((a) => a.area === 'state');
    return state?.contests.find((c) => c.contest === 'governor')?.total.counts['ada'];
  };
  const shot = (name: string): Promise<Buffer> =>
    page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    // The pages serve dist/web/staff/, built from the source under test.
    await buildStaffApp();
    dir = mkdtempSync(join(tmpdir(), 'tally-staff-browser-'));
    store = await openStore({ dialect: 'sqlite', file: join(dir, 'tally.db') });
    const authority = testSigner('authority.sample');
    await importWithKeys(store, sampleElection([encodeVerifierKey(authority)]), authority, [
      ['n-1', keys.app],
      ['north', keys.county],
    ]);
    const accounts = new StaffAccounts(store, TEST_PASSWORD_COST);
    for (const [name, role] of [
      ['reviewer.one', 'reviewer'],
      ['observer.one', 'observer'],
    ] as const) {
      const added = await accounts.add(name, role, new Date());
      if (!added.ok) throw new Error(added.error.message);
      if (role === 'reviewer') reviewer = added.value;
      else observer = added.value;
    }
    server = await startServer({
      passwordCost: TEST_PASSWORD_COST,
      store,
      logSigner: testSigner('tally.test'),
      checkpointEveryMs: 60_000,
      publish: { siteDir: join(dir, 'site'), port: 0, thread: false },
    });
    // The precinct's app reports; the county's tabulator reports the same precinct differently.
    const base = sampleSubmission('n-1');
    const differs: Submission = {
      ...base,
      contests: base.contests.map((c) =>
        c.contest === 'governor'
          ? { ...c, counts: { ...c.counts, ada: 250 }, undervotes: c.undervotes + 10 }
          : c,
      ),
    };
    expect(await postSample(server.url, base, keys.app)).toBe(201);
    expect(await postSample(server.url, differs, keys.county)).toBe(201);
    await server.checkpointNow();
    browser = await launchChromium();
    context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'en-GB',
    });
    page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
  }, 60_000);

  afterAll(async () => {
    await browser.close();
    await server.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the sign-in page with no WCAG violation, at 1280 px and at 375 px without sideways scrolling', async () => {
    const response = await page.goto(`${server.url}/staff/app/`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await axeViolations(page)).toEqual([]);
    await shot('sign-in-1280');
    // Nothing filled in: each field says what it needs, tied to it.
    await page.getByRole('button', { name: 'Sign in' }).click();
    const name = page.getByLabel('Name');
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    expect(await name.getAttribute('aria-describedby')).toBe('name-error');
    expect(await page.textContent('#name-error')).toBe('Enter your name.');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('name');
    await page.setViewportSize({ width: 375, height: 812 });
    expect(await axeViolations(page)).toEqual([]);
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
    await shot('sign-in-errors-375');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('speaks the language chosen, in <html lang> too, and keeps the choice', async () => {
    await page.getByLabel('Language').selectOption('fr');
    await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();
    await page.goto(`${server.url}/staff/app/?lang=de`);
    await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('de');
    await page.getByLabel('Sprache').selectOption('en');
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
  });

  it('says why a sign-in was refused, in an alert', async () => {
    await page.getByLabel('Name').fill(reviewer.name);
    await page.getByLabel('Password').fill(`${reviewer.password}x`);
    await page.getByLabel('Code', { exact: true }).fill('123456');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe(
      'The name, password or code is not right, or the account is locked for a while after too many tries.',
    );
    expect(await page.getByLabel('Code', { exact: true }).inputValue()).toBe('');
    await shot('sign-in-refused-1280');
  });

  it('signs a reviewer in with the password and a TOTP code, and opens the desk on the held conflict', async () => {
    await page.getByLabel('Password').fill(reviewer.password);
    await page.getByLabel('Code', { exact: true }).fill(totpCode(reviewer.totpSecret, new Date()));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Review desk' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/staff/app/review');
    expect(await page.textContent('header')).toContain('Signed in as reviewer.one');
    expect(await page.textContent('header')).toContain('Role: reviewer');
    // One election: the desk opens it without asking.
    const item = page.getByRole('button', { name: /North 1, Election day/ });
    await item.waitFor();
    expect(await item.textContent()).toContain(
      'Conflict: another source reports this unit differently',
    );
    await item.click();
    expect(await item.getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('heading', { level: 2, name: /North 1, Election day/ }).waitFor();
    expect(new URL(page.url()).searchParams.get('election')).toBe('sample-2026');
    // Held and counted side by side; the two lines that differ are marked in words too.
    const governor = page.getByRole('table', { name: /Contest Governor/ });
    expect(await governor.getByRole('caption').textContent()).toContain('2 lines differ.');
    const ada = governor.getByRole('row', { name: /^Ada Lovelace/ });
    expect(await ada.textContent()).toBe('Ada Lovelace250260−10 ≠ differs');
    expect(await ada.getAttribute('class')).toBe('differs');
    const alan = governor.getByRole('row', { name: /^Alan Turing/ });
    expect(await alan.textContent()).toBe('Alan Turing220220same');
    expect(await page.textContent('.detail')).toContain('No evidence files');
    expect(await axeViolations(page)).toEqual([]);
    await shot('desk-selected-1280');
    await page.setViewportSize({ width: 375, height: 812 });
    expect(await axeViolations(page)).toEqual([]);
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
    await shot('desk-selected-375');
    await page.locator('.comparison').screenshot({ path: join(SHOTS, 'desk-comparison-375.png') });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('fits a phone’s width in every language', async () => {
    await page.setViewportSize({ width: 375, height: 812 });
    const select = page.locator('#language');
    const overflow: Record<string, number> = {};
    try {
      for (const language of ['fr', 'es', 'de', 'it', 'nl']) {
        await select.selectOption(language);
        await page.waitForFunction((l) => document.documentElement.lang === l, language);
        overflow[language] = await sidewaysScroll(page);
        await page
          .locator('.detail')
          .screenshot({ path: join(SHOTS, `desk-detail-375-${language}.png`) });
      }
    } finally {
      await select.selectOption('en');
      await page.setViewportSize({ width: 1280, height: 900 });
    }
    expect(overflow).toEqual({ fr: 0, es: 0, de: 0, it: 0, nl: 0 });
  });

  it('asks for a reason before it records a decision', async () => {
    await page.getByLabel(/^Accept/).check();
    await page.getByRole('button', { name: 'Record the decision' }).click();
    expect(await page.textContent('#reason-error')).toBe('Give the reason for the decision.');
    const reason = page.getByLabel('Reason');
    expect(await reason.getAttribute('aria-describedby')).toBe('reason-hint reason-error');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('reason');
    await shot('desk-reason-required-1280');
  });

  it('shows an observer the queue without the means to decide', async () => {
    const other = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const observerPage = await other.newPage();
    await observerPage.goto(`${server.url}/staff/app/`);
    await observerPage.getByLabel('Name').fill(observer.name);
    await observerPage.getByLabel('Password').fill(observer.password);
    await observerPage.getByLabel('Code', { exact: true }).fill(observer.recoveryCodes[0] ?? '');
    await observerPage.getByRole('button', { name: 'Sign in' }).click();
    await observerPage.getByRole('button', { name: /North 1, Election day/ }).click();
    await observerPage.getByRole('table', { name: /Contest Governor/ }).waitFor();
    expect(await observerPage.textContent('.queue')).toContain(
      'Only reviewers and administrators decide (observer signed in)',
    );
    expect(await observerPage.getByRole('button', { name: 'Record the decision' }).count()).toBe(0);
    await observerPage.screenshot({ path: join(SHOTS, 'desk-observer-1280.png') });
    await other.close();
  });

  it('accepts the conflict with a reason, empties the queue, and the next version counts it', async () => {
    expect(await adaInState(1)).toBe(260);
    await page.getByLabel('Reason').fill('The tally sheet shows 250 for Ada.');
    await page.getByRole('button', { name: 'Record the decision' }).click();
    const status = page.getByRole('status');
    await expect.poll(() => status.textContent()).toMatch(/^Decision recorded as log entry \d+\./);
    await page.getByText('Nothing is held for review.').waitFor();
    expect(new URL(page.url()).searchParams.has('entry')).toBe(false);
    await shot('desk-decided-1280');
    await server.checkpointNow();
    const current = (await (await fetch(site('current.json'))).json()) as Current;
    expect(current.version).toBe(2);
    expect(await adaInState(2)).toBe(250);
  });

  it('returns to sign-in with a message when the session has ended, and back to the desk after', async () => {
    await context.clearCookies();
    await page.getByRole('button', { name: 'Refresh the queue' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(await page.textContent('main')).toContain(
      'Your session has ended. Sign in again to go on.',
    );
    await page.getByLabel('Name').fill(reviewer.name);
    await page.getByLabel('Password').fill(reviewer.password);
    await page.getByLabel('Code', { exact: true }).fill(reviewer.recoveryCodes[0] ?? '');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Review desk' }).waitFor();
    expect(new URL(page.url()).searchParams.get('election')).toBe('sample-2026');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(await page.textContent('main')).toContain('You are signed out.');
    expect(new URL(page.url()).pathname).toBe('/staff/app/');
  });

  it('ran under the pages’ policy with nothing refused and no error logged', () => {
    // The refused sign-in and the ended session answered 401, which the browser logs as a failed
    // load; nothing else may appear.
    expect(problems.filter((p) => !p.includes('401'))).toEqual([]);
  });
});
