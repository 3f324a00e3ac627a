// The election definition in the staff API: the units, contests, choices and vote types with
// their names, as imported, so that the staff application shows names instead of ids and builds
// the results desk's keying form. Who may call it is ROUTE_ROLES's (staff_session.ts).
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { ElectionDefinition } from '../core/election.js';
import type { StaffAccounts } from '../staff/staff.js';
import { ErrorSchema, unknownElection } from './error_shape.js';
import { ElectionParams, type ElectionRegistry } from './elections.js';
import { rolesSentence, staffGate } from './staff_session.js';

export interface DefinitionRoutesOptions {
  /** The staff accounts, whose sessions the routes check (one for the whole server). */
  readonly accounts: StaffAccounts;
  readonly elections: ElectionRegistry;
  readonly now?: () => Date;
}

export function registerDefinitionRoutes(
  app: FastifyInstance,
  options: DefinitionRoutesOptions,
): void {
  const { elections } = options;
  const now = options.now ?? (() => new Date());
  const { allowRoute } = staffGate(options.accounts, now);
  // A definition never changes once imported, and a national one lists 175,000 units: it is
  // written as JSON once per election and sent as that string, which skips the serialiser (so
  // the route is typed by hand: the zod type provider would ask for the object).
  const written = new Map<string, string>();

  app.get<{ Params: z.infer<typeof ElectionParams> }>(
    '/staff/elections/:election/definition',
    {
      schema: {
        description: `The election's definition as imported (format tally-election/1): its units with their parents, registered voters and contacts, contests and choices, vote types, each with its names in the definition's languages, and whether it is a test election. ${rolesSentence('GET /staff/elections/{election}/definition')}`,
        tags: ['staff'],
        params: ElectionParams,
        response: { 200: ElectionDefinition, '4xx': ErrorSchema },
      },
    },
    async (request, reply) => {
      const session = await allowRoute(
        request,
        reply,
        'GET /staff/elections/{election}/definition',
      );
      if (session === undefined) return reply;
      const id = request.params.election;
      const ingest = await elections.get(id);
      if (ingest === undefined) return unknownElection(reply, id);
      let json = written.get(id);
      if (json === undefined) {
        json = JSON.stringify(ingest.election.definition);
        written.set(id, json);
      }
      return reply.type('application/json; charset=utf-8').send(json);
    },
  );
}
