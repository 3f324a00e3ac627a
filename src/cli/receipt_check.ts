// A sender's own check of its submission, from the bytes it sent, the receipt it was given and
// the public log alone: the entry the receipt names is in the log (an inclusion proof to the
// signed checkpoint), it is the submission sent (or, for a rejection that keeps only a digest,
// that digest), the receipt says what the entry records, and the admission rules, replayed over
// the log up to the entry, decide what it records. Where the log keeps only a digest, no one but
// the sender can make this last check: only the sender holds the bytes. Pure (files come through
// `read`); here rather than in src/verify because it reads the bytes exactly as ingest does.
import { z } from 'zod';
import { canonicalJson, type JsonValue } from '../core/canonical_json.js';
import { signedCanonical } from '../core/admission.js';
import { zodProblem } from '../core/election.js';
import { decodeLogEntry, encodeLogEntry, type LogEntry } from '../core/log_entry.js';
import { err, ok, problem, type Problem, type Result } from '../core/result.js';
import { sha256Hex } from '../core/sha256.js';
import { parseSignedSubmission } from '../core/submission.js';
import { checkBody, RosterView } from '../ingest/check.js';
import { receiptOf, ReceiptSchema, type Receipt } from '../ingest/receipt.js';
import { parseStrictJson } from '../ingest/strict_json.js';
import { decodeBase64, encodeBase64 } from '../log/encoding.js';
import { asHash, leafHash } from '../log/hash.js';
import { keyRef } from '../log/envelope.js';
import { parseVerifierKey, type Verifier } from '../log/note.js';
import { verifyInclusion } from '../log/proof.js';
import { MAX_ENTRY_SIZE } from '../log/tiles.js';
import { holdToCheckpoint, readPublishedLog } from '../verify/log_check.js';
import { describeDecision, logElection, replayLog } from '../verify/replay.js';
import {
  inProcessWorkers,
  type ReadPublished,
  type VerifyProblem,
  type VerifyWorkers,
} from '../verify/verify.js';

/** A receipt as a sender may hold it: alone, as ingest answered it, or with its proof. */
const HeldReceipt = z.object({
  receipt: ReceiptSchema,
  checkpoint: z.string().optional(),
  treeSize: z.int().min(0).optional(),
  inclusionProof: z.array(z.string()).optional(),
});

/** Why a check cannot begin: the receipt given is not one, or not this log's. */
export type ReceiptInputProblem = Problem<'malformed_receipt' | 'wrong_election' | 'beyond_log'>;

export interface ReceiptCheckOptions {
  /** Keys trusted to sign the log's checkpoints. */
  readonly logKeys: readonly Verifier[];
  readonly workers?: VerifyWorkers;
}

/** What the log records for the entry. */
export interface RecordedOutcome {
  readonly status: Receipt['status'];
  readonly kind?: Receipt['kind'];
  readonly error?: Receipt['error'];
  /** Whether the entry holds the submission itself, or (a rejection) only its digest. */
  readonly holdsSubmission: boolean;
}

export interface ReceiptReport {
  readonly ok: boolean;
  readonly election: string;
  /** The entry the receipt names. */
  readonly entry: number;
  /** The log's signed checkpoint the entry is proven in: its size. */
  readonly logSize: number;
  /** Base64 hashes: the RFC 9162 inclusion proof of the entry in that checkpoint's tree. */
  readonly inclusionProof: readonly string[];
  readonly recorded?: RecordedOutcome;
  /** What the admission rules, replayed over the log up to the entry, make of it. */
  readonly rules?: string;
  /** What is wrong with this submission's entry, or with the receipt. */
  readonly problems: readonly VerifyProblem[];
  /** Problems of the log before the entry: the log's, which `tally verify` names. */
  readonly earlierProblems: readonly VerifyProblem[];
}

/** Reads a receipt as a sender keeps it: the receipt, ingest's answer holding it, or a proof. */
export function parseHeldReceipt(
  text: string,
): Result<z.infer<typeof HeldReceipt>, ReceiptInputProblem> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return err(problem('malformed_receipt', 'the receipt is not JSON'));
  }
  // Ingest answers a rejection with the receipt in error.details.receipt, the rest with
  // { receipt }; a receipt may also be given alone.
  const record = (v: unknown): Record<string, unknown> | undefined =>
    typeof v === 'object' && v !== null && !Array.isArray(v)
      ? (v as Record<string, unknown>)
      : undefined;
  const outer = record(value);
  const inRejection = record(record(record(outer?.['error'])?.['details'])?.['receipt']);
  const held =
    inRejection !== undefined
      ? { receipt: inRejection }
      : outer !== undefined && 'receipt' in outer
        ? outer
        : { receipt: value };
  const parsed = HeldReceipt.safeParse(held);
  return parsed.success
    ? ok(parsed.data)
    : err(zodProblem('malformed_receipt', 'not a receipt', parsed.error));
}

/**
 * Checks a receipt and the bytes its sender sent against the published log. An error when the
 * receipt is not one, is another election's, or names an entry the log does not (yet) hold;
 * otherwise the report, whose problems say what is wrong.
 */
