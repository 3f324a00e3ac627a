import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keyRef, verifyCanonical } from '../../log/envelope.js';
import {
  isValidKeyName as coreIsValidKeyName,
  keyIdOf as coreKeyIdOf,
  parseVerifierKey,
  verifierKeyRef,
} from '../../log/note.js';
import {
  deviceKeyName,
  deviceKeyOf,
  isValidKeyName,
  keyIdOf,
  makeKeyPair,
  signBytes,
  verifierKeyOf,
} from './device_key.js';
import { encodeUtf8 } from './encoding.js';

describe('the phone’s key', () => {
  it('has the key id src/log/note.ts computes, for any name and key', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 40 }).filter(coreIsValidKeyName),
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        (name, key) => {
          expect(keyIdOf(name, key)).toBe(coreKeyIdOf(name, key));
        },
      ),
    );
  });

  it('names keys as note.ts allows them', () => {
    for (const name of ['n-1.reporter-0a1b2c3d', 'a', 'with space', 'plus+sign', 'tab\there', '']) {
      expect(isValidKeyName(name), name).toBe(coreIsValidKeyName(name));
    }
  });

  it('is written as a C2SP verifier key the server parses, with the reference it signs as', async () => {
    const pair = await makeKeyPair();
    const key = await deviceKeyOf(deviceKeyName('n-1'), pair);
    expect(key.name).toMatch(/^n-1\.reporter-[0-9a-f]{8}$/);
    const parsed = parseVerifierKey(key.verifierKey);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.value.publicKey).toEqual(key.publicKey);
    expect(keyRef(parsed.value)).toBe(key.ref);
    expect(verifierKeyRef(key.verifierKey)).toEqual({ ok: true, value: key.ref });
    expect(verifierKeyOf(key.name, key.publicKey)).toBe(key.verifierKey);
  });

  it('keeps its private half where no script can read it out', async () => {
    const pair = await makeKeyPair();
    expect(pair.privateKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('pkcs8', pair.privateKey)).rejects.toThrow();
  });

  it('signs what the server verifies with the key it was sent', async () => {
    const pair = await makeKeyPair();
    const key = await deviceKeyOf('n-1.reporter-test', pair);
    const verifier = parseVerifierKey(key.verifierKey);
    if (!verifier.ok) throw new Error(verifier.error.message);
    const canonical = '{"a":1}';
    const signature = await signBytes(key.privateKey, encodeUtf8(`context/1\n${canonical}`));
    expect(verifyCanonical('context/1', canonical, signature, verifier.value)).toBe(true);
    expect(verifyCanonical('context/1', '{"a":2}', signature, verifier.value)).toBe(false);
    const other = randomBytes(32);
    expect(keyIdOf('n-1.reporter-test', other)).not.toBe(key.keyId);
  });
});
