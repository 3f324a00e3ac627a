// Every published test vector under ../shared/vectors that the log core answers to.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBase64, decodeHex, encodeHex } from '../../src/log/encoding.js';
import { asHash, leafHash, type Hash } from '../../src/log/hash.js';
import { Log } from '../../src/log/log.js';
import { MemoryLogStorage } from '../../src/log/memory_storage.js';
import { openNote, parseSignerKey, parseVerifierKey, signNote } from '../../src/log/note.js';
import { verifyConsistency, verifyInclusion } from '../../src/log/proof.js';
import { vectorsDir } from './shared.js';

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.json'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

const b64 = (text: string): Uint8Array => {
  // Corrupted cases include empty and odd-length "hashes": decode them as bytes, not as Hash.
  const bytes = text === '' ? new Uint8Array() : decodeBase64(text);
  if (bytes === undefined) throw new Error(`bad base64 in vector: ${text}`);
  return bytes;
};

interface InclusionCase {
  leafIdx: number;
  treeSize: number;
  root: string;
  leafHash: string;
  proof: string[] | null;
  desc: string;
  wantErr: boolean;
}

interface ConsistencyCase {
  size1: number;
  size2: number;
  root1: string;
  root2: string;
  proof: string[] | null;
  desc: string;
  wantErr: boolean;
}

describe.skipIf(vectorsDir === undefined)('published vectors', () => {
  const dir = vectorsDir ?? '';
  const read = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

  describe('merkle/inclusion (transparency-dev/merkle)', () => {
    const cases = vectorsDir === undefined ? [] : files(join(dir, 'merkle', 'inclusion'));
    it('has cases', () => {
      expect(cases.length).toBeGreaterThan(40);
    });
    it.each(cases.map((f) => [relative(dir, f), f]))('%s', (_, path) => {
      const c = read(path) as InclusionCase;
      const leaf = b64(c.leafHash);
      const result =
        leaf.length === 32
          ? verifyInclusion(
              leaf as Hash,
              BigInt(c.leafIdx),
              BigInt(c.treeSize),
              (c.proof ?? []).map(b64),
              b64(c.root),
            )
          : { ok: false };
      expect(!result.ok, c.desc).toBe(c.wantErr);
    });
  });

  describe('merkle/consistency (transparency-dev/merkle)', () => {
    const cases = vectorsDir === undefined ? [] : files(join(dir, 'merkle', 'consistency'));
    it('has cases', () => {
      expect(cases.length).toBeGreaterThan(20);
    });
    it.each(cases.map((f) => [relative(dir, f), f]))('%s', (_, path) => {
      const c = read(path) as ConsistencyCase;
      const result = verifyConsistency(
        BigInt(c.size1),
        BigInt(c.size2),
        (c.proof ?? []).map(b64),
        b64(c.root1),
        b64(c.root2),
      );
      expect(!result.ok, c.desc).toBe(c.wantErr);
    });
  });

  it('merkle-rfc6962.json: hashes and the root of every size', async () => {
    const v = read(join(dir, 'merkle-rfc6962.json')) as {
      emptyTreeRootHex: string;
      emptyLeafHashHex: string;
      leafL123456HashHex: string;
      leafInputsHex: string[];
      rootsBySizeHex: Record<string, string>;
    };
    const log = await Log.open(new MemoryLogStorage());
    expect(encodeHex(log.root())).toBe(v.emptyTreeRootHex);
    expect(encodeHex(leafHash(new Uint8Array()))).toBe(v.emptyLeafHashHex);
    expect(encodeHex(leafHash(new TextEncoder().encode('L123456')))).toBe(v.leafL123456HashHex);
    for (const input of v.leafInputsHex) await log.append([decodeHex(input)!]);
    for (const [size, root] of Object.entries(v.rootsBySizeHex)) {
      const computed = await log.rootAt(BigInt(size));
      expect(computed.ok && encodeHex(computed.value), `size ${size}`).toBe(root);
    }
    expect(asHash(log.root())).toBeDefined();
  });

  it('signed-note.json: examples verify, signing is byte for byte, negatives are rejected', () => {
    interface Vectors {
      c2spExample: { verifierKey: string; note: string };
      goNoteTest: {
        signerKey: string;
        verifierKey: string;
        otherVerifierKey: string;
        text: string;
        signatureLines: string[];
      };
    }
    const v = read(join(dir, 'signed-note.json')) as Vectors;
    const key = (text: string) => {
      const parsed = parseVerifierKey(text);
      if (!parsed.ok) throw new Error(parsed.error.message);
      return parsed.value;
    };
    expect(openNote(v.c2spExample.note, [key(v.c2spExample.verifierKey)]).ok).toBe(true);

    const go = v.goNoteTest;
    const signer = parseSignerKey(go.signerKey);
    if (!signer.ok) throw new Error(signer.error.message);
    const [peterLine = '', enochLine = ''] = go.signatureLines.map((l) => `${l}\n`);
    expect(signNote(go.text, [signer.value])).toEqual({
      ok: true,
      value: `${go.text}\n${peterLine}`,
    });
    const both = `${go.text}\n${peterLine}${enochLine}`;
    const opened = openNote(both, [key(go.verifierKey), key(go.otherVerifierKey)]);
    expect(opened.ok && opened.value.signatures.length).toBe(2);

    const peter = [key(go.verifierKey)];
    const signed = `${go.text}\n${peterLine}`;
    const many = Array.from({ length: 101 }, () => enochLine).join('');
    const negatives: [string, Uint8Array | string, ReturnType<typeof key>[]][] = [
      ['more than 100 signature lines', `${go.text}\n${many}`, peter],
      ['missing final newline', signed.slice(0, -1), peter],
      ['text beginning with 0x01', Buffer.concat([Buffer.from([1]), Buffer.from(signed)]), peter],
      [
        'text beginning with 0xff',
        Buffer.concat([Buffer.from([0xff]), Buffer.from(signed)]),
        peter,
      ],
      ['text after the signature lines', `${signed}more\n`, peter],
      ['two verifier keys with the same name and id', signed, [...peter, ...peter]],
    ];
    for (const [what, note, verifiers] of negatives) {
      expect(openNote(note, verifiers).ok, what).toBe(false);
    }
  });
});
