// The verifier's fourth stage: every entry of the log, replayed through the admission rules
// (src/core/admission.ts), the same reducer ingest decides with. The workers decode the entries
// and check what needs no order (signatures, the definition's rules); this thread folds the
// rules over them in log order and compares each decision with what the entry records.
import {
  AdmissionState,
  rosterAdmission,
  type Admission,
  type PublishedStatus,
} from '../core/admission.js';
import { parseElectionDefinition, type Election } from '../core/election.js';
import { decodeLogEntry } from '../core/log_entry.js';
import { throwIllegalValue } from '../core/result.js';
import { sha256Hex } from '../core/sha256.js';
import { slotKey, slotUnit } from '../core/submission.js';
import { keyRef } from '../log/envelope.js';
import { parseVerifierKey } from '../log/note.js';
import type { VerifyProblem, VerifyWorkers } from './verify.js';
import {
  certifiedKeys,
  shareEntries,
  type LoggedSubmission,
  type PlainEntry,
  type RosterFacts,
} from './work.js';

/** What the replay leaves for the results. */
export interface Replayed {
  readonly election: Election;
  /** Per entry, what the rules make of it; undefined for an entry that does not decode. */
  readonly decisions: readonly (Admission | undefined)[];
  /**
   * Per reporting unit, the submissions the version counts: its latest accepted submission per
   * vote type among the version's entries, with the entry it counts from.
   */
  readonly counted: Map<string, CountedEntry[]>;
  /** Per reporting unit, the last entry that changed its numbers. */
  readonly revisions: Map<string, number>;
  /** Reporting units with a counted submission. */
  readonly reportedUnits: number;
  /** Accepted submissions in the version's share of the log. */
  readonly accepted: number;
  /** Reviewers' decisions on held submissions in the version's share of the log. */
  readonly reviews: number;
  /** The entry that released the results to the public site, if one did. */
  readonly released: number | undefined;
  /** Every change of a contest's status among the version's entries, in log order. */
  readonly statuses: readonly PublishedStatus[];
  /**
   * The entries the version counts, in log order, as a tally applies them: each accepted
   * submission for a reporting unit and a vote type of the election, with the entry it replaced.
   */
  readonly counting: readonly CountingEntry[];
  /** Contiguous ranges of entries, one per worker, as the workers hold them. */
  readonly ranges: readonly (readonly [number, number])[];
}

/**
 * A submission that counts: its entry, and the entry it counts from (its own, or that of the
 * review that accepted it), which is where a tally counts it.
 */
export interface CountedEntry {
  readonly entry: number;
  readonly at: number;
}

/** An entry a tally applies, and the earlier entry of its unit and vote type it replaces. */
export interface CountingEntry extends CountedEntry {
  readonly unit: string;
  readonly voteType: string;
  readonly ballotsCast: number;
  readonly contests: readonly string[];
  readonly replaces?: number;
}

/**
 * Replays `entries` (the whole published log): the definition it starts with, then every entry
 * through the admission rules. What counts (`counted`, `revisions`, `accepted`) is what the
 * first `versionSize` entries hold, the version's share; an entry after it is checked all the
 * same, and its problems are marked `afterVersion`. Problems go to `problems`; undefined when
 * the log does not start with a definition to replay against. With `thenCount`, the workers
 * make the tallies they count into next (results.ts) while this thread replays the decisions.
 */
