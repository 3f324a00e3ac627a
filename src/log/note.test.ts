import { describe, expect, it } from 'vitest';
import { encodeHex } from './encoding.js';
import {
  encodeSignerKey,
  encodeVerifierKey,
  generateSigner,
  openNote,
  parseSignerKey,
  parseVerifierKey,
  signNote,
  verifierKeyRef,
  type Verifier,
} from './note.js';
import { keyRef } from './envelope.js';

// Examples from the C2SP signed-note specification and golang.org/x/mod/sumdb/note
// (BSD-3-Clause), via ../shared/vectors/signed-note.json.
const c2sp = {
  verifierKey: 'example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k',
  publicKeyHex: 'e932791ae6e7a840a46164c904786426d5e7821dd8b29a00d61cae72afdd4da4',
  note: 'This is an example message.\n\n\u2014 example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n',
};
const go = {
  signerKey: 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz',
  seedHex: '810a1402d5146c8d84f2443330f54080ebf98ee17d9c74f6252fc5d5c7283173',
  verifierKey: 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW',
  publicKeyHex: '1a5cd907143c384c41e830c5bce12aa8817ec5649aaabf2c31388b35b2d744d6',
  otherVerifierKey: 'EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop',
  text: "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n",
  peterLine:
    '\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n',
  enochLine:
    '\u2014 EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n',
};

