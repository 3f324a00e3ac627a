// Runs the ingest plane: the HTTP API on its own listener, and the checkpointer that signs the
// log's state as it grows, so every acknowledged submission is covered within a second. With a
// site directory it also publishes: after each new checkpoint, a version of each election's
// results site (coalesced), served by the public plane on a listener and thread of its own.
import type { FastifyInstance } from 'fastify';
import { logOrigin } from '../ingest/checkpoints.js';
import { listElections } from '../ingest/elections.js';
import { waitsForRelease } from '../core/election.js';
import type { Signer } from '../log/note.js';
import type { Store } from '../store/store.js';
import { ElectionRegistry } from './elections.js';
import type { PasswordCost } from '../staff/credentials.js';
import { buildIngestApp } from './ingest_app.js';
import { EvidencePublication } from './evidence_publication.js';
import { PublishMonitor } from './control_room_routes.js';
import { CheckPool } from '../ingest/check_pool.js';
import type { ElectionIngest } from '../ingest/ingest.js';
import {
  publisherHere,
  publisherThread,
  type ElectionPublisher,
  type PublishOutcome,
} from './publish_thread.js';
import { startPublicPlane } from './public_site.js';
import { startPublicThread } from './public_thread.js';
import { join } from 'node:path';

/** How long stopping the server waits for requests under way before it closes their connections. */
const CLOSE_GRACE_MS = 2_000;

/**
 * How often new entries are checkpointed (and a version asked for): a tenth of a second, so
 * that an accepted submission waits little for the checkpoint that covers it. Versions are not
 * built more often than the publisher can: the requests made while one is built coalesce.
 */
const CHECKPOINT_EVERY_MS = 100;

/**
 * How often the store is asked for elections imported since the server started: each is then
 * checkpointed and its site prepared (before its results are released, in private) without
 * waiting for its first request.
 */
const LOOK_FOR_ELECTIONS_EVERY_MS = 2_000;

export interface ServerOptions {
  readonly store: Store;
  /** Signs checkpoints; its name is the log's host. */
  readonly logSigner: Signer;
  /** Signs the paper tally sheets the results desk keys twice. */
  readonly deskSigner?: Signer;
  /** The enrolment key the election authority delegated the roster to. */
  readonly enrolmentSigner?: Signer;
  /** Behind a TLS-terminating reverse proxy: trust its X-Forwarded-* headers. */
  readonly trustProxy?: boolean;
  /** scrypt's cost for staff passwords: OWASP's unless tests make it cheaper. */
  readonly passwordCost?: PasswordCost;
  readonly host?: string;
  readonly port?: number;
  readonly checkpointEveryMs?: number;
  /** Worker threads that check submissions; 0 checks them on the main thread. */
  readonly checkWorkers?: number;
  readonly logger?: boolean;
  /** Publish each election's results site under `<siteDir>/<election>/`. */
  readonly publish?: {
    readonly siteDir: string;
    /**
     * A private directory, never served (not beneath `siteDir`): each election's precinct
     * detail is built under `<stagingDir>/<election>/` before its results are released.
     */
    readonly stagingDir?: string;
    /** The public plane's listener; without a port, publish without serving. */
    readonly port?: number;
    readonly host?: string;
    /**
     * Publish and serve on worker threads (the default), or on this thread (tests that run from
     * source).
     */
    readonly thread?: boolean;
    /** The site's public address, for the verify page. */
    readonly siteUrl?: string;
    /**
     * With `thread: false`, how long bringing precinct detail up to date may hold up a version
     * (PublisherOptions.inlineDetailMs): 0 in tests where the detail always follows.
     */
    readonly inlineDetailMs?: number;
  };
  /** Told when a version could not be published, and why. */
  readonly onPublishProblem?: (
    election: string,
    problem: Extract<PublishOutcome, { ok: false }>['error'],
  ) => void;
}

