// Debian's Chromium for the browser tests, driven by playwright-core (never a downloaded
// browser), and what they measure on a page: axe-core's WCAG 2.1 A and AA violations, and how
// far a page scrolls sideways. Without Chromium the tests say they skipped; CI installs it.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env['TALLY_CHROMIUM'] ?? '/usr/bin/chromium';
export const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) {
  console.warn(`browser tests SKIPPED: no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);
}

/** Chromium, headless, with no network of its own beyond the pages it is sent to. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** axe-core's source, to evaluate in a page. */
export const axeSource = (createRequire(import.meta.url)('axe-core') as { source: string }).source;

/** axe-core's WCAG 2.1 A and AA violations on the page as it is now. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the debugging protocol, which the page's policy does not govern: the page
  // itself still runs under its strict policy.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (o: object) => Promise<unknown> } }).axe;
    const result = (await axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    })) as { violations: { id: string; nodes: { target: string[] }[] }[] };
    return result.violations.map(
      (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
  });
}

/** How far the page scrolls sideways (0 when it fits). */
export const sidewaysScroll = (page: Page): Promise<number> =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
