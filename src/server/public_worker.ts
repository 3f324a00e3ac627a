// The public plane on a thread of its own, so a flood of readers never queues behind ingest's
// event loop (nor ingest behind theirs). The ingest thread tells it when a version is published.
import { workerData } from 'node:worker_threads';
import { throwIllegalValue } from '../core/result.js';
import { answerTasks } from '../threads/worker_tasks.js';
import { startPublicPlane } from './public_site.js';

export interface PublicWorkerData {
  readonly root: string;
  readonly host: string;
  readonly port: number;
}

/** The plane's address (once it listens), or a version to serve: answered with the election. */
export type PublicTask =
  { readonly type: 'address' } | { readonly type: 'refresh'; readonly election: string };

const data = workerData as PublicWorkerData;
// The first task asks the plane's address: it fails when the plane could not start.
const plane = startPublicPlane({ root: data.root, host: data.host, port: data.port });
plane.catch(() => undefined);

answerTasks(
  async (task: PublicTask): Promise<string> => {
    const { url, site } = await plane;
    switch (task.type) {
      case 'address':
        return url;
      case 'refresh':
        // A refresh that fails is not the ingest thread's to handle: it only waits for it.
        await site.refresh(task.election).catch(() => undefined);
        return task.election;
      default:
        return throwIllegalValue(task);
    }
  },
  async () => {
    await (await plane).close();
  },
);
