// The verifier's parallel work: what each worker does with its share of the log and of the
// results files. Pure, like the rest of src/verify: a task is data in, data out, with the
// worker's state kept between tasks, so it runs in a worker thread (src/cli/verify_pool.ts) or
// in-process (inProcessWorkers) alike. The log's entries are shared, not copied: one buffer.
//
//   1. roster:  each worker finds the roster statements in its range of entries by their bytes
//               (as Tally writes them) and checks the authority's signature on each: the main
//               thread makes the roster's keys of them.
//   2. read:    with those keys, each worker decodes and schema-checks every entry of its range
//               and reads each as the admission rules do (src/core/admission.ts): a submission's
//               signature, the definition's rules, its fingerprints. One pass, keeping nothing of
//               an entry but what the rules need. The main thread then folds the rules over these
//               in log order (replay.ts), once the roster every worker decoded gives the same
//               keys (else the entries are read again with those).
//   3. count:   each worker makes an empty tally while the main thread replays (prepare), then
//               counts the submissions that count for its groups of reporting units
//               and returns the sums its units add to every area above them.
//   4. results: each worker writes its groups' files as Tally does (as bytes) and compares their SHA-256
//               with the published files'.
import { parseElectionDefinition, type Election } from '../core/election.js';
import {
  decodeLogEntry,
  ROSTER_CONTEXT,
  SUBMISSION_CONTEXT,
  type LogEntry,
  type RosterStatement,
  type SubmissionEntry,
} from '../core/log_entry.js';
import {
  submissionCanonical,
  submissionFacts,
  type AdmissionEntry,
  type SubmissionFacts,
  releaseAdmission,
  contestStatusAdmission,
  reviewAdmission,
  type RosterSigner,
} from '../core/admission.js';
import type { JsonValue } from '../core/canonical_json.js';
import { throwIllegalValue, type ProblemSummary } from '../core/result.js';
import { sha256Hex } from '../core/sha256.js';
import { strictUtf8Text } from '../core/text.js';
import type { SignedSubmission, Submission } from '../core/submission.js';
import { Tally, type AreaResults, type TallySums } from '../core/tally.js';
import { writeNistResults, type NistReportInfo } from '../formats/nist_cdf_results.js';
import { unitsCsv, writeUnitResults } from '../formats/results_feed.js';
import { withJsonBytes } from '../formats/json_bytes.js';
import { keyRef, verifyCanonical, verifyObject } from '../log/envelope.js';
import { parseVerifierKey, type Verifier } from '../log/note.js';
import type { CountedEntry } from './replay.js';

const encoder = new TextEncoder();

/** The submission a submission entry records, read without checks: the workers checked it. */
export function submissionIn(entry: Uint8Array): Submission {
  return (JSON.parse(strictUtf8Text(entry) ?? '') as SubmissionEntry).signed.submission;
}

/** A submission entry's submission and when it was received, as a tally counts it. */
export function countedIn(entry: Uint8Array): { submission: Submission; receivedAt: string } {
  const e = JSON.parse(strictUtf8Text(entry) ?? '') as SubmissionEntry;
  return { submission: e.signed.submission, receivedAt: e.receivedAt };
}

/** The log's entries, in one buffer every worker reads: entry i is bytes[offsets[i], offsets[i+1]). */
export interface SharedEntries {
  readonly bytes: SharedArrayBuffer;
  /** Float64Array of count + 1 offsets. */
  readonly offsets: SharedArrayBuffer;
}

export function shareEntries(entries: readonly Uint8Array[]): SharedEntries {
  let total = 0;
  for (const e of entries) total += e.byteLength;
  const bytes = new SharedArrayBuffer(total);
  const offsets = new SharedArrayBuffer((entries.length + 1) * 8);
  const view = new Uint8Array(bytes);
  const at = new Float64Array(offsets);
  let offset = 0;
  entries.forEach((e, i) => {
    at[i] = offset;
    view.set(e, offset);
    offset += e.byteLength;
  });
  at[entries.length] = offset;
  return { bytes, offsets };
}

