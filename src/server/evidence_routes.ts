// Evidence files in the staff API: desk operators (and admins) upload the photo of a tally
// sheet, which keyed sheets and submissions then name by its SHA-256; every signed-in role
// views it beside the numbers it backs. Who may call each route is ROUTE_ROLES's.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EVIDENCE_TYPES, evidenceTypeOf, MAX_EVIDENCE_BYTES } from '../core/evidence.js';
import { sha256Hex } from '../core/sha256.js';
import type { StaffAccounts } from '../staff/staff.js';
import { EvidenceFiles } from '../store/evidence_files.js';
import type { Store } from '../store/store.js';
import { ErrorSchema, sendError, unknownElection } from './error_shape.js';
import { ElectionParams, type ElectionRegistry } from './elections.js';
import { rolesSentence, staffGate } from './staff_session.js';

export interface EvidenceRoutesOptions {
  /** The staff accounts, whose sessions the routes check (one for the whole server). */
  readonly accounts: StaffAccounts;
  readonly store: Store;
  readonly elections: ElectionRegistry;
  readonly now?: () => Date;
}

const Sha256Params = ElectionParams.extend({
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in lowercase hex'),
});

export function registerEvidenceRoutes(app: FastifyInstance, options: EvidenceRoutesOptions): void {
  const { store, elections } = options;
  const now = options.now ?? (() => new Date());
  const { allowRoute } = staffGate(options.accounts, now);
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/staff/elections/:election/evidence',
    {
      bodyLimit: MAX_EVIDENCE_BYTES,
      schema: {
        description: `Uploads a photo of a tally sheet (the body: JPEG, PNG or WebP bytes, with that Content-Type, at most 10 MiB) and answers its SHA-256, by which a keyed sheet or a submission names it (evidence: [{ sha256, kind }]). The same file sent again is kept once. 415 for anything else. ${rolesSentence('POST /staff/elections/{election}/evidence')}`,
        tags: ['staff'],
        params: ElectionParams,
        response: {
          201: z.object({ sha256: z.string(), mediaType: z.string(), bytes: z.int() }),
          '4xx': ErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const session = await allowRoute(request, reply, 'POST /staff/elections/{election}/evidence');
      if (session === undefined) return reply;
      const ingest = await elections.get(request.params.election);
      if (ingest === undefined) return unknownElection(reply, request.params.election);
      const bytes = Buffer.isBuffer(request.body) ? new Uint8Array(request.body) : new Uint8Array();
      const said = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
      const found = evidenceTypeOf(bytes);
      if (found === undefined || found !== said) {
        return sendError(
          reply,
          415,
          'not_a_photo',
          `an evidence file is a photo (${EVIDENCE_TYPES.join(', ')}), sent with its own type`,
        );
      }
      const sha256 = sha256Hex(bytes);
      await new EvidenceFiles(store.db, ingest.id).put({
        sha256,
        mediaType: found,
        bytes,
        by: session.name,
        at: now().toISOString(),
      });
      return reply.code(201).send({ sha256, mediaType: found, bytes: bytes.length });
    },
  );

  api.get(
    '/staff/elections/:election/evidence/:sha256',
    {
      schema: {
        description: `An evidence file by its SHA-256: the photo, as uploaded. ${rolesSentence('GET /staff/elections/{election}/evidence/{sha256}')}`,
        tags: ['staff'],
        params: Sha256Params,
        // 200: the photo's bytes, with its media type (not JSON: no schema to serialize by).
        response: { '4xx': ErrorSchema },
      },
    },
    async (request, reply) => {
      const session = await allowRoute(
        request,
        reply,
        'GET /staff/elections/{election}/evidence/{sha256}',
      );
      if (session === undefined) return reply;
      const ingest = await elections.get(request.params.election);
      if (ingest === undefined) return unknownElection(reply, request.params.election);
      const file = await new EvidenceFiles(store.db, ingest.id).get(request.params.sha256);
      if (file === undefined)
        return sendError(reply, 404, 'unknown_evidence', 'no evidence file has that SHA-256');
      // The photo's bytes as they are: a Buffer is sent unserialized.
      const raw: FastifyReply = reply;
      return raw
        .header('content-type', file.mediaType)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, max-age=3600, immutable')
        .send(Buffer.from(file.bytes));
    },
  );
}
