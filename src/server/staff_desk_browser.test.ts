// The staff application's results desk, desk mismatches, staff accounts, contest status, release
// and control room in a real browser (Debian's Chromium, driven by playwright-core), under the
// pages' policy: two desk operators key the same paper tally sheet, each in a browser of their
// own; when their numbers differ the second is told the sheet went to a reviewer, who sees both
// entries side by side with the difference marked, keeps one, and the public site's next version
// counts it; when they agree the sheet is submitted. An admin adds a member and is shown the QR
// code; an admin makes an enrolment code a device enrols its key with, and revokes that key; an
// admin calls a contest, asked twice, and an observer sees it called. axe-core finds no WCAG 2.1
// A/AA violation on any of these screens at 1280 and 375 px, and none scrolls sideways on a
// phone. Screenshots go to /tmp/staff-shots/. Without Chromium the tests say they skipped; CI
// installs it.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Submission } from '../core/submission.js';
import { parseElectionDefinition } from '../core/election.js';
import { sampleDefinition, sampleSubmission, withRelease } from '../core/testonly/fixtures.js';
import { ResultsFeed } from '../formats/results_feed.js';
import type { Current } from '../formats/manifest.js';
import { changeRoster } from '../ingest/roster.js';
import { importWithKeys } from '../ingest/testonly/sample_store.js';
import { keyRef } from '../log/envelope.js';
import { encodeVerifierKey } from '../log/note.js';
import { testSigner } from '../log/testonly/signers.js';
import { totpCode, type Role } from '../staff/credentials.js';
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
/** A photo of a tally sheet, as small as a PNG gets: one white pixel. */
const SHEET_PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==',
  'base64',
);

