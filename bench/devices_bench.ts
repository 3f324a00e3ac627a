// bench:devices — the caucus night Iowa's app failed: 2,000 precinct chairs' phones, each with its
// own key, each sending its precinct's signed caucus report once, all within the same few
// minutes, to `tally serve` (its own process, publishing as it goes). A phone opens its own
// connection (no keep-alive shared with others), and one in ten sends its report again, as a
// phone does whose first answer was lost: that must get the same receipt. About 6% of the
// reports break the caucus rules (as over 100 of Iowa's 1,765 did) and must be held.
//
// Prints, over RUNS runs on a fresh store each: the reports' latency (p50, p90, p99, max), how
// many were accepted, held and refused, and whether each re-send got its first receipt.
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseElectionDefinition } from '../src/core/election.js';
import { checkSubmission, type Submission } from '../src/core/submission.js';
import { signSubmission } from '../src/ingest/submit_client.js';
import { encodeVerifierKey, type Signer } from '../src/log/note.js';
import {
  breakCaucusRules,
  generateDefinition,
  generateSubmission,
  seededRandom,
} from '../src/sim/generate.js';
import { post, setUpStore, signer, startServer, type Prepared } from './harness.js';
import { median, quantile, spread } from './stats.js';

const DEVICES = Number(process.env['BENCH_DEVICES'] ?? 2000);
/** The window every device sends within, in seconds. */
const WINDOW_S = Number(process.env['BENCH_DEVICES_WINDOW_S'] ?? 60);
const RUNS = Number(process.env['BENCH_DEVICES_RUNS'] ?? 3);
const RESEND = 0.1;
const RULE_BREAK = 0.06;

/** A caucus of DEVICES precincts in counties of 100, a key per precinct, a report each. */
function prepareCaucus(): Prepared & { readonly breakers: number } {
  const authority = signer('authority.bench');
  const counties = Math.max(1, Math.round(DEVICES / 100));
  const parsed = parseElectionDefinition(
    generateDefinition({
      id: 'caucus-bench',
      release: { beforeRelease: 'publish' },
      counties,
      precinctsPerCounty: Math.ceil(DEVICES / counties),
      contests: 1,
      caucus: 'iowa-2020',
      authorityKeys: [encodeVerifierKey(authority)],
    }),
  );
  if (!parsed.ok) throw new Error(parsed.error.message);
  const election = parsed.value;
  const units = election.reportingUnits.slice(0, DEVICES);
  const random = seededRandom(2020);
  const unitKeys = units.map((u) => signer(`phone.${u}`));
  let breakers = 0;
  const bodies = units.map((unit, i) => {
    const clean = generateSubmission(election, unit, random);
    let submission: Submission = clean;
    if (random() < RULE_BREAK) {
      const broken = clean.contests.map((c) => breakCaucusRules(c, random));
      const candidate = { ...clean, contests: broken as Submission['contests'] };
      // Counted as breaking the rules where the rules say so (a delegate moved between groups
      // tied for it breaks none).
      const checked = broken.includes(undefined) ? undefined : checkSubmission(election, candidate);
      if (checked?.ok === true && checked.value.length > 0) {
        submission = candidate;
        breakers++;
      }
    }
    return JSON.stringify(signSubmission(submission, unitKeys[i] as Signer));
  });
  return { election, authority, unitKeys, bodies, breakers };
}

interface Outcome {
  readonly latencyMs: number;
  readonly status: number;
  readonly receipt?: { readonly status: string; readonly leafIndex: number };
}

async function send(port: number, path: string, body: string): Promise<Outcome> {
  // A phone of its own: a connection of its own.
  const agent = new Agent({ keepAlive: false });
  const t0 = performance.now();
  try {
    const res = await post(agent, port, path, 'application/json', body);
    const parsed = JSON.parse(res.text) as { receipt?: Outcome['receipt'] };
    return {
      latencyMs: performance.now() - t0,
      status: res.status,
      ...(parsed.receipt === undefined ? {} : { receipt: parsed.receipt }),
    };
  } finally {
    agent.destroy();
  }
}

