// `tally verify` on a published election, clean and tampered with in each way an attacker (or a
// buggy publisher) could: each is caught, and named.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../core/canonical_json.js';
import {
  decodeLogEntry,
  encodeLogEntry,
  LOG_ENTRY_FORMAT,
  type LogEntry,
} from '../core/log_entry.js';
import type { Submission } from '../core/submission.js';
import { sampleElection, sampleSubmission } from '../core/testonly/fixtures.js';
import { parseManifest, MANIFEST_CONTEXT, type Current } from '../formats/manifest.js';
import { signSubmission } from '../ingest/submit_client.js';
import { signCanonical } from '../log/envelope.js';
import { Log } from '../log/log.js';
import { MemoryLogStorage } from '../log/memory_storage.js';
import { encodeVerifierKey, type Signer } from '../log/note.js';
import { CHECKPOINT_PATH, tiledLogFiles } from '../log/tiled_log.js';
import { startServer } from '../server/server.js';
import { openStore } from '../store/store.js';
import { rootPage } from '../publish/snapshot.js';
import { inProcessWorkers, readEntries, verifySite, type VerifyReport } from '../verify/verify.js';
import { openCheckpoint } from '../log/checkpoint.js';
import { runCli, type CliIo } from './program.js';
import { publishedReader } from './site_reader.js';
import { testSigner } from '../log/testonly/signers.js';
import { importWithKeys, postSample } from '../ingest/testonly/sample_store.js';

const root = join(import.meta.dirname, '..', '..');

const signer = testSigner;

const sha = (bytes: Uint8Array | string): string =>
  createHash('sha256').update(bytes).digest('hex');

