// The night's control room in the staff API: the election's reporting status, once as JSON or
// live as server-sent events every two seconds while the client watches. It is worked out only
// while someone asks (the store's answers and the counts ingest keeps), never as results arrive.
// Who may call each route is ROUTE_ROLES's (staff_session.ts).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { decodeLogEntry } from '../core/log_entry.js';
import {
  ControlRoomStatusSchema,
  controlRoomStatus,
  NOT_REPORTED_LISTED,
  type ControlRoomStatus,
} from '../ingest/control_room.js';
import type { ElectionIngest } from '../ingest/ingest.js';
import type { StaffAccounts } from '../staff/staff.js';
import { ControlRoomRecords, CountedSlots } from '../store/control_room_records.js';
import type { Store } from '../store/store.js';
import { ErrorSchema, sendError, unknownElection } from './error_shape.js';
import { ElectionParams, type ElectionRegistry } from './elections.js';
import { rolesSentence, SESSION_COOKIE, staffGate } from './staff_session.js';

export type { ControlRoomStatus } from '../ingest/control_room.js';

/** How often a watching client hears the status. */
export const STATUS_EVERY_MS = 2_000;
/** A comment line after this long without a word, so that no proxy takes the stream for dead. */
const KEEP_ALIVE_MS = 15_000;

/**
 * The newest version the server published of each election, and how long it took from the
 * checkpoint it counts to the version in place: the server tells it, the control room reads it.
 */
export class PublishMonitor {
  private readonly latest = new Map<string, { version: number; latencyMs: number }>();

  published(election: string, version: number, latencyMs: number): void {
    this.latest.set(election, { version, latencyMs });
  }

  of(election: string): { readonly version: number; readonly latencyMs: number } | undefined {
    return this.latest.get(election);
  }
}

export interface ControlRoomRoutesOptions {
  /** The staff accounts, whose sessions the routes check (one for the whole server). */
  readonly accounts: StaffAccounts;
  readonly store: Store;
  readonly elections: ElectionRegistry;
  /** Where the server tells of each version it publishes; without one, none is shown. */
  readonly publishMonitor?: PublishMonitor;
  readonly now?: () => Date;
  /** How often a watching client hears the status (STATUS_EVERY_MS unless a test says). */
  readonly everyMs?: number;
}

/** Whether the client reads an event stream: EventSource says so; a plain request is refused. */
const acceptsEventStream = (accept: string | undefined): boolean =>
  (accept ?? '')
    .split(',')
    .some((t) => t.split(';')[0]?.trim().toLowerCase() === 'text/event-stream');

