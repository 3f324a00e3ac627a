// The events the election's transparency log records, one canonical JSON object per entry
// (at most 65,535 bytes): the election definition (in parts when large), roster statements,
// submissions with the status they were given, and rejections.
import { z } from 'zod';
import { canonicalJson, canonicalObjectOf, type JsonValue } from './canonical_json.js';
import { compiledCheck } from './compiled_schema.js';
import { Id, zodProblem } from './election.js';
import { err, ok, type Problem, type Result } from './result.js';
import { SignedSubmission, StaffName } from './submission.js';

export { StaffName };
import { strictUtf8Text } from './text.js';
import {
  CONTEST_STATUSES,
  MAX_STAFF_REASON,
  STATUSES_WITH_WINNERS,
  type ContestStatusValue,
} from './contest_status.js';

export const LOG_ENTRY_FORMAT = 'tally-log/1';
/** Roster statements are signed in this context (see src/log/envelope.ts). */
export const ROSTER_CONTEXT = 'tally-roster/1';
export const SUBMISSION_CONTEXT = 'tally-submission/1';

const Time = z.iso.datetime({ offset: true });
const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
const ProblemValue = z.strictObject({ code: z.string(), message: z.string() });

export const ElectionEntry = z.strictObject({
  format: z.literal(LOG_ENTRY_FORMAT),
  type: z.literal('election'),
  election: Id,
  time: Time,
  /** SHA-256 of the definition's canonical JSON, which the next `parts` entries spell out. */
  definitionSha256: Sha256Hex,
  parts: z.int().min(1),
});

export const ElectionPartEntry = z.strictObject({
  format: z.literal(LOG_ENTRY_FORMAT),
  type: z.literal('election-part'),
  election: Id,
  part: z.int().min(0),
  text: z.string(),
});

export const RosterStatement = z.strictObject({
  election: Id,
  /**
   * certify a unit's or device's key, revoke a key, or delegate the roster of `unit` and the
   * units beneath it to an enrolment key (the authority alone delegates).
   */
  action: z.enum(['certify', 'revoke', 'delegate']),
  unit: Id,
  /** The key the statement is about (C2SP signed-note verifier key encoding). */
  key: z.string().min(1),
  time: Time,
  /** For a delegation: when it ends (statements its key signs must be dated before). */
  expires: Time.optional(),
  /**
   * The staff member on whose word a delegated enrolment key signed: who certified or revoked
   * the key in the staff application, or who made the one-time code a device enrolled with. The
   * rules require it of every statement a delegated key signs.
   */
  by: StaffName.optional(),
});

export const RosterEntry = z.strictObject({
  format: z.literal(LOG_ENTRY_FORMAT),
  type: z.literal('roster'),
  statement: RosterStatement,
  /** The key that signed the statement, `name+keyid`, and its signature. */
  signer: z.string(),
  signature: z.string(),
  /**
   * When a delegated enrolment key signed it rather than the authority: the entry of the
   * authority's delegation, and the delegated key in full (what the signature is checked with;
   * the rules hold it to the delegation's).
   */
  delegation: z.strictObject({ entry: z.int().min(0), key: z.string().min(1) }).optional(),
});

export const SubmissionEntry = z.strictObject({
  format: z.literal(LOG_ENTRY_FORMAT),
  type: z.literal('submission'),
  election: Id,
  receivedAt: Time,
  signed: SignedSubmission,
  status: z.enum(['accepted', 'held']),
  kind: z.enum(['original', 'amendment', 'corroboration', 'conflict']),
  warnings: z.array(ProblemValue),
});

export const RejectionEntry = z.strictObject({
  format: z.literal(LOG_ENTRY_FORMAT),
  type: z.literal('rejection'),
  election: Id,
  receivedAt: Time,
  bodySha256: Sha256Hex,
  bodyBytes: z.int().min(0),
  error: ProblemValue,
  /** The submission as sent, when it could be read as one. */
  signed: SignedSubmission.optional(),
});

/** Longest reason a review gives: a few sentences a reader of the log can follow. */
export const MAX_REVIEW_REASON = MAX_STAFF_REASON;

/** One reviewer's part in a decision: who, why, and when they decided. */
export const ReviewerDecision = z.strictObject({
  name: StaffName,
  reason: z.string().max(MAX_REVIEW_REASON).regex(/\S/, 'a review gives its reason'),
  time: Time,
});

/**
 * A reviewer's decision on a held submission: accepted (it counts from here, as if it had been
 * accepted at this entry) or rejected (it never counts). Names who decided, each with their
 * reason: one reviewer, or two where the election asks two to accept a submission that broke a
 * rule (the first's approval waits, unlogged, for the second's; the entry is logged when both
 * agree).
 */
export const ReviewEntry = z.strictObject({
  format: z.literal(LOG_ENTRY_FORMAT),
  type: z.literal('review'),
  election: Id,
  time: Time,
  /** The held submission's entry. */
  entry: z.int().min(0),
  decision: z.enum(['accept', 'reject']),
  /** Each names a different reviewer: the admission rules refuse a name twice. */
  reviewers: z.array(ReviewerDecision).min(1).max(2),
});

/**
 * The release of the election's results to the public site: by a staff member (named), or by
 * the server at the release time the definition gives (no name). Once, and from then on every
 * version is published.
 */
export const ReleaseEntry = z.strictObject({
  format: z.literal(LOG_ENTRY_FORMAT),
  type: z.literal('release'),
  election: Id,
  time: Time,
  by: StaffName.optional(),
});

