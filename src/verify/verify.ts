// The independent verifier: from a published site's public files alone, and keys its user
// trusts (never only those the site serves), it checks that the manifest and the log's
// checkpoints are signed by those keys, that every file is the one the manifest lists, that the
// log hashes up to its checkpoint and agrees with the version's checkpoint (and with an older one
// the user saw), that every entry is well-formed and every submission signed by a key the
// roster certified at that point, that each entry's recorded decision follows the admission rules,
// and that every published number is the sum of the accepted submissions. Pure: files come
// through `read`, so it runs over a directory, a mirror or HTTP alike.
import type { Election } from '../core/election.js';
import { sha256Hex } from '../core/sha256.js';
import { Tally, type AreaResults } from '../core/tally.js';
import { MANIFEST_CONTEXT, parseCurrent, parseManifest } from '../formats/manifest.js';
import {
  flattenResults,
  readNistResults,
  type NistReportInfo,
} from '../formats/nist_cdf_results.js';
import {
  areaFeed,
  contestCsv,
  ResultsFeed,
  unitFilePath,
  unitGroups,
  UnitResultsFeed,
} from '../formats/results_feed.js';
import { openCheckpoint, type Checkpoint } from '../log/checkpoint.js';
import { keyRef, verifyObject } from '../log/envelope.js';
import { hashesEqual } from '../log/hash.js';
import { Log } from '../log/log.js';
import { MemoryLogStorage } from '../log/memory_storage.js';
import type { Verifier } from '../log/note.js';
import { decodeEntryBundle, entryBundlePath, TILE_WIDTH } from '../log/tiles.js';
import { CHECKPOINT_PATH, verifyTiledLog } from '../log/tiled_log.js';
import { append, parseJsonText, replayLog } from './replay.js';
import {
  runTask,
  WorkerState,
  type GroupTask,
  type VerifyTask,
  type VerifyTaskResult,
} from './work.js';

/** Reads a published file by its path under the election's site root; undefined when absent. */
export type ReadPublished = (path: string) => Promise<Uint8Array | undefined>;

export interface VerifyOptions {
  /** Keys trusted to sign the log's checkpoints. */
  readonly logKeys: readonly Verifier[];
  /** Keys trusted to sign manifests. */
  readonly manifestKeys: readonly Verifier[];
  /** A checkpoint seen earlier: the log must still contain what it committed to. */
  readonly since?: string;
  /** Where the work runs: worker threads (src/cli/verify_pool.ts), or this thread by default. */
  readonly workers?: VerifyWorkers;
}

/** Runs the verifier's tasks (src/verify/work.ts) on `size` workers, each keeping its state. */
export interface VerifyWorkers {
  readonly size: number;
  run(worker: number, task: VerifyTask): Promise<VerifyTaskResult>;
}

/** Workers that run on the calling thread, one after another: for tests and small sites. */
export function inProcessWorkers(size = 1): VerifyWorkers {
  const states = Array.from({ length: size }, () => new WorkerState());
  return {
    size,
    run: (worker, task) => {
      try {
        return Promise.resolve(runTask(states[worker] ?? new WorkerState(), task));
      } catch (e) {
        return Promise.reject(e instanceof Error ? e : new Error(String(e)));
      }
    },
  };
}

/** One thing wrong, and exactly where. */
export interface VerifyProblem {
  readonly code: string;
  readonly message: string;
  readonly file?: string;
  readonly entry?: number;
  readonly area?: string;
  readonly contest?: string;
  readonly expected?: string | number;
  readonly found?: string | number;
}

export interface VerifyReport {
  readonly ok: boolean;
  readonly election?: string;
  readonly version?: number;
  /** The log size the version counts, and the log's size as published now. */
  readonly versionLogSize?: number;
  readonly logSize?: number;
  readonly filesChecked: number;
  readonly entriesChecked: number;
  readonly submissionsCounted: number;
  readonly numbersCompared: number;
  readonly problems: readonly VerifyProblem[];
  /** How long each stage took, in seconds, from the start. */
  readonly seconds?: Readonly<Record<string, number>>;
}

