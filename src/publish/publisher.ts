// Publishing one election: as signed checkpoints are recorded, read the log's new entries, bring
// the tally up to the checkpoint, build the version (snapshot.ts) and write it to the content
// store: the version's files, then the log's new tiles, then log/checkpoint, then current.json
// last, so a reader never finds a pointer to something not yet there. Requests to publish are
// coalesced: while one version is written, only the newest checkpoint asked for waits.
import {
  AdmissionState,
  submissionCanonical,
  submissionFacts,
  type Admission,
  type AdmissionEntry,
  releaseAdmission,
  contestStatusAdmission,
  reviewAdmission,
  rosterAdmission,
  type RosterSigner,
} from '../core/admission.js';
import { decodeLogEntry, type LogEntry } from '../core/log_entry.js';
import { err, ok, problem, throwIllegalValue, type Problem, type Result } from '../core/result.js';
import type { Submission } from '../core/submission.js';
import { CountedSubmissions, Tally } from '../core/tally.js';
import { LogTimes } from '../core/log_time.js';
import { waitsForRelease, type Election } from '../core/election.js';
import { CHECKPOINT_PATH, tiledLogFiles } from '../log/tiled_log.js';
import type { Log } from '../log/log.js';
import { encodeVerifierKey, verifierKeyRef, type Signer } from '../log/note.js';
import { parseCurrent } from '../formats/manifest.js';
import { copiesOf, type ContentStore } from './content_store.js';
import { LaterCopies } from './later_copies.js';
import {
  rootPage,
  SnapshotBuilder,
  type BuiltFile,
  type Snapshot,
  type SnapshotProblem,
} from './snapshot.js';

export interface PublishedCheckpoint {
  readonly size: number;
  readonly note: string;
}

export interface PublisherOptions {
  readonly election: Election;
  readonly log: Log;
  readonly signer: Signer;
  readonly content: ContentStore;
  /**
   * A private store, never served: before the results are released, the precinct detail is
   * built there, so that the first version after the release lists it already built (a large
   * election's takes minutes) and only takes it in. Without one, the first version builds it.
   */
  readonly staging?: ContentStore;
  readonly siteUrl?: string;
  readonly now?: () => Date;
  /**
   * How long bringing the precinct detail up to date may hold up a version's headline when no
   * newer checkpoint waits (INLINE_DETAIL_MS unless said).
   */
  readonly inlineDetailMs?: number;
  /** Told of each version once it is in place (the public plane loads it). */
  readonly onPublished?: (snapshot: Snapshot) => void | Promise<void>;
}

export type PublishProblem = SnapshotProblem | Problem<'log_unreadable' | 'log_inconsistent'>;

export interface Published {
  readonly snapshot: Snapshot;
  /** Milliseconds to build the version, and to write it. */
  readonly buildMs: number;
  readonly writeMs: number;
}

/** How long a detail pass may run at least while a newer checkpoint waits (see detailPass). */
export const DETAIL_SHARE_MS = 100;

/**
 * How long a detail pass runs at least, with no newer checkpoint waiting, before a version lists
 * what it built (see detailPass); and at least twice as long as the last version took, so that
 * the versions that show the detail's progress take at most a third of the time. At 175,000
 * precincts a version takes seconds (linking some 13,000 unchanged files): one per second of
 * detail left the detail a sixth of the time after a night's rush, and some precincts' detail
 * unshown ten minutes on.
 */
export const DETAIL_PROGRESS_MS = 1000;

/**
 * How long precinct detail may wait while checkpoints keep coming (see detailPass). Waiting
 * longer gathers more changes into each rebuild of a piece: at 20,000 precincts during a
 * simulated night's rush, 10 s rather than 3 s took the headline's p99 from 5.6 s to 5.0 s.
 */
export const DETAIL_MAX_WAIT_MS = 10_000;

/**
 * How long bringing the precinct detail up to date may hold up a version's headline, when no
 * newer checkpoint waits; more than that, and the detail follows in a later version.
 */
