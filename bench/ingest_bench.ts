// bench:ingest — signed submissions (one reporting unit, ten contests each) accepted durably per
// second by `tally serve`, on SQLite and on PostgreSQL, next to the Ed25519 verification ceiling
// of one core measured in the same run. The server runs as its own process, as in production;
// this process only sends.
import { randomBytes, verify as cryptoVerify } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { canonicalJson, type JsonValue } from '../src/core/canonical_json.js';
import { SUBMISSION_CONTEXT } from '../src/core/log_entry.js';
import { decodeBase64 } from '../src/log/encoding.js';
import { encodeSignerKey, type Signer } from '../src/log/note.js';
import type { StoreConfig } from '../src/store/store.js';
import { post, prepare, setUpStore, signer, startServer, type Prepared } from './harness.js';
import { median, nowMs, spread } from './stats.js';

const UNITS = Number(process.env['BENCH_INGEST_UNITS'] ?? 20_000);
const RUNS = Number(process.env['BENCH_INGEST_RUNS'] ?? 3);
const CONCURRENCY = Number(process.env['BENCH_INGEST_CONCURRENCY'] ?? 64);
/** Submissions per batch request (a county's export), and batch requests in flight. */
const BATCH = Number(process.env['BENCH_INGEST_BATCH'] ?? 100);
const BATCH_CONCURRENCY = Number(process.env['BENCH_INGEST_BATCH_CONCURRENCY'] ?? 4);
const PG_URL =
  process.env['TALLY_BENCH_PG'] ??
  process.env['TALLY_TEST_PG'] ??
  'postgres://postgres@127.0.0.1:5432/test';

/** Ed25519 verifications per second on one core, over the very messages the server checks. */
function verifyCeiling(prepared: Prepared): number {
  const samples = prepared.bodies.slice(0, 5000).map((body, i) => {
    const signed = JSON.parse(body) as { submission: JsonValue; signature: string };
    return {
      message: Buffer.from(`${SUBMISSION_CONTEXT}\n${canonicalJson(signed.submission)}`),
      signature: decodeBase64(signed.signature) ?? new Uint8Array(),
      key: (prepared.unitKeys[i] as Signer).key,
    };
  });
  // Raw verification only: the message bytes are ready, as the ceiling should be.
  const t0 = nowMs();
  let n = 0;
  while (nowMs() - t0 < 1500) {
    for (const s of samples) {
      if (!cryptoVerify(null, s.message, s.key, s.signature))
        throw new Error('bad signature in bench');
      n++;
    }
  }
  return n / ((nowMs() - t0) / 1000);
}

type Mode = 'single' | 'batch';

/**
 * Sends every body, one per request with CONCURRENCY in flight, or BATCH per NDJSON request
 * with BATCH_CONCURRENCY in flight; returns accepted per second and each request's latency.
 */
async function load(
  port: number,
  bodies: readonly string[],
  mode: Mode,
): Promise<{ perSecond: number; latencies: number[] }> {
  const requests =
    mode === 'single'
      ? bodies
      : Array.from({ length: Math.ceil(bodies.length / BATCH) }, (_, i) =>
          bodies.slice(i * BATCH, (i + 1) * BATCH).join('\n'),
        );
  const inFlight = mode === 'single' ? CONCURRENCY : BATCH_CONCURRENCY;
  const agent = new Agent({ keepAlive: true, maxSockets: inFlight });
  let next = 0;
  const latencies: number[] = [];
  const t0 = nowMs();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < requests.length) {
        const body = requests[next++] as string;
        const started = nowMs();
        const answer =
          mode === 'single'
            ? await post(agent, port, '/v1/elections/bench/submissions', 'application/json', body)
            : await post(
                agent,
                port,
                '/v1/elections/bench/submission-batches',
                'application/x-ndjson',
                body,
              );
        latencies.push(nowMs() - started);
        const accepted =
          mode === 'single'
            ? answer.status === 201
            : answer.status === 200 &&
              (JSON.parse(answer.text) as { results: { status: number }[] }).results.every(
                (r) => r.status === 201,
              );
        if (!accepted) throw new Error(`submission refused: HTTP ${answer.status} ${answer.text}`);
      }
    }),
  );
  const seconds = (nowMs() - t0) / 1000;
  agent.destroy();
  return { perSecond: bodies.length / seconds, latencies };
}

