// The "how to verify" page: the one-file verifier's command with the site's own address and
// keys, and the words around it in the page's language.
import { describe, expect, it } from 'vitest';
import { sampleElection } from '../core/testonly/fixtures.js';
import { Messages, SHIPPED_LANGUAGES, type Language } from './messages.js';
import { verifyPage, type SiteInput } from './site.js';

const LOG_KEY = 'results.example.gov+01234567+AAAAlog';
const MANIFEST_KEY = 'results.example.gov+89abcdef+AAAAmanifest';

function html(lang: Language, siteUrl?: string, languages = SHIPPED_LANGUAGES): string {
  const input: SiteInput = {
    election: sampleElection(['authority+00000000+AAAA']),
    languages,
    version: { logSize: 12, checkpoint: 'checkpoint' },
    area: () => undefined,
    overview: () => undefined,
    trend: () => ({ slots: new Map(), offsets: new Map() }),
    statuses: [],
    trendPoints: 120,
    timeAt: () => '2026-11-03T21:00:05Z',
    verifierKeys: { log: LOG_KEY, manifest: MANIFEST_KEY },
    ...(siteUrl === undefined ? {} : { siteUrl }),
    asOfLog: 12,
  };
  return verifyPage(input, lang);
}

function page(lang: Language, siteUrl?: string): string {
  // The page's text as a reader sees it: tags gone, entities read.
  return html(lang, siteUrl)
    .replace(/<[^>]*>/g, '')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&#39;', "'")
    .replaceAll('&amp;', '&');
}

describe('the how-to-verify page', () => {
  it('gives the one-file verifier’s command with the site’s own address and keys', () => {
    const text = page('en', 'https://results.example.gov/sample-2026');
    expect(text).toContain(
      [
        'node tally-verify.mjs https://results.example.gov/sample-2026/ \\',
        `  --log-key '${LOG_KEY}' \\`,
        `  --manifest-key '${MANIFEST_KEY}'`,
      ].join('\n'),
    );
    expect(text).not.toContain('npx');
  });

  for (const lang of SHIPPED_LANGUAGES) {
    it(`${lang}: says how to get, check and run the verifier in the page’s language`, () => {
      const m = new Messages(lang);
      const text = page(lang, 'https://results.example.gov/sample-2026/');
      expect(text).toContain(m.t('verifyCommand'));
      expect(text).toContain(m.t('verifyVerifierFile'));
      expect(text).toContain('node tally-verify.mjs https://results.example.gov/sample-2026/ \\');
    });
  }

  it('names the site’s address in the page’s language where the publisher was not told it', () => {
    expect(page('fr')).toContain('node tally-verify.mjs <adresse de ce site> \\');
    expect(page('en')).toContain('node tally-verify.mjs <this site’s address> \\');
  });

  it('lists up to ten languages in the header, and more behind a disclosure naming the page’s', () => {
    const few = html('en', undefined, ['en', 'fr', 'es']);
    expect(few).not.toContain('<details class="languages">');
    expect(few).toContain('hreflang="fr"');
    const all = html('pl');
    expect(all).toContain('<details class="languages"><summary>Język: polski</summary>');
    // Every language is a link in its own language, whatever the page's.
    for (const lang of SHIPPED_LANGUAGES.filter((l) => l !== 'pl')) {
      expect(all).toContain(`hreflang="${lang === 'zh' ? 'zh-Hant' : lang}"`);
    }
  });
});
