// One published version: every file of `v/<n>/` built from the tally as of one signed checkpoint,
// the manifest that lists them (each with its SHA-256 and the log size it is as of) and is signed,
// and the `current.json` that points at it. A version is a pure function of the log prefix and
// the build parameters the manifest names: no file says when it was built, only what log it
// shows (its numbers' last change, and the time of the log then), so the verifier can rebuild
// every byte. Only what changed is rebuilt: each file has a key (the log index at which its
// numbers last changed), and a file whose key did not move is taken as it was, bytes and hash.
// The builder refuses totals that do not equal the sum of the accepted submissions (checkTally).
import { lastStatusChange, statusAsOf, type PublishedStatus } from '../core/admission.js';
import { canonicalJson, canonicalObject } from '../core/canonical_json.js';
import { contestsWithin, type Election } from '../core/election.js';
import { err, ok, problem, type Problem, type Result } from '../core/result.js';
import { sha256Hex } from '../core/sha256.js';
import {
  checkTally,
  type AreaOverview,
  type AreaResults,
  TallyCheckCache,
  type TrendSlots,
  type CountedSubmission,
  type Tally,
  type TallyProblem,
} from '../core/tally.js';
import { TALLY_VERSION } from '../core/tally_version.js';
import {
  CURRENT_FORMAT,
  MANIFEST_CONTEXT,
  MANIFEST_FORMAT,
  type BuildParameters,
  type Current,
  type Manifest,
  type SignedManifest,
} from '../formats/manifest.js';
import {
  nistResultsBytes,
  reportStanding,
  type ReportStanding,
} from '../formats/nist_cdf_results.js';
import {
  contestCsv,
  longCsv,
  FEED_SCHEMAS,
  feedJsonSchema,
  resultsFeed,
  unitFilePath,
  unitCsvPath,
  unitsCsv,
  unitGroups,
  unitResultsBytes,
} from '../formats/results_feed.js';
import { signCanonical } from '../log/envelope.js';
import type { Signer } from '../log/note.js';
import { REFRESH_JS, SITE_CSS } from './assets.js';
import { siteLanguage, type Language } from './messages.js';
import {
  contestPage,
  pagePaths,
  summaryPage,
  unitPage,
  unitsWithPages,
  verifyPage,
  type PageVersion,
  type SiteInput,
} from './site.js';

/** The long-format CSV of every area above the reporting units (longCsv). */
export const LONG_CSV_PATH = 'csv/results.csv';

export const VENDOR_APPLICATION = `Tally ${TALLY_VERSION}`;

/** At most how many points a contest's chart of the night draws (see trendPoints in site.tsx). */
export const TREND_POINTS = 120;

export interface BuiltFile {
  readonly path: string;
  /**
   * The bytes, when built for this version; absent when the file is the previous version's,
   * unchanged, or when the builder handed it to a sink already.
   */
  readonly bytes?: Uint8Array;
  /** Lowercase hex SHA-256 of the bytes. */
  readonly sha256: string;
  readonly contentType: string;
  readonly size: number;
  /** The log size whose numbers the file shows (0 for a file the log does not change). */
  readonly asOf: number;
}

/** A file as just made, bytes and all. */
export type MadeFile = BuiltFile & { readonly bytes: Uint8Array };

export interface Snapshot {
  readonly version: number;
  /** The version's files, paths relative to `v/<n>/`, the manifest last. */
  readonly files: readonly BuiltFile[];
  readonly manifest: SignedManifest;
  readonly current: MadeFile;
  /** How many files were built afresh (the rest were unchanged and reused). */
  readonly rebuilt: number;
  /** The paths of the files built afresh. */
  readonly fresh: ReadonlySet<string>;
}

export interface SnapshotOptions {
  readonly election: Election;
  readonly signer: Signer;
  readonly siteUrl?: string;
  readonly logVerifierKey: string;
}

export type SnapshotProblem = Problem<'totals_do_not_add_up'>;

const encoder = new TextEncoder();

function file(path: string, content: string | Uint8Array, asOf: number): MadeFile {
  const bytes = typeof content === 'string' ? encoder.encode(content) : content;
  return {
    path,
    bytes,
    sha256: sha256Hex(bytes),
    contentType: contentTypeOf(path),
    size: bytes.length,
    asOf,
  };
}

const JSON_TYPE = 'application/json';
const HTML_TYPE = 'text/html; charset=utf-8';

