import { describe, expect, it } from 'vitest';
import { StaffMessages } from './messages.js';
import { signInFailureText, signInProblems } from './sign_in.js';

const filled = { name: 'reviewer.one', password: 'correct horse', code: '123456' };

describe('the sign-in form', () => {
  it('asks for each field left empty', () => {
    expect(signInProblems({ name: ' ', password: '', code: '' })).toEqual({
      name: 'nameRequired',
      password: 'passwordRequired',
      code: 'codeRequired',
    });
    expect(signInProblems(filled)).toEqual({});
  });

  it('takes six digits (spaces aside) or a recovery code, and refuses other digits', () => {
    expect(signInProblems({ ...filled, code: '123 456' })).toEqual({});
    expect(signInProblems({ ...filled, code: 'abcde-12345' })).toEqual({});
    expect(signInProblems({ ...filled, code: '23456-78923' })).toEqual({});
    expect(signInProblems({ ...filled, code: '12345' })).toEqual({ code: 'codeFormat' });
    expect(signInProblems({ ...filled, code: '1234567' })).toEqual({ code: 'codeFormat' });
  });

  it('says a refused sign-in in the reader’s language, and a rate limit with its wait', () => {
    const de = new StaffMessages('de');
    expect(
      signInFailureText(de, { kind: 'signed_out', code: 'sign_in_failed', message: 'x' }),
    ).toMatch(/^Name, Passwort oder Code stimmen nicht/);
    expect(signInFailureText(de, { kind: 'signed_out', code: 'other', message: 'as sent' })).toBe(
      'as sent',
    );
    expect(
      signInFailureText(new StaffMessages('en'), {
        kind: 'rate_limited',
        message: 'too many',
        retryAfterSeconds: 42,
      }),
    ).toBe('Too many sign-in attempts from this address. Wait 42 seconds and try again.');
  });
});