export const INLINE_DETAIL_MS = 50;

/** Where a version's files live in the content store. */
export const versionPath = (version: number, path: string): string =>
  `v/${String(version)}/${path}`;

export class Publisher {
  private readonly tally: Tally;
  /** The latest accepted submission per unit and vote type, kept apart from the tally's own. */
  private readonly accepted = new CountedSubmissions();
  /** Submissions held for review and not yet decided, by entry. */
  private readonly held = new Map<number, Submission>();
  /**
   * The admission rules folded over the log as it is counted: the publisher counts nothing the
   * rules would not have decided so (a second road beside ingest's, before anything is public).
   */
  private readonly admission = new AdmissionState();
  /** Each counted entry's time: a version's files say the time of the log they show. */
  private readonly times = new LogTimes();
  private readonly builder: SnapshotBuilder;
  private version = 0;
  private logPublished = 0n;
  private previous = new Map<string, string>();
  private wanted: PublishedCheckpoint | undefined;
  private running: Promise<void> | undefined;
  private waiting: {
    readonly size: number;
    readonly resolve: (result: Result<Published | undefined, PublishProblem>) => void;
    readonly reject: (error: unknown) => void;
  }[] = [];
  private readonly now: () => Date;

  constructor(private readonly options: PublisherOptions) {
    this.tally = new Tally(options.election);
    this.builder = new SnapshotBuilder({
      election: options.election,
      signer: options.signer,
      logVerifierKey: encodeVerifierKey(options.signer),
      ...(options.siteUrl === undefined ? {} : { siteUrl: options.siteUrl }),
    });
    this.now = options.now ?? (() => new Date());
    this.laterCopies = new LaterCopies(options.content);
  }

  /** The checkpoint of the last version published, and how long that version took. */
  private lastPublished: PublishedCheckpoint | undefined;
  private lastVersionMs = 0;
  /** The newest version published. */
  private newest: Published | undefined;
  /** How long bringing a piece of precinct detail up to date takes, as last measured. */
  private msPerItem = 2;
  private closing = false;
  /** The files built in the staging store before the release, by path within a version. */
  private readonly staged = new Set<string>();

  /** The precinct files' compressed copies still to make, once and between versions. */
  private readonly laterCopies: LaterCopies;

  /**
   * Waits until every version asked for is out and the precinct detail has caught up with the
   * last of them (a version lists it), then makes the compressed copies still due: what a
   * one-off export, which exits next, and a test that reads the group files wait for.
   */
  async settle(): Promise<void> {
    while (this.running !== undefined) await this.running;
    await this.laterCopies.finish();
  }

  /** Stops the precinct detail and the copies, after the files under way: the server is closing. */
  async close(): Promise<void> {
    this.closing = true;
    await this.laterCopies.pause();
  }

  /** Continues numbering after what the content store already holds. */
  async resume(): Promise<void> {
    const bytes = await this.options.content.read('current.json');
    if (bytes === undefined) return;
    const current = parseCurrent(new TextDecoder().decode(bytes));
    // A site directory that is not Tally's own is not continued: start numbering afresh.
    if (!current.ok) return;
    this.version = current.value.version;
    // Tiles are rewritten from the start once; cheaper than trusting a half-written tree.
    this.logPublished = 0n;
  }

  /** The log entries the tally has counted so far. */
  get logSize(): number {
    return this.tally.logSize;
  }

  get publishedVersion(): number {
    return this.version;
  }

  /**
   * Asks for a version built from this checkpoint. Resolves when a version at least this new
   * is in place, or with the reason none could be; while requests keep coming, each is answered
   * by the first version that covers it.
   */
  request(checkpoint: PublishedCheckpoint): Promise<Result<Published | undefined, PublishProblem>> {
    if (this.wanted === undefined || this.wanted.size < checkpoint.size) this.wanted = checkpoint;
    const answer = new Promise<Result<Published | undefined, PublishProblem>>((resolve, reject) => {
      this.waiting.push({ size: checkpoint.size, resolve, reject });
    });
    this.running ??= this.drain();
    return answer;
  }

