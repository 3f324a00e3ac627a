import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasControlCharacter, isWellFormedText, strictUtf8Text, toWellFormedText } from './text.js';

/** What a strict TextDecoder makes of the bytes: the text, or undefined where it refuses them. */
function decoded(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** The bytes in shared memory, between others, as a verifier's workers hold the log. */
function shared(bytes: Uint8Array): Uint8Array {
  const memory = new Uint8Array(new SharedArrayBuffer(bytes.byteLength + 4));
  memory.set([0xe2, 0x82], 0);
  memory.set(bytes, 2);
  memory.set([0xac, 0x7b], bytes.byteLength + 2);
  return memory.subarray(2, 2 + bytes.byteLength);
}

describe('text checks', () => {
  it('tells a lone surrogate from a pair', () => {
    expect(isWellFormedText('a\u{1f600}b')).toBe(true);
    expect(isWellFormedText('a\udc00')).toBe(false);
    expect(isWellFormedText('\ud800a')).toBe(false);
  });

  it('replaces each lone surrogate with U+FFFD and keeps pairs', () => {
    expect(toWellFormedText('x\ud800y\udc00\u{1f600}')).toBe('x\ufffdy\ufffd\u{1f600}');
    expect(toWellFormedText('plain')).toBe('plain');
  });

  it('finds control characters other than newline', () => {
    expect(hasControlCharacter('a\nb')).toBe(false);
    expect(hasControlCharacter('a\u0000b')).toBe(true);
  });

  it('reads UTF-8 as a strict TextDecoder does, in shared memory too', () => {
    const cases = fc.oneof(
      fc.uint8Array({ maxLength: 24 }),
      fc.string({ unit: 'binary', maxLength: 12 }).map((s) => new TextEncoder().encode(s)),
      fc
        .string({ unit: 'binary', maxLength: 12 })
        .map((s) => new TextEncoder().encode(`\ufeff${s}`)),
    );
    fc.assert(
      fc.property(cases, (bytes) => {
        expect(strictUtf8Text(bytes)).toBe(decoded(bytes));
        expect(strictUtf8Text(shared(bytes))).toBe(decoded(bytes));
      }),
      { numRuns: 2000 },
    );
    // Overlong forms, surrogates, bytes past U+10FFFF and a cut sequence are no UTF-8.
    for (const bad of [
      [0xc0, 0xaf],
      [0xed, 0xa0, 0x80],
      [0xf4, 0x90, 0x80, 0x80],
      [0xe2, 0x82],
    ])
      expect(strictUtf8Text(shared(new Uint8Array(bad)))).toBeUndefined();
    expect(strictUtf8Text(shared(new TextEncoder().encode('\ufeff\ufeffx')))).toBe('\ufeffx');
  });
});
