// Publishing on a thread of its own (publish_worker.ts): building a version of a large election
// rewrites gigabytes of precinct files, which must never hold up the thread that answers
// submissions. The ingest thread reads the log's new entries from the store and hands them over
// with each checkpoint; the worker keeps its own copy of the log's tree, tallies, builds and writes.
// The thread is a worker pool of one (src/threads/worker_pool.ts) that keeps its state.
import { rm } from 'node:fs/promises';
import { getHeapStatistics } from 'node:v8';
import type { Election } from '../core/election.js';
import { err, ok, problem, type Problem, type Result } from '../core/result.js';
import type { Log } from '../log/log.js';
import { encodeSignerKey, type Signer } from '../log/note.js';
import { Publisher, type PublishedCheckpoint, type PublishProblem } from '../publish/publisher.js';
import { DirectoryContentStore } from '../publish/content_store.js';
import { WorkerPool } from '../threads/worker_pool.js';

/** What a version took, as the server reports it. */
export interface PublishedVersion {
  readonly version: number;
  readonly buildMs: number;
  readonly writeMs: number;
}

export type PublishOutcome = Result<
  PublishedVersion | undefined,
  PublishProblem | Problem<'publisher_stopped'>
>;

/** One election's publisher, wherever it runs. */
export interface ElectionPublisher {
  /** The log entries counted so far (0 until the first version after a start). */
  readonly logSize: number;
  /** Resolves when a version at least as new as the checkpoint is in place, or why none is. */
  request(checkpoint: PublishedCheckpoint): Promise<PublishOutcome>;
  close(): Promise<void>;
}

export interface PublisherSetup {
  readonly election: Election;
  readonly log: Log;
  readonly signer: Signer;
  /** The election's directory of public files. */
  readonly siteDir: string;
  /** The election's private directory for what is built before the release (see Publisher). */
  readonly stagingDir?: string;
  readonly siteUrl?: string;
  /** See PublisherOptions.inlineDetailMs (tests that make the precinct detail always follow). */
  readonly inlineDetailMs?: number;
}

export interface PublishWorkerData {
  readonly definition: unknown;
  readonly signerKey: string;
  readonly siteDir: string;
  readonly stagingDir?: string;
  readonly siteUrl?: string;
}

/** What the publisher's thread is asked: to be ready, then to count entries and publish. */
export type PublishTask =
  | { readonly type: 'start' }
  /** To stop making compressed copies (after the files under way): the thread is closing. */
  | { readonly type: 'stop' }
  | {
      readonly type: 'publish';
      /** The log's entries from the last task's checkpoint up to this one's. */
      readonly entries: readonly Uint8Array[];
      readonly checkpoint: PublishedCheckpoint;
    };

/**
 * How long closing waits for the versions under way before it stops the thread: long enough to
 * write a large election's gigabytes of files; a thread that takes longer is taken to hang.
 */
const CLOSE_WITHIN_MS = 10 * 60_000;

/** This thread's publisher: for tests that run from source, and the publisher's own thread. */
export async function publisherHere(setup: PublisherSetup): Promise<ElectionPublisher> {
  // What a publisher before this one staged is rebuilt: it may be of a log this one never saw.
  if (setup.stagingDir !== undefined) await rm(setup.stagingDir, { recursive: true, force: true });
  const publisher = new Publisher({
    election: setup.election,
    log: setup.log,
    signer: setup.signer,
    content: new DirectoryContentStore(setup.siteDir),
    ...(setup.stagingDir === undefined
      ? {}
      : { staging: new DirectoryContentStore(setup.stagingDir) }),
    ...(setup.siteUrl === undefined ? {} : { siteUrl: setup.siteUrl }),
    ...(setup.inlineDetailMs === undefined ? {} : { inlineDetailMs: setup.inlineDetailMs }),
  });
  await publisher.resume();
  return {
    get logSize() {
      return publisher.logSize;
    },
    request: async (checkpoint) => {
      const published = await publisher.request(checkpoint);
      if (!published.ok) return published;
      if (published.value === undefined) return ok(undefined);
      const { snapshot, buildMs, writeMs } = published.value;
      return ok({ version: snapshot.version, buildMs, writeMs });
    },
    close: () => publisher.close(),
  };
}

/** A publisher on a worker thread (the worker runs from the built files). */
export async function publisherThread(setup: PublisherSetup): Promise<ElectionPublisher> {
  const data: PublishWorkerData = {
    definition: setup.election.definition,
    signerKey: encodeSignerKey(setup.signer),
    siteDir: setup.siteDir,
    ...(setup.stagingDir === undefined ? {} : { stagingDir: setup.stagingDir }),
    ...(setup.siteUrl === undefined ? {} : { siteUrl: setup.siteUrl }),
  };
  const thread = new WorkerPool<PublishTask, PublishOutcome>({
    script: new URL('./publish_worker.js', import.meta.url),
    size: 1,
    workerData: data,
    resourceLimits: {
      // A version is millions of short-lived strings: a larger young generation halves the time
      // spent collecting them. The old generation may grow as far as this thread's may.
      maxYoungGenerationSizeMb: 256,
      maxOldGenerationSizeMb: Math.round(getHeapStatistics().heap_size_limit / 2 ** 20),
    },
    // Its state is the log's tree and what it counted: a thread started in a dead one's place
    // would hold neither, so the publisher stops instead (publisher_stopped).
    replace: false,
  });
  try {
    await thread.runOn(0, { type: 'start' });
  } catch (e) {
    await thread.close();
    throw new Error(`the publisher could not start: ${(e as Error).message}`, { cause: e });
  }

  let failure: string | undefined;
  const stopped = (message: string): PublishOutcome =>
    err(problem('publisher_stopped', `the publisher stopped: ${message}`));
  let sent = 0;
  let logSize = 0;
  // Entries are read and handed over in log order, one checkpoint at a time.
  let handing: Promise<unknown> = Promise.resolve();
  const request = async (checkpoint: PublishedCheckpoint): Promise<PublishOutcome> => {
    const reply = new Promise<PublishOutcome>((resolve) => {
      const hand = async (): Promise<void> => {
        if (failure !== undefined) {
          resolve(stopped(failure));
          return;
        }
        const entries: Uint8Array[] = [];
        while (sent + entries.length < checkpoint.size) {
          const from = sent + entries.length;
          const read = await setup.log.entries(
            BigInt(from),
            Math.min(checkpoint.size - from, 4096),
          );
          if (!read.ok) {
            resolve(err(problem('log_unreadable', read.error.message)));
            return;
          }
          for (const entry of read.value) entries.push(entry);
        }
        sent += entries.length;
        // Sent now, in order; answered when the version covering it is in place.
        thread.runOn(0, { type: 'publish', entries, checkpoint }).then(resolve, (e: unknown) => {
          // A thread that failed a task may have counted part of it: it publishes no more.
          failure ??= (e as Error).message;
          resolve(stopped(failure));
        });
      };
      handing = handing.then(hand, hand);
    });
    const outcome = await reply;
    if (outcome.ok && outcome.value !== undefined) logSize = Math.max(logSize, checkpoint.size);
    return outcome;
  };
  return {
    get logSize() {
      return logSize;
    },
    request,
    close: async () => {
      await handing.catch(() => undefined);
      // A version being written is finished, not cut off: its files and current.json stay whole.
      // Compressed copies still due are left: a file is served as it is without them.
      if (failure === undefined) await thread.runOn(0, { type: 'stop' }).catch(() => undefined);
      await thread.close({ finishWithinMs: CLOSE_WITHIN_MS });
    },
  };
}
