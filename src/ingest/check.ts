// Everything about a submission body that needs no database: strict JSON, the schema, the
// signature against the roster key, the election definition's rules. Synchronous and
// self-contained, so it runs on the main thread or in a worker (check_pool.ts) alike.
import { createHash } from 'node:crypto';
import { canonicalJson, type JsonValue } from '../core/canonical_json.js';
import { isWithin, type Election } from '../core/election.js';
import { SUBMISSION_CONTEXT } from '../core/log_entry.js';
import { problem, type Problem } from '../core/result.js';
import {
  checkSubmission,
  countsFingerprint,
  parseSignedSubmission,
  SUBMISSION_ERROR_CODES,
} from '../core/submission.js';
import { verifyCanonical } from '../log/envelope.js';
import { parseVerifierKey, type Verifier } from '../log/note.js';
import { parseStrictJson } from './strict_json.js';

/** Why a submission is rejected: the definition's hard errors, and those of keys and state. */
export const REJECTION_CODES = [
  ...SUBMISSION_ERROR_CODES,
  'malformed_json',
  'duplicate_key',
  'unknown_key',
  'revoked_key',
  'key_not_for_unit',
  'bad_signature',
  'replayed_sequence',
  'amendment_without_reason',
] as const;

export type RejectionCode = (typeof REJECTION_CODES)[number];

const rejectionCodes: ReadonlySet<string> = new Set(REJECTION_CODES);

/** A code read back from a receipt or a log entry, narrowed to the codes this version knows. */
export function isRejectionCode(code: string): code is RejectionCode {
  return rejectionCodes.has(code);
}

/** A submission that passed every check that needs no state (plain data: it crosses threads). */
export interface Checked {
  readonly type: 'checked';
  readonly unit: string;
  readonly voteType: string;
  readonly sequence: number;
  readonly amended: boolean;
  /** The signing key, `name+keyid`. */
  readonly source: string;
  /** The signed submission's canonical JSON: the log entry holds exactly this. */
  readonly signedCanonical: string;
  /** SHA-256 of the signed submission's canonical JSON: identical re-sends match it. */
  readonly digest: string;
  /** SHA-256 of the numbers alone: equal numbers from two sources match it. */
  readonly countsDigest: string;
  readonly warnings: readonly { readonly code: string; readonly message: string }[];
}

export interface Refused {
  readonly type: 'refused';
  readonly error: Problem<RejectionCode>;
  /** The body as parsed, when it was JSON. */
  readonly raw?: JsonValue;
}

/** The roster does not (yet) hold the signer's key here: look it up and check again. */
export interface NeedKey {
  readonly type: 'need_key';
  readonly ref: string;
  readonly raw?: JsonValue;
}

export type CheckOutcome = Checked | Refused | NeedKey;

export interface RosterEntryView {
  readonly verifierKey: string;
  readonly unit: string;
}

/** The roster as a checker sees it: key strings by reference, parsed on first use. */
export class RosterView {
  private readonly entries = new Map<string, RosterEntryView>();
  private readonly parsed = new Map<string, Verifier>();

  add(ref: string, entry: RosterEntryView): void {
    this.entries.set(ref, entry);
    this.parsed.delete(ref);
  }

  lookup(ref: string): { verifier: Verifier; unit: string } | undefined {
    const entry = this.entries.get(ref);
    if (entry === undefined) return undefined;
    let verifier = this.parsed.get(ref);
    if (verifier === undefined) {
      const key = parseVerifierKey(entry.verifierKey);
      if (!key.ok) throw new Error(`roster key ${ref} does not parse`);
      verifier = key.value;
      this.parsed.set(ref, verifier);
    }
    return { verifier, unit: entry.unit };
  }
}

const sha256Hex = (data: string): string => createHash('sha256').update(data).digest('hex');

/**
 * The canonical JSON of `{ signature, signer, submission }` from the submission's canonical
 * form: RFC 8785 sorts those keys so, and writes strings as JSON.stringify does.
 */
export function signedCanonical(
  signature: string,
  signer: string,
  submissionCanonical: string,
): string {
  return `{"signature":${JSON.stringify(signature)},"signer":${JSON.stringify(signer)},"submission":${submissionCanonical}}`;
}

export function checkBody(election: Election, roster: RosterView, body: Uint8Array): CheckOutcome {
  const json = parseStrictJson(body);
  if (!json.ok) return { type: 'refused', error: json.error };
  const raw = json.value as JsonValue;
  const parsed = parseSignedSubmission(raw);
  if (!parsed.ok)
    return { type: 'refused', error: { ...parsed.error, code: 'malformed_submission' } };
  const signed = parsed.value;
  const refused = (error: Problem<RejectionCode>): Refused => ({ type: 'refused', error, raw });

  const key = roster.lookup(signed.signer);
  if (key === undefined) return { type: 'need_key', ref: signed.signer, raw };
  const submissionCanonical = canonicalJson((raw as { submission: JsonValue }).submission);
  if (!verifyCanonical(SUBMISSION_CONTEXT, submissionCanonical, signed.signature, key.verifier)) {
    return refused(
      problem('bad_signature', `the signature does not verify with key ${signed.signer}`),
    );
  }
  const rules = checkSubmission(election, signed.submission);
  if (!rules.ok) return refused(rules.error);
  const { submission } = signed;
  const signedText = signedCanonical(signed.signature, signed.signer, submissionCanonical);
  if (!isWithin(election, submission.unit, key.unit)) {
    return refused(
      problem(
        'key_not_for_unit',
        `key ${signed.signer} is certified for unit "${key.unit}", not "${submission.unit}"`,
      ),
    );
  }
  return {
    type: 'checked',
    unit: submission.unit,
    voteType: submission.voteType,
    sequence: submission.sequence,
    amended: submission.amendment !== undefined,
    source: signed.signer,
    signedCanonical: signedText,
    digest: sha256Hex(signedText),
    countsDigest: countsFingerprint(submission),
    warnings: rules.value.map((w) => ({ code: w.code, message: w.message })),
  };
}