const decoder = new TextDecoder();

export async function verifySite(
  read: ReadPublished,
  options: VerifyOptions,
): Promise<VerifyReport> {
  const problems: VerifyProblem[] = [];
  const report = (extra: Partial<VerifyReport> = {}): VerifyReport => ({
    ok: problems.length === 0,
    filesChecked: 0,
    entriesChecked: 0,
    submissionsCounted: 0,
    numbersCompared: 0,
    ...extra,
    problems,
  });

  const started = performance.now();
  const seconds: Record<string, number> = {};
  const lap = (stage: string): void => {
    seconds[stage] = Math.round(performance.now() - started) / 1000;
  };

  // 1. The pointer and the signed manifest.
  const currentBytes = await read('current.json');
  if (currentBytes === undefined) {
    problems.push({
      code: 'file_missing',
      message: 'current.json is missing',
      file: 'current.json',
    });
    return report();
  }
  const current = parseCurrent(decoder.decode(currentBytes));
  if (!current.ok) {
    problems.push({ code: 'malformed_file', message: current.error.message, file: 'current.json' });
    return report();
  }
  const base = current.value.path;
  const manifestPath = `${base}manifest.json`;
  const manifestBytes = await read(manifestPath);
  if (manifestBytes === undefined) {
    problems.push({
      code: 'file_missing',
      message: `${manifestPath} is missing`,
      file: manifestPath,
    });
    return report();
  }
  const manifestSha = sha256Hex(manifestBytes);
  if (manifestSha !== current.value.manifestSha256) {
    problems.push({
      code: 'file_mismatch',
      message: `${manifestPath} is not the manifest current.json names`,
      file: manifestPath,
      expected: current.value.manifestSha256,
      found: manifestSha,
    });
  }
  const signed = parseManifest(decoder.decode(manifestBytes));
  if (!signed.ok) {
    problems.push({ code: 'malformed_file', message: signed.error.message, file: manifestPath });
    return report();
  }
  const manifest = signed.value.manifest;
  const manifestKey = options.manifestKeys.find((k) => keyRef(k) === signed.value.signer);
  if (
    manifestKey === undefined ||
    !verifyObject(MANIFEST_CONTEXT, manifest, signed.value.signature, manifestKey)
  ) {
    problems.push({
      code: 'manifest_signature',
      message: `the manifest is not signed by a trusted key (it names ${signed.value.signer})`,
      file: manifestPath,
      found: signed.value.signer,
    });
  }

  // 2. Every file of the version is the one the manifest lists. Read and hashed while the
  // workers check the log; the results files of the reporting units are kept as their SHA-256
  // (and a report's header), not their bytes: the workers compare what the log makes them.
  const fileProblems: VerifyProblem[] = [];
  const groupFile = (path: string): boolean =>
    /^(units|cdf)\/[^/]+\.json$/.test(path) && path !== 'cdf.json';
  const checkFiles = async (): Promise<Map<string, PublishedFile>> => {
    const files = new Map<string, PublishedFile>();
    for (const [path, sha] of Object.entries(manifest.files)) {
      const bytes = await read(`${base}${path}`);
      if (bytes === undefined) {
        fileProblems.push({
          code: 'file_missing',
          message: `${base}${path} is missing`,
          file: `${base}${path}`,
        });
        continue;
      }
      const found = sha256Hex(bytes);
      if (found !== sha) {
        fileProblems.push({
          code: 'file_mismatch',
          message: `${base}${path} does not match the manifest`,
          file: `${base}${path}`,
          expected: sha,
          found,
        });
      }
      files.set(
        path,
        groupFile(path)
          ? { sha: found, head: headDecoder.decode(bytes.subarray(0, 4096)) }
          : { sha: found, bytes },
      );
    }
    return files;
  };
  const filesRead = checkFiles();
  const withFileProblems = (): void => {
    const before = [...fileProblems, ...problems];
    problems.length = 0;
    append(problems, before);
    fileProblems.length = 0;
  };
  const finish = async (extra: Partial<VerifyReport>): Promise<VerifyReport> => {
    const files = await filesRead;
    withFileProblems();
    return report({ filesChecked: files.size + 2, ...extra });
  };

  // 3. The log: tiles up to its signed checkpoint; the version's checkpoint and an older one
  // must be prefixes of it.
  const readLog = (path: string): Promise<Uint8Array | undefined> => read(`log/${path}`);
  const tiled = await verifyTiledLog(readLog, options.logKeys);
  const versionOnly = { election: manifest.election, version: manifest.version };
  if (!tiled.ok) {
    problems.push({
      code: 'log_invalid',
      message: `the published log does not verify: ${tiled.error.message}`,
      file: `log/${typeof tiled.error.details?.['path'] === 'string' ? tiled.error.details['path'] : CHECKPOINT_PATH}`,
    });
    return finish(versionOnly);
  }
  const logCheckpoint = tiled.value;
  const entries = await readEntries(readLog, logCheckpoint.size);
  if (!entries.ok) {
    problems.push(entries.problem);
    return finish(versionOnly);
  }
  const log = await Log.open(new MemoryLogStorage());
  const appended = await log.append(entries.value);
  if (!appended.ok) throw new Error(appended.error.message);
  const prefix = async (
    text: string,
    what: string,
    file: string,
  ): Promise<Checkpoint | undefined> => {
    const opened = openCheckpoint(text, options.logKeys, logCheckpoint.origin);
    if (!opened.ok) {
      problems.push({
        code: 'checkpoint_signature',
        message: `${what}: ${opened.error.message}`,
        file,
      });
      return undefined;
    }
    const cp = opened.value;
    if (cp.size > logCheckpoint.size) {
      problems.push({
        code: 'log_truncated',
        message: `${what} covers ${String(cp.size)} entries, but the published log has only ${String(logCheckpoint.size)}`,
        file,
        expected: Number(cp.size),
        found: Number(logCheckpoint.size),
      });
      return undefined;
    }
    const root = await log.rootAt(cp.size);
    if (!root.ok || !hashesEqual(root.value, cp.root)) {
      problems.push({
        code: 'log_rewritten',
        message: `${what} is not a prefix of the published log: its history was rewritten (a fork)`,
        file,
        entry: Number(cp.size) - 1,
      });
      return undefined;
    }
    return cp;
  };
  const versionCheckpoint = await prefix(
    manifest.checkpoint,
    "the version's checkpoint",
    manifestPath,
  );
  if (options.since !== undefined)
    await prefix(options.since, 'the checkpoint given with --since', '--since');
  if (versionCheckpoint !== undefined && Number(versionCheckpoint.size) !== manifest.logSize) {
    problems.push({
      code: 'manifest_inconsistent',
      message: `the manifest says it counts ${String(manifest.logSize)} entries, its checkpoint ${String(versionCheckpoint.size)}`,
      file: manifestPath,
    });
  }

  lap('log read and hashed');

  // 4. Every entry, replayed: the definition, the roster, each submission and its decision.
  const common = {
    ...versionOnly,
    versionLogSize: manifest.logSize,
    logSize: Number(logCheckpoint.size),
    entriesChecked: entries.value.length,
  };
  const counting = entries.value.slice(0, manifest.logSize);
  const workers = options.workers ?? inProcessWorkers();
  const replay = await replayLog(counting, workers, problems, lap);
  if (replay === undefined) return finish(common);
  const { election, ranges } = replay;

  // 5. Every published number, recomputed: the reporting units' files by the workers, each
  // group by the worker that decoded its first counted submission (it holds most of them when
  // the log is in the order units report), the rest here.
  const files = await filesRead;
  lap('files read and hashed');
  const groups = unitGroups(election);
  const complete = replay.reportedUnits === election.reportingUnits.length;
  const tasks: GroupTask[][] = ranges.map(() => []);
  groups.forEach((group, i) => {
    const counted = group.units.map((u) => replay.counted.get(u) ?? []);
    const first = counted.flat()[0];
    const w = first === undefined ? i % ranges.length : ranges.findIndex(([, to]) => first < to);
    const revision = Math.max(-1, ...group.units.map((u) => replay.revisions.get(u) ?? -1));
    const units = files.get(unitFilePath(group.id));
    const cdf = files.get(`cdf/${group.id}.json`);
    const info = cdf === undefined ? undefined : readNistHeader(cdf.head ?? '');
    tasks[w]?.push({
      id: group.id,
      parent: group.parent,
      units: group.units,
      counted,
      asOfLog: revision + 1,
      ...(units === undefined ? {} : { unitsSha: units.sha }),
      ...(cdf === undefined ? {} : { cdf: { sha: cdf.sha, info: info ?? UNREADABLE_HEADER } }),
    });
  });
  const countingResults = Promise.all(
    tasks.map((groupTasks, w) => workers.run(w, { type: 'results', groups: groupTasks, complete })),
  );
  // Made while the workers count: the tally their sums add up in.
  const tally = new Tally(election);
  const results = await countingResults;
  lap('precinct files compared');
  let numbersCompared = 0;
  for (const r of results) {
    if (r.type !== 'results') throw new Error('verify: a worker answered out of turn');
    tally.addSums(r.sums);
    numbersCompared += r.numbersCompared;
    for (const d of r.differ) {
      const group = groups.find((g) => g.id === d.group);
      if (group === undefined) continue;
      const differing = [
        ...(d.units ? [['units', unitFilePath(group.id)] as const] : []),
        ...(d.cdf ? [['cdf', `cdf/${group.id}.json`] as const] : []),
      ];
      for (const [kind, path] of differing) {
        numbersCompared += await compareGroupFile(
          kind,
          election,
          read,
          `${base}${path}`,
          path,
          d.areas,
          problems,
        );
      }
    }
  }
  numbersCompared += compareUpperFeeds(election, tally, files, problems);
  lap('results compared');
  withFileProblems();
  return report({
    seconds,
    ...common,
    filesChecked: files.size + 2,
    submissionsCounted: replay.accepted,
    numbersCompared,
  });
}

