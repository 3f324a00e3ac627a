// The staff API on the ingest/staff plane: sign-in with a password and a second factor, the
// session, and the review desk's queue and decisions. Every route but sign-in needs a session
// (401 without one) and names the roles it lets in (403 for the others); every route that
// changes something also needs the session's CSRF token in the x-csrf-token header (403
// without it). The session cookie is HttpOnly and SameSite=Strict, and Secure over TLS.
import cookie from '@fastify/cookie';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Id } from '../core/election.js';
import { MAX_REVIEW_REASON } from '../core/log_entry.js';
import { Submission } from '../core/submission.js';
import { listElections } from '../ingest/elections.js';
import { ROLES } from '../staff/credentials.js';
import type { StaffAccounts } from '../staff/staff.js';
import { ABSOLUTE_TIMEOUT_MS } from '../staff/staff.js';
import type { Store } from '../store/store.js';
import { RateLimiter } from './client_limits.js';
import { ErrorSchema, sendError, unknownElection } from './error_shape.js';
import { ElectionParams, type ElectionRegistry } from './elections.js';
import {
  guardStaffRoutes,
  bodyAs,
  READERS,
  REVIEWERS,
  SESSION_COOKIE,
  sessionCookieOptions,
  staffGate,
} from './staff_session.js';

export { SESSION_COOKIE } from './staff_session.js';

/** Sign-in attempts per remote address (a burst, then one a minute), besides each account's lockout. */
const SIGN_IN_RATE = { burst: 10, perSecond: 1 / 60 };
const SIGN_IN_OVERALL = { burst: 200, perSecond: 5 };

const SessionSchema = z.object({
  name: z.string(),
  role: z.enum(ROLES),
  csrfToken: z.string(),
});
const SignInBody = z.strictObject({
  name: z.string().max(64),
  password: z.string().max(1024),
  /** A TOTP code, or a recovery code. */
  code: z.string().max(32),
});
const ReviewBody = z.strictObject({
  entry: z.int().min(0),
  decision: z.enum(['accept', 'reject']),
  reason: z.string().max(MAX_REVIEW_REASON),
});
const HeldSchema = z.object({
  entry: z.int(),
  unit: z.string(),
  voteType: z.string(),
  /** The key that signed it. */
  source: z.string(),
  kind: z.enum(['original', 'amendment', 'corroboration', 'conflict']),
  /** Why the rules held it, besides a conflict. */
  warnings: z.array(z.object({ code: z.string(), message: z.string() })),
  submission: Submission,
  /** Whether two reviewers must accept it: it broke a rule and the election asks for two. */
  needsTwoReviewers: z.boolean(),
  /** Who has approved it so far, waiting for a second reviewer. */
  approvals: z.array(z.string()),
  /** What the unit counts now for that vote type, beside which to weigh it. */
  counted: z.object({ entry: z.int(), source: z.string(), submission: Submission }).optional(),
});

export interface StaffRoutesOptions {
  /** The staff accounts, whose sessions the routes check (one for the whole server). */
  readonly accounts: StaffAccounts;
  readonly store: Store;
  readonly elections: ElectionRegistry;
  readonly now?: () => Date;
}