const event = (name: string, data: unknown): string =>
  `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;

export function registerControlRoomRoutes(
  app: FastifyInstance,
  options: ControlRoomRoutesOptions,
): void {
  const { store, elections } = options;
  const now = options.now ?? (() => new Date());
  const everyMs = options.everyMs ?? STATUS_EVERY_MS;
  const accounts = options.accounts;
  const { allowRoute } = staffGate(accounts, now);
  const api = app.withTypeProvider<ZodTypeProvider>();

  /** When the oldest held submission arrived, from its log entry. */
  const receivedAt = async (ingest: ElectionIngest, leaf: number): Promise<string | undefined> => {
    const read = await ingest.log.entries(BigInt(leaf), 1);
    const entry = read.ok ? decodeLogEntry(read.value[0] ?? new Uint8Array()) : undefined;
    return entry?.ok === true && entry.value.type === 'submission'
      ? entry.value.receivedAt
      : undefined;
  };

  // Each election's counted slots, read from the store as they change (once in full, first).
  const counted = new Map<string, CountedSlots>();
  const countedOf = (id: string): CountedSlots => {
    let slots = counted.get(id);
    if (slots === undefined) {
      slots = new CountedSlots(new ControlRoomRecords(store.db, id));
      counted.set(id, slots);
    }
    return slots;
  };

  const statusOf = async (ingest: ElectionIngest): Promise<ControlRoomStatus> => {
    const records = new ControlRoomRecords(store.db, ingest.id);
    const [reported, held, checkpoint, logSize, desk, releasedAt] = await Promise.all([
      countedOf(ingest.id).current(),
      records.held(),
      records.latestCheckpoint(),
      records.logSize(),
      records.deskSheets(),
      ingest.released(),
    ]);
    const oldest =
      held.oldestLeaf === undefined ? undefined : await receivedAt(ingest, held.oldestLeaf);
    const published = options.publishMonitor?.of(ingest.id);
    const at = now();
    return controlRoomStatus({
      election: ingest.election,
      now: at,
      ...(releasedAt === undefined ? {} : { releasedAt }),
      reported,
      held: { count: held.count, ...(oldest === undefined ? {} : { oldestReceivedAt: oldest }) },
      rejections: ingest.arrivals.rejections(),
      loggedLastMinute: ingest.arrivals.lastMinute(Date.now()),
      publish: {
        ...(published === undefined ? {} : published),
        ...(checkpoint === undefined ? {} : { checkpoint }),
        logSize,
      },
      desk,
    });
  };

  // Everyone watching an election in the same moment shares one computation of its status: a
  // room of screens costs the store what one does.
  const shared = new Map<
    string,
    { readonly at: number; readonly status: Promise<ControlRoomStatus> }
  >();
  const sharedStatusOf = (ingest: ElectionIngest): Promise<ControlRoomStatus> => {
    const known = shared.get(ingest.id);
    if (known !== undefined && Date.now() - known.at < everyMs / 2) return known.status;
    const status = statusOf(ingest);
    shared.set(ingest.id, { at: Date.now(), status });
    status.catch(() => shared.delete(ingest.id));
    return status;
  };

  // Streams still open when the server closes end first: closing waits for no watcher.
  const watching = new Set<() => void>();
  app.addHook('preClose', (done) => {
    for (const end of [...watching]) end();
    done();
  });

  api.get(
    '/staff/elections/:election/control-room/status',
    {
      schema: {
        description: `The election's reporting status now, as the control room shows it: per county and vote type the reporting units counted out of those expected; the units not reported (the first ${String(NOT_REPORTED_LISTED)}, with whom to call) and how many; the submissions held for a reviewer and the oldest one's age; rejections by error code and submissions per second (this server's, since it started); the newest version published and its latency, the newest checkpoint's age and the log's size; the results desk's sheets awaiting a second entry and its mismatches; whether the election is a TEST and whether its results are released. ${rolesSentence('GET /staff/elections/{election}/control-room/status')}`,
        tags: ['staff'],
        params: ElectionParams,
        response: { 200: ControlRoomStatusSchema, '4xx': ErrorSchema },
      },
    },
    async (request, reply) => {
      const session = await allowRoute(
        request,
        reply,
        'GET /staff/elections/{election}/control-room/status',
      );
      if (session === undefined) return reply;
      const ingest = await elections.get(request.params.election);
      if (ingest === undefined) return unknownElection(reply, request.params.election);
      return reply.send(await statusOf(ingest));
    },
  );

  api.get(
    '/staff/elections/:election/control-room',
    {
      schema: {
        description: `The control room, live: an event stream (text/event-stream, as EventSource reads it) of \`status\` events, each with the JSON that GET …/control-room/status answers in its data line: one at once, then one every ${String(STATUS_EVERY_MS / 1000)} seconds while the client stays connected (a \`: keep-alive\` comment when a status is slow to come). When the session ends (expired, signed out) a \`session-ended\` event closes the stream. A client that does not accept text/event-stream is answered 406. ${rolesSentence('GET /staff/elections/{election}/control-room')}`,
        tags: ['staff'],
        params: ElectionParams,
        response: {
          200: {
            description:
              'An event stream (text/event-stream) of status events, until the client disconnects or the session ends.',
            content: { 'text/event-stream': { schema: z.string() } },
          },
          '4xx': ErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const session = await allowRoute(
        request,
        reply,
        'GET /staff/elections/{election}/control-room',
      );
      if (session === undefined) return reply;
      const ingest = await elections.get(request.params.election);
      if (ingest === undefined) return unknownElection(reply, request.params.election);
      if (!acceptsEventStream(request.headers.accept)) {
        return sendError(
          reply,
          406,
          'not_acceptable',
          'this is an event stream: accept text/event-stream, or GET …/control-room/status for the status once',
        );
      }
      const token = request.cookies[SESSION_COOKIE];
      // Written by hand, as Fastify lets a handler that hijacks the reply: no serializer, no
      // response schema's check, for an answer that never ends on its own.
      void reply.hijack();
      const stream = reply.raw;
      stream.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        'x-accel-buffering': 'no',
      });
      // The 200 at once: the client knows it is watching before the first status is ready.
      stream.flushHeaders();
      let ended = false;
      let lastWord = Date.now();
      let next: NodeJS.Timeout | undefined;
      const say = (text: string): void => {
        if (ended) return;
        lastWord = Date.now();
        stream.write(text);
      };
      const keepAlive = setInterval(() => {
        if (Date.now() - lastWord >= KEEP_ALIVE_MS) say(': keep-alive\n\n');
      }, KEEP_ALIVE_MS / 3);
      const end = (): void => {
        if (ended) return;
        ended = true;
        clearTimeout(next);
        clearInterval(keepAlive);
        watching.delete(end);
        stream.end();
      };
      watching.add(end);
      // The client went away (or the connection closed under it).
      stream.on('close', end);
      const tick = async (first: boolean): Promise<void> => {
        // The session is checked again before each status: one that expired or was signed out
        // ends the stream. (Each check counts as activity, as every staff request does.)
        try {
          if (!first && (await accounts.session(token, now())) === undefined) {
            say(event('session-ended', { reason: 'sign in again' }));
            end();
            return;
          }
          say(event('status', await sharedStatusOf(ingest)));
        } catch (e) {
          request.log.error(e, 'control room status failed');
          say(': keep-alive\n\n');
        }
        if (!ended) {
          next = setTimeout(() => {
            void tick(false);
          }, everyMs);
        }
      };
      void tick(true);
      return reply;
    },
  );
}