/** A published file as the verifier keeps it: its SHA-256, and its bytes or its first bytes. */
interface PublishedFile {
  readonly sha: string;
  readonly bytes?: Uint8Array;
  readonly head?: string;
}

const headDecoder = new TextDecoder();

/** The log's entries up to `size`, from its entry bundles (files under log/). */
export async function readEntries(
  read: (path: string) => Promise<Uint8Array | undefined>,
  size: bigint,
): Promise<{ ok: true; value: Uint8Array[] } | { ok: false; problem: VerifyProblem }> {
  const entries: Uint8Array[] = [];
  for (let index = 0n; index * BigInt(TILE_WIDTH) < size; index++) {
    const left = size - index * BigInt(TILE_WIDTH);
    const width = left >= BigInt(TILE_WIDTH) ? TILE_WIDTH : Number(left);
    const path = entryBundlePath(index, width);
    let bytes = await read(path);
    // A partial bundle may be gone once its full bundle exists (C2SP tlog-tiles).
    if (bytes === undefined && width < TILE_WIDTH)
      bytes = await read(entryBundlePath(index, TILE_WIDTH));
    if (bytes === undefined) {
      return {
        ok: false,
        problem: { code: 'file_missing', message: `log/${path} is missing`, file: `log/${path}` },
      };
    }
    const bundle = decodeEntryBundle(bytes);
    if (!bundle.ok) {
      return {
        ok: false,
        problem: { code: 'malformed_file', message: bundle.error.message, file: `log/${path}` },
      };
    }
    append(entries, bundle.value.slice(0, width));
  }
  return { ok: true, value: entries };
}

