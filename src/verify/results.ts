// The verifier's fifth stage, its second road: every published number, name, status and test
// flag, recomputed from the replayed log and compared field by field, apart from the first
// road's byte comparison (rebuild.ts); an area a feed should not hold, or anything it states
// twice (an area, a count, a JSON key: readers would disagree on which counts), is a problem. The reporting units' files are the workers', each group by the worker that decoded
// its first counted submission (it holds most of them when the log is in the order units
// report); the files of the areas above are compared here, from the sums the workers return.
import type { Election } from '../core/election.js';
import { Tally, type AreaResults } from '../core/tally.js';
import {
  nistStatementsOf,
  readNistStatements,
  type NistStatement,
  type NistStatementKind,
} from '../formats/nist_cdf_results.js';
import { canonicalJson } from '../core/canonical_json.js';
import type { Manifest } from '../formats/manifest.js';
import { standingOf, VENDOR_APPLICATION } from '../publish/snapshot.js';
import {
  areaFeed,
  contestCsv,
  resultsFeed,
  ResultsFeed,
  unitCsvPath,
  unitFilePath,
  unitGroups,
  UnitResultsFeed,
  unitResultsFeed,
  type AreaResultsFeed,
} from '../formats/results_feed.js';
import type { PublishedFile } from './files.js';
import type { CountingHistory } from './counting_history.js';
import type { Replayed } from './replay.js';
import type { PublishedStatus } from '../core/admission.js';
import { parseStrictJson } from './strict_json.js';
import type { ReadPublished, VerifiedFiles, VerifyProblem, VerifyWorkers } from './verify.js';
import type { GroupTask, PublishedGroup } from './work.js';

const decoder = new TextDecoder();

export interface ResultsInput {
  readonly read: ReadPublished;
  /** The version's directory. */
  readonly base: string;
  readonly replay: Replayed;
  /** The version's files as read (the workers count before they are). */
  readonly files: Promise<ReadonlyMap<string, PublishedFile>>;
  readonly workers: VerifyWorkers;
  /** The version's manifest: the files it lists, and what they are built with beside the log. */
  readonly manifest: Manifest;
  /** Group files an earlier run verified: not rebuilt when listed the same (VerifiedFiles). */
  readonly verifiedBefore?: VerifiedFiles;
  /** The time of the log as of a size (core/log_time.ts). */
  readonly timeAt: (size: number) => string;
  /** What the reporting units counted at every size of the log. */
  readonly history: CountingHistory;
  readonly lap?: (stage: string) => void;
}

/** What the workers counted, as soon as they have. */
export interface CountedGroups {
  /** Every group file the log makes, with the log size it is as of. */
  readonly groupFiles: ReadonlyMap<string, number>;
  /** The workers' sums added up: the areas above the reporting units. */
  readonly upper: Tally;
  /** Groups whose files show numbers older than the version's (listed as of an earlier size). */
  readonly lagging: number;
}

export interface ComparedResults {
  /** The workers' sums, before they rebuild the group files. */
  readonly counted: Promise<CountedGroups>;
  /** Once every file is compared. */
  readonly compared: Promise<{
    readonly numbersCompared: number;
    /** Group files not rebuilt: verified before. */
    readonly verifiedBefore: number;
    /** The group files as this run verified them, if nothing else is wrong. */
    readonly verified: VerifiedFiles;
  }>;
}

/**
 * Compares every published number with the log's, and every reporting units' group file with
 * the one the log makes (byte for byte, by SHA-256): a group file that is not is a problem even
 * where its numbers agree, and its numbers are then compared to say which differ. The workers
 * first count their groups and answer their sums (`counted`: what the other files are rebuilt
 * from, meanwhile), then rebuild the groups' files.
 */
