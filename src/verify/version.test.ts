import { sha256Hex } from '../core/sha256.js';
import { describe, expect, it } from 'vitest';
import { CURRENT_FORMAT, MANIFEST_CONTEXT, MANIFEST_FORMAT } from '../formats/manifest.js';
import { signObject } from '../log/envelope.js';
import { verifierFromPublicKey, type Signer } from '../log/note.js';
import { testSigner } from '../log/testonly/signers.js';
import { readVersion } from './version.js';
import type { VerifyProblem } from './verify.js';

const key = testSigner('tally.test');
const trusted = [verifierFromPublicKey(key.name, key.publicKey)];
const encode = (value: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(value));
const manifest = {
  format: MANIFEST_FORMAT,
  election: 'sample-2026',
  version: 1,
  generatedAt: '2026-11-03T22:00:00Z',
  test: true,
  logSize: 3,
  checkpoint: 'checkpoint\n',
  build: {
    tally: '0.1.0',
    languages: ['en'],
    issuer: 'Sample County',
    siteUrl: null,
    trendPoints: 120,
    logKey: 'tally.test+00000000+AAAA',
    manifestKey: 'tally.test+00000000+AAAA',
  },
  files: {},
};

/** current.json and the manifest it names, signed by `signer`; `change` alters the files. */
function site(signer: Signer = key, change: (files: Map<string, Uint8Array>) => void = () => {}) {
  const signed = encode({
    manifest,
    ...signObject(MANIFEST_CONTEXT, manifest, signer),
  });
  const files = new Map<string, Uint8Array>([
    ['v/1/manifest.json', signed],
    [
      'current.json',
      encode({
        format: CURRENT_FORMAT,
        election: 'sample-2026',
        version: 1,
        path: 'v/1/',
        generatedAt: manifest.generatedAt,
        logSize: 3,
        test: true,
        manifestSha256: sha256Hex(signed),
      }),
    ],
  ]);
  change(files);
  return (path: string) => Promise.resolve(files.get(path));
}

async function read(reader: ReturnType<typeof site>) {
  const problems: VerifyProblem[] = [];
  const version = await readVersion(reader, trusted, problems);
  return { version, codes: problems.map((p) => p.code) };
}

describe('the version a site points to', () => {
  it('is the manifest current.json names, signed by a trusted key', async () => {
    const { version, codes } = await read(site());
    expect(codes).toEqual([]);
    expect(version?.base).toBe('v/1/');
    expect(version?.manifest.logSize).toBe(3);
  });

  it('is missing, or unreadable, with no current.json or manifest to go on', async () => {
    expect(await read(site(key, (f) => f.delete('current.json')))).toEqual({
      version: undefined,
      codes: ['file_missing'],
    });
    expect(await read(site(key, (f) => f.set('current.json', encode({ path: 'x' }))))).toEqual({
      version: undefined,
      codes: ['malformed_file'],
    });
    expect(await read(site(key, (f) => f.delete('v/1/manifest.json')))).toEqual({
      version: undefined,
      codes: ['file_missing'],
    });
  });

  it('is named, and read on, when signed by an untrusted key or not the one current.json names', async () => {
    const untrusted = await read(site(testSigner('mallory')));
    expect(untrusted.codes).toEqual(['manifest_signature']);
    expect(untrusted.version).toBeDefined();
    const swapped = await read(
      site(key, (f) =>
        f.set(
          'v/1/manifest.json',
          new TextEncoder().encode(
            ' '.concat(new TextDecoder().decode(f.get('v/1/manifest.json'))),
          ),
        ),
      ),
    );
    expect(swapped.codes).toEqual(['file_mismatch']);
  });
});