async function pgSchemaUrl(): Promise<{ url: string; drop: () => Promise<void> } | undefined> {
  const schema = `tally_bench_${randomBytes(4).toString('hex')}`;
  const client = new pg.Client({ connectionString: PG_URL });
  try {
    await client.connect();
  } catch {
    return undefined;
  }
  await client.query(`CREATE SCHEMA ${schema}`);
  await client.end();
  const url = new URL(PG_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    },
  };
}

const MODES = (process.env['BENCH_INGEST_MODES'] ?? 'single,batch').split(',') as Mode[];

console.log(
  `bench:ingest — ${UNITS.toLocaleString('en-US')} signed submissions of 10 contests per run, ${RUNS} runs; single: one per request, ${CONCURRENCY} in flight; batch: ${BATCH} per NDJSON request, ${BATCH_CONCURRENCY} in flight; Node ${process.version}`,
);
const prepared = prepare(UNITS);
console.log(
  `  average body ${Math.round(prepared.bodies.reduce((n, b) => n + b.length, 0) / prepared.bodies.length)} bytes`,
);
const results = new Map<string, { perSecond: number[]; p99: number[]; ceiling: number[] }>();
const ceilings: number[] = [];
for (let run = 1; run <= RUNS; run++) {
  const ceiling = verifyCeiling(prepared);
  ceilings.push(ceiling);
  for (const dialect of ['sqlite', 'postgres'] as const) {
    for (const mode of MODES) {
      const dir = mkdtempSync(join(tmpdir(), 'tally-bench-'));
      const pgSchema = dialect === 'postgres' ? await pgSchemaUrl() : undefined;
      if (dialect === 'postgres' && pgSchema === undefined) {
        console.log('  PostgreSQL not reachable: skipped');
        continue;
      }
      try {
        const config: StoreConfig =
          pgSchema === undefined
            ? { dialect: 'sqlite', file: join(dir, 'tally.db') }
            : { dialect: 'postgres', url: pgSchema.url };
        await setUpStore(config, prepared);
        writeFileSync(join(dir, 'log-signer.key'), encodeSignerKey(signer('bench.tally')));
        const { child, port } = await startServer(dir, pgSchema?.url);
        try {
          const { perSecond, latencies } = await load(port, prepared.bodies, mode);
          const sorted = [...latencies].sort((a, b) => a - b);
          const p99 = sorted[Math.floor(sorted.length * 0.99)] ?? 0;
          const key = `${dialect}, ${mode}`;
          const figures = results.get(key) ?? { perSecond: [], p99: [], ceiling: [] };
          figures.perSecond.push(perSecond);
          figures.p99.push(p99);
          figures.ceiling.push(ceiling);
          results.set(key, figures);
          console.log(
            `  run ${run} ${key}: ${Math.round(perSecond).toLocaleString('en-US')}/s accepted, request latency p50 ${median(latencies).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms`,
          );
        } finally {
          child.kill('SIGTERM');
          await new Promise((resolve) => child.once('exit', resolve));
        }
      } finally {
        await pgSchema?.drop();
        rmSync(dir, { recursive: true, force: true });
      }
    }
  }
}
console.log(`Ed25519 verify ceiling (one core): ${spread(ceilings, '/s')}`);
for (const [key, figures] of results) {
  const ratio = figures.perSecond.map((f, i) => f / (figures.ceiling[i] ?? 1));
  console.log(
    `${key}: accepted ${spread(figures.perSecond, '/s')}; ${spread(ratio, '× the verify ceiling', 2)}; request p99 ${spread(figures.p99, 'ms', 1)}`,
  );
}
console.log('target: at least 3,000/s on SQLite (175,000 precincts in under a minute)');