describe('tally verify', () => {
  let dir: string;
  let site: string;
  let firstCheckpoint: string;
  const logKey = signer('tally.test');
  const keys = { n1: signer('n-1.app'), s1: signer('s-1.app'), n2: signer('n-2.app') };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tally-verify-'));
    const store = await openStore({ dialect: 'sqlite', file: join(dir, 'tally.db') });
    const authority = signer('authority.sample');
    const election = sampleElection([encodeVerifierKey(authority)]);
    await importWithKeys(
      store,
      election,
      authority,
      [
        ['n-1', keys.n1],
        ['s-1', keys.s1],
        ['n-2', keys.n2],
      ],
      [keys.n2],
    );
    const server = await startServer({
      store,
      logSigner: logKey,
      checkpointEveryMs: 60_000,
      publish: { siteDir: join(dir, 'site'), thread: false },
    });
    const post = async (s: Submission, key: Signer): Promise<void> => {
      expect(await postSample(server.url, s, key)).toBe(201);
    };
    await post(sampleSubmission('n-1'), keys.n1);
    await server.checkpointNow();
    firstCheckpoint = readFileSync(join(dir, 'site', 'sample-2026', 'log', 'checkpoint'), 'utf8');
    await post(sampleSubmission('s-1'), keys.s1);
    await server.checkpointNow();
    await server.close();
    await store.close();
    site = join(dir, 'site', 'sample-2026');
  }, 60_000);

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  /** A copy of the published site to tamper with. */
  const copy = (): string => {
    const target = mkdtempSync(join(dir, 'copy-'));
    cpSync(site, target, { recursive: true });
    return target;
  };
  const verify = (
    at: string,
    options: { since?: string; key?: Signer } = {},
  ): Promise<VerifyReport> =>
    verifySite(publishedReader(at), {
      logKeys: [options.key ?? logKey],
      manifestKeys: [options.key ?? logKey],
      // Three workers for a dozen entries: the roster, the submissions and the groups of units
      // each fall in different workers' shares.
      workers: inProcessWorkers(3),
      ...(options.since === undefined ? {} : { since: options.since }),
    });
  const codes = (report: VerifyReport): string[] => [
    ...new Set(report.problems.map((p) => p.code)),
  ];
  const current = (at: string): Current =>
    JSON.parse(readFileSync(join(at, 'current.json'), 'utf8')) as Current;

  /** What a publisher holding the key can do: rewrite a version's file and re-sign all. */
  const republish = (
    at: string,
    path: string,
    change: (text: string) => string,
    key = logKey,
  ): void => {
    const c = current(at);
    const file = join(at, c.path, ...path.split('/'));
    if (path !== 'manifest.json') writeFileSync(file, change(readFileSync(file, 'utf8')));
    const manifestFile = join(at, c.path, 'manifest.json');
    const signed = parseManifest(readFileSync(manifestFile, 'utf8'));
    if (!signed.ok) throw new Error('manifest');
    const files = { ...signed.value.manifest.files };
    if (path !== 'manifest.json') {
      files[path] = { sha256: sha(readFileSync(file)), asOf: files[path]?.asOf ?? 0 };
    }
    const manifest = { ...signed.value.manifest, files };
    const text = canonicalJson(manifest);
    const signature = signCanonical(MANIFEST_CONTEXT, text, key);
    const body = `{"manifest":${text},"signature":${JSON.stringify(signature.signature)},"signer":${JSON.stringify(signature.signer)}}`;
    writeFileSync(manifestFile, body);
    writeFileSync(join(at, 'current.json'), JSON.stringify({ ...c, manifestSha256: sha(body) }));
  };

  /** What a log operator holding the key can do: rewrite the log and sign a new checkpoint. */
  const rewriteLog = async (
    at: string,
    change: (entries: LogEntry[]) => LogEntry[],
    options: { keepVersion?: boolean } = {},
  ): Promise<void> => {
    const read = publishedReader(at);
    const checkpoint = openCheckpoint(readFileSync(join(at, 'log', CHECKPOINT_PATH), 'utf8'), [
      logKey,
    ]);
    if (!checkpoint.ok) throw new Error('checkpoint');
    const raw = await readEntries((path) => read(`log/${path}`), checkpoint.value.size);
    if (!raw.ok) throw new Error(raw.problem.message);
    const entries = change(
      raw.value.map((bytes) => {
        const e = decodeLogEntry(bytes);
        if (!e.ok) throw new Error(e.error.message);
        return e.value;
      }),
    );
    const log = await Log.open(new MemoryLogStorage());
    const appended = await log.append(entries.map(encodeLogEntry));
    if (!appended.ok) throw new Error(appended.error.message);
    rmSync(join(at, 'log'), { recursive: true, force: true });
    for await (const f of tiledLogFiles(log)) {
      const target = join(at, 'log', ...f.path.split('/'));
      mkdirSync(join(target, '..'), { recursive: true });
      writeFileSync(target, f.bytes);
    }
    const note = log.checkpoint('tally.test/sample-2026', [logKey]);
    if (!note.ok) throw new Error(note.error.message);
    writeFileSync(join(at, 'log', CHECKPOINT_PATH), note.value);
    // The log runs ahead of the version, which stays as it was published.
    if (options.keepVersion === true) return;
    // The version is made to point at the rewritten log too, and re-signed.
    const c = current(at);
    const manifestFile = join(at, c.path, 'manifest.json');
    const signed = parseManifest(readFileSync(manifestFile, 'utf8'));
    if (!signed.ok) throw new Error('manifest');
    const manifest = { ...signed.value.manifest, checkpoint: note.value, logSize: entries.length };
    const text = canonicalJson(manifest);
    const signature = signCanonical(MANIFEST_CONTEXT, text, logKey);
    const body = `{"manifest":${text},"signature":${JSON.stringify(signature.signature)},"signer":${JSON.stringify(signature.signer)}}`;
    writeFileSync(manifestFile, body);
    writeFileSync(
      join(at, 'current.json'),
      JSON.stringify({ ...c, manifestSha256: sha(body), logSize: entries.length }),
    );
  };
  const submissionEntry = (s: Submission, key: Signer): LogEntry => ({
    format: LOG_ENTRY_FORMAT,
    type: 'submission',
    election: 'sample-2026',
    receivedAt: '2026-11-03T21:30:00Z',
    signed: signSubmission(s, key),
    status: 'accepted',
    kind: 'original',
    warnings: [],
  });

  it('finds nothing wrong with the election as published', async () => {
    const report = await verify(site, { since: firstCheckpoint });
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.submissionsCounted).toBe(2);
    expect(report.numbersCompared).toBeGreaterThan(100);
    expect(report.entriesBehind).toBe(0);
    expect(report.publishedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  /** current.json pointed back at version 1: genuinely signed, but older than what was seen. */
  const rollBack = (at: string): Current => {
    const manifestFile = join(at, 'v', '1', 'manifest.json');
    const signed = parseManifest(readFileSync(manifestFile, 'utf8'));
    if (!signed.ok) throw new Error('manifest');
    const older = signed.value.manifest;
    const pointer: Current = {
      ...current(at),
      version: older.version,
      path: 'v/1/',
      generatedAt: older.generatedAt,
      logSize: older.logSize,
      manifestSha256: sha(readFileSync(manifestFile)),
    };
    writeFileSync(join(at, 'current.json'), JSON.stringify(pointer));
    // The site's root page sends readers to the version current.json names, as it did then.
    writeFileSync(
      join(at, 'index.html'),
      rootPage(older.version, older.build.languages[0] ?? 'en'),
    );
    for (const copyOf of ['current.json', 'index.html'])
      for (const kind of ['br', 'gz']) rmSync(join(at, `${copyOf}.${kind}`), { force: true });
    return pointer;
  };

  it('catches current.json rolled back to an older signed version, against a checkpoint held', async () => {
    const at = copy();
    const older = rollBack(at);
    // Seen fresh, an older version is honest: it says when it was published and how far behind.
    const alone = await verify(at);
    expect(alone.problems).toEqual([]);
    expect(alone).toMatchObject({ version: 1, publishedAt: older.generatedAt });
    expect(alone.entriesBehind).toBe((alone.logSize ?? 0) - older.logSize);
    expect(alone.entriesBehind).toBeGreaterThan(0);
    const held = readFileSync(join(at, 'log', CHECKPOINT_PATH), 'utf8');
    const report = await verify(at, { since: held });
    expect(codes(report)).toEqual(['rolled_back']);
    expect(report.problems[0]).toMatchObject({
      file: 'current.json',
      found: older.logSize,
      expected: report.logSize,
    });
    expect(report.heldLogSize).toBe(report.logSize);
  });

  it('catches a rollback against the checkpoint a mirror verified, and says how far behind', async () => {
    const at = copy();
    const mirror = mkdtempSync(join(dir, 'mirror-'));
    let out = '';
    const io: CliIo = { out: (t) => (out += t), err: () => undefined };
    const run = (): Promise<number> =>
      runCli(['verify', at, '--log-key', encodeVerifierKey(logKey), '--mirror', mirror], io);
    expect(await run()).toBe(0);
    expect(out).toMatch(/was published .*; it counts the whole log/);
    const older = rollBack(at);
    out = '';
    expect(await run()).toBe(1);
    expect(out).toMatch(/\[rolled_back\] current\.json points back to a version published/);
    expect(out).toContain(`version 1 was published ${older.generatedAt}; its checkpoint is`);
  });

  it('says VERIFIED on the command line, and exits 0; a wrong key exits 1', async () => {
    let out = '';
    const io = { out: (t: string) => (out += t), err: () => undefined };
    expect(await runCli(['verify', site, '--log-key', encodeVerifierKey(logKey)], io)).toBe(0);
    expect(out).toMatch(/^VERIFIED: election sample-2026/);
    out = '';
    const stranger = encodeVerifierKey(signer('tally.test'));
    expect(await runCli(['verify', site, '--log-key', stranger, '--json'], io)).toBe(1);
    expect((JSON.parse(out) as VerifyReport).ok).toBe(false);
  });

  it('verifies an earlier version by its number, and says plainly when the number is no version', async () => {
    let out = '';
    let err = '';
    const io = { out: (t: string) => (out += t), err: (t: string) => (err += t) };
    const key = encodeVerifierKey(logKey);
    expect(await runCli(['verify', site, '--log-key', key, '--version-number', '1'], io)).toBe(0);
    expect(out).toMatch(/^VERIFIED: election sample-2026 version 1:/);
    expect(await runCli(['verify', site, '--log-key', key, '--version-number', 'one'], io)).toBe(2);
    expect(err).toContain('--version-number is a version');
  });

  it('verifies on worker threads when run as the built command, its files read on a thread of their own', () => {
    const run = (at: string): { status: number | null; stdout: string; stderr: string } =>
      spawnSync(
        process.execPath,
        [
          join(root, 'dist/src/cli/main.js'),
          'verify',
          at,
          '--log-key',
          encodeVerifierKey(logKey),
          '--workers',
          '2',
        ],
        { encoding: 'utf8' },
      );
    const clean = run(site);
    expect(clean.stdout).toMatch(/^VERIFIED: election sample-2026/);
    expect(clean.status).toBe(0);
    const at = copy();
    republish(at, 'units/south.json', (t) => t.replace('"ada":260', '"ada":261'));
    const tampered = run(at);
    expect(tampered.stdout).toMatch(/\[total_mismatch\] units\/south\.json: s-1/);
    expect(tampered.status).toBe(1);
    // Refused options stop the command before any thread starts that would keep it running.
    const refused = spawnSync(
      process.execPath,
      [
        join(root, 'dist/src/cli/main.js'),
        'verify',
        site,
        '--log-key',
        encodeVerifierKey(logKey),
        '--version-number',
        '0',
      ],
      { encoding: 'utf8', timeout: 30_000 },
    );
    expect(refused.stderr).toContain('--version-number is a version');
    expect(refused.status).toBe(2);
    // The files' thread decodes each precompressed copy: one of another page is named.
    const copied = copy();
    const page = join(copied, current(copied).path, 'en', 'index.html');
    writeFileSync(
      `${page}.br`,
      brotliCompressSync(readFileSync(page, 'utf8').replace('<html', '<HTML')),
    );
    const wrongCopy = run(copied);
    expect(wrongCopy.stdout).toMatch(
      /\[compressed_mismatch\] v\/\d+\/en\/index\.html\.br decodes to another file than/,
    );
    expect(wrongCopy.status).toBe(1);
    // A file the thread cannot read stops the command in one sentence naming it: no verdict.
    const unreadable = copy();
    const cdf = join(unreadable, current(unreadable).path, 'cdf.json');
    rmSync(cdf);
    mkdirSync(cdf);
    const stopped = run(unreadable);
    expect(stopped.stdout).toBe('');
    expect(stopped.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^tally: cannot read .*cdf\.json: EISDIR/) as unknown,
    ]);
    expect(stopped.status).not.toBe(0);
  }, 120_000);

  it('keeps a mirror that later runs extend, and holds the log to what it verified before', async () => {
    const at = copy();
    const mirror = mkdtempSync(join(dir, 'mirror-'));
    /** A run's exit code and what it printed. */
    const run = async (): Promise<{ code: number; out: string }> => {
      let out = '';
      const io: CliIo = { out: (t) => (out += t), err: () => undefined };
      const args = ['verify', at, '--log-key', encodeVerifierKey(logKey), '--mirror', mirror];
      const code = await runCli(args, io);
      return { code, out };
    };
    expect((await run()).code).toBe(0);
    expect(readFileSync(join(mirror, 'verified-checkpoint'), 'utf8')).toBe(
      readFileSync(join(at, 'log', 'checkpoint'), 'utf8'),
    );
    // The second run rebuilds no group file the first verified and the version lists the same.
    const { code: secondCode, out: second } = await run();
    expect(secondCode).toBe(0);
    expect(second).toMatch(/, (\d+) group files as verified before\)/);
    const groups = Object.keys(
      (JSON.parse(readFileSync(join(mirror, 'verified-files.json'), 'utf8')) as { files: object })
        .files,
    );
    expect(second).toContain(`${String(groups.length)} group files as verified before`);
    expect(groups).toContain('units/south.json');
    // A group file changed since (the operator re-signs the manifest) is rebuilt, and caught:
    // here with the mirror's copy of the site gone (else the version's files kept from before
    // are read, and the new manifest is caught as not the one current.json names).
    rmSync(join(mirror, 'site'), { recursive: true });
    republish(at, 'units/south.json', (t) => t.replace('"ada":260', '"ada":261'));
    const { code: changedCode, out: changed } = await run();
    expect(changedCode).toBe(1);
    expect(changed).toMatch(/\[file_not_reproduced\] [^\n]*units\/south\.json/);
    expect(changed).toMatch(/\[total_mismatch\] units\/south\.json: s-1/);
    rmSync(join(mirror, 'site'), { recursive: true });
    republish(at, 'units/south.json', (t) => t.replace('"ada":261', '"ada":260'));
    expect((await run()).code).toBe(0);
    // The operator rewrites history and re-signs everything: the mirror remembers.
    await rewriteLog(at, (entries) =>
      entries.map((e, i) =>
        i === entries.length - 1 && e.type === 'submission'
          ? { ...e, receivedAt: '2026-11-03T21:59:59Z' }
          : e,
      ),
    );
    const { code, out } = await run();
    expect(code).toBe(1);
    // Either the old tiles it kept no longer hash to the new checkpoint, or the old checkpoint
    // is no prefix of the new log: a rewritten history, caught both ways.
    expect(out).toMatch(/\[log_(rewritten|invalid)\]/);
  });

  it('catches a changed total in one feed, naming the file, area and numbers', async () => {
    const at = copy();
    republish(at, 'results.json', (t) => t.replace('"ada":520', '"ada":620'));
    const report = await verify(at);
    // Both roads: the file is not the one the log makes, and its number is not the log's.
    expect(codes(report).sort()).toEqual(['file_not_reproduced', 'total_mismatch']);
    expect(report.problems.find((p) => p.code === 'total_mismatch')).toMatchObject({
      file: 'results.json',
      area: 'state',
      expected: 520,
      found: 620,
    });
  });

  it('catches a changed precinct number in the unit feed and in the NIST report', async () => {
    const at = copy();
    republish(at, 'units/south.json', (t) => t.replace('"ada":260', '"ada":261'));
    republish(at, 'cdf/south.json', (t) => t.replace('"Count":260', '"Count":259'));
    const report = await verify(at);
    expect(codes(report).sort()).toEqual(['file_not_reproduced', 'total_mismatch']);
    const mismatched = report.problems.filter((p) => p.code === 'total_mismatch');
    expect(new Set(mismatched.map((p) => p.file))).toEqual(
      new Set(['units/south.json', 'cdf/south.json']),
    );
    expect(report.problems.map((p) => p.area)).toContain('s-1');
  });

  it('catches a file that does not match the manifest', async () => {
    const at = copy();
    const page = join(at, current(at).path, 'en', 'index.html');
    writeFileSync(page, readFileSync(page, 'utf8').replace('Governor', 'Gouvernor'));
    expect(codes(await verify(at))).toEqual(['file_mismatch']);
  });

  it('catches a manifest signed by the wrong key', async () => {
    const at = copy();
    republish(at, 'manifest.json', (t) => t, signer('tally.test'));
    expect(codes(await verify(at))).toEqual(['manifest_signature']);
  });

  it('catches a changed vote count inside a log entry, even with the log re-signed', async () => {
    const at = copy();
    await rewriteLog(at, (entries) =>
      entries.map((e) =>
        e.type === 'submission' && e.signed.submission.unit === 's-1'
          ? {
              ...e,
              signed: { ...e.signed, submission: { ...e.signed.submission, ballotsCast: 501 } },
            }
          : e,
      ),
    );
    expect(codes(await verify(at))).toContain('bad_signature');
  });

  it('catches a dropped submission: the published totals are no longer the log’s', async () => {
    const at = copy();
    await rewriteLog(at, (entries) =>
      entries.filter((e) => !(e.type === 'submission' && e.signed.submission.unit === 's-1')),
    );
    const report = await verify(at);
    expect(codes(report)).toContain('total_mismatch');
    expect(report.problems.find((p) => p.code === 'total_mismatch')?.area).toBeDefined();
  });

  it('catches a rewritten log history against a checkpoint seen before (a fork)', async () => {
    const at = copy();
    await rewriteLog(at, (entries) =>
      entries.map((e, i) =>
        i === entries.length - 2 && e.type === 'submission'
          ? { ...e, receivedAt: '2026-11-03T21:59:59Z' }
          : e,
      ),
    );
    expect(codes(await verify(at, { since: firstCheckpoint }))).toContain('log_rewritten');
  });

  /** n-1's honest amendment: new numbers, a reason, the next sequence number. */
  const amendment = (): Submission =>
    sampleSubmission('n-1', {
      sequence: 2,
      amendment: { reason: 'recount' },
      contests: sampleSubmission('n-1').contests.map((c) =>
        c.contest === 'governor' ? { ...c, counts: { ada: 250, alan: 230, 'write-in': 5 } } : c,
      ),
    });

  it('replays the log’s entries after the version too, and reports their problems apart', async () => {
    const at = copy();
    const forged = submissionEntry(sampleSubmission('s-1', { sequence: 2 }), keys.s1);
    await rewriteLog(
      at,
      (entries) => [
        ...entries,
        submissionEntry(sampleSubmission('s-2', { sequence: 1 }), signer('s-2.app')),
        forged.type === 'submission'
          ? {
              ...forged,
              signed: {
                ...forged.signed,
                submission: { ...forged.signed.submission, ballotsCast: 501 },
              },
            }
          : forged,
      ],
      { keepVersion: true },
    );
    const report = await verify(at);
    expect(report.ok).toBe(false);
    expect(report.entriesBehind).toBe(2);
    const versionSize = report.versionLogSize ?? 0;
    expect(report.problems.map((p) => [p.code, p.entry, p.afterVersion])).toEqual([
      ['unknown_key', versionSize, true],
      ['bad_signature', versionSize + 1, true],
    ]);
    let out = '';
    const io: CliIo = { out: (t) => (out += t), err: () => undefined };
    expect(await runCli(['verify', at, '--log-key', encodeVerifierKey(logKey)], io)).toBe(1);
    expect(out).toContain(
      `in the log's entries after the version's ${String(versionSize)}, which no version counts yet (2):`,
    );
    expect(out).toMatch(/\n {4}- \[bad_signature\] entry \d+: /);
  });

  it('counts in the version only its own entries, when the log runs ahead with an honest amendment', async () => {
    const at = copy();
    await rewriteLog(
      at,
      (entries) => [
        ...entries,
        { ...submissionEntry(amendment(), keys.n1), kind: 'amendment' } as LogEntry,
      ],
      { keepVersion: true },
    );
    const report = await verify(at);
    expect(report.problems).toEqual([]);
    expect(report.entriesBehind).toBe(1);
    expect(report.submissionsCounted).toBe(2);
  });

  /** A rejection entry that holds the submission as sent, as ingest logs one a key vouched for. */
  const rejectionEntry = (s: Submission, key: Signer, code: string): LogEntry => {
    const signed = signSubmission(s, key);
    const body = JSON.stringify(signed);
    return {
      format: LOG_ENTRY_FORMAT,
      type: 'rejection',
      election: 'sample-2026',
      receivedAt: '2026-11-03T21:30:00Z',
      bodySha256: sha(body),
      bodyBytes: Buffer.byteLength(body),
      error: { code, message: 'rejected' },
      signed,
    };
  };

  it('catches an honest amendment logged as a rejection, naming the entry, whatever reason it gives', async () => {
    const at = copy();
    const withoutReason: Submission = { ...amendment() };
    delete (withoutReason as { amendment?: unknown }).amendment;
    // Logged after the version, so that the version's own files stay as they were.
    await rewriteLog(
      at,
      (entries) => [
        ...entries,
        // Rightly rejected: a second submission from n-1's key that does not say why.
        rejectionEntry(withoutReason, keys.n1, 'amendment_without_reason'),
        rejectionEntry(amendment(), keys.n1, 'bad_signature'),
        rejectionEntry(amendment(), keys.n1, 'unknown_key'),
      ],
      { keepVersion: true },
    );
    const report = await verify(at);
    const size = report.logSize ?? 0;
    expect(report.problems.map((p) => [p.code, p.entry, p.area, p.afterVersion])).toEqual([
      ['wrongly_rejected', size - 2, 'n-1', true],
      ['wrongly_rejected', size - 1, 'n-1', true],
    ]);
    expect(report.problems[0]?.message).toMatch(
      /recorded as rejected \(bad_signature\), but the rules admit it: accepted \(amendment\)/,
    );
  });

  it('catches entries signed by an uncertified key and by a revoked one', async () => {
    const at = copy();
    await rewriteLog(at, (entries) => [
      ...entries,
      submissionEntry(sampleSubmission('s-2', { sequence: 1 }), signer('s-2.app')),
      submissionEntry(sampleSubmission('n-2', { sequence: 1 }), keys.n2),
    ]);
    const report = await verify(at);
    expect(codes(report)).toEqual(expect.arrayContaining(['unknown_key', 'revoked_key']));
    expect(report.problems.find((p) => p.code === 'revoked_key')?.area).toBe('n-2');
  });

  it('catches a version built from a partial set of the accepted submissions (Iowa 2020)', async () => {
    const at = copy();
    // The publisher counted n-1 but not s-1: every feed says so, consistently, and re-signed.
    for (const path of ['results.json', 'csv/governor.csv']) {
      republish(at, path, (t) =>
        t
          .replace('"ada":520', '"ada":260')
          .replace(
            'state,State,state,total,2,5,1000,6,24,520,440,10,',
            'state,State,state,total,1,5,500,3,12,260,220,5,',
          ),
      );
    }
    const report = await verify(at);
    expect(codes(report).sort()).toEqual(['file_not_reproduced', 'total_mismatch']);
    const mismatched = report.problems.filter((p) => p.code === 'total_mismatch');
    expect(new Set(mismatched.map((p) => p.file))).toEqual(
      new Set(['results.json', 'csv/governor.csv']),
    );
  });
});
