// bench:publish — how soon an accepted submission is on the public site: with an election of
// 10,000 units and submissions arriving at 50 a second, the time from a submission's acceptance
// (its 201) to the first current.json served by the public plane that counts it, p50 and p99.
// The server runs as its own process (`tally serve`, publishing), as in production.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeSignerKey } from '../src/log/note.js';
import { freePort, post, prepare, setUpStore, signer, startServer } from './harness.js';
import { nowMs, quantile, spread } from './stats.js';

const UNITS = Number(process.env['BENCH_PUBLISH_UNITS'] ?? 10_000);
const RATE = Number(process.env['BENCH_PUBLISH_RATE'] ?? 50);
const SECONDS = Number(process.env['BENCH_PUBLISH_SECONDS'] ?? 20);
const RUNS = Number(process.env['BENCH_PUBLISH_RUNS'] ?? 3);

interface Seen {
  readonly at: number;
  readonly logSize: number;
  readonly version: number;
}

async function run(n: number): Promise<{ latencies: number[]; versions: number }> {
  const submissions = RATE * SECONDS;
  const prepared = prepare(UNITS);
  const dir = mkdtempSync(join(tmpdir(), 'tally-bench-publish-'));
  try {
    await setUpStore({ dialect: 'sqlite', file: join(dir, 'tally.db') }, prepared);
    writeFileSync(join(dir, 'log-signer.key'), encodeSignerKey(signer('bench.tally')));
    const publicPort = await freePort();
    const { child, port } = await startServer(dir, undefined, [
      '--public-port',
      String(publicPort),
    ]);
    try {
      const agent = new Agent({ keepAlive: true, maxSockets: 8 });
      const seen: Seen[] = [];
      const watching = { on: true };
      const watch = (async () => {
        let last = -1;
        while (watching.on) {
          try {
            const response = await fetch(
              `http://127.0.0.1:${String(publicPort)}/bench/current.json`,
            );
            if (response.ok) {
              const current = (await response.json()) as { version: number; logSize: number };
              if (current.version !== last) {
                last = current.version;
                seen.push({ at: nowMs(), logSize: current.logSize, version: current.version });
              }
            }
          } catch {
            // Not up yet.
          }
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      })();
      // The site is published before results arrive, as on election night: wait for it.
      const warm = nowMs();
      while (seen.length === 0) {
        if (nowMs() - warm > 120_000) throw new Error('no first version within two minutes');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      console.log(
        `  run ${String(n)}: first version (the whole site, no results yet) served after ${((nowMs() - warm) / 1000).toFixed(1)} s`,
      );
      const accepted: { at: number; leaf: number }[] = [];
      const t0 = nowMs();
      const sends: Promise<void>[] = [];
      for (let i = 0; i < submissions; i++) {
        const due = t0 + (i * 1000) / RATE;
        const wait = due - nowMs();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        const body = prepared.bodies[i % prepared.bodies.length] as string;
        sends.push(
          post(agent, port, '/v1/elections/bench/submissions', 'application/json', body).then(
            (answer) => {
              if (answer.status !== 201) throw new Error(`HTTP ${String(answer.status)}`);
              const receipt = (JSON.parse(answer.text) as { receipt: { leafIndex: number } })
                .receipt;
              accepted.push({ at: nowMs(), leaf: receipt.leafIndex });
            },
          ),
        );
      }
      await Promise.all(sends);
      const lastLeaf = Math.max(...accepted.map((a) => a.leaf));
      const deadline = nowMs() + 10_000;
      while (!seen.some((s) => s.logSize > lastLeaf) && nowMs() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      watching.on = false;
      await watch;
      agent.destroy();
      const latencies = accepted.map((a) => {
        const first = seen.find((s) => s.logSize > a.leaf);
        return first === undefined ? Number.POSITIVE_INFINITY : Math.max(0, first.at - a.at);
      });
      const versions = new Set(seen.map((s) => s.version)).size;
      console.log(
        `  run ${String(n)}: ${String(accepted.length)} accepted, ${String(versions)} versions published; accepted → served p50 ${quantile(latencies, 0.5).toFixed(0)} ms, p99 ${quantile(latencies, 0.99).toFixed(0)} ms, max ${Math.max(...latencies).toFixed(0)} ms`,
      );
      return { latencies, versions };
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(
  `bench:publish — ${UNITS.toLocaleString('en-US')} units (10 contests), ${String(RATE)} submissions/s for ${String(SECONDS)} s, ${String(RUNS)} runs, Node ${process.version}`,
);
const p50s: number[] = [];
const p99s: number[] = [];
for (let n = 1; n <= RUNS; n++) {
  const { latencies } = await run(n);
  p50s.push(quantile(latencies, 0.5));
  p99s.push(quantile(latencies, 0.99));
}
console.log(`accepted submission → new current.json served: p50 ${spread(p50s, 'ms')}`);
console.log(`accepted submission → new current.json served: p99 ${spread(p99s, 'ms')}`);
console.log('target: p99 under 1,000 ms');
