// What the staff application and the precinct reporter app share about their messages: how the
// language to show is chosen, and ICU messages formatted from a language's catalog (made once per
// message). Each keeps its own catalogs (src/web/staff/messages.ts, src/web/reporter/messages.ts).
import { IntlMessageFormat } from 'intl-messageformat';

/**
 * The language to show: the one asked for in the address (`?lang=`), else the one chosen before
 * (kept in the browser), else the first of the browser's preferences the app has (by primary
 * subtag: `fr-BE` is French), else `fallback`.
 */
export function chooseLanguageOf<L extends string>(
  has: (tag: string) => tag is L,
  fallback: L,
  choice: {
    readonly query: string | null;
    readonly stored: string | null;
    readonly preferred: readonly string[];
  },
): L {
  for (const tag of [choice.query, choice.stored]) {
    if (tag !== null && has(tag)) return tag;
  }
  for (const tag of choice.preferred) {
    const primary = tag.split('-')[0]?.toLowerCase() ?? '';
    if (has(primary)) return primary;
  }
  return fallback;
}

export type MessageValues = Record<string, string | number | Date>;

/** A language's messages, each formatted by intl-messageformat, made when first asked for. */
export class CatalogMessages<K extends string, L extends string> {
  private readonly formats = new Map<K, IntlMessageFormat>();

  constructor(
    readonly language: L,
    private readonly catalog: Readonly<Record<K, string>>,
  ) {}

  t(key: K, values?: MessageValues): string {
    let format = this.formats.get(key);
    if (format === undefined) {
      format = new IntlMessageFormat(this.catalog[key], this.language);
      this.formats.set(key, format);
    }
    return String(format.format(values));
  }
}
