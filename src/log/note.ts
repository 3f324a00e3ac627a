// C2SP signed-note: Ed25519 signer and verifier keys in their text encodings, signing a note,
// and opening one strictly (the rules of golang.org/x/mod/sumdb/note, which C2SP specifies).
import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign as cryptoSign,
  verify as cryptoVerify,
  type KeyObject,
} from 'node:crypto';
import { err, ok, problem, type Problem, type Result } from '../core/result.js';
import { hasControlCharacter, isWellFormedText } from '../core/text.js';
import { sha256 } from './hash.js';
import { decodeBase64, decodeUtf8, encodeBase64, encodeUtf8 } from './encoding.js';

const ED25519 = 0x01;
const MAX_SIGNATURES = 100;
const SIGNATURE_PREFIX = '\u2014 ';
// DER prefixes that wrap a raw Ed25519 seed or public key for node:crypto (RFC 8410).
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export type NoteProblem = Problem<
  | 'malformed_key'
  | 'malformed_note'
  | 'ambiguous_key'
  | 'invalid_signature'
  | 'unverified_note'
  | 'invalid_text'
>;

export interface Verifier {
  readonly name: string;
  readonly keyId: number;
  readonly publicKey: Uint8Array;
  readonly key: KeyObject;
}

export interface Signer {
  readonly name: string;
  readonly keyId: number;
  readonly seed: Uint8Array;
  readonly publicKey: Uint8Array;
  readonly key: KeyObject;
}

export interface NoteSignature {
  readonly name: string;
  readonly keyId: number;
  readonly base64: string;
}

export interface Note {
  /** The signed text, ending with a newline. */
  readonly text: string;
  /** Signatures by the given verifiers, each checked. */
  readonly signatures: readonly NoteSignature[];
  /** Signatures by keys the caller did not give, not checked. */
  readonly unverified: readonly NoteSignature[];
}

