// What every staff route shares: who may call it (one table, which the routes, their OpenAPI
// descriptions and the security tests all read), the session cookie, the check that lets a
// request in (401 without a session, 403 for another role or a change without the session's
// CSRF token), and the JSON body a staff request must have.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { issuePath } from '../core/election.js';
import { EVIDENCE_TYPES } from '../core/evidence.js';
import { parseStrictJson } from '../ingest/strict_json.js';
import { ROLES, type Role } from '../staff/credentials.js';
import { ABSOLUTE_TIMEOUT_MS, type Session, type StaffAccounts } from '../staff/staff.js';
import { sendError } from './error_shape.js';

export const SESSION_COOKIE = 'tally_staff';
export const CSRF_HEADER = 'x-csrf-token';

/** Everyone signed in. */
export const READERS: readonly Role[] = ROLES;
export const REVIEWERS: readonly Role[] = ['admin', 'reviewer'];
export const ADMINS: readonly Role[] = ['admin'];
/** Who keys paper tally sheets at the results desk. */
export const DESK: readonly Role[] = ['admin', 'desk'];
/** Who may see the numbers of both entries of a sheet: not desk operators, who key blind. */
export const DESK_OVERSIGHT: readonly Role[] = ['admin', 'reviewer', 'auditor', 'observer'];
/** Who may read the record of changes to staff accounts. */
export const AUDITORS: readonly Role[] = ['admin', 'auditor'];
/** Who may read the key roster (public in the log anyway): not those keying or deciding results. */
export const ROSTER_READERS: readonly Role[] = ['admin', 'auditor', 'observer'];

/** A route anyone may call without a session: submitting, receipts, checkpoints, sign-in. */
export const ANYONE = 'anyone';

/**
 * Who may call each route of the ingest/staff listener, by its method and OpenAPI path. A route
 * missing here fails the security tests, which call every route the OpenAPI description lists
 * as every role.
 */
export const ROUTE_ROLES = {
  'POST /staff/sign-in': ANYONE,
  'POST /v1/elections/{election}/submissions': ANYONE,
  'POST /v1/elections/{election}/submission-batches': ANYONE,
  'GET /v1/elections/{election}/receipts/{leaf}': ANYONE,
  'GET /v1/elections/{election}/checkpoint': ANYONE,
  'GET /staff/session': READERS,
  'POST /staff/sign-out': READERS,
  'GET /staff/elections': READERS,
  'GET /staff/elections/{election}/held': READERS,
  'GET /staff/elections/{election}/definition': READERS,
  'POST /staff/elections/{election}/reviews': REVIEWERS,
  'GET /staff/members': ADMINS,
  'POST /staff/members': ADMINS,
  'POST /staff/members/{name}/disable': ADMINS,
  'POST /staff/members/{name}/enable': ADMINS,
  'POST /staff/members/{name}/reset': ADMINS,
  'POST /staff/password': READERS,
  'GET /staff/events': AUDITORS,
  'POST /staff/elections/{election}/desk/check': DESK,
  'POST /staff/elections/{election}/desk/sheets': DESK,
  'GET /staff/elections/{election}/desk/awaiting': READERS,
  'GET /staff/elections/{election}/desk/mismatches': DESK_OVERSIGHT,
  'POST /staff/elections/{election}/desk/resolutions': REVIEWERS,
  'GET /staff/elections/{election}/release': READERS,
  'GET /staff/elections/{election}/keys': ROSTER_READERS,
  'POST /staff/elections/{election}/keys': ADMINS,
  'POST /staff/elections/{election}/keys/revoke': ADMINS,
  'POST /staff/elections/{election}/enrolment-codes': ADMINS,
  'POST /staff/elections/{election}/evidence': DESK,
  'GET /staff/elections/{election}/evidence/{sha256}': READERS,
  // A device's own credential, not a session: the one-time enrolment code (401 without it).
  'POST /v1/elections/{election}/enrolments': ANYONE,
  // The reporter app's (src/server/reporter_routes.ts): what is public anyway (the definition,
  // a key's roster state, the way from an enrolment QR code to the app), and a device's photo,
  // whose credential is its key's signature over the photo's hash.
  'GET /v1/elections/{election}/definition': ANYONE,
  'GET /v1/elections/{election}/enrolments': ANYONE,
  'GET /v1/elections/{election}/keys/{ref}': ANYONE,
  'POST /v1/elections/{election}/evidence': ANYONE,
  'POST /staff/elections/{election}/release': ADMINS,
  'GET /staff/elections/{election}/contest-statuses': READERS,
  'POST /staff/elections/{election}/contests/{contest}/status': ADMINS,
  'GET /staff/elections/{election}/control-room': READERS,
  'GET /staff/elections/{election}/control-room/status': READERS,
} as const satisfies Record<string, readonly Role[] | typeof ANYONE>;

export type Route = keyof typeof ROUTE_ROLES;
/** The routes that need a session. */
export type GuardedRoute = {
  [R in Route]: (typeof ROUTE_ROLES)[R] extends typeof ANYONE ? never : R;
}[Route];

/** Whether a route changes something, and so needs the CSRF token: all but GET. */
const changes = (route: Route): boolean => !route.startsWith('GET ');

/** The sentence an OpenAPI description ends with: who may call the route. */
export function rolesSentence(route: GuardedRoute): string {
  const roles = ROUTE_ROLES[route].join(', ');
  return changes(route) ? `Roles: ${roles}; needs the CSRF token.` : `Roles: ${roles}.`;
}

