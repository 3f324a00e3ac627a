import { describe, expect, it } from 'vitest';
import { hasControlCharacter, isWellFormedText, toWellFormedText } from './text.js';

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
});
