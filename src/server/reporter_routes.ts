// The API the precinct reporter app (src/web/reporter/) calls beyond submissions and receipts,
// none with a staff session: the election's definition (public: it is the log's first entries),
// which the phone builds its form from; where the roster has the phone's key; the enrolment
// address the office's QR code holds, sent on to the app; and the upload of a tally sheet's
// photo, authenticated by the device's own key (it signs the photo's SHA-256), as the staff
// route stores it (src/server/evidence_routes.ts).
import { verify } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Id } from '../core/election.js';
import { EVIDENCE_TYPES, evidenceTypeOf, MAX_EVIDENCE_BYTES } from '../core/evidence.js';
import { sha256Hex } from '../core/sha256.js';
import { findRosterKey, type RosterKey } from '../ingest/roster.js';
import { decodeBase64 } from '../log/encoding.js';
import { EvidenceFiles } from '../store/evidence_files.js';
import type { Store } from '../store/store.js';
import { ErrorSchema, sendError, unknownElection } from './error_shape.js';
import { ElectionParams, type ElectionRegistry } from './elections.js';
import { REPORTER_APP_PATH } from './reporter_pages.js';

export interface ReporterRoutesOptions {
  readonly store: Store;
  readonly elections: ElectionRegistry;
  readonly now?: () => Date;
}

/** What a device signs to upload an evidence file: this line, then the file's SHA-256 in hex. */
export const EVIDENCE_CONTEXT = 'tally-evidence/1';

/** The bytes a device's evidence signature is over (src/web/reporter/signing.ts signs them). */
export const evidenceMessage = (sha256: string): string => `${EVIDENCE_CONTEXT}\n${sha256}\n`;

/** `Tally-Device <name+keyid> <base64 Ed25519 signature>`: 64 bytes are 88 base64 characters. */
const DEVICE_AUTHORIZATION = /^Tally-Device\s+(\S{1,300})\s+([A-Za-z0-9+/]{86}==)$/;

const KeyParams = ElectionParams.extend({ ref: z.string().min(3).max(300) });
const KeyStateSchema = z.object({
  ref: z.string(),
  unit: z.string(),
  state: z.enum(['active', 'revoked']),
});

/** The device's credential on an upload, read from its Authorization header. */
function deviceCredential(
  request: FastifyRequest,
): { readonly ref: string; readonly signature: Uint8Array } | undefined {
  const match = DEVICE_AUTHORIZATION.exec(request.headers.authorization ?? '');
  const signature = match?.[2] === undefined ? undefined : decodeBase64(match[2]);
  if (match?.[1] === undefined || signature?.length !== 64) return undefined;
  return { ref: match[1], signature };
}