export interface RunningServer {
  readonly url: string;
  readonly app: FastifyInstance;
  readonly elections: ElectionRegistry;
  /** The public plane's address, when it runs. */
  readonly publicUrl?: string;
  /** Signs a checkpoint for every election whose log grew, and publishes; the loop calls it. */
  readonly checkpointNow: () => Promise<void>;
  readonly close: () => Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { store, logSigner } = options;
  const workers = options.checkWorkers ?? 0;
  const pool = workers > 0 ? new CheckPool(workers) : undefined;
  const elections = new ElectionRegistry(store, pool);
  for (const id of await listElections(store)) await elections.get(id);
  const publishMonitor = new PublishMonitor();
  const app = await buildIngestApp({
    store,
    elections,
    publishMonitor,
    logger: options.logger ?? false,
    ...(options.deskSigner === undefined ? {} : { deskSigner: options.deskSigner }),
    ...(options.enrolmentSigner === undefined ? {} : { enrolmentSigner: options.enrolmentSigner }),
    ...(options.trustProxy === true ? { trustProxy: true } : {}),
    ...(options.passwordCost === undefined ? {} : { passwordCost: options.passwordCost }),
  });

  const publish = options.publish;
  let publicPlane: {
    url: string;
    refresh: (e: string) => Promise<void>;
    close: () => Promise<void>;
  };
  if (publish?.port === undefined) {
    publicPlane = { url: '', refresh: () => Promise.resolve(), close: () => Promise.resolve() };
  } else if (publish.thread === false) {
    const plane = await startPublicPlane({
      root: publish.siteDir,
      port: publish.port,
      host: publish.host ?? '127.0.0.1',
    });
    publicPlane = {
      url: plane.url,
      refresh: async (e) => {
        await plane.site.refresh(e);
      },
      close: () => plane.close(),
    };
  } else {
    publicPlane = await startPublicThread({
      root: publish.siteDir,
      port: publish.port,
      host: publish.host ?? '127.0.0.1',
    });
  }
  const publishers = new Map<string, ElectionPublisher>();
  const evidence = new Map<string, EvidencePublication>();
  /** Publishes the photos the log names up to `size`, where the election makes them public. */
  const publishEvidence = async (ingest: ElectionIngest, size: number): Promise<void> => {
    if (publish === undefined || ingest.election.definition.evidence !== 'public') return;
    if (waitsForRelease(ingest.election) && (await ingest.released()) === undefined) return;
    let publication = evidence.get(ingest.id);
    if (publication === undefined) {
      publication = new EvidencePublication(
        ingest.log,
        store,
        ingest.id,
        join(publish.siteDir, ingest.id),
      );
      evidence.set(ingest.id, publication);
    }
    await publication.upTo(size);
  };
  const publisherOf = async (ingest: ElectionIngest): Promise<ElectionPublisher | undefined> => {
    if (publish === undefined) return undefined;
    let publisher = publishers.get(ingest.id);
    if (publisher === undefined) {
      const setup = {
        election: ingest.election,
        log: ingest.log,
        signer: logSigner,
        siteDir: join(publish.siteDir, ingest.id),
        ...(publish.stagingDir === undefined
          ? {}
          : { stagingDir: join(publish.stagingDir, ingest.id) }),
        ...(publish.siteUrl === undefined ? {} : { siteUrl: `${publish.siteUrl}/${ingest.id}` }),
        ...(publish.inlineDetailMs === undefined ? {} : { inlineDetailMs: publish.inlineDetailMs }),
      };
      publisher =
        publish.thread === false ? await publisherHere(setup) : await publisherThread(setup);
      publishers.set(ingest.id, publisher);
    }
    return publisher;
  };