export async function checkReceipt(
  read: ReadPublished,
  sent: Uint8Array,
  receiptText: string,
  options: ReceiptCheckOptions,
): Promise<Result<ReceiptReport, ReceiptInputProblem>> {
  const parsedReceipt = parseHeldReceipt(receiptText);
  if (!parsedReceipt.ok) return parsedReceipt;
  const held = parsedReceipt.value;
  const { receipt } = held;
  const index = receipt.leafIndex;
  const problems: VerifyProblem[] = [];
  const earlierProblems: VerifyProblem[] = [];
  const report = (extra: Partial<ReceiptReport> = {}): ReceiptReport => ({
    ok: problems.length === 0,
    election: receipt.election,
    entry: index,
    logSize: 0,
    inclusionProof: [],
    ...extra,
    problems,
    earlierProblems,
  });

  const log = await readPublishedLog(read, options.logKeys, problems);
  if (log === undefined) return ok(report());
  const logSize = Number(log.checkpoint.size);
  const election = logElection(log.entries, earlierProblems);
  if (election === undefined) {
    problems.push({
      code: 'log_start',
      message: 'the log does not define an election to hold the receipt to',
      entry: 0,
    });
    return ok(report({ logSize }));
  }
  const electionId = election.definition.id;
  if (receipt.election !== electionId) {
    return err(
      problem(
        'wrong_election',
        `the receipt is for election "${receipt.election}", but this log is election "${electionId}"`,
      ),
    );
  }

  // A checkpoint the receipt came with is the log's signed promise that the entry is in it.
  if (held.checkpoint !== undefined) {
    const promised = await holdToCheckpoint(
      log,
      held.checkpoint,
      options.logKeys,
      'the checkpoint the receipt came with',
      'receipt',
      problems,
    );
    if (promised !== undefined) {
      const proof = (held.inclusionProof ?? []).map(decodeBase64);
      const leaf = asHash(decodeBase64(receipt.leafHash) ?? new Uint8Array());
      const proven =
        leaf !== undefined && proof.every((h) => h !== undefined)
          ? verifyInclusion(leaf, BigInt(index), promised.size, proof, promised.root)
          : undefined;
      if (proven?.ok !== true) {
        problems.push({
          code: 'receipt_proof',
          message: `the inclusion proof the receipt came with does not lead from its leaf hash to its checkpoint${proven === undefined ? '' : ` (${proven.error.message})`}`,
          entry: index,
        });
      }
    }
  }
  if (index >= logSize) {
    if (problems.length > 0) return ok(report({ logSize }));
    return err(
      problem(
        'beyond_log',
        `the receipt names entry ${String(index)}, but the published log of "${electionId}" has ${String(logSize)} entries: it is not in the log (checkpoints follow submissions within seconds; if it stays so, the log does not hold the submission)`,
      ),
    );
  }

  // The entry is in the log the checkpoint signs: the proof a sender can keep and show.
  const entryBytes = log.entries[index] as Uint8Array;
  const proof = await log.tree.inclusionProof(BigInt(index), log.checkpoint.size);
  if (!proof.ok) throw new Error(proof.error.message);
  const included = verifyInclusion(
    leafHash(entryBytes),
    BigInt(index),
    log.checkpoint.size,
    proof.value,
    log.checkpoint.root,
  );
  if (!included.ok) throw new Error(`the log's own proof fails: ${included.error.message}`);
  const proven = { logSize, inclusionProof: proof.value.map(encodeBase64) };
  const fail = (code: string, message: string, extra: Partial<VerifyProblem> = {}): void => {
    problems.push({ code, message: `entry ${String(index)}: ${message}`, entry: index, ...extra });
  };

  const decoded = decodeLogEntry(entryBytes);
  const entry = decoded.ok ? decoded.value : undefined;
  if (entry?.type !== 'submission' && entry?.type !== 'rejection') {
    fail(
      'not_a_submission',
      `the log holds ${entry === undefined ? 'an entry that does not decode' : `a ${entry.type} entry`} there, not a submission`,
    );
    return ok(report(proven));
  }
  const recorded = recordedOutcome(entry);

  // What the receipt says is a function of the entry: it must say what the log records.
  const expected = receiptOf(electionId, index, entryBytes, entry);
  const said = summary(receipt);
  if (receipt.leafHash !== expected.leafHash || said !== summary(expected)) {
    fail(
      'receipt_contradicted',
      `the receipt says ${said} (leaf hash ${receipt.leafHash}); the log records ${summary(expected)} (leaf hash ${expected.leafHash})`,
      { expected: summary(expected), found: said },
    );
  }

  // The entry holds what was sent: the submission itself, or the body's digest and size.
  const sentSigned = readSent(sent);
  const sentSha = sha256Hex(sent);
  if (
    entry.type === 'rejection' &&
    (entry.bodySha256 !== sentSha || entry.bodyBytes !== sent.length)
  ) {
    fail(
      'entry_mismatch',
      `the entry records a body of ${String(entry.bodyBytes)} bytes with SHA-256 ${entry.bodySha256}; the bytes given have ${String(sent.length)}, SHA-256 ${sentSha}: not the submission sent`,
      { expected: entry.bodySha256, found: sentSha },
    );
    return ok(report({ ...proven, recorded }));
  }
  if (entry.signed !== undefined) {
    const logged = canonicalJson(entry.signed as unknown as JsonValue);
    if (sentSigned?.canonical !== logged) {
      fail(
        'entry_mismatch',
        'the entry holds a signed submission other than the bytes given: not the submission sent',
        {
          expected: sha256Hex(logged),
          found: sentSigned === undefined ? sentSha : sha256Hex(sentSigned.canonical),
        },
      );
      return ok(report({ ...proven, recorded }));
    }
  }

  // The rules, replayed over the log up to the entry. A rejection that keeps only a digest is
  // replayed as ingest would have logged it had a roster key vouched for the bytes: with the
  // submission, which the rules then judge like any other.
  const prefix = log.entries.slice(0, index + 1);
  if (entry.type === 'rejection' && entry.signed === undefined) {
    const checked = checkBody(election, rosterBefore(prefix), sent);
    if (checked.type !== 'checked') {
      const code = checked.type === 'refused' ? checked.error.code : 'unknown_key';
      if (code !== entry.error.code) {
        fail(
          'decision_mismatch',
          `recorded as rejected (${entry.error.code}), but the bytes given are refused as ${code}`,
          { expected: code, found: entry.error.code },
        );
      }
      return ok(report({ ...proven, recorded, rules: `rejected (${code})` }));
    }
    const signed = parseSignedSubmission(JSON.parse(checked.signedCanonical));
    if (!signed.ok) throw new Error(`a checked submission does not parse: ${signed.error.message}`);
    const asVouched = encodeLogEntry({ ...entry, signed: signed.value });
    // Ingest keeps the submission with its rejection once a roster key vouches for it, unless
    // the entry would then be too large: keeping only its digest hides it from everyone else.
    if (checked.facts.signature === 'valid' && asVouched.length <= MAX_ENTRY_SIZE) {
      fail(
        'submission_withheld',
        `the bytes given are signed by ${checked.facts.source}, a key the roster certified before this entry, yet the rejection keeps only their digest: ingest logs such a submission with its rejection, for anyone to check`,
      );
    }
    prefix[index] = asVouched;
  }
  const replayProblems: VerifyProblem[] = [];
  const replayed = await replayLog(prefix, options.workers ?? inProcessWorkers(), replayProblems);
  for (const p of replayProblems) (p.entry === index ? problems : earlierProblems).push(p);
  const decision = replayed?.decisions[index];
  return ok(
    report({
      ...proven,
      recorded,
      ...(decision === undefined ? {} : { rules: describeDecision(decision) }),
    }),
  );
}

