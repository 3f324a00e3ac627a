// Runs the public plane's worker thread (public_worker.ts) and talks to it.
import { Worker } from 'node:worker_threads';
import type { PublicWorkerData, PublicWorkerMessage, PublicWorkerReply } from './public_worker.js';

export interface PublicThread {
  readonly url: string;
  /** Resolves once the plane serves the election's newest published version. */
  refresh(election: string): Promise<void>;
  close(): Promise<void>;
}

export async function startPublicThread(data: PublicWorkerData): Promise<PublicThread> {
  const worker = new Worker(new URL('./public_worker.js', import.meta.url), { workerData: data });
  const waiting = new Map<number, () => void>();
  let next = 0;
  const url = await new Promise<string>((resolve, reject) => {
    worker.once('error', reject);
    worker.on('message', (reply: PublicWorkerReply) => {
      if (reply.type === 'listening') resolve(reply.url);
      else {
        waiting.get(reply.id)?.();
        waiting.delete(reply.id);
      }
    });
  });
  return {
    url,
    refresh: (election) =>
      new Promise<void>((resolve) => {
        const id = next++;
        waiting.set(id, resolve);
        worker.postMessage({ type: 'refresh', election, id } satisfies PublicWorkerMessage);
      }),
    close: async () => {
      worker.postMessage({ type: 'close' } satisfies PublicWorkerMessage);
      await new Promise((resolve) => worker.once('exit', resolve));
      for (const resolve of waiting.values()) resolve();
    },
  };
}