/** The elements that reach past the page's right edge, to say what scrolls. */
const widest = (page: Page): Promise<string[]> =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll('body *'))
      .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
      .filter((e) => e.parentElement?.closest('.table-scroll') === null)
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className}`),
  );

/** No violation at a laptop's width, nor at a phone's, where nothing scrolls sideways. */
async function accessibleAtBothWidths(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 900 });
  expect(await axeViolations(page), `${name} at 1280 px`).toEqual([]);
  await page.screenshot({ path: join(SHOTS, `${name}-1280.png`), fullPage: true });
  await page.setViewportSize({ width: 375, height: 812 });
  await page.screenshot({ path: join(SHOTS, `${name}-375.png`), fullPage: true });
  expect(await axeViolations(page), `${name} at 375 px`).toEqual([]);
  expect(
    await sidewaysScroll(page),
    `${name} scrolls sideways at 375 px: ${(await widest(page)).join(', ')}`,
  ).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe.skipIf(!haveChromium)('the results desk in Chromium', { timeout: 90_000 }, () => {
  let dir: string;
  let store: Store;
  let server: RunningServer;
  let browser: Browser;
  const accounts = new Map<string, NewAccount>();
  /** What the pages' policy refused, or a page logged as an error. */
  const problems: string[] = [];
  const site = (path: string): string => `${server.publicUrl ?? ''}/sample-2026/${path}`;

  /**
   * A page in `name`'s own browser, signed in, on the screen the role opens on. Each member signs
   * in once (with a TOTP code), and each page after that shares the session: the server allows one
   * address ten sign-in attempts before it slows it down.
   */
  const contexts = new Map<string, BrowserContext>();
  const signedIn = async (name: string): Promise<Page> => {
    const known = contexts.get(name);
    const context =
      known ??
      (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' }));
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`${name}: ${m.text()}`);
    });
    await page.goto(`${server.url}/staff/app/`);
    if (known === undefined) {
      contexts.set(name, context);
      const account = accounts.get(name);
      if (account === undefined) throw new Error(`no ${name}`);
      await page.getByLabel('Name').fill(account.name);
      await page.getByLabel('Password').fill(account.password);
      await page.getByLabel('Code', { exact: true }).fill(totpCode(account.totpSecret, new Date()));
      await page.getByRole('button', { name: 'Sign in' }).click();
    }
    await page.getByRole('navigation').waitFor();
    return page;
  };

  /** Keys a sheet's numbers into the open form, field by field as an operator would. */
  const key = async (page: Page, numbers: Submission): Promise<void> => {
    await page.getByLabel('Ballots cast in the unit').fill(String(numbers.ballotsCast));
    for (const c of numbers.contests) {
      for (const [choice, n] of Object.entries(c.counts))
        await page.locator(`#sheet-${c.contest}-choice-${choice}`).fill(String(n));
      for (const field of ['ballotsCast', 'overvotes', 'undervotes'] as const)
        await page.locator(`#sheet-${c.contest}-${field}`).fill(String(c[field]));
    }
  };

  /** Opens the keying form for a unit found by name and a vote type. */
  const openSheet = async (page: Page, search: string, voteType: string): Promise<void> => {
    await page.getByLabel('Find the reporting unit').fill(search);
    await page.getByLabel('Reporting unit', { exact: true }).selectOption({ index: 0 });
    await page.getByLabel('Vote type').selectOption({ label: voteType });
    await page.getByRole('button', { name: 'Key this sheet' }).click();
  };

  const adaInState = async (version: number): Promise<number | undefined> => {
    const feed = ResultsFeed.parse(
      await (await fetch(site(`v/${String(version)}/results.json`))).json(),
    );
    const state = feed.areas.find((a) => a.area === 'state');
    return state?.contests.find((c) => c.contest === 'governor')?.total.counts['ada'];
  };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    await buildStaffApp();
    dir = mkdtempSync(join(tmpdir(), 'tally-desk-browser-'));
    store = await openStore({ dialect: 'sqlite', file: join(dir, 'tally.db') });
    const authority = testSigner('authority.sample');
    const desk = testSigner('desk.office');
    const enrolment = testSigner('enrol.sample');
    // The sample election, where a report that broke a rule counts once two reviewers accept
    // it, and South 1 names whom to call.
    const definition = sampleDefinition([encodeVerifierKey(authority)]);
    const election = parseElectionDefinition({
      ...definition,
      review: { acceptWarningsWith: 2 },
      units: definition.units.map((u) =>
        u.id === 's-1'
          ? {
              ...u,
              contact: {
                name: 'Clerk of South',
                phone: '+1 (555) 010-0200',
                email: 'south@example.org',
              },
            }
          : u,
      ),
    });
    if (!election.ok) throw new Error(election.error.message);
    // The office's desk key, certified for the root unit: it signs sheets for every precinct.
    const imported = await importWithKeys(store, election.value, authority, [['state', desk]]);
    // The roster of every unit delegated to the server's enrolment key, for a week.
    const delegated = await changeRoster(
      imported.ledger,
      election.value,
      authority,
      {
        action: 'delegate',
        unit: 'state',
        key: encodeVerifierKey(enrolment),
        expires: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      },
      new Date(),
    );
    if (!delegated.ok) throw new Error(delegated.error.message);
    const staff = new StaffAccounts(store, TEST_PASSWORD_COST);
    for (const [name, role] of [
      ['desk.one', 'desk'],
      ['desk.two', 'desk'],
      ['reviewer.one', 'reviewer'],
      ['admin.one', 'admin'],
      ['observer.one', 'observer'],
    ] as const satisfies readonly (readonly [string, Role])[]) {
      const added = await staff.add(name, role, new Date());
      if (!added.ok) throw new Error(added.error.message);
      accounts.set(name, added.value);
    }
    server = await startServer({
      passwordCost: TEST_PASSWORD_COST,
      store,
      logSigner: testSigner('tally.test'),
      checkpointEveryMs: 60_000,
      publish: { siteDir: join(dir, 'site'), port: 0, thread: false },
      deskSigner: desk,
      enrolmentSigner: enrolment,
    });
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await Promise.all([...contexts.values()].map((c) => c.close()));
    await browser.close();
    await server.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends a sheet two operators keyed differently to a reviewer, who keeps one, and the next version counts it', async () => {
    // The first operator opens on the results desk, finds North 1 by name and keys its sheet.
    const first = await signedIn('desk.one');
    await first.getByRole('heading', { level: 1, name: 'Results desk' }).waitFor();
    expect(new URL(first.url()).pathname).toBe('/staff/app/results-desk');
    expect(await first.textContent('.test-banner')).toContain('sample-2026');
    expect(await first.getByRole('link', { name: 'Desk mismatches' }).count()).toBe(0);
    await openSheet(first, 'north 1', 'Election day');
    await first
      .getByRole('heading', { level: 2, name: 'Tally sheet: North 1, Election day' })
      .waitFor();
    const base = sampleSubmission('n-1');
    await key(first, base);
    await first.getByText('No warnings: the sheet passes every rule.').waitFor();
    expect(await first.textContent('#balance-council')).toContain(
      '930 votes + 10 overvotes + 60 undervotes = 1,000; 500 ballots × 2 = 1,000. ✓ It balances.',
    );
    await accessibleAtBothWidths(first, 'results-desk-keyed');
    await first.getByRole('button', { name: 'Submit this entry' }).click();
    await first.getByRole('heading', { level: 2, name: 'Waiting for a second operator' }).waitFor();
    // The operator who keyed it is not offered its second entry.
    await first.getByText(/Keyed by you \(desk\.one\)/).waitFor();
    expect(await first.getByRole('button', { name: /Key the second entry/ }).count()).toBe(0);

    // The second operator picks it from the sheets awaiting a second entry, where no number shows.
    const second = await signedIn('desk.two');
    const awaiting = second.locator('.awaiting');
    await awaiting.getByText('North 1, Election day', { exact: true }).waitFor();
    expect(await awaiting.textContent()).not.toMatch(/260|500/);
    await accessibleAtBothWidths(second, 'results-desk-awaiting');
    await second
      .getByRole('button', { name: /^Key the second entry\W+North 1, Election day$/ })
      .click();
    const differs: Submission = {
      ...base,
      contests: base.contests.map((c) =>
        c.contest === 'governor'
          ? { ...c, counts: { ...c.counts, ada: 250 }, undervotes: c.undervotes + 10 }
          : c,
      ),
    };
    // Only the second operator had the sheet's photo at hand.
    await second.getByLabel('Photo of the tally sheet (if taken)').setInputFiles({
      name: 'sheet.png',
      mimeType: 'image/png',
      buffer: SHEET_PHOTO,
    });
    await second.getByRole('img', { name: 'Photo of the tally sheet of North 1' }).waitFor();
    await key(second, differs);
    await second.getByText('No warnings: the sheet passes every rule.').waitFor();
    await second.getByRole('button', { name: 'Submit this entry' }).click();
    await second.getByRole('heading', { level: 2, name: 'Sent to a reviewer' }).waitFor();
    expect(await second.textContent('.outcome')).toContain('Do not key it again.');
    // Never the first operator's numbers.
    expect(await second.textContent('main')).not.toContain('260');
    await accessibleAtBothWidths(second, 'results-desk-sent-to-reviewer');

    // A desk operator may not open the mismatches: they key blind.
    await second.goto(`${server.url}/staff/app/mismatches?election=sample-2026`);
    await second.getByText('Your role cannot open this screen.').waitFor();
    expect(await second.locator('table').count()).toBe(0);

    // An observer reads both entries, without the means to decide.
    const observer = await signedIn('observer.one');
    await observer.getByRole('link', { name: 'Desk mismatches' }).click();
    await observer.getByRole('button', { name: /North 1, Election day/ }).click();
    await observer.getByRole('table', { name: /Contest Governor/ }).waitFor();
    expect(await observer.textContent('main')).toContain(
      'Only reviewers and administrators decide (observer signed in).',
    );
    expect(await observer.getByRole('button', { name: 'Record' }).count()).toBe(0);
    await observer.close();

    // A reviewer sees both entries side by side, the difference marked in words, and keeps one.
    const reviewer = await signedIn('reviewer.one');
    await reviewer.getByRole('link', { name: 'Desk mismatches' }).click();
    await reviewer.getByRole('heading', { level: 1, name: 'Desk mismatches' }).waitFor();
    await reviewer.getByRole('button', { name: /North 1, Election day/ }).click();
    const governor = reviewer.getByRole('table', { name: /Contest Governor/ });
    await governor.waitFor();
    expect(await governor.getByRole('caption').textContent()).toContain('2 lines differ.');
    expect(await governor.locator('thead').textContent()).toBe(
      'LineEntry 1desk.oneEntry 2desk.twoDifference',
    );
    // Choices in the order the definition (and the paper sheet) gives them.
    const council = reviewer.getByRole('table', { name: /Contest North County Council/ });
    expect(await council.locator('tbody th').allTextContents()).toEqual([
      'Grace Hopper',
      'Edsger Dijkstra',
      'Barbara Liskov',
      'Ballots cast',
      'Overvotes',
      'Undervotes',
    ]);
    const ada = governor.getByRole('row', { name: /^Ada Lovelace/ });
    expect(await ada.textContent()).toBe('Ada Lovelace260250+10 ≠ differs');
    expect(await ada.getAttribute('class')).toBe('differs');
    expect(await governor.getByRole('row', { name: /^Alan Turing/ }).textContent()).toBe(
      'Alan Turing220220same',
    );
    // Each entry's evidence, under its column's name: the photo the second operator took.
    const evidence = reviewer.locator('section.evidence');
    expect(await evidence.locator('div').first().textContent()).toContain(
      'No evidence files (photos of the tally sheet or results tape) came with it.',
    );
    const photo = evidence.getByRole('img', { name: 'Evidence photo: tally-sheet-photo' });
    await expect.poll(() => photo.evaluate((i) => (i as HTMLImageElement).naturalWidth)).toBe(1);
    expect(await evidence.locator('div').nth(1).locator('h4').textContent()).toBe(
      'Entry 2desk.two',
    );
    await accessibleAtBothWidths(reviewer, 'desk-mismatch');
    await reviewer.getByRole('button', { name: 'Record' }).click();
    expect(await reviewer.textContent('#resolve-error')).toBe(
      'Choose an entry to keep, or set both aside.',
    );
    await reviewer.getByLabel(/^Keep entry 2, keyed by desk\.two/).check();
    await reviewer.getByRole('button', { name: 'Record' }).click();
    const status = reviewer.getByRole('status');
    await expect
      .poll(() => status.textContent())
      .toMatch(/^North 1, Election day: the entry kept is submitted as log entry \d+\.$/);
    await reviewer.getByText('No sheet’s entries differ.').waitFor();

    await server.checkpointNow();
    const current = (await (await fetch(site('current.json'))).json()) as Current;
    expect(await adaInState(current.version)).toBe(250);
    await Promise.all([first, second, reviewer].map((p) => p.close()));
  });

  it('submits a sheet two operators keyed alike, and tells the second it counts', async () => {
    const first = await signedIn('desk.one');
    await openSheet(first, 'n-2', 'Election day');
    const numbers = sampleSubmission('n-2');
    await key(first, numbers);
    await first.getByText('No warnings: the sheet passes every rule.').waitFor();
    await first.getByRole('button', { name: 'Submit this entry' }).click();
    await first.getByRole('heading', { level: 2, name: 'Waiting for a second operator' }).waitFor();

    const second = await signedIn('desk.two');
    await second
      .getByRole('button', { name: /^Key the second entry\W+North 2, Election day$/ })
      .click();
    // A field left empty is named before anything is sent.
    await key(second, numbers);
    await second.locator('#sheet-governor-choice-ada').fill('');
    await second.getByRole('button', { name: 'Submit this entry' }).click();
    expect(await second.textContent('#sheet-governor-choice-ada-error')).toBe(
      'Key a number (0 if there are none).',
    );
    expect(await second.evaluate(() => document.activeElement?.id)).toBe(
      'sheet-governor-choice-ada',
    );
    await second.locator('#sheet-governor-choice-ada').fill('260');
    await second.getByText('No warnings: the sheet passes every rule.').waitFor();
    await second.getByRole('button', { name: 'Submit this entry' }).click();
    await second.getByRole('heading', { level: 2, name: 'Submitted' }).waitFor();
    expect(await second.textContent('.outcome')).toMatch(
      /Both entries agree: the sheet is submitted as log entry \d+ and counts\./,
    );
    await accessibleAtBothWidths(second, 'results-desk-submitted');
    await Promise.all([first, second].map((p) => p.close()));
  });

  it('shows the rules’ warnings while keying, and a desk operator’s sheet that cannot be', async () => {
    const page = await signedIn('desk.one');
    // Three units match "south" and none is chosen: the list says so, and takes the focus.
    await page.getByLabel('Find the reporting unit').fill('south');
    await page.getByRole('button', { name: 'Key this sheet' }).click();
    expect(await page.textContent('#unit-error')).toBe('Choose the reporting unit in the list.');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('unit');
    await openSheet(page, 'south 1', 'Mail');
    const unbalanced = sampleSubmission('s-1', { ballotsCast: 1300 });
    await key(page, unbalanced);
    // More ballots than registered voters: a warning, which does not stop the entry.
    await page.getByText(/Warnings\. The sheet can be submitted/).waitFor();
    expect(await page.textContent('.sheet')).toContain(
      '⚠ More ballots (1,300) than registered voters (1,200).',
    );
    await page.locator('#sheet-governor-choice-ada').fill('900');
    await page.getByText(/This sheet cannot be submitted/).waitFor();
    expect(await page.textContent('#balance-governor')).toContain('⚠ It does not balance');
    await accessibleAtBothWidths(page, 'results-desk-errors');
    await page.close();
  });

  it('holds a sheet that broke a rule for two reviewers, and says so to each', async () => {
    const numbers = sampleSubmission('s-2', { voteType: 'mail', ballotsCast: 950 });
    for (const operator of ['desk.one', 'desk.two']) {
      const page = await signedIn(operator);
      await openSheet(page, 'south 2', 'Mail');
      // Each attaches the sheet's photo, shown back to them once the server keeps it.
      await page.getByLabel('Photo of the tally sheet (if taken)').setInputFiles({
        name: 'sheet.png',
        mimeType: 'image/png',
        buffer: SHEET_PHOTO,
      });
      const shown = page.getByRole('img', { name: 'Photo of the tally sheet of South 2' });
      await shown.waitFor();
      await expect.poll(() => shown.evaluate((i) => (i as HTMLImageElement).naturalWidth)).toBe(1);
      await key(page, numbers);
      await page.getByText(/Warnings\. The sheet can be submitted/).waitFor();
      await page.getByRole('button', { name: 'Submit this entry' }).click();
      await page.locator('.outcome h2').waitFor();
      if (operator === 'desk.two')
        expect(await page.textContent('.outcome')).toMatch(
          /The rules hold it for a reviewer before it counts\./,
        );
      await page.close();
    }
    const reviewer = await signedIn('reviewer.one');
    const item = reviewer.getByRole('button', { name: /South 2, Mail/ });
    await item.waitFor();
    expect(await item.textContent()).toContain('Needs two reviewers');
    await item.click();
    await reviewer
      .getByText('Keyed from the paper sheet at the results desk by desk.one and desk.two.')
      .waitFor();
    const photo = reviewer.getByRole('img', { name: 'Evidence photo: tally-sheet-photo' });
    await photo.waitFor();
    await expect.poll(() => photo.evaluate((i) => (i as HTMLImageElement).naturalWidth)).toBe(1);
    await reviewer.getByLabel(/^Accept/).check();
    await reviewer.getByLabel('Reason').fill('The sheet says 950: more mail ballots came in.');
    await reviewer.getByRole('button', { name: 'Record the decision' }).click();
    const status = reviewer.getByRole('status');
    await expect
      .poll(() => status.textContent())
      .toContain('a second reviewer must approve it too (approved so far by: reviewer.one)');
    await reviewer
      .getByText('You approved it. It counts once a second reviewer approves it too.')
      .waitFor();
    await accessibleAtBothWidths(reviewer, 'review-first-approval');
    await reviewer.close();

    const admin = await signedIn('admin.one');
    await admin.getByRole('link', { name: 'Review desk' }).click();
    const held = admin.getByRole('button', { name: /South 2, Mail/ });
    await held.waitFor();
    expect(await held.textContent()).toContain('Approved so far by: reviewer.one');
    await held.click();
    await admin.getByLabel(/^Accept/).check();
    await admin.getByLabel('Reason').fill('Agreed: the mail count was updated.');
    await admin.getByRole('button', { name: 'Record the decision' }).click();
    await expect
      .poll(() => admin.getByRole('status').textContent())
      .toMatch(/^Decision recorded as log entry \d+\./);
    await admin.close();
  });

  it('fits a phone’s width in every language, on the keying form', async () => {
    const page = await signedIn('desk.one');
    await openSheet(page, 'north 1', 'Mail');
    await page.setViewportSize({ width: 375, height: 812 });
    const overflow: Record<string, number> = {};
    for (const language of ['fr', 'es', 'de', 'it', 'nl']) {
      await page.locator('#language').selectOption(language);
      await page.waitForFunction((l) => document.documentElement.lang === l, language);
      overflow[language] = await sidewaysScroll(page);
      await page.screenshot({
        path: join(SHOTS, `results-desk-375-${language}.png`),
        fullPage: true,
      });
    }
    expect(overflow).toEqual({ fr: 0, es: 0, de: 0, it: 0, nl: 0 });
    await page.close();
  });

  it('shows whom to call in the control room, and that it is disconnected until it is back', async () => {
    const page = await signedIn('admin.one');
    await page.getByText(/Live: updated/).waitFor();
    const south = page.locator('.not-reported li', { hasText: 'South 1' });
    expect(await south.getByRole('link', { name: '+1 (555) 010-0200' }).getAttribute('href')).toBe(
      'tel:+15550100200',
    );
    expect(await south.getByRole('link', { name: 'south@example.org' }).getAttribute('href')).toBe(
      'mailto:south@example.org',
    );
    expect(await south.textContent()).toContain('Clerk of South');
    // The stream is cut (as a network would): the page says so, tries again when asked (and by
    // itself a few seconds later), and is live again once the network is back.
    let tries = 0;
    await page.route('**/control-room', (route) => {
      tries += 1;
      return route.abort();
    });
    await page.getByRole('link', { name: 'Release of results' }).click();
    await page.getByRole('link', { name: 'Control room' }).click();
    await page.getByText(/Disconnected: these figures are from/).waitFor();
    await accessibleAtBothWidths(page, 'control-room-disconnected');
    const before = tries;
    await page.getByRole('button', { name: 'Reconnect now' }).click();
    await expect.poll(() => tries).toBeGreaterThan(before);
    await page.getByText(/Disconnected: these figures are from/).waitFor();
    await page.unroute('**/control-room');
    await page.getByText(/Live: updated/).waitFor({ timeout: 20_000 });
    await page.close();
  });

  it('lets an admin add a member and shows their sign-in details once, with the QR code', async () => {
    const page = await signedIn('admin.one');
    await page.getByRole('heading', { level: 1, name: 'Control room' }).waitFor();
    await page.getByRole('link', { name: 'Staff' }).click();
    await page.getByRole('heading', { level: 1, name: 'Staff' }).waitFor();
    const members = page.getByRole('table', { name: 'Members' });
    await members.getByRole('row', { name: /^desk\.two/ }).waitFor();
    await page.getByRole('button', { name: 'Add' }).click();
    expect(await page.textContent('#member-name-error')).toBe('Enter the member’s name.');
    await page.getByLabel('Name').fill('desk.three');
    await page.getByLabel('Role').selectOption('desk');
    await page.getByRole('button', { name: 'Add' }).click();
    await page.getByRole('heading', { level: 2, name: 'Sign-in details for desk.three' }).waitFor();
    const details = page.locator('.credentials');
    expect(await details.textContent()).toContain('Shown this once only.');
    const qr = page.getByRole('img', {
      name: 'QR code of the authenticator address for desk.three',
    });
    expect(await qr.locator('path').getAttribute('d')).toMatch(/^M4 4h1v1h-1z/);
    expect(await details.locator('.codes li').count()).toBe(10);
    await members.getByRole('row', { name: /^desk\.three/ }).waitFor();
    await page
      .getByRole('table', { name: 'Changes to staff accounts' })
      .getByRole('row', { name: /admin\.one added desk\.three/ })
      .waitFor();
    await accessibleAtBothWidths(page, 'staff-added');
    await page.getByRole('button', { name: 'They are handed over: hide them' }).click();
    expect(await page.locator('.credentials').count()).toBe(0);
    // Disabling asks first, in the page; the member's row then says so, and enabling undoes it.
    const row = members.getByRole('row', { name: /^desk\.three/ });
    await row.getByRole('button', { name: 'Disable desk.three' }).click();
    await page
      .getByText(
        'Disable desk.three? Their sessions end at once and they cannot sign in until enabled again.',
      )
      .waitFor();
    await row.getByRole('button', { name: 'Disable', exact: true }).click();
    await expect.poll(() => row.textContent()).toContain('disabled: cannot sign in');
    await row.getByRole('button', { name: 'Enable desk.three' }).click();
    await expect.poll(() => row.textContent()).toContain('active');
    // A reset shows new sign-in details, once.
    await row.getByRole('button', { name: 'Reset desk.three' }).click();
    await row.getByRole('button', { name: 'Reset', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Sign-in details for desk.three' }).waitFor();
    expect(await page.getByRole('status').textContent()).toBe(
      'desk.three has new sign-in details; their sessions have ended.',
    );
    await page.close();
  });

  it('lets an admin make an enrolment code a device enrols its key with, and revoke that key', async () => {
    const page = await signedIn('admin.one');
    await page.getByRole('heading', { level: 1, name: 'Control room' }).waitFor();
    await page.getByRole('link', { name: 'Keys' }).click();
    await page.getByRole('heading', { level: 1, name: 'Keys' }).waitFor();
    // At first the newest keys of every unit: the desk's, which the authority certified.
    const keys = page.locator('.key-list > li');
    const deskKey = keys.filter({ hasText: 'desk.office+' });
    await deskKey.waitFor();
    expect(await deskKey.textContent()).toContain(
      'signed by the election authority’s key authority.sample+',
    );
    await accessibleAtBothWidths(page, 'keys-newest');

    // North 1, found by name, has no key yet.
    await page.getByLabel('Find the unit').fill('north 1');
    await page.getByLabel('Unit', { exact: true }).selectOption({ index: 0 });
    await page.getByRole('button', { name: 'Show its keys' }).click();
    await page.getByRole('heading', { level: 2, name: 'Keys of North 1 (n-1)' }).waitFor();
    await page.getByText('No key is certified.').waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id))
      .toBe('keys-list-title');
    // A key left empty is named before anything is sent; one that does not parse is refused
    // with the server's reason.
    await page.getByRole('button', { name: 'Certify', exact: true }).click();
    expect(await page.textContent('#certify-key-error')).toBe('Enter the verifier key.');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('certify-key');
    await page.getByLabel('Verifier key').fill('not a key');
    await page.getByRole('button', { name: 'Certify', exact: true }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'Not certified: The server refused:' })
      .waitFor();

    // A code for a device of North 1, shown once: as text to read aloud, and as a QR code.
    await page.getByRole('button', { name: 'Make an enrolment code' }).click();
    await page
      .getByRole('heading', { level: 3, name: 'Enrolment code for North 1 (n-1)' })
      .waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('code-title');
    const panel = page.locator('.enrolment-code');
    expect(await panel.textContent()).toContain('Shown this once only.');
    const code = (await panel.locator('.code-aloud').textContent()) ?? '';
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const qr = page.getByRole('img', {
      name: 'QR code of the enrolment address and code for North 1 (n-1)',
    });
    expect(await qr.locator('path').getAttribute('d')).toMatch(/^M4 4h1v1h-1z/);
    await accessibleAtBothWidths(page, 'keys-enrolment-code');
    // The code stays on screen, named for its unit, while the admin turns to other keys: it is
    // shown this once only, and stays valid for a day.
    await page.getByRole('button', { name: 'Show the newest keys of every unit' }).click();
    await page.getByRole('heading', { level: 2, name: 'Newest keys of every unit' }).waitFor();
    await deskKey.waitFor();
    expect(await panel.locator('.code-aloud').textContent()).toBe(code);
    await page.getByRole('button', { name: 'Show its keys' }).click();
    await page.getByRole('heading', { level: 2, name: 'Keys of North 1 (n-1)' }).waitFor();
    expect(await panel.locator('.code-aloud').textContent()).toBe(code);

    // The device enrols the key it made, with the code as its credential.
    const device = testSigner('n-1.tablet');
    const enrolled = await fetch(`${server.url}/v1/elections/sample-2026/enrolments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${code}` },
      body: JSON.stringify({ key: encodeVerifierKey(device) }),
    });
    expect(enrolled.status).toBe(201);
    await page.getByRole('button', { name: 'It is handed over: hide the code' }).click();
    expect(await panel.count()).toBe(0);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Make an enrolment code');
    await page.getByRole('button', { name: 'Refresh the list' }).click();
    const tablet = keys.filter({ hasText: keyRef(device) });
    await tablet.waitFor();
    expect(await tablet.locator('.key-state').textContent()).toBe('active');
    expect(await tablet.textContent()).toMatch(
      /signed by the enrolment key enrol\.sample\+[0-9a-f]{8}, under the delegation of log entry \d+ requested by admin\.one/,
    );
    expect(await tablet.textContent()).toContain(
      'Enrolled by a device, with a code admin.one made.',
    );
    await accessibleAtBothWidths(page, 'keys-unit');

    // Revoking asks first, in the page; the key then shows revoked, with nothing left to revoke.
    await tablet.getByRole('button', { name: `Revoke ${keyRef(device)}` }).click();
    await tablet
      .getByText(
        `Revoke the key ${keyRef(device)} of North 1 (n-1)? Submissions it signs are rejected from then on. This cannot be undone.`,
      )
      .waitFor();
    await accessibleAtBothWidths(page, 'keys-revoke-confirm');
    // The answer comes after the admin has turned to the newest keys of every unit: those are
    // read again, not North 1's.
    let release = (): void => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route('**/keys/revoke', async (route) => {
      await held;
      await route.continue();
    });
    await tablet.getByRole('button', { name: 'Revoke', exact: true }).click();
    await page.getByRole('button', { name: 'Show the newest keys of every unit' }).click();
    await page.getByRole('heading', { level: 2, name: 'Newest keys of every unit' }).waitFor();
    await deskKey.waitFor();
    release();
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toMatch(/^Key n-1\.tablet\+[0-9a-f]{8} is revoked as log entry \d+\.$/);
    await expect.poll(() => tablet.locator('.key-state').textContent()).toBe('revoked');
    // The revocation names the admin too: the log says on whose word the server's key signed.
    expect((await tablet.textContent())?.match(/requested by admin\.one/g)).toHaveLength(2);
    expect(await tablet.getByRole('button').count()).toBe(0);
    expect(await deskKey.count()).toBe(1);
    expect(await page.textContent('#keys-list-title')).toBe('Newest keys of every unit');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('keys-list-title');
    await page.screenshot({ path: join(SHOTS, 'keys-revoked-1280.png'), fullPage: true });
    await page.close();

    // An observer reads the roster, without the means to change it.
    const observer = await signedIn('observer.one');
    await observer.getByRole('link', { name: 'Keys' }).click();
    await observer.locator('.key-list > li', { hasText: keyRef(device) }).waitFor();
    expect(await observer.textContent('main')).toContain(
      'Only administrators certify and revoke keys and make enrolment codes (observer signed in).',
    );
    expect(await observer.getByRole('button', { name: /^Revoke/ }).count()).toBe(0);
    await observer.close();
  });

  it('lets an admin call a contest, asked twice, and shows everyone its new status', async () => {
    const page = await signedIn('admin.one');
    await page.getByRole('heading', { level: 1, name: 'Control room' }).waitFor();
    await page.getByRole('link', { name: 'Contest status' }).click();
    await page.getByRole('heading', { level: 1, name: 'Contest status' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/staff/app/contests');
    const governor = page.locator('.contest-list > li', {
      has: page.getByRole('heading', { level: 3, name: 'Governor' }),
    });
    await governor.waitFor();
    expect(await governor.locator('.contest-state').textContent()).toBe('Unofficial');
    expect(await page.locator('.contest-list > li').count()).toBe(3);
    await accessibleAtBothWidths(page, 'contests');

    // The checks before anything is sent: a status, the winners a call names, a reason.
    await governor.getByText('Change the status of Governor').click();
    await governor.getByRole('button', { name: 'Record the status' }).click();
    expect(await page.textContent('#contest-governor-status-error')).toBe('Choose the new status.');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(
      'contest-governor-status-unofficial',
    );
    await governor.getByLabel('Called').check();
    await governor.getByLabel('Reason').fill('Every precinct has reported; Ada leads by 40 votes.');
    await governor.getByRole('button', { name: 'Record the status' }).click();
    expect(await page.textContent('#contest-governor-winners-error')).toBe(
      'A call or a certification names who won: tick at least one.',
    );
    await governor.getByLabel('Ada Lovelace').check();
    await governor.getByRole('button', { name: 'Record the status' }).click();
    // Asked in the page, with the focus on the question; "Cancel" sends nothing.
    const question =
      'Record “Called: Ada Lovelace” for Governor? It becomes a public log entry with your name and reason, and the public site shows it from its next version.';
    await governor.getByText(question).waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(question);
    await accessibleAtBothWidths(page, 'contests-confirm');
    await governor.getByRole('button', { name: 'Cancel' }).click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Record the status');
    expect(await governor.locator('.contest-state').textContent()).toBe('Unofficial');
    await governor.getByRole('button', { name: 'Record the status' }).click();
    await governor.getByRole('button', { name: 'Yes, record it' }).click();
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toMatch(/^Status recorded as log entry \d+\.$/);
    const entry = /(\d+)\.$/.exec((await page.getByRole('status').textContent()) ?? '')?.[1];
    await expect
      .poll(() => governor.locator('.contest-state').textContent())
      .toBe('Called: Ada Lovelace');
    expect(await governor.textContent()).toMatch(
      new RegExp(`set by admin\\.one at .* \\(log entry ${entry ?? 'none'}\\)`),
    );
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Governor');
    await accessibleAtBothWidths(page, 'contests-called');

    // The server refuses what the page, read before, could not know: another administrator set
    // the council too early to call meanwhile. Its reason is said as it gives it, and the list
    // is read again.
    const council = page.locator('.contest-list > li', {
      has: page.getByRole('heading', { level: 3, name: 'North County Council' }),
    });
    await council.getByText('Change the status of North County Council').click();
    await council.getByLabel('Too early to call').check();
    await council.getByLabel('Reason').fill('Too close.');
    const { csrfToken } = (await (
      await page.request.get(`${server.url}/staff/session`)
    ).json()) as { csrfToken: string };
    const meanwhile = await page.request.post(
      `${server.url}/staff/elections/sample-2026/contests/council/status`,
      {
        headers: { 'x-csrf-token': csrfToken },
        data: { status: 'too-early', reason: 'Within a recount margin.' },
      },
    );
    expect(meanwhile.status()).toBe(201);
    await council.getByRole('button', { name: 'Record the status' }).click();
    await council.getByRole('button', { name: 'Yes, record it' }).click();
    await council
      .getByRole('alert')
      .filter({
        hasText: /^The status was not recorded: council is too-early already \(entry \d+\)$/,
      })
      .waitFor();
    await expect
      .poll(() => council.locator('.contest-state').textContent())
      .toBe('Too early to call');

    // A phone's width in every language, the form open.
    await page.setViewportSize({ width: 375, height: 812 });
    const overflow: Record<string, number> = {};
    for (const language of ['fr', 'es', 'de', 'it', 'nl']) {
      await page.locator('#language').selectOption(language);
      await page.waitForFunction((l) => document.documentElement.lang === l, language);
      overflow[language] = await sidewaysScroll(page);
      await page.screenshot({ path: join(SHOTS, `contests-375-${language}.png`), fullPage: true });
    }
    await page.locator('#language').selectOption('en');
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(overflow).toEqual({ fr: 0, es: 0, de: 0, it: 0, nl: 0 });
    await page.close();

    // An observer reads the statuses, without the means to change them.
    const observer = await signedIn('observer.one');
    await observer.getByRole('link', { name: 'Contest status' }).click();
    const called = observer.locator('.contest-list > li', { hasText: 'Governor' });
    await expect
      .poll(() => called.locator('.contest-state').textContent())
      .toBe('Called: Ada Lovelace');
    expect(await observer.textContent('main')).toContain(
      'Only administrators change a contest’s status.',
    );
    expect(await observer.getByText(/^Change the status of/).count()).toBe(0);
    await observer.close();
  });

  it('shows the release, the control room and the password change without a violation', async () => {
    const page = await signedIn('admin.one');
    await page.getByRole('heading', { level: 1, name: 'Control room' }).waitFor();
    await page.getByText(/Live: updated/).waitFor();
    const reporting = page.getByRole('table', { name: 'Reporting by county' });
    expect(await reporting.getByRole('row', { name: /^North County/ }).textContent()).toBe(
      'North County2 of 20 of 2',
    );
    await accessibleAtBothWidths(page, 'control-room');
    await page.getByRole('link', { name: 'Release of results' }).click();
    await page.getByText(/publishes results as they arrive/).waitFor();
    await accessibleAtBothWidths(page, 'release');
    await page.getByRole('link', { name: 'Change your password' }).click();
    await page.getByRole('button', { name: 'Change the password' }).click();
    expect(await page.textContent('#pw-current-error')).toBe('Enter your current password.');
    await accessibleAtBothWidths(page, 'password');
    // A real change: the session goes on under its new token, and changes still carry its CSRF
    // token (a member added after it).
    const admin = accounts.get('admin.one');
    await page.getByLabel('Current password').fill(admin?.password ?? '');
    await page.getByLabel('New password', { exact: true }).fill('a long new passphrase');
    await page.getByLabel('New password again').fill('a long new passphrase');
    await page.getByRole('button', { name: 'Change the password' }).click();
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toBe('Your password is changed. Your other sessions have ended.');
    await page.getByRole('link', { name: 'Staff' }).click();
    await page.getByLabel('Name').fill('auditor.one');
    await page.getByLabel('Role').selectOption('auditor');
    await page.getByRole('button', { name: 'Add' }).click();
    await page
      .getByRole('heading', { level: 2, name: 'Sign-in details for auditor.one' })
      .waitFor();
    await page.close();
  });

  it('ran under the pages’ policy with nothing refused and no error logged', () => {
    // Each page asks for its session before signing in (401), a sheet that cannot be is checked
    // (400), the control room's stream was cut on purpose (ERR_FAILED) and a contest's status
    // changed meanwhile was refused (409): the browser logs them as failed loads; nothing else
    // may appear.
    expect(problems.filter((p) => !/status of 40[019]|net::ERR_FAILED/.test(p))).toEqual([]);
  });
});

