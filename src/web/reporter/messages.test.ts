import { describe, expect, it } from 'vitest';
import { expectCompleteTranslation } from '../../publish/testonly/catalogs.js';
import { STAFF_LANGUAGES } from '../../web/staff/messages.js';
import {
  chooseLanguage,
  en,
  REPORTER_LANGUAGES,
  ReporterMessages,
  type ReporterMessageKey,
} from './messages.js';

const keys = Object.keys(en) as ReporterMessageKey[];

describe('the reporter app’s messages', () => {
  it('ship the staff application’s six languages', () => {
    expect(Object.keys(REPORTER_LANGUAGES)).toEqual(Object.keys(STAFF_LANGUAGES));
  });

  for (const [language, { messages }] of Object.entries(REPORTER_LANGUAGES)) {
    it(`${language}: every message is translated, and takes the arguments the English one does`, () => {
      const catalog = messages as Partial<Record<ReporterMessageKey, string>>;
      expect(Object.keys(catalog).sort()).toEqual([...keys].sort());
      expectCompleteTranslation(language, catalog, en);
    });
  }

  it('says plainly what waits for the network', () => {
    const m = new ReporterMessages('en');
    expect(m.t('outboxWaiting', { reports: 1, photos: 0 })).toBe(
      '1 report waiting for the network.',
    );
    expect(m.t('outboxWaiting', { reports: 2, photos: 1 })).toBe(
      '2 reports waiting for the network, with 1 photo.',
    );
    expect(new ReporterMessages('de').t('outboxWaiting', { reports: 1, photos: 0 })).toBe(
      '1 Meldung wartet auf das Netz.',
    );
  });

  it('formats the viability share as a percentage in each language', () => {
    const plain = (text: string): string => text.replace(/[\u00a0\u202f]/g, ' ');
    const values = { need: 17, share: 1 / 6, participants: 100 };
    expect(new ReporterMessages('en').t('viabilityNumber', values)).toBe(
      'Viability number: 17 (16.67% of 100, rounded up).',
    );
    expect(plain(new ReporterMessages('fr').t('viabilityNumber', values))).toContain('16,67 %');
  });

  it('chooses the language as the staff application does', () => {
    expect(chooseLanguage({ query: 'nl', stored: 'de', preferred: ['fr-FR'] })).toBe('nl');
    expect(chooseLanguage({ query: null, stored: null, preferred: ['pl', 'es-MX'] })).toBe('es');
    expect(chooseLanguage({ query: 'constructor', stored: null, preferred: [] })).toBe('en');
  });
});