export function contentTypeOf(path: string): string {
  if (path.endsWith('.html')) return HTML_TYPE;
  if (path.endsWith('.json')) return JSON_TYPE;
  if (path.endsWith('.csv')) return 'text/csv; charset=utf-8';
  if (path.endsWith('.css')) return 'text/css; charset=utf-8';
  if (path.endsWith('.js')) return 'text/javascript; charset=utf-8';
  if (path.endsWith('.svg')) return 'image/svg+xml';
  return path.startsWith('log/') ? 'text/plain; charset=utf-8' : 'application/octet-stream';
}

/** What names a version beside the log: its number, checkpoint and publication time. */
export interface VersionStamp {
  readonly version: number;
  /** The signed checkpoint (C2SP signed note) it is built from. */
  readonly checkpoint: string;
  /** When it was published: said by the manifest, current.json and results.json alone. */
  readonly generatedAt: string;
  /** The time of the log as of a size (see SiteInput.timeAt). */
  readonly timeAt: (size: number) => string;
}

/**
 * The tally as a version's files read it: the publisher's Tally, or the verifier's recount.
 * Revisions are log indexes (-1 for none); `trend` as Tally.trend.
 */
export interface VersionSource {
  area(id: string): AreaResults | undefined;
  overview(id: string): AreaOverview | undefined;
  revision(areaId: string): number;
  /** Which reporting units' revisions moved, in order (Tally.changedUnit), where known. */
  readonly unitChangeCount?: number;
  changedUnit?(i: number): string;
  contestRevision(contestId: string): number;
  trend(): TrendSlots;
  /** Every change of a contest's status, in log order (Tally.statuses). */
  statuses(): readonly PublishedStatus[];
}

/** What every stage of a version's build reads. */
export interface VersionInput extends VersionStamp {
  readonly election: Election;
  readonly tally: VersionSource;
  readonly logSize: number;
}

/**
 * The input a version's manifest says it was built from: its number, checkpoint, time and log
 * size, with the election and a tally as of that size (for rebuilding the version from its log).
 */
export function versionInputOf(
  manifest: Pick<Manifest, 'version' | 'checkpoint' | 'generatedAt' | 'logSize'>,
  election: Election,
  tally: VersionSource,
  timeAt: (size: number) => string,
): VersionInput {
  const { version, checkpoint, generatedAt, logSize } = manifest;
  return { election, tally, logSize, version, checkpoint, generatedAt, timeAt };
}

/**
 * The files of one version as they are made: each either built afresh (and handed to the sink,
 * when there is one) or, when its key did not move since the last version, taken as it was.
 */
export class VersionFiles {
  readonly files: BuiltFile[] = [];
  readonly fresh = new Set<string>();
  rebuilt = 0;

  constructor(
    /** Each file's key and hash as last built, shared by the versions of one election. */
    private readonly cache: Map<string, { key: string; file: BuiltFile }>,
    /**
     * Takes each file built afresh as soon as it is made (the checks have passed by then);
     * the snapshot then lists it without its bytes. Without a sink the snapshot keeps them.
     */
    private readonly sink?: (file: BuiltFile) => Promise<void>,
    /** Files written for this version before its build (by a detail pass): fresh, not reused. */
    private readonly writtenBefore: ReadonlySet<string> = new Set(),
  ) {}

  /**
   * Lists these files as they were last built, whatever has changed since (each says the log
   * size it is as of); false, listing nothing, when one of them was never built.
   */
  listAsLastBuilt(paths: readonly string[]): boolean {
    const known = paths.map((p) => this.cache.get(p)?.file);
    if (known.some((f) => f === undefined)) return false;
    for (const f of known as BuiltFile[]) {
      this.files.push(f);
      if (this.writtenBefore.has(f.path)) {
        this.fresh.add(f.path);
        this.rebuilt++;
      }
    }
    return true;
  }

  /** A file built afresh for this version. */
  async emit(built: MadeFile): Promise<void> {
    this.rebuilt++;
    this.fresh.add(built.path);
    if (this.sink === undefined) {
      this.files.push(built);
      return;
    }
    await this.sink(built);
    this.files.push(withoutBytes(built));
  }

