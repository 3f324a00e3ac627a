import { afterEach, describe, expect, it } from 'vitest';
import { openCheckpoint } from '../log/checkpoint.js';
import { encodeHex } from '../log/encoding.js';
import { leafHash } from '../log/hash.js';
import { Log } from '../log/log.js';
import { MemoryLogStorage } from '../log/memory_storage.js';
import { verifierFromPublicKey } from '../log/note.js';
import { verifyInclusion } from '../log/proof.js';
import { sampleEntry } from '../log/testonly/reference.js';
import { testSigner } from '../log/testonly/signers.js';
import { ElectionRecords } from './election_records.js';
import { Ledger, type IndexRow } from './ledger.js';
import type { Store } from './store.js';
import { storeKinds, type TestStore } from './testonly/stores.js';

const record = (n: number): IndexRow => ({
  type: 'submission',
  record: {
    digest: `digest-${String(n)}`,
    unit: 'u',
    voteType: 'v',
    source: 'k+1',
    sequence: n,
    status: 'accepted',
    kind: 'original',
    countsDigest: 'c',
  },
});

for (const kind of storeKinds) {
  describe.skipIf(!kind.available)(`the ledger in ${kind.name}`, () => {
    const open: TestStore[] = [];
    const extra: Store[] = [];
    afterEach(async () => {
      for (const s of extra.splice(0)) await s.close();
      for (const t of open.splice(0)) await t.dispose();
    });
    async function fresh(): Promise<{ t: TestStore; ledger: Ledger }> {
      const t = await kind.create();
      open.push(t);
      await new ElectionRecords(t.store.db).create('e1', '{}', new Date());
      return { t, ledger: await Ledger.open(t.store, 'e1') };
    }

    it('appends what the decision returns, with its index rows, once it knows the size', async () => {
      const { ledger } = await fresh();
      const sizes: number[] = [];
      for (let batch = 0; batch < 3; batch++) {
        const value = await ledger.append(async (reads, size) => {
          sizes.push(size);
          const seen = await reads.submissions.lastSequences(['k+1']);
          return {
            entries: [0, 1].map((i) => ({
              bytes: sampleEntry(size + i),
              index: record(size + i + 1),
            })),
            value: seen[0]?.sequence ?? 0,
          };
        });
        expect(value).toBe(batch === 0 ? 0 : sizes[batch]);
      }
      expect(sizes).toEqual([0, 2, 4]);
      expect(ledger.log.size).toBe(6n);
      const memory = await Log.open(new MemoryLogStorage());
      await memory.append(Array.from({ length: 6 }, (_, i) => sampleEntry(i)));
      expect(encodeHex(ledger.log.root())).toBe(encodeHex(memory.root()));
      const found = await ledger.append(async (reads) => ({
        entries: [],
        value: await reads.submissions.withDigests(['digest-3']),
      }));
      expect(found.map((f) => f.leaf)).toEqual([2]);
    });

    it('appends nothing, and no index row, when the decision or the transaction fails', async () => {
      const { ledger } = await fresh();
      await expect(
        ledger.append(() => Promise.reject(new Error('the decision failed'))),
      ).rejects.toThrow('the decision failed');
      // An entry over the size limit fails the append after its rows were planned.
      await expect(
        ledger.append(() =>
          Promise.resolve({
            entries: [
              { bytes: sampleEntry(0), index: record(1) },
              { bytes: new Uint8Array(70_000) },
            ],
            value: undefined,
          }),
        ),
      ).rejects.toThrow(/at most/);
      expect(ledger.log.size).toBe(0n);
      const rows = await ledger.append(async (reads, size) => ({
        entries: [],
        value: { size, rows: await reads.submissions.lastSequences(['k+1']) },
      }));
      expect(rows).toEqual({ size: 0, rows: [] });
    });

    it('keeps its log for reading: the log appends only through its ledger', async () => {
      const { ledger } = await fresh();
      expect(() => ledger.log.append([sampleEntry(0)])).toThrow(/owner/);
    });

    it('takes the appends of another process as its own frontier before deciding', async () => {
      const { t, ledger } = await fresh();
      const other = await t.reopen();
      extra.push(other);
      const second = await Ledger.open(other, 'e1');
      const append = (l: Ledger, n: number) =>
        l.append((_, size) =>
          Promise.resolve({
            entries: Array.from({ length: n }, (_, i) => ({ bytes: sampleEntry(size + i) })),
            value: size,
          }),
        );
      expect(await append(ledger, 3)).toBe(0);
      expect(await append(second, 2)).toBe(3);
      expect(await append(ledger, 1)).toBe(5);
      const memory = await Log.open(new MemoryLogStorage());
      await memory.append(Array.from({ length: 6 }, (_, i) => sampleEntry(i)));
      expect(encodeHex(ledger.log.root())).toBe(encodeHex(memory.root()));
    });

    it('records a checkpoint once per size, and proves an entry in it', async () => {
      const { ledger } = await fresh();
      const signer = testSigner('tally.test');
      await ledger.append((_, size) =>
        Promise.resolve({
          entries: Array.from({ length: 5 }, (_, i) => ({ bytes: sampleEntry(size + i) })),
          value: undefined,
        }),
      );
      const before = await ledger.receipt(3);
      expect(before.ok && before.value.checkpoint).toBeUndefined();
      const recorded = await ledger.checkpoint('tally.test/e1', signer, new Date());
      expect(recorded?.size).toBe(5);
      expect(await ledger.checkpoint('tally.test/e1', signer, new Date())).toBeUndefined();
      expect((await ledger.latestCheckpoint())?.note).toBe(recorded?.note);
      const proven = await ledger.receipt(3);
      if (!proven.ok) throw new Error(proven.error.message);
      const cp = openCheckpoint(proven.value.checkpoint?.note ?? '', [
        verifierFromPublicKey(signer.name, signer.publicKey),
      ]);
      if (!cp.ok) throw new Error(cp.error.message);
      expect(
        verifyInclusion(
          leafHash(proven.value.bytes),
          3n,
          cp.value.size,
          proven.value.inclusionProof ?? [],
          cp.value.root,
        ).ok,
      ).toBe(true);
      expect((await ledger.receipt(9)).ok).toBe(false);
    });
  });
}
