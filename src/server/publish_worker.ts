// The publisher's thread (publish_thread.ts): it keeps the log's tree from the entries the ingest
// thread hands it, and builds and writes each version of one election's public files.
import { parentPort, workerData } from 'node:worker_threads';
import { parseElectionDefinition } from '../core/election.js';
import { Log } from '../log/log.js';
import { MemoryLogStorage } from '../log/memory_storage.js';
import { parseSignerKey } from '../log/note.js';
import {
  publisherHere,
  type PublishWorkerData,
  type PublishWorkerMessage,
  type PublishWorkerReply,
} from './publish_thread.js';

const data = workerData as PublishWorkerData;
const say = (reply: PublishWorkerReply): void => {
  parentPort?.postMessage(reply);
};

const election = parseElectionDefinition(data.definition);
const signer = parseSignerKey(data.signerKey);
if (!election.ok) say({ type: 'failed', message: election.error.message });
else if (!signer.ok) say({ type: 'failed', message: signer.error.message });
else {
  const log = await Log.open(new MemoryLogStorage());
  const publisher = await publisherHere({
    election: election.value,
    log,
    signer: signer.value,
    siteDir: data.siteDir,
    ...(data.siteUrl === undefined ? {} : { siteUrl: data.siteUrl }),
  });
  // Entries are added to the tree in the order they came; each request waits for its own.
  let appending: Promise<unknown> = Promise.resolve();
  let requests = 0;
  let closing = false;
  const closeWhenIdle = (): void => {
    if (closing && requests === 0) parentPort?.close();
  };
  parentPort?.on('message', (message: PublishWorkerMessage) => {
    if (message.type === 'close') {
      closing = true;
      closeWhenIdle();
      return;
    }
    requests++;
    const appended = appending.then(async () => {
      if (message.entries.length === 0) return undefined;
      const added = await log.append(message.entries);
      return added.ok ? undefined : added.error.message;
    });
    appending = appended;
    void appended
      .then(async (problemText) => {
        if (problemText !== undefined) {
          say({ type: 'failed', message: `the log's entries: ${problemText}` });
          return;
        }
        const outcome = await publisher.request(message.checkpoint);
        say({ type: 'published', id: message.id, outcome });
      })
      .catch((e: unknown) => {
        say({ type: 'failed', message: e instanceof Error ? e.message : String(e) });
      })
      .finally(() => {
        requests--;
        closeWhenIdle();
      });
  });
  say({ type: 'ready' });
}
