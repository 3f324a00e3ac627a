// Tally's own results feed (`tally-results/1`): what each published version says, for machines.
// `results.json` holds the election, every contest, and every area above the reporting units (and
// every district); `units/<parent>.json` holds the reporting units beneath one parent, so a
// county's file changes only when its precincts do. Both are documented by a JSON Schema
// (schema/results.schema.json) generated from the zod schemas here. Also the CSV per contest.
import { z } from 'zod';
import { Id, LocalizedText, voteFor, type Contest, type Election } from '../core/election.js';
import { statusAsOf, type PublishedStatus } from '../core/admission.js';
import { CONTEST_STATUSES } from '../core/log_entry.js';
import type { AreaResults, ContestTotals } from '../core/tally.js';
import { utf8Fragment, withJsonBytes, type JsonBytes } from './json_bytes.js';

export const RESULTS_FORMAT = 'tally-results/1';
export const UNIT_RESULTS_FORMAT = 'tally-unit-results/1';

const Count = z.int().min(0);

const ContestTotals = z.strictObject({
  ballotsCast: Count.describe('ballots counted; in a caucus, the first alignment’s participants'),
  overvotes: Count,
  undervotes: Count,
  counts: z
    .record(Id, Count)
    .describe(
      'votes per choice id, every choice present; in a caucus, members per preference group in the final alignment',
    ),
  caucus: z
    .strictObject({
      firstAlignment: z.record(Id, Count).describe('members per preference group'),
      countyDelegates: z.record(Id, Count).describe('county convention delegates won'),
      stateDelegateEquivalents: z
        .record(Id, z.number().min(0))
        .describe(
          'state delegate equivalents, to 4 decimal places: each precinct’s worked out from its county delegates, and an area’s the sum of its precincts’',
        ),
    })
    .optional()
    .describe('a caucus contest’s numbers beyond its final alignment (counts)'),
});

const Reporting = z.strictObject({
  reported: Count.describe('reporting units with at least one counted submission'),
  expected: Count.describe('reporting units in the area'),
});

const Progress = z.strictObject({
  fullyReported: Count.describe(
    'reporting units with a counted submission for every vote type they report',
  ),
  expectedBallots: Count.optional().describe(
    'an estimate of the ballots the area will cast in all, from each vote type’s ballots per expected ballot (or registered voter) where counted; absent when it cannot be estimated',
  ),
});

export const AreaResultsFeed = z.strictObject({
  area: Id,
  kind: z.enum(['unit', 'district']),
  name: LocalizedText,
  /** The unit's type (state, county, precinct...) or "district". */
  type: z.string(),
  parent: Id.optional(),
  registeredVoters: Count,
  ballotsCast: z.strictObject({ total: Count, byVoteType: z.record(Id, Count) }),
  reporting: Reporting,
  progress: Progress,
  contests: z.array(
    z.strictObject({
      contest: Id,
      reporting: Reporting,
      total: ContestTotals,
      byVoteType: z.record(Id, ContestTotals),
      leaders: z
        .array(Id)
        .describe('the leading choices; several when tied; empty before any vote'),
    }),
  ),
});

const ContestStatusFeed = z
  .strictObject({
    status: z.enum(CONTEST_STATUSES),
    winners: z
      .array(Id)
      .optional()
      .describe('for a contest called or certified: the choices elected (a measure: its outcome)'),
    entry: Count.optional().describe(
      'the log entry that set the status, with the staff member and reason; absent for a contest no entry has named (unofficial)',
    ),
    time: z.iso.datetime({ offset: true }).optional().describe('when the status was set'),
    by: z.string().optional().describe('the staff member who set it, as the log entry names them'),
    reason: z.string().optional().describe('why, as the log entry gives it'),
  })
  .describe(
    'where the count of the contest stands, as the election office set it: unofficial (as every contest starts), too-early (to call), called, recount, certified',
  );