export function compareResults(input: ResultsInput, problems: VerifyProblem[]): ComparedResults {
  const { read, base, replay, workers, manifest, timeAt, history } = input;
  const { build } = manifest;
  const { election, ranges } = replay;
  const lap = input.lap ?? (() => undefined);
  const groups = unitGroups(election);
  const complete = replay.reportedUnits === election.reportingUnits.length;
  const tasks: GroupTask[][] = ranges.map(() => []);
  const groupFiles = new Map<string, number>();
  let lagging = 0;
  groups.forEach((group, i) => {
    const counted = group.units.map((u) => replay.counted.get(u) ?? []);
    const first = counted.flat()[0]?.entry;
    const w = first === undefined ? i % ranges.length : ranges.findIndex(([, to]) => first < to);
    const revision = Math.max(-1, ...group.units.map((u) => replay.revisions.get(u) ?? -1));
    // The group's files show its numbers as of the size the manifest says, where that is one
    // at which they had last changed (precinct detail may follow the headline by a version or
    // a few); as of the version's numbers otherwise, and the manifest's size is then wrong.
    const listed = manifest.files[unitFilePath(group.id)]?.asOf;
    const earlier =
      listed !== undefined && listed < revision + 1 && history.isChangePoint(group.units, listed);
    const asOfLog = earlier ? listed : revision + 1;
    if (earlier) lagging++;
    const fileCounted = earlier ? group.units.map((u) => history.countedAt(u, listed)) : counted;
    groupFiles.set(unitFilePath(group.id), asOfLog);
    groupFiles.set(`cdf/${group.id}.json`, asOfLog);
    groupFiles.set(unitCsvPath(group.id), asOfLog);
    // As the publisher writes a group's report: generated as of the log it shows, complete
    // when every unit of the group had reported by then.
    const cdfInfo = {
      issuer: build.issuer,
      issuerAbbreviation: election.definition.id,
      generatedAt: timeAt(asOfLog),
      sequence: i + 2,
      sequenceEnd: groups.length + 1,
      complete: fileCounted.every((c) => c.length > 0),
      vendorApplicationId: VENDOR_APPLICATION,
    };
    tasks[w]?.push({
      id: group.id,
      parent: group.parent,
      units: group.units,
      counted,
      ...(earlier ? { fileCounted } : {}),
      asOfLog,
      cdfInfo,
    });
  });
  const counted = (async (): Promise<CountedGroups> => {
    const answers = await Promise.all(
      tasks.map((groupTasks, w) => workers.run(w, { type: 'count', groups: groupTasks })),
    );
    const upper = new Tally(election);
    for (const a of answers) {
      if (a.type !== 'counted') throw new Error('verify: a worker answered out of turn');
      upper.addSums(a.sums);
    }
    lap('precinct results counted');
    return { groupFiles, upper, lagging };
  })();
  // A group file verified before, listed again as it was, under the same parameters.
  const before = input.verifiedBefore;
  const sameInputs =
    before !== undefined &&
    before.allReported === complete &&
    canonicalJson(before.build) === canonicalJson(build);
  let verifiedBefore = 0;
  const compared = counted.then(async ({ upper }) => {
    // The published files' hashes, once read: the workers count meanwhile.
    const files = await input.files;
    /** The published file's SHA-256, to compare with the rebuilt one's; none if not to. */
    const toCompare = (path: string): string | undefined => {
      const sha = files.get(path)?.sha;
      const listed = manifest.files[path];
      const was = before?.files[path];
      if (
        sameInputs &&
        sha !== undefined &&
        listed?.sha256 === sha &&
        was?.sha256 === sha &&
        was.asOf === listed.asOf &&
        listed.asOf === groupFiles.get(path)
      ) {
        verifiedBefore++;
        return undefined;
      }
      return sha;
    };
    const published = (group: GroupTask): PublishedGroup => {
      const units = toCompare(unitFilePath(group.id));
      const cdf = toCompare(`cdf/${group.id}.json`);
      const csv = toCompare(unitCsvPath(group.id));
      return {
        ...(units === undefined ? {} : { units }),
        ...(cdf === undefined ? {} : { cdf }),
        ...(csv === undefined ? {} : { csv }),
      };
    };
    const results = await Promise.all(
      tasks.map((groupTasks, w) =>
        workers.run(w, { type: 'results', published: groupTasks.map(published) }),
      ),
    );
    lap('precinct files compared');
    let numbers = 0;
    for (const r of results) {
      if (r.type !== 'results') throw new Error('verify: a worker answered out of turn');
      numbers += r.numbersCompared;
      for (const d of r.differ) {
        const group = groups.find((g) => g.id === d.group);
        if (group === undefined) continue;
        const differing = [
          ...(d.units ? [['units', unitFilePath(group.id)] as const] : []),
          ...(d.cdf ? [['cdf', `cdf/${group.id}.json`] as const] : []),
          ...(d.csv ? [['csv', unitCsvPath(group.id)] as const] : []),
        ];
        for (const [kind, path] of differing) {
          problems.push({
            code: 'file_not_reproduced',
            message: `${base}${path} is not the file the log makes`,
            file: `${base}${path}`,
          });
          const asOfLog = groupFiles.get(path) ?? 0;
          numbers += await compareGroupFile(
            kind,
            election,
            read,
            `${base}${path}`,
            path,
            { ...group, asOfLog, complete: d.complete, areas: d.areas },
            problems,
          );
        }
      }
    }
    const verified: VerifiedFiles = {
      build,
      allReported: complete,
      files: Object.fromEntries(
        [...groupFiles.keys()].flatMap((path) => {
          const listed = manifest.files[path];
          return listed === undefined ? [] : [[path, listed] as const];
        }),
      ),
    };
    return {
      numbersCompared:
        numbers + compareUpperFeeds(election, upper, replay.statuses, complete, files, problems),
      verifiedBefore,
      verified,
    };
  });
  return { counted, compared };
}

