import { describe, expect, it } from 'vitest';
import { sha256, sha256Hex } from './sha256.js';

// FIPS 180-2 appendix B.1 and the digest of nothing.
const ABC = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
const NOTHING = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

describe('SHA-256', () => {
  it('gives the standard’s digests, as bytes and as hex', () => {
    expect(sha256Hex('abc')).toBe(ABC);
    expect(Buffer.from(sha256(new TextEncoder().encode('abc'))).toString('hex')).toBe(ABC);
    expect(sha256Hex()).toBe(NOTHING);
  });

  it('hashes text as its UTF-8 bytes, and parts as if joined', () => {
    expect(sha256Hex('é')).toBe(sha256Hex(new Uint8Array([0xc3, 0xa9])));
    expect(sha256Hex('a', new TextEncoder().encode('b'), 'c')).toBe(ABC);
  });
});