async function run(prepared: ReturnType<typeof prepareCaucus>): Promise<{
  latencies: number[];
  accepted: number;
  held: number;
  refused: number;
  resends: number;
  resendsSameReceipt: number;
  seconds: number;
}> {
  const dir = mkdtempSync(join(tmpdir(), 'tally-bench-devices-'));
  try {
    await setUpStore({ dialect: 'sqlite', file: join(dir, 'tally.db') }, prepared);
    const server = await startServer(dir, undefined, ['--public-port', '0']);
    try {
      const path = `/v1/elections/${prepared.election.definition.id}/submissions`;
      const random = seededRandom(7);
      const started = performance.now();
      const latencies: number[] = [];
      let accepted = 0;
      let held = 0;
      let refused = 0;
      let resends = 0;
      let resendsSameReceipt = 0;
      await Promise.all(
        prepared.bodies.map(async (body) => {
          await new Promise((resolve) => setTimeout(resolve, random() * WINDOW_S * 1000));
          const first = await send(server.port, path, body);
          latencies.push(first.latencyMs);
          if (first.receipt?.status === 'accepted') accepted++;
          else if (first.receipt?.status === 'held') held++;
          else refused++;
          if (random() < RESEND) {
            resends++;
            const again = await send(server.port, path, body);
            latencies.push(again.latencyMs);
            if (
              again.receipt !== undefined &&
              again.receipt.leafIndex === first.receipt?.leafIndex
            ) {
              resendsSameReceipt++;
            }
          }
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      return { latencies, accepted, held, refused, resends, resendsSameReceipt, seconds };
    } finally {
      server.child.kill('SIGTERM');
      await new Promise((resolve) => server.child.once('exit', resolve));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const prepared = prepareCaucus();
console.log(
  `bench:devices — ${String(DEVICES)} phones, each its own key and connection, one caucus report each within ${String(WINDOW_S)} s (${String(prepared.breakers)} break the rules; one in ten re-sent), ${String(RUNS)} runs, SQLite, publishing on`,
);
const runs: Awaited<ReturnType<typeof run>>[] = [];
for (let r = 0; r < RUNS; r++) {
  const result = await run(prepared);
  runs.push(result);
  console.log(
    `  run ${String(r + 1)}: ${String(result.accepted)} accepted, ${String(result.held)} held, ${String(result.refused)} refused; p50 ${median(result.latencies).toFixed(0)} ms, p99 ${quantile(result.latencies, 0.99).toFixed(0)} ms, max ${Math.max(...result.latencies).toFixed(0)} ms; re-sends with their first receipt ${String(result.resendsSameReceipt)}/${String(result.resends)}; ${result.seconds.toFixed(1)} s`,
  );
}
const of = (f: (r: (typeof runs)[number]) => number): number[] => runs.map(f);
console.log(
  `  latency p50: ${spread(
    of((r) => median(r.latencies)),
    'ms',
  )}`,
);
console.log(
  `  latency p90: ${spread(
    of((r) => quantile(r.latencies, 0.9)),
    'ms',
  )}`,
);
console.log(
  `  latency p99: ${spread(
    of((r) => quantile(r.latencies, 0.99)),
    'ms',
  )}`,
);
console.log(
  `  latency max: ${spread(
    of((r) => Math.max(...r.latencies)),
    'ms',
  )}`,
);
console.log(
  `  held for review: ${spread(
    of((r) => r.held),
    'reports',
  )} (${String(prepared.breakers)} break the rules)`,
);
console.log(
  `  refused: ${spread(
    of((r) => r.refused),
    'reports',
  )}`,
);
const lost = runs.filter(
  (r) => r.resendsSameReceipt !== r.resends || r.accepted + r.held !== DEVICES,
);
console.log(
  lost.length === 0
    ? '  every report answered with a receipt; every re-send with its first one'
    : `  NOT every report got a receipt, or a re-send got another (${String(lost.length)} run(s))`,
);
if (lost.length > 0) process.exitCode = 1;