/** A key name: non-empty, no white space, no '+'. */
export function isValidKeyName(name: string): boolean {
  return (
    name.length > 0 &&
    !/[\s+\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/u.test(name)
  );
}

/** The key id: the first 4 bytes of SHA-256(name || '\n' || type || public key), big-endian. */
export function keyIdOf(name: string, publicKey: Uint8Array): number {
  const digest = sha256(encodeUtf8(`${name}\n`), new Uint8Array([ED25519]), publicKey);
  return new DataView(digest.buffer, digest.byteOffset).getUint32(0);
}

function hex8(n: number): string {
  return n.toString(16).padStart(8, '0');
}

export function signerFromSeed(name: string, seed: Uint8Array): Signer {
  const key = createPrivateKey({
    key: Buffer.concat([PKCS8_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
  const spki = createPublicKey(key).export({ format: 'der', type: 'spki' });
  const publicKey = new Uint8Array(spki.subarray(SPKI_PREFIX.length));
  return { name, keyId: keyIdOf(name, publicKey), seed, publicKey, key };
}

export function verifierFromPublicKey(name: string, publicKey: Uint8Array): Verifier {
  // JWK import is an order of magnitude faster than DER in OpenSSL 3, and ingest imports a
  // key per reporting unit.
  const x = Buffer.from(publicKey.buffer, publicKey.byteOffset, publicKey.byteLength);
  const key = createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: x.toString('base64url') },
    format: 'jwk',
  });
  return { name, keyId: keyIdOf(name, publicKey), publicKey, key };
}

/** Makes a new Ed25519 signer. Randomness comes from node:crypto. */
export function generateSigner(name: string): Result<Signer, NoteProblem> {
  if (!isValidKeyName(name)) {
    return err(problem('malformed_key', `"${name}" is not a valid key name (no spaces, no '+')`));
  }
  const { privateKey } = generateKeyPairSync('ed25519');
  const pkcs8 = privateKey.export({ format: 'der', type: 'pkcs8' });
  return ok(signerFromSeed(name, new Uint8Array(pkcs8.subarray(PKCS8_PREFIX.length))));
}

export function encodeSignerKey(signer: Signer): string {
  const body = encodeBase64(new Uint8Array([ED25519, ...signer.seed]));
  return `PRIVATE+KEY+${signer.name}+${hex8(signer.keyId)}+${body}`;
}

export function encodeVerifierKey(key: Pick<Verifier, 'name' | 'keyId' | 'publicKey'>): string {
  const body = encodeBase64(new Uint8Array([ED25519, ...key.publicKey]));
  return `${key.name}+${hex8(key.keyId)}+${body}`;
}

/** Splits `name+id+base64` at its first two '+' (base64 may hold more). */
function parseKeyParts(
  text: string,
  what: string,
): Result<{ name: string; keyId: number; key: Uint8Array }, NoteProblem> {
  const first = text.indexOf('+');
  const second = first < 0 ? -1 : text.indexOf('+', first + 1);
  const parts =
    second < 0 ? [] : [text.slice(0, first), text.slice(first + 1, second), text.slice(second + 1)];
  const [name, id, body] = parts;
  const bad = (why: string): Result<never, NoteProblem> =>
    err(problem('malformed_key', `malformed ${what}: ${why}`));
  if (parts.length !== 3 || name === undefined || id === undefined || body === undefined) {
    return bad('expected name+id+key');
  }
  if (!isValidKeyName(name)) return bad(`invalid key name "${name}"`);
  if (!/^[0-9a-f]{8}$/.test(id)) return bad('key id is not 8 lowercase hex digits');
  const bytes = decodeBase64(body);
  if (bytes === undefined) return bad('key is not valid base64');
  if (bytes[0] !== ED25519) return bad('only Ed25519 keys (type 0x01) are supported');
  if (bytes.length !== 33) return bad('an Ed25519 key is 32 bytes');
  return ok({ name, keyId: Number.parseInt(id, 16), key: bytes.subarray(1) });
}

export function parseSignerKey(text: string): Result<Signer, NoteProblem> {
  const prefix = 'PRIVATE+KEY+';
  const trimmed = text.trim();
  if (!trimmed.startsWith(prefix)) {
    return err(problem('malformed_key', 'a signer key starts with PRIVATE+KEY+'));
  }
  const parsed = parseKeyParts(trimmed.slice(prefix.length), 'signer key');
  if (!parsed.ok) return parsed;
  const signer = signerFromSeed(parsed.value.name, parsed.value.key);
  if (signer.keyId !== parsed.value.keyId) {
    return err(problem('malformed_key', 'malformed signer key: key id does not match the key'));
  }
  return ok(signer);
}

export function parseVerifierKey(text: string): Result<Verifier, NoteProblem> {
  const parsed = parseKeyParts(text.trim(), 'verifier key');
  if (!parsed.ok) return parsed;
  const verifier = verifierFromPublicKey(parsed.value.name, parsed.value.key);
  if (verifier.keyId !== parsed.value.keyId) {
    return err(problem('malformed_key', 'malformed verifier key: key id does not match the key'));
  }
  return ok(verifier);
}

/**
 * What keyRef makes of the verifier key `text` names (`name+keyid`), checked as parseVerifierKey
 * checks it, without importing the key: for one who only needs to know which key a statement
 * names (a publisher replaying 175,000 roster entries spent 15 s importing their keys).
 */
export function verifierKeyRef(text: string): Result<string, NoteProblem> {
  const parsed = parseKeyParts(text.trim(), 'verifier key');
  if (!parsed.ok) return parsed;
  const { name, keyId, key } = parsed.value;
  if (keyIdOf(name, key) !== keyId) {
    return err(problem('malformed_key', 'malformed verifier key: key id does not match the key'));
  }
  return ok(`${name}+${hex8(keyId)}`);
}

/** Text a note may carry: valid UTF-8, ending in a newline, no control characters but newline. */
function checkText(text: string): Result<undefined, NoteProblem> {
  if (!text.endsWith('\n'))
    return err(problem('invalid_text', 'note text must end with a newline'));
  if (!isWellFormedText(text) || hasControlCharacter(text)) {
    return err(problem('invalid_text', 'note text has a control character or is not UTF-8'));
  }
  return ok();
}

/** Signs text (which must end with a newline) and returns the whole note. */
export function signNote(text: string, signers: readonly Signer[]): Result<string, NoteProblem> {
  const checked = checkText(text);
  if (!checked.ok) return checked;
  if (signers.length === 0) return err(problem('unverified_note', 'a note needs a signer'));
  const message = encodeUtf8(text);
  const lines = signers.map((s) => {
    const sig = cryptoSign(null, message, s.key);
    const idBytes = new Uint8Array(4);
    new DataView(idBytes.buffer).setUint32(0, s.keyId);
    return `${SIGNATURE_PREFIX}${s.name} ${encodeBase64(new Uint8Array([...idBytes, ...sig]))}\n`;
  });
  return ok(`${text}\n${lines.join('')}`);
}

/**
 * Opens a signed note: the text and the signatures by known verifiers, every one of them valid.
 * Fails when the note is malformed, when a known key's signature does not verify, or when no
 * known key signed it.
 */
export function openNote(
  note: Uint8Array | string,
  verifiers: readonly Verifier[],
): Result<Note, NoteProblem> {
  const malformed = (why: string): Result<never, NoteProblem> =>
    err(problem('malformed_note', `malformed note: ${why}`));
  const known = new Map<string, Verifier>();
  for (const v of verifiers) {
    const id = `${v.name}+${hex8(v.keyId)}`;
    if (known.has(id)) {
      return err(problem('ambiguous_key', `two verifier keys have the name and id ${id}`));
    }
    known.set(id, v);
  }
  const message = typeof note === 'string' ? note : decodeUtf8(note);
  if (message === undefined) return malformed('not valid UTF-8');
  if (!isWellFormedText(message) || hasControlCharacter(message)) {
    return malformed('control character');
  }
  const split = message.lastIndexOf('\n\n');
  if (split < 0) return malformed('no blank line before the signatures');
  const text = message.slice(0, split + 1);
  const block = message.slice(split + 2);
  if (block.length === 0 || !block.endsWith('\n')) return malformed('no signature lines');

  const signatures: NoteSignature[] = [];
  const unverified: NoteSignature[] = [];
  const seen = new Set<string>();
  const lines = block.slice(0, -1).split('\n');
  if (lines.length > MAX_SIGNATURES) return malformed(`more than ${MAX_SIGNATURES} signatures`);
  const textBytes = encodeUtf8(text);
  for (const line of lines) {
    if (!line.startsWith(SIGNATURE_PREFIX))
      return malformed('a line after the text is not a signature');
    const rest = line.slice(SIGNATURE_PREFIX.length);
    const space = rest.indexOf(' ');
    const name = space < 0 ? rest : rest.slice(0, space);
    const b64 = space < 0 ? '' : rest.slice(space + 1);
    const bytes = decodeBase64(b64);
    if (bytes === undefined || !isValidKeyName(name) || b64 === '' || bytes.length < 5) {
      return malformed(`bad signature line "${line}"`);
    }
    const keyId = new DataView(bytes.buffer, bytes.byteOffset).getUint32(0);
    const signature = { name, keyId, base64: b64 };
    const id = `${name}+${hex8(keyId)}`;
    if (seen.has(line)) continue;
    seen.add(line);
    const verifier = known.get(id);
    if (verifier === undefined) {
      unverified.push(signature);
      continue;
    }
    if (!cryptoVerify(null, textBytes, verifier.key, bytes.subarray(4))) {
      return err(problem('invalid_signature', `the signature by ${id} does not verify`));
    }
    signatures.push(signature);
  }
  if (signatures.length === 0) {
    return err(problem('unverified_note', 'the note has no signature by a known key'));
  }
  return ok({ text, signatures, unverified });
}