/** A NIST report's header fields, read off the start of the file as Tally writes it. */
function readNistHeader(head: string): Omit<NistReportInfo, 'complete'> | undefined {
  const field = (name: string): unknown => {
    const match = new RegExp(`"${name}":("(?:[^"\\\\]|\\\\.)*"|\\d+)`).exec(head);
    if (match?.[1] === undefined) return undefined;
    try {
      return JSON.parse(match[1]) as unknown;
    } catch {
      return undefined;
    }
  };
  const issuer = field('Issuer');
  const issuerAbbreviation = field('IssuerAbbreviation');
  const generatedAt = field('GeneratedDate');
  const sequence = field('SequenceStart');
  const sequenceEnd = field('SequenceEnd');
  const vendorApplicationId = field('VendorApplicationId');
  if (
    typeof issuer !== 'string' ||
    typeof issuerAbbreviation !== 'string' ||
    typeof generatedAt !== 'string' ||
    typeof sequence !== 'number' ||
    typeof sequenceEnd !== 'number' ||
    typeof vendorApplicationId !== 'string'
  )
    return undefined;
  return { issuer, issuerAbbreviation, generatedAt, sequence, sequenceEnd, vendorApplicationId };
}

/** A header no report matches: the file is then compared field by field. */
const UNREADABLE_HEADER = {
  issuer: '',
  issuerAbbreviation: '',
  generatedAt: '',
  sequence: 0,
  sequenceEnd: 0,
  vendorApplicationId: '',
};

