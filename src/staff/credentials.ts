// What a staff member signs in with: a password, kept as a scrypt hash (RFC 7914, Node's own,
// with the cost OWASP recommends), and a second factor, a TOTP code (RFC 6238, by the otpauth
// library) or a one-time recovery code. Session and CSRF tokens are random; only their SHA-256
// is stored.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { sha256Hex } from '../core/sha256.js';

/** The roles staff have; each route names the ones it lets in. */
export const ROLES = ['admin', 'reviewer', 'desk', 'auditor', 'observer'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** scrypt's cost: N = 2^log2N, r, p. */
export interface PasswordCost {
  readonly log2N: number;
  readonly r: number;
  readonly p: number;
}

/** The cost of every password Tally keeps: N = 2^17, r = 8, p = 1 (OWASP's minimum), 128 MiB. */
export const PASSWORD_COST: PasswordCost = { log2N: 17, r: 8, p: 1 };
const KEY_BYTES = 32;

function derive(password: string, salt: Buffer, c: PasswordCost): Promise<Buffer> {
  const options: ScryptOptions = {
    N: 2 ** c.log2N,
    r: c.r,
    p: c.p,
    maxmem: 256 * 1024 * 1024,
  };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, options, (error, key) => {
      if (error === null) resolve(key);
      else reject(error);
    });
  });
}

/** A password's stored form: `scrypt$<log2 N>$<r>$<p>$<salt>$<key>`, base64url. */
export async function hashPassword(
  password: string,
  cost: PasswordCost = PASSWORD_COST,
): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, cost);
  return [
    'scrypt',
    cost.log2N,
    cost.r,
    cost.p,
    salt.toString('base64url'),
    key.toString('base64url'),
  ].join('$');
}

/**
 * Whether `password` is the one `stored` was made from. A malformed stored form is no match.
 * Without a stored form (no such staff member), a password is checked against a made-up one at
 * `cost`, the one real members' passwords are kept at, so that the answer takes as long as for
 * a real name.
 */
export async function checkPassword(
  password: string,
  stored: string | undefined,
  cost: PasswordCost = PASSWORD_COST,
): Promise<boolean> {
  const parts = (stored ?? decoy(cost)).split('$');
  const [kind, log2N, r, p, salt, key] = parts;
  if (parts.length !== 6 || kind !== 'scrypt' || salt === undefined || key === undefined)
    return false;
  const keptAt = { log2N: Number(log2N), r: Number(r), p: Number(p) };
  if (![keptAt.log2N, keptAt.r, keptAt.p].every((n) => Number.isInteger(n) && n > 0 && n < 32))
    return false;
  const expected = Buffer.from(key, 'base64url');
  const derived = await derive(password, Buffer.from(salt, 'base64url'), keptAt);
  return (
    stored !== undefined && expected.length === derived.length && timingSafeEqual(expected, derived)
  );
}

/** Whether a stored password was kept at `cost`: one kept otherwise is kept again at sign-in. */
export function keptAt(stored: string, cost: PasswordCost): boolean {
  return stored.startsWith(`scrypt$${String(cost.log2N)}$${String(cost.r)}$${String(cost.p)}$`);
}

const decoy = (cost: PasswordCost): string =>
  ['scrypt', cost.log2N, cost.r, cost.p, 'AAAAAAAAAAAAAAAAAAAAAA', 'A'.repeat(43)].join('$');

/** Letters and digits no one mistakes for another (no i, l, o, 0, 1). */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

function randomText(length: number): string {
  return [...randomBytes(length)].map((b) => ALPHABET[b % ALPHABET.length] as string).join('');
}

/** A random password for a new account, to be changed: 24 characters, about 118 bits. */
export function newPassword(): string {
  return randomText(24);
}

/** TOTP as authenticator apps use it: SHA-1, six digits, 30-second steps. */
const PERIOD = 30;

function totp(secret: string): TOTP {
  return new TOTP({
    issuer: 'Tally',
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD,
    secret: Secret.fromBase32(secret),
  });
}

/** A new TOTP secret (160 bits, base32), and the otpauth:// address an app scans. */
export function newTotpSecret(name: string): { secret: string; uri: string } {
  const secret = new Secret({ size: 20 }).base32;
  const t = totp(secret);
  t.label = name;
  return { secret, uri: t.toString() };
}

/** The TOTP code for `secret` at `now`: what an authenticator app shows (for tests and the demo). */
/** Whether `text` is a TOTP secret as Tally writes them: base32, without padding. */
export function isTotpSecret(text: string): boolean {
  return /^[A-Z2-7]{16,128}$/.test(text);
}

export function totpCode(secret: string, now: Date): string {
  return totp(secret).generate({ timestamp: now.getTime() });
}

/**
 * The time step of the code `code` for `secret` at `now`, allowing one step of clock drift
 * either way; undefined when it is no such code.
 */
export function totpStep(secret: string, code: string, now: Date): number | undefined {
  if (!/^\d{6}$/.test(code)) return undefined;
  const delta = totp(secret).validate({ token: code, timestamp: now.getTime(), window: 1 });
  if (delta === null) return undefined;
  return Math.floor(now.getTime() / 1000 / PERIOD) + delta;
}

/**
 * Ten one-time recovery codes, `xxxxx-xxxxx-xxxxx-xxxxx` (99 bits each), for a lost
 * authenticator. Long enough to be stored as a plain hash (below): at 50 bits one graphics card
 * would find some code among a stolen table's thousand in minutes.
 */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: 10 }, () => (randomText(20).match(/.{5}/g) ?? []).join('-'));
}

/**
 * How a recovery code is stored, and compared: SHA-256 of its letters, dash and case aside.
 * Unsalted and fast, unlike a password's scrypt, and sound for these codes alone: a salt and a
 * slow hash defend a guessable secret, and 99 random bits are guessed by no one, so the stored
 * hash is found by its lookup (a salted one would need a scrypt per code at each sign-in).
 */
export function recoveryCodeHash(code: string): string {
  return sha256Hex(new TextEncoder().encode(code.toLowerCase().replaceAll(/[^a-z0-9]/g, '')));
}

/** A new random token (a session's, a CSRF token), 256 bits, base64url. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function tokenHash(token: string): string {
  return sha256Hex(new TextEncoder().encode(token));
}
