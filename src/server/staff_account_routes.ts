// Staff accounts in the staff API: admins list, add, disable, enable and reset members; every
// member changes their own password; admins and auditors read the record of these changes.
// Who may call each route is ROUTE_ROLES's (staff_session.ts).
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { throwIllegalValue } from '../core/result.js';
import { ROLES } from '../staff/credentials.js';
import type { StaffAccounts } from '../staff/staff.js';
import {
  MAX_PASSWORD,
  MIN_PASSWORD,
  STAFF_ACTIONS,
  type DisableRefusal,
  type PasswordRefusal,
} from '../staff/staff.js';
import type { Store } from '../store/store.js';
import { ErrorSchema, sendError } from './error_shape.js';
import {
  bodyAs,
  rolesSentence,
  SESSION_COOKIE,
  setSessionCookie,
  staffGate,
} from './staff_session.js';

const MemberSchema = z.object({
  name: z.string(),
  role: z.enum(ROLES),
  /** Locked for a while after too many failed sign-ins. */
  locked: z.boolean(),
  disabled: z.boolean(),
  createdAt: z.string(),
});
/** What a new or reset account signs in with, shown this once. */
const CredentialsSchema = z.object({
  name: z.string(),
  role: z.enum(ROLES),
  password: z.string(),
  totpSecret: z.string(),
  totpUri: z.string(),
  recoveryCodes: z.array(z.string()),
});
const EventSchema = z.object({
  id: z.int(),
  at: z.string(),
  /** Who made the change; null for the server's command line. */
  actor: z.string().nullable(),
  action: z.enum(STAFF_ACTIONS),
  subject: z.string(),
});

const NewMemberBody = z.strictObject({ name: z.string().max(200), role: z.string().max(32) });
const PasswordBody = z.strictObject({
  currentPassword: z.string().max(MAX_PASSWORD),
  newPassword: z.string().max(2 * MAX_PASSWORD),
});
const MemberParams = z.object({ name: z.string().max(200) });
const EventsQuery = z.object({
  /** The page before this event (the `next` of the page before). */
  before: z.coerce.number().int().positive().optional(),
});
const EVENTS_PAGE = 100;

export interface StaffAccountRoutesOptions {
  /** The staff accounts, whose sessions the routes check (one for the whole server). */
  readonly accounts: StaffAccounts;
  readonly store: Store;
  readonly now?: () => Date;
}

/** The status of each refusal a change to an account can meet. */
function refusalStatus(code: DisableRefusal['code'] | PasswordRefusal['code']): number {
  switch (code) {
    case 'unknown_staff':
      return 404;
    case 'own_account':
    case 'last_admin':
      return 409;
    case 'invalid_password':
    case 'same_password':
      return 400;
    case 'wrong_password':
      return 403;
    case 'not_signed_in':
      return 401;
    default:
      return throwIllegalValue(code);
  }
}

const refuse = (reply: FastifyReply, error: DisableRefusal | PasswordRefusal): FastifyReply =>
  sendError(reply, refusalStatus(error.code), error.code, error.message);