  /**
   * The file as it was when its key is the one it was built with; made afresh otherwise. A
   * file's bytes depend only on its key and on `asOf`, the log size its numbers are as of.
   */
  async reuse(
    path: string,
    key: string,
    asOf: number,
    make: () => string | Uint8Array,
  ): Promise<void> {
    const known = this.cache.get(path);
    if (known?.key === key && known.file.asOf === asOf) {
      this.files.push(known.file);
      return;
    }
    const built = file(path, make(), asOf);
    this.cache.set(path, { key, file: withoutBytes(built) });
    await this.emit(built);
  }
}

/** The standing of the election's report (cdf.json) from its contests' statuses as of `size`. */
export function standingOf(
  election: Election,
  statuses: readonly PublishedStatus[],
  size: number,
): { standing?: ReportStanding } {
  const standing = reportStanding(
    election.definition.contests.map((c) => statusAsOf(statuses, c.id, size)?.status),
  );
  return standing === undefined ? {} : { standing };
}

/** A page or file as of log size `asOfLog` says its numbers changed last after entry `revision`. */
const since = (revision: number): number => revision + 1;

/**
 * Which precinct detail a version's build makes: the reporting units' group files (units/ and
 * cdf/) and the pages of the units above them (a county's page lists its precincts). All of it
 * ('all', a version built whole), none ('none': the verifier rebuilds it apart, each file as of
 * the log size the manifest lists), or what was never built yet, the rest listed as last built
 * ('listed': the publisher's headline, whose detail pass keeps the precinct detail up to date
 * after it; see SnapshotBuilder.buildDetail).
 */
export type PrecinctDetail = 'all' | 'none' | 'listed';

/** A reporting units' group, as its files are built: its index among the groups, its units. */
export type UnitGroup = ReturnType<typeof unitGroups>[number];

/**
 * A group's revision: the last entry that changed one of its units. Its files are as of the log
 * size just after it, and are rebuilt when it moves.
 */
export function groupRevision(tally: VersionSource, group: UnitGroup): number {
  let revision = -1;
  for (const u of group.units) revision = Math.max(revision, tally.revision(u));
  return revision;
}

/**
 * A reporting units' group's two files, units/<group>.json and cdf/<group>.json, as of the log
 * size after the group's revision. Each is a function of that size alone: the report's status
 * is complete when every unit of the group has reported by then.
 */
export async function buildGroupFiles(
  out: VersionFiles,
  input: Pick<VersionInput, 'election' | 'tally' | 'timeAt'>,
  issuer: string,
  /** The group's place among the election's groups, and how many there are. */
  at: { readonly index: number; readonly of: number },
  group: UnitGroup,
): Promise<void> {
  const { election, tally, timeAt } = input;
  const revision = groupRevision(tally, group);
  const asOf = since(revision);
  // Built only when one of the group's files must be.
  let built: AreaResults[] | undefined;
  const areas = (): AreaResults[] =>
    (built ??= group.units.map((id) => tally.area(id) as AreaResults));
  await out.reuse(unitFilePath(group.id), String(revision), asOf, () =>
    unitResultsBytes(election, asOf, group, areas()),
  );
  await out.reuse(`cdf/${group.id}.json`, String(revision), asOf, () =>
    nistResultsBytes(election, areas(), {
      issuer,
      issuerAbbreviation: election.definition.id,
      generatedAt: timeAt(asOf),
      sequence: at.index + 2,
      sequenceEnd: at.of + 1,
      complete: areas().every((a) => a.reporting.reported > 0),
      vendorApplicationId: VENDOR_APPLICATION,
    }),
  );
  await out.reuse(unitCsvPath(group.id), String(revision), asOf, () =>
    unitsCsv(election, areas(), { log: asOf }),
  );
}

/**
 * The feeds: results.json and cdf.json for the areas above the reporting units, a units/ and a
 * cdf/ file per group of reporting units (as `detail` says), and a CSV per contest.
 */