/** A contest's status as the feeds say it (undefined: unofficial, as every contest starts). */
export function statusFeed(status: PublishedStatus | undefined): z.infer<typeof ContestStatusFeed> {
  if (status === undefined) return { status: 'unofficial' };
  return {
    status: status.status,
    ...(status.winners === undefined ? {} : { winners: [...status.winners] }),
    entry: status.entry,
    time: status.time,
    by: status.by,
    reason: status.reason,
  };
}

const ChoiceFeed = z.strictObject({
  id: Id,
  name: LocalizedText,
  party: Id.optional(),
  writeIn: z.boolean().optional(),
});

export const ResultsFeed = z
  .strictObject({
    format: z.literal(RESULTS_FORMAT),
    election: z.strictObject({
      id: Id,
      name: LocalizedText,
      date: z.iso.date(),
      test: z.boolean().describe('a test or practice election: these are not real results'),
      languages: z.array(z.string()),
    }),
    version: z.int().min(1),
    generatedAt: z.iso.datetime({ offset: true }),
    log: z.strictObject({
      size: Count.describe('the log entries this version counts: its checkpoint size'),
    }),
    voteTypes: z.array(z.strictObject({ id: Id, name: LocalizedText })),
    parties: z.array(z.strictObject({ id: Id, name: LocalizedText })),
    contests: z.array(
      z.strictObject({
        id: Id,
        name: LocalizedText,
        kind: z.enum(['candidate', 'measure', 'caucus']),
        voteFor: z.int().min(1),
        district: Id.optional(),
        choices: z.array(ChoiceFeed),
        status: ContestStatusFeed,
      }),
    ),
    areas: z
      .array(AreaResultsFeed)
      .describe('every unit above the reporting units, then every district'),
    unitFiles: z
      .record(Id, z.array(z.string()))
      .describe(
        'for each parent of reporting units, the files (relative to this one) with their results, each holding at most 100 of them',
      ),
  })
  .meta({ title: 'Tally results feed' });

export const UnitResultsFeed = z
  .strictObject({
    format: z.literal(UNIT_RESULTS_FORMAT),
    election: Id,
    test: z.boolean().describe('a test or practice election: these are not real results'),
    parent: Id,
    group: Id.describe("the file's group of reporting units: the parent, then .k for its k-th run"),
    asOfLog: Count.describe(
      'the log entries these numbers count: they last changed at entry asOfLog - 1 (the file is the same in every version until they change again)',
    ),
    areas: z.array(AreaResultsFeed),
  })
  .meta({ title: 'Tally results feed: the reporting units beneath one parent' });

export type ResultsFeed = z.infer<typeof ResultsFeed>;
export type UnitResultsFeed = z.infer<typeof UnitResultsFeed>;
export type AreaResultsFeed = z.infer<typeof AreaResultsFeed>;

/** What a version is: its number, when it was built, and the log size it counts. */
export interface VersionInfo {
  readonly version: number;
  readonly generatedAt: string;
  readonly logSize: number;
}

export function areaFeed(election: Election, results: AreaResults): AreaResultsFeed {
  const unit = election.units.get(results.area);
  const district = election.definition.districts.find((d) => d.id === results.area);
  return {
    area: results.area,
    kind: results.kind,
    name: unit?.name ?? district?.name ?? { en: results.area },
    type: unit?.type ?? 'district',
    ...(unit?.parent === undefined ? {} : { parent: unit.parent }),
    registeredVoters: results.registeredVoters,
    ballotsCast: {
      total: results.ballotsCast.total,
      byVoteType: { ...results.ballotsCast.byVoteType },
    },
    reporting: { ...results.reporting },
    progress: {
      fullyReported: results.progress.fullyReported,
      ...(results.progress.expectedBallots === undefined
        ? {}
        : { expectedBallots: results.progress.expectedBallots }),
    },
    contests: results.contests.map((c) => ({
      contest: c.contest,
      reporting: { ...c.reporting },
      total: copyTotals(c.total),
      byVoteType: Object.fromEntries(
        Object.entries(c.byVoteType).map(([vt, t]) => [vt, copyTotals(t)]),
      ),
      leaders: [...c.leaders],
    })),
  };
}