function verifier(text: string): Verifier {
  const parsed = parseVerifierKey(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

describe('signed-note keys', () => {
  it('parses verifier keys into name, key id and public key', () => {
    const v = verifier(c2sp.verifierKey);
    expect(v.name).toBe('example.com/foo');
    expect(v.keyId).toBe(0x530d903a);
    expect(encodeHex(v.publicKey)).toBe(c2sp.publicKeyHex);
    expect(encodeVerifierKey(v)).toBe(c2sp.verifierKey);
  });

  it('parses a signer key and derives its verifier key', () => {
    const signer = parseSignerKey(go.signerKey);
    expect(signer.ok).toBe(true);
    if (!signer.ok) return;
    expect(encodeHex(signer.value.seed)).toBe(go.seedHex);
    expect(encodeHex(signer.value.publicKey)).toBe(go.publicKeyHex);
    expect(encodeVerifierKey(signer.value)).toBe(go.verifierKey);
    expect(encodeSignerKey(signer.value)).toBe(go.signerKey);
  });

  it('round-trips a generated key', () => {
    const signer = generateSigner('tally.example/demo');
    expect(signer.ok).toBe(true);
    if (!signer.ok) return;
    const again = parseSignerKey(encodeSignerKey(signer.value));
    expect(again.ok && encodeVerifierKey(again.value)).toBe(encodeVerifierKey(signer.value));
  });

  it.each([
    ['a name with a space', 'Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW'],
    ['a wrong key id', 'PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW'],
    ['an upper-case key id', 'PeterNeumann+C74F20A3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW'],
    ['an unknown key type', 'PeterNeumann+c74f20a3+Ahpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW'],
    ['a short key', 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10'],
    ['a missing part', 'PeterNeumann+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW'],
    ['a signer key', go.signerKey],
  ])('rejects a verifier key with %s', (_, text) => {
    const parsed = parseVerifierKey(text);
    expect(parsed.ok || parsed.error.code).toBe('malformed_key');
    // Named without importing the key, it is refused alike.
    const named = verifierKeyRef(text);
    expect(named.ok || named.error.code).toBe('malformed_key');
  });

  it('names a verifier key without importing it as keyRef names the imported key', () => {
    for (const text of [c2sp.verifierKey, go.verifierKey]) {
      const parsed = parseVerifierKey(text);
      if (!parsed.ok) throw new Error(parsed.error.message);
      expect(verifierKeyRef(text)).toEqual({ ok: true, value: keyRef(parsed.value) });
    }
  });

  it('refuses to make a key whose name has a space or a plus', () => {
    expect(generateSigner('a b').ok).toBe(false);
    expect(generateSigner('a+b').ok).toBe(false);
  });
});

describe('signed notes', () => {
  it('verifies the C2SP example', () => {
    const opened = openNote(c2sp.note, [verifier(c2sp.verifierKey)]);
    expect(opened.ok && opened.value.text).toBe('This is an example message.\n');
  });

  it('reproduces the published signature byte for byte', () => {
    const signer = parseSignerKey(go.signerKey);
    if (!signer.ok) throw new Error(signer.error.message);
    expect(signNote(go.text, [signer.value])).toEqual({
      ok: true,
      value: `${go.text}\n${go.peterLine}`,
    });
  });

  it('verifies a note signed by two keys, with either or both known', () => {
    const note = `${go.text}\n${go.peterLine}${go.enochLine}`;
    const peter = verifier(go.verifierKey);
    const enoch = verifier(go.otherVerifierKey);
    const both = openNote(note, [peter, enoch]);
    expect(both.ok && both.value.signatures.map((s) => s.name)).toEqual([
      'PeterNeumann',
      'EnochRoot',
    ]);
    const one = openNote(note, [enoch]);
    expect(one.ok && one.value.unverified.map((s) => s.name)).toEqual(['PeterNeumann']);
  });

  const peter = (): Verifier => verifier(go.verifierKey);
  const signed = `${go.text}\n${go.peterLine}`;

  it('rejects a note with more than 100 signature lines', () => {
    const lines = Array.from({ length: 101 }, (_, i) => `\u2014 k${i} AAAAAAAA\n`).join('');
    const opened = openNote(`${go.text}\n${go.peterLine}${lines}`, [peter()]);
    expect(opened.ok || opened.error.code).toBe('malformed_note');
  });

  it('refuses to sign text without a final newline, and rejects such a note', () => {
    const signer = parseSignerKey(go.signerKey);
    if (!signer.ok) throw new Error(signer.error.message);
    expect(signNote(go.text.slice(0, -1), [signer.value]).ok).toBe(false);
    const opened = openNote(signed.slice(0, -1), [peter()]);
    expect(opened.ok || opened.error.code).toBe('malformed_note');
  });

  it.each([
    ['starts with byte 0x01', new Uint8Array([0x01, ...new TextEncoder().encode(signed)])],
    ['starts with byte 0xff', new Uint8Array([0xff, ...new TextEncoder().encode(signed)])],
  ])('rejects a note whose text %s', (_, bytes) => {
    const opened = openNote(bytes, [peter()]);
    expect(opened.ok || opened.error.code).toBe('malformed_note');
  });

  it('rejects any text after the signature lines', () => {
    const opened = openNote(`${signed}trailing\n`, [peter()]);
    expect(opened.ok || opened.error.code).toBe('malformed_note');
  });

  it('rejects two verifier keys with the same name and key id as ambiguous', () => {
    const opened = openNote(signed, [peter(), peter()]);
    expect(opened.ok || opened.error.code).toBe('ambiguous_key');
  });

  it('rejects a note whose known signature does not verify', () => {
    const opened = openNote(signed.replace('If you', 'If we'), [peter()]);
    expect(opened.ok || opened.error.code).toBe('invalid_signature');
  });

  it('rejects a note that no known key signed', () => {
    const opened = openNote(signed, [verifier(go.otherVerifierKey)]);
    expect(opened.ok || opened.error.code).toBe('unverified_note');
  });

  it('rejects base64 with more than one spelling (non-canonical padding bits)', () => {
    // The last base64 digit of the signature carries two unused bits; setting them must fail.
    const line = go.peterLine.replace('AM=\n', 'AN=\n');
    const opened = openNote(`${go.text}\n${line}`, [peter()]);
    expect(opened.ok || opened.error.code).toBe('malformed_note');
  });
});
