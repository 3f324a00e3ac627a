// The results desk in the staff API: desk operators key paper tally sheets (each sheet twice, by
// two operators, who never see each other's numbers); reviewers decide the sheets whose two
// entries differ. Who may call each route is ROUTE_ROLES's (staff_session.ts).
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { KeyedSheet } from '../core/desk.js';
import { Id } from '../core/election.js';
import { ResultsDesk, type DeskProblem } from '../ingest/desk.js';
import type { Signer } from '../log/note.js';
import type { StaffAccounts } from '../staff/staff.js';
import type { Store } from '../store/store.js';
import { ErrorSchema, sendError, unknownElection } from './error_shape.js';
import { ElectionParams, type ElectionRegistry } from './elections.js';
import { bodyAs, rolesSentence, staffGate } from './staff_session.js';

export interface DeskRoutesOptions {
  /** The staff accounts, whose sessions the routes check (one for the whole server). */
  readonly accounts: StaffAccounts;
  readonly store: Store;
  readonly elections: ElectionRegistry;
  /** The office's desk key, certified in each election's roster; none, and keying says so. */
  readonly deskSigner?: Signer;
  readonly now?: () => Date;
}

const Warning = z.object({ code: z.string(), message: z.string() });
const SheetBody = KeyedSheet;
const ResolveBody = z.strictObject({
  unit: Id,
  voteType: Id,
  /** The entry to keep, or null to set both aside for the sheet to be keyed again. */
  keep: z.string().max(64).nullable(),
});
const EntryView = z.object({
  id: z.string(),
  operator: z.string(),
  keyedAt: z.string(),
  sheet: KeyedSheet,
});

/** Refusals of what the desk holds now (409); anything else is a request that cannot be (400). */
const CONFLICTS: ReadonlySet<DeskProblem['code']> = new Set([
  'no_desk_key',
  'same_operator',
  'sheet_with_reviewer',
  'no_mismatch',
  'unknown_desk_entry',
  'desk_submission_rejected',
  'desk_key_not_certified',
  'keyed_by_reviewer',
] as const);

const deskStatus = (code: DeskProblem['code']): 400 | 409 => (CONFLICTS.has(code) ? 409 : 400);

const refuse = (reply: FastifyReply, error: DeskProblem): FastifyReply =>
  sendError(reply, deskStatus(error.code), error.code, error.message);

