// bench:rebuild — a full rebuild of a large election's site: 175,000 reporting units, 50 contests,
// every unit reported (one submission each): the tally brought up to date from the log's entries,
// the version built and checked (every page, feed and file), and written to a directory with its
// precompressed copies. Prints the time of each step.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOG_ENTRY_FORMAT, type LogEntry } from '../src/core/log_entry.js';
import { Tally } from '../src/core/tally.js';
import { encodeVerifierKey } from '../src/log/note.js';
import { DirectoryContentStore } from '../src/publish/content_store.js';
import { SnapshotBuilder } from '../src/publish/snapshot.js';
import { generateElection, generateSubmission, seededRandom } from '../src/sim/generate.js';
import { signer } from './harness.js';
import { nowMs } from './stats.js';

const UNITS = Number(process.env['BENCH_REBUILD_UNITS'] ?? 175_000);
const CONTESTS = Number(process.env['BENCH_REBUILD_CONTESTS'] ?? 50);
const KEEP = process.env['BENCH_REBUILD_KEEP'] !== undefined;

const seconds = (since: number): string => `${((nowMs() - since) / 1000).toFixed(1)} s`;

console.log(
  `bench:rebuild — ${UNITS.toLocaleString('en-US')} reporting units, ${String(CONTESTS)} contests, every unit reported; Node ${process.version}`,
);
const key = signer('bench.tally');
let t = nowMs();
const counties = Math.max(1, Math.round(UNITS / 1000));
const election = generateElection({
  release: { beforeRelease: 'publish' },
  id: 'bench',
  counties,
  precinctsPerCounty: Math.ceil(UNITS / counties),
  contests: CONTESTS,
  authorityKeys: [encodeVerifierKey(key)],
});
const random = seededRandom(5);
const entries: LogEntry[] = election.reportingUnits.slice(0, UNITS).map((unit) => ({
  format: LOG_ENTRY_FORMAT,
  type: 'submission',
  election: 'bench',
  receivedAt: '2026-11-03T21:00:00Z',
  signed: { submission: generateSubmission(election, unit, random), signer: 'x', signature: 'x' },
  status: 'accepted',
  kind: 'original',
  warnings: [],
}));
console.log(
  `  made the election and ${entries.length.toLocaleString('en-US')} submissions: ${seconds(t)}`,
);

const total = nowMs();
t = nowMs();
const tally = new Tally(election);
for (const entry of entries) tally.apply(entry);
console.log(`  tally of every submission: ${seconds(t)}`);

const dir = mkdtempSync(join(tmpdir(), 'tally-bench-rebuild-'));
try {
  t = nowMs();
  const builder = new SnapshotBuilder({
    election,
    signer: key,
    logVerifierKey: encodeVerifierKey(key),
  });
  const content = new DirectoryContentStore(dir);
  // As the publisher does: each file written (with .br and .gz) as soon as it is made.
  const writing = new Set<Promise<void>>();
  let bytes = 0;
  const now = new Date().toISOString();
  const built = await builder.build(
    tally,
    tally.counted(),
    { version: 1, checkpoint: 'checkpoint', generatedAt: now, timeAt: () => now },
    async (f) => {
      if (f.bytes === undefined) return;
      bytes += f.bytes.length;
      const write = content
        .put({ path: `v/1/${f.path}`, bytes: f.bytes, sha256: f.sha256 })
        .finally(() => writing.delete(write));
      writing.add(write);
      if (writing.size >= 8) await Promise.race(writing);
    },
  );
  await Promise.all(writing);
  if (!built.ok) throw new Error(built.error.message);
  await content.replace('current.json', built.value.current.bytes);
  console.log(
    `  build, check and write the version with .br and .gz copies: ${seconds(t)} (${built.value.files.length.toLocaleString('en-US')} files, ${(bytes / 1e6).toFixed(0)} MB before compression)`,
  );
  console.log(`full rebuild (tally, build, check, write): ${seconds(total)}`);
  if (KEEP) console.log(`  kept in ${dir}`);
} finally {
  if (!KEEP) rmSync(dir, { recursive: true, force: true });
}
