import { describe, expect, it } from 'vitest';
import { codeForReading, enrolmentLink } from './enrolment_code.js';

describe('an enrolment code on the Keys screen', () => {
  it('is read aloud in groups of four, whatever the case and spacing it came in', () => {
    expect(codeForReading('K7QF-M2XD-9HTA')).toBe('K7QF-M2XD-9HTA');
    expect(codeForReading('k7qfm2xd9hta')).toBe('K7QF-M2XD-9HTA');
    expect(codeForReading(' K7QF M2XD-9HTA ')).toBe('K7QF-M2XD-9HTA');
  });

  it('puts the unit and code in the address’s fragment, which no request sends', () => {
    const link = enrolmentLink(
      'https://tally.example.org',
      '/v1/elections/sample-2026/enrolments',
      'n-1',
      'K7QF-M2XD-9HTA',
    );
    expect(link).toBe(
      'https://tally.example.org/v1/elections/sample-2026/enrolments#unit=n-1&code=K7QF-M2XD-9HTA',
    );
    const url = new URL(link);
    expect(url.search).toBe('');
    expect(new URLSearchParams(url.hash.slice(1)).get('code')).toBe('K7QF-M2XD-9HTA');
  });

  it('keeps a unit id that an address would misread whole', () => {
    const link = enrolmentLink('http://127.0.0.1:8080', '/v1/elections/e/enrolments', 'a&b=c', 'X');
    expect(new URLSearchParams(new URL(link).hash.slice(1)).get('unit')).toBe('a&b=c');
  });
});