export async function buildFeeds(
  out: VersionFiles,
  input: VersionInput,
  issuer: string,
  detail: PrecinctDetail = 'all',
): Promise<void> {
  const { election, tally, version, generatedAt, logSize, timeAt } = input;
  const d = election.definition;
  const groups = unitGroups(election);
  const reporting = new Set(election.reportingUnits);
  const upper = [
    ...d.units.filter((u) => !reporting.has(u.id)).map((u) => u.id),
    ...d.districts.map((x) => x.id),
  ].map((id) => tally.area(id) as AreaResults);
  await out.emit(
    file(
      'results.json',
      JSON.stringify(
        resultsFeed(election, { version, generatedAt, logSize }, upper, tally.statuses()),
      ),
      logSize,
    ),
  );
  const complete =
    (tally.area(election.root.id)?.reporting.reported ?? 0) === election.reportingUnits.length;
  await out.emit(
    file(
      'cdf.json',
      nistResultsBytes(election, upper, {
        issuer,
        issuerAbbreviation: d.id,
        // A report is generated as of the log it shows: the time of the log at its size.
        generatedAt: timeAt(logSize),
        sequence: 1,
        sequenceEnd: groups.length + 1,
        complete,
        ...standingOf(election, tally.statuses(), logSize),
        vendorApplicationId: VENDOR_APPLICATION,
      }),
      logSize,
    ),
  );
  if (detail !== 'none') {
    for (const [i, group] of groups.entries()) {
      const listed =
        detail === 'listed' &&
        out.listAsLastBuilt([
          unitFilePath(group.id),
          `cdf/${group.id}.json`,
          unitCsvPath(group.id),
        ]);
      if (!listed)
        await buildGroupFiles(out, input, issuer, { index: i, of: groups.length }, group);
    }
  }
  // A contest's CSV has a row per area above the reporting units (theirs: units/ and cdf/).
  const statuses = tally.statuses();
  for (const contest of d.contests) {
    const revision = Math.max(
      tally.contestRevision(contest.id),
      lastStatusChange(statuses, contest.id),
    );
    const asOf = since(revision);
    await out.reuse(`csv/${contest.id}.csv`, String(revision), asOf, () =>
      contestCsv(election, contest.id, upper, { log: asOf, time: timeAt(asOf) }, statuses),
    );
  }
  // Every area above the reporting units in long format: as of the summary's numbers.
  const revision = Math.max(
    tally.revision(election.root.id),
    ...d.districts.map((x) => tally.revision(x.id)),
    lastStatusChange(statuses),
  );
  const asOf = since(revision);
  await out.reuse(LONG_CSV_PATH, String(revision), asOf, () =>
    longCsv(election, upper, { log: asOf, time: timeAt(asOf) }, statuses),
  );
}

/**
 * The pages, in every language: the summary, each contest, each unit with a page (as `detail`
 * says), verify.
 */
export async function buildPages(
  out: VersionFiles,
  input: VersionInput,
  languages: readonly Language[],
  site: (asOfLog: number) => SiteInput,
  detail: PrecinctDetail = 'all',
): Promise<void> {
  const { election, tally, logSize } = input;
  const d = election.definition;
  const districtRevisions = d.districts.map((x) => tally.revision(x.id));
  // The summary shows every contest's status, and a contest's page its own.
  const statuses = tally.statuses();
  const summaryRevision = Math.max(
    tally.revision(election.root.id),
    ...districtRevisions,
    lastStatusChange(statuses),
  );
  for (const lang of languages) {
    await out.reuse(pagePaths.summary(lang), String(summaryRevision), since(summaryRevision), () =>
      summaryPage(site(since(summaryRevision)), lang),
    );
    for (const contest of d.contests) {
      // Its page says how far the count has come where it is decided, which moves with any
      // unit there, whether or not the unit's results change the contest's.
      const scope = tally.revision(contest.district ?? election.root.id);
      const revision = Math.max(
        tally.contestRevision(contest.id),
        scope,
        lastStatusChange(statuses, contest.id),
      );
      await out.reuse(pagePaths.contest(lang, contest.id), String(revision), since(revision), () =>
        contestPage(site(since(revision)), lang, contest.id),
      );
    }
    await out.emit(file(pagePaths.verify(lang), verifyPage(site(logSize), lang), logSize));
  }
  for (const unit of unitsWithPages(election)) {
    const precinctDetail = listsReportingUnits(election, unit);
    if (precinctDetail && detail === 'none') continue;
    const listed =
      precinctDetail &&
      detail === 'listed' &&
      out.listAsLastBuilt(languages.map((lang) => pagePaths.unit(lang, unit)));
    if (!listed) await buildUnitPage(out, election, tally, languages, site, unit);
  }
}

/**
 * The precinct detail that shows each reporting unit's numbers: its group's files, and the
 * pages that list it (its county's, in each language). Once every one of them is as of a log
 * size beyond an entry of the unit's, its precinct detail shows that entry.
 */
