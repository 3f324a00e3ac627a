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
  it('ship the 24 official EU languages and the four Section 203 languages beyond Spanish', () => {
    const EU = ['bg', 'cs', 'da', 'de', 'el', 'en', 'es', 'et', 'fi', 'fr', 'ga', 'hr', 'hu'];
    EU.push('it', 'lt', 'lv', 'mt', 'nl', 'pl', 'pt', 'ro', 'sk', 'sl', 'sv');
    expect([...SHIPPED_LANGUAGES].sort()).toEqual([...EU, 'ko', 'tl', 'vi', 'zh'].sort());
  });

  it('tags Chinese pages as written in Traditional characters, every other language by its code', () => {
    expect(languageTag('zh')).toBe('zh-Hant');
    expect(languageTag('ko')).toBe('ko');
    expect(languageTag('en')).toBe('en');
  });

  it('says how many fully reported in Chinese, Vietnamese, Korean and Tagalog, with their numbers', () => {
    const values = { level: 'X', fully: 1234, expected: 2000, share: 0.617 };
    expect(new Messages('zh').t('fullyReported', values)).toBe(
      'X：2,000 個中已有 1,234 個完整回報（62%）',
    );
    expect(new Messages('vi').t('fullyReported', values)).toBe(
      'X: 1.234 trên 2.000 đã báo cáo đầy đủ (62%)',
    );
    expect(new Messages('ko').t('fullyReported', values)).toBe(
      'X: 2,000곳 중 1,234곳 보고 완료 (62%)',
    );
    expect(new Messages('tl').t('voteFor', { n: 1 })).toBe('Bumoto ng 1');
    expect(new Messages('tl').t('voteFor', { n: 2 })).toBe('Bumoto ng hanggang 2');
  });

  for (const language of Object.keys(LANGUAGES) as (keyof typeof LANGUAGES)[]) {
    it(`${language}: every message is translated, and takes the arguments the English one does`, () => {
      const catalog = LANGUAGES[language].messages as Partial<Record<MessageKey, string>>;
      expectCompleteTranslation(language, catalog, en);
    });
  }

  it('formats numbers and plurals the way each language writes them', () => {
    // Intl separates with no-break spaces where a language wants them; compare plain spaces.
    const plain = (text: string): string => text.replace(/[\u00a0\u202f]/g, ' ');
    const values = { level: 'X', fully: 1234, expected: 2000, share: 0.617 };
    expect(new Messages('en').t('fullyReported', values)).toBe(
      'X: 1,234 of 2,000 fully reported (62%)',
    );
    expect(plain(new Messages('de').t('fullyReported', values))).toBe(
      'X: 1.234 von 2.000 vollständig gemeldet (62 %)',
    );
    const cs = new Messages('cs');
    expect(cs.t('partlyReported', { partly: 1 })).toBe('další 1 s částečnými výsledky');
    expect(cs.t('partlyReported', { partly: 5 })).toBe('dalších 5 s částečnými výsledky');
    // Portuguese (pt) counts 0 as one: its plurals say none apart.
    expect(plain(new Messages('pt').t('turnout', { ballots: 0, registered: 10, share: 0 }))).toBe(
      'Participação: 0 votantes em 10 eleitores inscritos (0%)',
    );
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
});
