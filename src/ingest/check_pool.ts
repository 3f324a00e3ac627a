// Submission checks on worker threads: parsing, the schema and Ed25519 verification take most of
// a submission's CPU time, so a pool runs them beside the thread that serves HTTP and writes the
// store. Each worker holds the definitions and rosters of the elections it checks for.
import { Worker } from 'node:worker_threads';
import type { Election } from '../core/election.js';
import type { CheckOutcome, RosterEntryView } from './check.js';

export type WorkerRequest =
  | {
      readonly type: 'election';
      readonly id: string;
      readonly definition: unknown;
      readonly roster: readonly (readonly [string, RosterEntryView])[];
    }
  | {
      readonly type: 'key';
      readonly id: string;
      readonly ref: string;
      readonly entry: RosterEntryView;
    }
  | {
      readonly type: 'check';
      readonly job: number;
      readonly id: string;
      readonly body: Uint8Array;
    };

export type WorkerResponse =
  | { readonly type: 'checked'; readonly job: number; readonly outcome: CheckOutcome }
  | { readonly type: 'failed'; readonly job: number; readonly message: string };

interface Slot {
  readonly worker: Worker;
  busy: number;
}

export class CheckPool {
  private readonly slots: Slot[];
  private readonly waiting = new Map<
    number,
    { resolve: (o: CheckOutcome) => void; reject: (e: Error) => void }
  >();
  private nextJob = 0;

  constructor(size: number) {
    this.slots = Array.from({ length: Math.max(1, size) }, () => {
      const worker = new Worker(new URL('./check_worker.js', import.meta.url));
      worker.on('message', (message: WorkerResponse) => {
        const waiting = this.waiting.get(message.job);
        this.waiting.delete(message.job);
        slot.busy--;
        if (waiting === undefined) return;
        if (message.type === 'checked') waiting.resolve(message.outcome);
        else waiting.reject(new Error(`submission check failed: ${message.message}`));
      });
      worker.on('error', (error: Error) => {
        // A worker that dies takes its jobs with it: their senders get an error and may retry.
        for (const [job, waiting] of this.waiting) {
          this.waiting.delete(job);
          waiting.reject(error);
        }
      });
      worker.unref();
      const slot: Slot = { worker, busy: 0 };
      return slot;
    });
  }

  addElection(election: Election, roster: Iterable<readonly [string, RosterEntryView]>): void {
    const message: WorkerRequest = {
      type: 'election',
      id: election.definition.id,
      definition: election.definition,
      roster: [...roster],
    };
    for (const slot of this.slots) slot.worker.postMessage(message);
  }

  addKey(electionId: string, ref: string, entry: RosterEntryView): void {
    const message: WorkerRequest = { type: 'key', id: electionId, ref, entry };
    for (const slot of this.slots) slot.worker.postMessage(message);
  }

  check(electionId: string, body: Uint8Array): Promise<CheckOutcome> {
    const slot = this.slots.reduce((a, b) => (b.busy < a.busy ? b : a));
    const job = this.nextJob++;
    slot.busy++;
    return new Promise((resolve, reject) => {
      this.waiting.set(job, { resolve, reject });
      // A view into a larger buffer (one line of a batch) would be cloned whole: copy it out.
      const own = body.byteOffset === 0 && body.byteLength === body.buffer.byteLength;
      const message: WorkerRequest = {
        type: 'check',
        job,
        id: electionId,
        body: own ? body : body.slice(),
      };
      slot.worker.postMessage(message);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
