// Election night, played against a running Tally: each county's tabulation system sends its
// precincts' results, signed with the county's key, in its own order (early and mail ballots
// first, election day through the night), with the odd amendment, over a chosen duration.
import type { Election } from '../core/election.js';
import type { Submission } from '../core/submission.js';
import { sendSubmission, signSubmission } from '../ingest/submit_client.js';
import type { Signer } from '../log/note.js';
import { generateSubmission, seededRandom } from './generate.js';

export interface NightOptions {
  readonly serverUrl: string;
  readonly election: Election;
  /** The key each county's tabulation system signs with, by county. */
  readonly countyKeys: ReadonlyMap<string, Signer>;
  readonly durationMs: number;
  readonly seed?: number;
  /** Told after each answer. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface NightSummary {
  readonly sent: number;
  readonly accepted: number;
  readonly held: number;
  readonly rejected: number;
  /** Requests that failed (network, server errors) after retries. */
  readonly failed: number;
}

/** The share of a unit's turnout each vote type brings, in the order they report. */
const SHARES: Readonly<Record<string, number>> = { early: 0.25, mail: 0.2, 'election-day': 0.55 };

interface Report {
  readonly at: number;
  readonly submission: Submission;
}

export async function playElectionNight(options: NightOptions): Promise<NightSummary> {
  const { election } = options;
  const random = seededRandom(options.seed ?? 2026);
  const voteTypes = election.definition.voteTypes.map((v) => v.id);
  const queues = new Map<string, Report[]>();
  for (const county of options.countyKeys.keys()) queues.set(county, []);
  const units = election.reportingUnits.filter((u) => {
    const parent = election.units.get(u)?.parent;
    return parent !== undefined && queues.has(parent);
  });
  // Early and mail ballots in the first fifth of the night, election day after, in order.
  const plan: { unit: string; voteType: string; at: number }[] = [];
  for (const voteType of voteTypes) {
    const early = voteType !== 'election-day';
    for (const unit of units) {
      const at = early ? random() * 0.2 : 0.2 + random() * 0.8;
      plan.push({ unit, voteType, at });
    }
  }
  plan.sort((a, b) => a.at - b.at);
  for (const p of plan) {
    const county = election.units.get(p.unit)?.parent ?? '';
    const queue = queues.get(county) ?? [];
    const submission = generateSubmission(
      election,
      p.unit,
      random,
      { voteType: p.voteType, sequence: queue.length + 1 },
      SHARES[p.voteType] ?? 1 / voteTypes.length,
    );
    queue.push({ at: p.at, submission });
    // Now and then a county finds a mistake and sends the unit again, saying why.
    if (random() < 0.02) {
      queue.push({
        at: Math.min(1, p.at + 0.05),
        submission: {
          ...submission,
          sequence: queue.length + 1,
          amendment: { reason: 'tally sheet re-read after a transcription error' },
        },
      });
    }
  }

  const total = [...queues.values()].reduce((n, q) => n + q.length, 0);
  let done = 0;
  const counts = { sent: 0, accepted: 0, held: 0, rejected: 0, failed: 0 };
  const started = Date.now();
  await Promise.all(
    [...queues].map(async ([county, queue]) => {
      const key = options.countyKeys.get(county) as Signer;
      for (const report of queue) {
        const wait = started + report.at * options.durationMs - Date.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        const signed = signSubmission(report.submission, key);
        let answered = false;
        // Network failures and server errors are retried: an identical re-send is answered
        // with the receipt it got the first time, so nothing is counted twice.
        for (let attempt = 0; attempt < 5 && !answered; attempt++) {
          if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
          try {
            const sent = await sendSubmission(options.serverUrl, signed);
            if (sent.status >= 500) continue;
            answered = true;
            counts.sent++;
            const status = (sent.body as { receipt?: { status?: string } }).receipt?.status;
            if (status === 'held') counts.held++;
            else if (sent.status < 300) counts.accepted++;
            else counts.rejected++;
          } catch {
            // Retried above.
          }
        }
        if (!answered) counts.failed++;
        options.onProgress?.(++done, total);
      }
    }),
  );
  return counts;
}
