// JSON as Tally accepts it from the outside: UTF-8, one value, and no object with the same key
// twice (JSON.parse would silently keep the last one, so two readers could disagree).
import { parse as parseAst, type AnyNode } from '@humanwhocodes/momoa';
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
  let root: AnyNode;
  try {
    root = parseAst(text).body;
  } catch (e) {
    return err(problem('malformed_json', `the body is not valid JSON: ${(e as Error).message}`));
  }
  const duplicate = findDuplicateKey(root, '');
  if (duplicate !== undefined) {
    return err(
      problem(
        'duplicate_key',
        `the key "${duplicate.key}" appears twice in ${duplicate.at || 'the top-level object'}`,
        duplicate,
      ),
    );
  }
  return ok(JSON.parse(text) as unknown);
}

function findDuplicateKey(node: AnyNode, at: string): { key: string; at: string } | undefined {
  if (node.type === 'Object') {
    const seen = new Set<string>();
    for (const member of node.members) {
      const key = member.name.type === 'String' ? member.name.value : member.name.name;
      if (seen.has(key)) return { key, at };
      seen.add(key);
      const inner = findDuplicateKey(member.value, at === '' ? key : `${at}.${key}`);
      if (inner !== undefined) return inner;
    }
  } else if (node.type === 'Array') {
    for (const [i, element] of node.elements.entries()) {
      const inner = findDuplicateKey(element.value, `${at}[${i}]`);
      if (inner !== undefined) return inner;
    }
  }
  return undefined;
}
