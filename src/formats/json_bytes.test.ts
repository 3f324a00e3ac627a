import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonBytes, utf8Fragment } from './json_bytes.js';

type Write =
  | { readonly text: string }
  | { readonly number: number }
  | { readonly string: string }
  | { readonly fragment: string };

const write: fc.Arbitrary<Write> = fc.oneof(
  fc.record({ text: fc.string({ unit: 'binary' }) }),
  fc.record({ text: fc.constantFrom('{"Count":', ',', ']}', '«', '😀') }),
  fc.record({
    number: fc.oneof(
      fc.nat(),
      fc.maxSafeNat(),
      fc.integer({ min: -1_000_000, max: 1_000_000 }),
      fc.double(),
      fc.constantFrom(0, -0, 9, 10, 99, 100, 2 ** 53, 2 ** 53 + 2, 1e21, 0.1, NaN, Infinity),
    ),
  }),
  fc.record({ string: fc.string({ unit: 'binary' }) }),
  fc.record({ fragment: fc.string({ unit: 'binary', maxLength: 120 }) }),
  fc.record({ fragment: fc.constantFrom(',"GpUnitId":"ru-c001-p0001","Type":"early"}', 'é', '') }),
);

describe('JSON written as bytes', () => {
  it('is the UTF-8 of the text the same writes make, whatever is written and however long', () => {
    fc.assert(
      fc.property(fc.array(write, { maxLength: 60 }), fc.nat({ max: 64 }), (writes, capacity) => {
        const w = new JsonBytes(capacity);
        let text = '';
        for (const x of writes) {
          if ('text' in x) {
            w.text(x.text);
            text += x.text;
          } else if ('number' in x) {
            w.number(x.number);
            text += `${x.number}`;
          } else if ('string' in x) {
            w.string(x.string);
            text += JSON.stringify(x.string);
          } else {
            // Encoded once, copied as bytes: short fragments byte by byte, long ones at once.
            w.raw(utf8Fragment(x.fragment));
            text += x.fragment;
          }
        }
        expect(Buffer.from(w.bytes())).toEqual(Buffer.from(new TextEncoder().encode(text)));
      }),
      { numRuns: 500 },
    );
  });
});
