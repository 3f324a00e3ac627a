// The independent verifier: from a published site's public files alone, and keys its user
// trusts (never only those the site serves), it checks that the manifest and the log's
// checkpoints are signed by those keys, that every file is the one the manifest lists, that the
// log hashes up to its checkpoint and agrees with the version's checkpoint (and with an older one
// the user saw), that every entry is well-formed and every submission signed by a key the
// roster certified at that point, that each entry's recorded decision follows the admission rules,
// and that every published number is the sum of the accepted submissions. Pure: files come
// through `read`, so it runs over a directory, a mirror or HTTP alike.
import type { Verifier } from '../log/note.js';
import { readVersion } from './version.js';
import { checkFiles, type CheckedFiles } from './files.js';
import { checkLog } from './log_check.js';
import { append, replayLog, type Replayed } from './replay.js';
import { CountingHistory } from './counting_history.js';
import { compareResults } from './results.js';
import { rebuildVersion } from './rebuild.js';
import { checkEvidence, type EvidenceChecked } from './evidence.js';
import { checkCompressed } from './files.js';
import { waitsForRelease } from '../core/election.js';
import { sha256Hex } from '../core/sha256.js';
import type { BuildParameters, Manifest } from '../formats/manifest.js';
import { rootPage } from '../publish/snapshot.js';
import { decodeLogEntry } from '../core/log_entry.js';
import { entryTime, logTimeAt } from '../core/log_time.js';
import { runTask, WorkerState, type VerifyTask, type VerifyTaskResult } from './work.js';

export { readEntries } from './log_check.js';
/** Reads a published file by its path under the election's site root; undefined when absent. */
export type ReadPublished = (path: string) => Promise<Uint8Array | undefined>;

/**
 * A published file's precompressed copy ('br' or 'gz'), decoded: undefined when the site has no
 * such copy, null when the copy does not decode. `size` is the length of the file it must decode
 * to, so that a reader can decode it into one buffer, and stop ('longer') past it.
 */
export type ReadCompressed = (
  path: string,
  encoding: 'br' | 'gz',
  size: number,
) => Promise<Uint8Array | undefined | null | 'longer'>;

/** The paths of the files under a directory of the site, relative to it; undefined if unknown. */
export type ListPublished = (dir: string) => Promise<readonly string[] | undefined>;

export interface VerifyOptions {
  /** Keys trusted to sign the log's checkpoints. */
  readonly logKeys: readonly Verifier[];
  /** Keys trusted to sign manifests. */
  readonly manifestKeys: readonly Verifier[];
  /**
   * A checkpoint seen earlier: the log must still contain what it committed to, and the version
   * must count at least as much of the log (else it was rolled back).
   */
  readonly since?: string;
  /** Where the work runs: worker threads (src/cli/verify_pool.ts), or this thread by default. */
  readonly workers?: VerifyWorkers;
  /** The site's precompressed copies: each must decode to the file beside it. */
  readonly readCompressed?: ReadCompressed;
  /** Lists a version's directory, where the site can: every file in it must be listed. */
  readonly list?: ListPublished;
  /** An earlier version to verify, by number, instead of the one current.json names. */
  readonly version?: number;
  /** What an earlier run verified (a mirror keeps it): those group files are not rebuilt again. */
  readonly verifiedBefore?: VerifiedFiles;
  /**
   * Checks the version's files (src/verify/files.ts) elsewhere than on this thread: for a site in
   * a directory, the command does so on a thread of its own (src/cli/verify_files.ts).
   */
  readonly checkFiles?: CheckFiles;
}

/** What checkFiles does with `read` and `readCompressed`: each file of `base`, as `manifest` lists. */
export type CheckFiles = (base: string, manifest: Pick<Manifest, 'files'>) => Promise<CheckedFiles>;

