import { describe, expect, it } from 'vitest';
import { SHIPPED_LANGUAGES } from '../../publish/messages.js';
import { expectCompleteTranslation } from '../../publish/testonly/catalogs.js';
import { STAFF_ACTIONS } from '../../staff/staff.js';
import {
  chooseLanguage,
  en,
  StaffMessages,
  STAFF_LANGUAGES,
  type StaffMessageKey,
} from './messages.js';

const keys = Object.keys(en) as StaffMessageKey[];

describe('the staff application’s messages', () => {
  it('ship six of the languages the public site ships (the site’s others are for voters)', () => {
    expect(Object.keys(STAFF_LANGUAGES)).toEqual(['en', 'fr', 'es', 'de', 'it', 'nl']);
    for (const language of Object.keys(STAFF_LANGUAGES)) {
      expect(SHIPPED_LANGUAGES).toContain(language);
    }
  });

  for (const [language, { messages }] of Object.entries(STAFF_LANGUAGES)) {
    it(`${language}: every message is translated, and takes the arguments the English one does`, () => {
      const catalog = messages as Partial<Record<StaffMessageKey, string>>;
      expect(Object.keys(catalog).sort()).toEqual([...keys].sort());
      expectCompleteTranslation(language, catalog, en);
    });
  }

  it('says every role in every language', () => {
    for (const language of Object.keys(STAFF_LANGUAGES) as (keyof typeof STAFF_LANGUAGES)[]) {
      const m = new StaffMessages(language);
      for (const role of ['admin', 'reviewer', 'desk', 'auditor', 'observer'] as const) {
        expect(m.t(`role_${role}`), `${language} ${role}`).not.toBe('');
      }
    }
  });

  it('says every change to a staff account in every language', () => {
    for (const language of Object.keys(STAFF_LANGUAGES) as (keyof typeof STAFF_LANGUAGES)[]) {
      const m = new StaffMessages(language);
      for (const action of STAFF_ACTIONS) {
        expect(m.t(`event_${action}`), `${language} ${action}`).not.toBe('');
      }
    }
  });

  it('formats counts and plurals the way each language writes them', () => {
    const plain = (text: string): string => text.replace(/[\u00a0\u202f]/g, ' ');
    expect(new StaffMessages('en').t('queueCount', { count: 0 })).toBe(
      'Nothing is held for review.',
    );
    expect(new StaffMessages('en').t('queueCount', { count: 1 })).toBe(
      '1 submission held for review.',
    );
    expect(plain(new StaffMessages('fr').t('decided', { entry: 12345 }))).toBe(
      'Décision enregistrée comme entrée du journal 12 345. La file est à jour.',
    );
    expect(new StaffMessages('de').t('differences', { count: 2 })).toBe('2 Zeilen weichen ab.');
  });
});

describe('the staff application’s language', () => {
  const none = { query: null, stored: null, preferred: [] };

  it('is the one the address asks for, over the one chosen before and the browser’s', () => {
    expect(chooseLanguage({ query: 'nl', stored: 'de', preferred: ['fr-FR'] })).toBe('nl');
  });

  it('is the one chosen before when the address asks for none, or for one Tally lacks', () => {
    expect(chooseLanguage({ query: null, stored: 'de', preferred: ['fr-FR'] })).toBe('de');
    expect(chooseLanguage({ query: 'xx', stored: 'it', preferred: ['fr-FR'] })).toBe('it');
  });

  it('is else the first of the browser’s languages Tally has, by its primary subtag', () => {
    expect(chooseLanguage({ ...none, preferred: ['pl-PL', 'es-MX', 'fr'] })).toBe('es');
    expect(chooseLanguage({ ...none, preferred: ['FR-be'] })).toBe('fr');
  });

  it('is English when nothing names a language Tally has', () => {
    expect(chooseLanguage(none)).toBe('en');
    expect(chooseLanguage({ query: 'constructor', stored: '__proto__', preferred: ['pl'] })).toBe(
      'en',
    );
  });
});
