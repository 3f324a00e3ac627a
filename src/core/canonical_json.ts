// RFC 8785 (JSON Canonicalization Scheme): the one byte form of every JSON object Tally signs
// or hashes. Serialisation is the `canonicalize` library's; this module narrows its input to
// JSON values and rejects what RFC 8785 forbids (lone surrogates, non-finite numbers).
import canonicalize from 'canonicalize';
import { isWellFormedText } from './text.js';

export type JsonValue =
  null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

export function canonicalJson(value: JsonValue): string {
  assertCanonicalizable(value);
  const text = canonicalize(value);
  if (text === undefined) throw new Error('canonical JSON: value has no JSON form');
  return text;
}

export function canonicalJsonBytes(value: JsonValue): Uint8Array {
  return new TextEncoder().encode(canonicalJson(value));
}

// A programming error, not an input error: callers parse input into JsonValue first.
function assertCanonicalizable(value: JsonValue): void {
  if (typeof value === 'string') {
    if (!isWellFormedText(value)) throw new Error('canonical JSON: lone surrogate in string');
  } else if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('canonical JSON: number is not finite');
  } else if (Array.isArray(value)) {
    for (const item of value as readonly JsonValue[]) assertCanonicalizable(item);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      assertCanonicalizable(key);
      assertCanonicalizable(item);
    }
  }
}