  private async drain(): Promise<void> {
    // The loop starts a turn later, once `running` holds it (it clears `running` as it ends).
    await Promise.resolve();
    try {
      for (;;) {
        const checkpoint = this.wanted;
        if (checkpoint !== undefined && this.newerCheckpointWaits()) {
          // The headline first.
          this.wanted = undefined;
          const result = await this.publish(checkpoint);
          this.answer(checkpoint.size, result);
          // Before the release, the precinct detail is built in private meanwhile.
          if (result.ok && this.awaitsRelease()) await this.stagingPass();
          // Between versions, the precinct detail's turn, if it has waited too long.
          if (
            result.ok &&
            result.value !== undefined &&
            this.newerCheckpointWaits() &&
            this.builder.staleDetail(this.tally) > 0
          ) {
            await this.detailPass(true);
          }
          continue;
        }
        // No newer checkpoint: the precinct detail's turn, and a version for what it built.
        const last = this.lastPublished;
        if (last !== undefined && this.builder.staleDetail(this.tally) > 0) {
          await this.detailPass(false);
        }
        if (last !== undefined && this.builder.detailPending && !this.newerCheckpointWaits()) {
          const result = await this.publish(last);
          this.answer(last.size, result);
          // The checkpoint was published before: a version of it that fails now will again.
          if (!result.ok && !this.newerCheckpointWaits()) break;
          continue;
        }
        if (this.newerCheckpointWaits()) continue;
        // Whoever asked for a checkpoint already published has their answer: the newest version,
        // which may be one a detail pass published with no request waiting (the server then
        // hears of it here, on its next tick).
        if (checkpoint === undefined && this.wanted === undefined) break;
        this.answer(Math.max(checkpoint?.size ?? 0, this.wanted?.size ?? 0), ok(this.newest));
      }
    } catch (e) {
      for (const w of this.waiting) w.reject(e);
      this.waiting = [];
    } finally {
      // Cleared as the loop ends, before anyone answered can run again: a request made by
      // whoever the last version answered then starts a new loop (were it cleared a turn
      // later, that request would find this loop still marked running, and wait for ever).
      this.running = undefined;
    }
  }

  /** Answers whoever asked for a checkpoint of this size or older. */
  private answer(size: number, result: Result<Published | undefined, PublishProblem>): void {
    const answered = this.waiting.filter((w) => w.size <= size);
    this.waiting = this.waiting.filter((w) => w.size > size);
    for (const w of answered) w.resolve(result);
    if (this.wanted !== undefined && this.wanted.size <= size) this.wanted = undefined;
  }

  /** Whether the results are still to be released: nothing is public yet. */
  private awaitsRelease(): boolean {
    return waitsForRelease(this.options.election) && this.admission.released === undefined;
  }

  /**
   * Before the release: builds the precinct detail never built, and brings up to date what is,
   * in the staging store, until a checkpoint the tally has not counted comes (the release is
   * one): the first version then takes it in rather than building it.
   */
  private async stagingPass(): Promise<void> {
    const staging = this.options.staging;
    if (staging === undefined || this.isClosing()) return;
    if (this.builder.unbuiltDetail === 0 && this.builder.staleDetail(this.tally) === 0) return;
    const writing = this.writer(staging, (path) => {
      this.staged.add(path);
      return path;
    });
    await this.builder.buildDetail(
      this.tally,
      { checkpoint: '', timeAt: (size) => this.times.at(size) },
      writing.sink,
      () => !this.isClosing() && !((this.wanted?.size ?? 0) > this.tally.logSize),
      true,
    );
    await writing.done();
  }

  /** Takes the files built in the staging store into a version's directory. */
  private async adoptStaged(version: number): Promise<void> {
    const staging = this.options.staging;
    if (staging === undefined) return;
    await inBatches([...this.staged], 16, (path) =>
      this.options.content.adopt(versionPath(version, path), staging, path),
    );
    this.staged.clear();
  }