export function precinctDetailPaths(
  election: Election,
  languages: readonly string[],
): Map<string, readonly string[]> {
  const paths = new Map<string, readonly string[]>();
  for (const group of unitGroups(election)) {
    for (const unit of group.units) {
      const parent = election.units.get(unit)?.parent;
      paths.set(unit, [
        unitFilePath(group.id),
        `cdf/${group.id}.json`,
        unitCsvPath(group.id),
        ...(parent === undefined ? [] : languages.map((lang) => pagePaths.unit(lang, parent))),
      ]);
    }
  }
  return paths;
}

/**
 * Whether a unit's page lists reporting units (a county's, its precincts): precinct detail,
 * which follows the headline. A page that lists units above them (the state's, its counties) is
 * headline.
 */
export function listsReportingUnits(election: Election, unit: string): boolean {
  return (election.children.get(unit) ?? []).some((child) => !election.children.has(child));
}

/**
 * The last entry that changed what a unit's page shows: the numbers of the unit (and of the
 * units beneath it), or the status of a contest (its page shows each contest's).
 */
export function unitPageRevision(
  election: Election,
  tally: Pick<VersionSource, 'revision' | 'statuses'>,
  unit: string,
): number {
  return Math.max(tally.revision(unit), lastStatusChangeWithin(election, unit, tally.statuses()));
}

/** The last change of the status of a contest on the ballot within a unit (-1 for none). */
export function lastStatusChangeWithin(
  election: Election,
  unit: string,
  statuses: readonly PublishedStatus[],
): number {
  const shown = contestsWithin(election, unit);
  let last = -1;
  for (const s of statuses) if (shown.has(s.contest)) last = Math.max(last, s.entry);
  return last;
}

/**
 * A unit's page (a county's: its results, and a row for each of its precincts) in every
 * language, as of the log size after the unit's revision: a function of that size alone.
 */
export async function buildUnitPage(
  out: VersionFiles,
  election: Election,
  tally: Pick<VersionSource, 'revision' | 'statuses'>,
  languages: readonly Language[],
  site: (asOfLog: number) => SiteInput,
  unit: string,
): Promise<void> {
  const revision = unitPageRevision(election, tally, unit);
  for (const lang of languages) {
    await out.reuse(pagePaths.unit(lang, unit), String(revision), since(revision), () =>
      unitPage(site(since(revision)), lang, unit),
    );
  }
}

export interface SignedVersion {
  readonly manifest: SignedManifest;
  /** manifest.json: the manifest and its signature, the manifest's text as it was signed. */
  readonly manifestFile: MadeFile;
  /** current.json: the version's path and the SHA-256 of its manifest.json. */
  readonly current: MadeFile;
}

/** The manifest that lists a version's files with their SHA-256, signed, and what points at it. */
export function signVersion(
  input: Omit<VersionInput, 'tally' | 'timeAt'>,
  build: BuildParameters,
  files: readonly BuiltFile[],
  signer: Signer,
): SignedVersion {
  const { election, version, generatedAt, logSize, checkpoint } = input;
  const d = election.definition;
  const manifest: Manifest = {
    format: MANIFEST_FORMAT,
    election: d.id,
    version,
    generatedAt,
    test: d.test,
    logSize,
    checkpoint,
    build,
    files: Object.fromEntries(files.map((f) => [f.path, { sha256: f.sha256, asOf: f.asOf }])),
  };
  // Signed over its canonical JSON, which the file then holds as it is: serialised once.
  const manifestText = canonicalJson(manifest);
  const signature = signCanonical(MANIFEST_CONTEXT, manifestText, signer);
  const manifestFile = file(
    'manifest.json',
    canonicalObject({
      manifest: manifestText,
      signature: JSON.stringify(signature.signature),
      signer: JSON.stringify(signature.signer),
    }),
    logSize,
  );
  const current: Current = {
    format: CURRENT_FORMAT,
    election: d.id,
    version,
    path: `v/${String(version)}/`,
    generatedAt,
    logSize,
    test: d.test,
    manifestSha256: manifestFile.sha256,
  };
  return {
    manifest: { manifest, ...signature },
    manifestFile,
    current: file('current.json', canonicalJson(current), logSize),
  };
}

/**
 * The site root's page (index.html beside current.json): it sends a browser on to the current
 * version's summary, in the site's first language. The verifier rebuilds it too.
 */
export function rootPage(version: number, language: string): string {
  const target = `v/${String(version)}/${pagePaths.summary(language)}`;
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0; url=${target}"><title>Results</title></head><body><p><a href="${target}">Results</a></p></body></html>\n`;
}