/** Compares published numbers with recomputed ones, naming each difference; counts them. */
class Comparison {
  compared = 0;

  constructor(
    private readonly election: Election,
    private readonly problems: VerifyProblem[],
  ) {}

  /** Numbers keyed `area|contest|...` (flattenResults) against a file's. */
  numbers(file: string, expected: Map<string, number>, found: Map<string, number>): void {
    for (const [key, value] of expected) {
      this.compared++;
      const f = found.get(key);
      if (f !== value) {
        const [area, contest] = key.split('|');
        this.problems.push({
          code: 'total_mismatch',
          message: `${file}: ${key} is ${String(f ?? 'missing')}, the log's submissions make it ${String(value)}`,
          file,
          ...(area === undefined ? {} : { area }),
          ...(contest === undefined ? {} : { contest }),
          expected: value,
          ...(f === undefined ? {} : { found: f }),
        });
      }
    }
  }

  /** Tally JSON: every field of every area, as Tally would write it from the log's submissions. */
  areas(file: string, ours: readonly AreaResults[], theirs: readonly unknown[]): void {
    const byArea = new Map(theirs.map((a) => [(a as { area?: unknown }).area, a] as const));
    for (const area of ours) {
      const expected = areaFeed(this.election, area);
      const found = byArea.get(area.area);
      if (found === undefined) {
        this.problems.push({
          code: 'total_mismatch',
          message: `${file}: area ${area.area} is missing`,
          file,
          area: area.area,
        });
        continue;
      }
      this.compared += deepCompare(expected, found, (path, e, f) => {
        const contest = /^contests\.(\d+)/.exec(path)?.[1];
        this.problems.push({
          code: 'total_mismatch',
          message: `${file}: ${area.area} ${path} is ${f === undefined ? 'missing' : JSON.stringify(f)}, the log's submissions make it ${e === undefined ? 'absent' : JSON.stringify(e)}`,
          file,
          area: area.area,
          ...(contest === undefined
            ? {}
            : { contest: expected.contests[Number(contest)]?.contest ?? contest }),
          ...(typeof e === 'number' || typeof e === 'string' ? { expected: e } : {}),
          ...(typeof f === 'number' || typeof f === 'string' ? { found: f } : {}),
        });
      });
    }
  }

  malformed(file: string, message: string): void {
    this.problems.push({ code: 'malformed_file', message, file });
  }
}

/**
 * A group's file that is not what the log makes it, read to name what differs: a units/ file
 * field by field, a cdf/ report number by number. Returns how many were compared.
 */
