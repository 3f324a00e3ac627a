// The verifier's first road: every file of the version, rebuilt from the log. A version is a pure
// function of the log prefix its checkpoint names and of the build parameters its manifest names
// (src/publish/snapshot.ts), so the verifier counts the log as the publisher did, builds every
// page, feed and asset with the same code, and compares each byte for byte (by SHA-256) with the
// file the manifest lists, and the manifest's list with the files the rules make: a file listed
// that no rule makes, or one the rules make that is not listed, is a problem as much as a changed
// one. The reporting units' group files are rebuilt by the workers (src/verify/results.ts), which
// hand their paths back so the list can be checked whole.
import { ancestry } from '../core/election.js';
import { Tally } from '../core/tally.js';
import { TALLY_VERSION } from '../core/tally_version.js';
import type { Manifest } from '../formats/manifest.js';
import { keyRef } from '../log/envelope.js';
import type { Verifier } from '../log/note.js';
import { parseVerifierKey } from '../log/note.js';
import type { Language } from '../publish/messages.js';
import { pagePaths, unitsWithPages } from '../publish/site.js';
import {
  buildUnitPage,
  buildVersionFiles,
  derivedParameters,
  listsReportingUnits,
  siteInputs,
  lastStatusChangeWithin,
  unitPageRevision,
  VersionFiles,
  versionInputOf,
  type BuiltFile,
  type VersionInput,
  type VersionSource,
} from '../publish/snapshot.js';
import type { CountingHistory } from './counting_history.js';
import { Recount } from './recount.js';
import type { Replayed } from './replay.js';
import type { VerifyProblem } from './verify.js';
import { submissionIn } from './work.js';

export interface RebuildInput {
  /** The log's entries up to the version's size. */
  readonly entries: readonly Uint8Array[];
  readonly replay: Replayed;
  readonly manifest: Manifest;
  /** The version's directory, for the problems' file names. */
  readonly base: string;
  /**
   * What the workers counted: the sums of the areas above the reporting units, and the group
   * files they rebuild (path, and the log size each is as of).
   */
  readonly counted: Promise<{
    readonly upper: Tally;
    readonly groupFiles: ReadonlyMap<string, number>;
  }>;
  readonly logKeys: readonly Verifier[];
  readonly manifestKeys: readonly Verifier[];
  /** The time of the log as of a size (core/log_time.ts). */
  readonly timeAt: (size: number) => string;
  /** What the reporting units counted at every size of the log. */
  readonly history: CountingHistory;
}

export interface Rebuilt {
  /** How many files were rebuilt. */
  readonly files: number;
  /** Units whose pages show numbers older than the version's (listed as of an earlier size). */
  readonly pagesBehind: number;
}

/** Rebuilds every file of the version and compares. */
export async function rebuildVersion(
  input: RebuildInput,
  problems: VerifyProblem[],
): Promise<Rebuilt> {
  const { manifest, replay, entries, base } = input;
  const { election } = replay;
  // What the manifest says of the election is what the log's definition says.
  const d = election.definition;
  for (const [field, said, defined] of [
    ['election', manifest.election, d.id],
    ['test', manifest.test, d.test],
  ] as const) {
    if (said === defined) continue;
    problems.push({
      code: 'manifest_inconsistent',
      message: `the manifest says ${field} ${JSON.stringify(said)}; the election the log defines says ${JSON.stringify(defined)}`,
      file: `${base}manifest.json`,
      expected: String(defined),
      found: String(said),
    });
  }
  if (!canRebuild(input, problems)) return { files: 0, pagesBehind: 0 };
  const build = manifest.build;

  // The tally as the publisher counted it: the workers' sums, and what the replay kept.
  const { upper, groupFiles } = await input.counted;
  const tally = new Recount(replay, upper, entries);

  const listed = new Map(Object.entries(manifest.files));
  const made = new Set<string>();
  const compare = (path: string, sha256: string | undefined, asOf: number): void => {
    made.add(path);
    const file = `${base}${path}`;
    const entry = listed.get(path);
    if (entry === undefined) {
      problems.push({
        code: 'file_omitted',
        message: `${file} is made by the rules but the manifest does not list it`,
        file,
      });
      return;
    }
    if (sha256 !== undefined && entry.sha256 !== sha256) {
      problems.push({
        code: 'file_not_reproduced',
        message: `${file} is not the file the log makes`,
        file,
        expected: sha256,
        found: entry.sha256,
      });
    }
    if (entry.asOf !== asOf) {
      problems.push({
        code: 'as_of_mismatch',
        message: `the manifest says ${file} is as of log size ${String(entry.asOf)}; its numbers are those of size ${String(asOf)}`,
        file,
        expected: asOf,
        found: entry.asOf,
      });
    }
  };
  const sink = (f: BuiltFile): Promise<void> => {
    compare(f.path, f.sha256, f.asOf);
    return Promise.resolve();
  };
  const out = new VersionFiles(new Map(), sink);
  const version = versionInputOf(manifest, election, tally, input.timeAt);
  await buildVersionFiles(out, version, build, 'none');
  const pagesBehind = await rebuildUnitPages(out, input, version);
  // The group files' bytes are the workers' to compare; here, that they are listed as of the
  // size their numbers are.
  for (const [path, asOf] of groupFiles) compare(path, undefined, asOf);
  for (const path of listed.keys()) {
    if (made.has(path)) continue;
    problems.push({
      code: 'file_unexpected',
      message: `${base}${path} is listed by the manifest but no rule makes it`,
      file: `${base}${path}`,
    });
  }
  return { files: out.files.length + groupFiles.size, pagesBehind };
}