/** A problem a worker found, as the verifier reports it. */
export interface FoundProblem {
  readonly code: string;
  readonly message: string;
  readonly entry?: number;
  readonly area?: string;
}

/** Every key a roster statement signed by the authority certified: ref, key. */
export type VerifyTaskKeys = readonly (readonly [string, string])[];

export type VerifyTask =
  | {
      /** Shares the entries, and finds and checks the roster statements of a worker's range. */
      readonly type: 'roster';
      readonly entries: SharedEntries;
      readonly from: number;
      readonly to: number;
      /** The election definition's canonical JSON (the log's first entries). */
      readonly definition: string;
    }
  | {
      /** Reads every entry of the range, against the keys the roster certified (certifiedKeys). */
      readonly type: 'read';
      readonly keys: VerifyTaskKeys;
    }
  | {
      /** Makes the empty tally `count` counts into: sent while the main thread replays. */
      readonly type: 'prepare';
    }
  | {
      /** Counts the groups' submissions, kept for `results`, and answers their sums. */
      readonly type: 'count';
      readonly groups: readonly GroupTask[];
    }
  | {
      /** Rebuilds and compares the files of the groups last counted. */
      readonly type: 'results';
      /** Per group counted, in the same order, its published files' SHA-256. */
      readonly published: readonly PublishedGroup[];
    };

/**
 * A logged signed submission as the admission rules and the tally need it: a submission entry,
 * or a rejection entry that holds the submission as sent.
 */
export interface LoggedSubmission {
  readonly entry: number;
  readonly election: string;
  readonly facts: SubmissionFacts;
  /** Its ballots cast, and the contests it has results for: what the pages' recount reads. */
  readonly ballotsCast: number;
  readonly contests: readonly string[];
  /** What the entry records. */
  readonly recorded:
    | {
        readonly type: 'submission';
        readonly status: SubmissionEntry['status'];
        readonly kind: SubmissionEntry['kind'];
        readonly warnings: readonly string[];
      }
    | { readonly type: 'rejection'; readonly error: ProblemSummary };
}

/** An entry the rules read as it is: the definition's, or a rejection without a submission. */
export interface PlainEntry {
  readonly entry: number;
  readonly admission: AdmissionEntry;
}

export interface RosterFacts {
  readonly entry: number;
  readonly statement: RosterStatement;
  readonly signer: string;
  /** Who signed it, as its signature shows: an authority key, a delegated key, or none. */
  readonly signedBy: RosterSigner;
}

/** One group of reporting units (a results file each in units/ and cdf/) to check. */
export interface GroupTask {
  readonly id: string;
  readonly parent: string;
  readonly units: readonly string[];
  /**
   * Per unit, the submissions that count (its latest accepted submission per vote type): each
   * one's entry, and the entry it counts from.
   */
  readonly counted: readonly (readonly CountedEntry[])[];
  /**
   * Per unit, what counted as of the files' `asOfLog` when that is earlier than the version's
   * numbers (the files show `counted` otherwise).
   */
  readonly fileCounted?: readonly (readonly CountedEntry[])[];
  /** The `asOfLog` the publisher wrote: one past the last entry that changed these units. */
  readonly asOfLog: number;
  /** The header of its cdf/<group>.json, as the publisher writes it. */
  readonly cdfInfo: NistReportInfo;
}

/** SHA-256 of a group's published files, where they are published. */
export interface PublishedGroup {
  readonly units?: string;
  readonly cdf?: string;
  readonly csv?: string;
}

export type VerifyTaskResult =
  | {
      /** The roster statements found in the range by their bytes. */
      readonly type: 'roster';
      readonly roster: RosterFacts[];
    }
  | {
      readonly type: 'read';
      readonly problems: FoundProblem[];
      /** The roster statements in the range, every entry decoded. */
      readonly roster: RosterFacts[];
      readonly submissions: LoggedSubmission[];
      readonly plain: PlainEntry[];
    }
  | { readonly type: 'prepared' }
  | { readonly type: 'counted'; readonly sums: TallySums }
  | {
      readonly type: 'results';
      /** Groups whose files are not what the log makes them, with the units' results. */
      readonly differ: {
        readonly group: string;
        readonly units: boolean;
        readonly cdf: boolean;
        readonly csv: boolean;
        /** The units' results as of the files' asOfLog, and the report's status then. */
        readonly areas: AreaResults[];
        readonly complete: boolean;
      }[];
      readonly numbersCompared: number;
    };