export function registerDeskRoutes(app: FastifyInstance, options: DeskRoutesOptions): void {
  const { store, elections } = options;
  const now = options.now ?? (() => new Date());
  const { allowRoute } = staffGate(options.accounts, now);
  const api = app.withTypeProvider<ZodTypeProvider>();
  const desks = new Map<string, Promise<ResultsDesk | undefined>>();
  /**
   * The election's desk: one per election (the promise is kept at once, so that two first
   * requests share it), so that its sheets are decided one at a time.
   */
  const deskOf = (id: string): Promise<ResultsDesk | undefined> => {
    let desk = desks.get(id);
    if (desk === undefined) {
      desk = elections
        .get(id)
        .then((ingest) =>
          ingest === undefined
            ? undefined
            : new ResultsDesk(store, ingest.election, ingest, options.deskSigner, now),
        );
      // An unknown election is asked about again next time: it may have been imported since.
      void desk.then((d) => {
        if (d === undefined) desks.delete(id);
      });
      desks.set(id, desk);
    }
    return desk;
  };

  api.post(
    '/staff/elections/:election/desk/check',
    {
      schema: {
        description: `Checks a tally sheet as it is keyed, without recording it: 200 with the warnings that would hold it for a reviewer (votes, overvotes and undervotes against ballots × vote-for; ballots against registration; a contest or choice left out), or 400 with the error that makes it impossible. ${rolesSentence('POST /staff/elections/{election}/desk/check')}`,
        tags: ['staff'],
        params: ElectionParams,
        body: SheetBody,
        response: { 200: z.object({ warnings: z.array(Warning) }), '4xx': ErrorSchema },
      },
    },
    async (request, reply) => {
      const session = await allowRoute(
        request,
        reply,
        'POST /staff/elections/{election}/desk/check',
      );
      if (session === undefined) return reply;
      const desk = await deskOf(request.params.election);
      if (desk === undefined) return unknownElection(reply, request.params.election);
      const body = bodyAs(SheetBody, request, reply);
      if (body === undefined) return reply;
      const checked = desk.check(body);
      return checked.ok
        ? reply.send({ warnings: [...checked.value] })
        : refuse(reply, checked.error);
    },
  );

  api.post(
    '/staff/elections/:election/desk/sheets',
    {
      schema: {
        description: `Records a desk operator's entry of a paper tally sheet. The first entry of a sheet waits for a second operator's (202 awaiting_second_entry); a second that agrees is submitted, signed by the office's desk key and naming both operators (201 submitted, with the receipt: the rules may still hold it); one that differs goes to a reviewer (202 sent_to_reviewer; the operator is not shown the other's numbers). 409 same_operator, sheet_with_reviewer, no_desk_key. ${rolesSentence('POST /staff/elections/{election}/desk/sheets')}`,
        tags: ['staff'],
        params: ElectionParams,
        body: SheetBody,
        response: {
          201: z.object({
            status: z.literal('submitted'),
            entry: z.int(),
            receiptStatus: z.string(),
            warnings: z.array(Warning),
          }),
          202: z.object({
            status: z.enum(['awaiting_second_entry', 'sent_to_reviewer']),
            warnings: z.array(Warning),
          }),
          '4xx': ErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const session = await allowRoute(
        request,
        reply,
        'POST /staff/elections/{election}/desk/sheets',
      );
      if (session === undefined) return reply;
      const desk = await deskOf(request.params.election);
      if (desk === undefined) return unknownElection(reply, request.params.election);
      const body = bodyAs(SheetBody, request, reply);
      if (body === undefined) return reply;
      const keyed = await desk.key(session.name, body);
      if (!keyed.ok) return refuse(reply, keyed.error);
      const outcome = keyed.value;
      switch (outcome.type) {
        case 'submitted':
          return reply.code(201).send({
            status: 'submitted',
            entry: outcome.receipt.leafIndex,
            receiptStatus: outcome.receipt.status,
            warnings: [...outcome.receipt.warnings],
          });
        case 'awaiting_second_entry':
          return reply.code(202).send({ status: outcome.type, warnings: [...outcome.warnings] });
        case 'sent_to_reviewer':
          return reply.code(202).send({ status: outcome.type, warnings: [] });
      }
    },
  );

  api.get(
    '/staff/elections/:election/desk/awaiting',
    {
      schema: {
        description: `The sheets keyed once, waiting for a second operator: unit, vote type, who keyed it and when (never the numbers). ${rolesSentence('GET /staff/elections/{election}/desk/awaiting')}`,
        tags: ['staff'],
        params: ElectionParams,
        response: {
          200: z.object({
            awaiting: z.array(
              z.object({
                unit: z.string(),
                voteType: z.string(),
                operator: z.string(),
                keyedAt: z.string(),
              }),
            ),
          }),
          '4xx': ErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const session = await allowRoute(
        request,
        reply,
        'GET /staff/elections/{election}/desk/awaiting',
      );
      if (session === undefined) return reply;
      const desk = await deskOf(request.params.election);
      if (desk === undefined) return unknownElection(reply, request.params.election);
      return reply.send({ awaiting: await desk.awaiting() });
    },
  );

  api.get(
    '/staff/elections/:election/desk/mismatches',
    {
      schema: {
        description: `The sheets whose two entries differ, oldest first: both entries side by side, with every number they disagree on. Desk operators may not read it (an operator keys without seeing another's numbers). ${rolesSentence('GET /staff/elections/{election}/desk/mismatches')}`,
        tags: ['staff'],
        params: ElectionParams,
        response: {
          200: z.object({
            mismatches: z.array(
              z.object({
                unit: z.string(),
                voteType: z.string(),
                entries: z.array(EntryView),
                differences: z.array(
                  z.object({
                    field: z.string(),
                    contest: z.string().optional(),
                    first: z.int().optional(),
                    second: z.int().optional(),
                  }),
                ),
              }),
            ),
          }),
          '4xx': ErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const session = await allowRoute(
        request,
        reply,
        'GET /staff/elections/{election}/desk/mismatches',
      );
      if (session === undefined) return reply;
      const desk = await deskOf(request.params.election);
      if (desk === undefined) return unknownElection(reply, request.params.election);
      const mismatches = await desk.mismatches();
      return reply.send({
        mismatches: mismatches.map((m) => ({
          ...m,
          entries: [...m.entries],
          differences: [...m.differences],
        })),
      });
    },
  );

  api.post(
    '/staff/elections/:election/desk/resolutions',
    {
      schema: {
        description: `A reviewer's choice for a sheet whose two entries differ: { unit, voteType, keep } keeps one entry (submitted, signed by the desk key, naming both operators and the reviewer: 201 with its log entry) or, with keep null, sets both aside so the sheet is keyed again (204). 409 no_mismatch, unknown_desk_entry. ${rolesSentence('POST /staff/elections/{election}/desk/resolutions')}`,
        tags: ['staff'],
        params: ElectionParams,
        body: ResolveBody,
        response: {
          201: z.object({ entry: z.int(), receiptStatus: z.string() }),
          204: z.null(),
          '4xx': ErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const session = await allowRoute(
        request,
        reply,
        'POST /staff/elections/{election}/desk/resolutions',
      );
      if (session === undefined) return reply;
      const desk = await deskOf(request.params.election);
      if (desk === undefined) return unknownElection(reply, request.params.election);
      const body = bodyAs(ResolveBody, request, reply);
      if (body === undefined) return reply;
      const resolved = await desk.resolve(session.name, body, body.keep);
      if (!resolved.ok) return refuse(reply, resolved.error);
      const { receipt } = resolved.value;
      return receipt === undefined
        ? reply.code(204).send(null)
        : reply.code(201).send({ entry: receipt.leafIndex, receiptStatus: receipt.status });
    },
  );
}
