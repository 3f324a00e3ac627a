// A reviewer's decision on a held submission is a log entry: ingest logs only what the rules
// allow, the tally counts an accepted one from the review's entry on, and the verifier's replay
// of the log agrees with both.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { indexElection, type Election } from '../core/election.js';
import { decodeLogEntry } from '../core/log_entry.js';
import { Tally } from '../core/tally.js';
import { sampleElection, sampleSubmission } from '../core/testonly/fixtures.js';
import type { Submission } from '../core/submission.js';
import { encodeVerifierKey } from '../log/note.js';
import { testSigner } from '../log/testonly/signers.js';
import { storeKinds, type TestStore } from '../store/testonly/stores.js';
import { replayLog } from '../verify/replay.js';
import { inProcessWorkers, type VerifyProblem } from '../verify/verify.js';
import { importElection } from './elections.js';
import { ElectionIngest } from './ingest.js';
import { changeRoster } from './roster.js';
import { signSubmission } from './submit_client.js';

const authority = testSigner('authority.sample');
const election = sampleElection([encodeVerifierKey(authority)]);
/** The same election where two reviewers must accept a submission that broke a rule. */
const twoReviewers = (() => {
  const indexed = indexElection({ ...election.definition, review: { acceptWarningsWith: 2 } });
  if (!indexed.ok) throw new Error(indexed.error.message);
  return indexed.value;
})();
const app = testSigner('n-1.app');
const tabulator = testSigner('north.tab');
const third = testSigner('n-1.phone');

/**
 * The governor's votes for Ada in a submission for n-1, what tells the sources apart here; the
 * contest still balances (fewer votes, more undervotes), so nothing but a conflict holds it.
 */
const withAda = (ada: number, sequence = 1): Submission => {
  const base = sampleSubmission('n-1', { sequence });
  return {
    ...base,
    contests: base.contests.map((c) =>
      c.contest === 'governor'
        ? { ...c, counts: { ...c.counts, ada }, undervotes: c.undervotes + 260 - ada }
        : c,
    ),
  };
};
const body = (s: Submission, key = app): Uint8Array =>
  new TextEncoder().encode(JSON.stringify(signSubmission(s, key)));