describe.skipIf(!haveChromium)('releasing results in Chromium', { timeout: 90_000 }, () => {
  let dir: string;
  let store: Store;
  let server: RunningServer;
  let browser: Browser;
  let admin: NewAccount;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    await buildStaffApp();
    dir = mkdtempSync(join(tmpdir(), 'tally-release-browser-'));
    store = await openStore({ dialect: 'sqlite', file: join(dir, 'tally.db') });
    const authority = testSigner('authority.sample');
    // A real election (no TEST mark) whose results wait for an admin to release them.
    const election = parseElectionDefinition({
      ...withRelease(sampleDefinition([encodeVerifierKey(authority)])),
      test: false,
    });
    if (!election.ok) throw new Error(election.error.message);
    await importWithKeys(store, election.value, authority, []);
    const added = await new StaffAccounts(store, TEST_PASSWORD_COST).add(
      'admin.one',
      'admin',
      new Date(),
    );
    if (!added.ok) throw new Error(added.error.message);
    admin = added.value;
    server = await startServer({
      passwordCost: TEST_PASSWORD_COST,
      store,
      logSigner: testSigner('tally.test'),
      checkpointEveryMs: 60_000,
      publish: { siteDir: join(dir, 'site'), port: 0, thread: false },
    });
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser.close();
    await server.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('releases the results when an admin confirms, and marks no real election TEST', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.url}/staff/app/release`);
    await page.getByLabel('Name').fill(admin.name);
    await page.getByLabel('Password').fill(admin.password);
    await page.getByLabel('Code', { exact: true }).fill(totpCode(admin.totpSecret, new Date()));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Release of results' }).waitFor();
    await page.getByText('Not released: the public site shows no results yet.').waitFor();
    await server.checkpointNow();
    expect((await fetch(`${server.publicUrl ?? ''}/sample-2026/current.json`)).status).toBe(404);
    expect(await page.textContent('main')).toContain('An administrator releases them.');
    expect(await page.locator('.test-banner').count()).toBe(0);
    await page.getByRole('button', { name: 'Release results now' }).click();
    await page
      .getByText(/^Release the results of sample-2026 now\? .* This cannot be undone\.$/)
      .waitFor();
    await accessibleAtBothWidths(page, 'release-confirm');
    // "Cancel" asks nothing further and releases nothing.
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Release results now');
    await page.getByRole('button', { name: 'Release results now' }).click();
    await page.getByRole('button', { name: 'Yes, release now' }).click();
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toMatch(/^Results released as log entry \d+\.$/);
    await page
      .getByText(/^Released: the results are on the public site \(log entry \d+\)\.$/)
      .waitFor();
    expect(await page.getByRole('button', { name: 'Release results now' }).count()).toBe(0);
    // The public site publishes from the release on.
    await server.checkpointNow();
    const current = await fetch(`${server.publicUrl ?? ''}/sample-2026/current.json`);
    expect(current.status).toBe(200);
    await page.close();
  });
});
