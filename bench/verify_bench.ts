// bench:verify — the time `tally verify` takes over a published election of 175,000 units (one
// signed submission each, ten contests): the log's tiles, every entry's signature, the replay of
// the rules, the tally, every file rebuilt and every published number compared, the precompressed
// copies decoded and checked, as the command does. The site is built first (not timed): the
// definition, a county key per county in the roster, the submissions, the log, the version.
// Beside it, in the same run, the floor (verify_floor.ts): SHA-256 of every published file and
// an Ed25519 verification per submission, on every core; and the ratio of the two.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canonicalJson, type JsonValue } from '../src/core/canonical_json.js';
import {
  electionEntries,
  encodeLogEntry,
  LOG_ENTRY_FORMAT,
  ROSTER_CONTEXT,
  type LogEntry,
} from '../src/core/log_entry.js';
import { sha256Hex } from '../src/core/sha256.js';
import { compressedReader, directoryLister, publishedReader } from '../src/cli/site_reader.js';
import { signSubmission } from '../src/ingest/submit_client.js';
import { signObject } from '../src/log/envelope.js';
import { Log } from '../src/log/log.js';
import { MemoryLogStorage } from '../src/log/memory_storage.js';
import { encodeVerifierKey, parseVerifierKey, type Verifier } from '../src/log/note.js';
import { DirectoryContentStore } from '../src/publish/content_store.js';
import { Publisher } from '../src/publish/publisher.js';
import { generateSubmission, seededRandom } from '../src/sim/generate.js';
import { readEntries, verifySite } from '../src/verify/verify.js';
import { filesThread, verifyPool } from '../src/cli/verify_pool.js';
import { benchElection, signer } from './harness.js';
import { median, nowMs } from './stats.js';
import { measureFloor } from './verify_floor.js';
import { availableParallelism, loadavg } from 'node:os';

const UNITS = Number(process.env['BENCH_VERIFY_UNITS'] ?? 175_000);
const seconds = (since: number): string => `${((nowMs() - since) / 1000).toFixed(1)} s`;

console.log(
  `bench:verify — a published election of ${UNITS.toLocaleString('en-US')} units, one signed submission each, ten contests; Node ${process.version}`,
);
// BENCH_VERIFY_SITE=<dir> keeps the built site there (with the log key in <dir>/log.key) and
// later runs verify it again without building it: for profiling the verifier alone.
const kept = process.env['BENCH_VERIFY_SITE'];
const KEY_FILE = 'log.key';

