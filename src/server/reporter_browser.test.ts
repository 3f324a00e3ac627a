// The precinct reporter app in a real browser (Debian's Chromium, driven by playwright-core), as
// a precinct chair uses it on a phone 375 px wide: an admin makes an enrolment code; the chair
// opens the QR code's address, and the phone makes its key and enrols; the chair fills in the
// ballot form (a problem shows while typing, before anything is sent) and takes a photo of the
// tally sheet; the network goes; the report is signed and waits in the outbox; the page is
// reloaded with no network and the app and its outbox are still there (the service worker and
// IndexedDB); the network comes back and the report and photo go out by themselves, and the
// receipt's inclusion proof is checked on the phone against a checkpoint. A second phone types
// its code and fills in a caucus worksheet, with a game of chance. axe-core finds no WCAG 2.1
// A/AA violation on any screen, and nothing scrolls sideways. Screenshots go to
// /tmp/reporter-shots/. Without Chromium the tests say they skipped; CI installs it.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseElectionDefinition } from '../core/election.js';
import { sha256Hex } from '../core/sha256.js';
import { caucusDefinition, sampleDefinition } from '../core/testonly/fixtures.js';
import { decodeLogEntry } from '../core/log_entry.js';
import { changeRoster } from '../ingest/roster.js';
import { importWithKeys } from '../ingest/testonly/sample_store.js';
import { encodeVerifierKey } from '../log/note.js';
import { testSigner } from '../log/testonly/signers.js';
import { totpCode } from '../staff/credentials.js';
import { StaffAccounts, type NewAccount } from '../staff/staff.js';
import { TEST_PASSWORD_COST } from '../staff/testonly/password_cost.js';
import { openStore, type Store } from '../store/store.js';
import { buildReporterApp } from '../web/build.js';
import { enrolmentLink } from '../web/staff/enrolment_code.js';
import { startServer, type RunningServer } from './server.js';
import { CSRF_HEADER } from './staff_session.js';
import {
  axeViolations,
  haveChromium,
  launchChromium,
  sidewaysScroll,
} from './testonly/chromium.js';

