// Releasing an election's results to the public site, in the staff API. Until a release entry
// is in the log the public site publishes nothing; the server releases at the definition's
// release time (polls close), and an admin may release earlier. Who may call each route is
// ROUTE_ROLES's (staff_session.ts).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { waitsForRelease } from '../core/election.js';
import type { StaffAccounts } from '../staff/staff.js';
import { ErrorSchema, sendError, unknownElection } from './error_shape.js';
import { ElectionParams, type ElectionRegistry } from './elections.js';
import { rolesSentence, staffGate } from './staff_session.js';

export interface ReleaseRoutesOptions {
  /** The staff accounts, whose sessions the routes check (one for the whole server). */
  readonly accounts: StaffAccounts;
  readonly elections: ElectionRegistry;
  readonly now?: () => Date;
}

const ReleaseState = z.object({
  /** Whether the public site waits for a release (the definition may say it does not). */
  waitsForRelease: z.boolean(),
  /** The definition's release time (polls close), if it gives one. */
  releaseAt: z.string().optional(),
  /** The release's log entry, once released. */
  releasedAt: z.int().optional(),
  /** A test or practice election: marked TEST wherever it is shown. */
  test: z.boolean(),
});

export function registerReleaseRoutes(app: FastifyInstance, options: ReleaseRoutesOptions): void {
  const { elections } = options;
  const now = options.now ?? (() => new Date());
  const { allowRoute } = staffGate(options.accounts, now);
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/staff/elections/:election/release',
    {
      schema: {
        description: `Whether the election's results are released to the public site: if it waits for a release, the release time its definition gives, and the release's log entry once released. ${rolesSentence('GET /staff/elections/{election}/release')}`,
        tags: ['staff'],
        params: ElectionParams,
        response: { 200: ReleaseState, '4xx': ErrorSchema },
      },
    },
    async (request, reply) => {
      const session = await allowRoute(request, reply, 'GET /staff/elections/{election}/release');
      if (session === undefined) return reply;
      const ingest = await elections.get(request.params.election);
      if (ingest === undefined) return unknownElection(reply, request.params.election);
      const { definition } = ingest.election;
      const released = await ingest.released();
      return reply.send({
        waitsForRelease: waitsForRelease(ingest.election),
        ...(definition.release?.at === undefined ? {} : { releaseAt: definition.release.at }),
        ...(released === undefined ? {} : { releasedAt: released }),
        test: definition.test,
      });
    },
  );

  api.post(
    '/staff/elections/:election/release',
    {
      schema: {
        description: `Releases the election's results to the public site now, before the release time its definition gives (or where it gives none). The release is a log entry naming the admin; the next version is published with everything counted so far, and every version after it. 409 already_released. ${rolesSentence('POST /staff/elections/{election}/release')}`,
        tags: ['staff'],
        params: ElectionParams,
        response: { 201: z.object({ entry: z.int() }), '4xx': ErrorSchema },
      },
    },
    async (request, reply) => {
      const session = await allowRoute(request, reply, 'POST /staff/elections/{election}/release');
      if (session === undefined) return reply;
      const ingest = await elections.get(request.params.election);
      if (ingest === undefined) return unknownElection(reply, request.params.election);
      const released = await ingest.release(session.name);
      if (!released.ok) return sendError(reply, 409, released.error.code, released.error.message);
      return reply.code(201).send({ entry: released.value.leafIndex });
    },
  );
}
