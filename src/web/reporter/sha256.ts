// SHA-256 with core's signature (src/core/sha256.ts), synchronous, for the browser: the
// reporter's bundle puts it in place of core's, which is node:crypto's (src/web/build.ts), because
// the log's proof code (src/log/proof.ts) hashes synchronously as it walks a proof, and the
// browser's WebCrypto digest is asynchronous. The digest is @noble/hashes' (audited, plain
// JavaScript); photos are hashed with WebCrypto (device_key.ts). sha256.test.ts holds it to
// node:crypto.
import { sha256 as digest } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

const utf8 = new TextEncoder();

/** SHA-256 of the parts one after the other; text is hashed as its UTF-8 bytes. */
export function sha256(...parts: readonly (Uint8Array | string)[]): Uint8Array {
  const h = digest.create();
  for (const part of parts) h.update(typeof part === 'string' ? utf8.encode(part) : part);
  return h.digest();
}

/** The digest as 64 lower-case hex digits. */
export function sha256Hex(...parts: readonly (Uint8Array | string)[]): string {
  return bytesToHex(sha256(...parts));
}
