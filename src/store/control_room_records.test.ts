// The control room's counted slots, read as they change: new submissions by their entries, held
// ones as reviews decide them; on SQLite and on PostgreSQL.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ControlRoomRecords, CountedSlots } from './control_room_records.js';
import { SubmissionRecords, type SubmissionRecord } from './submission_records.js';
import { storeKinds, type TestStore } from './testonly/stores.js';

const record = (
  unit: string,
  voteType: string,
  status: SubmissionRecord['status'],
  n: number,
): SubmissionRecord => ({
  digest: `digest-${String(n)}`,
  unit,
  voteType,
  source: `${unit}.app+00000000`,
  sequence: n,
  status,
  kind: 'original',
  countsDigest: `counts-${String(n)}`,
});

for (const kind of storeKinds) {
  describe.skipIf(!kind.available)(`counted slots (${kind.name})`, () => {
    let t: TestStore;
    let submissions: SubmissionRecords;
    let slots: CountedSlots;

    beforeEach(async () => {
      t = await kind.create();
      submissions = new SubmissionRecords(t.store.db, 'e');
      slots = new CountedSlots(new ControlRoomRecords(t.store.db, 'e'));
    });
    afterEach(async () => {
      await t.dispose();
    });

    it('counts each slot with an accepted submission once, however many it has', async () => {
      await submissions.insert([
        { leaf: 3, record: record('n-1', 'mail', 'accepted', 1) },
        { leaf: 4, record: record('n-1', 'mail', 'accepted', 2) },
        { leaf: 5, record: record('n-2', 'mail', 'held', 3) },
      ]);
      expect(await slots.current()).toEqual([{ unit: 'n-1', voteType: 'mail' }]);
      // Another election's submissions are not this one's.
      await new SubmissionRecords(t.store.db, 'other').insert([
        { leaf: 6, record: record('n-3', 'mail', 'accepted', 4) },
      ]);
      await submissions.insert([
        { leaf: 7, record: record('n-1', 'election-day', 'accepted', 5) },
        { leaf: 8, record: record('n-1', 'mail', 'accepted', 6) },
      ]);
      expect(await slots.current()).toEqual([
        { unit: 'n-1', voteType: 'mail' },
        { unit: 'n-1', voteType: 'election-day' },
      ]);
    });

    it('counts a held submission once a review accepts it, and never one a review rejects', async () => {
      await submissions.insert([
        { leaf: 1, record: record('n-2', 'mail', 'held', 1) },
        { leaf: 2, record: record('s-1', 'mail', 'held', 2) },
      ]);
      expect(await slots.current()).toEqual([]);
      await submissions.decide(1, 'accepted', 3);
      await submissions.decide(2, 'rejected', 4);
      expect(await slots.current()).toEqual([{ unit: 'n-2', voteType: 'mail' }]);
    });
  });
}
