// The verifier's fifth stage: every published number, recomputed from the replayed log and
// compared. The reporting units' files are the workers', each group by the worker that decoded
// its first counted submission (it holds most of them when the log is in the order units
// report); the files of the areas above are compared here, from the sums the workers return.
import type { Election } from '../core/election.js';
import { Tally, type AreaResults } from '../core/tally.js';
import { flattenResults, readNistResults } from '../formats/nist_cdf_results.js';
import type { BuildParameters } from '../formats/manifest.js';
import { VENDOR_APPLICATION } from '../publish/snapshot.js';
import {
  areaFeed,
  contestCsv,
  ResultsFeed,
  unitFilePath,
  unitGroups,
  UnitResultsFeed,
} from '../formats/results_feed.js';
import type { PublishedFile } from './files.js';
import { parseJsonText, type Replayed } from './replay.js';
import type { ReadPublished, VerifyProblem, VerifyWorkers } from './verify.js';
import type { GroupTask } from './work.js';

const decoder = new TextDecoder();

export interface ResultsInput {
  readonly read: ReadPublished;
  /** The version's directory. */
  readonly base: string;
  readonly replay: Replayed;
  readonly files: ReadonlyMap<string, PublishedFile>;
  readonly workers: VerifyWorkers;
  /** What the group files are built with beside the log (the manifest's). */
  readonly build: BuildParameters;
  /** The time of the log as of a size (core/log_time.ts). */
  readonly timeAt: (size: number) => string;
  readonly lap?: (stage: string) => void;
}

export interface ComparedResults {
  readonly numbersCompared: number;
  /** Every group file the log makes, with the log size it is as of. */
  readonly groupFiles: ReadonlyMap<string, number>;
}

/**
 * Compares every published number with the log's, and every reporting units' group file with
 * the one the log makes (byte for byte, by SHA-256): a group file that is not is a problem even
 * where its numbers agree, and its numbers are then compared to say which differ.
 */
export async function compareResults(
  input: ResultsInput,
  problems: VerifyProblem[],
): Promise<ComparedResults> {
  const { read, base, replay, files, workers, build, timeAt } = input;
  const { election, ranges } = replay;
  const lap = input.lap ?? (() => undefined);
  const groups = unitGroups(election);
  const complete = replay.reportedUnits === election.reportingUnits.length;
  const tasks: GroupTask[][] = ranges.map(() => []);
  const groupFiles = new Map<string, number>();
  groups.forEach((group, i) => {
    const counted = group.units.map((u) => replay.counted.get(u) ?? []);
    const first = counted.flat()[0];
    const w = first === undefined ? i % ranges.length : ranges.findIndex(([, to]) => first < to);
    const revision = Math.max(-1, ...group.units.map((u) => replay.revisions.get(u) ?? -1));
    const asOfLog = revision + 1;
    groupFiles.set(unitFilePath(group.id), asOfLog);
    groupFiles.set(`cdf/${group.id}.json`, asOfLog);
    const units = files.get(unitFilePath(group.id));
    const cdf = files.get(`cdf/${group.id}.json`);
    // As the publisher writes a group's report: generated as of the log it shows.
    const info = {
      issuer: build.issuer,
      issuerAbbreviation: election.definition.id,
      generatedAt: timeAt(asOfLog),
      sequence: i + 2,
      sequenceEnd: groups.length + 1,
      vendorApplicationId: VENDOR_APPLICATION,
    };
    tasks[w]?.push({
      id: group.id,
      parent: group.parent,
      units: group.units,
      counted,
      asOfLog,
      ...(units === undefined ? {} : { unitsSha: units.sha }),
      ...(cdf === undefined ? {} : { cdf: { sha: cdf.sha, info } }),
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
        problems.push({
          code: 'file_not_reproduced',
          message: `${base}${path} is not the file the log makes`,
          file: `${base}${path}`,
        });
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
  return { numbersCompared, groupFiles };
}

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
