// Mississippi 2022: a flood of readers on the public site must not slow the count. `tally serve`
// runs as its own process, publishing, with the public plane on its own listener and thread; a
// separate process floods that plane while county tabulators keep submitting. Every submission
// is still accepted, and ingest latency under the flood stays within a small multiple of its
// latency without it.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Election } from '../core/election.js';
import { importElection } from '../ingest/elections.js';
import { changeRosterMany } from '../ingest/roster.js';
import { signSubmission } from '../ingest/submit_client.js';
import { encodeSignerKey, encodeVerifierKey, type Signer } from '../log/note.js';
import { generateElection, generateSubmission, seededRandom } from '../sim/generate.js';
import { openStore } from '../store/store.js';
import { startServeProcess, type ServeProcess } from './testonly/serve_process.js';
import { testSigner } from '../log/testonly/signers.js';

const PER_PHASE = 150;

const signer = testSigner;

/** A reader flood from another process: keep-alive GETs of a page and current.json. */
const FLOOD = `
const http = require('node:http');
const [base, path] = process.argv.slice(1);
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
let served = 0;
const loop = (p) => {
  const req = http.get(base + p, { agent }, (res) => {
    res.resume();
    res.on('end', () => { if (res.statusCode === 200) served++; loop(p); });
  });
  req.on('error', () => setTimeout(() => loop(p), 10));
};
for (let i = 0; i < 128; i++) loop(i % 2 === 0 ? path : '/flood/current.json');
process.on('SIGTERM', () => { process.stdout.write(String(served)); process.exit(0); });
`;

const quantile = (values: readonly number[], q: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
};

describe('the public plane under a flood of readers', () => {
  let dir: string;
  let server: ServeProcess;
  /** Each county's submissions in sequence order: one sender per county keeps them in order. */
  let phases: string[][][] = [];
  let election: Election;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tally-flood-'));
    const store = await openStore({ dialect: 'sqlite', file: join(dir, 'tally.db') });
    const authority = signer('authority.flood');
    election = generateElection({
      release: { beforeRelease: 'publish' },
      id: 'flood',
      counties: 4,
      precinctsPerCounty: 100,
      contests: 10,
      authorityKeys: [encodeVerifierKey(authority)],
    });
    const imported = await importElection(store, election, new Date());
    if (!imported.ok) throw new Error(imported.error.message);
    const counties = (election.children.get('state') ?? []).map((county) => ({
      county,
      key: signer(`${county}.tabulator`),
    }));
    const certified = await changeRosterMany(
      imported.value.ledger,
      election,
      authority,
      counties.map((c) => ({ action: 'certify', unit: c.county, key: encodeVerifierKey(c.key) })),
      new Date(),
    );
    if (!certified.ok) throw new Error(certified.error.message);
    await store.close();
    writeFileSync(join(dir, 'log-signer.key'), encodeSignerKey(signer('tally.flood')));
    const random = seededRandom(9);
    const queues = new Map<string, string[]>(counties.map((c) => [c.county, []]));
    for (const unit of election.reportingUnits.slice(0, 2 * PER_PHASE)) {
      const county = election.units.get(unit)?.parent ?? '';
      const key = counties.find((c) => c.county === county)?.key as Signer;
      const queue = queues.get(county) as string[];
      const submission = generateSubmission(election, unit, random, { sequence: queue.length + 1 });
      queue.push(JSON.stringify(signSubmission(submission, key)));
    }
    const all = [...queues.values()];
    phases = [
      all.map((q) => q.slice(0, Math.floor(q.length / 2))),
      all.map((q) => q.slice(Math.floor(q.length / 2))),
    ];
    server = await startServeProcess(dir);
  }, 120_000);

  afterAll(async () => {
    server.child.kill('SIGTERM');
    await server.exited;
    rmSync(dir, { recursive: true, force: true });
  });

  /** Sends each county's queue in order, the counties at once; returns each latency in ms. */
  async function submit(queues: readonly (readonly string[])[]): Promise<number[]> {
    const latencies: number[] = [];
    await Promise.all(
      queues.map(async (queue) => {
        for (const body of queue) {
          const started = performance.now();
          const response = await fetch(`${server.url}/v1/elections/flood/submissions`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body,
          });
          await response.arrayBuffer();
          expect(response.status).toBe(201);
          latencies.push(performance.now() - started);
        }
      }),
    );
    return latencies;
  }

  it('keeps accepting submissions at the same pace while readers flood the site', async () => {
    // The site is published first (the election before results), as on election night.
    for (let i = 0; i < 200; i++) {
      const r = await fetch(`${server.publicUrl}/flood/current.json`).catch(() => undefined);
      if (r?.ok === true) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const quiet = await submit(phases[0] ?? []);
    const flood = spawn(
      process.execPath,
      ['-e', FLOOD, server.publicUrl, '/flood/v/1/en/index.html'],
      { stdio: ['ignore', 'pipe', 'ignore'] },
    );
    let served = '';
    flood.stdout.on('data', (chunk: Buffer) => (served += chunk.toString()));
    await new Promise((resolve) => setTimeout(resolve, 500));
    const flooded = await submit(phases[1] ?? []);
    flood.kill('SIGTERM');
    await new Promise((resolve) => flood.once('exit', resolve));
    const reads = Number(served);
    const q = (v: number[]): string =>
      `p50 ${quantile(v, 0.5).toFixed(1)} ms, p95 ${quantile(v, 0.95).toFixed(1)} ms`;
    console.log(
      `flood test: ingest without flood ${q(quiet)}; during a flood of ${String(reads)} public reads ${q(flooded)}`,
    );
    expect(reads).toBeGreaterThan(1000);
    expect(quantile(flooded, 0.95)).toBeLessThan(5 * quantile(quiet, 0.95) + 100);
  }, 120_000);
});
