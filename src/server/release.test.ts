// Results stay off the public site until they are released: no version, no numbers, no log, until
// a release entry is in the log (by an admin, or by the server at the definition's release
// time), and the verifier refuses a version published without one.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { indexElection, type Election, type ElectionDefinition } from '../core/election.js';
import { decodeLogEntry } from '../core/log_entry.js';
import { sha256Hex } from '../core/sha256.js';
import { EvidenceFiles } from '../store/evidence_files.js';
import { sampleDefinition, sampleSubmission, withRelease } from '../core/testonly/fixtures.js';
import { publishedReader } from '../cli/site_reader.js';
import { importWithKeys } from '../ingest/testonly/sample_store.js';
import { signSubmission } from '../ingest/submit_client.js';
import { encodeVerifierKey, parseVerifierKey } from '../log/note.js';
import { testSigner } from '../log/testonly/signers.js';
import { openStore, type Store } from '../store/store.js';
import { verifySite } from '../verify/verify.js';
import { DirectoryContentStore } from '../publish/content_store.js';
import { Publisher } from '../publish/publisher.js';
import { startServer, type RunningServer } from './server.js';
import { listFiles } from './testonly/operator.js';

const authority = testSigner('authority.sample');
const app = testSigner('n-1.app');
const logSigner = testSigner('tally.test');

/** The sample election with these release rules (none: staff release it). */
function electionReleased(release?: ElectionDefinition['release']): Election {
  const indexed = indexElection(
    withRelease(sampleDefinition([encodeVerifierKey(authority)]), release),
  );
  if (!indexed.ok) throw new Error(indexed.error.message);
  return indexed.value;
}

/** The files beneath a directory, by path within it (none when it is not there). */
const filesUnder = (root: string): string[] => (existsSync(root) ? listFiles(root) : []);

/** The files beneath a directory once some are there and no more come (20 s at most). */
async function builtUnder(root: string): Promise<string[]> {
  const deadline = Date.now() + 20_000;
  let seen: string[] = [];
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const now = filesUnder(root);
    if ((now.length > 0 && now.join() === seen.join()) || Date.now() > deadline) return now;
    seen = now;
  }
}