/** A group of reporting units and what its files are made of. */
interface GroupFile {
  readonly id: string;
  readonly parent: string;
  readonly asOfLog: number;
  /** Whether every reporting unit has reported: the reports' status. */
  readonly complete: boolean;
  readonly areas: readonly AreaResults[];
}

/** The problem code a difference is named by, by what differs. */
const MISMATCH: Readonly<Record<NistStatementKind, string>> = {
  number: 'total_mismatch',
  name: 'name_mismatch',
  status: 'status_mismatch',
  test: 'test_flag_mismatch',
  field: 'field_mismatch',
};

type Value = string | number | boolean;
const shown = (v: unknown): string => (v === undefined ? 'missing' : JSON.stringify(v));

/**
 * Compares what a published file states with what the log makes, naming each difference by
 * what differs (a number, a name, a status, the test flag), every area the file should not
 * state, and anything it states twice; counts what it compared.
 */
class Comparison {
  compared = 0;

  constructor(
    private readonly election: Election,
    private readonly problems: VerifyProblem[],
  ) {}

  differs(
    file: string,
    kind: NistStatementKind,
    what: string,
    expected: unknown,
    found: unknown,
    where: { readonly area?: string | undefined; readonly contest?: string | undefined } = {},
  ): void {
    this.problems.push({
      code: MISMATCH[kind],
      message: `${file}: ${what} is ${shown(found)}, the log makes it ${expected === undefined ? 'absent' : JSON.stringify(expected)}`,
      file,
      ...(where.area === undefined ? {} : { area: where.area }),
      ...(where.contest === undefined ? {} : { contest: where.contest }),
      ...(typeof expected === 'number' || typeof expected === 'string' ? { expected } : {}),
      ...(typeof found === 'number' || typeof found === 'string' ? { found } : {}),
    });
  }

  /** Keys JSON.parse kept only the last of. */
  duplicateKeys(file: string, paths: readonly string[]): void {
    for (const path of paths) {
      this.problems.push({
        code: 'duplicate_key',
        message: `${file}: ${path} is stated twice in its object (readers disagree on which counts)`,
        file,
      });
    }
  }

  /** The area a file states that it should not: in no file of the election, or not in this one. */
  unknownArea(file: string, area: string): void {
    const known =
      this.election.units.has(area) ||
      this.election.definition.districts.some((d) => d.id === area);
    this.problems.push({
      code: 'unknown_area',
      message: `${file} states results for ${area}, ${known ? 'which this file does not hold' : 'which is no area of the election'}`,
      file,
      area,
    });
  }