/** What a worker keeps between tasks. */
export class WorkerState {
  entries?: { bytes: Uint8Array; offsets: Float64Array };
  election?: Election;
  /** This worker's range of entries. */
  range: readonly [number, number] = [0, 0];
  authority: Verifier[] = [];
  /** The roster statements found in the range, by entry: read once, signature checked once. */
  readonly roster = new Map<number, RosterFacts>();
  /** The empty tally `count` counts into next (prepare). */
  prepared?: Tally | undefined;
  /** The groups last counted, and their tally. */
  counted?: { readonly groups: readonly GroupTask[]; readonly tally: Tally };
}

/** Entry `index`, where it is in shared memory. */
function entryBytes(state: WorkerState, index: number): Uint8Array {
  const { bytes, offsets } = state.entries ?? fail('no entries');
  return bytes.subarray(offsets[index], offsets[index + 1]);
}

function fail(message: string): never {
  throw new Error(`verify worker: ${message}`);
}

export function runTask(state: WorkerState, task: VerifyTask): VerifyTaskResult {
  switch (task.type) {
    case 'roster':
      return roster(state, task);
    case 'read':
      return read(state, task.keys);
    case 'prepare':
      state.prepared = new Tally(state.election ?? fail('no election'));
      return { type: 'prepared' };
    case 'count':
      return count(state, task.groups);
    case 'results':
      return results(state, task.published);
    default:
      return throwIllegalValue(task);
  }
}

function roster(
  state: WorkerState,
  task: Extract<VerifyTask, { type: 'roster' }>,
): VerifyTaskResult {
  state.entries = {
    bytes: new Uint8Array(task.entries.bytes),
    offsets: new Float64Array(task.entries.offsets),
  };
  state.range = [task.from, task.to];
  state.prepared = undefined;
  const parsed = parseElectionDefinition(JSON.parse(task.definition) as unknown);
  if (!parsed.ok) fail(parsed.error.message);
  state.election = parsed.value;
  state.authority = parsed.value.definition.authority.keys.flatMap((k) => {
    const v = parseVerifierKey(k);
    return v.ok ? [v.value] : [];
  });
  state.roster.clear();
  for (const entry of rosterCandidates(state)) {
    const decoded = decodeLogEntry(entryBytes(state, entry));
    if (decoded.ok && decoded.value.type === 'roster') {
      state.roster.set(entry, rosterFacts(state, entry, decoded.value));
    }
  }
  return { type: 'roster', roster: [...state.roster.values()] };
}