describe('releasing results to the public site', () => {
  let dir: string;
  let store: Store;
  let server: RunningServer | undefined;
  const siteDir = (): string => join(dir, 'site', 'sample-2026');

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tally-release-'));
    store = await openStore({ dialect: 'sqlite', file: join(dir, 'tally.db') });
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const serve = async (election: Election): Promise<RunningServer> => {
    await importWithKeys(store, election, authority, [['n-1', app]]);
    server = await startServer({
      store,
      logSigner,
      checkpointEveryMs: 60_000,
      publish: { siteDir: join(dir, 'site'), stagingDir: join(dir, 'staging'), thread: false },
    });
    const ingest = await server.elections.get('sample-2026');
    if (ingest === undefined) throw new Error('no election');
    const body = JSON.stringify(signSubmission(sampleSubmission('n-1'), app));
    expect((await ingest.submit(new TextEncoder().encode(body))).receipt.status).toBe('accepted');
    return server;
  };
  const verified = async () => {
    const key = parseVerifierKey(encodeVerifierKey(logSigner));
    if (!key.ok) throw new Error(key.error.message);
    return verifySite(publishedReader(siteDir()), {
      logKeys: [key.value],
      manifestKeys: [key.value],
    });
  };

  it('publishes nothing until an admin releases the results, then everything counted', async () => {
    const running = await serve(electionReleased());
    await running.checkpointNow();
    expect(existsSync(join(siteDir(), 'current.json'))).toBe(false);
    expect(existsSync(join(siteDir(), 'log'))).toBe(false);

    const ingest = await running.elections.get('sample-2026');
    const released = await ingest?.release('admin.one');
    expect(released?.ok).toBe(true);
    const again = await ingest?.release('admin.two');
    expect(again?.ok ? 'released' : again?.error.code).toBe('already_released');
    await running.checkpointNow();
    expect(existsSync(join(siteDir(), 'current.json'))).toBe(true);
    const report = await verified();
    expect(report.problems).toEqual([]);
    expect(report.submissionsCounted).toBe(1);

    // The release names the admin.
    const size = Number(ingest?.log.size ?? 0);
    const read = await ingest?.log.entries(0n, size);
    if (read?.ok !== true) throw new Error('log unreadable');
    const leaf = released?.ok === true ? released.value.leafIndex : -1;
    expect(decodeLogEntry(read.value[leaf] ?? new Uint8Array())).toMatchObject({
      value: { type: 'release', by: 'admin.one' },
    });
  });

  it('builds the precinct detail in private before the release, and publishes it with the first version', async () => {
    const running = await serve(electionReleased());
    await running.checkpointNow();
    const staging = join(dir, 'staging', 'sample-2026');
    // Built meanwhile, where nothing serves it: the site has no file yet.
    const staged = await builtUnder(staging);
    expect(staged).toEqual(expect.arrayContaining(['units/north.json', 'cdf/north.json']));
    expect(filesUnder(join(dir, 'site'))).toEqual([]);

    const ingest = await running.elections.get('sample-2026');
    expect((await ingest?.release('admin.one'))?.ok).toBe(true);
    await running.checkpointNow();
    // The first version lists it as built before the release (as of the log then), and holds it.
    const { files, logSize } = (
      JSON.parse(readFileSync(join(siteDir(), 'v', '1', 'manifest.json'), 'utf8')) as {
        manifest: { files: Record<string, { asOf: number }>; logSize: number };
      }
    ).manifest;
    const release = (await ingest?.released()) ?? 0;
    expect(files['units/north.json']?.asOf).toBeLessThanOrEqual(release);
    expect(logSize).toBeGreaterThan(release);
    for (const path of staged.filter((p) => !/\.(br|gz)$/.test(p))) {
      expect(existsSync(join(siteDir(), 'v', '1', path)), path).toBe(true);
    }
    expect(filesUnder(staging)).toEqual([]);
    const report = await verified();
    expect(report.problems).toEqual([]);
    expect(report.submissionsCounted).toBe(1);
  });

  it('prepares the site of an election imported while it runs, before anything is sent to it', async () => {
    server = await startServer({
      store,
      logSigner,
      checkpointEveryMs: 100,
      publish: { siteDir: join(dir, 'site'), stagingDir: join(dir, 'staging'), thread: false },
    });
    await importWithKeys(store, electionReleased(), authority, [['n-1', app]]);
    expect(await builtUnder(join(dir, 'staging', 'sample-2026'))).toContain('units/north.json');
    expect(filesUnder(join(dir, 'site'))).toEqual([]);
  });

  it('is told by the verifier when a version was published before the release', async () => {
    const waiting = electionReleased();
    const running = await serve(waiting);
    await running.checkpointNow();
    const ingest = await running.elections.get('sample-2026');
    const checkpoint = await ingest?.ledger.latestCheckpoint();
    if (ingest === undefined || checkpoint === undefined) throw new Error('no checkpoint');
    // An operator whose publisher ignores the release: the log's definition still waits for it.
    const early = new Publisher({
      election: electionReleased({ beforeRelease: 'publish' }),
      log: ingest.log,
      signer: logSigner,
      content: new DirectoryContentStore(siteDir()),
    });
    const published = await early.request(checkpoint);
    expect(published.ok && published.value?.snapshot.version).toBe(1);
    const report = await verified();
    expect(report.problems.map((p) => p.code)).toEqual(['published_before_release']);
  });

  it('releases them itself at the release time, not before', async () => {
    const future = electionReleased({ at: '2099-01-01T00:00:00Z' });
    const running = await serve(future);
    await running.checkpointNow();
    expect(existsSync(join(siteDir(), 'current.json'))).toBe(false);
    const ingest = await running.elections.get('sample-2026');
    expect(await ingest?.releaseIfDue(new Date('2098-12-31T23:59:59Z'))).toBe(false);
    const early = await ingest?.release();
    expect(early?.ok ? 'released' : early?.error.code).toBe('release_too_early');
    expect(await ingest?.releaseIfDue(new Date('2099-01-01T00:00:00Z'))).toBe(true);
    expect(await ingest?.releaseIfDue(new Date('2099-01-01T00:00:01Z'))).toBe(false);
    await running.checkpointNow();
    const report = await verified();
    expect(report.problems).toEqual([]);
  });

  it('releases on its own round once the release time has passed', async () => {
    const running = await serve(electionReleased({ at: '2026-11-03T20:00:00Z' }));
    await running.checkpointNow();
    expect(existsSync(join(siteDir(), 'current.json'))).toBe(true);
    const ingest = await running.elections.get('sample-2026');
    const leaf = await ingest?.released();
    const read = await ingest?.log.entries(BigInt(leaf ?? 0), 1);
    const entry = read?.ok === true ? decodeLogEntry(read.value[0] ?? new Uint8Array()) : undefined;
    expect(entry?.ok === true && entry.value.type === 'release' && entry.value.by).toBe(undefined);
    expect((await verified()).problems).toEqual([]);
  });

  it('publishes the photos the log names where the election makes evidence public, once released, and the verifier checks each', async () => {
    const base = electionReleased();
    const indexed = indexElection({ ...base.definition, evidence: 'public' });
    if (!indexed.ok) throw new Error(indexed.error.message);
    await importWithKeys(store, indexed.value, authority, [['n-1', app]]);
    // The smallest PNG: one transparent pixel.
    const photo = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
      'base64',
    );
    const sha256 = sha256Hex(photo);
    await new EvidenceFiles(store.db, 'sample-2026').put({
      sha256,
      mediaType: 'image/png',
      bytes: photo,
      by: 'n-1.app',
      at: '2026-11-03T21:00:00Z',
    });
    server = await startServer({
      store,
      logSigner,
      checkpointEveryMs: 60_000,
      publish: { siteDir: join(dir, 'site'), port: 0, thread: false },
    });
    const ingest = await server.elections.get('sample-2026');
    const sheet = sampleSubmission('n-1', { evidence: [{ sha256, kind: 'tally-sheet-photo' }] });
    const body = JSON.stringify(signSubmission(sheet, app));
    expect((await ingest?.submit(new TextEncoder().encode(body)))?.receipt.status).toBe('accepted');
    await server.checkpointNow();
    const published = join(siteDir(), 'evidence', sha256);
    // Not before the results are released.
    expect(existsSync(published)).toBe(false);
    expect((await ingest?.release('admin.one'))?.ok).toBe(true);
    await server.checkpointNow();
    expect(readFileSync(published)).toEqual(photo);
    const report = await verified();
    expect(report.problems).toEqual([]);
    expect(report.evidence).toEqual({ published: 1, missing: 0 });
    // The public plane serves it as the image it is, for good.
    const url = `${server.publicUrl ?? ''}/sample-2026/evidence/${sha256}`;
    const answer = await fetch(url);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('image/png');
    expect(answer.headers.get('cache-control')).toMatch(/immutable/);
    expect(Buffer.from(await answer.arrayBuffer())).toEqual(photo);
    // A photo swapped for another is found out, and not served.
    writeFileSync(published, Buffer.concat([photo, Buffer.from([0])]));
    expect((await verified()).problems.map((p) => p.code)).toEqual(['evidence_mismatch']);
    expect((await fetch(url)).status).toBe(404);
  });
});
