import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  canonicalObject,
  canonicalObjectOf,
  type JsonValue,
} from './canonical_json.js';

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

describe('canonical JSON of values already in canonical key order', () => {
  // Values parsed from canonical text keep its key order, and are written by JSON.stringify:
  // the result must be exactly the library's, for every JSON value.
  const json = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      fc.constant(null),
      fc.boolean(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.integer(),
      fc.string({ unit: 'grapheme' }),
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(fc.string({ unit: 'grapheme', maxLength: 6 }), tie('value'), { maxKeys: 5 }),
    ),
  })).value as fc.Arbitrary<JsonValue>;

  it('is the library’s serialisation, whatever order the keys were inserted in', () => {
    fc.assert(
      fc.property(json, (value) => {
        expect(canonicalJson(value)).toBe(canonicalize(value));
        const reparsed = JSON.parse(canonicalJson(value)) as JsonValue;
        expect(canonicalJson(reparsed)).toBe(canonicalize(value));
      }),
      { numRuns: 500 },
    );
  });

  it('sorts integer-like keys as text, not as the engine enumerates them', () => {
    // The engine lists "2" before "10"; RFC 8785 puts "10" first.
    expect(canonicalJson(JSON.parse('{"10":1,"2":2,"a":3}') as JsonValue)).toBe(
      '{"10":1,"2":2,"a":3}',
    );
  });

  it('leaves out undefined members as the library does', () => {
    const value = { a: 1, b: undefined, c: [2] } as unknown as JsonValue;
    expect(canonicalJson(value)).toBe('{"a":1,"c":[2]}');
  });

  it('splices members already in canonical form into the object canonicalJson writes', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (record) => {
        const members = Object.fromEntries(
          Object.entries(record).map(([key, value]) => [key, canonicalJson(value as JsonValue)]),
        );
        expect(canonicalObject(members)).toBe(canonicalJson(record as JsonValue));
      }),
      { numRuns: 300 },
    );
  });

  it('splices objects of one set of keys, their order worked out once, into what canonicalJson writes', () => {
    // Any code point in keys and values (escapes, astral characters), keys given in any order.
    const text = fc.string({ unit: 'binary' });
    const json = fc.jsonValue({ stringUnit: 'binary' });
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(text, json, json), { selector: ([key]) => key, maxLength: 8 }),
        (members) => {
          const splice = canonicalObjectOf(members.map(([key]) => key));
          for (const which of [1, 2] as const) {
            const record = Object.fromEntries(members.map((m) => [m[0], m[which]]));
            const spliced = Object.fromEntries(
              members.map((m) => [m[0], canonicalJson(m[which] as JsonValue)]),
            );
            expect(splice(spliced)).toBe(canonicalJson(record as JsonValue));
          }
        },
      ),
      { numRuns: 300 },
    );
    // RFC 8785's order, not the engine's ("10" before "2") nor the order given.
    expect(
      canonicalObjectOf(['2', 'b', '10', 'a'])({ '2': '2', b: '"b"', '10': '10', a: '1' }),
    ).toBe('{"10":10,"2":2,"a":1,"b":"b"}');
    expect(canonicalObjectOf([])({})).toBe('{}');
  }, 60_000);
});
