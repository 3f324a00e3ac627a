import { describe, expect, it } from 'vitest';
import { EMPTY_ROOT, sha256 } from './hash.js';
import { formatCheckpoint, openCheckpoint, parseCheckpoint, signCheckpoint } from './checkpoint.js';
import { generateSigner, type Signer } from './note.js';

function signer(): Signer {
  const s = generateSigner('tally.example/2026-general');
  if (!s.ok) throw new Error(s.error.message);
  return s.value;
}

describe('checkpoints', () => {
  const checkpoint = {
    origin: 'tally.example/2026-general',
    size: 12345n,
    root: sha256(new TextEncoder().encode('root')),
    extensions: [],
  };

  it('are the origin, the decimal size and the base64 root, a line each', () => {
    expect(formatCheckpoint({ ...checkpoint, root: EMPTY_ROOT })).toBe(
      'tally.example/2026-general\n12345\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n',
    );
  });

  it('parse back to what was written, extension lines included', () => {
    const withExtension = { ...checkpoint, extensions: ['time 1700000000'] };
    expect(parseCheckpoint(formatCheckpoint(withExtension))).toEqual({
      ok: true,
      value: withExtension,
    });
  });

  it.each([
    ['a leading zero in the size', 'o\n012\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n'],
    ['a negative size', 'o\n-1\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n'],
    [
      'a size over 64 bits',
      'o\n18446744073709551616\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n',
    ],
    ['a short root', 'o\n1\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuF=\n'],
    ['no origin', '\n1\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n'],
    ['an empty extension line', 'o\n1\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n\n'],
    ['no final newline', 'o\n1\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='],
  ])('reject %s', (_, text) => {
    const parsed = parseCheckpoint(text);
    expect(parsed.ok || parsed.error.code).toBe('malformed_checkpoint');
  });

  it('open only when signed by the given key and naming the expected origin', () => {
    const key = signer();
    const note = signCheckpoint(checkpoint, [key]);
    if (!note.ok) throw new Error(note.error.message);
    expect(openCheckpoint(note.value, [key], checkpoint.origin)).toEqual({
      ok: true,
      value: checkpoint,
    });
    const wrongOrigin = openCheckpoint(note.value, [key], 'tally.example/other');
    expect(wrongOrigin.ok || wrongOrigin.error.code).toBe('malformed_checkpoint');
    const otherKey = generateSigner(key.name);
    if (!otherKey.ok) throw new Error('keygen');
    const wrongKey = openCheckpoint(note.value, [otherKey.value]);
    expect(wrongKey.ok || wrongKey.error.code).toBe('unverified_note');
  });
});