/** What an entry records, as its receipt states it. */
function recordedOutcome(
  entry: Extract<LogEntry, { type: 'submission' | 'rejection' }>,
): RecordedOutcome {
  return entry.type === 'submission'
    ? { status: entry.status, kind: entry.kind, holdsSubmission: true }
    : { status: 'rejected', error: entry.error, holdsSubmission: entry.signed !== undefined };
}

/** A receipt's outcome in a few words: accepted (original), rejected (bad_signature). */
function summary(r: {
  readonly status: Receipt['status'];
  readonly kind?: Receipt['kind'] | undefined;
  readonly error?: Receipt['error'] | undefined;
}): string {
  return r.status === 'rejected'
    ? `rejected (${r.error?.code ?? '?'})`
    : `${r.status} (${r.kind ?? '?'})`;
}

/** The bytes sent, read as ingest reads them: the signed submission's canonical JSON. */
function readSent(sent: Uint8Array): { canonical: string } | undefined {
  const json = parseStrictJson(sent);
  if (!json.ok) return undefined;
  const signed = parseSignedSubmission(json.value);
  if (!signed.ok) return undefined;
  const raw = json.value as { submission: JsonValue };
  return {
    canonical: signedCanonical(
      signed.value.signature,
      signed.value.signer,
      canonicalJson(raw.submission),
    ),
  };
}

/**
 * The keys the log's roster statements before the entry certify, as ingest's roster would hold
 * them to check a body's signature. Which of them the authority truly signed, and whether one
 * was revoked, the replay decides.
 */
function rosterBefore(prefix: readonly Uint8Array[]): RosterView {
  const roster = new RosterView();
  for (const bytes of prefix.slice(0, -1)) {
    const e = decodeLogEntry(bytes);
    if (!e.ok || e.value.type !== 'roster' || e.value.statement.action !== 'certify') continue;
    const key = parseVerifierKey(e.value.statement.key);
    if (key.ok)
      roster.add(keyRef(key.value), {
        verifierKey: e.value.statement.key,
        unit: e.value.statement.unit,
      });
  }
  return roster;
}
