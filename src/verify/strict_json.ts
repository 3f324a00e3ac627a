// JSON as the verifier reads a published feed: parsed, and every object key stated twice named.
// JSON.parse keeps the last of two equal keys and many other parsers the first, so a file that
// states a key twice can say one thing to the verifier and another to its readers.

export interface StrictJson {
  readonly value: unknown;
  /** Where a key is stated a second time in its object: `areas.0.contests.0.total.counts.ada`. */
  readonly duplicateKeys: readonly string[];
}

/** JSON text parsed, with its duplicate keys; undefined when it is not JSON. */
export function parseStrictJson(text: string): StrictJson | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
  return { value, duplicateKeys: duplicateKeysOf(text) };
}

interface Scope {
  /** An object's keys so far, or undefined for an array. */
  readonly keys: Set<string> | undefined;
  /** The object's current key, or the array's current index. */
  at: string | number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * The keys stated twice in their object, by path. Runs over text JSON.parse has accepted, so a
 * string is a key exactly when a colon follows it.
 */
function duplicateKeysOf(text: string): string[] {
  const found: string[] = [];
  const scopes: Scope[] = [];
  const pathTo = (key: string): string =>
    [...scopes.slice(0, -1).map((s) => String(s.at)), key].join('.');
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const start = i;
      let escaped = false;
      for (i++; text.charCodeAt(i) !== QUOTE; i++) {
        if (text.charCodeAt(i) === BACKSLASH) {
          escaped = true;
          i++;
        }
      }
      let next = i + 1;
      while (/\s/.test(text.charAt(next))) next++;
      const scope = scopes.at(-1);
      if (text.charAt(next) !== ':' || scope?.keys === undefined) continue;
      const raw = text.slice(start, i + 1);
      const key = escaped ? (JSON.parse(raw) as string) : raw.slice(1, -1);
      if (scope.keys.has(key)) found.push(pathTo(key));
      scope.keys.add(key);
      scope.at = key;
    } else if (c === 0x7b /* { */) {
      scopes.push({ keys: new Set(), at: '' });
    } else if (c === 0x5b /* [ */) {
      scopes.push({ keys: undefined, at: 0 });
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      scopes.pop();
    } else if (c === 0x2c /* , */) {
      const scope = scopes.at(-1);
      if (scope?.keys === undefined && typeof scope?.at === 'number') scope.at++;
    }
  }
  return found;
}
