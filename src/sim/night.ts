// Election night, played against a running Tally: each county's tabulation system sends its
// precincts' results, signed with the county's key, in its own order (early and mail ballots
// first, election day through the night), over a chosen duration, in batches of whatever it has
// ready when the last batch was answered. With faults, it also does
// what real nights bring: amendments, identical re-sends, a second source reporting a unit
// differently, bad signatures, impossible numbers, units that never report, and requests cut
// off in the network (retried).
import type { Election } from '../core/election.js';
import {
  slotKey,
  type ContestResult,
  type SignedSubmission,
  type Submission,
} from '../core/submission.js';
import {
  sendSubmissionBatch,
  signSubmission,
  type BatchLineResult,
} from '../ingest/submit_client.js';
import type { Signer } from '../log/note.js';
import { breakCaucusRules, generateSubmission, seededRandom } from './generate.js';

/** How often each fault happens, as a fraction of reports (0 to 1). */
export interface Faults {
  readonly amendment: number;
  readonly duplicate: number;
  readonly conflict: number;
  readonly badSignature: number;
  readonly impossible: number;
  readonly neverReport: number;
  readonly networkFailure: number;
  /** Caucus precincts whose report breaks the caucus rules (Iowa 2020: over 100 of 1,765). */
  readonly caucusRuleBreak: number;
}

export const NO_FAULTS: Faults = {
  amendment: 0.02,
  duplicate: 0,
  conflict: 0,
  badSignature: 0,
  impossible: 0,
  neverReport: 0,
  networkFailure: 0,
  caucusRuleBreak: 0,
};

export const REALISTIC_FAULTS: Faults = {
  amendment: 0.02,
  duplicate: 0.02,
  conflict: 0.01,
  badSignature: 0.005,
  impossible: 0.005,
  neverReport: 0.01,
  networkFailure: 0.02,
  caucusRuleBreak: 0.06,
};

export interface NightOptions {
  readonly serverUrl: string;
  readonly election: Election;
  /** The key each county's tabulation system signs with, by county. */
  readonly countyKeys: ReadonlyMap<string, Signer>;
  /** A second source (certified for the whole election): its reports make conflicts. */
  readonly observerKey?: Signer;
  readonly durationMs: number;
  readonly seed?: number;
  readonly faults?: Faults;
  /** Told after each answer (or final failure). */
  readonly onAnswer?: (answer: Answer) => void;
  /** Told after each report is done with. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface Answer {
  /** When the answer came, ms since the night began. */
  readonly at: number;
  readonly latencyMs: number;
  readonly outcome: 'accepted' | 'held' | 'rejected' | 'failed';
  /** The rejection's code, or the fault that was played. */
  readonly code?: string;
  readonly leafIndex?: number;
  /** The reporting unit the submission was for. */
  readonly unit?: string;
  /** Why it was held: its warnings' codes. */
  readonly heldFor?: readonly string[];
}

export interface NightSummary {
  readonly sent: number;
  readonly accepted: number;
  readonly held: number;
  readonly rejected: number;
  /** Requests that failed (network, server errors) after retries. */
  readonly failed: number;
  /** Units that never reported, by design of the night. */
  readonly silentUnits: readonly string[];
  /**
   * When the first report was due (performance.now()), once every report was made and signed:
   * each answer's `at` counts from here.
   */
  readonly startedAt: number;
}

/** At most this many reports in one batch request. */
const BATCH = 200;

/** The share of a unit's turnout each vote type brings, in the order they report. */
const SHARES: Readonly<Record<string, number>> = { early: 0.25, mail: 0.2, 'election-day': 0.55 };

type Fault =
  | 'none'
  | 'amendment'
  | 'duplicate'
  | 'conflict'
  | 'badSignature'
  | 'impossible'
  | 'caucusRuleBreak';

interface Report {
  readonly at: number;
  readonly signed: SignedSubmission;
  readonly fault: Fault;
  readonly cutOff: boolean;
}

