// The verifier's workers as threads: one per core by default, each running the tasks of
// src/verify/work.ts with its own state. Entries travel as one shared buffer, not copies.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { inProcessWorkers, type VerifyWorkers } from '../verify/verify.js';
import type { VerifyTask, VerifyTaskResult } from '../verify/work.js';

export interface VerifyPool extends VerifyWorkers {
  close(): Promise<void>;
}

export type VerifyWorkerMessage =
  | { readonly ok: true; readonly result: VerifyTaskResult }
  | { readonly ok: false; readonly message: string };

const WORKER = new URL('./verify_worker.js', import.meta.url);

/**
 * `size` workers (default: one per core) on threads, or, where the worker script is not built
 * (the tests run the TypeScript sources), as many in-process workers, which split the work the
 * same way on this thread.
 */
export function verifyPool(size = availableParallelism()): VerifyPool {
  if (!existsSync(fileURLToPath(WORKER))) {
    return { ...inProcessWorkers(Math.max(1, size)), close: () => Promise.resolve() };
  }
  // A larger young generation: the workers make millions of short-lived strings and objects.
  const workers = Array.from(
    { length: Math.max(1, size) },
    () => new Worker(WORKER, { resourceLimits: { maxYoungGenerationSizeMb: 256 } }),
  );
  return {
    size: workers.length,
    run: (index, task: VerifyTask) => {
      const worker = workers[index];
      if (worker === undefined) return Promise.reject(new Error(`no verify worker ${index}`));
      return new Promise((resolve, reject) => {
        const done = (message: VerifyWorkerMessage): void => {
          worker.off('error', failed);
          if (message.ok) resolve(message.result);
          else reject(new Error(`verify worker: ${message.message}`));
        };
        const failed = (error: Error): void => {
          worker.off('message', done);
          reject(error);
        };
        worker.once('message', done);
        worker.once('error', failed);
        worker.postMessage(task);
      });
    },
    close: async () => {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
