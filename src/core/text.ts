// Text checks shared by every format Tally reads or signs.
import { isUtf8 } from 'node:buffer';

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
  return text.isWellFormed();
}

/**
 * UTF-8 bytes as text, read as a strict TextDecoder reads them (a leading byte order mark
 * dropped), or undefined for bytes that are not UTF-8. Unlike TextDecoder, it reads bytes in
 * shared memory too, where they are, without a copy: a verifier's workers share the log.
 */
export function strictUtf8Text(bytes: Uint8Array): string | undefined {
  if (!isUtf8(bytes)) return undefined;
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The text with each lone surrogate replaced by U+FFFD, as String.prototype.toWellFormed. */
export function toWellFormedText(text: string): string {
  return text.toWellFormed();
}