const copyTotals = (
  t: AreaResults['contests'][number]['total'],
): z.infer<typeof ContestTotals> => ({
  ballotsCast: t.ballotsCast,
  overvotes: t.overvotes,
  undervotes: t.undervotes,
  counts: { ...t.counts },
  ...(t.caucus === undefined
    ? {}
    : {
        caucus: {
          firstAlignment: { ...t.caucus.first },
          countyDelegates: { ...t.caucus.delegates },
          stateDelegateEquivalents: sdeFeed(t.caucus.sde),
        },
      }),
});

/** A contest's totals as the feeds give them, read back into the tally's terms. */
export function totalsFromFeed(t: z.infer<typeof ContestTotals>): ContestTotals {
  const { caucus, ...ballot } = t;
  if (caucus === undefined) return ballot;
  return {
    ...ballot,
    caucus: {
      first: caucus.firstAlignment,
      delegates: caucus.countyDelegates,
      sde: Object.fromEntries(
        Object.entries(caucus.stateDelegateEquivalents).map(([id, n]) => [
          id,
          Math.round(n * 10_000),
        ]),
      ),
    },
  };
}

/** State delegate equivalents as the feeds give them: decimals, from ten-thousandths. */
export function sdeFeed(sde: Readonly<Record<string, number>>): Record<string, number> {
  return Object.fromEntries(Object.entries(sde).map(([id, n]) => [id, n / 10_000]));
}

/** Reporting units per results file: small enough that a new result rewrites little. */
export const UNIT_GROUP_SIZE = 100;

/** A group of reporting units under one parent, whose results are one file (units/, cdf/). */
export interface UnitGroupOf {
  readonly id: string;
  readonly parent: string;
  readonly units: readonly string[];
}

/** Each election's groups, made once: a version lists them, and a large election has 1,750. */
const groupsOf = new WeakMap<Election, Map<number, readonly UnitGroupOf[]>>();

/**
 * The reporting units in files: by parent, in runs of at most UNIT_GROUP_SIZE. A group's id is
 * its parent's, with `.<k>` after it when the parent has more than one run.
 */
export function unitGroups(election: Election, size = UNIT_GROUP_SIZE): readonly UnitGroupOf[] {
  const bySize = groupsOf.get(election) ?? new Map<number, readonly UnitGroupOf[]>();
  groupsOf.set(election, bySize);
  const known = bySize.get(size);
  if (known !== undefined) return known;
  const byParent = new Map<string, string[]>();
  for (const id of election.reportingUnits) {
    const parent = election.units.get(id)?.parent ?? id;
    const list = byParent.get(parent) ?? [];
    list.push(id);
    byParent.set(parent, list);
  }
  const groups = [...byParent].flatMap(([parent, units]) => {
    const runs = Math.ceil(units.length / size);
    return Array.from({ length: runs }, (_, k) => ({
      id: runs === 1 ? parent : `${parent}.${String(k + 1)}`,
      parent,
      units: units.slice(k * size, (k + 1) * size),
    }));
  });
  bySize.set(size, groups);
  return groups;
}

export const unitFilePath = (group: string): string => `units/${group}.json`;

export function resultsFeed(
  election: Election,
  info: VersionInfo,
  areas: readonly AreaResults[],
  /** Every change of a contest's status among the version's entries, in log order. */
  statuses: readonly PublishedStatus[],
): ResultsFeed {
  const d = election.definition;
  return {
    format: RESULTS_FORMAT,
    election: { id: d.id, name: d.name, date: d.date, test: d.test, languages: [...d.languages] },
    version: info.version,
    generatedAt: info.generatedAt,
    log: { size: info.logSize },
    voteTypes: d.voteTypes.map((v) => ({ id: v.id, name: v.name })),
    parties: d.parties.map((p) => ({ id: p.id, name: p.name })),
    contests: d.contests.map((c) => ({
      id: c.id,
      name: c.name,
      kind: c.kind,
      voteFor: voteFor(c),
      ...(c.district === undefined ? {} : { district: c.district }),
      choices: c.choices.map((ch) => ({
        id: ch.id,
        name: ch.name,
        ...(ch.party === undefined ? {} : { party: ch.party }),
        ...(ch.writeIn === undefined ? {} : { writeIn: ch.writeIn }),
      })),
      status: statusFeed(statusAsOf(statuses, c.id, info.logSize)),
    })),
    areas: areas.map((a) => areaFeed(election, a)),
    unitFiles: unitFilesOf(election),
  };
}