  duplicateArea(file: string, area: string, what: string): void {
    this.problems.push({
      code: 'duplicate_area',
      message: `${file} states ${area}'s ${what} more than once (readers disagree on which counts)`,
      file,
      area,
    });
  }

  missingArea(file: string, area: string): void {
    this.problems.push({
      code: 'total_mismatch',
      message: `${file}: area ${area} is missing`,
      file,
      area,
    });
  }

  /**
   * A NIST report's statements against those the log makes: each expected one is stated once
   * with its value, and nothing else is stated.
   */
  statements(file: string, expected: readonly NistStatement[], found: readonly NistStatement[]) {
    const areas = new Set<string>();
    for (const e of expected) if (e.area !== undefined) areas.add(e.area);
    const byKey = new Map<string, NistStatement[]>();
    const foundAreas = new Set<string>();
    for (const f of found) {
      const list = byKey.get(f.key);
      if (list === undefined) byKey.set(f.key, [f]);
      else list.push(f);
      if (f.area !== undefined) foundAreas.add(f.area);
    }
    for (const area of foundAreas) if (!areas.has(area)) this.unknownArea(file, area);
    for (const area of areas) if (!foundAreas.has(area)) this.missingArea(file, area);
    const twice = new Set<string>();
    for (const [key, list] of byKey) {
      const [first] = list;
      if (list.length < 2 || first === undefined) continue;
      const area = first.area;
      if (area === undefined) {
        this.problems.push({
          code: 'duplicate_statement',
          message: `${file} states ${key} more than once (readers disagree on which counts)`,
          file,
          ...(first.contest === undefined ? {} : { contest: first.contest }),
        });
      } else if (areas.has(area) && !twice.has(area)) {
        // Once per area: a GpUnit given twice states each of its numbers twice.
        twice.add(area);
        this.duplicateArea(file, area, key);
      }
    }
    const keys = new Set<string>();
    for (const e of expected) {
      keys.add(e.key);
      this.compared++;
      if (e.area !== undefined && !foundAreas.has(e.area)) continue;
      const list = byKey.get(e.key) ?? [undefined];
      for (const f of list) {
        if (f?.value !== e.value) this.differs(file, e.kind, e.key, e.value, f?.value, e);
      }
    }
    for (const [key, list] of byKey) {
      const f = list[0];
      if (keys.has(key) || f === undefined || (f.area !== undefined && !areas.has(f.area)))
        continue;
      this.differs(file, f.kind, key, undefined, f.value, f);
    }
  }

  /** Tally JSON: every field of every area, as Tally would write it from the log's submissions. */
  areas(file: string, ours: readonly AreaResults[], theirs: readonly AreaResultsFeed[]): void {
    const byArea = new Map<string, AreaResultsFeed[]>();
    for (const a of theirs) {
      const list = byArea.get(a.area);
      if (list === undefined) byArea.set(a.area, [a]);
      else list.push(a);
    }
    const expectedAreas = new Set(ours.map((a) => a.area));
    for (const [area, list] of byArea) {
      if (!expectedAreas.has(area)) this.unknownArea(file, area);
      else if (list.length > 1) this.duplicateArea(file, area, 'results');
    }
    for (const area of ours) {
      const expected = areaFeed(this.election, area);
      const found = byArea.get(area.area);
      if (found === undefined) {
        this.missingArea(file, area.area);
        continue;
      }
      // Every copy of a duplicate: whichever one a reader takes, it must be the log's.
      for (const copy of found) {
        this.compared += deepCompare(expected, copy, (path, e, f) => {
          const contest = /^contests\.(\d+)/.exec(path)?.[1];
          this.differs(file, kindOf(path, true), `${area.area} ${path}`, e, f, {
            area: area.area,
            contest:
              contest === undefined
                ? undefined
                : (expected.contests[Number(contest)]?.contest ?? contest),
          });
        });
      }
    }
  }

