// Four-eyes entry of paper tally sheets: nothing one operator keys alone is submitted; two
// entries that agree are one submission signed by the desk key naming both; two that differ
// reach a reviewer, and nothing of either counts until the reviewer keeps one.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KeyedSheet } from '../core/desk.js';
import { decodeLogEntry } from '../core/log_entry.js';
import { checkSubmission } from '../core/submission.js';
import { sampleElection, sampleSubmission } from '../core/testonly/fixtures.js';
import { encodeVerifierKey } from '../log/note.js';
import { testSigner } from '../log/testonly/signers.js';
import { storeKinds, type TestStore } from '../store/testonly/stores.js';
import { replayLog } from '../verify/replay.js';
import { inProcessWorkers, type VerifyProblem } from '../verify/verify.js';
import { ResultsDesk } from './desk.js';
import { importElection } from './elections.js';
import { ElectionIngest } from './ingest.js';
import { changeRoster } from './roster.js';

const authority = testSigner('authority.sample');
const election = sampleElection([encodeVerifierKey(authority)]);
const deskKey = testSigner('desk.sample');

/** The sample's tally sheet for precinct n-1 as an operator keys it, Ada's votes aside. */
const sheet = (ada = 260): KeyedSheet => {
  const s = sampleSubmission('n-1');
  return {
    unit: s.unit,
    voteType: s.voteType,
    ballotsCast: s.ballotsCast,
    contests: s.contests.map((c) =>
      c.contest === 'governor'
        ? { ...c, counts: { ...c.counts, ada }, undervotes: c.undervotes + 260 - ada }
        : c,
    ),
  };
};

for (const kind of storeKinds) {
  describe.skipIf(!kind.available)(`the results desk (${kind.name})`, () => {
    let t: TestStore;
    let ingest: ElectionIngest;
    let desk: ResultsDesk;

    beforeEach(async () => {
      t = await kind.create();
      const imported = await importElection(t.store, election, new Date('2026-11-01T00:00:00Z'));
      if (!imported.ok) throw new Error(imported.error.message);
      const certified = await changeRoster(
        imported.value.ledger,
        election,
        authority,
        { action: 'certify', unit: election.root.id, key: encodeVerifierKey(deskKey) },
        new Date('2026-11-03T20:00:00Z'),
      );
      if (!certified.ok) throw new Error(certified.error.message);
      const now = () => new Date('2026-11-03T22:00:00Z');
      ingest = new ElectionIngest(t.store, election, imported.value.ledger, { now });
      desk = new ResultsDesk(t.store, election, ingest, deskKey, now);
    });
    afterEach(() => t.dispose());

    const logged = async () => {
      const read = await ingest.log.entries(0n, Number(ingest.log.size));
      if (!read.ok) throw new Error(read.error.message);
      const problems: VerifyProblem[] = [];
      await replayLog(read.value, inProcessWorkers(1), problems);
      const entries = read.value.map((b) => {
        const e = decodeLogEntry(b);
        if (!e.ok) throw new Error(e.error.message);
        return e.value;
      });
      return { entries, problems };
    };

    it('submits a sheet only when a second operator keys the same numbers, naming both', async () => {
      const size = ingest.log.size;
      const first = await desk.key('desk.ann', sheet());
      expect(first.ok && first.value).toEqual({ type: 'awaiting_second_entry', warnings: [] });
      expect(ingest.log.size).toBe(size);
      expect(await desk.awaiting()).toMatchObject([{ unit: 'n-1', operator: 'desk.ann' }]);

      // Contests keyed in another order are the same sheet.
      const reordered = { ...sheet(), contests: [...sheet().contests].reverse() };
      const second = await desk.key('desk.bob', reordered);
      expect(second.ok && second.value.type).toBe('submitted');
      expect(second.ok && second.value.type === 'submitted' && second.value.receipt).toMatchObject({
        status: 'accepted',
        unit: 'n-1',
      });
      expect(await desk.awaiting()).toEqual([]);
      const { entries, problems } = await logged();
      expect(problems).toEqual([]);
      const last = entries.at(-1);
      expect(last?.type === 'submission' && last.signed.submission.desk).toEqual({
        keyedBy: ['desk.ann', 'desk.bob'],
      });
    });

    it('refuses one operator keying a sheet twice, and numbers that cannot be', async () => {
      await desk.key('desk.ann', sheet());
      const again = await desk.key('desk.ann', sheet());
      expect(again.ok ? again.value.type : again.error.code).toBe('same_operator');
      const impossible = { ...sheet(), ballotsCast: 10 };
      const refused = await desk.key('desk.bob', impossible);
      expect(refused.ok ? refused.value.type : refused.error.code).toBe('impossible_counts');
      const malformed = await desk.key('desk.bob', { ...sheet(), ballotsCast: -1 });
      expect(malformed.ok ? malformed.value.type : malformed.error.code).toBe('invalid_sheet');
      // The first entry still waits for its pair.
      expect(await desk.awaiting()).toHaveLength(1);
    });

    it('tells the operator while keying what would hold the sheet for review', () => {
      const unbalanced = { ...sheet(), ballotsCast: 1100 };
      const checked = desk.check(unbalanced);
      expect(checked.ok && checked.value.map((w) => w.code)).toEqual(['turnout_above_registered']);
      const s = sheet();
      const offByOne = {
        ...s,
        contests: s.contests.map((c) => (c.contest === 'governor' ? { ...c, undervotes: 11 } : c)),
      };
      expect(desk.check(offByOne).ok && desk.check(offByOne)).toMatchObject({
        value: [{ code: 'unbalanced_contest' }],
      });
    });

    it('sends two entries that differ to a reviewer, who keeps one or sets both aside', async () => {
      await desk.key('desk.ann', sheet(260));
      const differs = await desk.key('desk.bob', sheet(206));
      expect(differs.ok && differs.value).toEqual({ type: 'sent_to_reviewer' });
      // While it waits, the sheet is not keyed again, and nothing is logged.
      const third = await desk.key('desk.cy', sheet(260));
      expect(third.ok ? third.value.type : third.error.code).toBe('sheet_with_reviewer');
      const [mismatch] = await desk.mismatches();
      expect(mismatch?.differences).toEqual([
        { field: 'undervotes', contest: 'governor', first: 12, second: 66 },
        { field: 'ada', contest: 'governor', first: 260, second: 206 },
      ]);
      const annId = mismatch?.entries[0].id ?? '';
      expect(mismatch?.entries[0].operator).toBe('desk.ann');
      // Four eyes: one who keyed the sheet does not choose between its entries.
      const own = await desk.resolve('desk.bob', { unit: 'n-1', voteType: 'election-day' }, annId);
      expect(own.ok ? 'resolved' : own.error.code).toBe('keyed_by_reviewer');

      const kept = await desk.resolve(
        'rosa.parks',
        { unit: 'n-1', voteType: 'election-day' },
        annId,
      );
      expect(kept.ok && kept.value.receipt?.status).toBe('accepted');
      expect(await desk.mismatches()).toEqual([]);
      const { entries, problems } = await logged();
      expect(problems).toEqual([]);
      const last = entries.at(-1);
      expect(last?.type === 'submission' && last.signed.submission).toMatchObject({
        desk: { keyedBy: ['desk.ann', 'desk.bob'], resolvedBy: 'rosa.parks' },
        contests: sheet(260).contests,
      });

      // Keyed again and set aside: nothing is submitted, and the sheet can be keyed afresh.
      await desk.key('desk.ann', sheet(261));
      await desk.key('desk.bob', sheet(262));
      const size = ingest.log.size;
      const setAside = await desk.resolve(
        'rosa.parks',
        { unit: 'n-1', voteType: 'election-day' },
        null,
      );
      expect(setAside.ok).toBe(true);
      expect(ingest.log.size).toBe(size);
      const fresh = await desk.key('desk.ann', sheet(260));
      expect(fresh.ok && fresh.value.type).toBe('awaiting_second_entry');
    });

    it('submits a sheet keyed again as an amendment of the desk’s earlier one', async () => {
      await desk.key('desk.ann', sheet(260));
      await desk.key('desk.bob', sheet(260));
      await desk.key('desk.ann', sheet(250));
      const again = await desk.key('desk.bob', sheet(250));
      expect(again.ok && again.value.type === 'submitted' && again.value.receipt).toMatchObject({
        status: 'accepted',
        kind: 'amendment',
      });
      const { problems } = await logged();
      expect(problems).toEqual([]);
    });

    it('refuses a reviewer’s choice where no sheet waits, or of an entry not its own', async () => {
      const none = await desk.resolve(
        'rosa.parks',
        { unit: 'n-1', voteType: 'election-day' },
        null,
      );
      expect(none.ok ? 'resolved' : none.error.code).toBe('no_mismatch');
      await desk.key('desk.ann', sheet(260));
      await desk.key('desk.bob', sheet(206));
      const stranger = await desk.resolve(
        'rosa.parks',
        { unit: 'n-1', voteType: 'election-day' },
        'not-an-entry',
      );
      expect(stranger.ok ? 'resolved' : stranger.error.code).toBe('unknown_desk_entry');
    });
  });
}