function unitFilesOf(election: Election): Record<string, string[]> {
  const files: Record<string, string[]> = {};
  for (const group of unitGroups(election)) {
    (files[group.parent] ??= []).push(unitFilePath(group.id));
  }
  return files;
}

export function unitResultsFeed(
  election: Election,
  asOfLog: number,
  group: { readonly id: string; readonly parent: string },
  areas: readonly AreaResults[],
): UnitResultsFeed {
  return {
    format: UNIT_RESULTS_FORMAT,
    election: election.definition.id,
    test: election.definition.test,
    parent: group.parent,
    group: group.id,
    asOfLog,
    areas: areas.map((a) => areaFeed(election, a)),
  };
}

/**
 * A group's results file as Tally publishes it (units/<group>.json): byte for byte the UTF-8 of
 * JSON.stringify(unitResultsFeed(...)) (a test holds them so), written as bytes directly, which
 * is several times faster for the hundreds of thousands of units of a large election.
 */
export function unitResultsBytes(
  election: Election,
  asOfLog: number,
  group: { readonly id: string; readonly parent: string },
  areas: readonly AreaResults[],
): Uint8Array {
  return withJsonBytes(
    (w) => {
      writeUnitResults(w, election, asOfLog, group, areas);
    },
    (bytes) => bytes.slice(),
  );
}

/** What unitResultsBytes makes, written into `w`. */
export function writeUnitResults(
  w: JsonBytes,
  election: Election,
  asOfLog: number,
  group: { readonly id: string; readonly parent: string },
  areas: readonly AreaResults[],
): void {
  const d = election.definition;
  w.text(
    `{"format":${JSON.stringify(UNIT_RESULTS_FORMAT)},"election":${JSON.stringify(d.id)},"test":${d.test}` +
      `,"parent":${JSON.stringify(group.parent)},"group":${JSON.stringify(group.id)},"asOfLog":${asOfLog}` +
      `,"areas":[`,
  );
  areas.forEach((area, i) => {
    if (i > 0) w.text(',');
    writeAreaFeed(w, election, area);
  });
  w.text(']}');
}

/** An id as JSON, encoded: `"id"`, and as a member's name, `"id":` and `,"id":`. */
interface QuotedId {
  readonly value: Uint8Array;
  readonly first: Uint8Array;
  readonly next: Uint8Array;
}

/** The same few contest, choice and vote type ids are written millions of times. */
const quotedIds = new Map<string, QuotedId>();
function quoted(id: string): QuotedId {
  let known = quotedIds.get(id);
  if (known === undefined) {
    if (quotedIds.size > 10_000) quotedIds.clear();
    const text = JSON.stringify(id);
    known = {
      value: utf8Fragment(text),
      first: utf8Fragment(`${text}:`),
      next: utf8Fragment(`,${text}:`),
    };
    quotedIds.set(id, known);
  }
  return known;
}

const fragment = {
  open: utf8Fragment('{'),
  close: utf8Fragment('}'),
  ballotsCast: utf8Fragment('{"ballotsCast":'),
  overvotes: utf8Fragment(',"overvotes":'),
  undervotes: utf8Fragment(',"undervotes":'),
  counts: utf8Fragment(',"counts":'),
  caucus: utf8Fragment(',"caucus":{"firstAlignment":'),
  countyDelegates: utf8Fragment(',"countyDelegates":'),
  sde: utf8Fragment(',"stateDelegateEquivalents":'),
  totalsEnd: utf8Fragment('}'),
  contestFirst: utf8Fragment('{"contest":'),
  contestNext: utf8Fragment(',{"contest":'),
  reported: utf8Fragment(',"reporting":{"reported":'),
  expected: utf8Fragment(',"expected":'),
  total: utf8Fragment('},"total":'),
  byVoteType: utf8Fragment(',"byVoteType":{'),
  leaders: utf8Fragment('},"leaders":['),
  contestEnd: utf8Fragment(']}'),
  comma: utf8Fragment(','),
};

