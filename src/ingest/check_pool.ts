// Submission checks on worker threads: parsing, the schema and Ed25519 verification take most of
// a submission's CPU time, so a pool runs them beside the thread that serves HTTP and writes the
// store. Each worker holds the definitions and rosters of the elections it checks for.
import type { Election } from '../core/election.js';
import { WorkerPool } from '../threads/worker_pool.js';
import type { CheckOutcome, RosterEntryView } from './check.js';

export type CheckTask =
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
      readonly id: string;
      readonly body: Uint8Array;
    };

export class CheckPool {
  private readonly workers: WorkerPool<CheckTask, CheckOutcome>;

  constructor(size: number) {
    // Elections and keys are broadcast: a worker started in a dead one's place is told them too.
    this.workers = new WorkerPool({
      script: new URL('./check_worker.js', import.meta.url),
      size,
      keepAlive: false,
    });
  }

  addElection(election: Election, roster: Iterable<readonly [string, RosterEntryView]>): void {
    this.workers.broadcast({
      type: 'election',
      id: election.definition.id,
      definition: election.definition,
      roster: [...roster],
    });
  }

  addKey(electionId: string, ref: string, entry: RosterEntryView): void {
    this.workers.broadcast({ type: 'key', id: electionId, ref, entry });
  }

  /** Checks a body in its sender's turn (see WorkerPool.run). */
  async check(electionId: string, body: Uint8Array, sender = ''): Promise<CheckOutcome> {
    // A view into a larger buffer (one line of a batch) would be cloned whole: copy it out.
    const own = body.byteOffset === 0 && body.byteLength === body.buffer.byteLength;
    try {
      return await this.workers.run(
        {
          type: 'check',
          id: electionId,
          body: own ? body : body.slice(),
        },
        sender,
      );
    } catch (e) {
      throw new Error(`submission check failed: ${(e as Error).message}`, { cause: e });
    }
  }

  close(): Promise<void> {
    return this.workers.close();
  }
}
