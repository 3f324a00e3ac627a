// Keys and enrolment in the API: admins certify and revoke unit keys, and make one-time
// enrolment codes, with the server's enrolment key (the authority delegated the roster to it);
// a reporting device registers the key it made with a code, sent as its bearer credential. The
// roster as it stands is read back for the staff application's Keys screen.
// Who may call each staff route is ROUTE_ROLES's (staff_session.ts).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Id } from '../core/election.js';
import { Enrolment, type EnrolmentProblem } from '../ingest/enrolment.js';
import { listRoster, ROSTER_LISTING_LIMIT } from '../ingest/roster.js';
import type { Signer } from '../log/note.js';
import type { StaffAccounts } from '../staff/staff.js';
import type { Store } from '../store/store.js';
import { RateLimiter } from './client_limits.js';
import { ErrorSchema, sendError, unknownElection } from './error_shape.js';
import { ElectionParams, type ElectionRegistry } from './elections.js';
import { bodyAs, rolesSentence, staffGate } from './staff_session.js';

export interface EnrolmentRoutesOptions {
  /** The staff accounts, whose sessions the routes check (one for the whole server). */
  readonly accounts: StaffAccounts;
  readonly store: Store;
  readonly elections: ElectionRegistry;
  /** The key the election authority delegated the roster to; none, and changes say so. */
  readonly enrolmentSigner?: Signer;
  readonly now?: () => Date;
}

/** Enrolments per remote address (a burst, then one a minute): codes are not to be guessed. */
const ENROL_RATE = { burst: 10, perSecond: 1 / 60 };
const ENROL_OVERALL = { burst: 500, perSecond: 20 };

const VerifierKey = z.string().min(1).max(1000);
const CertifyBody = z.strictObject({ unit: Id, key: VerifierKey });
const RevokeBody = z.strictObject({ key: VerifierKey });
const CodeBody = z.strictObject({ unit: Id });
const EnrolBody = z.strictObject({ key: VerifierKey });
const Changed = z.object({ entry: z.int(), ref: z.string(), unit: z.string() });
const KeysQuery = z.object({ unit: Id.optional() });
const RosterStep = z.object({
  entry: z.int(),
  time: z.string(),
  signedBy: z.discriminatedUnion('type', [
    z.object({ type: z.literal('authority'), signer: z.string() }),
    z.object({ type: z.literal('delegation'), signer: z.string(), delegation: z.int() }),
  ]),
  by: z.string().optional(),
});
const RosterKey = z.object({
  ref: z.string(),
  key: z.string(),
  unit: z.string(),
  state: z.enum(['active', 'revoked']),
  certified: RosterStep,
  revoked: RosterStep.optional(),
  enrolment: z.object({ codeBy: z.string(), codeMadeAt: z.string() }).optional(),
});

/** A key that does not parse or a unit that does not exist is the request's fault (400); a code
 * that does not hold is no credential (401); anything else the roster refuses as it stands (409). */
const statusOf = (code: EnrolmentProblem['code']): 400 | 401 | 409 =>
  code === 'malformed_key' || code === 'unknown_unit' ? 400 : code === 'invalid_code' ? 401 : 409;

const refuse = (reply: FastifyReply, error: EnrolmentProblem): FastifyReply =>
  sendError(reply, statusOf(error.code), error.code, error.message);

/** The bearer credential of a request: an enrolment code. */
function bearer(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization ?? '';
  const match = /^Bearer\s+(\S{1,64})$/i.exec(header);
  return match?.[1];
}