async function compareGroupFile(
  kind: 'units' | 'cdf',
  election: Election,
  read: ReadPublished,
  location: string,
  path: string,
  ours: readonly AreaResults[],
  problems: VerifyProblem[],
): Promise<number> {
  const comparison = new Comparison(election, problems);
  const bytes = await read(location);
  if (bytes === undefined) return 0;
  const json = parseJson(bytes);
  if (kind === 'units') {
    const feed = UnitResultsFeed.safeParse(json);
    if (!feed.success) comparison.malformed(path, `${path} does not match its schema`);
    else comparison.areas(path, ours, feed.data.areas);
  } else {
    const found = readNistResults(json);
    if (!found.ok) comparison.malformed(path, found.error.message);
    else comparison.numbers(path, flattenResults(ours), found.value);
  }
  return comparison.compared;
}

function parseJson(bytes: Uint8Array): unknown {
  return parseJsonText(decoder.decode(bytes));
}

/** The files of the areas above the reporting units: results.json, cdf.json, each contest's CSV. */
function compareUpperFeeds(
  election: Election,
  tally: Tally,
  files: ReadonlyMap<string, PublishedFile>,
  problems: VerifyProblem[],
): number {
  const comparison = new Comparison(election, problems);
  const bytesOf = (path: string): Uint8Array | undefined => files.get(path)?.bytes;
  const reporting = new Set(election.reportingUnits);
  const upper = [
    ...election.definition.units.filter((u) => !reporting.has(u.id)).map((u) => u.id),
    ...election.definition.districts.map((d) => d.id),
  ].map((id) => tally.area(id) as AreaResults);

  const results = bytesOf('results.json');
  if (results !== undefined) {
    const feed = ResultsFeed.safeParse(parseJson(results));
    if (!feed.success)
      comparison.malformed('results.json', 'results.json does not match its schema');
    else comparison.areas('results.json', upper, feed.data.areas);
  }
  const cdf = bytesOf('cdf.json');
  if (cdf !== undefined) {
    const read = readNistResults(parseJson(cdf));
    if (!read.ok) comparison.malformed('cdf.json', read.error.message);
    else comparison.numbers('cdf.json', flattenResults(upper), read.value);
  }
  // CSV: the whole file as Tally writes it from the recomputed numbers.
  for (const contest of election.definition.contests) {
    const path = `csv/${contest.id}.csv`;
    const body = bytesOf(path);
    if (body === undefined) continue;
    const want = contestCsv(election, contest.id, upper).split('\r\n');
    const got = decoder.decode(body).split('\r\n');
    comparison.compared += want.length;
    const at = want.findIndex((line, i) => got[i] !== line);
    if (at !== -1 || got.length !== want.length) {
      const line = at === -1 ? want.length : at;
      problems.push({
        code: 'total_mismatch',
        message: `${path} line ${String(line + 1)} is "${got[line] ?? ''}", the log's submissions make it "${want[line] ?? ''}"`,
        file: path,
        contest: contest.id,
        expected: want[line] ?? '',
        found: got[line] ?? '',
      });
    }
  }
  return comparison.compared;
}

/** Compares two JSON values field by field; calls `differ` per difference; returns leaves compared. */
function deepCompare(
  expected: unknown,
  found: unknown,
  differ: (path: string, expected: unknown, found: unknown) => void,
  path = '',
): number {
  if (typeof expected === 'object' && expected !== null) {
    if (
      typeof found !== 'object' ||
      found === null ||
      Array.isArray(expected) !== Array.isArray(found)
    ) {
      differ(path, expected, found);
      return 1;
    }
    const e = expected as Record<string, unknown>;
    const f = found as Record<string, unknown>;
    let n = 0;
    for (const key of new Set([...Object.keys(e), ...Object.keys(f)])) {
      n += deepCompare(e[key], f[key], differ, path === '' ? key : `${path}.${key}`);
    }
    return n;
  }
  if (expected !== found) differ(path, expected, found);
  return 1;
}