  // Versions being built. The checkpointer does not wait for them: a checkpoint a second keeps
  // coming however long a version of a large election takes; requests made meanwhile coalesce.
  const publishing = new Set<Promise<void>>();
  /** The newest version the public plane was told of, by election. */
  const served = new Map<string, number>();
  /**
   * The largest checkpoint each election's publisher was asked for and has not answered yet. A
   * tick asks again only for a newer one: a version of a large election takes minutes, and a
   * request every tick meanwhile would queue thousands for the publisher to answer after it.
   */
  const asked = new Map<string, number>();
  const publishTo = (
    id: string,
    publisher: ElectionPublisher,
    checkpoint: { size: number; note: string },
  ): void => {
    if ((asked.get(id) ?? -1) >= checkpoint.size) return;
    asked.set(id, checkpoint.size);
    const started = Date.now();
    const done = publisher
      .request(checkpoint)
      .then(async (published) => {
        if (!published.ok) options.onPublishProblem?.(id, published.error);
        else if (published.value !== undefined && published.value.version > (served.get(id) ?? 0)) {
          // Every request a version answers hears of it; the public plane loads it once.
          served.set(id, published.value.version);
          await publicPlane.refresh(id);
          // From the checkpoint it counts to the version in place, for the control room.
          publishMonitor.published(id, published.value.version, Date.now() - started);
        }
      })
      .catch((e: unknown) => {
        app.log.error(e, 'publish failed');
      })
      .finally(() => {
        if (asked.get(id) === checkpoint.size) asked.delete(id);
        publishing.delete(done);
      });
    publishing.add(done);
  };

  let running: Promise<void> | undefined;
  let lookedForElections = Date.now();
  const checkpointOnce = (): Promise<void> => {
    running ??= (async () => {
      if (Date.now() - lookedForElections >= LOOK_FOR_ELECTIONS_EVERY_MS) {
        lookedForElections = Date.now();
        for (const id of await listElections(store)) await elections.get(id);
      }
      for (const ingest of await elections.active()) {
        await ingest.releaseIfDue(new Date());
        const recorded = await ingest.ledger.checkpoint(
          logOrigin(logSigner.name, ingest.id),
          logSigner,
          new Date(),
        );
        const publisher = await publisherOf(ingest);
        if (publisher === undefined) continue;
        // Without a new checkpoint, the stored one: a publisher that has counted nothing yet
        // (after a restart) publishes it, and one whose precinct detail follows the headline
        // publishes, once a tick, a version with the detail it has brought up to date since.
        const checkpoint = recorded ?? (await ingest.ledger.latestCheckpoint());
        if (checkpoint === undefined) continue;
        // The photos first: a version never names one its site does not have yet.
        await publishEvidence(ingest, checkpoint.size).catch((e: unknown) => {
          app.log.error(e, 'publishing evidence failed');
        });
        publishTo(ingest.id, publisher, checkpoint);
      }
    })().finally(() => {
      running = undefined;
    });
    return running;
  };
  /** Checkpoints and publishes everything recorded before the call, even if a run is under way. */
  const checkpointNow = async (): Promise<void> => {
    if (running !== undefined) await running.catch(() => undefined);
    await checkpointOnce();
    await Promise.all([...publishing]);
  };
  const timer = setInterval(() => {
    checkpointOnce().catch((e: unknown) => {
      app.log.error(e, 'checkpoint failed');
    });
  }, options.checkpointEveryMs ?? CHECKPOINT_EVERY_MS);

  const url = await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 0 });
  return {
    url,
    app,
    elections,
    ...(publicPlane.url === '' ? {} : { publicUrl: publicPlane.url }),
    checkpointNow,
    close: async () => {
      clearInterval(timer);
      // Requests under way get a moment to finish; then every connection is closed. Node's HTTP
      // server would otherwise wait on a connection on which nothing was sent yet (what a
      // client's pool keeps when a send is cut off before its request went out) until its
      // headers timeout: a minute, or for ever while the client keeps it open.
      const force = setTimeout(() => {
        app.server.closeAllConnections();
      }, CLOSE_GRACE_MS);
      await app.close().finally(() => {
        clearTimeout(force);
      });
      await running;
      await checkpointNow();
      await pool?.close();
      for (const publisher of publishers.values()) await publisher.close();
      await publicPlane.close();
    },
  };
}
