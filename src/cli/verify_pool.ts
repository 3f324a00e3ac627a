// The verifier's workers as threads: one per core by default, each running the tasks of
// src/verify/work.ts with its own state. Entries travel as one shared buffer, not copies. A site
// in a directory has its files read, hashed and decoded on one more thread (filesThread).
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { fileURLToPath } from 'node:url';
import { WorkerPool } from '../threads/worker_pool.js';
import { answerTasks } from '../threads/worker_tasks.js';
import type { Manifest } from '../formats/manifest.js';
import { checkFiles, type CheckedFiles } from '../verify/files.js';
import { inProcessWorkers, type CheckFiles, type VerifyWorkers } from '../verify/verify.js';
import { runTask, WorkerState, type VerifyTask, type VerifyTaskResult } from '../verify/work.js';
import { CliFailure } from './run_command.js';
import { compressedReader, isSiteUrl, lendingReader } from './site_reader.js';

export interface VerifyPool extends VerifyWorkers {
  close(): Promise<void>;
}

/** The script a verifier worker thread runs, and the data it is started with. */
export interface VerifyWorkerScript {
  readonly script: URL;
  readonly workerData?: unknown;
}

/** The compiled command's worker: verify_worker.js beside this file. */
export const BUILT_WORKER: VerifyWorkerScript = {
  script: new URL('./verify_worker.js', import.meta.url),
};

/** Whether the worker script is there to start (the tests run the TypeScript sources). */
const built = (worker: VerifyWorkerScript): boolean => existsSync(fileURLToPath(worker.script));

/**
 * `size` workers (default: one per core) on threads running `worker`, or, where the worker
 * script is not built (the tests run the TypeScript sources), as many in-process workers, which
 * split the work the same way on this thread.
 */
export function verifyPool(
  size = availableParallelism(),
  worker: VerifyWorkerScript = BUILT_WORKER,
): VerifyPool {
  if (!built(worker)) {
    return { ...inProcessWorkers(Math.max(1, size)), close: () => Promise.resolve() };
  }
  // V8's allocation-site pretenuring, off for this process before its workers start. A worker
  // builds each group's results (millions of objects, each dead within the group), and V8 took
  // their allocation sites for long-lived ones: it allocated them in the old generation, where
  // each worker kept 900 MB of garbage, promoted at 100-180 ms a scavenge. Off, the workers
  // promote half as much, and a 175,000-unit site's group files are compared in 10 s, not 15.
  setFlagsFromString('--no-allocation-site-pretenuring');
  const workers = new WorkerPool<WorkerTask, WorkerReply>({
    script: worker.script,
    ...(worker.workerData === undefined ? {} : { workerData: worker.workerData }),
    size,
    // A larger young generation: the workers make millions of short-lived strings and objects.
    resourceLimits: { maxYoungGenerationSizeMb: 256 },
    // A worker's state is its share of the log: one that dies fails the verification, and a
    // new one in its place would hold nothing.
    replace: false,
  });
  return {
    size: workers.size,
    run: (index, task) => workers.runOn(index, task) as Promise<VerifyTaskResult>,
    close: () => workers.close(),
  };
}

/** Checks a site's files (src/verify/files.ts) in the directory `location`. */
interface FilesTask {
  readonly type: 'files';
  readonly location: string;
  readonly base: string;
  readonly files: Manifest['files'];
}

type WorkerTask = VerifyTask | FilesTask;
type WorkerReply = VerifyTaskResult | CheckedFiles;

export interface FilesThread {
  readonly checkFiles: CheckFiles;
  /** Throws the failure that stopped the files' reading, if one did (see untilFailure). */
  rethrow(): void;
  close(): Promise<void>;
}

/**
 * The files of a site in the directory `location`, read, hashed and their precompressed copies
 * decoded on a thread of their own: gigabytes of buffers that would otherwise make this thread's
 * garbage collector mark its large heap over and over. None for a site over HTTP (the network
 * sets the pace there) or where the worker script is not built: the verifier then reads them here.
 * A file that cannot be read is no verdict: the verifier is answered with no files, and the
 * command then reports the failure (rethrow), as it does for the files it reads itself.
 */
export function filesThread(
  location: string,
  worker: VerifyWorkerScript = BUILT_WORKER,
): FilesThread | undefined {
  if (isSiteUrl(location) || !built(worker)) {
    return undefined;
  }
  const thread = new WorkerPool<WorkerTask, WorkerReply>({
    script: worker.script,
    ...(worker.workerData === undefined ? {} : { workerData: worker.workerData }),
    size: 1,
    replace: false,
  });
  let failure: CliFailure | undefined;
  return {
    checkFiles: async (base, manifest) => {
      try {
        return (await thread.run({
          type: 'files',
          location,
          base,
          files: manifest.files,
        })) as CheckedFiles;
      } catch (e) {
        failure ??= new CliFailure(e instanceof Error ? e.message : String(e));
        return { files: new Map(), problems: [] };
      }
    },
    rethrow: () => {
      if (failure !== undefined) throw failure;
    },
    close: () => thread.close(),
  };
}

/** The worker's side: runs each task it is sent, one at a time, keeping its state between them. */
export function answerVerifyTasks(): void {
  const state = new WorkerState();
  answerTasks((task: WorkerTask) =>
    task.type === 'files'
      ? checkFiles(
          lendingReader(task.location),
          task.base,
          task,
          compressedReader(task.location),
          true,
        )
      : runTask(state, task),
  );
}
