import { describe, expect, it } from 'vitest';
import {
  en,
  LANGUAGES,
  languageTag,
  Messages,
  SHIPPED_LANGUAGES,
  type MessageKey,
} from './messages.js';
import { expectCompleteTranslation } from './testonly/catalogs.js';

describe('the site’s messages', () => {
  it('ship six EU languages and the four Section 203 languages beyond Spanish, and scaffold the other EU ones', () => {
    expect(SHIPPED_LANGUAGES).toEqual(['en', 'fr', 'es', 'de', 'it', 'nl', 'zh', 'vi', 'ko', 'tl']);
    const EU = ['bg', 'cs', 'da', 'de', 'el', 'en', 'es', 'et', 'fi', 'fr', 'ga', 'hr', 'hu'];
    EU.push('it', 'lt', 'lv', 'mt', 'nl', 'pl', 'pt', 'ro', 'sk', 'sl', 'sv');
    expect(Object.keys(LANGUAGES).sort()).toEqual([...EU, 'ko', 'tl', 'vi', 'zh'].sort());
  });

  it('tags Chinese pages as written in Traditional characters, every other language by its code', () => {
    expect(languageTag('zh')).toBe('zh-Hant');
    expect(languageTag('ko')).toBe('ko');
    expect(languageTag('en')).toBe('en');
  });

  it('says how many reported in Chinese, Vietnamese, Korean and Tagalog, with their numbers', () => {
    const values = { reported: 1234, expected: 2000, share: 0.617 };
    expect(new Messages('zh').t('unitsReporting', values)).toBe(
      '2,000 個單位中已有 1,234 個回報（62%）',
    );
    expect(new Messages('vi').t('unitsReporting', values)).toBe(
      '1.234 trên 2.000 đơn vị đã báo cáo (62%)',
    );
    expect(new Messages('ko').t('unitsReporting', values)).toBe(
      '2,000개 단위 중 1,234개 보고 (62%)',
    );
    expect(new Messages('tl').t('voteFor', { n: 1 })).toBe('Bumoto ng 1');
    expect(new Messages('tl').t('voteFor', { n: 2 })).toBe('Bumoto ng hanggang 2');
  });

  for (const language of SHIPPED_LANGUAGES) {
    it(`${language}: every message is translated, and takes the arguments the English one does`, () => {
      const catalog = LANGUAGES[language].messages as Partial<Record<MessageKey, string>>;
      expectCompleteTranslation(language, catalog, en);
    });
  }

  it('formats numbers and plurals the way each language writes them', () => {
    // Intl separates with no-break spaces where a language wants them; compare plain spaces.
    const plain = (text: string): string => text.replace(/[\u00a0\u202f]/g, ' ');
    const values = { reported: 1234, expected: 2000, share: 0.617 };
    expect(new Messages('en').t('unitsReporting', values)).toBe(
      '1,234 of 2,000 units reporting (62%)',
    );
    expect(plain(new Messages('de').t('unitsReporting', values))).toBe(
      '1.234 von 2.000 Wahlbezirken gemeldet (62 %)',
    );
    expect(
      plain(new Messages('fr').t('unitsReporting', { reported: 1, expected: 1, share: 1 })),
    ).toBe('1 bureau sur 1 ont transmis leurs résultats (100 %)');
  });

  it('says how many a voter may choose as a Spanish ballot does, one or several', () => {
    const es = new Messages('es');
    expect(es.t('voteFor', { n: 1 })).toBe('Vote por 1 candidato');
    expect(es.t('voteFor', { n: 3 })).toBe('Vote por hasta 3 candidatos');
  });

  it('never says where the table is beside the map: a phone shows it below', () => {
    for (const language of SHIPPED_LANGUAGES) {
      const caption = new Messages(language).t('mapCaption');
      expect(caption, language).not.toMatch(/beside|à côté|junto|neben|accanto|naast/i);
    }
  });

  it('falls back to English, message by message, in a language not yet translated', () => {
    const polish = new Messages('pl');
    expect(polish.t('votes')).toBe('Votes');
    expect(polish.languageOf('votes')).toBe('en');
  });
});
