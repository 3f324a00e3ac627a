// Text checks shared by every format Tally reads or signs.

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** True when the string is valid Unicode: no lone surrogates, so it has a UTF-8 form. */
export function isWellFormedText(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}
