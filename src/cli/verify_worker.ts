// A verifier worker thread: runs each task it is sent (src/verify/work.ts), one at a time,
// keeping its state between them.
import { parentPort } from 'node:worker_threads';
import { runTask, WorkerState, type VerifyTask } from '../verify/work.js';
import type { VerifyWorkerMessage } from './verify_pool.js';

const state = new WorkerState();

parentPort?.on('message', (task: VerifyTask) => {
  let message: VerifyWorkerMessage;
  try {
    message = { ok: true, result: runTask(state, task) };
  } catch (e) {
    message = { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
  parentPort?.postMessage(message);
});
