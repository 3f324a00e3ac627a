import { describe, expect, it } from 'vitest';
import { MAX_PASSWORD, MIN_PASSWORD } from '../../staff/staff.js';
import { PASSWORD_LENGTH, passwordProblems } from './password.js';

describe('a password change before it is sent', () => {
  it('holds the server’s limits', () => {
    expect(PASSWORD_LENGTH).toEqual({ min: MIN_PASSWORD, max: MAX_PASSWORD });
  });

  it('asks for the current password, a new one long enough and different, typed twice alike', () => {
    expect(passwordProblems({ current: '', next: '', again: '' })).toEqual({
      current: 'currentRequired',
      next: 'newTooShort',
    });
    expect(
      passwordProblems({ current: 'old password', next: 'old password', again: 'old password' }),
    ).toEqual({ next: 'newSame' });
    expect(
      passwordProblems({ current: 'old', next: 'a new passphrase', again: 'a new passphrase!' }),
    ).toEqual({ again: 'againDiffers' });
    expect(
      passwordProblems({ current: 'old', next: 'a new passphrase', again: 'a new passphrase' }),
    ).toEqual({});
    expect(
      passwordProblems({ current: 'old', next: 'x'.repeat(1025), again: 'x'.repeat(1025) }),
    ).toEqual({ next: 'newTooLong' });
  });

  it('counts characters as a reader sees them, as the server does', () => {
    // Eleven flags are 22 code points but 11 characters: too short.
    const flags = '🇫🇷'.repeat(11);
    expect(passwordProblems({ current: 'old', next: flags, again: flags })).toEqual({
      next: 'newTooShort',
    });
  });
});