  /** Whether the server is closing (close): no more precinct detail. */
  private isClosing(): boolean {
    return this.closing;
  }

  /**
   * Whether a checkpoint the tally has not counted yet was asked for (or, before the first
   * version, the one it counts).
   */
  private newerCheckpointWaits(): boolean {
    const size = this.wanted?.size;
    if (size === undefined) return false;
    return size > this.tally.logSize || (size === this.tally.logSize && this.version === 0);
  }

  /**
   * Rebuilds the precinct detail whose numbers moved (the reporting units' group files, the
   * pages that list them), as of the last version's checkpoint, for the next version, what
   * waited longest first. Unforced (no newer checkpoint waiting), it runs until one comes (the
   * headline then waits at most for the piece being built), it is done, or, with a request for
   * the same checkpoint waiting, it has run DETAIL_PROGRESS_MS or twice as long as the last
   * version took, whichever is longer: the next version then lists what it built. Forced (checkpoints keep coming), it runs only once the oldest detail has waited
   * DETAIL_MAX_WAIT_MS, and then for a third as long as the last version took (at least
   * DETAIL_SHARE_MS, and the piece under way): a quarter of the time while checkpoints keep
   * coming. The headline first, the detail within a bounded delay.
   */
  private async detailPass(forced: boolean): Promise<void> {
    if (this.isClosing()) return;
    const started = performance.now();
    if (forced && started - (this.builder.oldestStale() ?? started) < DETAIL_MAX_WAIT_MS) return;
    const share = Math.max(DETAIL_SHARE_MS, this.lastVersionMs / 3);
    const progress = Math.max(DETAIL_PROGRESS_MS, 2 * this.lastVersionMs);
    // The copies wait: numbers first, precinct detail included.
    await this.laterCopies.pause();
    const writing = this.nextVersionWriter();
    await this.timedDetail(this.lastPublished?.note ?? '', writing.sink, () => {
      if (this.isClosing()) return false;
      const spent = performance.now() - started;
      if (forced) return spent < share;
      if (this.newerCheckpointWaits()) return false;
      return this.wanted === undefined || spent < progress;
    });
    await writing.done();
    if (!this.isClosing()) this.laterCopies.resume();
  }

  /**
   * Builds precinct detail (SnapshotBuilder.buildDetail) for the version of `checkpoint`, learning
   * how long a piece takes.
   */
  private async timedDetail(
    checkpoint: string,
    sink: (f: BuiltFile) => Promise<void>,
    keepGoing: () => boolean,
  ): Promise<number> {
    const started = performance.now();
    const built = await this.builder.buildDetail(
      this.tally,
      { checkpoint, timeAt: (size) => this.times.at(size) },
      sink,
      keepGoing,
    );
    if (built > 0) {
      const each = (performance.now() - started) / built;
      this.msPerItem = 0.7 * this.msPerItem + 0.3 * each;
    }
    return built;
  }

  /** Writes files for the next version, into its directory (see writer). */
  private nextVersionWriter(): ReturnType<Publisher['writer']> {
    const version = this.version + 1;
    return this.writer(this.options.content, (path) => versionPath(version, path));
  }

  /**
   * Writes the files a build hands over, each under the path `pathOf` gives it, as they are
   * made, a few at a time, so that a large election's version is never all in memory.
   */
  private writer(
    store: ContentStore,
    pathOf: (path: string) => string,
  ): {
    sink: (f: BuiltFile) => Promise<void>;
    done: () => Promise<void>;
  } {
    const writing = new Set<Promise<void>>();
    const sink = async (f: BuiltFile): Promise<void> => {
      if (f.bytes === undefined) return;
      const write = store
        .put(
          { path: pathOf(f.path), bytes: f.bytes, sha256: f.sha256 },
          undefined,
          copiesOf(f.path),
        )
        .finally(() => writing.delete(write));
      writing.add(write);
      if (writing.size >= 16) await Promise.race(writing);
    };
    return {
      sink,
      done: async () => {
        await Promise.all(writing);
      },
    };
  }