  /** The fields of a Tally JSON file outside its areas: the definition's names, the test flag. */
  fields(file: string, expected: unknown, found: unknown): void {
    this.compared += deepCompare(expected, found, (path, e, f) => {
      this.differs(file, kindOf(path, false), path, e, f);
    });
  }

  malformed(file: string, message: string): void {
    this.problems.push({ code: 'malformed_file', message, file });
  }
}

/**
 * What a field of Tally's JSON is, by its path: how a difference in it is named. An area's
 * numbers (and its leaders, which its numbers make) are totals; outside the areas, a number is
 * a field of the definition or the version (voteFor, asOfLog).
 */
function kindOf(path: string, inArea: boolean): NistStatementKind {
  const parts = path.split('.');
  if (parts.at(-1) === 'test') return 'test';
  if (parts.includes('name')) return 'name';
  const field = ['area', 'kind', 'type', 'parent', 'contest'];
  if (inArea && !field.includes(parts.at(-1) ?? '')) return 'number';
  return 'field';
}

/**
 * A group's file that is not what the log makes it, read to name what differs: a units/ file
 * field by field, a cdf/ report statement by statement. Returns how many were compared.
 */
async function compareGroupFile(
  kind: 'units' | 'cdf' | 'csv',
  election: Election,
  read: ReadPublished,
  location: string,
  path: string,
  group: GroupFile,
  problems: VerifyProblem[],
): Promise<number> {
  // A group's CSV holds the numbers its JSON and NIST files hold: not reproduced is its finding.
  if (kind === 'csv') return 0;
  const comparison = new Comparison(election, problems);
  const bytes = await read(location);
  if (bytes === undefined) return 0;
  const json = parseJson(path, bytes, comparison);
  if (kind === 'units') {
    const feed = UnitResultsFeed.safeParse(json);
    if (!feed.success) comparison.malformed(path, `${path} does not match its schema`);
    else {
      const { areas, ...fields } = feed.data;
      const expected: Partial<UnitResultsFeed> = unitResultsFeed(
        election,
        group.asOfLog,
        group,
        group.areas,
      );
      delete expected.areas;
      comparison.fields(path, expected, fields);
      comparison.areas(path, group.areas, areas);
    }
  } else {
    const found = readNistStatements(json);
    if (!found.ok) comparison.malformed(path, found.error.message);
    else
      comparison.statements(
        path,
        nistStatementsOf(election, group.areas, group.complete),
        found.value,
      );
  }
  return comparison.compared;
}

/** A published feed parsed, its duplicate keys named; undefined (a schema failure) if not JSON. */
function parseJson(file: string, bytes: Uint8Array, comparison: Comparison): unknown {
  const parsed = parseStrictJson(decoder.decode(bytes));
  if (parsed === undefined) return undefined;
  comparison.duplicateKeys(file, parsed.duplicateKeys);
  return parsed.value;
}

/** The files of the areas above the reporting units: results.json, cdf.json, each contest's CSV. */
function compareUpperFeeds(
  election: Election,
  tally: Tally,
  /** Every change of a contest's status the version counts (each feed says the latest). */
  statuses: readonly PublishedStatus[],
  complete: boolean,
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
    const feed = ResultsFeed.safeParse(parseJson('results.json', results, comparison));
    if (!feed.success)
      comparison.malformed('results.json', 'results.json does not match its schema');
    else {
      // What the log's definition says; the version's number and time are the first road's.
      const expected = resultsFeed(
        election,
        { version: 0, generatedAt: '', logSize: Number.MAX_SAFE_INTEGER },
        [],
        statuses,
      );
      const { format, election: said, voteTypes, parties, contests, unitFiles } = feed.data;
      comparison.fields(
        'results.json',
        {
          format: expected.format,
          election: expected.election,
          voteTypes: expected.voteTypes,
          parties: expected.parties,
          contests: expected.contests,
          unitFiles: expected.unitFiles,
        },
        { format, election: said, voteTypes, parties, contests, unitFiles },
      );
      comparison.areas('results.json', upper, feed.data.areas);
    }
  }
  const cdf = bytesOf('cdf.json');
  if (cdf !== undefined) {
    const read = readNistStatements(parseJson('cdf.json', cdf, comparison));
    if (!read.ok) comparison.malformed('cdf.json', read.error.message);
    else {
      const { standing } = standingOf(election, statuses, Number.MAX_SAFE_INTEGER);
      comparison.statements(
        'cdf.json',
        nistStatementsOf(election, upper, complete, standing),
        read.value,
      );
    }
  }
  for (const contest of election.definition.contests) {
    const path = `csv/${contest.id}.csv`;
    const body = bytesOf(path);
    if (body === undefined) continue;
    compareCsv(
      comparison,
      path,
      contest.id,
      // As of: the rebuild compares those, byte for byte; here, the numbers.
      contestCsv(election, contest.id, upper, { log: Number.MAX_SAFE_INTEGER, time: '' }, statuses),
      decoder.decode(body),
    );
  }
  return comparison.compared;
}

