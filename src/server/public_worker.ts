// The public plane on a thread of its own, so a flood of readers never queues behind ingest's
// event loop (nor ingest behind theirs). The ingest thread tells it when a version is published.
import { parentPort, workerData } from 'node:worker_threads';
import { startPublicPlane } from './public_site.js';

export interface PublicWorkerData {
  readonly root: string;
  readonly host: string;
  readonly port: number;
}

export type PublicWorkerMessage =
  | { readonly type: 'refresh'; readonly election: string; readonly id: number }
  | { readonly type: 'close' };

export type PublicWorkerReply =
  | { readonly type: 'listening'; readonly url: string }
  | { readonly type: 'refreshed'; readonly id: number };

const data = workerData as PublicWorkerData;
const plane = await startPublicPlane({ root: data.root, host: data.host, port: data.port });
parentPort?.postMessage({ type: 'listening', url: plane.url } satisfies PublicWorkerReply);
parentPort?.on('message', (message: PublicWorkerMessage) => {
  if (message.type === 'close') {
    void plane.close().then(() => {
      parentPort?.close();
    });
    return;
  }
  void plane.site
    .refresh(message.election)
    .catch(() => undefined)
    .then(() => {
      parentPort?.postMessage({ type: 'refreshed', id: message.id } satisfies PublicWorkerReply);
    });
});