  private async publish(
    checkpoint: PublishedCheckpoint,
  ): Promise<Result<Published | undefined, PublishProblem>> {
    const started = performance.now();
    // The copies wait: the version's numbers come first.
    await this.laterCopies.pause();
    const caughtUp = await this.catchUp(checkpoint.size);
    if (!caughtUp.ok) return caughtUp;
    // Until the results are released, nothing is public: no numbers, and no log to read them in.
    // Meanwhile the totals are checked ahead, in memory: the first version then checks only
    // what moved since, and comes out sooner after the release.
    if (this.awaitsRelease()) {
      this.builder.checkAhead(this.tally, this.accepted);
      return ok(undefined);
    }
    const version = this.version + 1;
    const { content } = this.options;
    // The precinct detail built before the release, taken in.
    await this.adoptStaged(version);
    // Files built afresh are written as they are made; unchanged ones are linked afterwards.
    const writing = this.nextVersionWriter();
    // Precinct detail that takes little time to bring up to date is, when no newer checkpoint
    // waits: the version is then whole, and a quiet night has no versions for detail alone.
    const stale = this.builder.staleDetail(this.tally);
    if (
      stale > 0 &&
      !this.newerCheckpointWaits() &&
      stale * this.msPerItem <= (this.options.inlineDetailMs ?? INLINE_DETAIL_MS)
    ) {
      await this.timedDetail(checkpoint.note, writing.sink, () => true);
    }
    const built = await this.builder.build(
      this.tally,
      this.accepted,
      {
        version,
        checkpoint: checkpoint.note,
        generatedAt: this.now().toISOString(),
        timeAt: (size) => this.times.at(size),
      },
      writing.sink,
    );
    await writing.done();
    if (!built.ok) return built;
    const snapshot = built.value;
    const buildMs = performance.now() - started;
    const next = new Map<string, string>();
    const unchanged = snapshot.files.filter((f) => {
      next.set(f.path, f.sha256);
      return !fresh(snapshot, f);
    });
    await inBatches(unchanged, 16, async (f) => {
      const before = this.previous.get(f.path);
      const sameAs = before === f.sha256 ? versionPath(this.version, f.path) : undefined;
      await content.put({ path: versionPath(version, f.path), sha256: f.sha256 }, sameAs);
    });
    const size = BigInt(checkpoint.size);
    for await (const tile of tiledLogFiles(this.options.log, this.logPublished, size)) {
      await content.replace(`log/${tile.path}`, tile.bytes);
    }
    await content.replace(`log/${CHECKPOINT_PATH}`, new TextEncoder().encode(checkpoint.note));
    await content.replace('current.json', snapshot.current.bytes);
    const language = this.builder.parameters.languages[0] ?? 'en';
    await content.replace('index.html', new TextEncoder().encode(rootPage(version, language)));
    this.logPublished = size;
    this.previous = next;
    this.version = version;
    this.lastPublished = checkpoint;
    this.lastVersionMs = performance.now() - started;
    this.laterCopies.start(
      snapshot.files
        .filter((f) => copiesOf(f.path) === 'later')
        .map((f) => versionPath(version, f.path)),
    );
    await this.options.onPublished?.(snapshot);
    this.newest = { snapshot, buildMs, writeMs: performance.now() - started - buildMs };
    return ok(this.newest);
  }

  /** Folds the admission rules over one entry: the problem when it records another decision. */
  private replay(leaf: number, e: LogEntry): Problem<'log_inconsistent'> | undefined {
    const { election } = this.options;
    const admission = admissionOf(election, leaf, e);
    const decision =
      admission === undefined ? undefined : this.admission.admit(election, admission);
    if (decision !== undefined && recordedAs(e, decision)) return undefined;
    return problem(
      'log_inconsistent',
      `log entry ${String(leaf)} (${e.type}) records a decision the admission rules do not make: ${JSON.stringify(decision ?? 'unreadable')}`,
    );
  }