function read(state: WorkerState, keyList: VerifyTaskKeys): VerifyTaskResult {
  const election = state.election ?? fail('no election');
  const keys = new Map<string, Verifier>();
  for (const [ref, text] of keyList) {
    const key = parseVerifierKey(text);
    if (key.ok) keys.set(ref, key.value);
  }
  const problems: FoundProblem[] = [];
  const roster: RosterFacts[] = [];
  const submissions: LoggedSubmission[] = [];
  const plain: PlainEntry[] = [];
  // What many submissions have alike (the contests they report, how they are recorded, no
  // warnings) is one object for them all, which the answer then holds once: the main thread
  // receives hundreds of thousands of submissions.
  const alike = new Map<string, unknown>();
  const shared = <T>(value: T): T => {
    const key = JSON.stringify(value);
    const known = alike.get(key) as T | undefined;
    if (known !== undefined) return known;
    alike.set(key, value);
    return value;
  };
  const readSubmission = (
    entry: number,
    signed: SignedSubmission,
    recorded: LoggedSubmission['recorded'],
  ) => {
    const key = keys.get(signed.signer);
    const canonical = submissionCanonical(signed);
    const signature =
      key === undefined
        ? 'unchecked'
        : verifyCanonical(SUBMISSION_CONTEXT, canonical, signed.signature, key)
          ? 'valid'
          : 'invalid';
    const { facts } = submissionFacts(election, signed, canonical, signature);
    const { submission } = signed;
    submissions.push({
      entry,
      election: submission.election,
      facts: { ...facts, warnings: shared(facts.warnings) },
      ballotsCast: submission.ballotsCast,
      contests: shared(submission.contests.map((c) => c.contest)),
      recorded: shared(recorded),
    });
  };
  const [from, to] = state.range;
  for (let entry = from; entry < to; entry++) {
    const decoded = decodeLogEntry(entryBytes(state, entry));
    if (!decoded.ok) {
      problems.push({
        code: 'malformed_entry',
        message: `entry ${entry}: ${decoded.error.message}`,
        entry,
      });
      continue;
    }
    const e = decoded.value;
    switch (e.type) {
      case 'election':
        plain.push({ entry, admission: { type: 'election', parts: e.parts } });
        break;
      case 'election-part':
        plain.push({ entry, admission: { type: 'election-part', part: e.part } });
        break;
      case 'roster':
        roster.push(state.roster.get(entry) ?? rosterFacts(state, entry, e));
        break;
      case 'submission':
        readSubmission(entry, e.signed, {
          type: 'submission',
          status: e.status,
          kind: e.kind,
          warnings: e.warnings.map((w) => w.code),
        });
        break;
      case 'review':
        plain.push({ entry, admission: reviewAdmission(e, entry) });
        break;
      case 'release':
        plain.push({ entry, admission: releaseAdmission(e, entry) });
        break;
      case 'contest-status':
        plain.push({ entry, admission: contestStatusAdmission(e, entry) });
        break;
      case 'rejection':
        // Ingest logs the submission with its rejection only once a roster key vouched for it
        // (src/ingest/check.ts): the rules can judge it again, whatever the rejection says.
        if (e.signed !== undefined) {
          readSubmission(entry, e.signed, { type: 'rejection', error: e.error });
        } else plain.push({ entry, admission: { type: 'rejection', error: e.error } });
        break;
      default:
        throwIllegalValue(e);
    }
  }
  return { type: 'read', problems, roster, submissions, plain };
}

/**
 * A roster statement, and who signed it: an authority key of the definition, or the delegated
 * key the entry names (the rules then hold that key to the delegation's).
 */
function rosterFacts(
  state: WorkerState,
  entry: number,
  e: Extract<LogEntry, { type: 'roster' }>,
): RosterFacts {
  const statement = e.statement as JsonValue;
  const signedBy = ((): RosterSigner => {
    if (e.delegation === undefined) {
      const signer = state.authority.find((k) => keyRef(k) === e.signer);
      return signer !== undefined && verifyObject(ROSTER_CONTEXT, statement, e.signature, signer)
        ? { type: 'authority' }
        : { type: 'invalid' };
    }
    const delegated = parseVerifierKey(e.delegation.key);
    return delegated.ok &&
      keyRef(delegated.value) === e.signer &&
      verifyObject(ROSTER_CONTEXT, statement, e.signature, delegated.value)
      ? { type: 'delegation', entry: e.delegation.entry, key: e.delegation.key }
      : { type: 'invalid' };
  })();
  return { entry, statement: e.statement, signer: e.signer, signedBy };
}

const ROSTER_MARK = new TextEncoder().encode('"type":"roster"');

/**
 * The entries of the worker's range whose bytes hold the roster's type as Tally writes it
 * (canonical JSON): every roster statement, but for one written otherwise, which the worker
 * decoding every entry then finds (and the main thread has the entries read again).
 */
function rosterCandidates(state: WorkerState): number[] {
  const { bytes, offsets } = state.entries ?? fail('no entries');
  const [from, to] = state.range;
  const all = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = offsets[to] ?? all.byteLength;
  const found: number[] = [];
  let entry = from;
  for (let at = all.indexOf(ROSTER_MARK, offsets[from] ?? 0); at >= 0 && at < end;) {
    while ((offsets[entry + 1] ?? Infinity) <= at) entry++;
    found.push(entry);
    at = all.indexOf(ROSTER_MARK, offsets[entry + 1] ?? all.byteLength);
  }
  return found;
}