export async function replayLog(
  entries: readonly Uint8Array[],
  workers: VerifyWorkers,
  problems: VerifyProblem[],
  lap: (stage: string) => void = () => undefined,
  versionSize: number = entries.length,
  thenCount = false,
): Promise<Replayed | undefined> {
  const head = readDefinition(entries, problems);
  if (head === undefined) return undefined;
  const ranges = split(entries.length, workers.size);
  const shared = shareEntries(entries);
  // The workers read the definition as this thread does, meanwhile, and find the roster.
  const finding = Promise.all(
    ranges.map(async ([from, to], w) => {
      const found = await workers.run(w, {
        type: 'roster',
        entries: shared,
        from,
        to,
        definition: head.text,
      });
      if (found.type !== 'roster') throw new Error('verify: a worker answered out of turn');
      return found.roster;
    }),
  );
  const reading = (keys: Map<string, string>) =>
    Promise.all(
      ranges.map(async (_, w) => {
        const read = await workers.run(w, { type: 'read', keys: [...keys] });
        if (read.type !== 'read') throw new Error('verify: a worker answered out of turn');
        return read;
      }),
    );
  const parsed = parseElectionDefinition(parseJsonText(head.text));
  if (!parsed.ok) {
    problems.push({ code: 'log_start', message: parsed.error.message, entry: 0 });
    await finding.catch(() => undefined);
    return undefined;
  }
  const election = parsed.value;
  const found = certifiedKeys((await finding).flat());
  let read = await reading(found);
  const roster = read.flatMap((r) => r.roster);
  // The roster found by its bytes is the whole roster but for a statement written otherwise
  // than Tally writes it, which decoding every entry finds: the entries are then read again.
  const keys = certifiedKeys(roster);
  if (!(keys.size === found.size && [...keys].every(([ref, key]) => found.get(ref) === key))) {
    read = await reading(keys);
  }
  const entryProblems: VerifyProblem[] = [];
  const byEntry: Replayable[] = new Array<Replayable>(entries.length);
  for (const r of roster) byEntry[r.entry] = { type: 'roster', roster: r };
  for (const r of read) {
    append(entryProblems, r.problems);
    for (const s of r.submissions) byEntry[s.entry] = { type: 'submission', logged: s };
    for (const p of r.plain) byEntry[p.entry] = { type: 'plain', plain: p };
  }
  // A worker that fails to make its tally fails the count that follows.
  if (thenCount) {
    for (const w of ranges.keys()) workers.run(w, { type: 'prepare' }).catch(() => undefined);
  }
  lap('entries decoded, signatures and rules checked');
  const replayed = replayDecisions(election, byEntry, entryProblems, versionSize);
  lap('decisions replayed');
  entryProblems.sort((a, b) => (a.entry ?? 0) - (b.entry ?? 0));
  // Entries the version does not count yet are no less the log's: reported, and apart.
  for (const p of entryProblems)
    problems.push(
      p.entry !== undefined && p.entry >= versionSize ? { ...p, afterVersion: true } : p,
    );
  return { ...replayed, election, ranges };
}

/** An entry as the workers read it. */
type Replayable =
  | { readonly type: 'roster'; readonly roster: RosterFacts }
  | { readonly type: 'submission'; readonly logged: LoggedSubmission }
  | { readonly type: 'plain'; readonly plain: PlainEntry };

/**
 * Folds the admission rules over the log in order, comparing each decision with what the entry
 * records. Counts what the publisher counts for a version of `versionSize` entries: the latest
 * accepted submission per unit and vote type, as recorded.
 */