/**
 * The reporting units' group files a run found to be what the log makes, with what they were
 * made from beside the log: the build parameters and whether every unit had reported. A group
 * file is a function of these and of the log prefix its `asOf` names, which later versions hold
 * unchanged (the log only grows, and is checked to): listed again with the same path, SHA-256 and
 * `asOf`, under the same parameters, it is the file the log makes, and need not be rebuilt.
 */
export interface VerifiedFiles {
  readonly build: BuildParameters;
  readonly allReported: boolean;
  readonly files: Readonly<Record<string, { readonly sha256: string; readonly asOf: number }>>;
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
  /** In an entry the version does not count yet (the log runs ahead of it): still a problem. */
  readonly afterVersion?: boolean;
}

export interface VerifyReport {
  readonly ok: boolean;
  readonly election?: string;
  readonly version?: number;
  /** The log size the version counts, and the log's size as published now. */
  readonly versionLogSize?: number;
  readonly logSize?: number;
  /** When the version was published (its manifest's generatedAt). */
  readonly publishedAt?: string;
  /** How many of the log's entries the version does not count yet. */
  readonly entriesBehind?: number;
  /** The size of the checkpoint held from before (--since, or a mirror's), when one was. */
  readonly heldLogSize?: number;
  readonly filesChecked: number;
  /** Files of the version rebuilt from the log and compared byte for byte. */
  readonly filesRebuilt: number;
  /** Group files not rebuilt: an earlier run verified them (`verifiedBefore`). */
  readonly filesVerifiedBefore: number;
  /**
   * Reporting units' groups whose files show numbers older than the version's: precinct detail
   * that follows the headline, verified as of the earlier log size its manifest entry says.
   */
  readonly groupFilesBehind: number;
  /** Units whose pages (a county's, listing its precincts) follow the headline likewise. */
  readonly pagesBehind: number;
  readonly entriesChecked: number;
  readonly submissionsCounted: number;
  /** Reviewers' decisions on held submissions the version's share of the log replayed. */
  readonly reviewsReplayed: number;
  /** Changes of contests' statuses the version counts, replayed through the rules. */
  readonly statusChangesReplayed: number;
  /**
   * Where the election makes its evidence public: the photos its submissions name that are
   * published (each checked against its name), and those not (yet).
   */
  readonly evidence?: EvidenceChecked;
  readonly numbersCompared: number;
  readonly problems: readonly VerifyProblem[];
  /** How long each stage took, in seconds, from the start. */
  readonly seconds?: Readonly<Record<string, number>>;
  /** When verified: the group files this run verified, for the next (`verifiedBefore`). */
  readonly verified?: VerifiedFiles;
}

/**
 * Verifies a published election, stage by stage; each stage's problems are reported, and the
 * stages that can go on past a problem do.
 */