export async function playElectionNight(options: NightOptions): Promise<NightSummary> {
  const { election } = options;
  const faults = options.faults ?? NO_FAULTS;
  const random = seededRandom(options.seed ?? 2026);
  const voteTypes = election.definition.voteTypes.map((v) => v.id);
  const queues = new Map<string, Report[]>();
  for (const county of options.countyKeys.keys()) queues.set(county, []);
  const observer: Report[] = [];
  const silentUnits: string[] = [];
  const units = election.reportingUnits.filter((u) => {
    const parent = election.units.get(u)?.parent;
    if (parent === undefined || !queues.has(parent)) return false;
    if (random() < faults.neverReport) {
      silentUnits.push(u);
      return false;
    }
    return true;
  });
  // Early and mail ballots in the first fifth of the night, election day after, in order.
  const plan: { unit: string; voteType: string; at: number }[] = [];
  for (const voteType of voteTypes) {
    const early = voteType !== 'election-day';
    for (const unit of units)
      plan.push({ unit, voteType, at: early ? random() * 0.2 : 0.2 + random() * 0.8 });
  }
  plan.sort((a, b) => a.at - b.at);
  let observerSequence = 0;
  for (const p of plan) {
    const county = election.units.get(p.unit)?.parent ?? '';
    const key = options.countyKeys.get(county) as Signer;
    const queue = queues.get(county) ?? [];
    const cut = (): boolean => random() < faults.networkFailure;
    const clean = generateSubmission(
      election,
      p.unit,
      random,
      { voteType: p.voteType, sequence: queue.length + 1 },
      SHARES[p.voteType] ?? 1 / voteTypes.length,
    );
    // A caucus precinct whose report breaks the rules: held for review, with the rule.
    const broken =
      clean.contests.some((c) => c.caucus !== undefined) && random() < faults.caucusRuleBreak
        ? clean.contests.map((c) => (c.caucus === undefined ? c : breakCaucusRules(c, random)))
        : undefined;
    const submission: Submission =
      broken === undefined || broken.includes(undefined)
        ? clean
        : { ...clean, contests: broken as ContestResult[] };
    const signed = signSubmission(submission, key);
    queue.push({
      at: p.at,
      signed,
      fault: submission === clean ? 'none' : 'caucusRuleBreak',
      cutOff: cut(),
    });
    const later = Math.min(1, p.at + 0.03);
    const roll = random();
    let edge = faults.amendment;
    if (roll < edge) {
      // A county finds a mistake and sends the unit again, saying why.
      const amended: Submission = {
        ...submission,
        sequence: queue.length + 1,
        amendment: { reason: 'tally sheet re-read after a transcription error' },
      };
      queue.push({
        at: later,
        signed: signSubmission(amended, key),
        fault: 'amendment',
        cutOff: cut(),
      });
    } else if (roll < (edge += faults.duplicate)) {
      queue.push({ at: later, signed, fault: 'duplicate', cutOff: false });
    } else if (roll < (edge += faults.badSignature)) {
      const tampered = {
        ...signed,
        submission: {
          ...submission,
          ballotsCast: submission.ballotsCast + 1,
          sequence: queue.length + 1,
        },
      };
      queue.push({ at: later, signed: tampered, fault: 'badSignature', cutOff: false });
    } else if (roll < (edge += faults.impossible)) {
      const impossible: Submission = {
        ...submission,
        sequence: queue.length + 1,
        amendment: { reason: 'corrected count' },
        contests: submission.contests.map((c, i) =>
          i === 0 ? { ...c, overvotes: c.overvotes + 10 * c.ballotsCast + 1 } : c,
        ),
      };
      queue.push({
        at: later,
        signed: signSubmission(impossible, key),
        fault: 'impossible',
        cutOff: false,
      });
    } else if (roll < edge + faults.conflict && options.observerKey !== undefined) {
      // A second source reports the unit with one vote moved: a conflict held for review.
      const first = submission.contests[0];
      const choices = Object.keys(first?.counts ?? {});
      const [from, to] = [choices[0], choices[1]];
      if (
        first !== undefined &&
        from !== undefined &&
        to !== undefined &&
        (first.counts[from] ?? 0) > 0
      ) {
        const moved: Submission = {
          ...submission,
          sequence: ++observerSequence,
          contests: submission.contests.map((c, i) =>
            i === 0
              ? {
                  ...c,
                  counts: {
                    ...c.counts,
                    [from]: (c.counts[from] ?? 0) - 1,
                    [to]: (c.counts[to] ?? 0) + 1,
                  },
                }
              : c,
          ),
        };
        observer.push({
          at: later,
          signed: signSubmission(moved, options.observerKey),
          fault: 'conflict',
          cutOff: false,
        });
      }
    }
  }

  const all = [...queues.values(), observer];
  const total = all.reduce((n, q) => n + q.length, 0);
  let done = 0;
  const counts = { sent: 0, accepted: 0, held: 0, rejected: 0, failed: 0 };
  const started = performance.now();
  const answerOf = (report: Report, line: BatchLineResult, t0: number): Answer => {
    const outcome =
      line.receipt?.status === 'held' ? 'held' : line.status < 300 ? 'accepted' : 'rejected';
    const leafIndex = line.receipt?.leafIndex ?? line.error?.details?.receipt?.leafIndex;
    const code =
      outcome === 'rejected'
        ? line.error?.code
        : report.fault === 'none'
          ? undefined
          : report.fault;
    const heldFor = outcome === 'held' ? line.receipt?.warnings?.map((w) => w.code) : undefined;
    return {
      at: performance.now() - started,
      latencyMs: performance.now() - t0,
      outcome,
      ...(code === undefined ? {} : { code }),
      ...(leafIndex === undefined ? {} : { leafIndex }),
      ...(heldFor === undefined ? {} : { heldFor }),
    };
  };
  /** Sends one batch; cut-off requests, server errors and lines that failed are sent again. */
  const sendBatch = async (batch: readonly Report[]): Promise<Answer[]> => {
    const t0 = performance.now();
    const answers: (Answer | undefined)[] = batch.map(() => undefined);
    // An identical re-send is answered with the receipt it got the first time, so nothing is
    // counted twice.
    for (let attempt = 0; attempt < 5 && answers.includes(undefined); attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      const pending = batch.flatMap((r, i) => (answers[i] === undefined ? [i] : []));
      const cutOff = attempt === 0 && pending.some((i) => batch[i]?.cutOff === true);
      try {
        const sent = await sendSubmissionBatch(
          options.serverUrl,
          election.definition.id,
          pending.map((i) => (batch[i] as Report).signed),
          cutOff ? AbortSignal.timeout(1) : undefined,
        );
        if (sent.status >= 500) continue;
        const body = sent.body as { results?: BatchLineResult[] } & BatchLineResult;
        for (const [k, i] of pending.entries()) {
          // A refused batch (not 200) answers every line with its error.
          const line = sent.status === 200 ? body.results?.[k] : { ...body, status: sent.status };
          if (line === undefined || line.status >= 500) continue;
          counts.sent++;
          const answer = answerOf(batch[i] as Report, line, t0);
          counts[answer.outcome]++;
          answers[i] = answer;
        }
      } catch {
        // Cut off: sent again above.
      }
    }
    return answers.map((a) => {
      if (a !== undefined) return a;
      counts.failed++;
      return {
        at: performance.now() - started,
        latencyMs: performance.now() - t0,
        outcome: 'failed',
        code: 'network',
      };
    });
  };
  await Promise.all(
    all.map(async (queue) => {
      let next = 0;
      while (next < queue.length) {
        const first = queue[next] as Report;
        const wait = started + first.at * options.durationMs - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        // Everything due by now, except a second report for a unit and vote type already in
        // the batch (an amendment, a re-send), which waits for the next batch, as in order.
        const due = (performance.now() - started) / options.durationMs;
        const batch: Report[] = [];
        const units = new Set<string>();
        for (let r = queue[next]; r !== undefined; r = queue[next]) {
          const key = slotKey(r.signed.submission.unit, r.signed.submission.voteType);
          if (batch.length >= BATCH || (batch.length > 0 && (r.at > due || units.has(key)))) break;
          units.add(key);
          batch.push(r);
          next++;
        }
        for (const [k, answer] of (await sendBatch(batch)).entries()) {
          const unit = batch[k]?.signed.submission.unit;
          options.onAnswer?.(unit === undefined ? answer : { ...answer, unit });
          options.onProgress?.(++done, total);
        }
      }
    }),
  );
  return { ...counts, silentUnits, startedAt: started };
}