/**
 * The build parameters this release of Tally derives from the election's definition: the site's
 * languages (those of the definition Tally has), who issues the results (the election's name),
 * and at most how many points the charts of the night draw. A manifest that names others is not this
 * release's build of that election (the verifier says so).
 */
export function derivedParameters(
  election: Election,
): Pick<BuildParameters, 'languages' | 'issuer' | 'trendPoints'> {
  const d = election.definition;
  const tags = d.languages.map(siteLanguage);
  const languages = [...new Set(tags.filter((l): l is Language => l !== undefined))];
  return {
    languages: languages.length === 0 ? ['en'] : languages,
    issuer: Object.values(d.name)[0] ?? d.id,
    trendPoints: TREND_POINTS,
  };
}

/** The build parameters of an election's versions, as the manifest names them. */
export function buildParameters(options: SnapshotOptions): BuildParameters {
  return {
    tally: TALLY_VERSION,
    ...derivedParameters(options.election),
    siteUrl: options.siteUrl ?? null,
    logKey: options.logVerifierKey,
    manifestKey: options.logVerifierKey,
  };
}

/** What a version's pages read, as of a log size: the tally and the build parameters. */
export function siteInputs(
  input: Pick<VersionInput, 'election' | 'tally' | 'logSize' | 'checkpoint' | 'timeAt'>,
  build: BuildParameters,
): (asOfLog: number) => SiteInput {
  const { election, tally } = input;
  const pageVersion: PageVersion = { logSize: input.logSize, checkpoint: input.checkpoint };
  return (asOfLog) => ({
    election,
    languages: build.languages as Language[],
    version: pageVersion,
    area: (id) => tally.area(id),
    overview: (id) => tally.overview(id),
    trend: () => tally.trend(),
    trendPoints: build.trendPoints,
    statuses: tally.statuses(),
    timeAt: input.timeAt,
    verifierKeys: { log: build.logKey, manifest: build.manifestKey },
    asOfLog,
    ...(build.siteUrl === null ? {} : { siteUrl: build.siteUrl }),
  });
}

/**
 * Every file of a version but its manifest: assets, feeds and pages, with the precinct detail
 * as `detail` says. A pure function of the input (the log as the tally counts it) and the build
 * parameters.
 */
export async function buildVersionFiles(
  out: VersionFiles,
  input: VersionInput,
  build: BuildParameters,
  detail: PrecinctDetail = 'all',
): Promise<void> {
  await out.reuse('assets/site.css', 'static', 0, () => SITE_CSS);
  await out.reuse('assets/refresh.js', 'static', 0, () => REFRESH_JS);
  for (const schema of FEED_SCHEMAS) {
    await out.reuse(
      `schema/${schema.file}`,
      'static',
      0,
      () => `${JSON.stringify(feedJsonSchema(schema), null, 2)}\n`,
    );
  }
  await buildFeeds(out, input, build.issuer, detail);
  await buildPages(out, input, build.languages as Language[], siteInputs(input, build), detail);
}

/**
 * One piece of precinct detail, brought up to date as a whole: a reporting units' group (its
 * units/ and cdf/ files), or a unit's page in every language. Known by its first file's path.
 */
type DetailItem =
  | {
      readonly kind: 'group';
      readonly path: string;
      readonly group: UnitGroup;
      readonly index: number;
    }
  | { readonly kind: 'page'; readonly path: string; readonly unit: string };

/**
 * Builds the versions of one election, each from the one before where nothing changed. A
 * version's headline (every file above the precincts: the summary, contest pages, results.json,
 * cdf.json, the CSVs, the pages of the areas above the counties) is built as of its checkpoint;
 * the precinct detail (the reporting units' group files, the pages that list them, a county's)
 * is listed as last built, and kept up to date
 * by `buildDetail` between versions, so that precinct detail never holds up the headline.
 */
