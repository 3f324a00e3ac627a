// JSON as Tally accepts it from the outside: UTF-8, one value, and no object with the same key
// twice (JSON.parse would silently keep the last one, so two readers could disagree).
import { err, ok, problem, type Problem, type Result } from '../core/result.js';

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
  const duplicate = duplicateKey(text);
  if (duplicate !== undefined) {
    return err(
      problem('duplicate_key', `the key "${duplicate}" appears twice in one object`, {
        key: duplicate,
      }),
    );
  }
  return ok(value);
}

/**
 * The first key that appears twice in one object of a text JSON.parse accepted, compared after
 * unescaping ("a" and "\u0061" are the same key). One pass, no tree: ingest reads every body.
 */
export function duplicateKey(json: string): string | undefined {
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
      if (keyNext && keys) {
        const key = escaped
          ? (JSON.parse(json.slice(i, end + 1)) as string)
          : json.slice(i + 1, end);
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
