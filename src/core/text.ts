// Text checks shared by every format Tally reads or signs.

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** True when the text holds an ASCII control character other than newline. */
export function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 0x0a) return true;
  }
  return false;
}

/** True when the string is valid Unicode: no lone surrogates, so it has a UTF-8 form. */
export function isWellFormedText(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}

/** The text with each lone surrogate replaced by U+FFFD, as String.prototype.toWellFormed. */
export function toWellFormedText(text: string): string {
  return text.replace(new RegExp(LONE_SURROGATE, 'g'), '\ufffd');
}
