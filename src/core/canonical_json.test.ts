import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical_json.js';

describe('canonical JSON (RFC 8785)', () => {
  it('sorts keys by UTF-16 code units and drops insignificant white space', () => {
    // RFC 8785 §3.2.3 sorting example.
    const value = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    expect(canonicalJson(value)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis","\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it('writes numbers the ECMAScript way', () => {
    // RFC 8785 §3.2.2.3 examples.
    expect(canonicalJson([1e30, 4.5, 0.002, 1e-27, -0, Number('333333333.33333329')])).toBe(
      '[1e+30,4.5,0.002,1e-27,0,333333333.3333333]',
    );
  });

  it('is the same for the same object whatever order its keys were written in', () => {
    expect(canonicalJson({ b: [1, { d: true, c: null }], a: 'x' })).toBe(
      canonicalJson({ a: 'x', b: [1, { c: null, d: true }] }),
    );
  });

  it('refuses what has no canonical form', () => {
    expect(() => canonicalJson('\ud800')).toThrow(/surrogate/);
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(/finite/);
  });
});
