// JSON as Tally accepts it from the outside: UTF-8, one value, no object with the same key twice
// (JSON.parse would silently keep the last one, so two readers could disagree), and no string
// with an escaped lone surrogate ("\udc00": it has no UTF-8 form, so it can be neither signed,
// logged nor stored).
import { err, ok, problem, type Problem, type Result } from '../core/result.js';
import { isWellFormedText } from '../core/text.js';

export type StrictJsonProblem = Problem<'malformed_json' | 'duplicate_key'>;

const decoder = new TextDecoder('utf-8', { fatal: true });

export function parseStrictJson(body: Uint8Array | string): Result<unknown, StrictJsonProblem> {
  let text: string;
  try {
    text = typeof body === 'string' ? body : decoder.decode(body);
  } catch {
    return err(problem('malformed_json', 'the body is not valid UTF-8'));
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return err(problem('malformed_json', `the body is not valid JSON: ${(e as Error).message}`));
  }
  const found = scanStrings(text, true);
  if (found === LONE_SURROGATE) {
    return err(
      problem('malformed_json', 'the body holds a lone surrogate (\\ud800 to \\udfff unpaired)'),
    );
  }
  const duplicate = found;
  if (duplicate !== undefined) {
    return err(
      problem('duplicate_key', `the key "${duplicate}" appears twice in one object`, {
        key: duplicate,
      }),
    );
  }
  return ok(value);
}

/** The first key that appears twice in one object of a text JSON.parse accepted. */
export function duplicateKey(json: string): string | undefined {
  const found = scanStrings(json, false);
  return found === LONE_SURROGATE ? undefined : found;
}

const LONE_SURROGATE = Symbol('lone surrogate');
/** Only an escape can spell a surrogate in text that was decoded from UTF-8. */
const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F]/;

/**
 * One pass over a text JSON.parse accepted, no tree (ingest reads every body): the first string
 * with an escaped lone surrogate, else the first key that appears twice in one object, compared
 * after unescaping ("a" and "\u0061" are the same key).
 */
function scanStrings(
  json: string,
  surrogates: boolean,
): string | typeof LONE_SURROGATE | undefined {
  // One entry per open container: the keys seen so far in an object, null for an array.
  const open: (Set<string> | null)[] = [];
  let keyNext = false;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (c === 0x22) {
      let end = i + 1;
      let escaped = false;
      for (;;) {
        const d = json.charCodeAt(end);
        if (d === 0x5c) {
          escaped = true;
          end += 2;
        } else if (d === 0x22) {
          break;
        } else {
          end++;
        }
      }
      const keys = open[open.length - 1];
      const literal = json.slice(i, end + 1);
      const unescaped =
        escaped && (keyNext || (surrogates && SURROGATE_ESCAPE.test(literal)))
          ? (JSON.parse(literal) as string)
          : undefined;
      if (surrogates && unescaped !== undefined && !isWellFormedText(unescaped)) {
        return LONE_SURROGATE;
      }
      if (keyNext && keys) {
        const key = unescaped ?? json.slice(i + 1, end);
        if (keys.has(key)) return key;
        keys.add(key);
        keyNext = false;
      }
      i = end;
    } else if (c === 0x7b) {
      open.push(new Set());
      keyNext = true;
    } else if (c === 0x5b) {
      open.push(null);
      keyNext = false;
    } else if (c === 0x7d || c === 0x5d) {
      open.pop();
      keyNext = false;
    } else if (c === 0x2c) {
      keyNext = open[open.length - 1] != null;
    }
  }
  return undefined;
}
