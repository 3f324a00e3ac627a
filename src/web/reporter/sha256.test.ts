import { createHash, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256 as coreSha256, sha256Hex as coreSha256Hex } from '../../core/sha256.js';
import { sha256, sha256Hex } from './sha256.js';

describe('the reporter’s SHA-256, which stands in for core’s in the browser', () => {
  it('gives node:crypto’s digest at every length around a block’s edges', () => {
    for (let length = 0; length <= 200; length++) {
      const bytes = randomBytes(length);
      expect(sha256Hex(bytes), `length ${String(length)}`).toBe(
        createHash('sha256').update(bytes).digest('hex'),
      );
    }
  });

  it('gives the FIPS 180-4 test vectors', () => {
    expect(sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('hashes its parts one after the other, text as UTF-8, as core’s does', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.uint8Array({ maxLength: 130 }), fc.string({ unit: 'grapheme' })), {
          maxLength: 5,
        }),
        (parts) => {
          expect(sha256(...parts)).toEqual(coreSha256(...parts));
          expect(sha256Hex(...parts)).toBe(coreSha256Hex(...parts));
        },
      ),
    );
  });

  it('hashes a photo-sized input (a few MB) as node:crypto does', () => {
    const bytes = randomBytes(3 * 1024 * 1024 + 7);
    expect(sha256Hex(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
  });
});
