// bench:log — the transparency log's costs at election scale: appends per second up to
// 1,000,000 leaves, the cost of one append plus checkpoint as the log grows (it must stay
// O(log n)), and proof generation at 1,000,000 leaves.
import { canonicalJsonBytes } from '../src/core/canonical_json.js';
import { Log } from '../src/log/log.js';
import { MemoryLogStorage } from '../src/log/memory_storage.js';
import { generateSigner } from '../src/log/note.js';
import { median, nowMs, quantile, spread } from './stats.js';

const LEAVES = Number(process.env['BENCH_LOG_LEAVES'] ?? 1_000_000);
const RUNS = Number(process.env['BENCH_LOG_RUNS'] ?? 3);
const BATCH = 1000;
const MILESTONES = [1_000, 10_000, 100_000, 1_000_000].filter((m) => m <= LEAVES);
const WINDOW = 2_000;
const PROOFS = 2_000;

const signerResult = generateSigner('bench.tally.example/log');
if (!signerResult.ok) throw new Error(signerResult.error.message);
const signer = signerResult.value;

function entry(i: number): Uint8Array {
  // About the size of a small submission's log entry.
  return canonicalJsonBytes({
    kind: 'submission',
    election: 'bench-2026',
    unit: `precinct-${i}`,
    sequence: i,
    counts: [i % 997, i % 991, i % 983, i % 977],
    signature: 'x'.repeat(88),
  });
}

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

interface Run {
  batchedPerSecond: number;
  singleMicros: Map<number, number>;
  inclusionMicros: number[];
  consistencyMicros: number[];
  checkpointMicros: number[];
}

async function run(seed: number): Promise<Run> {
  const log = await Log.open(new MemoryLogStorage());
  const singleMicros = new Map<number, number>();
  let batchedMs = 0;
  let batchedCount = 0;
  for (const milestone of MILESTONES) {
    // Grow in batches to just below the milestone (timed: batched appends per second)...
    const target = milestone - WINDOW;
    while (Number(log.size) < target) {
      const n = Math.min(BATCH, target - Number(log.size));
      const first = Number(log.size);
      const entries = Array.from({ length: n }, (_, i) => entry(first + i));
      const t0 = nowMs();
      const appended = await log.append(entries);
      batchedMs += nowMs() - t0;
      batchedCount += n;
      if (!appended.ok) throw new Error(appended.error.message);
    }
    // ...then one entry at a time, each followed by a signed checkpoint.
    const samples: number[] = [];
    while (Number(log.size) < milestone) {
      const e = entry(Number(log.size));
      const t0 = nowMs();
      const appended = await log.append([e]);
      const note = log.checkpoint('bench.tally.example/log', [signer]);
      samples.push((nowMs() - t0) * 1000);
      if (!appended.ok || !note.ok) throw new Error('append failed');
    }
    singleMicros.set(milestone, median(samples));
  }

  const rand = random(seed);
  const size = log.size;
  const inclusionMicros: number[] = [];
  const consistencyMicros: number[] = [];
  for (let i = 0; i < PROOFS; i++) {
    const index = BigInt(Math.floor(rand() * Number(size)));
    const t0 = nowMs();
    const proof = await log.inclusionProof(index);
    inclusionMicros.push((nowMs() - t0) * 1000);
    if (!proof.ok) throw new Error(proof.error.message);
    const older = BigInt(1 + Math.floor(rand() * (Number(size) - 1)));
    const t1 = nowMs();
    const consistency = await log.consistencyProof(older);
    consistencyMicros.push((nowMs() - t1) * 1000);
    if (!consistency.ok) throw new Error(consistency.error.message);
  }
  const checkpointMicros: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t0 = nowMs();
    log.checkpoint('bench.tally.example/log', [signer]);
    checkpointMicros.push((nowMs() - t0) * 1000);
  }
  return {
    batchedPerSecond: batchedCount / (batchedMs / 1000),
    singleMicros,
    inclusionMicros,
    consistencyMicros,
    checkpointMicros,
  };
}

console.log(
  `bench:log — ${LEAVES.toLocaleString('en-US')} leaves, ${RUNS} runs, Node ${process.version}`,
);
const runs: Run[] = [];
for (let r = 0; r < RUNS; r++) {
  const t0 = nowMs();
  runs.push(await run(r + 1));
  console.log(`  run ${r + 1}: ${((nowMs() - t0) / 1000).toFixed(1)} s`);
}
console.log(
  `appends per second (batches of ${BATCH}): ${spread(
    runs.map((r) => r.batchedPerSecond),
    '/s',
  )}`,
);
console.log(`one append + signed checkpoint, median over ${WINDOW} appends at each size:`);
for (const m of MILESTONES) {
  console.log(
    `  at ${m.toLocaleString('en-US').padStart(9)} leaves: ${spread(
      runs.map((r) => r.singleMicros.get(m) ?? 0),
      'µs',
      1,
    )}`,
  );
}
const first = MILESTONES[0];
const last = MILESTONES[MILESTONES.length - 1] ?? LEAVES;
if (first !== undefined && first !== last) {
  const ratios = runs.map(
    (r) => (r.singleMicros.get(last) ?? 0) / (r.singleMicros.get(first) ?? 1),
  );
  console.log(
    `  cost at ${last.toLocaleString('en-US')} / cost at ${first.toLocaleString('en-US')}: ${spread(ratios, '×', 2)} (log2 ratio of sizes: ${(Math.log2(last) / Math.log2(first)).toFixed(2)})`,
  );
}
const pooled = (pick: (r: Run) => number[]): number[] => runs.map((r) => median(pick(r)));
const p99 = (pick: (r: Run) => number[]): number[] => runs.map((r) => quantile(pick(r), 0.99));
console.log(
  `signed checkpoint at ${last.toLocaleString('en-US')} leaves: ${spread(
    pooled((r) => r.checkpointMicros),
    'µs',
    1,
  )}`,
);
console.log(
  `inclusion proof at ${last.toLocaleString('en-US')} leaves: median ${spread(
    pooled((r) => r.inclusionMicros),
    'µs',
    1,
  )}; p99 ${spread(
    p99((r) => r.inclusionMicros),
    'µs',
    1,
  )}`,
);
console.log(
  `consistency proof at ${last.toLocaleString('en-US')} leaves: median ${spread(
    pooled((r) => r.consistencyMicros),
    'µs',
    1,
  )}; p99 ${spread(
    p99((r) => r.consistencyMicros),
    'µs',
    1,
  )}`,
);