export { CONTEST_STATUSES, STATUSES_WITH_WINNERS, type ContestStatusValue };

/**
 * A staff member's change of a contest's status: each change is an entry, so the public site's
 * "called" or "certified" is as checkable as its numbers. Names who changed it, and why.
 */
export const ContestStatusEntry = z.strictObject({
  format: z.literal(LOG_ENTRY_FORMAT),
  type: z.literal('contest-status'),
  election: Id,
  time: Time,
  contest: Id,
  status: z.enum(CONTEST_STATUSES),
  /** For a call or a certification: the choices elected (for a measure, its outcome). */
  winners: z.array(Id).min(1).optional(),
  by: StaffName,
  reason: z.string().max(MAX_REVIEW_REASON).regex(/\S/, 'a status change gives its reason'),
});

export const LogEntry = z.discriminatedUnion('type', [
  ElectionEntry,
  ElectionPartEntry,
  RosterEntry,
  SubmissionEntry,
  RejectionEntry,
  ReviewEntry,
  ReleaseEntry,
  ContestStatusEntry,
]);

export type LogEntry = z.infer<typeof LogEntry>;
export type ElectionEntry = z.infer<typeof ElectionEntry>;
export type ElectionPartEntry = z.infer<typeof ElectionPartEntry>;
export type RosterStatement = z.infer<typeof RosterStatement>;
export type RosterEntry = z.infer<typeof RosterEntry>;
export type SubmissionEntry = z.infer<typeof SubmissionEntry>;
export type RejectionEntry = z.infer<typeof RejectionEntry>;
export type ReviewEntry = z.infer<typeof ReviewEntry>;
export type ReviewerDecision = z.infer<typeof ReviewerDecision>;
export type ReleaseEntry = z.infer<typeof ReleaseEntry>;
export type ContestStatusEntry = z.infer<typeof ContestStatusEntry>;

const encoder = new TextEncoder();

export function encodeLogEntry(entry: LogEntry): Uint8Array {
  return encoder.encode(canonicalJson(entry as JsonValue));
}

// Every field is named here and in the object below, or it does not compile.
const submissionEntryText = canonicalObjectOf([
  'election',
  'format',
  'kind',
  'receivedAt',
  'signed',
  'status',
  'type',
  'warnings',
] as const satisfies readonly (keyof SubmissionEntry)[]);

/**
 * encodeLogEntry for a submission entry whose signed submission's canonical JSON is already
 * known (ingest computed it to check the signature): the same bytes, without serialising the
 * submission again.
 */
export function encodeSubmissionEntry(
  entry: Omit<SubmissionEntry, 'signed'>,
  signedCanonical: string,
): Uint8Array {
  return encoder.encode(
    submissionEntryText({
      election: JSON.stringify(entry.election),
      format: JSON.stringify(entry.format),
      kind: JSON.stringify(entry.kind),
      receivedAt: JSON.stringify(entry.receivedAt),
      signed: signedCanonical,
      status: JSON.stringify(entry.status),
      type: '"submission"',
      warnings: canonicalJson(entry.warnings),
    } satisfies Record<keyof SubmissionEntry, string>),
  );
}

/** Refuses bytes that are not UTF-8; one for every entry (it keeps no state between calls). */

export function decodeLogEntry(bytes: Uint8Array): Result<LogEntry, Problem<'malformed_entry'>> {
  const text = strictUtf8Text(bytes);
  let value: unknown;
  try {
    if (text === undefined) throw new TypeError('not UTF-8');
    value = JSON.parse(text);
  } catch {
    return err({ code: 'malformed_entry', message: 'log entry is not UTF-8 JSON' });
  }
  return parseLogEntry(value);
}

const isLogEntry = compiledCheck(LogEntry);

/** A parsed JSON value as a log entry: the compiled check first, zod for anything it refuses. */
export function parseLogEntry(value: unknown): Result<LogEntry, Problem<'malformed_entry'>> {
  if (isLogEntry(value)) return ok(value);
  const parsed = LogEntry.safeParse(value);
  return parsed.success
    ? ok(parsed.data)
    : err(zodProblem('malformed_entry', 'malformed log entry', parsed.error));
}

/** Keeps each part's entry well under the 65,535-byte limit, escapes included. */
const PART_BYTES = 40_000;

/**
 * The entries that record an election definition: a header naming its SHA-256, then the
 * canonical JSON in parts. Splits only between UTF-16 surrogate pairs, never inside one.
 */
export function electionEntries(
  election: string,
  definitionJson: string,
  definitionSha256: string,
  time: string,
): LogEntry[] {
  const parts: string[] = [];
  let at = 0;
  while (at < definitionJson.length) {
    let end = Math.min(at + PART_BYTES / 2, definitionJson.length);
    const last = definitionJson.charCodeAt(end - 1);
    if (end < definitionJson.length && last >= 0xd800 && last <= 0xdbff) end--;
    parts.push(definitionJson.slice(at, end));
    at = end;
  }
  return [
    {
      format: LOG_ENTRY_FORMAT,
      type: 'election',
      election,
      time,
      definitionSha256,
      parts: parts.length,
    },
    ...parts.map((text, part): LogEntry => ({
      format: LOG_ENTRY_FORMAT,
      type: 'election-part',
      election,
      part,
      text,
    })),
  ];
}