/**
 * Each key the authority signed a certification of, by reference: the first such key (a key is
 * certified once; the rules refuse a second certification).
 */
export function certifiedKeys(roster: readonly RosterFacts[]): Map<string, string> {
  const keys = new Map<string, string>();
  for (const r of [...roster].sort((a, b) => a.entry - b.entry)) {
    if (r.signedBy.type === 'invalid' || r.statement.action !== 'certify') continue;
    const key = parseVerifierKey(r.statement.key);
    if (!key.ok) continue;
    const ref = keyRef(key.value);
    if (!keys.has(ref)) keys.set(ref, r.statement.key);
  }
  return keys;
}

function count(state: WorkerState, groups: readonly GroupTask[]): VerifyTaskResult {
  const tally = state.prepared ?? new Tally(state.election ?? fail('no election'));
  state.prepared = undefined;
  // Read again (a worker keeps nothing of the entries it checked): checked, so only read.
  for (const group of groups) {
    for (const entries of group.counted) {
      for (const { entry, at } of entries) {
        const { submission, receivedAt } = countedIn(entryBytes(state, entry));
        tally.count(at, submission, receivedAt);
      }
    }
  }
  state.counted = { groups, tally };
  return { type: 'counted', sums: tally.sums() };
}

function results(state: WorkerState, published: readonly PublishedGroup[]): VerifyTaskResult {
  const election = state.election ?? fail('no election');
  const { groups, tally } = state.counted ?? fail('nothing counted');
  const differ: Extract<VerifyTaskResult, { type: 'results' }>['differ'] = [];
  let numbersCompared = 0;
  // The groups whose files show earlier numbers than the version's, counted as of their size.
  let earlier: Tally | undefined;
  groups.forEach((group, i) => {
    const { units, cdf, csv } = published[i] ?? {};
    if (units === undefined && cdf === undefined && csv === undefined) return;
    let counts = tally;
    if (group.fileCounted !== undefined) {
      counts = earlier ??= new Tally(election);
      for (const entries of group.fileCounted) {
        for (const { entry, at } of entries)
          counts.count(at, submissionIn(entryBytes(state, entry)));
      }
    }
    const areas = group.units.map((id) => counts.area(id) ?? fail(`no unit ${id}`));
    const unitsDiffer =
      units !== undefined &&
      withJsonBytes((w) => {
        writeUnitResults(w, election, group.asOfLog, group, areas);
      }, sha256Hex) !== units;
    const cdfDiffer =
      cdf !== undefined &&
      withJsonBytes((w) => {
        writeNistResults(w, election, areas, group.cdfInfo);
      }, sha256Hex) !== cdf;
    const csvDiffer =
      csv !== undefined &&
      sha256Hex(encoder.encode(unitsCsv(election, areas, { log: group.asOfLog }))) !== csv;
    if (unitsDiffer || cdfDiffer || csvDiffer) {
      differ.push({
        group: group.id,
        units: unitsDiffer,
        cdf: cdfDiffer,
        csv: csvDiffer,
        areas,
        complete: group.cdfInfo.complete,
      });
    }
    const numbers = numbersOf(areas);
    if (units !== undefined && !unitsDiffer) numbersCompared += numbers;
    if (cdf !== undefined && !cdfDiffer) numbersCompared += numbers;
    if (csv !== undefined && !csvDiffer) numbersCompared += numbers;
  });
  return { type: 'results', differ, numbersCompared };
}

/** How many numbers the results of these areas state. */
export function numbersOf(areas: readonly AreaResults[]): number {
  let n = 0;
  for (const area of areas) {
    const voteTypes = Object.keys(area.ballotsCast.byVoteType).length;
    n += 4 + voteTypes;
    for (const c of area.contests)
      n += 2 + (3 + Object.keys(c.total.counts).length) * (1 + voteTypes);
  }
  return n;
}
