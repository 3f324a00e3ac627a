// The verifier's workers as threads: one per core by default, each running the tasks of
// src/verify/work.ts with its own state. Entries travel as one shared buffer, not copies.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { WorkerPool } from '../threads/worker_pool.js';
import { answerTasks } from '../threads/worker_tasks.js';
import { inProcessWorkers, type VerifyWorkers } from '../verify/verify.js';
import { runTask, WorkerState, type VerifyTask, type VerifyTaskResult } from '../verify/work.js';

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

/**
 * `size` workers (default: one per core) on threads running `worker`, or, where the worker
 * script is not built (the tests run the TypeScript sources), as many in-process workers, which
 * split the work the same way on this thread.
 */
export function verifyPool(
  size = availableParallelism(),
  worker: VerifyWorkerScript = BUILT_WORKER,
): VerifyPool {
  if (!existsSync(fileURLToPath(worker.script))) {
    return { ...inProcessWorkers(Math.max(1, size)), close: () => Promise.resolve() };
  }
  const workers = new WorkerPool<VerifyTask, VerifyTaskResult>({
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
    run: (index, task) => workers.runOn(index, task),
    close: () => workers.close(),
  };
}

/** The worker's side: runs each task it is sent, one at a time, keeping its state between them. */
export function answerVerifyTasks(): void {
  const state = new WorkerState();
  answerTasks((task: VerifyTask) => runTask(state, task));
}
