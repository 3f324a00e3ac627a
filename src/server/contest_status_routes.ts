// Contests' statuses in the staff API: where the count of each contest stands (unofficial, too
// early to call, called, recount, certified), as the election office says. Each change is a log
// entry naming the staff member and the reason, and the public site and feeds show it from the
// next version on. Who may call each route is ROUTE_ROLES's (staff_session.ts).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { voteFor } from '../core/election.js';
import { CONTEST_STATUSES, MAX_REVIEW_REASON } from '../core/log_entry.js';
import type { StaffAccounts } from '../staff/staff.js';
import { ErrorSchema, sendError, unknownElection } from './error_shape.js';
import { ElectionParams, type ElectionRegistry } from './elections.js';
import { bodyAs, rolesSentence, staffGate } from './staff_session.js';

export interface ContestStatusRoutesOptions {
  /** The staff accounts, whose sessions the routes check (one for the whole server). */
  readonly accounts: StaffAccounts;
  readonly elections: ElectionRegistry;
  readonly now?: () => Date;
}

const Text = z.record(z.string(), z.string());

const ContestStanding = z.object({
  contest: z.string(),
  name: Text,
  kind: z.enum(['candidate', 'measure', 'caucus']),
  /** How many it elects (a measure: one outcome). */
  voteFor: z.int(),
  choices: z.array(z.object({ id: z.string(), name: Text })),
  status: z.enum(CONTEST_STATUSES),
  winners: z.array(z.string()).optional(),
  /** The log entry that set the status, when, who set it and why; absent while none has. */
  entry: z.int().optional(),
  time: z.string().optional(),
  by: z.string().optional(),
  reason: z.string().optional(),
});

const StatusChange = z.strictObject({
  status: z.enum(CONTEST_STATUSES),
  /** For a call or a certification: the choices elected (a measure: its outcome). */
  winners: z.array(z.string()).max(1000).optional(),
  reason: z.string().max(MAX_REVIEW_REASON).regex(/\S/, 'a status change gives its reason'),
});

export function registerContestStatusRoutes(
  app: FastifyInstance,
  options: ContestStatusRoutesOptions,
): void {
  const { elections } = options;
  const now = options.now ?? (() => new Date());
  const { allowRoute } = staffGate(options.accounts, now);
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/staff/elections/:election/contest-statuses',
    {
      schema: {
        description: `Every contest of the election with its status (unofficial until a status entry sets another), the winners a call or a certification names, and the entry that set it. ${rolesSentence('GET /staff/elections/{election}/contest-statuses')}`,
        tags: ['staff'],
        params: ElectionParams,
        response: { 200: z.object({ contests: z.array(ContestStanding) }), '4xx': ErrorSchema },
      },
    },
    async (request, reply) => {
      const route = 'GET /staff/elections/{election}/contest-statuses';
      const session = await allowRoute(request, reply, route);
      if (session === undefined) return reply;
      const ingest = await elections.get(request.params.election);
      if (ingest === undefined) return unknownElection(reply, request.params.election);
      const statuses = new Map((await ingest.contestStatuses()).map((s) => [s.contest, s]));
      return reply.send({
        contests: ingest.election.definition.contests.map((c) => {
          const s = statuses.get(c.id);
          return {
            contest: c.id,
            name: c.name,
            kind: c.kind,
            voteFor: voteFor(c),
            choices: c.choices.map((ch) => ({ id: ch.id, name: ch.name })),
            status: s?.status ?? 'unofficial',
            ...(s?.winners === undefined ? {} : { winners: [...s.winners] }),
            ...(s === undefined
              ? {}
              : { entry: s.entry, time: s.time, by: s.by, reason: s.reason }),
          };
        }),
      });
    },
  );

  api.post(
    '/staff/elections/:election/contests/:contest/status',
    {
      schema: {
        description: `Changes a contest's status: unofficial, too-early (to call), called (naming the winners), recount, certified (naming the winners). A log entry naming the staff member and the reason; the public site shows it from the next version. 400 invalid_request (a status that is none of these, a reason missing, blank or over 1,000 characters), invalid_winners (winners for a status that names none, none or too many for one that does, or not the contest's choices; a certification names every seat); 404 unknown_contest; 409 status_unchanged, already_certified (only a recount reopens a certified contest), not_released (a call or certification before the results are released). ${rolesSentence('POST /staff/elections/{election}/contests/{contest}/status')}`,
        tags: ['staff'],
        params: ElectionParams.extend({ contest: z.string() }),
        body: StatusChange,
        response: { 201: z.object({ entry: z.int() }), '4xx': ErrorSchema },
      },
    },
    async (request, reply) => {
      const route = 'POST /staff/elections/{election}/contests/{contest}/status';
      const session = await allowRoute(request, reply, route);
      if (session === undefined) return reply;
      const ingest = await elections.get(request.params.election);
      if (ingest === undefined) return unknownElection(reply, request.params.election);
      // The body is bytes until Tally's strict JSON reads it (ingest_app.ts).
      const body = bodyAs(StatusChange, request, reply);
      if (body === undefined) return reply;
      const { status, winners, reason } = body;
      const changed = await ingest.setContestStatus({
        contest: request.params.contest,
        status,
        ...(winners === undefined ? {} : { winners }),
        reason,
        by: session.name,
      });
      if (!changed.ok) {
        const { code, message } = changed.error;
        const http =
          code === 'unknown_contest'
            ? 404
            : code === 'status_unchanged' || code === 'already_certified' || code === 'not_released'
              ? 409
              : 400;
        return sendError(reply, http, code, message);
      }
      return reply.code(201).send({ entry: changed.value.leafIndex });
    },
  );
}
