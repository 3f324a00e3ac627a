// RFC 8785 (JSON Canonicalization Scheme): the one byte form of every JSON object Tally signs
// or hashes. Serialisation is the `canonicalize` library's; this module narrows its input to
// JSON values and rejects what RFC 8785 forbids (lone surrogates, non-finite numbers).
//
// RFC 8785 writes strings and numbers exactly as JSON.stringify does and differs from it only in
// key order. A value whose every object already lists its keys in canonical order (as one parsed
// from canonical text does: every log entry, every signed submission) is therefore written by
// the engine's JSON.stringify, many times faster; any other value goes through the library.
import canonicalize from 'canonicalize';
import { isWellFormedText } from './text.js';

export type JsonValue =
  null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

export function canonicalJson(value: JsonValue): string {
  const text = checkValue(value) ? JSON.stringify(value) : canonicalize(value);
  if (text === undefined) throw new Error('canonical JSON: value has no JSON form');
  return text;
}

/**
 * The canonical JSON of an object whose members' values are canonical JSON already (a signed
 * submission inside its log entry, a manifest inside its signed file): spliced in as they are,
 * not parsed and written again, under their keys in RFC 8785 order.
 */
export function canonicalObject(members: Readonly<Record<string, string>>): string {
  return splicer(Object.keys(members).sort())(members);
}

/**
 * canonicalObject for objects that always have the same keys (every log entry of one type): their
 * order and JSON are worked out once, and each object is then only spliced together, as fast as
 * splicing by hand (this is on ingest's path for every submission).
 */
export function canonicalObjectOf<Key extends string>(
  keys: readonly Key[],
): (members: Readonly<Record<Key, string>>) => string {
  return splicer([...new Set(keys)].sort());
}

/**
 * Splices members under keys given distinct and in RFC 8785 order, which is what
 * Array.prototype.sort gives: it compares UTF-16 code units.
 */
function splicer<Key extends string>(
  ordered: readonly Key[],
): (members: Readonly<Record<Key, string>>) => string {
  if (ordered.length === 0) return () => '{}';
  const prefixes = ordered.map((key, i) => `${i === 0 ? '{' : ','}${canonicalJson(key)}:`);
  return (members) => {
    let text = '';
    for (let i = 0; i < ordered.length; i++) {
      text += `${prefixes[i] as string}${(members[ordered[i] as Key] as string | undefined) ?? 'null'}`;
    }
    return `${text}}`;
  };
}

export function canonicalJsonBytes(value: JsonValue): Uint8Array {
  return new TextEncoder().encode(canonicalJson(value));
}

/**
 * Throws on what has no canonical form (a programming error, not an input error: callers parse
 * input into JsonValue first). True when JSON.stringify writes the value canonically: plain
 * objects with their keys in RFC 8785 order (UTF-16 code units) and no undefined members.
 */
function checkValue(value: JsonValue): boolean {
  if (typeof value === 'string') {
    if (!isWellFormedText(value)) throw new Error('canonical JSON: lone surrogate in string');
    return true;
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('canonical JSON: number is not finite');
    return true;
  }
  if (value === null || typeof value !== 'object') return typeof value === 'boolean';
  let plain = true;
  if (Array.isArray(value)) {
    // Typed as JSON, but an array may still hold undefined, which the library writes as null.
    for (const item of value as readonly (JsonValue | undefined)[]) {
      if (item === undefined) plain = false;
      else if (!checkValue(item)) plain = false;
    }
    return plain;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) plain = false;
  let previous: string | undefined;
  const record = value as { readonly [key: string]: JsonValue };
  for (const key of Object.keys(record)) {
    if (!isWellFormedText(key)) throw new Error('canonical JSON: lone surrogate in string');
    if (previous !== undefined && !(previous < key)) plain = false;
    previous = key;
    const item = record[key];
    if (item === undefined) plain = false;
    else if (!checkValue(item)) plain = false;
  }
  return plain;
}
