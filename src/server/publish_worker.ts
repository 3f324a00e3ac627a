// The publisher's thread (publish_thread.ts): it keeps the log's tree from the entries the ingest
// thread hands it, and builds and writes each version of one election's public files.
import { workerData } from 'node:worker_threads';
import { parseElectionDefinition } from '../core/election.js';
import { ok, throwIllegalValue } from '../core/result.js';
import { Log } from '../log/log.js';
import { MemoryLogStorage } from '../log/memory_storage.js';
import { parseSignerKey } from '../log/note.js';
import { answerTasks } from '../threads/worker_tasks.js';
import {
  publisherHere,
  type ElectionPublisher,
  type PublishOutcome,
  type PublishTask,
  type PublishWorkerData,
} from './publish_thread.js';

async function start(data: PublishWorkerData): Promise<{ log: Log; publisher: ElectionPublisher }> {
  const election = parseElectionDefinition(data.definition);
  if (!election.ok) throw new Error(election.error.message);
  const signer = parseSignerKey(data.signerKey);
  if (!signer.ok) throw new Error(signer.error.message);
  const log = await Log.open(new MemoryLogStorage());
  const publisher = await publisherHere({
    election: election.value,
    log,
    signer: signer.value,
    siteDir: data.siteDir,
    ...(data.stagingDir === undefined ? {} : { stagingDir: data.stagingDir }),
    ...(data.siteUrl === undefined ? {} : { siteUrl: data.siteUrl }),
  });
  return { log, publisher };
}

// Why it could not start answers every task, the first ('start') included.
const started = start(workerData as PublishWorkerData);
started.catch(() => undefined);

// Entries are added to the tree in the order they came; each request waits for its own. Once
// entries could not be added, the tree is not the log's, and nothing more is published from it.
let appending: Promise<void> = Promise.resolve();
let broken: string | undefined;

answerTasks(async (task: PublishTask): Promise<PublishOutcome> => {
  const { log, publisher } = await started;
  switch (task.type) {
    case 'start':
      return ok(undefined);
    case 'stop':
      await publisher.close();
      return ok(undefined);
    case 'publish': {
      const appended = appending.then(async () => {
        if (broken !== undefined) throw new Error(broken);
        if (task.entries.length === 0) return;
        const added = await log.append(task.entries);
        if (!added.ok) {
          broken = `the log's entries: ${added.error.message}`;
          throw new Error(broken);
        }
      });
      appending = appended.catch(() => undefined);
      await appended;
      return publisher.request(task.checkpoint);
    }
    default:
      return throwIllegalValue(task);
  }
});