export function registerReporterRoutes(app: FastifyInstance, options: ReporterRoutesOptions): void {
  const { store, elections } = options;
  const now = options.now ?? (() => new Date());
  const api = app.withTypeProvider<ZodTypeProvider>();
  // A definition never changes once imported: written as JSON once per election, as the staff
  // route does (src/server/definition_routes.ts), and sent as that string.
  const written = new Map<string, string>();

  app.get<{ Params: z.infer<typeof ElectionParams> }>(
    '/v1/elections/:election/definition',
    {
      schema: {
        description:
          "The election's definition as imported (format tally-election/1), as the log's first entries hold it: its units, contests and choices, vote types and whether it is a test election. Public: a reporting device builds its form from it.",
        params: ElectionParams,
        response: { '4xx': ErrorSchema },
      },
    },
    async (request, reply) => {
      const id = request.params.election;
      const ingest = await elections.get(id);
      if (ingest === undefined) return unknownElection(reply, id);
      let json = written.get(id);
      if (json === undefined) {
        json = JSON.stringify(ingest.election.definition);
        written.set(id, json);
      }
      return reply
        .header('cache-control', 'no-cache')
        .type('application/json; charset=utf-8')
        .send(json);
    },
  );

  // The QR code the office's Keys screen shows holds this address, with the unit and the code in
  // its fragment (src/web/staff/enrolment_code.ts). A phone that opens it is sent on to the
  // reporter app; the browser keeps the fragment across the redirect, and no request carries it.
  api.get(
    '/v1/elections/:election/enrolments',
    { schema: { hide: true, params: ElectionParams } },
    (request, reply) =>
      reply
        .header('cache-control', 'no-store')
        .header('referrer-policy', 'no-referrer')
        .redirect(
          `${REPORTER_APP_PATH}?election=${encodeURIComponent(request.params.election)}`,
          303,
        ),
  );

  api.get(
    '/v1/elections/:election/keys/:ref',
    {
      schema: {
        description:
          "Where the election's roster has a key (name+keyid): the unit it is certified for, and whether it is active or revoked. 404 unknown_key for a key the roster does not hold. A reporting device asks after its own, for one.",
        params: KeyParams,
        response: { 200: KeyStateSchema, '4xx': ErrorSchema },
      },
    },
    async (request, reply) => {
      const { election, ref } = request.params;
      const ingest = await elections.get(election);
      if (ingest === undefined) return unknownElection(reply, election);
      const key = await findRosterKey(store, ingest.id, ref);
      if (key === undefined)
        return sendError(reply, 404, 'unknown_key', `the roster holds no key ${ref}`);
      return reply
        .header('cache-control', 'no-store')
        .send({ ref, unit: key.unit, state: key.revoked ? 'revoked' : 'active' });
    },
  );

  /** The key of an upload's credential, found before its body is read; or the refusal sent. */
  const uploaders = new WeakMap<FastifyRequest, { key: RosterKey; signature: Uint8Array }>();
  const refuse = (reply: FastifyReply, code: string, message: string): FastifyReply => {
    void reply.header('www-authenticate', 'Tally-Device');
    return sendError(reply, code === 'device_signature_required' ? 401 : 403, code, message);
  };

  api.post(
    '/v1/elections/:election/evidence',
    {
      bodyLimit: MAX_EVIDENCE_BYTES,
      // The credential is checked as the request arrives, before 10 MiB of body are read: a
      // request that no active roster key sends is refused unread.
      onRequest: async (request, reply) => {
        const credential = deviceCredential(request);
        if (credential === undefined) {
          return refuse(
            reply,
            'device_signature_required',
            `send the device's signature of the photo: Authorization: Tally-Device <name+keyid> <base64 Ed25519 signature of "${EVIDENCE_CONTEXT}\\n<SHA-256 hex>\\n">`,
          );
        }
        const { election } = request.params as { election?: unknown };
        if (typeof election !== 'string' || !Id.safeParse(election).success) return undefined;
        const ingest = await elections.get(election);
        if (ingest === undefined) return unknownElection(reply, election);
        const key = await findRosterKey(store, ingest.id, credential.ref);
        if (key === undefined)
          return refuse(
            reply,
            'unknown_key',
            `key ${credential.ref} is not in the election's roster`,
          );
        if (key.revoked) return refuse(reply, 'revoked_key', `key ${credential.ref} was revoked`);
        uploaders.set(request, { key, signature: credential.signature });
        return undefined;
      },
      schema: {
        description: `A reporting device uploads the photo of its tally sheet (the body: JPEG, PNG or WebP bytes, with that Content-Type, at most 10 MiB), signed by its key: Authorization: Tally-Device <name+keyid> <base64 Ed25519 signature of "${EVIDENCE_CONTEXT}\\n<the photo's SHA-256 in hex>\\n">. The key must be active in the election's roster. Answers the SHA-256, by which the device's submission names it (evidence: [{ sha256, kind }]); the same file sent again is kept once. 401 without the signature, 403 for a key the roster does not hold as active or a signature that does not verify, 415 for anything but a photo.`,
        params: ElectionParams,
        response: {
          201: z.object({ sha256: z.string(), mediaType: z.string(), bytes: z.int() }),
          '4xx': ErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const ingest = await elections.get(request.params.election);
      if (ingest === undefined) return unknownElection(reply, request.params.election);
      const uploader = uploaders.get(request);
      if (uploader === undefined) throw new Error('the upload hook found no key');
      const bytes = Buffer.isBuffer(request.body) ? new Uint8Array(request.body) : new Uint8Array();
      const sha256 = sha256Hex(bytes);
      if (
        !verify(
          null,
          Buffer.from(evidenceMessage(sha256)),
          uploader.key.verifier.key,
          uploader.signature,
        )
      ) {
        return refuse(
          reply,
          'bad_signature',
          `the signature is not key ${uploader.key.ref}'s of this photo (SHA-256 ${sha256})`,
        );
      }
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
      await new EvidenceFiles(store.db, ingest.id).put({
        sha256,
        mediaType: found,
        bytes,
        // The key's reference: no staff name has a '+', so the two never meet.
        by: uploader.key.ref,
        at: now().toISOString(),
      });
      return reply.code(201).send({ sha256, mediaType: found, bytes: bytes.length });
    },
  );
}
