// The ingest and staff plane's HTTP API (Fastify): result submissions, receipts with their
// inclusion proofs, checkpoints, and the OpenAPI description of it all. Every error has one
// shape: { error: { code, message, details } }.
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import {
  jsonSchemaTransform,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { throwIllegalValue } from '../core/result.js';
import { SignedSubmission } from '../core/submission.js';
import { isRejectionCode, type RejectionCode } from '../ingest/check.js';
import { provenReceipt } from '../ingest/checkpoints.js';
import type { ElectionIngest, SubmitOptions, SubmitOutcome } from '../ingest/ingest.js';
import { documented, ReceiptSchema } from '../ingest/receipt.js';
import type { Store } from '../store/store.js';
import { HeldBytes, RateLimiter, type Rate } from './client_limits.js';
import {
  answerClientError,
  codeOfStatus,
  errorBody,
  ErrorSchema,
  sendError,
  unknownElection,
  type ErrorBody,
} from './error_shape.js';
import { ElectionParams, type ElectionRegistry } from './elections.js';
import type { Signer } from '../log/note.js';
import { registerDefinitionRoutes } from './definition_routes.js';
import { registerControlRoomRoutes, type PublishMonitor } from './control_room_routes.js';
import { registerReporterPages } from './reporter_pages.js';
import { registerReporterRoutes } from './reporter_routes.js';
import { SubmissionRecords } from '../store/submission_records.js';
import { registerDeskRoutes } from './desk_routes.js';
import { registerEnrolmentRoutes } from './enrolment_routes.js';
import { registerEvidenceRoutes } from './evidence_routes.js';
import { registerContestStatusRoutes } from './contest_status_routes.js';
import { registerReleaseRoutes } from './release_routes.js';
import { registerStaffPages } from './staff_pages.js';
import { registerStaffAccountRoutes } from './staff_account_routes.js';
import { registerStaffRoutes } from './staff_routes.js';
import type { PasswordCost } from '../staff/credentials.js';
import { StaffAccounts } from '../staff/staff.js';

/** A submission with a thousand contests fits; a log entry holds at most 65,535 bytes. */
export const SUBMISSION_BODY_LIMIT = 48 * 1024;
/** Bodies up to this size are read and their rejection logged; larger ones are refused unread. */
const READ_LIMIT = 1024 * 1024;

/** What one client may cost; each has a default (README, "Limits"). */
export interface IngestLimits {
  /** The whole request, headers and body, must arrive within this. */
  readonly requestTimeoutMs: number;
  /** The headers must arrive within this. */
  readonly headersTimeoutMs: number;
  /** A connection on which nothing moves for this long is closed. */
  readonly idleTimeoutMs: number;
  /** Request bytes held at once for one remote address, and for all. */
  readonly heldBytesPerClient: number;
  readonly heldBytesTotal: number;
  /** Bodies no roster key signed that are logged, per remote address and in all. */
  readonly unsignedPerClient: Rate;
  readonly unsignedTotal: Rate;
}

export const DEFAULT_LIMITS: IngestLimits = {
  requestTimeoutMs: 60_000,
  headersTimeoutMs: 10_000,
  idleTimeoutMs: 30_000,
  heldBytesPerClient: 64 * 1024 * 1024,
  heldBytesTotal: 512 * 1024 * 1024,
  unsignedPerClient: { burst: 60, perSecond: 1 },
  unsignedTotal: { burst: 600, perSecond: 10 },
};

export interface IngestAppOptions {
  readonly store: Store;
  readonly elections: ElectionRegistry;
  readonly logger?: boolean;
  readonly limits?: Partial<IngestLimits>;
  /** Counts the request bytes held for clients (made here unless given: tests read it). */
  readonly held?: HeldBytes;
  /** Signs the paper tally sheets the results desk keys twice. */
  readonly deskSigner?: Signer;
  /** The enrolment key the election authority delegated the roster to. */
  readonly enrolmentSigner?: Signer;
  /**
   * Behind a reverse proxy that terminates TLS: take the client's address and protocol from
   * its X-Forwarded-For and X-Forwarded-Proto (limits count by the client, and session cookies
   * are Secure). Never without such a proxy: a client could claim any address.
   */
  readonly trustProxy?: boolean;
  /** The staff routes' clock (sessions, TOTP codes, lockouts): tests move it. */
  readonly now?: () => Date;
  /** Where the server tells of each version it publishes, for the control room. */
  readonly publishMonitor?: PublishMonitor;
  /** How often the control room's stream sends a status (STATUS_EVERY_MS; tests, less). */
  readonly controlRoomEveryMs?: number;
  /** scrypt's cost for staff passwords: OWASP's (PASSWORD_COST) unless tests make it cheaper. */
  readonly passwordCost?: PasswordCost;
}

/** At most this many submissions in one batch request. */
export const MAX_BATCH_SUBMISSIONS = 1000;
const BATCH_BODY_LIMIT = MAX_BATCH_SUBMISSIONS * SUBMISSION_BODY_LIMIT;

const mediaType = (header: string | undefined): string | undefined =>
  (header ?? '').split(';')[0]?.trim().toLowerCase();

function bodyOf(body: unknown): Uint8Array {
  const buffer = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.length);
}