export async function verifySite(
  read: ReadPublished,
  options: VerifyOptions,
): Promise<VerifyReport> {
  const problems: VerifyProblem[] = [];
  const report = (extra: Partial<VerifyReport> = {}): VerifyReport => ({
    ok: problems.length === 0,
    filesChecked: 0,
    filesRebuilt: 0,
    filesVerifiedBefore: 0,
    groupFilesBehind: 0,
    pagesBehind: 0,
    entriesChecked: 0,
    submissionsCounted: 0,
    reviewsReplayed: 0,
    statusChangesReplayed: 0,
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
  const version = await readVersion(
    read,
    options.manifestKeys,
    problems,
    options.readCompressed,
    options.version,
  );
  if (version === undefined) return report();
  const { base, manifest, manifestPath } = version;

  // 2. Every file of the version is the one the manifest lists: read and hashed while the log is
  // read and the workers check its entries.
  let reading: Promise<CheckedFiles> | undefined;
  const filesRead = (): Promise<CheckedFiles> => {
    if (reading === undefined) {
      reading =
        options.checkFiles?.(base, { files: manifest.files }) ??
        checkFiles(read, base, manifest, options.readCompressed);
      // A read that fails while the log is checked surfaces where the files are awaited, not as
      // an unhandled rejection in between.
      reading.catch(() => undefined);
    }
    return reading;
  };
  // The files' problems are reported first, as the files are the version's first claim.
  const withFiles = (checked: CheckedFiles): void => {
    const before = [...checked.problems, ...problems];
    problems.length = 0;
    append(problems, before);
  };
  const finish = async (extra: Partial<VerifyReport>): Promise<VerifyReport> => {
    const checked = await filesRead();
    withFiles(checked);
    return report({ filesChecked: checked.files.size + 2, ...extra });
  };

  // 3. The log: tiles up to its signed checkpoint; the version's checkpoint and an older one
  // must be prefixes of it.
  const versionOnly = {
    election: manifest.election,
    version: manifest.version,
    publishedAt: manifest.generatedAt,
  };
  // Files checked on a thread of their own are read from the start; those read on this thread,
  // once the log is (the workers wait for it).
  if (options.checkFiles !== undefined) void filesRead();
  // 4. Every entry, replayed through the admission rules: the definition, the roster, each
  // submission and rejection and its decision; the log's entries after the version's too. The
  // workers start on the entries as soon as they are checked against the log's tiles, while
  // this thread holds the log to the version's checkpoint (and one seen before); the replay's
  // problems come after the log's.
  const workers = options.workers ?? inProcessWorkers();
  const replayProblems: VerifyProblem[] = [];
  let replaying: Promise<Replayed | undefined> | undefined;
  const log = await checkLog(read, options, manifest, manifestPath, problems, (entries) => {
    replaying = replayLog(entries, workers, replayProblems, lap, manifest.logSize, true);
    // Its failure surfaces where it is awaited, below.
    replaying.catch(() => undefined);
  });
  void filesRead();
  if (log === undefined) return finish(versionOnly);
  lap('log read and hashed');

  const common = {
    ...versionOnly,
    versionLogSize: manifest.logSize,
    logSize: Number(log.checkpoint.size),
    entriesBehind: Number(log.checkpoint.size) - manifest.logSize,
    ...(log.held === undefined ? {} : { heldLogSize: Number(log.held.size) }),
    entriesChecked: log.entries.length,
  };
  if (replaying === undefined) throw new Error('verify: the log was read without its entries');
  const replay = await replaying;
  append(problems, replayProblems);
  if (replay === undefined) return finish(common);
  // Nothing is published before the results are released: a version whose share of the log
  // holds no release was published too soon.
  const { released } = replay;
  if (
    waitsForRelease(replay.election) &&
    (released === undefined || released >= manifest.logSize)
  ) {
    problems.push({
      code: 'published_before_release',
      message: `version ${String(manifest.version)} counts ${String(manifest.logSize)} log entries, and none of them releases the results: they were not to be published before their release`,
      file: manifestPath,
    });
  }

  // 5. Every published number, recomputed, and the reporting units' files rebuilt (workers).
  const entries = log.entries.slice(0, manifest.logSize);
  const timeAt = logTimes(entries);
  const files = filesRead().then((checked) => {
    lap('files read and hashed');
    return checked.files;
  });
  // The results' problems and the rebuilt files' are reported in that order, however the two
  // interleave.
  const resultProblems: VerifyProblem[] = [];
  const history = new CountingHistory(replay);
  const comparing = compareResults(
    {
      read,
      base,
      replay,
      files,
      workers,
      manifest,
      timeAt,
      history,
      lap,
      ...(options.verifiedBefore === undefined ? {} : { verifiedBefore: options.verifiedBefore }),
    },
    resultProblems,
  );
  // Their failures surface where they are awaited, below.
  comparing.counted.catch(() => undefined);
  comparing.compared.catch(() => undefined);

  // 6. Meanwhile, on this thread, every other file of the version rebuilt from the log, and the
  // manifest's list checked.
  const rebuildProblems: VerifyProblem[] = [];
  const rebuilt = await rebuildVersion(
    {
      entries,
      replay,
      manifest,
      base,
      counted: comparing.counted,
      logKeys: options.logKeys,
      manifestKeys: options.manifestKeys,
      timeAt,
      history,
    },
    rebuildProblems,
  );
  await checkUnlisted(options.list, base, manifest, rebuildProblems);
  // 7. Where the election makes its evidence public, the photos its submissions name.
  const evidence =
    replay.election.definition.evidence === 'public'
      ? await checkEvidence(read, entries, rebuildProblems)
      : undefined;
  if (options.version === undefined) {
    await checkRootPage(read, manifest, options.readCompressed, rebuildProblems);
  }
  lap('files rebuilt');
  const { numbersCompared, verifiedBefore, verified } = await comparing.compared;
  const { lagging } = await comparing.counted;
  lap('results compared');
  append(problems, resultProblems);
  append(problems, rebuildProblems);
  const checked = await filesRead();
  withFiles(checked);
  return report({
    seconds,
    ...common,
    filesChecked: checked.files.size + 2,
    filesRebuilt: rebuilt.files - verifiedBefore,
    filesVerifiedBefore: verifiedBefore,
    groupFilesBehind: lagging,
    pagesBehind: rebuilt.pagesBehind,
    submissionsCounted: replay.accepted,
    reviewsReplayed: replay.reviews,
    statusChangesReplayed: replay.statuses.length,
    ...(evidence === undefined ? {} : { evidence }),
    numbersCompared,
    ...(problems.length === 0 ? { verified } : {}),
  });
}

/** The time of the log as of a size, from its entries (read only as far back as needed). */
function logTimes(entries: readonly Uint8Array[]): (size: number) => string {
  const times = new Map<number, string | undefined>();
  const timeOf = (index: number): string | undefined => {
    if (!times.has(index)) {
      const bytes = entries[index];
      const e = bytes === undefined ? undefined : decodeLogEntry(bytes);
      times.set(index, e?.ok === true ? entryTime(e.value) : undefined);
    }
    return times.get(index);
  };
  return (size) => logTimeAt(size, timeOf);
}

/** Every file in the version's directory, where the site can list it, is one the manifest lists. */
async function checkUnlisted(
  list: ListPublished | undefined,
  base: string,
  manifest: Manifest,
  problems: VerifyProblem[],
): Promise<void> {
  const found = await list?.(base);
  if (found === undefined) return;
  const listed = (path: string): boolean => path === 'manifest.json' || path in manifest.files;
  for (const path of found) {
    const copyOf = /^(.*)\.(br|gz)$/.exec(path)?.[1];
    if (listed(path) || (copyOf !== undefined && listed(copyOf))) continue;
    problems.push({
      code: 'file_unlisted',
      message: `${base}${path} is in the version but not in its manifest`,
      file: `${base}${path}`,
    });
  }
}

/** The site root's page, where there is one, sends readers to the current version's summary. */
async function checkRootPage(
  read: ReadPublished,
  manifest: Manifest,
  readCompressed: ReadCompressed | undefined,
  problems: VerifyProblem[],
): Promise<void> {
  const bytes = await read('index.html');
  if (bytes === undefined) return;
  const language = manifest.build.languages[0] ?? 'en';
  // A live site moves on while it is verified: its root page may send readers to a version
  // published since, one that is there. Never to an older one, nor to one that is not.
  const named = Number(/url=v\/(\d+)\//.exec(new TextDecoder().decode(bytes))?.[1]);
  const newer =
    Number.isSafeInteger(named) &&
    named > manifest.version &&
    (await read(`v/${String(named)}/manifest.json`)) !== undefined;
  const sendsTo = newer ? named : manifest.version;
  const expected = sha256Hex(rootPage(sendsTo, language));
  const found = sha256Hex(bytes);
  if (found !== expected) {
    problems.push({
      code: 'file_not_reproduced',
      message: `index.html is not the page that sends readers to version ${String(manifest.version)} (or to a newer one published since)`,
      file: 'index.html',
      expected,
      found,
    });
  }
  await checkCompressed(readCompressed, 'index.html', bytes, problems);
}
