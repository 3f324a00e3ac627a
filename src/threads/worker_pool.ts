// Worker threads, each answering tasks it is sent (worker_tasks.ts on its side): the one way Tally
// runs work beside the main thread. A worker that dies fails only the tasks it held, and another
// takes its place, sent every broadcast again so that it holds the same state. Tasks wait here,
// in a lane per sender, and are taken from the lanes in turn: a sender with thousands of tasks
// queued cannot hold up another's one. A worker keeps whatever state its tasks leave, so a pool of
// one that is not replaced is one stateful thread. Closing either stops the workers at once or
// lets the tasks they hold finish first (a worker writing files must not be cut off mid-write).
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

/**
 * Tasks sent to a worker at once; the rest wait in their lanes. Enough to keep a worker busy
 * while the main thread is in a long synchronous transaction (16 left the workers idle and cost a
 * fifth of batched ingest on SQLite); few enough that a sender's task waits for at most this
 * many others per worker, a few tens of milliseconds of checks.
 */
export const MAX_HELD = 256;

interface Queued<Task, Reply> {
  readonly task: Task;
  readonly resolve: (value: Reply) => void;
  readonly reject: (error: Error) => void;
}

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
  /** Tasks not yet sent, by lane; the map's order is the turn order. */
  private readonly lanes = new Map<string, Queued<Task, Reply>[]>();
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

  /**
   * Runs a task on the worker holding the fewest, in its turn: tasks of one lane (one sender)
   * run in the order given, and the lanes take turns.
   */
  run(task: Task, lane = ''): Promise<Reply> {
    if (this.closing || this.slots.every((slot) => slot.worker === undefined)) {
      return Promise.reject(this.noWorker());
    }
    return new Promise<Reply>((resolve, reject) => {
      const queued: Queued<Task, Reply> = { task, resolve, reject };
      const waiting = this.lanes.get(lane);
      if (waiting === undefined) this.lanes.set(lane, [queued]);
      else waiting.push(queued);
      this.dispatch();
    });
  }

  /** Runs a task on one worker: the state its earlier tasks left is there. */
  runOn(index: number, task: Task): Promise<Reply> {
    const slot = this.slots[index];
    if (this.closing || slot?.worker === undefined) return Promise.reject(this.noWorker(index));
    return this.send(slot, task);
  }

  /** Sends every worker a message, now and again to each worker started in a dead one's place. */
  broadcast(message: Task): void {
    this.broadcasts.push(message);
    for (const slot of this.slots) slot.worker?.postMessage({ task: message } satisfies ToWorker);
  }

  /**
   * Takes no more tasks and fails those not yet sent. Without `finishWithinMs`, stops the workers
   * at once and fails the tasks they hold. With it, each worker first finishes the tasks it holds
   * and is then asked to end (answerTasks' `onClose`, then its port closes); a worker still
   * running when the time is up is stopped, and its tasks fail.
   */
  async close(options: { readonly finishWithinMs?: number } = {}): Promise<void> {
    this.closing = true;
    this.failQueued();
    const running = this.slots.flatMap((slot) => (slot.worker === undefined ? [] : [slot.worker]));
    const exited = running.map((worker) => new Promise((resolve) => worker.once('exit', resolve)));
    const stop = (): void => {
      for (const worker of running) void worker.terminate();
    };
    if (options.finishWithinMs === undefined) {
      stop();
      await Promise.all(exited);
      return;
    }
    for (const slot of this.slots) if (slot.held.size === 0) this.retire(slot);
    const timer = setTimeout(stop, options.finishWithinMs);
    try {
      await Promise.all(exited);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Sends queued tasks, in turn by lane, to workers holding fewer than MAX_HELD. */
  private dispatch(): void {
    for (;;) {
      let slot: Slot | undefined;
      for (const s of this.slots) {
        if (s.worker === undefined || s.held.size >= MAX_HELD) continue;
        if (slot === undefined || s.held.size < slot.held.size) slot = s;
      }
      if (slot === undefined) return;
      const next = this.nextQueued();
      if (next === undefined) return;
      this.send(slot, next.task).then(next.resolve, next.reject);
    }
  }

  /** The first lane's next task; that lane then goes to the back of the turn order. */
  private nextQueued(): Queued<Task, Reply> | undefined {
    for (const [lane, waiting] of this.lanes) {
      this.lanes.delete(lane);
      const next = waiting.shift();
      if (waiting.length > 0) this.lanes.set(lane, waiting);
      if (next !== undefined) return next;
    }
    return undefined;
  }

  private failQueued(): void {
    const error = this.noWorker();
    for (const waiting of this.lanes.values()) for (const q of waiting) q.reject(error);
    this.lanes.clear();
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
      if (this.closing) {
        if (slot.held.size === 0) this.retire(slot);
      } else this.dispatch();
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
      if (this.closing) return;
      if (this.options.replace !== false) {
        slot.deathsInARow += 1;
        if (slot.deathsInARow < MAX_DEATHS_IN_A_ROW) this.start(slot);
      }
      if (this.slots.every((s) => s.worker === undefined)) this.failQueued();
      else this.dispatch();
    });
  }

  /** Asks a worker that holds no task to end (a graceful close). */
  private retire(slot: Slot): void {
    slot.worker?.postMessage({ close: true } satisfies ToWorker);
  }

  private noWorker(index?: number): Error {
    if (this.closing) return new Error('the worker threads were closed');
    return new Error(
      index === undefined ? 'no worker thread is running' : `worker thread ${index} is not running`,
    );
  }
}
