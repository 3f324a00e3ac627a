// One check for every message catalog, the public site's and the staff application's: a
// translation says each message, and uses the arguments the English one does, no more, no fewer.
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { expect } from 'vitest';

/**
 * The argument names a message uses, with their types. A plural's argument is a number: a
 * language may choose its words by the count where English need not ("Vote por # candidato").
 */
function argumentsOf(elements: readonly MessageFormatElement[]): string[] {
  return elements.flatMap((e): string[] => {
    switch (e.type) {
      case TYPE.argument:
      case TYPE.date:
      case TYPE.time:
        return [`${e.value}:${String(e.type)}`];
      case TYPE.number:
        return [`${e.value}:number`];
      case TYPE.plural:
      case TYPE.select:
        return [
          `${e.value}:${e.type === TYPE.plural ? 'number' : 'select'}`,
          ...Object.values(e.options).flatMap((o) => argumentsOf(o.value)),
        ];
      case TYPE.tag:
        return argumentsOf(e.children);
      case TYPE.literal:
      case TYPE.pound:
        return [];
    }
  });
}

/** Expects `catalog` (of `language`) to translate every English message, with its arguments. */
export function expectCompleteTranslation(
  language: string,
  catalog: Readonly<Record<string, string | undefined>>,
  english: Readonly<Record<string, string>>,
): void {
  for (const [key, source] of Object.entries(english)) {
    const text = catalog[key];
    expect(text, `${language}.${key}`).toBeDefined();
    expect(text?.trim(), `${language}.${key}`).not.toBe('');
    const mine = new Set(argumentsOf(parse(text ?? '')));
    expect(mine, `${language}.${key}`).toEqual(new Set(argumentsOf(parse(source))));
  }
}
