import { describe, expect, it } from 'vitest';
import {
  checkPassword,
  hashPassword,
  newRecoveryCodes,
  newTotpSecret,
  recoveryCodeHash,
  totpCode,
  totpStep,
} from './credentials.js';

describe('staff credentials', () => {
  it('keep a password as a salted scrypt hash that only that password matches', async () => {
    const stored = await hashPassword('correct horse battery staple');
    expect(stored).toMatch(/^scrypt\$17\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(stored).not.toBe(await hashPassword('correct horse battery staple'));
    expect(await checkPassword('correct horse battery staple', stored)).toBe(true);
    expect(await checkPassword('correct horse battery stapler', stored)).toBe(false);
    expect(await checkPassword('correct horse battery staple', 'scrypt$17$8$1$x')).toBe(false);
    // No stored hash (no such staff member): no match, after the same work.
    expect(await checkPassword('correct horse battery staple', undefined)).toBe(false);
  }, 60_000);

  it('take the TOTP code of the current step, or one step either side, and name its step', () => {
    const { secret, uri } = newTotpSecret('rosa.parks');
    expect(uri).toContain('otpauth://totp/Tally:rosa.parks?');
    const now = new Date('2026-11-03T22:00:10Z');
    const step = Math.floor(now.getTime() / 30_000);
    const at = (ms: number) => totpCode(secret, new Date(now.getTime() + ms));
    expect(totpStep(secret, at(0), now)).toBe(step);
    expect(totpStep(secret, at(-30_000), now)).toBe(step - 1);
    expect(totpStep(secret, at(30_000), now)).toBe(step + 1);
    expect(totpStep(secret, at(90_000), now)).toBeUndefined();
    for (const code of ['', '12345', '1234567', 'abcdef', ` ${at(0)}`]) {
      expect(totpStep(secret, code, now)).toBeUndefined();
    }
  });

  it('make ten distinct recovery codes, compared whatever their case and dash', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
    const [code = ''] = codes;
    expect(recoveryCodeHash(code.toUpperCase().replaceAll('-', ''))).toBe(recoveryCodeHash(code));
  });
});
