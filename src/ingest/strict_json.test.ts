import { parse as parseAst, type AnyNode } from '@humanwhocodes/momoa';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { duplicateKey, parseStrictJson } from './strict_json.js';
import { isWellFormedText } from '../core/text.js';

/** The slow, obvious answer from a full JSON syntax tree (momoa), to check the fast scanner. */
function duplicateByTree(node: AnyNode): string | undefined {
  if (node.type === 'Object') {
    const seen = new Set<string>();
    for (const member of node.members) {
      const key = member.name.type === 'String' ? member.name.value : member.name.name;
      if (seen.has(key)) return key;
      seen.add(key);
      const inner = duplicateByTree(member.value);
      if (inner !== undefined) return inner;
    }
  } else if (node.type === 'Array') {
    for (const element of node.elements) {
      const inner = duplicateByTree(element.value);
      if (inner !== undefined) return inner;
    }
  }
  return undefined;
}

describe('strict JSON', () => {
  it('accepts JSON with distinct keys in every object', () => {
    expect(
      parseStrictJson('{"a":1,"b":{"a":[{"a":2},{"a":3}]},"c":"{\\"a\\":1,\\"a\\":2}"}'),
    ).toEqual({
      ok: true,
      value: { a: 1, b: { a: [{ a: 2 }, { a: 3 }] }, c: '{"a":1,"a":2}' },
    });
  });

  it('rejects a key that appears twice in one object, however deep', () => {
    const parsed = parseStrictJson('{"a":{"b":[1,{"c":1,"d":2,"c":3}]}}');
    expect(parsed.ok || parsed.error).toMatchObject({
      code: 'duplicate_key',
      details: { key: 'c' },
    });
  });

  it('compares keys after unescaping', () => {
    expect(duplicateKey('{"a":1,"\\u0061":2}')).toBe('a');
    expect(duplicateKey('{"\\"":1,"\\u0022":2}')).toBe('"');
  });

  it('rejects what is not UTF-8 or not JSON', () => {
    expect(parseStrictJson(new Uint8Array([0x7b, 0xff, 0x7d])).ok).toBe(false);
    expect(parseStrictJson('{"a":1,}').ok).toBe(false);
  });

  it('rejects an escaped lone surrogate in any string, key or value, and keeps escaped pairs', () => {
    for (const text of [
      '{"signer":"\\udc00"}',
      '{"a":["x\\ud800"]}',
      '{"\\udbff":1}',
      '["\\ud83d\\ud83d\\ude00"]',
      '"\\udc00\\ud800"',
    ]) {
      const parsed = parseStrictJson(text);
      expect(parsed.ok || parsed.error.code, text).toBe('malformed_json');
    }
    expect(parseStrictJson('{"a":"\\ud83d\\ude00 \\\\udc00"}')).toEqual({
      ok: true,
      value: { a: '\u{1f600} \\udc00' },
    });
  });

  it('accepts a text exactly when every string in it is well-formed Unicode (property)', () => {
    const wellFormed = (v: unknown): boolean =>
      typeof v === 'string'
        ? isWellFormedText(v)
        : Array.isArray(v)
          ? v.every(wellFormed)
          : typeof v === 'object' && v !== null
            ? Object.entries(v).every(([k, x]) => isWellFormedText(k) && wellFormed(x))
            : true;
    const unpaired = fc.integer({ min: 0xd800, max: 0xdfff }).map(String.fromCharCode);
    const text = fc.oneof(
      fc.json({ noUnicodeString: false }),
      fc
        .tuple(fc.string(), unpaired, fc.string())
        .map(([a, s, b]) => JSON.stringify({ [a]: [b + s] })),
    );
    fc.assert(
      fc.property(text, (t) => {
        const parsed = parseStrictJson(t);
        const value: unknown = JSON.parse(t);
        if (parsed.ok || parsed.error.code !== 'duplicate_key') {
          expect(parsed.ok).toBe(wellFormed(value));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('finds a duplicate exactly when a full syntax tree does (property)', () => {
    const withDuplicates = fc
      .tuple(fc.json(), fc.string({ maxLength: 3 }), fc.json())
      .map(
        ([inner, key, other]) =>
          `{"${JSON.stringify(key).slice(1, -1)}":${inner},"k":[${other}],"${JSON.stringify(key).slice(1, -1)}":0}`,
      );
    fc.assert(
      fc.property(fc.oneof(fc.json(), withDuplicates), (text) => {
        expect(duplicateKey(text)).toBe(duplicateByTree(parseAst(text).body));
      }),
      { numRuns: 2000 },
    );
  });
});