function replayDecisions(
  election: Election,
  byEntry: readonly (Replayable | undefined)[],
  problems: VerifyProblem[],
  versionSize: number,
): Omit<Replayed, 'election' | 'ranges'> {
  const state = new AdmissionState();
  const decisions: (Admission | undefined)[] = new Array<Admission | undefined>(byEntry.length);
  const slots = new Map<string, CountedEntry>();
  const revisions = new Map<string, number>();
  const reporting = new Set(election.reportingUnits);
  const voteTypes = new Set(election.definition.voteTypes.map((v) => v.id));
  let accepted = 0;
  let reviews = 0;
  const statuses: PublishedStatus[] = [];
  const counting: CountingEntry[] = [];
  /** As Tally counts: a submission for this election, a reporting unit and a vote type. */
  const countFrom = (s: LoggedSubmission, at: number): void => {
    accepted++;
    const { unit, voteType } = s.facts;
    if (s.election !== election.definition.id || !reporting.has(unit) || !voteTypes.has(voteType)) {
      return;
    }
    const slot = slotKey(unit, voteType);
    const replaces = slots.get(slot)?.entry;
    counting.push({
      entry: s.entry,
      at,
      unit,
      voteType,
      ballotsCast: s.ballotsCast,
      contests: s.contests,
      ...(replaces === undefined ? {} : { replaces }),
    });
    slots.set(slot, { entry: s.entry, at });
    revisions.set(unit, at);
  };
  for (let entry = 0; entry < byEntry.length; entry++) {
    const item = byEntry[entry];
    if (item === undefined) continue;
    const fail = (code: string, message: string, extra: Partial<VerifyProblem> = {}): void => {
      problems.push({ code, message: `entry ${String(entry)}: ${message}`, entry, ...extra });
    };
    switch (item.type) {
      case 'plain': {
        const { admission } = item.plain;
        const decision = state.admit(election, admission);
        decisions[entry] = decision;
        if (decision.type === 'refused') fail(decision.error.code, decision.error.message);
        if (admission.type === 'review' && decision.type === 'recorded' && entry < versionSize)
          reviews++;
        if (
          admission.type === 'contest-status' &&
          decision.type === 'recorded' &&
          entry < versionSize
        ) {
          statuses.push(state.contestStatuses.get(admission.contest) as PublishedStatus);
        }
        // A held submission a review accepts counts from the review's entry on.
        if (
          admission.type === 'review' &&
          decision.type === 'recorded' &&
          admission.decision === 'accept' &&
          entry < versionSize
        ) {
          const target = byEntry[admission.target];
          if (target?.type === 'submission') countFrom(target.logged, entry);
        }
        break;
      }
      case 'roster': {
        const r = item.roster;
        const key = parseVerifierKey(r.statement.key);
        if (!key.ok) {
          fail('roster_key', "the roster statement's key does not parse");
          break;
        }
        const admission = rosterAdmission(r.statement, entry, keyRef(key.value), r.signedBy);
        const decision = state.admit(election, admission);
        decisions[entry] = decision;
        if (decision.type === 'refused') {
          const by = decision.error.code === 'roster_signature' ? ` (${r.signer})` : '';
          fail(decision.error.code, `${decision.error.message}${by}`);
        }
        break;
      }
      case 'submission': {
        const s = item.logged;
        const { recorded } = s;
        if (recorded.type === 'rejection') {
          // A rejection changes nothing: what the rules would make of it now is all it is.
          const decision = state.judge(election, s.facts);
          decisions[entry] = decision;
          if (decision.type === 'admitted') {
            // A valid submission the rules admit, logged as refused: it never counted.
            fail(
              'wrongly_rejected',
              `a valid submission for ${s.facts.unit} (${s.facts.voteType}, sequence ${String(s.facts.sequence)} from key ${s.facts.source}) is recorded as rejected (${recorded.error.code}), but the rules admit it: ${describeDecision(decision)}`,
              {
                area: s.facts.unit,
                expected: describeDecision(decision),
                found: recorded.error.code,
              },
            );
          } else if (decision.type !== 'rejected' || decision.error.code !== recorded.error.code) {
            fail(
              'decision_mismatch',
              `recorded as rejected (${recorded.error.code}), the rules make it ${describeDecision(decision)}`,
              {
                area: s.facts.unit,
                expected: describeDecision(decision),
                found: recorded.error.code,
              },
            );
          }
          break;
        }
        if (recorded.status === 'accepted' && entry < versionSize) countFrom(s, entry);
        const decision = state.admit(election, { type: 'submission', leaf: entry, facts: s.facts });
        decisions[entry] = decision;
        compareSubmission(s, decision, (code, message, extra) => {
          fail(code, message, { area: s.facts.unit, ...extra });
        });
        break;
      }
      default:
        throwIllegalValue(item);
    }
  }
  const counted = new Map<string, CountedEntry[]>();
  for (const [slot, c] of slots) {
    const unit = slotUnit(slot);
    const list = counted.get(unit) ?? [];
    list.push(c);
    counted.set(unit, list);
  }
  return {
    decisions,
    counted,
    revisions,
    reportedUnits: counted.size,
    accepted,
    reviews,
    counting,
    released: state.released,
    statuses,
  };
}

