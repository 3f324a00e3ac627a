// Ingest and the verifier fold one set of admission rules: over random logs, honest and
// adversarial alike, what ingest decided for each body and what the verifier's replay of the
// resulting log makes of each entry agree, entry by entry.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_SEQUENCE_STEP, type Admission } from '../core/admission.js';
import { sampleElection, sampleSubmission } from '../core/testonly/fixtures.js';
import type { Submission } from '../core/submission.js';
import { importElection } from '../ingest/elections.js';
import { ElectionIngest, type IngestOutcome } from '../ingest/ingest.js';
import { changeRoster } from '../ingest/roster.js';
import { signSubmission } from '../ingest/submit_client.js';
import { encodeVerifierKey } from '../log/note.js';
import { testSigner } from '../log/testonly/signers.js';
import { storeKinds } from '../store/testonly/stores.js';
import { decodeLogEntry } from '../core/log_entry.js';
import { Tally } from '../core/tally.js';
import { Recount } from './recount.js';
import { replayLog, type Replayed } from './replay.js';
import { inProcessWorkers, type VerifyProblem, type VerifyWorkers } from './verify.js';

const authority = testSigner('authority.sample');
const election = sampleElection([encodeVerifierKey(authority)]);
// n-1's app and North county's tabulator are certified from the start; s-1's app only when the
// log says so; the stranger never.
const keys = [
  testSigner('n-1.app'),
  testSigner('north.tab'),
  testSigner('s-1.app'),
  testSigner('stranger'),
];
const initial: readonly [number, string][] = [
  [0, 'n-1'],
  [1, 'north'],
];

const SubmitAction = fc.record({
  type: fc.constant('submit' as const),
  // Mostly a key for a unit it covers, sometimes one it does not, or an unknown key.
  who: fc.constantFrom(
    ...([
      [0, 'n-1'],
      [0, 'n-1'],
      [0, 'n-1'],
      [1, 'n-1'],
      [1, 'n-1'],
      [1, 'n-2'],
      [1, 'n-2'],
      [2, 's-1'],
      [2, 's-1'],
      [0, 'n-2'],
      [3, 's-1'],
    ] as const),
  ),
  voteType: fc.constantFrom('election-day', 'mail'),
  sequence: fc.constantFrom('next', 'next', 'next', 'next', 'next', 'same', 'huge', 'far', 'below'),
  numbers: fc.constantFrom('base', 'same-numbers', 'other-numbers', 'unbalanced', 'unbalanced'),
  amended: fc.boolean(),
  body: fc.constantFrom(
    ...(['signed', 'signed', 'signed', 'signed', 'signed', 'signed'] as const),
    'bad-signature',
    'malformed',
    'impossible',
  ),
});
type SubmitAction = typeof SubmitAction extends fc.Arbitrary<infer T> ? T : never;

const Action = fc.oneof(
  { weight: 6, arbitrary: SubmitAction },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('batch' as const),
      lines: fc.array(SubmitAction, { minLength: 1, maxLength: 4 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ type: fc.constant('resend' as const), which: fc.nat() }),
  },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('certify' as const) }) },
  {
    // A reviewer decides an entry: mostly a held submission, sometimes one that is not.
    weight: 5,
    arbitrary: fc.record({
      type: fc.constant('review' as const),
      which: fc.nat(),
      held: fc.constantFrom(true, true, true, false),
      decision: fc.constantFrom('accept' as const, 'reject' as const),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('revoke' as const),
      key: fc.integer({ min: 0, max: 2 }),
    }),
  },
);
type Action = typeof Action extends fc.Arbitrary<infer T> ? T : never;

/** Makes the bodies of submit actions, keeping each key's sequence numbers as a sender would. */
class Sender {
  private readonly last = new Map<number, number>();
  readonly sent: Uint8Array[] = [];

  body(a: SubmitAction): Uint8Array {
    const key = a.who[0];
    const unit = a.who[1];
    const last = this.last.get(key) ?? 0;
    const sequence = {
      next: last + 1,
      same: Math.max(1, last),
      huge: Number.MAX_SAFE_INTEGER,
      far: last + MAX_SEQUENCE_STEP + 1,
      below: Math.max(1, last - 1),
    }[a.sequence];
    if (a.sequence === 'next') this.last.set(key, sequence);
    const base = sampleSubmission(unit, { voteType: a.voteType, sequence });
    const submission: Submission = {
      ...base,
      ...(a.numbers === 'same-numbers' ? { time: '2026-11-03T21:30:00Z' } : {}),
      ...(a.numbers === 'other-numbers' || a.numbers === 'unbalanced'
        ? {
            contests: base.contests.map((c) =>
              c.contest === 'governor'
                ? {
                    ...c,
                    counts: { ada: 250, alan: 230, 'write-in': a.numbers === 'unbalanced' ? 1 : 5 },
                  }
                : c,
            ),
          }
        : {}),
      ...(a.body === 'impossible'
        ? {
            contests: base.contests.map((c) => ({
              ...c,
              counts: Object.fromEntries(Object.keys(c.counts).map((k) => [k, 10_000])),
            })),
          }
        : {}),
      ...(a.amended ? { amendment: { reason: 'recount' } } : {}),
    };
    const signed = signSubmission(submission, keys[key] ?? fail());
    let text = JSON.stringify(
      a.body === 'bad-signature'
        ? { ...signed, submission: { ...signed.submission, ballotsCast: 499 } }
        : signed,
    );
    if (a.body === 'malformed') text = text.slice(0, text.length - 3);
    const bytes = new TextEncoder().encode(text);
    this.sent.push(bytes);
    return bytes;
  }
}