export class SnapshotBuilder {
  /** Each file's key and hash as last built (not its bytes: a big election has gigabytes). */
  private readonly cache = new Map<string, { key: string; file: BuiltFile }>();
  private readonly checks = new TallyCheckCache();
  /** When each piece of detail that is behind was first found so (staleDetail), by path. */
  private readonly staleSince = new Map<string, number>();
  /** Files the detail passes wrote for the next version since the last one. */
  private detailWritten = new Set<string>();
  private readonly groups: number;
  private readonly detail: readonly DetailItem[];
  /** How many builds (versions and detail passes) changed what was last built. */
  private builds = 0;
  /** Each group's revision as of the tally's first `seen` unit changes (groupRevision). */
  private groupRevisions: { tally: VersionSource; seen: number; byGroup: number[] } | undefined;
  /** Each reporting unit's group, by index. */
  private readonly groupOfUnit = new Map<string, number>();
  /** What staleDetail last found, and as of what. */
  private staleCount:
    { tally: VersionSource; logSize: number; builds: number; count: number } | undefined;
  readonly parameters: BuildParameters;

  constructor(private readonly options: SnapshotOptions) {
    this.parameters = buildParameters(options);
    const groups = unitGroups(options.election);
    const first = this.parameters.languages[0] ?? 'en';
    this.groups = groups.length;
    groups.forEach((group, index) => {
      for (const unit of group.units) this.groupOfUnit.set(unit, index);
    });
    this.detail = [
      ...groups.map((group, index) => ({
        kind: 'group' as const,
        path: unitFilePath(group.id),
        group,
        index,
      })),
      ...unitsWithPages(options.election)
        .filter((unit) => listsReportingUnits(options.election, unit))
        .map((unit) => ({
          kind: 'page' as const,
          path: pagePaths.unit(first, unit),
          unit,
        })),
    ];
  }

  /**
   * Builds a version from the tally as of the signed checkpoint `at.checkpoint` (whose size
   * must be the tally's log size). Refuses,
   * saying where, when the totals do not equal the sum of `accepted`, each unit's latest
   * accepted submission per vote type as the caller found them. The precinct detail is as the
   * detail passes last built it (all of it, the first time).
   */
  async build(
    tally: Tally,
    accepted: Iterable<CountedSubmission>,
    at: VersionStamp,
    /** Takes each file built afresh as soon as it is made (see VersionFiles). */
    sink?: (file: BuiltFile) => Promise<void>,
  ): Promise<Result<Snapshot, SnapshotProblem>> {
    const { election, signer } = this.options;
    // 1. The totals must be the sum of the accepted submissions, at every level.
    const problems = checkTally(election, accepted, tally, this.checks);
    if (problems.length > 0) return err(refusal(problems));
    const input: VersionInput = { election, tally, logSize: tally.logSize, ...at };

    // 2. The files, each rebuilt only when its key moved: assets, feeds, pages.
    const out = new VersionFiles(this.cache, sink, this.detailWritten);
    // What staleDetail found before or meanwhile is found again after.
    this.builds++;
    try {
      await buildVersionFiles(out, input, this.parameters, 'listed');
    } finally {
      this.builds++;
    }
    this.detailWritten = new Set();

    // 3. The signed manifest of those files (the last of them), and current.json.
    const signed = signVersion(input, this.parameters, out.files, signer);
    await out.emit(signed.manifestFile);
    return ok({
      version: at.version,
      files: out.files,
      manifest: signed.manifest,
      current: signed.current,
      rebuilt: out.rebuilt,
      fresh: out.fresh,
    });
  }

  /**
   * Checks the totals as `build` does, publishing nothing: before the results are released, so
   * that the first version's check (which would otherwise read every area) reads only what
   * moved since. What it finds is found again by the build that publishes.
   */
  checkAhead(tally: Tally, accepted: Iterable<CountedSubmission>): void {
    checkTally(this.options.election, accepted, tally, this.checks);
  }

  /**
   * How many pieces of precinct detail show numbers older than the tally's; one found so for
   * the first time is noted as stale from `now` (oldestStale).
   */
  staleDetail(
    tally: VersionSource & { readonly logSize: number },
    now = performance.now(),
  ): number {
    // Asked again with nothing counted or built since, the answer is the same: at 175,000
    // precincts, reading every group's revision each time the publisher asked was a twentieth
    // of its time.
    const memo = this.staleCount;
    if (memo?.tally === tally && memo.logSize === tally.logSize && memo.builds === this.builds) {
      return memo.count;
    }
    let n = 0;
    for (const item of this.detail) {
      if (!this.isStale(tally, item)) continue;
      n++;
      if (!this.staleSince.has(item.path)) this.staleSince.set(item.path, now);
    }
    this.staleCount = { tally, logSize: tally.logSize, builds: this.builds, count: n };
    return n;
  }

  /** Whether a detail pass built files that no version lists yet. */
  get detailPending(): boolean {
    return this.detailWritten.size > 0;
  }