/**
 * The member names of the record written last, encoded, by position: the records of one contest
 * (its total and each vote type's) have the same names in the same order, so each name is
 * nearly always the one at its place last time, found by comparing strings that are the same
 * object, not by looking it up.
 */
const lastNames: string[] = [];
const lastQuoted: QuotedId[] = [];

/** A record of whole numbers, as JSON.stringify writes it. */
function writeNumbers(w: JsonBytes, values: Readonly<Record<string, number>>): void {
  let i = 0;
  w.raw(fragment.open);
  for (const key in values) {
    let name = lastQuoted[i];
    if (lastNames[i] !== key || name === undefined) {
      name = quoted(key);
      lastNames[i] = key;
      lastQuoted[i] = name;
    }
    w.raw(i === 0 ? name.first : name.next).number(values[key] ?? 0);
    i++;
  }
  w.raw(fragment.close);
}

/** A contest's totals, as JSON.stringify writes them. */
function writeTotals(w: JsonBytes, t: ContestTotals): void {
  w.raw(fragment.ballotsCast)
    .number(t.ballotsCast)
    .raw(fragment.overvotes)
    .number(t.overvotes)
    .raw(fragment.undervotes)
    .number(t.undervotes)
    .raw(fragment.counts);
  writeNumbers(w, t.counts);
  if (t.caucus !== undefined) {
    w.raw(fragment.caucus);
    writeNumbers(w, t.caucus.first);
    w.raw(fragment.countyDelegates);
    writeNumbers(w, t.caucus.delegates);
    w.raw(fragment.sde);
    writeNumbers(w, sdeFeed(t.caucus.sde));
    w.raw(fragment.totalsEnd);
  }
  w.raw(fragment.totalsEnd);
}

/** JSON.stringify(areaFeed(election, results)), written directly. */
function writeAreaFeed(w: JsonBytes, election: Election, results: AreaResults): void {
  const str = JSON.stringify;
  const unit = election.units.get(results.area);
  const district =
    unit === undefined
      ? election.definition.districts.find((x) => x.id === results.area)
      : undefined;
  w.text(
    `{"area":${str(results.area)},"kind":${str(results.kind)},"name":${str(unit?.name ?? district?.name ?? { en: results.area })}` +
      `,"type":${str(unit?.type ?? 'district')}${unit?.parent === undefined ? '' : `,"parent":${str(unit.parent)}`}` +
      `,"registeredVoters":`,
  )
    .number(results.registeredVoters)
    .text(',"ballotsCast":{"total":')
    .number(results.ballotsCast.total)
    .text(',"byVoteType":');
  writeNumbers(w, results.ballotsCast.byVoteType);
  w.text('},"reporting":{"reported":')
    .number(results.reporting.reported)
    .text(',"expected":')
    .number(results.reporting.expected)
    .text('},"progress":{"fullyReported":')
    .number(results.progress.fullyReported);
  if (results.progress.expectedBallots !== undefined) {
    w.text(',"expectedBallots":').number(results.progress.expectedBallots);
  }
  w.text('},"contests":[');
  results.contests.forEach((c, i) => {
    w.raw(i > 0 ? fragment.contestNext : fragment.contestFirst)
      .raw(quoted(c.contest).value)
      .raw(fragment.reported)
      .number(c.reporting.reported)
      .raw(fragment.expected)
      .number(c.reporting.expected)
      .raw(fragment.total);
    writeTotals(w, c.total);
    w.raw(fragment.byVoteType);
    let first = true;
    for (const vt in c.byVoteType) {
      const t = c.byVoteType[vt];
      if (t === undefined) continue;
      const name = quoted(vt);
      w.raw(first ? name.first : name.next);
      writeTotals(w, t);
      first = false;
    }
    w.raw(fragment.leaders);
    c.leaders.forEach((id, j) => {
      if (j > 0) w.raw(fragment.comma);
      w.raw(quoted(id).value);
    });
    w.raw(fragment.contestEnd);
  });
  w.text(']}');
}

