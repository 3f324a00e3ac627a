// What an evidence file may be: a photo, as JPEG, PNG or WebP, its type told by its first bytes
// as well as by its sender, so that nothing else is kept and served as one.

export const EVIDENCE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type EvidenceType = (typeof EVIDENCE_TYPES)[number];

/** The largest evidence file kept: a phone's photo of a tally sheet. */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0): boolean =>
  prefix.every((b, i) => bytes[at + i] === b);

/** The photo type the bytes are, if they are one of the kinds kept. */
export function evidenceTypeOf(bytes: Uint8Array): EvidenceType | undefined {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  // RIFF....WEBP
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8))
    return 'image/webp';
  return undefined;
}