  /** When the piece of detail that has waited longest to be brought up to date was found stale. */
  oldestStale(): number | undefined {
    let oldest: number | undefined;
    for (const since of this.staleSince.values()) oldest = Math.min(oldest ?? since, since);
    return oldest;
  }

  /** How many pieces of precinct detail were never built. */
  get unbuiltDetail(): number {
    return this.detail.filter((item) => !this.cache.has(item.path)).length;
  }

  private isStale(tally: VersionSource, item: DetailItem): boolean {
    const known = this.cache.get(item.path);
    if (known === undefined) return false;
    const revision =
      item.kind === 'group'
        ? this.groupRevision(tally, item)
        : unitPageRevision(this.options.election, tally, item.unit);
    return known.key !== String(revision);
  }

  /**
   * A group's revision (groupRevision), kept up to date from the units whose revisions moved
   * since the last time, where the tally says which: at 175,000 precincts, reading every unit's
   * revision for each question about what is stale took a tenth of a second each time.
   */
  private groupRevision(
    tally: VersionSource,
    item: Extract<DetailItem, { kind: 'group' }>,
  ): number {
    const count = tally.unitChangeCount;
    if (count === undefined || tally.changedUnit === undefined) {
      return groupRevision(tally, item.group);
    }
    let known = this.groupRevisions;
    if (known?.tally !== tally) {
      known = { tally, seen: 0, byGroup: new Array<number>(this.groups).fill(-1) };
      this.groupRevisions = known;
    }
    for (; known.seen < count; known.seen++) {
      const unit = tally.changedUnit(known.seen);
      const group = this.groupOfUnit.get(unit);
      if (group === undefined) continue;
      known.byGroup[group] = Math.max(known.byGroup[group] ?? -1, tally.revision(unit));
    }
    return known.byGroup[item.index] ?? -1;
  }

  /**
   * The detail pass: rebuilds the precinct detail whose numbers moved since it was built, what
   * waited longest first, as of the tally now (read, not changed; `at` is the version it
   * counts), handing each file to `sink` (for the next version, which then lists it), while
   * `keepGoing` says so; with `unbuilt`, the pieces never built too (before the results are
   * released, so that the first version finds its precinct detail built). Returns how many
   * pieces it built.
   */
  async buildDetail(
    tally: VersionSource & { readonly logSize: number },
    at: Pick<VersionStamp, 'checkpoint' | 'timeAt'>,
    sink: (file: BuiltFile) => Promise<void>,
    keepGoing: () => boolean,
    unbuilt = false,
  ): Promise<number> {
    const { election } = this.options;
    const stale = this.detail
      .filter((item) => this.isStale(tally, item) || (unbuilt && !this.cache.has(item.path)))
      .map((item) => ({ item, asOf: this.cache.get(item.path)?.file.asOf ?? 0 }))
      .sort((a, b) => a.asOf - b.asOf);
    const written = this.detailWritten;
    const out = new VersionFiles(this.cache, async (f) => {
      written.add(f.path);
      await sink(f);
    });
    const input = { election, tally, logSize: tally.logSize, ...at };
    const site = siteInputs(input, this.parameters);
    const languages = this.parameters.languages as Language[];
    let built = 0;
    // What staleDetail found before or meanwhile is found again after.
    this.builds++;
    try {
      for (const { item } of stale) {
        if (!keepGoing()) break;
        if (item.kind === 'group') {
          await buildGroupFiles(
            out,
            input,
            this.parameters.issuer,
            { index: item.index, of: this.groups },
            item.group,
          );
        } else {
          await buildUnitPage(out, election, tally, languages, site, item.unit);
        }
        this.staleSince.delete(item.path);
        built++;
      }
    } finally {
      this.builds++;
    }
    return built;
  }
}

function withoutBytes(f: BuiltFile): BuiltFile {
  return { path: f.path, sha256: f.sha256, contentType: f.contentType, size: f.size, asOf: f.asOf };
}

function refusal(problems: readonly TallyProblem[]): SnapshotProblem {
  const first = problems[0];
  return problem(
    'totals_do_not_add_up',
    `refusing to publish: ${String(problems.length)} total(s) do not equal the sum of the accepted submissions; first: ${first?.message ?? ''}`,
    { problems: problems.slice(0, 50).map((p) => ({ message: p.message, ...p.details })) },
  );
}