describe('the rules on a desk submission', () => {
  it('refuse one keyed twice by the same operator, or chosen by one who keyed it', () => {
    const s = sampleSubmission('n-1');
    const checked = (desk: { keyedBy: [string, string]; resolvedBy?: string }) => {
      const r = checkSubmission(election, { ...s, desk });
      return r.ok ? 'ok' : r.error.code;
    };
    expect(checked({ keyedBy: ['desk.ann', 'desk.bob'] })).toBe('ok');
    expect(checked({ keyedBy: ['desk.ann', 'desk.bob'], resolvedBy: 'rosa.parks' })).toBe('ok');
    expect(checked({ keyedBy: ['desk.ann', 'desk.ann'] })).toBe('desk_keying');
    expect(checked({ keyedBy: ['desk.ann', 'desk.bob'], resolvedBy: 'desk.bob' })).toBe(
      'desk_keying',
    );
  });
});

describe('the results desk without a certified desk key', () => {
  it('says how to give the server one', async () => {
    const kind = storeKinds.find((k) => k.name === 'sqlite');
    if (kind === undefined) throw new Error('no SQLite');
    const t = await kind.create();
    try {
      const imported = await importElection(t.store, election, new Date('2026-11-01T00:00:00Z'));
      if (!imported.ok) throw new Error(imported.error.message);
      const ingest = new ElectionIngest(t.store, election, imported.value.ledger);
      const desk = new ResultsDesk(t.store, election, ingest, undefined);
      const keyed = await desk.key('desk.ann', sheet());
      expect(keyed.ok ? keyed.value.type : keyed.error.message).toMatch(/--desk-key-file/);
      // A desk key the roster does not hold: said so, and nothing logged for all to see.
      const uncertified = new ResultsDesk(t.store, election, ingest, testSigner('desk.other'));
      await uncertified.key('desk.ann', sheet());
      const size = ingest.log.size;
      const second = await uncertified.key('desk.bob', sheet());
      expect(second.ok ? second.value.type : second.error.code).toBe('desk_key_not_certified');
      expect(ingest.log.size).toBe(size);
    } finally {
      await t.dispose();
    }
  });
});