function fail(): never {
  throw new Error('no such key');
}

/** Whether the verifier's decision on an entry is the one ingest's receipt states. */
function agrees(outcome: IngestOutcome, decision: Admission | undefined): boolean {
  const { receipt } = outcome;
  if (decision === undefined) return false;
  if (receipt.status === 'rejected')
    return decision.type === 'rejected' && decision.error.code === receipt.error?.code;
  return (
    decision.type === 'admitted' &&
    decision.status === receipt.status &&
    decision.kind === receipt.kind
  );
}

const sqlite = storeKinds.find((k) => k.name === 'sqlite') ?? fail();

describe('the admission rules, folded by ingest and by the verifier', () => {
  it('give every entry of a random log the decision ingest gave it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(Action, { minLength: 1, maxLength: 30 }), async (actions) => {
        const t = await sqlite.create();
        try {
          await run(t.store, actions);
        } finally {
          await t.dispose();
        }
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});

async function run(
  store: Parameters<typeof importElection>[0],
  actions: readonly Action[],
): Promise<void> {
  const imported = await importElection(store, election, new Date('2026-11-01T00:00:00Z'));
  if (!imported.ok) throw new Error(imported.error.message);
  const { ledger } = imported.value;
  const { log } = ledger;
  const roster = (change: Parameters<typeof changeRoster>[3]) =>
    changeRoster(ledger, election, authority, change, new Date('2026-11-03T20:00:00Z'));
  for (const [key, unit] of initial) {
    const done = await roster({
      action: 'certify',
      unit,
      key: encodeVerifierKey(keys[key] ?? fail()),
    });
    if (!done.ok) throw new Error(done.error.message);
  }
  const ingest = new ElectionIngest(store, election, ledger, {
    now: () => new Date('2026-11-03T21:00:00Z'),
  });
  const sender = new Sender();
  const outcomes: IngestOutcome[] = [];
  /** The reviews ingest logged: their entries, and whether they accepted. */
  const reviews: { leaf: number; target: number; accept: boolean }[] = [];
  for (const action of actions) {
    switch (action.type) {
      case 'submit':
        outcomes.push(await ingest.submit(sender.body(action)));
        break;
      case 'batch':
        outcomes.push(...(await ingest.submitInOrder(action.lines.map((l) => sender.body(l)))));
        break;
      case 'resend': {
        const body = sender.sent[action.which % Math.max(1, sender.sent.length)];
        if (body !== undefined) outcomes.push(await ingest.submit(body));
        break;
      }
      case 'certify':
        await roster({ action: 'certify', unit: 's-1', key: encodeVerifierKey(keys[2] ?? fail()) });
        break;
      case 'revoke':
        await roster({ action: 'revoke', key: encodeVerifierKey(keys[action.key] ?? fail()) });
        break;
      case 'review': {
        const candidates = outcomes.filter((o) => (o.receipt.status === 'held') === action.held);
        const target = candidates[action.which % Math.max(1, candidates.length)];
        const entry = target?.receipt.leafIndex ?? action.which % 20;
        const reviewed = await ingest.review({
          entry,
          decision: action.decision,
          reason: 'checked against the tally sheet',
          reviewer: 'reviewer-1',
        });
        // Ingest logs what the rules allow: a held submission's first review, nothing else.
        const held = outcomes.some(
          (o) => o.receipt.leafIndex === entry && o.receipt.status === 'held',
        );
        const decidedBefore = reviews.some((r) => r.target === entry);
        expect(reviewed.ok, JSON.stringify({ entry, held, decidedBefore, reviewed })).toBe(
          held && !decidedBefore,
        );
        if (reviewed.ok) {
          if (reviewed.value.type !== 'logged') throw new Error('one reviewer decides here');
          reviews.push({
            leaf: reviewed.value.leafIndex,
            target: entry,
            accept: action.decision === 'accept',
          });
        } else {
          expect(reviewed.error.code).toBe(held ? 'already_decided' : 'not_held');
        }
        break;
      }
    }
  }

  const entries = await log.entries(0n, Number(log.size));
  if (!entries.ok) throw new Error(entries.error.message);
  const problems: VerifyProblem[] = [];
  const replayed = await replayLog(entries.value, inProcessWorkers(2), problems);
  expect(problems).toEqual([]);
  const decisions = replayed?.decisions ?? [];
  // Every entry replays: nothing in the log is refused or left undecoded.
  expect(decisions.length).toBe(entries.value.length);
  for (const [leaf, d] of decisions.entries()) {
    expect(d?.type, `entry ${String(leaf)}`).toBeDefined();
    expect(d?.type, `entry ${String(leaf)}`).not.toBe('refused');
  }
  for (const outcome of outcomes) {
    const decision = decisions[outcome.receipt.leafIndex];
    expect(agrees(outcome, decision), JSON.stringify({ outcome, decision })).toBe(true);
  }
  // The workers find the roster's keys by looking for roster entries as Tally writes them; one
  // written otherwise (here, with spaces) is missed there but not by the worker that reads it,
  // and every entry is then read again with the roster's keys: the decisions are the same.
  const spaced = entries.value.map((bytes) => {
    const e = decodeLogEntry(bytes);
    return e.ok && e.value.type === 'roster'
      ? new TextEncoder().encode(JSON.stringify(e.value, null, 1))
      : bytes;
  });
  for (const [log, passes] of [
    [entries.value, 1],
    [spaced, 2],
  ] as const) {
    const counting = countingReads(inProcessWorkers(2));
    const again = await replayLog(log, counting.workers, problems);
    expect(problems).toEqual([]);
    expect(again?.decisions).toEqual(decisions);
    expect(counting.reads()).toBe(2 * passes);
  }
  // A version of the log's first half counts only what that half accepted; the rest of the
  // log is replayed all the same, and an honest log has nothing to report there either.
  const versionSize = Math.floor(entries.value.length / 2);
  const half: VerifyProblem[] = [];
  const version = await replayLog(entries.value, inProcessWorkers(2), half, undefined, versionSize);
  expect(half).toEqual([]);
  expect(version?.decisions.length).toBe(entries.value.length);
  const acceptedBefore =
    outcomes.filter(
      (o) => !o.resent && o.receipt.status === 'accepted' && o.receipt.leafIndex < versionSize,
    ).length + reviews.filter((r) => r.accept && r.leaf < versionSize).length;
  expect(version?.accepted).toBe(acceptedBefore);
  for (const counted of version?.counted.values() ?? []) {
    for (const { entry, at } of counted) {
      expect(at).toBeLessThan(versionSize);
      expect(entry).toBeLessThanOrEqual(at);
    }
  }
  // A review's entry is recorded, and a held submission a review accepted counts from it.
  for (const r of reviews) expect(decisions[r.leaf]?.type).toBe('recorded');
  // The pages' recount says of each version what the publisher's tally says.
  recountAgrees(entries.value, replayed ?? fail(), entries.value.length);
  recountAgrees(entries.value, version ?? fail(), versionSize);
  // An entry ingest wrote for a body is one a body's receipt names.
  const named = new Set(outcomes.map((o) => o.receipt.leafIndex));
  for (const [leaf, d] of decisions.entries()) {
    if (d?.type === 'admitted' || d?.type === 'rejected') expect(named.has(leaf)).toBe(true);
  }
}

/** Workers that count the entries' reads they are asked for. */
function countingReads(workers: VerifyWorkers): { workers: VerifyWorkers; reads: () => number } {
  let reads = 0;
  return {
    workers: {
      size: workers.size,
      run: (worker, task) => {
        if (task.type === 'read') reads++;
        return workers.run(worker, task);
      },
    },
    reads: () => reads,
  };
}

/**
 * What the verifier rebuilds pages from (recount.ts: the workers' sums, counted unit by unit and
 * so out of log order, and the replay) is what the publisher's Tally, counting the version's
 * entries in log order, says: every area's results, overview and revision, every contest's last
 * change and its last few totals (three here, so that older ones are dropped).
 */
function recountAgrees(entries: readonly Uint8Array[], replayed: Replayed, size: number): void {
  const prefix = entries.slice(0, size);
  const decoded = prefix.map((bytes) => {
    const e = decodeLogEntry(bytes);
    if (!e.ok) throw new Error(e.error.message);
    return e.value;
  });
  const tally = new Tally(election);
  for (const e of decoded) tally.apply(e);
  const units = new Tally(election);
  // Last unit first: the workers count group by group, not in log order.
  for (const counted of [...replayed.counted.values()].reverse()) {
    for (const { entry, at } of counted) {
      const e = decoded[entry];
      if (e?.type === 'submission') units.count(at, e.signed.submission, e.receivedAt);
    }
  }
  const upper = new Tally(election);
  upper.addSums(units.sums());
  const recount = new Recount(replayed, upper, prefix);
  const d = election.definition;
  for (const id of [...d.units.map((u) => u.id), ...d.districts.map((x) => x.id)]) {
    expect(recount.area(id), id).toEqual(tally.area(id));
    expect(recount.overview(id), id).toEqual(tally.overview(id));
    expect(recount.revision(id), id).toBe(tally.revision(id));
  }
  for (const contest of d.contests) {
    expect(recount.contestRevision(contest.id), contest.id).toBe(tally.contestRevision(contest.id));
  }
  // The night's trend, counted from the submissions that count now as from every entry in turn.
  expect(recount.trend()).toEqual(tally.trend());
}
