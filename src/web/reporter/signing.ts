// What the device signs, byte for byte as the server checks it (src/log/envelope.ts and
// src/ingest/check.ts): a submission is signed as `tally-submission/1\n` followed by its RFC 8785
// canonical JSON; an evidence file as `tally-evidence/1\n<its SHA-256 in hex>\n`, which the
// device upload route checks (src/server/reporter_routes.ts). Pure but for the signature itself.
import canonicalize from 'canonicalize';
import type { JsonValue } from '../../core/canonical_json.js';
import type { SignedSubmission, Submission } from '../../core/submission.js';
import { signBytes, type DeviceKey } from './device_key.js';
import { encodeUtf8 } from './encoding.js';

/** core's SUBMISSION_CONTEXT (src/core/log_entry.ts), which signing.test.ts holds it to. */
export const SUBMISSION_CONTEXT = 'tally-submission/1';
/** The context of a device's evidence upload (src/server/reporter_routes.ts's, by the test). */
export const EVIDENCE_CONTEXT = 'tally-evidence/1';

/**
 * RFC 8785 canonical JSON, by the library core uses (src/core/canonical_json.ts), with core's
 * refusal of what has no canonical form.
 */
export function canonicalJson(value: JsonValue): string {
  if (!wellFormed(value)) throw new Error('canonical JSON: lone surrogate in string');
  const text = canonicalize(value);
  if (text === undefined) throw new Error('canonical JSON: value has no JSON form');
  return text;
}

/** Whether every string in the value (keys too) is valid Unicode, with no lone surrogate. */
function wellFormed(value: JsonValue): boolean {
  if (typeof value === 'string') return value.isWellFormed();
  if (value === null || typeof value !== 'object') return true;
  if (Array.isArray(value)) return (value as readonly JsonValue[]).every(wellFormed);
  return Object.entries(value).every(([key, item]) => key.isWellFormed() && wellFormed(item));
}

/** The bytes a submission's signature is over. */
export function submissionMessage(submission: Submission): Uint8Array<ArrayBuffer> {
  return encodeUtf8(`${SUBMISSION_CONTEXT}\n${canonicalJson(submission as unknown as JsonValue)}`);
}

export async function signSubmission(
  submission: Submission,
  key: Pick<DeviceKey, 'privateKey' | 'ref'>,
): Promise<SignedSubmission> {
  const signature = await signBytes(key.privateKey, submissionMessage(submission));
  return { submission, signer: key.ref, signature };
}

/** The bytes a device signs to upload an evidence file, by the file's SHA-256 (hex). */
export function evidenceMessage(sha256: string): Uint8Array<ArrayBuffer> {
  return encodeUtf8(`${EVIDENCE_CONTEXT}\n${sha256}\n`);
}

/** The Authorization header of a device's evidence upload. */
export async function evidenceAuthorization(
  sha256: string,
  key: Pick<DeviceKey, 'privateKey' | 'ref'>,
): Promise<string> {
  return `Tally-Device ${key.ref} ${await signBytes(key.privateKey, evidenceMessage(sha256))}`;
}
