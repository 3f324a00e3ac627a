// The phone's own Ed25519 key, made in the browser with WebCrypto: the private key is made
// non-extractable, so no script (this one included) can ever read it out; the key objects are
// kept in IndexedDB as they are. Its public half is written as a C2SP signed-note verifier key,
// `name+keyid+base64(0x01 || public key)`, which the election office's roster certifies.
import { sha256 } from './sha256.js';
import { encodeBase64, encodeUtf8 } from './encoding.js';

const ED25519 = 0x01;
const ALGORITHM = { name: 'Ed25519' } as const;

/** A key pair as the device keeps it: the key objects, and the names the log knows it by. */
export interface DeviceKey {
  readonly name: string;
  readonly keyId: number;
  /** The raw 32-byte public key. */
  readonly publicKey: Uint8Array;
  readonly privateKey: CryptoKey;
  /** `name+keyid+base64`, as the enrolment sends it. */
  readonly verifierKey: string;
  /** `name+keyid`, as a signed submission's `signer` names it. */
  readonly ref: string;
}

/** A key name: non-empty, no white space, no '+' (src/log/note.ts isValidKeyName). */
export function isValidKeyName(name: string): boolean {
  return (
    name.length > 0 &&
    !/[\s+\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/u.test(name)
  );
}

/**
 * The key id: the first 4 bytes of SHA-256(name || '\n' || type || public key), big-endian.
 * src/log/note.ts keyIdOf, ported as it is (that module needs node:crypto); device_key.test.ts
 * holds the two to the same ids.
 */
export function keyIdOf(name: string, publicKey: Uint8Array): number {
  const digest = sha256(encodeUtf8(`${name}\n`), new Uint8Array([ED25519]), publicKey);
  return new DataView(digest.buffer, digest.byteOffset).getUint32(0);
}

const hex8 = (n: number): string => n.toString(16).padStart(8, '0');

export function keyRefOf(name: string, keyId: number): string {
  return `${name}+${hex8(keyId)}`;
}

export function verifierKeyOf(name: string, publicKey: Uint8Array): string {
  const body = encodeBase64(new Uint8Array([ED25519, ...publicKey]));
  return `${keyRefOf(name, keyIdOf(name, publicKey))}+${body}`;
}

/** The device key of a pair the device holds (or has just made). */
export async function deviceKeyOf(name: string, pair: CryptoKeyPair): Promise<DeviceKey> {
  // A public key is always exportable; only the private key is held fast.
  const publicKey = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  const keyId = keyIdOf(name, publicKey);
  return {
    name,
    keyId,
    publicKey,
    privateKey: pair.privateKey,
    verifierKey: verifierKeyOf(name, publicKey),
    ref: keyRefOf(name, keyId),
  };
}

/** A new key pair, its private key non-extractable. */
export async function makeKeyPair(): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey(ALGORITHM, false, ['sign', 'verify']);
}

/**
 * The name a reporting device's key is given: the unit it reports for and a few random letters,
 * so that staff reading the roster see which unit's phone it is, and two phones differ.
 */
export function deviceKeyName(unit: string): string {
  const random = crypto.getRandomValues(new Uint8Array(4));
  const suffix = [...random].map((b) => b.toString(16).padStart(2, '0')).join('');
  const name = `${unit}.reporter-${suffix}`;
  return isValidKeyName(name) ? name : `reporter-${suffix}`;
}

/** The base64 Ed25519 signature of `message`. */
export async function signBytes(
  privateKey: CryptoKey,
  message: Uint8Array<ArrayBuffer>,
): Promise<string> {
  const signature = await crypto.subtle.sign(ALGORITHM, privateKey, message);
  return encodeBase64(new Uint8Array(signature));
}
