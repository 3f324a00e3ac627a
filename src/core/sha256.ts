// SHA-256, the one digest Tally uses: of log leaves and nodes (src/log/hash.ts), submission
// bodies, definitions and published files. Text is hashed as its UTF-8 bytes.
import { createHash, hash } from 'node:crypto';

export function sha256(...parts: readonly (Uint8Array | string)[]): Uint8Array {
  const h = createHash('sha256');
  for (const part of parts) h.update(part);
  return new Uint8Array(h.digest());
}

/** The digest as 64 lower-case hex digits, as files, bodies and definitions are named by it. */
export function sha256Hex(...parts: readonly (Uint8Array | string)[]): string {
  // One part (nearly always): the one-shot digest, without a Hash object.
  if (parts.length === 1) return hash('sha256', parts[0] as Uint8Array | string, 'hex');
  const h = createHash('sha256');
  for (const part of parts) h.update(part);
  return h.digest('hex');
}
