// Worker threads, each answering tasks it is sent (worker_tasks.ts on its side): the one way Tally
// runs work beside the main thread. A worker that dies fails only the tasks it held, and another
// takes its place, sent every broadcast again so that it holds the same state.
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { TaskReply, ToWorker } from './worker_tasks.js';

export interface WorkerPoolOptions {
  /** The worker's script: a file, or (with `eval`) the script's text. */
  readonly script: URL | string;
  readonly eval?: boolean;
  readonly size: number;
  readonly workerData?: unknown;
  readonly resourceLimits?: ResourceLimits;
  /** Whether a worker that dies is replaced (default: yes). */
  readonly replace?: boolean;
  /** Whether running workers keep the process alive (default: yes). */
  readonly keepAlive?: boolean;
}

/** A worker that dies this many times in a row without answering a task is not started again. */
const MAX_DEATHS_IN_A_ROW = 3;

interface Held {
  readonly resolve: (value: never) => void;
  readonly reject: (error: Error) => void;
}

interface Slot {
  worker: Worker | undefined;
  readonly held: Map<number, Held>;
  deathsInARow: number;
}

export class WorkerPool<Task, Reply> {
  private readonly slots: Slot[];
  private readonly broadcasts: Task[] = [];
  private nextJob = 0;
  private closing = false;

  constructor(private readonly options: WorkerPoolOptions) {
    this.slots = Array.from({ length: Math.max(1, options.size) }, () => ({
      worker: undefined,
      held: new Map<number, Held>(),
      deathsInARow: 0,
    }));
    for (const slot of this.slots) this.start(slot);
  }

  get size(): number {
    return this.slots.length;
  }

  /** Runs a task on the worker holding the fewest. */
  run(task: Task): Promise<Reply> {
    let chosen: Slot | undefined;
    for (const slot of this.slots) {
      if (slot.worker === undefined) continue;
      if (chosen === undefined || slot.held.size < chosen.held.size) chosen = slot;
    }
    return chosen === undefined ? Promise.reject(this.noWorker()) : this.send(chosen, task);
  }

  /** Runs a task on one worker: the state its earlier tasks left is there. */
  runOn(index: number, task: Task): Promise<Reply> {
    const slot = this.slots[index];
    if (slot?.worker === undefined) return Promise.reject(this.noWorker(index));
    return this.send(slot, task);
  }

  /** Sends every worker a message, now and again to each worker started in a dead one's place. */
  broadcast(message: Task): void {
    this.broadcasts.push(message);
    for (const slot of this.slots) slot.worker?.postMessage({ task: message } satisfies ToWorker);
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(
      this.slots.flatMap((slot) => (slot.worker === undefined ? [] : [slot.worker.terminate()])),
    );
  }

  private send(slot: Slot, task: Task): Promise<Reply> {
    const job = this.nextJob++;
    return new Promise<Reply>((resolve, reject) => {
      slot.held.set(job, { resolve, reject });
      slot.worker?.postMessage({ job, task } satisfies ToWorker);
    });
  }

  private start(slot: Slot): void {
    const { script, workerData, resourceLimits } = this.options;
    const worker = new Worker(script, {
      ...(this.options.eval === true ? { eval: true } : {}),
      ...(workerData === undefined ? {} : { workerData }),
      ...(resourceLimits === undefined ? {} : { resourceLimits }),
    });
    if (this.options.keepAlive === false) worker.unref();
    slot.worker = worker;
    for (const message of this.broadcasts) worker.postMessage({ task: message } satisfies ToWorker);
    let failure: Error | undefined;
    worker.on('message', (reply: TaskReply) => {
      const held = slot.held.get(reply.job);
      slot.held.delete(reply.job);
      slot.deathsInARow = 0;
      if (held === undefined) return;
      if (reply.ok) held.resolve(reply.value as never);
      else held.reject(new Error(reply.message));
    });
    worker.on('error', (error: Error) => {
      failure = error;
    });
    worker.on('exit', (code) => {
      slot.worker = undefined;
      const why = this.closing
        ? 'the worker threads were closed'
        : `a worker thread stopped (${failure?.message ?? `exit code ${code}`})`;
      for (const [job, held] of slot.held) {
        slot.held.delete(job);
        held.reject(new Error(why));
      }
      if (this.closing || this.options.replace === false) return;
      slot.deathsInARow += 1;
      if (slot.deathsInARow < MAX_DEATHS_IN_A_ROW) this.start(slot);
    });
  }

  private noWorker(index?: number): Error {
    if (this.closing) return new Error('the worker threads were closed');
    return new Error(
      index === undefined ? 'no worker thread is running' : `worker thread ${index} is not running`,
    );
  }
}