export function registerEnrolmentRoutes(
  app: FastifyInstance,
  options: EnrolmentRoutesOptions,
): void {
  const { store, elections } = options;
  const now = options.now ?? (() => new Date());
  const { allowRoute } = staffGate(options.accounts, now);
  const attempts = new RateLimiter(ENROL_RATE, ENROL_OVERALL, () => now().getTime());
  const api = app.withTypeProvider<ZodTypeProvider>();
  const enrolmentOf = async (id: string): Promise<Enrolment | undefined> => {
    const ingest = await elections.get(id);
    return ingest === undefined
      ? undefined
      : new Enrolment(store, ingest.election, ingest.ledger, options.enrolmentSigner, now);
  };

  api.get(
    '/staff/elections/:election/keys',
    {
      schema: {
        description: `The key roster as it stands now, newest first, ${String(ROSTER_LISTING_LIMIT)} at most (total says how many there are): the keys of one unit (?unit=), or of all. Each key is active or revoked, with the log entries that certified and revoked it, each statement's time and who signed it (the authority, or an enrolment key under the delegation at entry delegation), and, when a device enrolled it with a code, which staff member made the code. ${rolesSentence('GET /staff/elections/{election}/keys')}`,
        tags: ['staff'],
        params: ElectionParams,
        querystring: KeysQuery,
        response: {
          200: z.object({ total: z.int(), keys: z.array(RosterKey) }),
          '4xx': ErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const session = await allowRoute(request, reply, 'GET /staff/elections/{election}/keys');
      if (session === undefined) return reply;
      const ingest = await elections.get(request.params.election);
      if (ingest === undefined) return unknownElection(reply, request.params.election);
      const { unit } = request.query;
      if (unit !== undefined && !ingest.election.units.has(unit))
        return sendError(reply, 400, 'unknown_unit', `unknown unit "${unit}"`);
      const roster = await listRoster(
        store,
        ingest.election.definition.id,
        unit === undefined ? {} : { unit },
      );
      return reply.send({
        total: roster.total,
        keys: roster.keys.map(({ verifierKey, ...k }) => ({
          ...k,
          key: verifierKey,
          state: k.revoked === undefined ? ('active' as const) : ('revoked' as const),
        })),
      });
    },
  );

  api.post(
    '/staff/elections/:election/keys',
    {
      schema: {
        description: `Certifies a unit's key ({ unit, key }: a verifier key the device or office made), signed by the server's enrolment key as the authority's delegation allows: a roster statement in the log. 409 no_enrolment_key, key_exists, delegation_scope, delegation_expired. ${rolesSentence('POST /staff/elections/{election}/keys')}`,
        tags: ['staff'],
        params: ElectionParams,
        body: CertifyBody,
        response: { 201: Changed, '4xx': ErrorSchema },
      },
    },
    async (request, reply) => {
      const session = await allowRoute(request, reply, 'POST /staff/elections/{election}/keys');
      if (session === undefined) return reply;
      const enrolment = await enrolmentOf(request.params.election);
      if (enrolment === undefined) return unknownElection(reply, request.params.election);
      const body = bodyAs(CertifyBody, request, reply);
      if (body === undefined) return reply;
      const changed = await enrolment.change({
        action: 'certify',
        unit: body.unit,
        key: body.key,
        by: session.name,
      });
      if (!changed.ok) return refuse(reply, changed.error);
      const { leafIndex, ref, unit } = changed.value;
      return reply.code(201).send({ entry: leafIndex, ref, unit });
    },
  );

  api.post(
    '/staff/elections/:election/keys/revoke',
    {
      schema: {
        description: `Revokes a unit's key ({ key }), signed by the server's enrolment key: submissions it signs are rejected from this log entry on. ${rolesSentence('POST /staff/elections/{election}/keys/revoke')}`,
        tags: ['staff'],
        params: ElectionParams,
        body: RevokeBody,
        response: { 201: Changed, '4xx': ErrorSchema },
      },
    },
    async (request, reply) => {
      const session = await allowRoute(
        request,
        reply,
        'POST /staff/elections/{election}/keys/revoke',
      );
      if (session === undefined) return reply;
      const enrolment = await enrolmentOf(request.params.election);
      if (enrolment === undefined) return unknownElection(reply, request.params.election);
      const body = bodyAs(RevokeBody, request, reply);
      if (body === undefined) return reply;
      const changed = await enrolment.change({ action: 'revoke', key: body.key, by: session.name });
      if (!changed.ok) return refuse(reply, changed.error);
      const { leafIndex, ref, unit } = changed.value;
      return reply.code(201).send({ entry: leafIndex, ref, unit });
    },
  );

  api.post(
    '/staff/elections/:election/enrolment-codes',
    {
      schema: {
        description: `Makes a one-time enrolment code for a device of a unit ({ unit }), shown this once (only its hash is kept): good for one enrolment within 24 hours. The device sends it as its bearer credential to POST /v1/elections/{election}/enrolments with the key it made. ${rolesSentence('POST /staff/elections/{election}/enrolment-codes')}`,
        tags: ['staff'],
        params: ElectionParams,
        body: CodeBody,
        response: {
          201: z.object({
            code: z.string(),
            unit: z.string(),
            expiresAt: z.string(),
            enrolPath: z.string(),
          }),
          '4xx': ErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const session = await allowRoute(
        request,
        reply,
        'POST /staff/elections/{election}/enrolment-codes',
      );
      if (session === undefined) return reply;
      const enrolment = await enrolmentOf(request.params.election);
      if (enrolment === undefined) return unknownElection(reply, request.params.election);
      const body = bodyAs(CodeBody, request, reply);
      if (body === undefined) return reply;
      const issued = await enrolment.issueCode(body.unit, session.name);
      if (!issued.ok) return refuse(reply, issued.error);
      return reply.code(201).send({
        ...issued.value,
        enrolPath: `/v1/elections/${request.params.election}/enrolments`,
      });
    },
  );

  api.post(
    '/v1/elections/:election/enrolments',
    {
      // Without a code it is 401 before anything else is read, the path's election included.
      onRequest: async (request, reply) => {
        if (bearer(request) !== undefined) return undefined;
        void reply.header('www-authenticate', 'Bearer');
        return sendError(
          reply,
          401,
          'enrolment_code_required',
          'send the enrolment code the election office gave you: Authorization: Bearer <code>',
        );
      },
      schema: {
        description:
          "A reporting device registers the key it made ({ key }: its verifier key), with a one-time enrolment code the election office gave it as its credential (Authorization: Bearer <code>). The key is certified for the code's unit, a roster statement in the log signed by the server's enrolment key. 401 without a code, or with one that is unknown, used or expired; ten tries per address, then one a minute.",
        params: ElectionParams,
        body: EnrolBody,
        response: { 201: Changed, '4xx': ErrorSchema },
      },
    },
    async (request, reply) => {
      // The onRequest hook answered a request without one.
      const code = bearer(request) ?? '';
      if (!attempts.take(request.ip)) {
        void reply.header('retry-after', String(attempts.retryAfter(request.ip)));
        return sendError(reply, 429, 'rate_limited', 'too many enrolments from this address');
      }
      const enrolment = await enrolmentOf(request.params.election);
      if (enrolment === undefined) return unknownElection(reply, request.params.election);
      const body = bodyAs(EnrolBody, request, reply);
      if (body === undefined) return reply;
      const changed = await enrolment.enrol(code, body.key);
      if (!changed.ok) return refuse(reply, changed.error);
      const { leafIndex, ref, unit } = changed.value;
      return reply.code(201).send({ entry: leafIndex, ref, unit });
    },
  );
}