/**
 * The pages of the units that list reporting units (a county's, its precincts), into
 * `out`: each as of the log size the manifest lists where that is one at which the numbers of
 * the reporting units beneath it had last changed (precinct detail may follow the headline by a
 * version or a few), as of the version's numbers otherwise (the manifest's size is then wrong).
 * Returns how many units' pages are as of an earlier size.
 */
async function rebuildUnitPages(
  out: VersionFiles,
  input: RebuildInput,
  version: VersionInput,
): Promise<number> {
  const { manifest, replay, entries, history } = input;
  const { election } = replay;
  const build = manifest.build;
  const languages = build.languages as Language[];
  let beneath: Map<string, string[]> | undefined;
  /** The reporting units beneath a unit, found once for all units when first asked. */
  const unitsBeneath = (unit: string): readonly string[] => {
    if (beneath === undefined) {
      beneath = new Map();
      for (const u of election.reportingUnits) {
        for (const above of ancestry(election, u)) {
          const list = beneath.get(above) ?? [];
          list.push(u);
          beneath.set(above, list);
        }
      }
    }
    return beneath.get(unit) ?? [];
  };
  const site = siteInputs(version, build);
  const statusesBefore = (size: number) => version.tally.statuses().filter((s) => s.entry < size);
  /** The tally of the units beneath earlier pages, and which units it has counted. */
  let shared: Tally | undefined;
  const counted = new Set<string>();
  let behind = 0;
  for (const unit of unitsWithPages(election)) {
    if (!listsReportingUnits(election, unit)) continue;
    const now = unitPageRevision(election, version.tally, unit) + 1;
    const byAsOf = new Map<number, Language[]>();
    for (const lang of languages) {
      const listed = manifest.files[pagePaths.unit(lang, unit)]?.asOf;
      // A page as of an earlier size is as of the size after the last change, then, of the
      // numbers beneath it or of a contest's status.
      const earlier =
        listed !== undefined &&
        Number.isSafeInteger(listed) &&
        listed < now &&
        Math.max(
          history.lastChange(unitsBeneath(unit), listed),
          lastStatusChangeWithin(election, unit, statusesBefore(listed)),
        ) +
          1 ===
          listed;
      const asOf = earlier ? listed : now;
      byAsOf.set(asOf, [...(byAsOf.get(asOf) ?? []), lang]);
    }
    for (const [asOf, some] of byAsOf) {
      if (asOf === now) {
        await buildUnitPage(out, election, version.tally, some, site, unit);
        continue;
      }
      // The units beneath it as they had counted as of that size, in a tally shared with other
      // pages whose units these are not (a page reads only the units beneath it): a tally of a
      // large election for each of its thousands of county pages would take minutes.
      const units = unitsBeneath(unit);
      if (units.some((u) => counted.has(u))) {
        shared = new Tally(election);
        counted.clear();
      }
      const then = (shared ??= new Tally(election));
      for (const u of units) {
        counted.add(u);
        for (const { entry, at } of history.countedAt(u, asOf)) {
          then.count(at, submissionIn(entries[entry] ?? new Uint8Array()));
        }
      }
      // The statuses as they were then, as the numbers are.
      const before = statusesBefore(asOf);
      const asThen: VersionSource = {
        area: (id) => then.area(id),
        overview: (id) => then.overview(id),
        revision: (id) => then.revision(id),
        contestRevision: (id) => then.contestRevision(id),
        trend: () => then.trend(),
        statuses: () => before,
      };
      await buildUnitPage(
        out,
        election,
        asThen,
        some,
        siteInputs({ ...version, tally: asThen }, build),
        unit,
      );
    }
    if (byAsOf.size > 1 || !byAsOf.has(now)) behind++;
  }
  return behind;
}

/**
 * Whether this verifier can rebuild the version: built by the same Tally release, in languages it
 * has, and pointing readers at keys the user trusts (the verify page prints them).
 */
function canRebuild(input: RebuildInput, problems: VerifyProblem[]): boolean {
  const { build } = input.manifest;
  const file = `${input.base}manifest.json`;
  if (build.tally !== TALLY_VERSION) {
    problems.push({
      code: 'builder_version',
      message: `the version was built by Tally ${build.tally}; this verifier is Tally ${TALLY_VERSION} and rebuilds only its own versions' files: run Tally ${build.tally}'s verifier`,
      file,
      expected: TALLY_VERSION,
      found: build.tally,
    });
    return false;
  }
  // What the release derives from the definition (the languages, the issuer, the trend's points)
  // is not the operator's to choose: a site in fewer languages than the election's is not its
  // site.
  const derived = derivedParameters(input.replay.election);
  const differing = (['languages', 'issuer', 'trendPoints'] as const).filter(
    (k) => JSON.stringify(build[k]) !== JSON.stringify(derived[k]),
  );
  if (differing.length > 0) {
    problems.push({
      code: 'build_parameters',
      message: `the manifest's ${differing.join(', ')} are not what Tally ${TALLY_VERSION} derives from the election's definition (${differing.map((k) => `${k} ${JSON.stringify(derived[k])}`).join('; ')})`,
      file,
      expected: differing.map((k) => JSON.stringify(derived[k])).join('; '),
      found: differing.map((k) => JSON.stringify(build[k])).join('; '),
    });
    return false;
  }
  const trusted = (key: string, keys: readonly Verifier[]): boolean => {
    const parsed = parseVerifierKey(key);
    return parsed.ok && keys.some((k) => keyRef(k) === keyRef(parsed.value));
  };
  if (!trusted(build.logKey, input.logKeys) || !trusted(build.manifestKey, input.manifestKeys)) {
    problems.push({
      code: 'build_parameters',
      message: `the site tells readers to trust keys you do not (log ${build.logKey}, manifest ${build.manifestKey})`,
      file,
    });
  }
  return true;
}