/** The session cookie's options: HttpOnly, SameSite=Strict, Secure over TLS, for /staff alone. */
export function sessionCookieOptions(request: FastifyRequest): {
  readonly httpOnly: true;
  readonly sameSite: 'strict';
  readonly secure: boolean;
  readonly path: '/staff';
} {
  return {
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
    path: '/staff',
  } as const;
}

/** Gives the client the session cookie for `token`. */
export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
): void {
  void reply.setCookie(SESSION_COOKIE, token, {
    ...sessionCookieOptions(request),
    maxAge: ABSOLUTE_TIMEOUT_MS / 1000,
  });
}

/** The route a request matched, as ROUTE_ROLES names it (`:name` becomes `{name}`). */
const routeOf = (request: FastifyRequest): string =>
  `${request.method} ${request.routeOptions.url ?? ''}`.replaceAll(/:(\w+)/g, '{$1}');

/** JSON alone: a form another site posts (text/plain, urlencoded) is no staff request. */
const isJson = (request: FastifyRequest): boolean =>
  (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ===
  'application/json';

/** A photo's body: what the evidence route takes, and no HTML form can send. */
const isPhoto = (request: FastifyRequest): boolean =>
  (EVIDENCE_TYPES as readonly string[]).includes(
    (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '',
  );

const notJson = (reply: FastifyReply): FastifyReply =>
  sendError(reply, 415, 'unsupported_media_type', 'staff requests are application/json');

export interface StaffGate {
  /**
   * The session of the request, if it has one and its role is among `roles`; else answers 401
   * (no session) or 403 (another role, or a change without the session's CSRF token).
   */
  readonly allow: (
    request: FastifyRequest,
    reply: FastifyReply,
    roles: readonly Role[],
    changes: boolean,
  ) => Promise<Session | undefined>;
  /** The same, with the roles ROUTE_ROLES names for `route`, the route the request matched. */
  readonly allowRoute: (
    request: FastifyRequest,
    reply: FastifyReply,
    route: GuardedRoute,
  ) => Promise<Session | undefined>;
}

export function staffGate(accounts: StaffAccounts, now: () => Date): StaffGate {
  const allow: StaffGate['allow'] = async (request, reply, roles, changes) => {
    const session = await accounts.session(request.cookies[SESSION_COOKIE], now());
    if (session === undefined) {
      void sendError(reply, 401, 'not_signed_in', 'sign in first (POST /staff/sign-in)');
      return undefined;
    }
    if (!roles.includes(session.role)) {
      void sendError(reply, 403, 'forbidden', `a ${session.role} may not do this`);
      return undefined;
    }
    if (changes && request.headers[CSRF_HEADER] !== session.csrfToken) {
      void sendError(
        reply,
        403,
        'csrf',
        `send the session's CSRF token in the ${CSRF_HEADER} header`,
      );
      return undefined;
    }
    // A change with a body that is not JSON is refused even where the body is not read; a
    // photo upload is no form another site could post (forms send no image types).
    if (
      changes &&
      request.headers['content-type'] !== undefined &&
      !isJson(request) &&
      !isPhoto(request)
    ) {
      void notJson(reply);
      return undefined;
    }
    return session;
  };
  return {
    allow,
    allowRoute: (request, reply, route) => {
      // A handler that names another route than its own would let in whom that route does.
      if (routeOf(request) !== route) {
        throw new Error(`the handler of ${routeOf(request)} checks the roles of ${route}`);
      }
      const admittedAlready = admitted.get(request);
      if (admittedAlready !== undefined) return Promise.resolve(admittedAlready);
      return allow(request, reply, ROUTE_ROLES[route], changes(route));
    },
  };
}

/** The sessions the gate let in before their request was read, for the handlers to take. */
const admitted = new WeakMap<FastifyRequest, Session>();

const isGuarded = (route: string): route is GuardedRoute =>
  Object.hasOwn(ROUTE_ROLES, route) && ROUTE_ROLES[route as Route] !== ANYONE;

/**
 * Checks the session of every request to a route that needs one as it arrives, before its
 * parameters or body are read: whatever else is wrong with a request, without a session it is
 * 401 and with another role 403 (so nothing about a route's parameters is learnt signed out).
 */
export function guardStaffRoutes(
  app: FastifyInstance,
  accounts: StaffAccounts,
  now: () => Date,
): void {
  const { allow } = staffGate(accounts, now);
  app.addHook('onRequest', async (request, reply) => {
    const route = routeOf(request);
    if (!isGuarded(route)) return;
    const session = await allow(request, reply, ROUTE_ROLES[route], changes(route));
    if (session === undefined) return reply;
    admitted.set(request, session);
    return undefined;
  });
}

/** Reads a JSON body as `schema` has it, or answers 415 (not JSON) or 400. */
export function bodyAs<T>(
  schema: z.ZodType<T>,
  request: FastifyRequest,
  reply: FastifyReply,
): T | undefined {
  if (!isJson(request)) {
    void notJson(reply);
    return undefined;
  }
  const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
  const json = parseStrictJson(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length));
  if (!json.ok) {
    void sendError(reply, 400, json.error.code, json.error.message);
    return undefined;
  }
  const parsed = schema.safeParse(json.value);
  if (!parsed.success) {
    // Naming the field: "reason: Invalid input: expected string, received undefined".
    const issue = parsed.error.issues[0];
    const field = issue === undefined ? '' : issuePath(issue.path);
    const message = issue?.message ?? 'invalid request';
    void sendError(reply, 400, 'invalid_request', field === '' ? message : `${field}: ${message}`);
    return undefined;
  }
  return parsed.data;
}