async function buildSite(dir: string): Promise<Verifier> {
  const t = nowMs();
  const authority = signer('authority.bench');
  const logKey = signer('bench.tally');
  const election = benchElection(UNITS, authority);
  const time = '2026-11-03T21:00:00Z';
  const definition = canonicalJson(election.definition as unknown as JsonValue);
  const entries: LogEntry[] = electionEntries('bench', definition, sha256Hex(definition), time);
  const countyKeys = new Map(
    (election.children.get('state') ?? []).map((c) => [c, signer(`${c}.tabulator`)]),
  );
  for (const [unit, key] of countyKeys) {
    const statement = {
      election: 'bench',
      action: 'certify' as const,
      unit,
      key: encodeVerifierKey(key),
      time,
    };
    const signed = signObject(ROSTER_CONTEXT, statement, authority);
    entries.push({ format: LOG_ENTRY_FORMAT, type: 'roster', statement, ...signed });
  }
  const random = seededRandom(11);
  const sequences = new Map<string, number>();
  for (const unit of election.reportingUnits.slice(0, UNITS)) {
    const county = election.units.get(unit)?.parent ?? '';
    const sequence = (sequences.get(county) ?? 0) + 1;
    sequences.set(county, sequence);
    const submission = generateSubmission(election, unit, random, { sequence });
    entries.push({
      format: LOG_ENTRY_FORMAT,
      type: 'submission',
      election: 'bench',
      receivedAt: time,
      signed: signSubmission(submission, countyKeys.get(county) ?? logKey),
      status: 'accepted',
      kind: 'original',
      warnings: [],
    });
  }
  const log = await Log.open(new MemoryLogStorage());
  for (let at = 0; at < entries.length; at += 10_000) {
    const appended = await log.append(entries.slice(at, at + 10_000).map(encodeLogEntry));
    if (!appended.ok) throw new Error(appended.error.message);
  }
  console.log(`  made ${entries.length.toLocaleString('en-US')} signed log entries: ${seconds(t)}`);

  const t2 = nowMs();
  const publisher = new Publisher({
    election,
    log,
    signer: logKey,
    content: new DirectoryContentStore(dir),
  });
  const note = log.checkpoint('bench.tally/bench', [logKey]);
  if (!note.ok) throw new Error(note.error.message);
  const published = await publisher.request({ size: Number(log.size), note: note.value });
  if (!published.ok) throw new Error(published.error.message);
  // The verifier decodes every compressed copy: the site has them all, as after a night.
  await publisher.settle();
  console.log(`  published the version and the log's tiles: ${seconds(t2)}`);
  const key = encodeVerifierKey(logKey);
  writeFileSync(join(dir, KEY_FILE), `${key}\n`);
  const parsed = parseVerifierKey(key);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

const dir = kept ?? mkdtempSync(join(tmpdir(), 'tally-bench-verify-'));
try {
  let logKey: Verifier;
  if (kept !== undefined && existsSync(join(kept, KEY_FILE))) {
    const parsed = parseVerifierKey(readFileSync(join(kept, KEY_FILE), 'utf8').trim());
    if (!parsed.ok) throw new Error(parsed.error.message);
    logKey = parsed.value;
    console.log(`  the site built before in ${kept}`);
  } else {
    mkdirSync(dir, { recursive: true });
    logKey = await buildSite(dir);
  }
  const runs = Number(process.env['BENCH_VERIFY_RUNS'] ?? 1);
  const times: number[] = [];
  const floors: number[] = [];
  let threads = 0;
  // The floor's inputs: the log's entries as published (read before its clock starts, and
  // dropped before the verifier's: a verifier's process does not hold them already).
  const checkpoint = readFileSync(join(dir, 'log', 'checkpoint'), 'utf8').split('\n');
  const floorEntries = async (): Promise<readonly Uint8Array[]> => {
    const read = await readEntries(
      (path) => publishedReader(dir)(`log/${path}`),
      BigInt(checkpoint[1] ?? '0'),
    );
    if (!read.ok) throw new Error(read.problem.message);
    return read.value;
  };
  const load = (): string =>
    loadavg()
      .map((l) => l.toFixed(2))
      .join(' ');
  for (let run = 0; run < runs; run++) {
    const floor = await measureFloor(
      dir,
      await floorEntries(),
      new Set([KEY_FILE]),
      availableParallelism(),
    );
    floors.push(floor.seconds);
    if (floor.failed > 0) throw new Error(`${String(floor.failed)} signatures did not verify`);
    console.log(
      `  run ${String(run + 1)}: the floor on ${String(floor.threads)} worker threads: ${floor.seconds.toFixed(1)} s — SHA-256 of ${floor.files.toLocaleString('en-US')} files (${(floor.bytes / 1e6).toFixed(0)} MB, ${floor.compressedCopies.toLocaleString('en-US')} of them .br/.gz copies) and ${floor.signatures.toLocaleString('en-US')} Ed25519 verifications (load average ${load()})`,
    );
    const workers = verifyPool();
    const files = filesThread(dir);
    threads = workers.size;
    const t = nowMs();
    const list = directoryLister(dir);
    const report = await verifySite(publishedReader(dir), {
      logKeys: [logKey],
      manifestKeys: [logKey],
      workers,
      readCompressed: compressedReader(dir),
      ...(list === undefined ? {} : { list }),
      ...(files === undefined ? {} : { checkFiles: files.checkFiles }),
    }).finally(() => Promise.all([workers.close(), files?.close()]));
    times.push((nowMs() - t) / 1000);
    console.log(
      `  run ${String(run + 1)}: ${report.ok ? 'VERIFIED' : `NOT VERIFIED (${report.problems[0]?.message ?? ''})`}, ${report.entriesChecked.toLocaleString('en-US')} entries, ${report.numbersCompared.toLocaleString('en-US')} numbers compared, ${(times.at(-1) ?? 0).toFixed(1)} s, ${((times.at(-1) ?? 0) / floor.seconds).toFixed(2)}x the floor (load average ${load()})`,
    );
    console.log(
      `    stages (seconds from the start): ${Object.entries(report.seconds ?? {})
        .map(([stage, s]) => `${stage} ${s.toFixed(1)}`)
        .join(', ')}`,
    );
  }
  const summary = (values: readonly number[], digits = 1, unit = ' s'): string =>
    `${median(values).toFixed(digits)}${unit} (median of ${String(values.length)}; ${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)})`;
  console.log(
    `time to verify ${UNITS.toLocaleString('en-US')} units on ${String(threads)} worker threads: ${summary(times)}`,
  );
  console.log(
    `the floor (SHA-256 of every published file, .br/.gz copies included, and Ed25519 of every submission) on ${String(availableParallelism())} worker threads: ${summary(floors)}`,
  );
  console.log(
    `verifier / floor: ${summary(
      times.map((t, i) => t / (floors[i] ?? t)),
      2,
      'x',
    )}; load average ${load()}`,
  );
  console.log('target: under 30 s, and the ratio no higher than 3.3x');
} finally {
  if (kept === undefined) rmSync(dir, { recursive: true, force: true });
}