/** A logged submission's recorded status, kind and warnings against the rules' decision. */
function compareSubmission(
  s: LoggedSubmission,
  decision: Admission,
  fail: (code: string, message: string, extra?: Partial<VerifyProblem>) => void,
): void {
  const { recorded, facts } = s;
  if (recorded.type !== 'submission') return;
  switch (decision.type) {
    case 'resent':
      fail(
        'duplicate_entry',
        `the same submission is recorded twice (first at ${String(decision.leaf)})`,
      );
      return;
    case 'rejected':
      fail(decision.error.code, `recorded, but ${decision.error.message}`);
      return;
    case 'recorded':
    case 'refused':
      throw new Error(`admission: a submission ${decision.type}`);
    case 'admitted':
      break;
    default:
      throwIllegalValue(decision);
  }
  if (recorded.kind !== decision.kind) {
    fail('decision_mismatch', `recorded as ${recorded.kind}, the rules make it ${decision.kind}`, {
      expected: decision.kind,
      found: recorded.kind,
    });
  }
  const warnings = facts.warnings.map((w) => w.code);
  if (recorded.status !== decision.status || recorded.warnings.join(',') !== warnings.join(',')) {
    fail(
      'decision_mismatch',
      `recorded as ${recorded.status} (${recorded.warnings.join(', ') || 'no warnings'}), the rules make it ${decision.status} (${warnings.join(', ') || 'no warnings'})`,
      { expected: decision.status, found: recorded.status },
    );
  }
}

/** A decision in a few words, for a problem's message. */
export function describeDecision(decision: Admission): string {
  switch (decision.type) {
    case 'admitted':
      return `${decision.status} (${decision.kind})`;
    case 'rejected':
    case 'refused':
      return `${decision.type} (${decision.error.code})`;
    case 'resent':
      return `a re-send of entry ${String(decision.leaf)}`;
    case 'recorded':
      return 'recorded';
    default:
      return throwIllegalValue(decision);
  }
}

/**
 * The election the log defines in its first entries, read as the replay reads it. Undefined
 * (with the problem) when the log does not start with a definition.
 */
export function logElection(
  entries: readonly Uint8Array[],
  problems: VerifyProblem[],
): Election | undefined {
  const head = readDefinition(entries, problems);
  if (head === undefined) return undefined;
  const parsed = parseElectionDefinition(parseJsonText(head.text));
  if (!parsed.ok) {
    problems.push({ code: 'log_start', message: parsed.error.message, entry: 0 });
    return undefined;
  }
  return parsed.value;
}

/** Appends one by one: a spread of hundreds of thousands of items overflows the call stack. */
export function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

/** Contiguous ranges of `count` entries, one per worker. */
function split(count: number, parts: number): [number, number][] {
  const size = Math.ceil(count / Math.max(1, parts));
  return Array.from({ length: Math.max(1, parts) }, (_, i): [number, number] => [
    Math.min(count, i * size),
    Math.min(count, (i + 1) * size),
  ]);
}

/** JSON text parsed, or undefined when it is not JSON (which the schemas then refuse). */
export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The election definition the log starts with: its header entry and the parts that spell it out,
 * matching the SHA-256 the header names. Undefined (with the problem) when the log starts wrong.
 */
function readDefinition(
  entries: readonly Uint8Array[],
  problems: VerifyProblem[],
): { text: string; entries: number } | undefined {
  const decodeAt = (i: number) => {
    const bytes = entries[i];
    if (bytes === undefined) return undefined;
    const e = decodeLogEntry(bytes);
    return e.ok ? e.value : undefined;
  };
  const head = decodeAt(0);
  if (head?.type !== 'election') {
    problems.push({
      code: 'log_start',
      message: 'the log does not start with the election definition',
      entry: 0,
    });
    return undefined;
  }
  let text = '';
  for (let part = 0; part < head.parts; part++) {
    const e = decodeAt(1 + part);
    if (e?.type !== 'election-part' || e.part !== part) {
      problems.push({
        code: 'log_start',
        message: `definition part ${String(part)} is missing`,
        entry: 1 + part,
      });
      return undefined;
    }
    text += e.text;
  }
  if (sha256Hex(new TextEncoder().encode(text)) !== head.definitionSha256) {
    problems.push({
      code: 'log_start',
      message: 'the definition does not match its SHA-256',
      entry: 0,
    });
    return undefined;
  }
  return { text, entries: 1 + head.parts };
}