export async function registerStaffRoutes(
  app: FastifyInstance,
  options: StaffRoutesOptions,
): Promise<void> {
  const { store, elections } = options;
  const now = options.now ?? (() => new Date());
  const accounts = options.accounts;
  const attempts = new RateLimiter(SIGN_IN_RATE, SIGN_IN_OVERALL, () => now().getTime());
  await app.register(cookie);
  // After the cookie parser: the gate reads the session cookie.
  guardStaffRoutes(app, accounts, now);
  const api = app.withTypeProvider<ZodTypeProvider>();

  // Who may call each route: ROUTE_ROLES (staff_session.ts) names the same roles.
  const { allow } = staffGate(accounts, now);
  const cookieOptions = sessionCookieOptions;

  api.post(
    '/staff/sign-in',
    {
      schema: {
        description:
          'Signs a staff member in with their name, password and second factor (a TOTP code, or a one-time recovery code). Sets the session cookie and answers the session, with the CSRF token every change must send in the x-csrf-token header. Every failure answers the same 401; five in a row lock the account for 15 minutes.',
        tags: ['staff'],
        body: SignInBody,
        response: { 200: SessionSchema, '4xx': ErrorSchema },
      },
    },
    async (request, reply) => {
      if (!attempts.take(request.ip)) {
        void reply.header('retry-after', String(attempts.retryAfter(request.ip)));
        return sendError(
          reply,
          429,
          'rate_limited',
          'too many sign-in attempts from this address; wait a minute',
        );
      }
      const body = bodyAs(SignInBody, request, reply);
      if (body === undefined) return reply;
      const signedIn = await accounts.signIn(body, now());
      if (!signedIn.ok) return sendError(reply, 401, signedIn.error.code, signedIn.error.message);
      // The session the client had before, if any, ends: the new one replaces it (fixation).
      const previous = request.cookies[SESSION_COOKIE];
      if (previous !== undefined) await accounts.signOut(previous);
      void reply.setCookie(SESSION_COOKIE, signedIn.value.token, {
        ...cookieOptions(request),
        maxAge: ABSOLUTE_TIMEOUT_MS / 1000,
      });
      return reply.code(200).send(signedIn.value.session);
    },
  );

  api.get(
    '/staff/session',
    {
      schema: {
        description: `The signed-in staff member and the session's CSRF token. Roles: ${READERS.join(', ')}.`,
        tags: ['staff'],
        response: { 200: SessionSchema, '4xx': ErrorSchema },
      },
    },
    async (request, reply) => {
      const session = await allow(request, reply, READERS, false);
      return session === undefined ? reply : reply.send(session);
    },
  );

  api.post(
    '/staff/sign-out',
    {
      schema: {
        description: `Ends the session. Roles: ${READERS.join(', ')}; needs the CSRF token.`,
        tags: ['staff'],
        response: { 204: z.null(), '4xx': ErrorSchema },
      },
    },
    async (request, reply) => {
      const session = await allow(request, reply, READERS, true);
      if (session === undefined) return reply;
      await accounts.signOut(request.cookies[SESSION_COOKIE] ?? '');
      void reply.clearCookie(SESSION_COOKIE, cookieOptions(request));
      return reply.code(204).send(null);
    },
  );

  api.get(
    '/staff/elections',
    {
      schema: {
        description: `The elections this server records. Roles: ${READERS.join(', ')}.`,
        tags: ['staff'],
        response: { 200: z.object({ elections: z.array(Id) }), '4xx': ErrorSchema },
      },
    },
    async (request, reply) => {
      const session = await allow(request, reply, READERS, false);
      return session === undefined ? reply : reply.send({ elections: await listElections(store) });
    },
  );

  api.get(
    '/staff/elections/:election/held',
    {
      schema: {
        description: `The review queue: the election's submissions held for review and not yet decided, oldest first, each with why it is held, its numbers, and what its unit counts now for that vote type. Roles: ${READERS.join(', ')}.`,
        tags: ['staff'],
        params: ElectionParams,
        response: { 200: z.object({ held: z.array(HeldSchema) }), '4xx': ErrorSchema },
      },
    },
    async (request, reply) => {
      const session = await allow(request, reply, READERS, false);
      if (session === undefined) return reply;
      const ingest = await elections.get(request.params.election);
      if (ingest === undefined) return unknownElection(reply, request.params.election);
      const held = await ingest.reviewQueue();
      return reply.send({
        held: held.map((h) => ({
          ...h,
          unit: h.submission.unit,
          voteType: h.submission.voteType,
          warnings: [...h.warnings],
          approvals: [...h.approvals],
        })),
      });
    },
  );

  api.post(
    '/staff/elections/:election/reviews',
    {
      schema: {
        description: `Decides a held submission: accept (it counts from this decision on) or reject (it never counts), with the reason. The decision is a log entry naming the reviewer and their reason (public, as the whole log is); the next version's numbers show it, and tally verify replays it. Where the election needs two reviewers to accept a submission that broke a rule, the first approval answers 202 awaiting_second (nothing is logged yet) and a second reviewer's acceptance logs one entry naming both. Roles: ${REVIEWERS.join(', ')}; needs the CSRF token. 409 not_held, already_decided or already_approved when the rules refuse it (nothing is logged).`,
        tags: ['staff'],
        params: ElectionParams,
        body: ReviewBody,
        response: {
          201: z.object({ entry: z.int() }),
          202: z.object({ awaiting: z.literal('second_reviewer'), approvals: z.array(z.string()) }),
          '4xx': ErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const session = await allow(request, reply, REVIEWERS, true);
      if (session === undefined) return reply;
      const ingest = await elections.get(request.params.election);
      if (ingest === undefined) return unknownElection(reply, request.params.election);
      const body = bodyAs(ReviewBody, request, reply);
      if (body === undefined) return reply;
      const reviewed = await ingest.review({ ...body, reviewer: session.name });
      if (!reviewed.ok) {
        const status = reviewed.error.code === 'invalid_review' ? 400 : 409;
        return sendError(reply, status, reviewed.error.code, reviewed.error.message);
      }
      const outcome = reviewed.value;
      return outcome.type === 'logged'
        ? reply.code(201).send({ entry: outcome.leafIndex })
        : reply.code(202).send({ awaiting: 'second_reviewer', approvals: [...outcome.approvals] });
    },
  );
}
