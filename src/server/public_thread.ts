// Runs the public plane's worker thread (public_worker.ts), a worker pool of one
// (src/threads/worker_pool.ts), and talks to it.
import { WorkerPool } from '../threads/worker_pool.js';
import type { PublicTask, PublicWorkerData } from './public_worker.js';

export interface PublicThread {
  readonly url: string;
  /** Resolves once the plane serves the election's newest published version. */
  refresh(election: string): Promise<void>;
  close(): Promise<void>;
}

/** How long closing waits for refreshes under way and the listener to close before it stops it. */
const CLOSE_WITHIN_MS = 10_000;

export async function startPublicThread(data: PublicWorkerData): Promise<PublicThread> {
  const thread = new WorkerPool<PublicTask, string>({
    script: new URL('./public_worker.js', import.meta.url),
    size: 1,
    workerData: data,
    // Its listener's address is the one the server announced: a thread in a dead one's place
    // could not promise the same, so refreshes fail instead.
    replace: false,
  });
  let url: string;
  try {
    url = await thread.runOn(0, { type: 'address' });
  } catch (e) {
    await thread.close();
    throw e;
  }
  return {
    url,
    refresh: async (election) => {
      await thread.runOn(0, { type: 'refresh', election });
    },
    close: () => thread.close({ finishWithinMs: CLOSE_WITHIN_MS }),
  };
}