const SHOTS = '/tmp/reporter-shots';
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
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className}`),
  );

/** No violation on a phone's screen, where nothing scrolls sideways; a screenshot of it. */
async function accessibleOnAPhone(page: Page, name: string): Promise<void> {
  expect(page.viewportSize()?.width).toBe(375);
  await page.screenshot({ path: join(SHOTS, `${name}-375.png`), fullPage: true });
  expect(await axeViolations(page), `${name} at 375 px`).toEqual([]);
  expect(
    await sidewaysScroll(page),
    `${name} scrolls sideways at 375 px: ${(await widest(page)).join(', ')}`,
  ).toBeLessThanOrEqual(0);
}

describe.skipIf(!haveChromium)(
  'the precinct reporter app in Chromium',
  { timeout: 120_000 },
  () => {
    let dir: string;
    let store: Store;
    let server: RunningServer;
    let browser: Browser;
    let admin: NewAccount;
    let session: { cookie: string; csrf: string } | undefined;
    /** What the pages' policy refused, or a page logged as an error. */
    const problems: string[] = [];

    /** The admin's session, signed in once over the API (a TOTP code is good once). */
    const adminSession = async (): Promise<{ cookie: string; csrf: string }> => {
      if (session !== undefined) return session;
      const res = await fetch(`${server.url}/staff/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          name: admin.name,
          password: admin.password,
          code: totpCode(admin.totpSecret, new Date()),
        }),
      });
      expect(res.status).toBe(200);
      const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const { csrfToken } = (await res.json()) as { csrfToken: string };
      session = { cookie, csrf: csrfToken };
      return session;
    };

    /** A one-time enrolment code for a unit's phone, as the Keys screen makes it. */
    const enrolmentCode = async (
      election: string,
      unit: string,
    ): Promise<{ code: string; enrolPath: string }> => {
      const { cookie, csrf } = await adminSession();
      const res = await fetch(`${server.url}/staff/elections/${election}/enrolment-codes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, [CSRF_HEADER]: csrf },
        body: JSON.stringify({ unit }),
      });
      expect(res.status).toBe(201);
      return (await res.json()) as { code: string; enrolPath: string };
    };

    /** A phone: a browser context of its own, 375 px wide. */
    const phone = async (name: string): Promise<{ context: BrowserContext; page: Page }> => {
      const context = await browser.newContext({
        viewport: { width: 375, height: 812 },
        locale: 'en-GB',
        isMobile: true,
        hasTouch: true,
      });
      const page = await context.newPage();
      page.on('console', (m) => {
        // The browser logs every request that failed or was refused (no network, a code
        // refused): the app's answers to them are what the tests check. A policy refusal or a
        // script error is a problem.
        if (m.type() === 'error' && !m.text().startsWith('Failed to load resource:'))
          problems.push(`${name}: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`${name}: ${e.message}`));
      return { context, page };
    };

    /** Whether the app's service worker controls the page (so that it opens with no network). */
    const controlled = (page: Page): Promise<unknown> =>
      page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
        timeout: 20_000,
      });

    /** The size of an election's log on the server. */
    const logSize = async (election: string): Promise<bigint> => {
      const ingest = await server.elections.get(election);
      if (ingest === undefined) throw new Error(`no ${election}`);
      return ingest.log.size;
    };

    beforeAll(async () => {
      mkdirSync(SHOTS, { recursive: true });
      await buildReporterApp();
      dir = mkdtempSync(join(tmpdir(), 'tally-reporter-browser-'));
      store = await openStore({ dialect: 'sqlite', file: join(dir, 'tally.db') });
      const authority = testSigner('authority.sample');
      const enrolment = testSigner('enrol.sample');
      const keys = [encodeVerifierKey(authority)];
      // A practice election of ballot contests, and a party caucus.
      for (const definition of [sampleDefinition(keys), caucusDefinition(keys)]) {
        const election = parseElectionDefinition(definition);
        if (!election.ok) throw new Error(election.error.message);
        const imported = await importWithKeys(store, election.value, authority, []);
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
      }
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
        // A checkpoint a fifth of a second, as a night's server makes them (every tenth).
        checkpointEveryMs: 200,
        enrolmentSigner: enrolment,
      });
      browser = await launchChromium();
    }, 60_000);

    afterAll(async () => {
      await browser.close();
      await server.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('enrols from the QR code, keeps a report signed through a reload with no network, and sends it when the network returns', async () => {
      const { code, enrolPath } = await enrolmentCode('sample-2026', 'n-1');
      const { context, page } = await phone('n-1');

      // The phone's camera opens the QR code's address; the server sends it on to the app.
      await page.goto(enrolmentLink(server.url, enrolPath, 'n-1', code));
      await page.getByRole('heading', { level: 1, name: 'Enrol this phone' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/report/');
      // A practice election is marked on every screen.
      await page.getByText('Practice election: these results are not real.').waitFor();
      expect(await page.title()).toBe('TEST – Tally precinct reporter');
      await page
        .getByText('This phone will report for North 1 in Sample General Election.')
        .waitFor();
      expect(await page.getByLabel('Election', { exact: true }).inputValue()).toBe('sample-2026');
      expect(await page.getByLabel('Enrolment code').inputValue()).toBe(code);
      // The code is in no address the browser keeps.
      expect(page.url()).not.toContain(code);
      await accessibleOnAPhone(page, 'enrol');
      await page.getByRole('button', { name: 'Enrol this phone' }).click();

      await page.getByRole('heading', { level: 1, name: 'Your precinct’s results' }).waitFor();
      await page.getByText('Reporting for North 1, Sample General Election.').waitFor();
      await page.getByText('Practice election: these results are not real.').waitFor();
      // The key the phone made is in the roster, for North 1, and its private half never left.
      const device = await page.evaluate(async () => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const r = indexedDB.open('tally-reporter');
          r.onsuccess = () => {
            resolve(r.result);
          };
          r.onerror = () => {
            reject(new Error('no database'));
          };
        });
        const record = await new Promise<{ ref: string; privateKey: CryptoKey; state: string }>(
          (resolve) => {
            const r = db.transaction('device').objectStore('device').get('current');
            r.onsuccess = () => {
              resolve(r.result as { ref: string; privateKey: CryptoKey; state: string });
            };
          },
        );
        return {
          ref: record.ref,
          state: record.state,
          extractable: record.privateKey.extractable,
          algorithm: record.privateKey.algorithm.name,
        };
      });
      expect(device).toMatchObject({ state: 'enrolled', extractable: false, algorithm: 'Ed25519' });
      const roster = await fetch(
        `${server.url}/v1/elections/sample-2026/keys/${encodeURIComponent(device.ref)}`,
      );
      expect(await roster.json()).toEqual({ ref: device.ref, unit: 'n-1', state: 'active' });
      await controlled(page);

      // The chair types the tally sheet; a problem shows while typing, before anything is sent.
      const fill = async (id: string, value: number): Promise<void> => {
        await page.locator(`[id="${id}"]`).fill(String(value));
      };
      await page.getByLabel('Ballots cast in the precinct').fill('500');
      for (const [choice, n] of [
        ['ada', 260],
        ['alan', 230],
        ['write-in', 5],
      ] as const)
        await fill(`report-governor-choice-${choice}`, n);
      await fill('report-governor-ballotsCast', 500);
      await fill('report-governor-overvotes', 1);
      await fill('report-governor-undervotes', 3);
      const governor = page
        .locator('fieldset.contest', { hasText: 'Governor' })
        .locator('.balance');
      await expect
        .poll(() => governor.textContent())
        .toBe(
          '⚠ Governor: 495 votes + 1 overvotes + 3 undervotes = 499, but 500 ballots × vote for 1 = 500. Check the numbers: if they are right, a reviewer will look at it.',
        );
      await fill('report-governor-undervotes', 4);
      await expect
        .poll(() => governor.textContent())
        .toBe(
          '✓ Checked: 495 votes + 1 overvotes + 4 undervotes = 500, which is 500 ballots × vote for 1.',
        );
      // What is typed is kept on the phone as it is typed: a reload loses none of it.
      await page.waitForFunction(async () => {
        const db = await new Promise<IDBDatabase>((resolve) => {
          const r = indexedDB.open('tally-reporter');
          r.onsuccess = () => {
            resolve(r.result);
          };
        });
        const draft = await new Promise<unknown>((resolve) => {
          const r = db.transaction('drafts').objectStore('drafts').get('n-1\u0000election-day');
          r.onsuccess = () => {
            resolve(r.result);
          };
        });
        db.close();
        return JSON.stringify(draft).includes('"undervotes":"4"');
      });
      await page.reload();
      await expect
        .poll(() => page.locator('[id="report-governor-undervotes"]').inputValue())
        .toBe('4');
      expect(await page.locator('[id="report-governor-choice-ada"]').inputValue()).toBe('260');
      await expect.poll(() => governor.textContent()).toMatch(/^✓ Checked/);
      for (const [id, n] of [
        ['report-council-choice-grace', 300],
        ['report-council-choice-edsger', 290],
        ['report-council-choice-barbara', 400],
        ['report-council-ballotsCast', 500],
        ['report-council-overvotes', 0],
        ['report-council-undervotes', 10],
        ['report-measure-1-choice-yes', 270],
        ['report-measure-1-choice-no', 210],
        ['report-measure-1-ballotsCast', 500],
        ['report-measure-1-overvotes', 0],
        ['report-measure-1-undervotes', 20],
      ] as const)
        await fill(id, n);
      expect(await page.locator('.balance .ok').count()).toBe(3);

      // The photo of the tally sheet, hashed on the phone.
      await page.getByLabel('Photo of the tally sheet').setInputFiles({
        name: 'sheet.png',
        mimeType: 'image/png',
        buffer: SHEET_PHOTO,
      });
      const photoSha = sha256Hex(SHEET_PHOTO);
      await page.getByText(`Photo added (SHA-256 ${photoSha.slice(0, 16)}…).`).waitFor();
      await page
        .getByRole('img', { name: 'The photo of the tally sheet that goes with the report' })
        .waitFor();
      await accessibleOnAPhone(page, 'report-filled');

      // The network goes. The report is signed and waits in the outbox.
      const before = await logSize('sample-2026');
      await context.setOffline(true);
      await page.getByRole('button', { name: 'Sign and send the report' }).click();
      await page
        .getByText('Report 1 is signed and kept on this phone.', { exact: false })
        .waitFor();
      const outbox = page.locator('.outbox-state');
      await expect
        .poll(() => outbox.textContent())
        .toBe('1 report waiting for the network, with 1 photo.');
      await page.getByText('The phone is offline.', { exact: false }).waitFor();
      await accessibleOnAPhone(page, 'outbox-offline');

      // Reloaded with no network: the service worker opens the app, and the outbox is there.
      const reloaded = await page.reload();
      expect(reloaded?.fromServiceWorker()).toBe(true);
      await page.getByRole('heading', { level: 1, name: 'Your precinct’s results' }).waitFor();
      await expect
        .poll(() => page.locator('.outbox-state').textContent())
        .toBe('1 report waiting for the network, with 1 photo.');
      await page.getByText('Practice election: these results are not real.').waitFor();
      expect(await logSize('sample-2026')).toBe(before);

      // The network comes back: the photo and the report go out by themselves.
      await context.setOffline(false);
      await page.getByText(/^Your report is in the public log at position \d+\.$/).waitFor({
        timeout: 30_000,
      });
      await expect
        .poll(() => page.locator('.outbox-state').textContent())
        .toBe('Nothing is waiting: every report made on this phone has been sent.');
      await page.getByText('Accepted: it counts.').waitFor();
      const position = Number(
        /position (\d+)/.exec((await page.locator('.in-log').textContent()) ?? '')?.[1],
      );

      // The phone checks the receipt's inclusion proof against the checkpoint it leads to.
      const proof = page.locator('.proof');
      await expect
        .poll(() => proof.textContent(), { timeout: 20_000 })
        .toMatch(/^✓ Checked against checkpoint \d+ [A-Za-z0-9+/]{12}…$/);
      const [, size, root] =
        /checkpoint (\d+) (\S{12})…/.exec((await proof.textContent()) ?? '') ?? [];
      const checkpoint = await (
        await fetch(`${server.url}/v1/elections/sample-2026/checkpoint`)
      ).text();
      const [, checkpointSize, checkpointRoot] = checkpoint.split('\n');
      // The checkpoint the phone checked against is one the server signed (the newest, or before).
      expect(Number(size)).toBeGreaterThan(position);
      expect(Number(size)).toBeLessThanOrEqual(Number(checkpointSize));
      if (size === checkpointSize) expect(checkpointRoot?.startsWith(root ?? '-')).toBe(true);
      await accessibleOnAPhone(page, 'report-sent');

      // What the log holds is what the chair typed, signed by the phone's key, naming the photo,
      // and the photo is with the server for the reviewers.
      const ingest = await server.elections.get('sample-2026');
      const entries = await ingest?.log.entries(BigInt(position), 1);
      if (entries?.ok !== true) throw new Error('no entry');
      const entry = decodeLogEntry(entries.value[0] ?? new Uint8Array());
      if (!entry.ok || entry.value.type !== 'submission') throw new Error('not a submission');
      expect(entry.value.signed.signer).toBe(device.ref);
      expect(entry.value.status).toBe('accepted');
      expect(entry.value.signed.submission).toMatchObject({
        unit: 'n-1',
        voteType: 'election-day',
        sequence: 1,
        ballotsCast: 500,
        evidence: [{ sha256: photoSha, kind: 'tally-sheet-photo' }],
      });
      expect(entry.value.signed.submission.contests[0]?.counts).toEqual({
        ada: 260,
        alan: 230,
        'write-in': 5,
      });
      const { cookie } = await adminSession();
      const kept = await fetch(`${server.url}/staff/elections/sample-2026/evidence/${photoSha}`, {
        headers: { cookie },
      });
      expect(kept.status).toBe(200);
      expect(Buffer.from(await kept.arrayBuffer()).equals(SHEET_PHOTO)).toBe(true);

      // A second report for the same precinct replaces the first: the app asks why.
      await page.getByLabel('Why this report replaces your earlier one').waitFor();

      // In German, the longest words of the six languages, nothing scrolls sideways either.
      await page.getByLabel('Language').selectOption('de');
      await page
        .getByRole('heading', { level: 1, name: 'Die Ergebnisse Ihres Wahlbezirks' })
        .waitFor();
      await page
        .getByText('Übungswahl: Diese Ergebnisse sind nicht echt.', { exact: false })
        .waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('de');
      await accessibleOnAPhone(page, 'report-sent-de');
      expect(problems).toEqual([]);
      await context.close();
    });

    it('fills in a caucus worksheet: viability and delegates live, and the game of chance the rules ask for', async () => {
      const { code } = await enrolmentCode('caucus-2028', 'n-1');
      const { context, page } = await phone('caucus n-1');
      // This chair types the election and the code the office read out.
      await page.goto(`${server.url}/report/`);
      await page.getByRole('heading', { level: 1, name: 'Enrol this phone' }).waitFor();
      await page.getByLabel('Election', { exact: true }).fill('caucus-2028');
      // A code misheard: the server refuses it, and the phone says what to do.
      await page.getByLabel('Enrolment code').fill('AAAA-BBBB-CCCC');
      await page.getByRole('button', { name: 'Enrol this phone' }).click();
      await page
        .getByRole('alert')
        .getByText('This code is not valid: it may have been used already, or have expired.', {
          exact: false,
        })
        .waitFor();
      await page.getByText('Election: Sample Caucus.').waitFor();
      await accessibleOnAPhone(page, 'enrol-refused');
      await page.getByLabel('Enrolment code').fill(code.toLowerCase().replaceAll('-', ' '));
      await page.getByRole('button', { name: 'Enrol this phone' }).click();
      await page.getByRole('heading', { level: 1, name: 'Your precinct’s results' }).waitFor();
      await page.getByText('This precinct elects 5 county delegates.').waitFor();
      // A caucus reports its participants: the app asks no ballots of the unit.
      expect(await page.getByLabel('Ballots cast in the precinct').count()).toBe(0);

      const worksheet = page.locator('fieldset.caucus');
      const alignment = (name: string) =>
        worksheet.locator('fieldset.alignment', { hasText: name });
      const first = alignment('First alignment');
      for (const [group, n] of [
        ['Candidate A', 40],
        ['Candidate B', 30],
        ['Candidate C', 20],
        ['Candidate D', 10],
      ] as const)
        await first.getByLabel(group).fill(String(n));
      await worksheet.getByText('Participants: 100.').waitFor();
      await worksheet.getByText('Viability number: 15 (15% of 100, rounded up).').waitFor();
      await worksheet.getByText('Candidate D: not viable').waitFor();
      // Candidate D's ten join Candidate C: a tie for a delegate to give back.
      const final = alignment('Final alignment');
      for (const [group, n] of [
        ['Candidate A', 40],
        ['Candidate B', 30],
        ['Candidate C', 30],
        ['Candidate D', 0],
      ] as const)
        await final.getByLabel(group).fill(String(n));
      const chance = worksheet.locator('fieldset.chance');
      await chance
        .getByText('Candidate B and Candidate C are tied: one of them must give a delegate back.')
        .waitFor();
      await accessibleOnAPhone(page, 'caucus-chance');
      // Nothing is sent before the game is played.
      await page.getByRole('button', { name: 'Sign and send the report' }).click();
      await page.getByText('The report cannot be sent yet:').waitFor();
      await page
        .getByText(
          'Presidential preference caucus: play the game of chance and record the group it selected.',
        )
        .waitFor();
      await chance.getByLabel('Candidate B').check();
      await chance.getByRole('button', { name: 'Record the group selected' }).click();
      const delegates = worksheet.locator('.delegates li');
      await expect
        .poll(() => delegates.allTextContents())
        .toEqual([
          'Candidate A: 2 delegates',
          'Candidate B: 1 delegate',
          'Candidate C: 2 delegates',
          'Candidate D: no delegate',
        ]);
      await worksheet
        .getByText(
          'Game of chance between Candidate B and Candidate C: Candidate B gave a delegate back.',
        )
        .waitFor();
      await accessibleOnAPhone(page, 'caucus-allocated');

      await page.getByRole('button', { name: 'Sign and send the report' }).click();
      await page.getByText('Accepted: it counts.').waitFor({ timeout: 30_000 });
      await expect
        .poll(() => page.locator('.proof').textContent(), { timeout: 20_000 })
        .toMatch(/^✓ Checked against checkpoint \d+ /);
      const position = Number(
        /position (\d+)/.exec((await page.locator('.in-log').textContent()) ?? '')?.[1],
      );
      const ingest = await server.elections.get('caucus-2028');
      const entries = await ingest?.log.entries(BigInt(position), 1);
      if (entries?.ok !== true) throw new Error('no entry');
      const entry = decodeLogEntry(entries.value[0] ?? new Uint8Array());
      if (!entry.ok || entry.value.type !== 'submission') throw new Error('not a submission');
      // Accepted with no warning: the three sets of numbers keep the party's rules.
      expect(entry.value.warnings).toEqual([]);
      expect(entry.value.signed.submission.contests[0]).toEqual({
        contest: 'caucus',
        counts: { a: 40, b: 30, c: 30, d: 0 },
        ballotsCast: 100,
        overvotes: 0,
        undervotes: 0,
        caucus: {
          first: { a: 40, b: 30, c: 20, d: 10 },
          delegates: { a: 2, b: 1, c: 2, d: 0 },
          chance: [{ for: 'removal', among: ['b', 'c'], selected: 'b' }],
        },
      });
      await accessibleOnAPhone(page, 'caucus-sent');
      expect(problems).toEqual([]);
      await context.close();
    });
  },
);