/** The non-blank lines of an NDJSON body (LF or CRLF), as views into it. */
export function splitLines(body: Uint8Array): Uint8Array[] {
  const lines: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i <= body.length; i++) {
    if (i < body.length && body[i] !== 0x0a) continue;
    let end = i;
    if (end > start && body[end - 1] === 0x0d) end--;
    const line = body.subarray(start, end);
    if (line.some((b) => b !== 0x20 && b !== 0x09)) lines.push(line);
    start = i + 1;
  }
  return lines;
}

interface Answer {
  readonly status: number;
  readonly body: { readonly receipt: z.input<typeof ReceiptSchema> } | ErrorBody;
}

/** One submission, checked and durably logged: the HTTP status and body that answer it. */
/** A body too large to be a submission: answered without reading it further. */
function tooLarge(body: Uint8Array): Answer | undefined {
  if (body.length <= SUBMISSION_BODY_LIMIT) return undefined;
  return {
    status: 413,
    body: errorBody(
      'body_too_large',
      `a submission is at most ${SUBMISSION_BODY_LIMIT} bytes; this one has ${body.length}`,
    ),
  };
}

function answerOf(outcome: SubmitOutcome, retryAfter: () => number): Answer {
  if ('throttled' in outcome) {
    const seconds = retryAfter();
    return {
      status: 429,
      body: errorBody(
        'rate_limited',
        `this address has sent more bodies that no roster key signed than are logged (${outcome.throttled.code}: ${outcome.throttled.message}); it was not logged; try again in ${String(seconds)} s`,
        { refusal: outcome.throttled, retryAfterSeconds: seconds },
      ),
    };
  }
  const { receipt, resent } = outcome;
  if (receipt.status === 'rejected') {
    const error = receipt.error ?? { code: 'rejected', message: 'rejected' };
    return {
      status: isRejectionCode(error.code) ? rejectionStatus(error.code) : 422,
      body: errorBody(error.code, error.message, { receipt: documented(receipt) }),
    };
  }
  return { status: resent ? 200 : 201, body: { receipt: documented(receipt) } };
}

/** What answers a line whose outcome could not be recorded (a bug or the store: not the sender). */
const unrecorded: Answer = {
  status: 500,
  body: errorBody(
    'internal_error',
    'the server could not record this submission; nothing of it was kept; try again',
  ),
};

/** A batch's lines, logged in their order; each answered as if it had been posted alone. */
async function submitLines(
  ingest: ElectionIngest,
  lines: readonly Uint8Array[],
  options: SubmitOptions & {
    readonly retryAfter: () => number;
    readonly onError: (e: unknown) => void;
  },
): Promise<Answer[]> {
  const fitting = lines.filter((line) => tooLarge(line) === undefined);
  const outcomes = (await Promise.allSettled(ingest.submitEach(fitting, options))).values();
  return lines.map((line) => {
    const tooBig = tooLarge(line);
    if (tooBig !== undefined) return tooBig;
    const settled = outcomes.next().value as PromiseSettledResult<SubmitOutcome>;
    if (settled.status === 'fulfilled') return answerOf(settled.value, options.retryAfter);
    options.onError(settled.reason);
    return unrecorded;
  });
}

