import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson, type JsonValue } from '../core/canonical_json.js';
import { sampleElection, sampleSubmission } from '../core/testonly/fixtures.js';
import type { Submission } from '../core/submission.js';
import { readNistResults, flattenResults } from '../formats/nist_cdf_results.js';
import { ResultsFeed, totalsFromFeed, UnitResultsFeed } from '../formats/results_feed.js';
import { verifyObject } from '../log/envelope.js';
import { openCheckpoint } from '../log/checkpoint.js';
import { verifyTiledLog } from '../log/tiled_log.js';
import { encodeVerifierKey, parseVerifierKey, type Signer } from '../log/note.js';
import { MANIFEST_CONTEXT, type Current, type SignedManifest } from '../formats/manifest.js';
import { openStore, type Store } from '../store/store.js';
import { startServer, type RunningServer } from './server.js';
import { PublicSite } from './public_site.js';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { testSigner } from '../log/testonly/signers.js';
import { importWithKeys, postSample } from '../ingest/testonly/sample_store.js';

const signer = testSigner;

describe('the published results site and its public plane', () => {
  let dir: string;
  let store: Store;
  let server: RunningServer;
  const logKey = signer('tally.test');
  const keys = { n1: signer('n-1.app'), s1: signer('s-1.app'), s2: signer('s-2.app') };
  const post = (s: Submission, key: Signer): Promise<number> => postSample(server.url, s, key);
  const get = (path: string, headers: Record<string, string> = {}): Promise<Response> =>
    fetch(`${server.publicUrl ?? ''}${path}`, { headers });
  const current = async (): Promise<Current> =>
    (await (await get('/sample-2026/current.json')).json()) as Current;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tally-site-'));
    store = await openStore({ dialect: 'sqlite', file: join(dir, 'tally.db') });
    const authority = signer('authority.sample');
    const election = sampleElection([encodeVerifierKey(authority)]);
    await importWithKeys(store, election, authority, [
      ['n-1', keys.n1],
      ['s-1', keys.s1],
      ['s-2', keys.s2],
    ]);
    server = await startServer({
      store,
      logSigner: logKey,
      checkpointEveryMs: 60_000,
      publish: { siteDir: join(dir, 'site'), port: 0, thread: false },
    });
    expect(await post(sampleSubmission('n-1'), keys.n1)).toBe(201);
    expect(await post(sampleSubmission('s-1'), keys.s1)).toBe(201);
    await server.checkpointNow();
  }, 60_000);

  afterAll(async () => {
    await server.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('points current.json at a version built from a signed checkpoint', async () => {
    const c = await current();
    expect(c).toMatchObject({ election: 'sample-2026', version: 1, path: 'v/1/', test: true });
    const manifest = (await (await get(`/sample-2026/v/1/manifest.json`)).json()) as SignedManifest;
    const checkpoint = openCheckpoint(
      manifest.manifest.checkpoint,
      [logKey],
      'tally.test/sample-2026',
    );
    expect(checkpoint.ok && checkpoint.value.size).toBe(BigInt(c.logSize));
  });

  it('signs a manifest that lists the SHA-256 of every file of the version', async () => {
    const text = await (await get('/sample-2026/v/1/manifest.json')).text();
    const signed = JSON.parse(text) as SignedManifest;
    const verifier = parseVerifierKey(encodeVerifierKey(logKey));
    if (!verifier.ok) throw new Error('key');
    expect(
      verifyObject(
        MANIFEST_CONTEXT,
        signed.manifest as unknown as JsonValue,
        signed.signature,
        verifier.value,
      ),
    ).toBe(true);
    expect(Object.keys(signed.manifest.files).length).toBeGreaterThan(20);
    for (const [path, { sha256: sha }] of Object.entries(signed.manifest.files)) {
      const bytes = new Uint8Array(await (await get(`/sample-2026/v/1/${path}`)).arrayBuffer());
      const { createHash } = await import('node:crypto');
      expect(createHash('sha256').update(bytes).digest('hex'), path).toBe(sha);
    }
    const sha = (await import('node:crypto')).createHash('sha256').update(text).digest('hex');
    expect((await current()).manifestSha256).toBe(sha);
    expect(canonicalJson(JSON.parse(text) as JsonValue)).toBe(text);
  });

  it('publishes results.json that its JSON Schema accepts, with totals as submitted', async () => {
    const feed = ResultsFeed.parse(await (await get('/sample-2026/v/1/results.json')).json());
    const state = feed.areas.find((a) => a.area === 'state');
    const governor = state?.contests.find((c) => c.contest === 'governor');
    // n-1 and s-1 each reported ada 260, alan 220, write-in 5.
    expect(governor?.total.counts).toEqual({ ada: 520, alan: 440, 'write-in': 10 });
    expect(state?.reporting).toEqual({ reported: 2, expected: 5 });
    expect(feed.election.test).toBe(true);
    const units = UnitResultsFeed.parse(
      await (await get(`/sample-2026/v/1/${feed.unitFiles['north']?.[0] ?? ''}`)).json(),
    );
    expect(units.areas.map((a) => a.area)).toEqual(['n-1', 'n-2']);
  });

  it('publishes a CSV per contest and NIST CDF reports that read back to the same totals', async () => {
    const csv = await (await get('/sample-2026/v/1/csv/governor.csv')).text();
    // The choices by name; each row as of a log size and the time of the log then.
    expect(csv.split('\r\n')[0]).toBe(
      'area,area_name,area_type,vote_type,units_reported,units_expected,ballots_cast,overvotes,undervotes,Ada Lovelace,Alan Turing,Write-in,as_of_log,as_of_time,test,contest_status',
    );
    expect(csv).toMatch(
      /\r\nstate,State,state,total,2,5,1000,6,24,520,440,10,\d+,2026-[^,]+Z,TEST,unofficial\r\n/,
    );
    // Every area above the precincts in long format: one number a row, with names.
    const long = await (await get('/sample-2026/v/1/csv/results.csv')).text();
    expect(long.split('\r\n')[0]).toBe(
      'area,area_name,area_type,contest,contest_name,choice,choice_name,party,vote_type,votes,as_of_log,as_of_time,test,contest_status,contest_winner',
    );
    expect(long).toMatch(
      /\r\nstate,State,state,governor,Governor,ada,Ada Lovelace,Blue Party,total,520,\d+,2026-[^,]+Z,TEST,unofficial,\r\n/,
    );
    expect(long).toMatch(
      /\r\nnorth,North County,county,governor,Governor,ada,Ada Lovelace,Blue Party,election-day,260,/,
    );
    // Each precinct's, beside its group's JSON: a row per contest and choice, a column a vote type.
    const precincts = await (await get('/sample-2026/v/1/csv/units/north.csv')).text();
    expect(precincts.split('\r\n')[0]).toBe(
      'unit,unit_name,contest,contest_name,choice,choice_name,party,election-day,mail,total,as_of_log,test',
    );
    expect(precincts).toMatch(
      /\r\nn-1,North 1,governor,Governor,ada,Ada Lovelace,Blue Party,260,0,260,\d+,TEST\r\n/,
    );
    const cdf = (await (await get('/sample-2026/v/1/cdf.json')).json()) as Record<string, unknown>;
    expect(cdf).toMatchObject({ IsTest: true, Status: 'unofficial-partial', SequenceStart: 1 });
    const feed = ResultsFeed.parse(await (await get('/sample-2026/v/1/results.json')).json());
    const read = readNistResults(cdf);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const ours = flattenResults(
      feed.areas.map((a) => ({
        ...a,
        contests: a.contests.map((c) => ({
          ...c,
          total: totalsFromFeed(c.total),
          byVoteType: Object.fromEntries(
            Object.entries(c.byVoteType).map(([vt, t]) => [vt, totalsFromFeed(t)]),
          ),
        })),
      })),
    );
    expect(Object.fromEntries(read.value)).toEqual(Object.fromEntries(ours));
  });

  it('publishes the feeds’ JSON Schemas with each version, and links them from the summary', async () => {
    const c = await current();
    for (const file of ['results.schema.json', 'unit-results.schema.json']) {
      const published = await get(`/sample-2026/${c.path}schema/${file}`);
      expect(published.status, file).toBe(200);
      expect(published.headers.get('content-type'), file).toContain('application/json');
      const committed = JSON.parse(
        readFileSync(new URL(`../../schema/${file}`, import.meta.url), 'utf8'),
      ) as unknown;
      expect(await published.json(), file).toEqual(committed);
    }
    const summary = await (await get(`/sample-2026/${c.path}en/index.html`)).text();
    expect(summary).toContain('href="../schema/results.schema.json"');
    expect(summary).toContain('href="../schema/unit-results.schema.json"');
  });

  it('marks every page and every feed TEST, in every language the election is published in', async () => {
    const c = await current();
    const manifest = (await (
      await get(`/sample-2026/${c.path}manifest.json`)
    ).json()) as SignedManifest;
    const pages = Object.keys(manifest.manifest.files).filter((p) => p.endsWith('.html'));
    expect(pages).toEqual(
      expect.arrayContaining([
        'en/index.html',
        'fr/index.html',
        'en/contest/governor.html',
        'fr/contest/council.html',
        'en/unit/north.html',
        'en/verify.html',
      ]),
    );
    for (const page of pages) {
      const html = await (await get(`/sample-2026/${c.path}${page}`)).text();
      expect(html, page).toContain('TEST');
    }
    // And every feed: the JSON ones say test: true (NIST's IsTest), each CSV row says TEST.
    for (const file of Object.keys(manifest.manifest.files)) {
      const text = await (await get(`/sample-2026/${c.path}${file}`)).text();
      if (file.endsWith('.csv')) {
        const [header = '', ...rows] = text.trim().split('\r\n');
        const test = header.split(',').indexOf('test');
        expect(test, file).toBeGreaterThan(0);
        for (const row of rows) expect(row.split(',')[test], file).toBe('TEST');
      } else if (file.startsWith('cdf'))
        expect(JSON.parse(text), file).toMatchObject({ IsTest: true });
      else if (file === 'results.json') {
        expect(JSON.parse(text), file).toMatchObject({ election: { test: true } });
      } else if (file.endsWith('.json') && !file.startsWith('schema/'))
        // The feeds' JSON Schemas describe feeds; they are no feed.
        expect(JSON.parse(text), file).toMatchObject({ test: true });
    }
    const fr = await (await get(`/sample-2026/${c.path}fr/index.html`)).text();
    expect(fr).toContain('<html lang="fr"');
    expect(fr).toContain('Élection générale exemple');
    // What the election calls its precincts, how many have every vote type in, and how many some.
    expect(fr).toMatch(/Bureaux de vote\s: résultats complets pour 0 sur 5/);
    expect(fr).toContain('résultats partiels pour 2 autres');
  });

  it("sends a reader at the election's address to the summary in their language, else the site's first", async () => {
    const c = await current();
    const landing = async (path: string, acceptLanguage?: string): Promise<string | null> => {
      const res = await fetch(`${server.publicUrl ?? ''}${path}`, {
        redirect: 'manual',
        headers: acceptLanguage === undefined ? {} : { 'accept-language': acceptLanguage },
      });
      expect(res.status).toBe(302);
      expect(res.headers.get('vary')).toBe('Accept-Language');
      return res.headers.get('location');
    };
    const summary = (language: string): string => `/sample-2026/${c.path}${language}/index.html`;
    // The sample site is in English, then French.
    expect(await landing('/sample-2026/')).toBe(summary('en'));
    expect(await landing('/sample-2026/', 'en-US,en;q=0.9')).toBe(summary('en'));
    expect(await landing('/sample-2026/', 'fr-FR,fr;q=0.9,en;q=0.8')).toBe(summary('fr'));
    expect(await landing('/sample-2026/index.html', 'fr-CA')).toBe(summary('fr'));
    expect(await landing('/sample-2026/', 'de-DE, fr;q=0.5, en;q=0.2')).toBe(summary('fr'));
    // Languages the site is not in, and headers that name none: the site's first.
    expect(await landing('/sample-2026/', 'zh-CN')).toBe(summary('en'));
    expect(await landing('/sample-2026/', 'es')).toBe(summary('en'));
    expect(await landing('/sample-2026/', '')).toBe(summary('en'));
    expect(await landing('/sample-2026/', ';;q=x, ,')).toBe(summary('en'));
    expect(await landing('/sample-2026/', 'fr;q=0, *')).toBe(summary('en'));
  });

  it('answers If-None-Match with 304, and caches versions for a year, pointers for seconds', async () => {
    const page = await get('/sample-2026/v/1/en/index.html');
    expect(page.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const etag = page.headers.get('etag') ?? '';
    expect((await get('/sample-2026/v/1/en/index.html', { 'if-none-match': etag })).status).toBe(
      304,
    );
    const pointer = await get('/sample-2026/current.json');
    expect(pointer.headers.get('cache-control')).toBe('public, max-age=2');
    const br = await fetch(`${server.publicUrl ?? ''}/sample-2026/v/1/en/index.html`, {
      headers: { 'accept-encoding': 'br' },
    });
    expect(br.headers.get('content-encoding')).toBe('br');
  });

  it('serves the current version under latest/, cached for seconds, naming its versioned address', async () => {
    const c = await current();
    for (const path of [
      'results.json',
      'csv/governor.csv',
      'cdf.json',
      'manifest.json',
      'en/index.html',
      'units/north.json',
    ]) {
      const versioned = await get(`/sample-2026/${c.path}${path}`, {
        'accept-encoding': 'identity',
      });
      const latest = await get(`/sample-2026/latest/${path}`, { 'accept-encoding': 'identity' });
      expect(latest.status, path).toBe(200);
      expect(latest.headers.get('cache-control'), path).toBe('public, max-age=2');
      expect(latest.headers.get('content-location'), path).toBe(`/sample-2026/${c.path}${path}`);
      expect(latest.headers.get('content-type'), path).toBe(versioned.headers.get('content-type'));
      expect(Buffer.from(await latest.arrayBuffer()), path).toEqual(
        Buffer.from(await versioned.arrayBuffer()),
      );
      // The same ETag as the version's file: a poller's If-None-Match gets 304 until it changes.
      const etag = latest.headers.get('etag') ?? '';
      expect(etag, path).toBe(versioned.headers.get('etag'));
      const again = await get(`/sample-2026/latest/${path}`, { 'if-none-match': etag });
      expect(again.status, path).toBe(304);
      expect(again.headers.get('cache-control'), path).toBe('public, max-age=2');
      const br = await get(`/sample-2026/latest/${path}`, { 'accept-encoding': 'br' });
      expect(br.status, path).toBe(200);
    }
    for (const path of ['latest/', 'latest/nothing.json', 'latest']) {
      expect((await get(`/sample-2026/${path}`)).status, path).toBe(404);
    }
  });

  it('serves a precinct file from disk, as the manifest lists it, compressed when asked', async () => {
    const manifest = (
      (await (await get('/sample-2026/v/1/manifest.json')).json()) as SignedManifest
    ).manifest;
    const plain = await get('/sample-2026/v/1/units/north.json');
    const bytes = new Uint8Array(await plain.arrayBuffer());
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(
      manifest.files['units/north.json']?.sha256,
    );
    expect(plain.headers.get('content-type')).toBe('application/json');
    expect(plain.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const etag = plain.headers.get('etag') ?? '';
    expect((await get('/sample-2026/v/1/units/north.json', { 'if-none-match': etag })).status).toBe(
      304,
    );
    // A precinct file's compressed copies are made once the version is out: served then.
    const gzipped = () => get('/sample-2026/v/1/units/north.json', { 'accept-encoding': 'gzip' });
    await expect.poll(async () => (await gzipped()).headers.get('content-encoding')).toBe('gzip');
    const gz = await gzipped();
    expect(new Uint8Array(await gz.arrayBuffer())).toEqual(bytes);
    expect((await get('/sample-2026/v/1/units/nowhere.json')).status).toBe(404);
  });

  it('publishes the log beside the site, in the tlog-tiles layout, verifiable as it is', async () => {
    const root = join(dir, 'site', 'sample-2026', 'log');
    const result = await verifyTiledLog(
      (path) =>
        Promise.resolve(existsSync(join(root, path)) ? readFileSync(join(root, path)) : undefined),
      [logKey],
      { origin: 'tally.test/sample-2026' },
    );
    expect(result.ok ? 'verified' : result.error.message).toBe('verified');
    expect((await get('/sample-2026/log/checkpoint')).status).toBe(200);
  });

  it('rebuilds only what changed in the next version, and keeps the rest byte for byte', async () => {
    expect(await post(sampleSubmission('s-2'), keys.s2)).toBe(201);
    await server.checkpointNow();
    const c = await current();
    expect(c.version).toBe(2);
    const m1 = ((await (await get('/sample-2026/v/1/manifest.json')).json()) as SignedManifest)
      .manifest;
    const m2 = ((await (await get('/sample-2026/v/2/manifest.json')).json()) as SignedManifest)
      .manifest;
    expect(m2.files['en/unit/north.html']?.sha256).toBe(m1.files['en/unit/north.html']?.sha256);
    expect(m2.files['units/north.json']?.sha256).toBe(m1.files['units/north.json']?.sha256);
    expect(m2.files['en/unit/south.html']?.sha256).not.toBe(m1.files['en/unit/south.html']?.sha256);
    const governor = await (await get('/sample-2026/v/2/en/contest/governor.html')).text();
    expect(governor).toContain('Results through the night');
  });

  it('serves every earlier version from disk once it is no longer held in memory', async () => {
    const c = await current();
    expect(c.version).toBeGreaterThan(1);
    // A plane started now holds only the current version in memory.
    const site = new PublicSite(join(dir, 'site'));
    await site.refresh('sample-2026');
    expect(site.lookup('/sample-2026/v/1/manifest.json')).toBe('older');
    const plane = createServer(site.handler());
    await new Promise<void>((resolve) => plane.listen(0, '127.0.0.1', resolve));
    const { port } = plane.address() as AddressInfo;
    const at = (path: string, headers: Record<string, string> = {}): Promise<Response> =>
      fetch(`http://127.0.0.1:${String(port)}/sample-2026/${path}`, { headers });
    try {
      const signed = await at('v/1/manifest.json');
      expect(signed.status).toBe(200);
      const { manifest } = (await signed.json()) as SignedManifest;
      expect(manifest.version).toBe(1);
      for (const path of ['en/index.html', 'results.json', 'units/north.json']) {
        const r = await at(`v/1/${path}`, { 'accept-encoding': 'identity' });
        expect(r.status, path).toBe(200);
        const body = Buffer.from(await r.arrayBuffer());
        expect(createHash('sha256').update(body).digest('hex'), path).toBe(
          manifest.files[path]?.sha256,
        );
        const etag = r.headers.get('etag') ?? '';
        expect(r.headers.get('cache-control'), path).toContain('immutable');
        expect((await at(`v/1/${path}`, { 'if-none-match': etag })).status, path).toBe(304);
      }
      // Only what that version's manifest lists, and only versions already published.
      for (const path of [
        'v/1/en/nothing.html',
        'v/1/../current.json',
        `v/${String(c.version + 1)}/manifest.json`,
        'v/01/manifest.json',
        'v/0/manifest.json',
      ]) {
        expect((await at(path)).status, path).toBe(404);
      }
    } finally {
      await new Promise((resolve) => plane.close(resolve));
    }
  });

  it('serves nothing but published files: no route into ingest or the database', async () => {
    expect((await get('/v1/elections')).status).toBe(404);
    expect((await get('/sample-2026/../tally.db')).status).toBe(404);
    const post = await fetch(`${server.publicUrl ?? ''}/sample-2026/current.json`, {
      method: 'POST',
    });
    expect(post.status).toBe(405);
  });

  /** A GET with the path sent exactly as written (fetch would tidy it first). */
  const raw = (
    path: string,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; headers: Record<string, unknown>; body: string }> =>
    new Promise((resolve, reject) => {
      const url = new URL(server.publicUrl ?? '');
      const req = request(
        { host: url.hostname, port: url.port, path, headers, method: 'GET' },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks).toString(),
            });
          });
        },
      );
      req.on('error', reject);
      req.end();
    });

  it('serves each tile under its one C2SP spelling, and keeps no other spelling of it', async () => {
    const size = (await current()).logSize;
    const tile = `/sample-2026/log/tile/0/000.p/${String(size)}`;
    expect((await raw(tile)).status).toBe(200);
    const site = new PublicSite(join(dir, 'site'));
    await site.refreshAll();
    await site.loadTile(tile);
    const held = site.tileCacheBytes;
    expect(held).toBeGreaterThan(0);
    for (const spelling of [
      `/sample-2026/log/tile/./0/000.p/${String(size)}`,
      `/sample-2026/log/tile//0/000.p/${String(size)}`,
      `/sample-2026/log/tile/0/./000.p/${String(size)}`,
      `/sample-2026/log/tile/0/000.p/0${String(size)}`,
      `/sample-2026/log/tile/00/000.p/${String(size)}`,
      `/sample-2026/log/tile/0/x000/000.p/${String(size)}`,
    ]) {
      expect((await raw(spelling)).status, spelling).toBe(404);
      expect(site.lookup(spelling), spelling).toBeUndefined();
      expect(await site.loadTile(spelling), spelling).toBeUndefined();
    }
    expect(site.tileCacheBytes).toBe(held);
  });

  it('answers a directory, a traversal or a mangled path with 404 in the error shape, never 500', async () => {
    for (const path of [
      '/sample-2026/log/tile/0',
      '/sample-2026/log/tile/entries',
      '/sample-2026/log/tile/0/',
      '/sample-2026/log/',
      '/sample-2026/v/1/',
      '/sample-2026/v/1/en',
      '/sample-2026/log/tile/0/../../../tally.db',
      '/sample-2026/%2e%2e/tally.db',
      '/sample-2026/latest/../tally.db',
      '/sample-2026/latest/../../etc/passwd',
      '/sample-2026/latest/en',
      '/sample-2026/log/tile/0/000%00',
      '/%ff%fe/current.json',
      '//etc/passwd',
    ]) {
      const answer = await raw(path);
      expect(answer.status, path).toBe(404);
      expect(JSON.parse(answer.body), path).toMatchObject({ error: { code: 'not_found' } });
    }
  });

  it('never serves an encoding the reader refused with q=0', async () => {
    const page = '/sample-2026/v/1/en/index.html';
    expect((await raw(page, { 'accept-encoding': 'gzip;q=0' })).headers['content-encoding']).toBe(
      undefined,
    );
    expect(
      (await raw(page, { 'accept-encoding': 'br;q=0, gzip' })).headers['content-encoding'],
    ).toBe('gzip');
    const unit = '/sample-2026/v/1/units/north.json';
    expect(
      (await raw(unit, { 'accept-encoding': 'br;q=0, gzip;q=0' })).headers['content-encoding'],
    ).toBe(undefined);
  });
});
