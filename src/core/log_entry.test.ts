import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, type JsonValue } from './canonical_json.js';
import { sampleSubmission } from './testonly/fixtures.js';
import {
  decodeLogEntry,
  electionEntries,
  encodeLogEntry,
  encodeSubmissionEntry,
  LOG_ENTRY_FORMAT,
  type SubmissionEntry,
} from './log_entry.js';

describe('log entries', () => {
  it('a submission entry encoded from its known canonical parts is byte for byte the canonical JSON of the entry', () => {
    // Any code point in the strings: escapes and astral characters are spliced as written.
    const text = fc.string({ unit: 'binary' });
    fc.assert(
      fc.property(
        fc.record({ election: text, receivedAt: text, signer: text, signature: text }),
        fc.constantFrom('accepted', 'held'),
        fc.constantFrom('original', 'amendment', 'corroboration', 'conflict'),
        fc.array(fc.record({ code: text, message: text }), { maxLength: 3 }),
        fc.integer({ min: 1, max: 10_000 }),
        ({ election, receivedAt, signer, signature }, status, kind, warnings, sequence) => {
          const signed = { submission: sampleSubmission('n-1', { sequence }), signer, signature };
          const entry: SubmissionEntry = {
            format: LOG_ENTRY_FORMAT,
            type: 'submission',
            election,
            receivedAt,
            signed,
            status,
            kind,
            warnings,
          };
          const fast = encodeSubmissionEntry(entry, canonicalJson(signed as unknown as JsonValue));
          const canonical = canonicalJson(entry as unknown as JsonValue);
          expect(new TextDecoder().decode(fast)).toBe(canonical);
          expect(fast).toEqual(encodeLogEntry(entry));
        },
      ),
      { numRuns: 300 },
    );
  }, 60_000);

  it('a definition of any size is split into parts that each fit in an entry and join back', () => {
    const definition = JSON.stringify({ text: 'é€😀"\\'.repeat(40_000) });
    const entries = electionEntries('e', definition, 'a'.repeat(64), '2026-11-03T00:00:00Z');
    const parts = entries.slice(1).map((e) => (e.type === 'election-part' ? e.text : ''));
    expect(parts.join('')).toBe(definition);
    for (const e of entries) {
      const bytes = encodeLogEntry(e);
      expect(bytes.length).toBeLessThanOrEqual(65_535);
      expect(decodeLogEntry(bytes).ok).toBe(true);
    }
    expect(entries[0]).toMatchObject({ type: 'election', parts: entries.length - 1 });
  });
});
