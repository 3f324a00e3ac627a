import { describe, expect, it } from 'vitest';
import { enrolmentLink } from '../../web/staff/enrolment_code.js';
import { invitationInAddress, invitationInText, isCodeLike } from './enrol_link.js';

describe('the enrolment the phone is given', () => {
  const link = enrolmentLink(
    'https://tally.example.org',
    '/v1/elections/sample-2026/enrolments',
    'n-1',
    'K7QF-M2XD-9HTA',
  );

  it('is read from the address the office’s QR code holds, once sent on to the app', () => {
    // The server sends the QR code's address on to /report/?election=…; the fragment stays.
    const url = new URL(link);
    expect(invitationInAddress('?election=sample-2026', url.hash)).toEqual({
      election: 'sample-2026',
      unit: 'n-1',
      code: 'K7QF-M2XD-9HTA',
    });
  });

  it('is read from the QR code’s address pasted whole, or a code typed any way', () => {
    expect(invitationInText(link)).toEqual({
      election: 'sample-2026',
      unit: 'n-1',
      code: 'K7QF-M2XD-9HTA',
    });
    expect(invitationInText('  k7qf m2xd 9hta ')).toEqual({ code: 'K7QF-M2XD-9HTA' });
    expect(invitationInText('k7qfm2xd9hta')).toEqual({ code: 'K7QF-M2XD-9HTA' });
  });

  it('keeps a unit id an address would misread whole', () => {
    const odd = enrolmentLink(
      'http://127.0.0.1:8080',
      '/v1/elections/e-1/enrolments',
      'a:b.c',
      'AAAA-BBBB-CCCC',
    );
    expect(invitationInText(odd)).toEqual({
      election: 'e-1',
      unit: 'a:b.c',
      code: 'AAAA-BBBB-CCCC',
    });
  });

  it('takes nothing that is not one: another address, a bad id, a short code', () => {
    expect(invitationInText('https://example.org/other#code=AAAA-BBBB-CCCC')).toEqual({
      code: 'AAAA-BBBB-CCCC',
    });
    expect(invitationInText('hello')).toEqual({});
    expect(invitationInText('https://x.org/v1/elections/%E0%A4%A/enrolments')).toEqual({});
    expect(invitationInAddress('?election=bad id', '#unit=n-1&code=ABC')).toEqual({ unit: 'n-1' });
    expect(isCodeLike('K7QF-M2XD-9HT')).toBe(false);
    expect(isCodeLike('K7QF-M2XD-9HTA')).toBe(true);
  });
});