export function registerStaffAccountRoutes(
  app: FastifyInstance,
  options: StaffAccountRoutesOptions,
): void {
  const now = options.now ?? (() => new Date());
  const accounts = options.accounts;
  const { allowRoute } = staffGate(accounts, now);
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/staff/members',
    {
      schema: {
        description: `The staff members, by name: role, whether locked after failed sign-ins or disabled, and when added. Never a password, secret or hash. ${rolesSentence('GET /staff/members')}`,
        tags: ['staff'],
        response: { 200: z.object({ members: z.array(MemberSchema) }), '4xx': ErrorSchema },
      },
    },
    async (request, reply) => {
      const session = await allowRoute(request, reply, 'GET /staff/members');
      if (session === undefined) return reply;
      return reply.send({ members: await accounts.members(now()) });
    },
  );

  api.post(
    '/staff/members',
    {
      schema: {
        description: `Adds a staff member, { name, role }, and answers, this once, what they sign in with: a password, a TOTP secret (and the otpauth:// address an authenticator app reads) and ten recovery codes. 400 invalid_staff, 409 staff_exists. ${rolesSentence('POST /staff/members')}`,
        tags: ['staff'],
        body: NewMemberBody,
        response: { 201: CredentialsSchema, '4xx': ErrorSchema },
      },
    },
    async (request, reply) => {
      const session = await allowRoute(request, reply, 'POST /staff/members');
      if (session === undefined) return reply;
      const body = bodyAs(NewMemberBody, request, reply);
      if (body === undefined) return reply;
      const added = await accounts.add(body.name, body.role, now(), session.name);
      if (!added.ok) {
        const status = added.error.code === 'staff_exists' ? 409 : 400;
        return sendError(reply, status, added.error.code, added.error.message);
      }
      return reply
        .code(201)
        .send({ ...added.value, recoveryCodes: [...added.value.recoveryCodes] });
    },
  );

  api.post(
    '/staff/members/:name/disable',
    {
      schema: {
        description: `Disables a staff member: they cannot sign in, and their sessions end at once. 409 own_account for one's own, 409 last_admin for the last enabled admin; 404 unknown_staff. ${rolesSentence('POST /staff/members/{name}/disable')}`,
        tags: ['staff'],
        params: MemberParams,
        response: { 204: z.null(), '4xx': ErrorSchema },
      },
    },
    async (request, reply) => {
      const session = await allowRoute(request, reply, 'POST /staff/members/{name}/disable');
      if (session === undefined) return reply;
      const disabled = await accounts.disable(session.name, request.params.name, now());
      return disabled.ok ? reply.code(204).send(null) : refuse(reply, disabled.error);
    },
  );

  api.post(
    '/staff/members/:name/enable',
    {
      schema: {
        description: `Lets a disabled staff member sign in again. 404 unknown_staff. ${rolesSentence('POST /staff/members/{name}/enable')}`,
        tags: ['staff'],
        params: MemberParams,
        response: { 204: z.null(), '4xx': ErrorSchema },
      },
    },
    async (request, reply) => {
      const session = await allowRoute(request, reply, 'POST /staff/members/{name}/enable');
      if (session === undefined) return reply;
      const enabled = await accounts.enable(session.name, request.params.name, now());
      return enabled.ok ? reply.code(204).send(null) : refuse(reply, enabled.error);
    },
  );

  api.post(
    '/staff/members/:name/reset',
    {
      schema: {
        description: `Gives a staff member a new password, TOTP secret and recovery codes, answered this once; the old ones stop working, their sessions end and a lockout is lifted. 404 unknown_staff. ${rolesSentence('POST /staff/members/{name}/reset')}`,
        tags: ['staff'],
        params: MemberParams,
        response: { 200: CredentialsSchema, '4xx': ErrorSchema },
      },
    },
    async (request, reply) => {
      const session = await allowRoute(request, reply, 'POST /staff/members/{name}/reset');
      if (session === undefined) return reply;
      const reset = await accounts.reset(session.name, request.params.name, now());
      if (!reset.ok) return refuse(reply, reset.error);
      return reply.send({ ...reset.value, recoveryCodes: [...reset.value.recoveryCodes] });
    },
  );

  api.post(
    '/staff/password',
    {
      schema: {
        description: `Changes the signed-in member's password, { currentPassword, newPassword }: ${String(MIN_PASSWORD)} to ${String(MAX_PASSWORD)} characters, not the current one (400 invalid_password, same_password). A wrong current password answers 403 wrong_password and counts towards the lockout. Every session of the member ends; this one is replaced by a new session, in a new cookie (its CSRF token from GET /staff/session), so that a token stolen before is worth nothing. ${rolesSentence('POST /staff/password')}`,
        tags: ['staff'],
        body: PasswordBody,
        response: { 204: z.null(), '4xx': ErrorSchema },
      },
    },
    async (request, reply) => {
      const session = await allowRoute(request, reply, 'POST /staff/password');
      if (session === undefined) return reply;
      const body = bodyAs(PasswordBody, request, reply);
      if (body === undefined) return reply;
      const changed = await accounts.changePassword(
        request.cookies[SESSION_COOKIE] ?? '',
        { current: body.currentPassword, next: body.newPassword },
        now(),
      );
      if (!changed.ok) return refuse(reply, changed.error);
      setSessionCookie(request, reply, changed.value.token);
      return reply.code(204).send(null);
    },
  );

  api.get(
    '/staff/events',
    {
      schema: {
        description: `The changes made to staff accounts (added, disabled, enabled, reset, password_changed), each with who made it, newest first, ${String(EVENTS_PAGE)} a page; next names the page after. Accounts are the office's, not an election's, so these are not in any election's public log. ${rolesSentence('GET /staff/events')}`,
        tags: ['staff'],
        querystring: EventsQuery,
        response: {
          200: z.object({ events: z.array(EventSchema), next: z.int().optional() }),
          '4xx': ErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const session = await allowRoute(request, reply, 'GET /staff/events');
      if (session === undefined) return reply;
      const events = await accounts.events({
        ...(request.query.before === undefined ? {} : { before: request.query.before }),
        limit: EVENTS_PAGE,
      });
      const last = events.at(-1);
      return reply.send({
        events,
        ...(events.length === EVENTS_PAGE && last !== undefined ? { next: last.id } : {}),
      });
    },
  );
}