/**
 * A contest's CSV, row by row (an area and a vote type) and column by column as its header
 * names them, against the CSV Tally writes from the recomputed numbers.
 */
function compareCsv(
  comparison: Comparison,
  path: string,
  contest: string,
  wantText: string,
  gotText: string,
): void {
  const [wantHeader = [], ...want] = csvRows(wantText);
  const got = csvRows(gotText);
  const gotHeader = got.shift() ?? [];
  if (gotHeader.join(',') !== wantHeader.join(',')) {
    comparison.differs(path, 'field', 'the header', wantHeader.join(','), gotHeader.join(','), {
      contest,
    });
  }
  const keyOf = (row: readonly string[], header: readonly string[]): string =>
    `${row[header.indexOf('area')] ?? ''}|${row[header.indexOf('vote_type')] ?? ''}`;
  const gotRows = new Map<string, string[][]>();
  for (const row of got) {
    const key = keyOf(row, gotHeader);
    const list = gotRows.get(key);
    if (list === undefined) gotRows.set(key, [row]);
    else list.push(row);
  }
  const wantKeys = new Set(want.map((row) => keyOf(row, wantHeader)));
  const wantAreas = new Set(want.map((row) => row[0] ?? ''));
  const reported = new Set<string>();
  for (const [key, rows] of gotRows) {
    const [area = ''] = key.split('|');
    if (!wantAreas.has(area)) {
      if (!reported.has(area)) comparison.unknownArea(path, area);
      reported.add(area);
    } else if (rows.length > 1) comparison.duplicateArea(path, area, `row ${key}`);
    else if (!wantKeys.has(key))
      comparison.differs(path, 'number', `row ${key}`, undefined, rows[0]?.join(','), {
        area,
        contest,
      });
  }
  const kinds: Readonly<Record<string, NistStatementKind>> = {
    area_name: 'name',
    area_type: 'field',
    test: 'test',
  };
  for (const row of want) {
    const key = keyOf(row, wantHeader);
    const area = row[0] ?? '';
    const rows = gotRows.get(key);
    if (rows === undefined) {
      comparison.compared++;
      comparison.differs(path, 'number', `row ${key}`, row.join(','), undefined, {
        area,
        contest,
      });
      continue;
    }
    wantHeader.forEach((column, i) => {
      if (['area', 'vote_type', 'as_of_log', 'as_of_time'].includes(column)) return;
      comparison.compared++;
      const at = gotHeader.indexOf(column);
      for (const r of rows) {
        const f = at === -1 ? undefined : r[at];
        const e = row[i];
        if (f === e) continue;
        const kind = kinds[column] ?? 'number';
        const number = (v: string | undefined): Value | undefined =>
          kind === 'number' && v !== undefined && /^\d+$/.test(v) ? Number(v) : v;
        comparison.differs(path, kind, `${key} ${column}`, number(e), number(f), {
          area,
          contest,
        });
      }
    });
  }
}

/** RFC 4180 rows (quoted fields may hold commas, quotes and line breaks); no trailing empty row. */
function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
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