for (const kind of storeKinds) {
  describe.skipIf(!kind.available)(`reviews of held submissions (${kind.name})`, () => {
    let t: TestStore;
    let ingest: ElectionIngest;
    /** The election each test runs on. */
    let current: Election = election;

    beforeEach(async () => {
      t = await kind.create();
      const imported = await importElection(t.store, current, new Date('2026-11-01T00:00:00Z'));
      if (!imported.ok) throw new Error(imported.error.message);
      const { ledger } = imported.value;
      for (const [key, unit] of [
        [app, 'n-1'],
        [tabulator, 'north'],
        [third, 'n-1'],
      ] as const) {
        const certified = await changeRoster(
          ledger,
          current,
          authority,
          { action: 'certify', unit, key: encodeVerifierKey(key) },
          new Date('2026-11-03T20:00:00Z'),
        );
        if (!certified.ok) throw new Error(certified.error.message);
      }
      ingest = new ElectionIngest(t.store, current, ledger, {
        now: () => new Date('2026-11-03T22:00:00Z'),
      });
    });
    afterEach(() => t.dispose());

    /** The log as its entries, the tally over it, and the verifier's replay of it. */
    const logNow = async () => {
      const read = await ingest.log.entries(0n, Number(ingest.log.size));
      if (!read.ok) throw new Error(read.error.message);
      const tally = new Tally(current);
      for (const bytes of read.value) {
        const e = decodeLogEntry(bytes);
        if (!e.ok) throw new Error(e.error.message);
        tally.apply(e.value);
      }
      const problems: VerifyProblem[] = [];
      const replayed = await replayLog(read.value, inProcessWorkers(2), problems);
      return { tally, replayed, problems };
    };
    /** The app reports Ada 260; the tabulator then reports 240: held, a conflict. Its entry. */
    const heldConflict = async (): Promise<number> => {
      await ingest.submit(body(withAda(260)));
      const held = await ingest.submit(body(withAda(240), tabulator));
      return held.receipt.leafIndex;
    };
    /** A review by one reviewer, for a reason that fits the decision. */
    const decide = (entry: number, decision: 'accept' | 'reject', reviewer = 'rosa.parks') =>
      ingest.review({
        entry,
        decision,
        reason:
          decision === 'accept' ? 'the tally sheet shows 240' : 'a keying error at the county',
        reviewer,
      });
    /** The entry at `leaf`, read back from the log. */
    const entryAt = async (leaf: number) => {
      const entry = await ingest.log.entries(BigInt(leaf), 1);
      const decoded = entry.ok ? decodeLogEntry(entry.value[0] ?? new Uint8Array()) : undefined;
      return decoded?.ok === true ? decoded.value : undefined;
    };
    const logged = (r: Awaited<ReturnType<typeof decide>>): number =>
      r.ok && r.value.type === 'logged' ? r.value.leafIndex : -1;
    const adaIn = (tally: Tally): number | undefined =>
      tally.area('n-1')?.contests.find((c) => c.contest === 'governor')?.total.counts['ada'];

    it('counts a conflicting submission once a reviewer accepts it, from the review on', async () => {
      const first = await ingest.submit(body(withAda(260)));
      const second = await ingest.submit(body(withAda(240), tabulator));
      expect(first.receipt.status).toBe('accepted');
      expect(second.receipt).toMatchObject({ status: 'held', kind: 'conflict' });
      expect(adaIn((await logNow()).tally)).toBe(260);

      const review = await decide(second.receipt.leafIndex, 'accept');
      const leaf = logged(review);
      expect(leaf).toBeGreaterThan(second.receipt.leafIndex);
      const { tally, replayed, problems } = await logNow();
      expect(problems).toEqual([]);
      expect(adaIn(tally)).toBe(240);
      expect(tally.revision('n-1')).toBe(leaf);
      expect(replayed?.decisions[leaf]).toEqual({ type: 'recorded' });
      expect(replayed?.counted.get('n-1')).toEqual([{ entry: second.receipt.leafIndex, at: leaf }]);
      expect(replayed?.revisions.get('n-1')).toBe(leaf);
      expect(replayed?.reviews).toBe(1);

      expect(await entryAt(leaf)).toEqual({
        format: 'tally-log/1',
        type: 'review',
        election: 'sample-2026',
        entry: second.receipt.leafIndex,
        decision: 'accept',
        reviewers: [
          {
            name: 'rosa.parks',
            reason: 'the tally sheet shows 240',
            time: '2026-11-03T22:00:00.000Z',
          },
        ],
        time: '2026-11-03T22:00:00.000Z',
      });
    });

    it('never counts a held submission a reviewer rejects, and decides each one once', async () => {
      const held = await heldConflict();
      expect(logged(await decide(held, 'reject'))).toBeGreaterThan(held);
      const size = ingest.log.size;
      for (const decision of ['accept', 'reject'] as const) {
        const again = await ingest.review({
          entry: held,
          decision,
          reason: 'second thoughts',
          reviewer: 'ida.wells',
        });
        expect(again.ok ? 'logged' : again.error.code).toBe('already_decided');
      }
      // Nothing refused is logged.
      expect(ingest.log.size).toBe(size);
      const { tally, problems } = await logNow();
      expect(problems).toEqual([]);
      expect(adaIn(tally)).toBe(260);
    });

    it('holds what a rejected source sends again as an amendment: it cannot get past the review', async () => {
      await decide(await heldConflict(), 'reject');
      const again = await ingest.submit(
        body({ ...withAda(240, 2), amendment: { reason: 'as we said' } }, tabulator),
      );
      expect(again.receipt).toMatchObject({ status: 'held', kind: 'amendment' });
      const { tally, problems } = await logNow();
      expect(problems).toEqual([]);
      expect(adaIn(tally)).toBe(260);
    });

    it('refuses a review of what is not held: an accepted submission, a roster entry, no entry', async () => {
      const accepted = await ingest.submit(body(withAda(260)));
      for (const entry of [accepted.receipt.leafIndex, 1, 10_000]) {
        const review = await ingest.review({
          entry,
          decision: 'accept',
          reason: 'looks right',
          reviewer: 'rosa.parks',
        });
        expect(review.ok ? 'logged' : review.error.code).toBe('not_held');
      }
    });

    it('refuses a review without a reason, with too long a reason, or by a name no staff has', async () => {
      const held = await heldConflict();
      for (const [reason, reviewer] of [
        ['  ', 'rosa.parks'],
        ['x'.repeat(1001), 'rosa.parks'],
        ['checked', ''],
        ['checked', 'Rosa Parks'],
      ] as const) {
        const review = await ingest.review({ entry: held, decision: 'accept', reason, reviewer });
        expect(review.ok ? 'logged' : review.error.code, reviewer).toBe('invalid_review');
      }
      expect(await ingest.reviewQueue()).toHaveLength(1);
    });

    it('judges a later source against what a review made the unit count', async () => {
      const reviewed = await heldConflict();
      await decide(reviewed, 'accept');
      expect(await ingest.reviewQueue()).toEqual([]);
      // A third source with the reviewed numbers corroborates them.
      const agrees = await ingest.submit(body(withAda(240), third));
      expect(agrees.receipt).toMatchObject({ status: 'accepted', kind: 'corroboration' });
      // The app's old numbers, amended, are held: the queue shows them beside what counts now.
      const amended = await ingest.submit(
        body({ ...withAda(260, 2), amendment: { reason: 'we stand by it' } }),
      );
      expect(amended.receipt).toMatchObject({ status: 'held', kind: 'amendment' });
      const [queued] = await ingest.reviewQueue();
      expect(queued).toMatchObject({
        entry: amended.receipt.leafIndex,
        kind: 'amendment',
        counted: { entry: agrees.receipt.leafIndex },
      });
      const { problems } = await logNow();
      expect(problems).toEqual([]);
    });

    it('judges a later source against the counted numbers once a conflicting one is rejected', async () => {
      await decide(await heldConflict(), 'reject');
      // The rejected one does not stand: a third source with the app's numbers corroborates.
      const agrees = await ingest.submit(body(withAda(260), third));
      expect(agrees.receipt).toMatchObject({ status: 'accepted', kind: 'corroboration' });
      const { problems } = await logNow();
      expect(problems).toEqual([]);
    });

    describe('where two reviewers must accept a submission that broke a rule', () => {
      beforeAll(() => {
        current = twoReviewers;
      });
      afterAll(() => {
        current = election;
      });
      /** Ballots above n-1's registration: accepted alone it would count, but it is held. */
      const overTurnout = async (): Promise<number> => {
        const s = sampleSubmission('n-1');
        const big = {
          ...s,
          ballotsCast: 5000,
          contests: s.contests.map((c) => ({
            ...c,
            undervotes: c.undervotes + 4500 * (c.contest === 'council' ? 2 : 1),
            ballotsCast: 5000,
          })),
        };
        const held = await ingest.submit(body(big));
        expect(held.receipt.status).toBe('held');
        return held.receipt.leafIndex;
      };

      it('waits for a second reviewer, then logs one entry naming both with their reasons', async () => {
        const held = await overTurnout();
        const [queued] = await ingest.reviewQueue();
        expect(queued).toMatchObject({ entry: held, needsTwoReviewers: true, approvals: [] });
        const size = ingest.log.size;

        const first = await decide(held, 'accept', 'rosa.parks');
        expect(first.ok && first.value).toEqual({
          type: 'awaiting_second',
          approvals: ['rosa.parks'],
        });
        expect(ingest.log.size).toBe(size);
        expect((await ingest.reviewQueue())[0]?.approvals).toEqual(['rosa.parks']);
        // The same reviewer cannot be the second.
        const again = await decide(held, 'accept', 'rosa.parks');
        expect(again.ok ? again.value.type : again.error.code).toBe('already_approved');

        const second = await ingest.review({
          entry: held,
          decision: 'accept',
          reason: 'the county confirmed its registration grew',
          reviewer: 'ida.wells',
        });
        const leaf = logged(second);
        expect(leaf).toBe(Number(size));
        expect(await entryAt(leaf)).toMatchObject({
          reviewers: [
            { name: 'rosa.parks', reason: 'the tally sheet shows 240' },
            { name: 'ida.wells', reason: 'the county confirmed its registration grew' },
          ],
        });
        expect(await ingest.reviewQueue()).toEqual([]);
        const { tally, replayed, problems } = await logNow();
        expect(problems).toEqual([]);
        expect(replayed?.reviews).toBe(1);
        expect(tally.area('n-1')?.ballotsCast.total).toBe(5000);
      });

      it('lets one reviewer reject it, or accept a conflict that broke no rule', async () => {
        const held = await overTurnout();
        await decide(held, 'accept', 'rosa.parks');
        expect(logged(await decide(held, 'reject', 'ida.wells'))).toBeGreaterThan(held);
        expect((await ingest.submit(body(withAda(260), third))).receipt.status).toBe('accepted');
        const conflict = await ingest.submit(body(withAda(240), tabulator));
        expect(conflict.receipt).toMatchObject({ status: 'held', kind: 'conflict' });
        expect(logged(await decide(conflict.receipt.leafIndex, 'accept'))).toBeGreaterThan(0);
        const { problems } = await logNow();
        expect(problems).toEqual([]);
      });
    });
  });
}
