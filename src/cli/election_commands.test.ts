import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleDefinition, sampleSubmission } from '../core/testonly/fixtures.js';
import { generateSigner, parseSignerKey } from '../log/note.js';
import { startServer, type RunningServer } from '../server/server.js';
import { openStore, type Store } from '../store/store.js';
import { runCli } from './program.js';

async function tally(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe('tally election, keys and submit', () => {
  let dir: string;
  let data: string[];
  let authorityVerifier: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tally-cli-'));
    data = ['--data-dir', join(dir, 'data')];
    const keygen = await tally('keygen', '--name', 'authority.sample');
    const signerLine = /PRIVATE\+KEY\+\S+/.exec(keygen.out)![0];
    authorityVerifier = /verifier key \(publish it\): (\S+)/.exec(keygen.out)![1]!;
    await writeFile(join(dir, 'authority.key'), signerLine);
    await writeFile(
      join(dir, 'election.json'),
      JSON.stringify(sampleDefinition([authorityVerifier])),
    );
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('imports a Tally election definition once, and says so the second time', async () => {
    const first = await tally('election', 'import', join(dir, 'election.json'), ...data);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(
      /imported election "sample-2026".*\n.*8 units \(5 reporting\), 3 contests, 2 vote types, TEST/,
    );
    const again = await tally('election', 'import', join(dir, 'election.json'), ...data);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/already in the store/);
  });

  it('refuses a definition that breaks the rules, naming where', async () => {
    const bad = {
      ...sampleDefinition([authorityVerifier]),
      id: 'bad-one',
      units: [
        { id: 'root', name: { en: 'Root' }, type: 'state' },
        { id: 'a', name: { en: 'A' }, type: 'x', parent: 'nowhere' },
      ],
    };
    await writeFile(join(dir, 'bad.json'), JSON.stringify(bad));
    const result = await tally('election', 'import', join(dir, 'bad.json'), ...data);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/unit "a" names unknown parent "nowhere"/);
  });

  it('issues a unit key into a file only its owner can read, and revokes it', async () => {
    const keyFile = join(dir, 'n-2.key');
    const issued = await tally(
      'keys',
      'issue',
      '--election',
      'sample-2026',
      '--unit',
      'n-2',
      '--authority-key-file',
      join(dir, 'authority.key'),
      '--out',
      keyFile,
      ...data,
    );
    expect(issued.code).toBe(0);
    expect(issued.out).toMatch(/certified \S+ for unit "n-2" \(log entry \d+\)/);
    expect(parseSignerKey(await readFile(keyFile, 'utf8')).ok).toBe(true);
    const verifier = /verifier key: (\S+)/.exec(issued.out)![1]!;
    const revoked = await tally(
      'keys',
      'revoke',
      '--election',
      'sample-2026',
      '--key',
      verifier,
      '--authority-key-file',
      join(dir, 'authority.key'),
      ...data,
    );
    expect(revoked.code).toBe(0);
    const twice = await tally(
      'keys',
      'revoke',
      '--election',
      'sample-2026',
      '--key',
      verifier,
      '--authority-key-file',
      join(dir, 'authority.key'),
      ...data,
    );
    expect(twice.err).toMatch(/was revoked at entry/);
  });

  it('refuses to certify with a key that is not the authority’s', async () => {
    const stranger = generateSigner('stranger');
    if (!stranger.ok) throw new Error('keygen');
    const { encodeSignerKey } = await import('../log/note.js');
    await writeFile(join(dir, 'stranger.key'), encodeSignerKey(stranger.value));
    const result = await tally(
      'keys',
      'issue',
      '--election',
      'sample-2026',
      '--unit',
      'n-1',
      '--authority-key-file',
      join(dir, 'stranger.key'),
      ...data,
    );
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/not one of the election authority's keys/);
  });

  describe('submit, against a running server', () => {
    let server: RunningServer;
    let store: Store;

    beforeAll(async () => {
      store = await openStore({ dialect: 'sqlite', file: join(dir, 'data', 'tally.db') });
      const logKey = generateSigner('tally.test');
      if (!logKey.ok) throw new Error('keygen');
      server = await startServer({ store, logSigner: logKey.value });
    });

    afterAll(async () => {
      await server.close();
      await store.close();
    });

    it('signs the results file, sends it, and prints the receipt', async () => {
      const keyFile = join(dir, 'n-1.key');
      await tally(
        'keys',
        'issue',
        '--election',
        'sample-2026',
        '--unit',
        'n-1',
        '--authority-key-file',
        join(dir, 'authority.key'),
        '--out',
        keyFile,
        ...data,
      );
      await writeFile(join(dir, 'results.json'), JSON.stringify(sampleSubmission('n-1')));
      const sent = await tally(
        'submit',
        join(dir, 'results.json'),
        '--key-file',
        keyFile,
        '--server',
        server.url,
      );
      expect(sent.code).toBe(0);
      expect(JSON.parse(sent.out)).toMatchObject({ receipt: { status: 'accepted', unit: 'n-1' } });
      const wrongUnit = await tally(
        'submit',
        join(dir, 'results.json'),
        '--key-file',
        join(dir, 'n-2.key'),
        '--server',
        server.url,
      );
      expect(wrongUnit.code).toBe(1);
      expect(wrongUnit.out).toMatch(/key_not_for_unit/);
    });

    it('says clearly when the results file is not a submission', async () => {
      await writeFile(join(dir, 'junk.json'), '{"hello":1}');
      const sent = await tally(
        'submit',
        join(dir, 'junk.json'),
        '--key-file',
        join(dir, 'n-1.key'),
        '--server',
        server.url,
      );
      expect(sent.code).toBe(1);
      expect(sent.err).toMatch(/is not a valid submission/);
    });
  });
});