  /** Applies the log's entries up to `size` to the tally and to the accepted submissions. */
  private async catchUp(size: number): Promise<Result<undefined, PublishProblem>> {
    while (this.tally.logSize < size) {
      const start = this.tally.logSize;
      const count = Math.min(size - start, 4096);
      const read = await this.options.log.entries(BigInt(start), count);
      if (!read.ok) return err(problem('log_unreadable', read.error.message));
      for (const [i, bytes] of read.value.entries()) {
        const entry = decodeLogEntry(bytes);
        if (!entry.ok) {
          return err(
            problem('log_unreadable', `log entry ${String(start + i)}: ${entry.error.message}`),
          );
        }
        const inconsistent = this.replay(start + i, entry.value);
        if (inconsistent !== undefined) return err(inconsistent);
        this.tally.apply(entry.value);
        this.times.record(entry.value);
        const e = entry.value;
        const leafIndex = start + i;
        if (e.type === 'submission' && e.status === 'held') {
          this.held.set(leafIndex, e.signed.submission);
        }
        // What counts from this entry on: an accepted submission, or a held one a review accepts.
        const counts =
          e.type === 'submission' && e.status === 'accepted'
            ? e.signed.submission
            : e.type === 'review' && e.decision === 'accept'
              ? this.held.get(e.entry)
              : undefined;
        if (e.type === 'review') this.held.delete(e.entry);
        if (counts !== undefined) {
          this.accepted.set({ leafIndex, submission: counts });
        }
      }
    }
    return ok(undefined);
  }
}

/**
 * A log entry as the admission rules read it, on the publisher's side: the signatures are
 * ingest's to check and the verifier's to check again, so they are taken as valid here.
 */
function admissionOf(election: Election, leaf: number, e: LogEntry): AdmissionEntry | undefined {
  switch (e.type) {
    case 'election':
      return { type: 'election', parts: e.parts };
    case 'election-part':
      return { type: 'election-part', part: e.part };
    case 'roster': {
      const key = verifierKeyRef(e.statement.key);
      if (!key.ok) return undefined;
      const signedBy: RosterSigner =
        e.delegation === undefined
          ? { type: 'authority' }
          : { type: 'delegation', entry: e.delegation.entry, key: e.delegation.key };
      return rosterAdmission(e.statement, leaf, key.value, signedBy);
    }
    case 'submission': {
      const canonical = submissionCanonical(e.signed);
      const { facts } = submissionFacts(election, e.signed, canonical, 'valid');
      return { type: 'submission', leaf, facts };
    }
    case 'rejection':
      return { type: 'rejection', error: e.error };
    case 'review':
      return reviewAdmission(e, leaf);
    case 'release':
      return releaseAdmission(e, leaf);
    case 'contest-status':
      return contestStatusAdmission(e, leaf);
    default:
      return throwIllegalValue(e);
  }
}

/** Whether the rules' decision is the one the entry records. */
function recordedAs(e: LogEntry, decision: Admission): boolean {
  switch (e.type) {
    case 'election':
    case 'election-part':
    case 'roster':
    case 'review':
    case 'release':
    case 'contest-status':
      return decision.type === 'recorded';
    case 'submission':
      return (
        decision.type === 'admitted' && decision.status === e.status && decision.kind === e.kind
      );
    case 'rejection':
      return decision.type === 'rejected';
    default:
      return throwIllegalValue(e);
  }
}

/** Whether the builder made the file for this version (and the sink has written it). */
function fresh(snapshot: Snapshot, f: BuiltFile): boolean {
  return snapshot.fresh.has(f.path);
}

async function inBatches<T>(
  items: readonly T[],
  size: number,
  f: (item: T) => Promise<void>,
): Promise<void> {
  for (let at = 0; at < items.length; at += size) {
    await Promise.all(items.slice(at, at + size).map(f));
  }
}
