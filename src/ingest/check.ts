// Everything about a submission body that needs no database: strict JSON, the schema, the
// signature against the roster key, the election definition's rules. Synchronous and
// self-contained, so it runs on the main thread or in a worker (check_pool.ts) alike.
import { canonicalJson, type JsonValue } from '../core/canonical_json.js';
import { ADMISSION_CODES, submissionFacts, type SubmissionFacts } from '../core/admission.js';
import type { Election } from '../core/election.js';
import { SUBMISSION_CONTEXT } from '../core/log_entry.js';
import { problem, type Problem } from '../core/result.js';
import { parseSignedSubmission, SUBMISSION_ERROR_CODES } from '../core/submission.js';
import { verifyCanonical } from '../log/envelope.js';
import { parseVerifierKey, type Verifier } from '../log/note.js';
import { MAX_ENTRY_SIZE } from '../log/tiles.js';
import { parseStrictJson } from './strict_json.js';

/** Why a submission is rejected: the definition's hard errors, and those of keys and state. */
export const REJECTION_CODES = [
  ...SUBMISSION_ERROR_CODES,
  ...ADMISSION_CODES,
  'malformed_json',
  'duplicate_key',
  'submission_too_large',
] as const;

export type RejectionCode = (typeof REJECTION_CODES)[number];

const rejectionCodes: ReadonlySet<string> = new Set(REJECTION_CODES);

/** A code read back from a receipt or a log entry, narrowed to the codes this version knows. */
export function isRejectionCode(code: string): code is RejectionCode {
  return rejectionCodes.has(code);
}

/** A submission entry's bytes beyond the signed submission and its warnings, with room to spare. */
const ENTRY_OVERHEAD = 512;

/**
 * A signed submission read and checked as far as it can be without the log's state (plain
 * data: it crosses threads). The admission rules (src/core/admission.ts) decide the rest.
 */
export interface Checked {
  readonly type: 'checked';
  readonly facts: SubmissionFacts;
  /** The signed submission's canonical JSON: the log entry holds exactly this. */
  readonly signedCanonical: string;
}

export interface Refused {
  readonly type: 'refused';
  readonly error: Problem<RejectionCode>;
}

/**
 * Whether a key of the roster vouches for the body: its signature verified. Only then is the
 * submission the sender's to have logged as sent; any other body is logged by its digest and
 * size alone, and within its sender's share (anyone can send anything).
 */
export function vouchedFor(outcome: Checked | Refused): boolean {
  return outcome.type === 'checked' && outcome.facts.signature === 'valid';
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

export function checkBody(election: Election, roster: RosterView, body: Uint8Array): CheckOutcome {
  const json = parseStrictJson(body);
  if (!json.ok) return { type: 'refused', error: json.error };
  const raw = json.value as JsonValue;
  const parsed = parseSignedSubmission(raw);
  if (!parsed.ok)
    return { type: 'refused', error: { ...parsed.error, code: 'malformed_submission' } };
  const signed = parsed.value;
  const key = roster.lookup(signed.signer);
  if (key === undefined) return { type: 'need_key', ref: signed.signer, raw };
  const canonical = canonicalJson((raw as { submission: JsonValue }).submission);
  const valid = verifyCanonical(SUBMISSION_CONTEXT, canonical, signed.signature, key.verifier);
  const { facts, signedCanonical } = submissionFacts(
    election,
    signed,
    canonical,
    valid ? 'valid' : 'invalid',
  );
  // Numbers grow when written canonically (1e15 is 1000000000000000): the entry must still fit.
  const entryBytes =
    Buffer.byteLength(signedCanonical) +
    Buffer.byteLength(canonicalJson(facts.warnings)) +
    ENTRY_OVERHEAD;
  if (entryBytes > MAX_ENTRY_SIZE) {
    return {
      type: 'refused',
      error: problem(
        'submission_too_large',
        `the submission's log entry would have ${String(entryBytes)} bytes; at most ${String(MAX_ENTRY_SIZE)}`,
      ),
    };
  }
  return { type: 'checked', facts, signedCanonical };
}