/** HTTP status for each rejection: the request was understood but its content is refused. */
function rejectionStatus(code: RejectionCode): number {
  switch (code) {
    case 'malformed_json':
    case 'duplicate_key':
    case 'malformed_submission':
      return 400;
    case 'unknown_key':
    case 'revoked_key':
    case 'key_not_for_unit':
    case 'bad_signature':
      return 403;
    case 'replayed_sequence':
    case 'sequence_too_far':
    case 'amendment_without_reason':
      return 409;
    case 'submission_too_large':
      return 413;
    case 'wrong_election':
    case 'unknown_unit':
    case 'not_reporting_unit':
    case 'unknown_vote_type':
    case 'unknown_contest':
    case 'contest_not_on_ballot':
    case 'duplicate_contest':
    case 'unknown_choice':
    case 'impossible_counts':
    case 'desk_keying':
    case 'invalid_caucus_report':
      return 422;
    default:
      return throwIllegalValue(code);
  }
}

/** A failure while a body is read: its status and code travel to the error handler. */
class BodyRefused extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export async function buildIngestApp(options: IngestAppOptions): Promise<FastifyInstance> {
  const { store, elections } = options;
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const held = options.held ?? new HeldBytes(limits.heldBytesPerClient, limits.heldBytesTotal);
  const unsigned = new RateLimiter(limits.unsignedPerClient, limits.unsignedTotal);
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: options.trustProxy ?? false,
    bodyLimit: READ_LIMIT,
    requestTimeout: limits.requestTimeoutMs,
    connectionTimeout: limits.idleTimeoutMs,
    keepAliveTimeout: 10_000,
    // Node checks the request and headers timeouts this often (30 s by default).
    http: { headersTimeout: limits.headersTimeoutMs, connectionsCheckingInterval: 1_000 },
    clientErrorHandler: answerClientError,
    frameworkErrors: (error, _request, reply) => {
      const status = error.statusCode ?? 400;
      void sendError(
        reply,
        status,
        error.code === 'FST_ERR_BAD_URL' ? 'bad_url' : codeOfStatus(status),
        error.message,
      );
    },
  });

  // The route schemas are zod's: they validate parameters here and become the OpenAPI
  // description. A body is bytes until Tally's strict JSON reads it (a key twice, a lone
  // surrogate), and the same zod schema then parses it in check.ts. Answers are built from
  // typed values and written as they are.
  app.setValidatorCompiler((route) =>
    route.httpPart === 'body'
      ? (data: unknown) => ({ value: data })
      : validatorCompiler(route as Parameters<typeof validatorCompiler>[0]),
  );
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  app.removeAllContentTypeParsers();
  // The body is read here, not by Fastify: each byte held is counted against its sender's share
  // and the server's, and let go when the answer is sent or the connection closes, finished or
  // not.
  const releases = new WeakMap<FastifyRequest, () => void>();
  app.addContentTypeParser('*', (request, payload, done) => {
    const client = request.ip;
    const limit = request.routeOptions.bodyLimit;
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const release = (): void => {
      held.release(client, size);
      size = 0;
      chunks.length = 0;
    };
    releases.set(request, release);
    const fail = (error: BodyRefused): void => {
      if (settled) return;
      settled = true;
      release();
      payload.removeListener('data', onData);
      payload.resume();
      done(error, undefined);
    };
    const tooLarge = (): BodyRefused =>
      new BodyRefused(
        413,
        'body_too_large',
        `bodies over ${String(limit)} bytes are refused unread`,
      );
    const onData = (chunk: Buffer): void => {
      if (size + chunk.length > limit) {
        fail(tooLarge());
      } else if (!held.hold(client, chunk.length)) {
        fail(
          new BodyRefused(
            429,
            'too_many_bytes_held',
            'the server holds as many request bytes for this address (or in all) as it will; send when earlier requests are answered',
          ),
        );
      } else {
        size += chunk.length;
        chunks.push(chunk);
      }
    };
    if (Number(request.headers['content-length'] ?? 0) > limit) {
      fail(tooLarge());
      return;
    }
    payload.on('data', onData);
    payload.on('end', () => {
      if (settled) return;
      settled = true;
      const body = Buffer.concat(chunks, size);
      chunks.length = 0;
      done(null, body);
    });
    // A connection that closes before the body is whole: nothing of it is kept.
    payload.on('close', () => {
      if (!settled) fail(new BodyRefused(400, 'body_incomplete', 'the body did not arrive whole'));
    });
    payload.on('error', () => {
      fail(new BodyRefused(400, 'body_incomplete', 'the body did not arrive whole'));
    });
  });
  const releaseBody = (request: FastifyRequest): void => {
    releases.get(request)?.();
    releases.delete(request);
  };
  app.addHook('onResponse', (request, _reply, next) => {
    releaseBody(request);
    next();
  });
  app.addHook('onRequestAbort', (request, next) => {
    releaseBody(request);
    next();
  });

  await app.register(swagger, {
    transform: jsonSchemaTransform,
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Tally ingest API',
        version: '1',
        description:
          'Signed result submissions, receipts and checkpoints. Every error is { error: { code, message, details } }.',
      },
    },
  });

  app.setErrorHandler(
    (
      error: {
        statusCode?: number;
        code?: string;
        message: string;
        validation?: readonly { instancePath: string; message?: string }[];
      },
      _request,
      reply,
    ) => {
      const status = error.statusCode ?? 500;
      if (error.validation !== undefined) {
        return sendError(reply, 400, 'invalid_request', error.message, {
          issues: error.validation.map((i) => ({ path: i.instancePath, message: i.message })),
        });
      }
      if (error instanceof BodyRefused) {
        // The rest of the body is not read: the connection closes once this is sent.
        void reply.header('connection', 'close');
        return sendError(reply, status, error.code, error.message);
      }
      if (status >= 500) {
        app.log.error(error);
        return sendError(
          reply,
          500,
          'internal_error',
          'the server could not record this request; nothing of it was kept; try again',
        );
      }
      return sendError(reply, status, codeOfStatus(status), error.message);
    },
  );
  app.setNotFoundHandler((request, reply) =>
    sendError(reply, 404, 'not_found', `no route ${request.method} ${request.url.slice(0, 200)}`),
  );

  const submitOptions = (
    request: FastifyRequest,
  ): SubmitOptions & { retryAfter: () => number; onError: (e: unknown) => void } => ({
    mayLogUnsigned: () => unsigned.take(request.ip),
    sender: request.ip,
    retryAfter: () => unsigned.retryAfter(request.ip),
    onError: (e: unknown) => {
      app.log.error(e, 'a submission could not be recorded');
    },
  });

  const accounts = new StaffAccounts(store, options.passwordCost);
  await registerStaffRoutes(app, {
    accounts,
    store,
    elections,
    ...(options.now === undefined ? {} : { now: options.now }),
  });
  registerStaffAccountRoutes(app, {
    accounts,
    store,
    ...(options.now === undefined ? {} : { now: options.now }),
  });
  registerDeskRoutes(app, {
    accounts,
    store,
    elections,
    ...(options.deskSigner === undefined ? {} : { deskSigner: options.deskSigner }),
    ...(options.now === undefined ? {} : { now: options.now }),
  });
  registerEnrolmentRoutes(app, {
    accounts,
    store,
    elections,
    ...(options.enrolmentSigner === undefined ? {} : { enrolmentSigner: options.enrolmentSigner }),
    ...(options.now === undefined ? {} : { now: options.now }),
  });
  registerEvidenceRoutes(app, {
    accounts,
    store,
    elections,
    ...(options.now === undefined ? {} : { now: options.now }),
  });
  registerReleaseRoutes(app, {
    accounts,
    elections,
    ...(options.now === undefined ? {} : { now: options.now }),
  });
  registerContestStatusRoutes(app, {
    accounts,
    elections,
    ...(options.now === undefined ? {} : { now: options.now }),
  });
  registerDefinitionRoutes(app, {
    accounts,
    elections,
    ...(options.now === undefined ? {} : { now: options.now }),
  });
  registerControlRoomRoutes(app, {
    accounts,
    store,
    elections,
    ...(options.publishMonitor === undefined ? {} : { publishMonitor: options.publishMonitor }),
    ...(options.now === undefined ? {} : { now: options.now }),
    ...(options.controlRoomEveryMs === undefined ? {} : { everyMs: options.controlRoomEveryMs }),
  });
  registerStaffPages(app);
  // The precinct reporter app (/report/) and the public routes it calls.
  registerReporterPages(app);
  registerReporterRoutes(app, { store, elections });

  app.get('/healthz', { schema: { hide: true } }, () => ({ ok: true }));

  app.get('/openapi.json', { schema: { hide: true } }, () => app.swagger());

  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/v1/elections/:election/submissions',
    {
      schema: {
        description:
          'Submit signed results for one reporting unit and vote type. Accepted and held submissions answer 201 with a receipt (200 for an identical re-send, with the first receipt); rejections are logged too and answer 4xx with the receipt in error.details.receipt.',
        params: ElectionParams,
        // Read by strict JSON, then this schema, in check.ts (see the validator above).
        body: SignedSubmission,
        response: {
          200: z.object({ receipt: ReceiptSchema }),
          201: z.object({ receipt: ReceiptSchema }),
          '4xx': ErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const ingest = await elections.get(request.params.election);
      if (ingest === undefined) return unknownElection(reply, request.params.election);
      if (mediaType(request.headers['content-type']) !== 'application/json') {
        return sendError(reply, 415, 'unsupported_media_type', 'submissions are application/json');
      }
      const [answer] = await submitLines(ingest, [bodyOf(request.body)], submitOptions(request));
      if (answer === undefined) throw new Error('no answer');
      if (answer.status === 429)
        void reply.header('retry-after', String(unsigned.retryAfter(request.ip)));
      return reply.code(answer.status).type('application/json').send(answer.body);
    },
  );

  api.post(
    '/v1/elections/:election/submission-batches',
    {
      bodyLimit: BATCH_BODY_LIMIT,
      schema: {
        description: `Submit up to ${MAX_BATCH_SUBMISSIONS} signed submissions at once, as NDJSON (application/x-ndjson): one signed submission per line, as a county tabulation system exports its precincts. Each line is checked, logged and answered exactly as if it had been posted alone; the reply (200, once every line's outcome is durable) lists per line, in order, the HTTP status and the body it would have had.`,
        params: ElectionParams,
        response: {
          200: z.object({
            results: z.array(
              z.object({
                status: z.int(),
                receipt: ReceiptSchema.optional(),
                error: ErrorSchema.shape.error.optional(),
              }),
            ),
          }),
          '4xx': ErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const ingest = await elections.get(request.params.election);
      if (ingest === undefined) return unknownElection(reply, request.params.election);
      if (mediaType(request.headers['content-type']) !== 'application/x-ndjson') {
        return sendError(
          reply,
          415,
          'unsupported_media_type',
          'a batch is application/x-ndjson: one signed submission per line',
        );
      }
      const lines = splitLines(bodyOf(request.body));
      if (lines.length === 0) return sendError(reply, 400, 'empty_batch', 'the batch has no lines');
      if (lines.length > MAX_BATCH_SUBMISSIONS) {
        return sendError(
          reply,
          413,
          'batch_too_large',
          `a batch holds at most ${MAX_BATCH_SUBMISSIONS} submissions; this one has ${lines.length}`,
        );
      }
      const answers = await submitLines(ingest, lines, submitOptions(request));
      return {
        results: answers.map((a) => ({ status: a.status, ...a.body })),
      };
    },
  );

  api.get(
    '/v1/elections/:election/receipts/:leaf',
    {
      schema: {
        description:
          "A receipt by leaf index, with the newest signed checkpoint that covers it and the inclusion proof (absent until a checkpoint covers the entry, within a second). For a submission held for review and decided since, `review` says how (accepted: it counts; rejected: it never does) and the review's entry; the receipt itself stays what the log recorded at its entry.",
        params: ElectionParams.extend({
          leaf: z.string().regex(/^(0|[1-9][0-9]{0,14})$/, 'a leaf index is a whole number'),
        }),
      },
    },
    async (request, reply) => {
      const ingest = await elections.get(request.params.election);
      if (ingest === undefined) return unknownElection(reply, request.params.election);
      const leaf = Number(request.params.leaf);
      const proven = await provenReceipt(ingest.ledger, leaf);
      if (!proven.ok) return sendError(reply, 404, proven.error.code, proven.error.message);
      if (proven.value.receipt.status !== 'held') return proven.value;
      const row = await new SubmissionRecords(store.db, ingest.id).atLeaf(leaf);
      return row?.decidedLeaf === undefined || row.status === 'held'
        ? proven.value
        : { ...proven.value, review: { status: row.status, entry: row.decidedLeaf } };
    },
  );

  api.get(
    '/v1/elections/:election/checkpoint',
    {
      schema: {
        description: "The log's newest signed checkpoint (C2SP tlog-checkpoint).",
        params: ElectionParams,
      },
    },
    async (request, reply) => {
      const ingest = await elections.get(request.params.election);
      if (ingest === undefined) return unknownElection(reply, request.params.election);
      const checkpoint = await ingest.ledger.latestCheckpoint();
      if (checkpoint === undefined)
        return sendError(reply, 404, 'no_checkpoint', 'no checkpoint yet');
      return reply.type('text/plain; charset=utf-8').send(checkpoint.note);
    },
  );

  return app;
}
