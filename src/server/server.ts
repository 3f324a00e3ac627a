// Runs the ingest plane: the HTTP API on its own listener, and the checkpointer that signs the
// log's state as it grows, so every acknowledged submission is covered within a second.
import type { FastifyInstance } from 'fastify';
import { logOrigin, recordCheckpoint } from '../ingest/checkpoints.js';
import { listElections } from '../ingest/elections.js';
import type { Signer } from '../log/note.js';
import type { Store } from '../store/store.js';
import { ElectionRegistry } from './elections.js';
import { buildIngestApp } from './ingest_app.js';
import { CheckPool } from '../ingest/check_pool.js';

export interface ServerOptions {
  readonly store: Store;
  /** Signs checkpoints; its name is the log's host. */
  readonly logSigner: Signer;
  readonly host?: string;
  readonly port?: number;
  readonly checkpointEveryMs?: number;
  /** Worker threads that check submissions; 0 checks them on the main thread. */
  readonly checkWorkers?: number;
  readonly logger?: boolean;
}

export interface RunningServer {
  readonly url: string;
  readonly app: FastifyInstance;
  readonly elections: ElectionRegistry;
  /** Signs a checkpoint for every election whose log grew; the loop calls it on its own. */
  readonly checkpointNow: () => Promise<void>;
  readonly close: () => Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { store, logSigner } = options;
  const workers = options.checkWorkers ?? 0;
  const pool = workers > 0 ? new CheckPool(workers) : undefined;
  const elections = new ElectionRegistry(store, pool);
  for (const id of await listElections(store)) await elections.get(id);
  const app = await buildIngestApp({ store, elections, logger: options.logger ?? false });

  let running: Promise<void> | undefined;
  const checkpointNow = (): Promise<void> => {
    running ??= (async () => {
      for (const ingest of await elections.active()) {
        await recordCheckpoint(
          store,
          ingest.id,
          ingest.log,
          logOrigin(logSigner.name, ingest.id),
          logSigner,
          new Date(),
        );
      }
    })().finally(() => {
      running = undefined;
    });
    return running;
  };
  const timer = setInterval(() => {
    checkpointNow().catch((e: unknown) => {
      app.log.error(e, 'checkpoint failed');
    });
  }, options.checkpointEveryMs ?? 250);

  const url = await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 0 });
  return {
    url,
    app,
    elections,
    checkpointNow,
    close: async () => {
      clearInterval(timer);
      await app.close();
      await running;
      await checkpointNow();
      await pool?.close();
    },
  };
}
