// The one-file verifier, tally-verify.mjs: built the same, byte for byte, from the same source
// wherever it sits, and run from an empty folder on plain Node.js, as a journalist runs it, or as a
// sender checks its receipt with it.
import { execFile, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleElection, sampleSubmission } from '../core/testonly/fixtures.js';
import type { Receipt } from '../ingest/receipt.js';
import { signSubmission } from '../ingest/submit_client.js';
import { importWithKeys } from '../ingest/testonly/sample_store.js';
import { encodeVerifierKey } from '../log/note.js';
import { testSigner } from '../log/testonly/signers.js';
import { startServer, type RunningServer } from '../server/server.js';
import { openStore, type Store } from '../store/store.js';
import { runCli, type CliIo } from './program.js';

const root = join(import.meta.dirname, '..', '..');
const run = promisify(execFile);

/** Builds the verifier as `npm run build:verifier` does, from the source at `from`. */
function build(from: string, outfile: string): string {
  const built = spawnSync(process.execPath, [join(from, 'scripts/build_verifier.ts'), outfile], {
    cwd: from,
    encoding: 'utf8',
  });
  expect(built.stderr).toBe('');
  expect(built.status).toBe(0);
  return built.stdout;
}

/** How a command ended: its exit code and what it printed. */
interface Ran {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

const sha256 = (file: string): string =>
  createHash('sha256').update(readFileSync(file)).digest('hex');

describe('the one-file verifier', () => {
  let dir: string;
  let store: Store;
  let server: RunningServer;
  /** An empty folder outside the checkout, holding only the verifier. */
  let alone: string;
  let bundle: string;
  let printed: string;
  const logKey = testSigner('tally.test');
  const unitKey = testSigner('n-1.app');
  /** What n-1 sent, and the files a sender keeps: the bytes sent and ingest's answer. */
  const sent = new TextEncoder().encode(
    JSON.stringify(signSubmission(sampleSubmission('n-1'), unitKey)),
  );
  let sentFile: string;
  let answerFile: string;
  let receipt: Receipt;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tally-verifier-'));
    alone = join(dir, 'alone');
    printed = build(root, join(alone, 'tally-verify.mjs'));
    bundle = join(alone, 'tally-verify.mjs');

    store = await openStore({ dialect: 'sqlite', file: join(dir, 'tally.db') });
    const authority = testSigner('authority.sample');
    await importWithKeys(store, sampleElection([encodeVerifierKey(authority)]), authority, [
      ['n-1', unitKey],
    ]);
    server = await startServer({
      store,
      logSigner: logKey,
      checkpointEveryMs: 60_000,
      publish: { siteDir: join(dir, 'site'), port: 0, thread: false },
    });
    const answer = await fetch(`${server.url}/v1/elections/sample-2026/submissions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: sent,
    });
    expect(answer.status).toBe(201);
    const answerText = await answer.text();
    receipt = (JSON.parse(answerText) as { receipt: Receipt }).receipt;
    sentFile = join(dir, 'sent.json');
    writeFileSync(sentFile, sent);
    answerFile = join(dir, 'answer.json');
    writeFileSync(answerFile, answerText);
    await server.checkpointNow();
  }, 120_000);

  afterAll(async () => {
    await server.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is the same file, byte for byte, built again from a copy of the source elsewhere', () => {
    const copy = join(dir, 'elsewhere', 'tally');
    for (const part of ['src', 'scripts', 'package.json', 'tsconfig.json']) {
      cpSync(join(root, part), join(copy, part), { recursive: true });
    }
    symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'));
    const again = join(dir, 'again.mjs');
    build(copy, again);
    expect(sha256(again)).toBe(sha256(bundle));
    expect(printed).toContain(`SHA-256 ${sha256(bundle)}`);
    const text = readFileSync(bundle, 'utf8');
    expect(text).not.toContain(root);
    expect(text).not.toContain(dir);
    // The verifier reads public files: no store, no server.
    expect(text).not.toMatch(/^\/\/ node_modules\/(better-sqlite3|pg|kysely|fastify)\//m);
  }, 120_000);

  it('says VERIFIED over HTTP, from an empty folder, on worker threads of its own file', async () => {
    const site = `${server.publicUrl ?? ''}/sample-2026/`;
    const verified = await run(
      process.execPath,
      [bundle, site, '--log-key', encodeVerifierKey(logKey), '--workers', '2'],
      { cwd: alone },
    );
    expect(verified.stdout).toMatch(/^VERIFIED: election sample-2026 version \d+/);
    // A stranger's key: the same site is not verified, and the exit code says so.
    const stranger = encodeVerifierKey(testSigner('tally.test'));
    await expect(
      run(process.execPath, [bundle, site, '--log-key', stranger], { cwd: alone }),
    ).rejects.toMatchObject({ code: 1, stdout: expect.stringMatching(/^NOT VERIFIED/) as unknown });
  }, 120_000);

  it('prints its help and the version it was built from', async () => {
    const help = await run(process.execPath, [bundle, '--help'], { cwd: alone });
    expect(help.stdout).toMatch(/^Usage: tally-verify \[options\] <url-or-dir>/);
    expect(help.stdout).toContain('--log-key');
    expect(help.stdout).toContain(
      'or: tally-verify receipt check [options] <submission> <receipt> <url-or-dir>',
    );
    expect(help.stdout).toMatch(/^Commands:\n {2}receipt /m);
    const receiptHelp = await run(process.execPath, [bundle, 'receipt', 'check', '--help'], {
      cwd: alone,
    });
    expect(receiptHelp.stdout).toMatch(
      /^Usage: tally-verify receipt check \[options\] <submission> <receipt> <url-or-dir>/,
    );
    expect(receiptHelp.stdout).toContain('--log-key');
    const version = await run(process.execPath, [bundle, '--version'], { cwd: alone });
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    expect(version.stdout).toBe(`${pkg.version}\n`);
  });

  /**
   * `tally-verify receipt check ...` from the empty folder, and `tally receipt check ...` with the
   * same arguments in this process: their exit codes and what they print.
   */
  async function checkBoth(...args: string[]): Promise<{ bundled: Ran; inRepo: Ran }> {
    const bundled = await run(process.execPath, [bundle, 'receipt', 'check', ...args], {
      cwd: alone,
    }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (e: unknown) => {
        const failed = e as Ran;
        return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
      },
    );
    let stdout = '';
    let stderr = '';
    const io: CliIo = { out: (s) => (stdout += s), err: (s) => (stderr += s) };
    const code = await runCli(['receipt', 'check', ...args], io);
    return { bundled, inRepo: { code, stdout, stderr } };
  }

  it('checks a sender’s receipt from an empty folder, as `tally receipt check` does', async () => {
    const site = `${server.publicUrl ?? ''}/sample-2026/`;
    const key = encodeVerifierKey(logKey);
    const { bundled, inRepo } = await checkBoth(sentFile, answerFile, site, '--log-key', key);
    expect(bundled).toEqual(inRepo);
    expect(bundled.code).toBe(0);
    expect(bundled.stdout).toMatch(
      /^RECEIPT CONFIRMED: entry \d+ of election sample-2026 is in the log and holds the submission sent/,
    );
    expect(bundled.stdout).toContain('recorded as accepted (original)');
    // Its options are its own, not the verifier's, wherever they stand.
    const first = await checkBoth('--log-key', key, '--workers', '2', sentFile, answerFile, site);
    expect(first.bundled).toEqual(bundled);
  }, 120_000);

  it('names what is wrong with a receipt that says other than the log, or names no entry in it', async () => {
    const site = `${server.publicUrl ?? ''}/sample-2026/`;
    const key = encodeVerifierKey(logKey);
    const claimed = join(dir, 'claimed-receipt.json');
    writeFileSync(
      claimed,
      JSON.stringify({
        ...receipt,
        status: 'rejected',
        error: { code: 'bad_signature', message: 'the signature does not verify' },
      }),
    );
    const contradicted = await checkBoth(sentFile, claimed, site, '--log-key', key);
    expect(contradicted.bundled).toEqual(contradicted.inRepo);
    expect(contradicted.bundled.code).toBe(1);
    expect(contradicted.bundled.stdout).toMatch(/^RECEIPT NOT CONFIRMED: 1 problem\(s\)/);
    expect(contradicted.bundled.stdout).toMatch(/- \[receipt_contradicted\] /);

    const beyond = join(dir, 'beyond-receipt.json');
    writeFileSync(beyond, JSON.stringify({ ...receipt, leafIndex: 1000 }));
    const missing = await checkBoth(sentFile, beyond, site, '--log-key', key);
    expect(missing.bundled).toEqual(missing.inRepo);
    expect(missing.bundled).toMatchObject({ code: 2, stdout: '' });
    expect(missing.bundled.stderr).toMatch(
      /^tally: beyond_log: .*entry 1000, but the published log/,
    );
  }, 120_000);

  it('stops in one line when the site fails to send one of the version’s files', async () => {
    const origin = server.publicUrl ?? '';
    const failing = createServer((request, response) => {
      const path = request.url ?? '/';
      // The pages are read while the log is checked: the failure comes in mid-verification.
      if (path.includes('/en/')) {
        response.writeHead(500).end();
        return;
      }
      void fetch(`${origin}${path}`).then(async (answer) => {
        response.writeHead(answer.status).end(Buffer.from(await answer.arrayBuffer()));
      });
    });
    await new Promise<void>((resolve) => failing.listen(0, '127.0.0.1', resolve));
    const { port } = failing.address() as { port: number };
    try {
      const site = `http://127.0.0.1:${String(port)}/sample-2026/`;
      const failed = run(process.execPath, [bundle, site, '--log-key', encodeVerifierKey(logKey)], {
        cwd: alone,
      });
      await expect(failed).rejects.toMatchObject({
        code: 1,
        stderr: expect.stringMatching(
          /^tally: http:\/\/127\.0\.0\.1:\d+\/sample-2026\/v\/\d+\/en\/\S+\.html: HTTP 500 Internal Server Error\n$/,
        ) as unknown,
      });
    } finally {
      failing.closeAllConnections();
      await new Promise((resolve) => failing.close(resolve));
    }
  });

  it('says in one line that a site cannot be reached, with no stack trace', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as { port: number };
    await new Promise((resolve) => closed.close(resolve));
    const url = `http://127.0.0.1:${String(port)}/sample-2026/`;
    await expect(
      run(process.execPath, [bundle, url, '--log-key', encodeVerifierKey(logKey)], {
        cwd: alone,
      }),
    ).rejects.toMatchObject({
      code: 1,
      stderr: `tally: cannot read ${url}current.json: connection refused\n`,
    });
  });
});
