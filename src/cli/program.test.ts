import fc from 'fast-check';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './program.js';

async function tally(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)));
}

describe('tally --version', () => {
  it('prints the package’s version', async () => {
    const pkg = JSON.parse(
      await readFile(new URL('../../package.json', import.meta.url), 'utf8'),
    ) as { version: string };
    for (const flag of ['--version', '-V']) {
      const { code, out } = await tally(flag);
      expect(code).toBe(0);
      expect(out).toBe(`${pkg.version}\n`);
    }
  });
});

describe('tally keygen', () => {
  it('prints a signer key and its verifier key', async () => {
    const { code, out } = await tally('keygen', '--name', 'results.example.gov/2026-general');
    expect(code).toBe(0);
    expect(out).toMatch(/PRIVATE\+KEY\+results\.example\.gov\/2026-general\+[0-9a-f]{8}\+\S+/);
    expect(out).toMatch(
      /verifier key \(publish it\): results\.example\.gov\/2026-general\+[0-9a-f]{8}\+\S+/,
    );
  });

  it('refuses a name with a space', async () => {
    const { code, err } = await tally('keygen', '--name', 'two words');
    expect(code).toBe(1);
    expect(err).toMatch(/not a valid key name/);
  });

  it('has --help', async () => {
    const { code, out } = await tally('keygen', '--help');
    expect(code).toBe(0);
    expect(out).toMatch(/--name <name>/);
  });
});

describe('tally log demo and tally log verify', () => {
  let dir: string;
  let key: string;
  let pristine: Map<string, Buffer>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tally-log-'));
    const { code, out } = await tally('log', 'demo', dir, '--entries', '600');
    expect(code).toBe(0);
    key = /verifier key: (\S+)/.exec(out)![1]!;
    pristine = new Map();
    for (const file of await filesUnder(dir)) pristine.set(file, await readFile(join(dir, file)));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes a checkpoint, tiles and entry bundles in the tlog-tiles layout', () => {
    expect([...pristine.keys()].sort()).toEqual([
      'checkpoint',
      'tile/0/000',
      'tile/0/001',
      'tile/0/002.p/88',
      'tile/1/000.p/2',
      'tile/entries/000',
      'tile/entries/001',
      'tile/entries/002.p/88',
    ]);
  });

  it('accepts the demo log and prints its size and root', async () => {
    const { code, out } = await tally('log', 'verify', dir, '--key', key);
    expect(code).toBe(0);
    expect(out).toMatch(/log verified: demo\.tally\.example\/log/);
    expect(out).toMatch(/size 600 \(600 entries checked\)/);
  });

  it('rejects it after any one byte of the checkpoint, a tile or an entry bundle changes', async () => {
    for (const [file, bytes] of pristine) {
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 0, max: bytes.length - 1 }),
          fc.integer({ min: 1, max: 255 }),
          async (at, mask) => {
            const changed = Buffer.from(bytes);
            changed[at] = changed[at]! ^ mask;
            await writeFile(join(dir, file), changed);
            try {
              const { code, err } = await tally('log', 'verify', dir, '--key', key);
              return code === 1 && /log verification FAILED: .+/.test(err);
            } finally {
              await writeFile(join(dir, file), bytes);
            }
          },
        ),
        { numRuns: 25 },
      );
    }
    // Hundreds of verifications: a loaded machine needs more than the default 5 s, and a
    // timed-out run would go on changing files under the tests after it.
  }, 60_000);

  it('says which tile is wrong', async () => {
    const tile = pristine.get('tile/1/000.p/2')!;
    const changed = Buffer.from(tile);
    changed[40] = changed[40]! ^ 0xff;
    await writeFile(join(dir, 'tile/1/000.p/2'), changed);
    try {
      const { err } = await tally('log', 'verify', dir, '--key', key);
      expect(err).toMatch(/hash 1 of tile\/1\/000\.p\/2 \(node 1 at tree level 8\)/);
    } finally {
      await writeFile(join(dir, 'tile/1/000.p/2'), tile);
    }
  });

  it('rejects a log when the checkpoint is checked against another key', async () => {
    const other = await tally('keygen', '--name', 'demo.tally.example/log');
    const otherKey = /verifier key \(publish it\): (\S+)/.exec(other.out)![1]!;
    const { code, err } = await tally('log', 'verify', dir, '--key', otherKey);
    expect(code).toBe(1);
    expect(err).toMatch(/no signature by a known key/);
  });

  it('verifies the same log served over HTTP', async () => {
    const server: Server = createServer((request, response) => {
      const body = pristine.get((request.url ?? '/').slice(1));
      response.writeHead(body === undefined ? 404 : 200).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const { code, out } = await tally('log', 'verify', `http://127.0.0.1:${port}/`, '--key', key);
      expect(code).toBe(0);
      expect(out).toMatch(/size 600/);
    } finally {
      server.close();
    }
  });

  it('exits non-zero with a usage message when the key is missing', async () => {
    const { code, err } = await tally('log', 'verify', dir);
    expect(code).not.toBe(0);
    expect(err).toMatch(/--key/);
  });
});