/** A CSV field per RFC 4180: quoted when it holds a comma, a quote or a line break. */
function csvField(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const text = value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The log size a file's numbers count, and the time of the log then: what its rows say. */
export interface CsvAsOf {
  readonly log: number;
  readonly time: string;
}

/** The definition's text in its first language, as the CSV files name things. */
function firstLanguage(
  election: Election,
): (text: Readonly<Record<string, string>> | undefined) => string {
  const language = election.definition.languages[0] ?? 'en';
  return (text) => (text === undefined ? '' : (text[language] ?? Object.values(text)[0] ?? ''));
}

/** The contest CSV's columns before its choices', and after them. */
const CONTEST_CSV_BEFORE = [
  'area',
  'area_name',
  'area_type',
  'vote_type',
  'units_reported',
  'units_expected',
  'ballots_cast',
  'overvotes',
  'undervotes',
] as const;
// Every row of a test election says so (test), wherever the row ends up.
// contest_status (last, added after the others): where the contest stands as of the file's
// numbers (see ContestStatusFeed).
const CONTEST_CSV_AFTER = ['as_of_log', 'as_of_time', 'test', 'contest_status'] as const;
const CONTEST_CSV_FIXED = new Set<string>([...CONTEST_CSV_BEFORE, ...CONTEST_CSV_AFTER]);

/** A contest's choices as its CSV's columns name them: by name, the id added where two share one. */
export function choiceColumns(election: Election, contestId: string): string[] {
  const contest = election.contests.get(contestId);
  const nameOf = firstLanguage(election);
  const names = (contest?.choices ?? []).map((c) => nameOf(c.name) || c.id);
  // A name two choices share, or one of the file's own columns, gets the choice's id too.
  const columns = names.map((name, i) =>
    names.indexOf(name) === i && names.lastIndexOf(name) === i && !CONTEST_CSV_FIXED.has(name)
      ? name
      : `${name} (${contest?.choices[i]?.id ?? ''})`,
  );
  if (contest?.kind !== 'caucus') return columns;
  // A caucus: each preference group's four numbers (see caucusCsvNumbers).
  return CAUCUS_CSV_FIELDS.flatMap((field) => columns.map((name) => `${name}: ${field}`));
}

/** A caucus contest's numbers per preference group in its CSV, each group's in this order. */
const CAUCUS_CSV_FIELDS = [
  'first alignment',
  'final alignment',
  'county delegates',
  'state delegate equivalents',
] as const;

/** A caucus's numbers in CSV: as CAUCUS_CSV_FIELDS lists them; SDEs to 4 decimal places. */
function caucusCsvNumbers(contest: Contest, t: ContestTotals): (string | number)[] {
  const of = (numbers: Readonly<Record<string, number>> | undefined): number[] =>
    contest.choices.map((ch) => numbers?.[ch.id] ?? 0);
  return [
    ...of(t.caucus?.first),
    ...of(t.counts),
    ...of(t.caucus?.delegates),
    ...of(t.caucus?.sde).map((n) => (n / 10_000).toFixed(4)),
  ];
}

/**
 * A contest's results as CSV (RFC 4180, CRLF): a row per area with the contest on its ballot
 * and per vote type, "total" first; a column per choice, by its name; every row says the
 * contest's status, the log size its numbers count and the time of the log then, and whether
 * the election is a test.
 */
export function contestCsv(
  election: Election,
  contestId: string,
  areas: Iterable<AreaResults>,
  asOf: CsvAsOf,
  statuses: readonly PublishedStatus[],
): string {
  const contest = election.contests.get(contestId);
  if (contest === undefined) throw new Error(`no contest ${contestId}`);
  const nameOf = firstLanguage(election);
  const header = [
    ...CONTEST_CSV_BEFORE,
    ...choiceColumns(election, contestId),
    ...CONTEST_CSV_AFTER,
  ];
  const test = election.definition.test ? 'TEST' : '';
  const status = statusAsOf(statuses, contestId, asOf.log)?.status ?? 'unofficial';
  const rows = [header.map(csvField).join(',')];
  for (const area of areas) {
    const c = area.contests.find((x) => x.contest === contestId);
    if (c === undefined) continue;
    const unit = election.units.get(area.area);
    const district = election.definition.districts.find((d) => d.id === area.area);
    const lead = [area.area, nameOf(unit?.name ?? district?.name), unit?.type ?? 'district'];
    for (const [voteType, t] of [['total', c.total] as const, ...Object.entries(c.byVoteType)]) {
      rows.push(
        [
          ...lead,
          voteType,
          c.reporting.reported,
          c.reporting.expected,
          t.ballotsCast,
          t.overvotes,
          t.undervotes,
          ...(contest.kind === 'caucus'
            ? caucusCsvNumbers(contest, t)
            : contest.choices.map((ch) => t.counts[ch.id] ?? 0)),
          asOf.log,
          asOf.time,
          test,
          status,
        ]
          .map(csvField)
          .join(','),
      );
    }
  }
  return rows.join('\r\n') + '\r\n';
}

/** The columns of the long-format CSV (csv/results.csv), one number a row. */
export const LONG_CSV_COLUMNS = [
  'area',
  'area_name',
  'area_type',
  'contest',
  'contest_name',
  'choice',
  'choice_name',
  'party',
  'vote_type',
  'votes',
  'as_of_log',
  'as_of_time',
  'test',
  // Added last: the contest's status, and "yes" on the rows of the winners its call or
  // certification names (in every area: the contest's winner, not the area's).
  'contest_status',
  'contest_winner',
] as const;

/**
 * Every area's results in long format, as a newsroom loads them into a table: a row per area
 * (those above the reporting units, and the districts), contest, choice and vote type ("total"
 * first), with names in the definition's first language, the contest's status (and "yes" for
 * the winners a call or a certification names), the log size the numbers count and the time of
 * the log then.
 */
export function longCsv(
  election: Election,
  areas: Iterable<AreaResults>,
  asOf: CsvAsOf,
  statuses: readonly PublishedStatus[],
): string {
  const nameOf = firstLanguage(election);
  const test = election.definition.test ? 'TEST' : '';
  const parties = new Map(election.definition.parties.map((p) => [p.id, p]));
  const rows = [LONG_CSV_COLUMNS.join(',')];
  const tail = `,${csvField(asOf.log)},${csvField(asOf.time)},${test}`;
  for (const area of areas) {
    const unit = election.units.get(area.area);
    const district =
      unit === undefined
        ? election.definition.districts.find((d) => d.id === area.area)
        : undefined;
    const lead = [area.area, nameOf(unit?.name ?? district?.name), unit?.type ?? 'district']
      .map(csvField)
      .join(',');
    for (const c of area.contests) {
      const contest = election.contests.get(c.contest);
      if (contest === undefined) continue;
      const contestLead = `${lead},${csvField(contest.id)},${csvField(nameOf(contest.name))}`;
      const status = statusAsOf(statuses, contest.id, asOf.log);
      for (const choice of contest.choices) {
        const standing = `,${status?.status ?? 'unofficial'},${status?.winners?.includes(choice.id) === true ? 'yes' : ''}`;
        const party = choice.party === undefined ? undefined : parties.get(choice.party);
        const choiceLead = `${contestLead},${csvField(choice.id)},${csvField(nameOf(choice.name))},${csvField(party === undefined ? '' : nameOf(party.abbreviation ?? party.name))}`;
        rows.push(
          `${choiceLead},total,${String(c.total.counts[choice.id] ?? 0)}${tail}${standing}`,
        );
        for (const [voteType, t] of Object.entries(c.byVoteType)) {
          rows.push(
            `${choiceLead},${csvField(voteType)},${String(t.counts[choice.id] ?? 0)}${tail}${standing}`,
          );
        }
      }
    }
  }
  return rows.join('\r\n') + '\r\n';
}

export const unitCsvPath = (group: string): string => `csv/units/${group}.csv`;

/**
 * A group's reporting units' results as CSV (csv/units/<group>.csv, beside units/<group>.json):
 * a row per unit, contest on its ballot and choice, with names in the definition's first
 * language, a column per vote type and the total, and the log size the numbers are as of.
 */
export function unitsCsv(
  election: Election,
  areas: readonly AreaResults[],
  asOf: Pick<CsvAsOf, 'log'>,
): string {
  const { header, choices, units } = unitsCsvParts(election);
  const voteTypes = election.definition.voteTypes.map((v) => v.id);
  // The time of the log is the file's, in its group's JSON and NIST report: not on every row of
  // the precinct files, nearly all of a large election's bytes.
  const tail = `,${csvField(asOf.log)},${election.definition.test ? 'TEST' : ''}\r\n`;
  let text = header;
  for (const area of areas) {
    const lead = units(area.area);
    for (const c of area.contests) {
      const rows = choices.get(c.contest);
      if (rows === undefined) continue;
      for (const [id, fields] of rows) {
        text += lead + fields;
        for (const vt of voteTypes) text += `,${String(c.byVoteType[vt]?.counts[id] ?? 0)}`;
        text += `,${String(c.total.counts[id] ?? 0)}${tail}`;
      }
    }
  }
  return text;
}

/** What every group's CSV writes the same, made once an election: its header, names quoted. */
const unitsCsvMade = new WeakMap<
  Election,
  {
    readonly header: string;
    /** By contest, per choice its id and its fields from the contest's on (",contest,..."). */
    readonly choices: ReadonlyMap<string, readonly (readonly [string, string])[]>;
    /** A unit's first fields (id and name). */
    readonly units: (id: string) => string;
  }
>();

function unitsCsvParts(election: Election): NonNullable<ReturnType<typeof unitsCsvMade.get>> {
  const made = unitsCsvMade.get(election);
  if (made !== undefined) return made;
  const nameOf = firstLanguage(election);
  const d = election.definition;
  const parties = new Map(d.parties.map((p) => [p.id, p]));
  const header = [
    'unit',
    'unit_name',
    'contest',
    'contest_name',
    'choice',
    'choice_name',
    'party',
    ...d.voteTypes.map((v) => v.id),
    'total',
    'as_of_log',
    'test',
  ];
  const choices = new Map(
    d.contests.map((contest) => [
      contest.id,
      contest.choices.map((choice) => {
        const party = choice.party === undefined ? undefined : parties.get(choice.party);
        const fields = [
          contest.id,
          nameOf(contest.name),
          choice.id,
          nameOf(choice.name),
          party === undefined ? '' : nameOf(party.abbreviation ?? party.name),
        ];
        return [choice.id, `,${fields.map(csvField).join(',')}`] as const;
      }),
    ]),
  );
  const parts = {
    header: `${header.map(csvField).join(',')}\r\n`,
    choices,
    units: (id: string) => `${csvField(id)},${csvField(nameOf(election.units.get(id)?.name))}`,
  };
  unitsCsvMade.set(election, parts);
  return parts;
}

/**
 * The feeds' JSON Schemas, generated from the zod schemas above: committed in schema/ (a test
 * keeps them current) and published with every version under schema/, where the site links them.
 */
export const FEED_SCHEMAS = [
  { file: 'results.schema.json', zod: ResultsFeed, format: RESULTS_FORMAT },
  { file: 'unit-results.schema.json', zod: UnitResultsFeed, format: UNIT_RESULTS_FORMAT },
] as const;

export function feedJsonSchema(s: (typeof FEED_SCHEMAS)[number]): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(s.zod, { io: 'output' });
  return { $schema, ...rest, $id: `urn:tally:${s.format}` };
}
