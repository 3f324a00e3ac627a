import { afterEach, describe, expect, it } from 'vitest';
import { encodeHex } from '../log/encoding.js';
import { Log } from '../log/log.js';
import { MemoryLogStorage } from '../log/memory_storage.js';
import { sampleEntry } from '../log/testonly/reference.js';
import { lockLog, SqlLogStorage } from './log_storage.js';
import { storeKinds, type TestStore } from './testonly/stores.js';
import type { Store } from './store.js';

async function withElection(store: Store, id: string): Promise<void> {
  await store.db
    .insertInto('elections')
    .values({ id, definition: '{}', created_at: new Date().toISOString() })
    .execute();
  await store.db.insertInto('log_state').values({ election_id: id, size: 0 }).execute();
}

for (const kind of storeKinds) {
  describe.skipIf(!kind.available)(`the log stored in ${kind.name}`, () => {
    const open: TestStore[] = [];
    const extra: Store[] = [];
    afterEach(async () => {
      for (const s of extra.splice(0)) await s.close();
      for (const t of open.splice(0)) await t.dispose();
    });
    async function fresh(): Promise<TestStore> {
      const t = await kind.create();
      open.push(t);
      await withElection(t.store, 'e1');
      return t;
    }

    it('has the same roots, proofs, tiles and entries as the in-memory log', async () => {
      const { store } = await fresh();
      const stored = await Log.open(new SqlLogStorage(store.db, 'e1'));
      const memory = await Log.open(new MemoryLogStorage());
      for (const size of [1, 2, 100, 257, 600]) {
        const from = Number(stored.size);
        const batch = Array.from({ length: size - from }, (_, i) => sampleEntry(from + i));
        expect((await stored.append(batch)).ok).toBe(true);
        await memory.append(batch);
        expect(encodeHex(stored.root())).toBe(encodeHex(memory.root()));
      }
      const proofs = await Promise.all([
        stored.inclusionProof(123n, 500n),
        memory.inclusionProof(123n, 500n),
        stored.consistencyProof(77n),
        memory.consistencyProof(77n),
      ]);
      expect(proofs[0]).toEqual(proofs[1]);
      expect(proofs[2]).toEqual(proofs[3]);
      expect(await stored.tile({ level: 0, index: 1n, width: 256 })).toEqual(
        await memory.tile({ level: 0, index: 1n, width: 256 }),
      );
      expect(await stored.entryBundle(2n, 88)).toEqual(await memory.entryBundle(2n, 88));
    });

    it('is the same log when opened again', async () => {
      const t = await fresh();
      const first = await Log.open(new SqlLogStorage(t.store.db, 'e1'));
      await first.append(Array.from({ length: 300 }, (_, i) => sampleEntry(i)));
      const other = await t.reopen();
      extra.push(other);
      const again = await Log.open(new SqlLogStorage(other.db, 'e1'));
      expect(again.size).toBe(300n);
      expect(encodeHex(again.root())).toBe(encodeHex(first.root()));
    });

    it('never forks: two writers on one database take turns, and a stale one is refused', async () => {
      const t = await fresh();
      const other = await t.reopen();
      extra.push(other);
      const a = await Log.open(new SqlLogStorage(t.store.db, 'e1'));
      const b = await Log.open(new SqlLogStorage(other.db, 'e1'));
      expect((await a.append([sampleEntry(0)])).ok).toBe(true);
      const stale = await b.append([sampleEntry(1)]);
      expect(stale.ok || stale.error.code).toBe('sequence_conflict');
      expect((await b.append([sampleEntry(1)])).ok).toBe(true);
      // SQLite is one process's embedded store: two connections in one thread would wait on
      // each other's locks. Concurrent writers are PostgreSQL's case.
      if (kind.name === 'sqlite') return;
      // Interleaved writers, each reloading when refused, end with every entry exactly once.
      const write = async (log: Log, label: string): Promise<void> => {
        for (let i = 0; i < 20; i++) {
          const entry = new TextEncoder().encode(`${label} ${i}`);
          while (!(await log.append([entry])).ok) {
            /* refused: the log reloaded itself; try again */
          }
        }
      };
      await Promise.all([write(a, 'a'), write(b, 'b')]);
      const check = await Log.open(new SqlLogStorage(t.store.db, 'e1'));
      expect(check.size).toBe(42n);
      const entries = await check.entries(0n, 42);
      const texts = entries.ok ? entries.value.map((e) => new TextDecoder().decode(e)) : [];
      expect(new Set(texts).size).toBe(42);
      const memory = await Log.open(new MemoryLogStorage());
      await memory.append(entries.ok ? entries.value : []);
      expect(encodeHex(check.root())).toBe(encodeHex(memory.root()));
    });

    it('locks the log inside a transaction and reports its size', async () => {
      const { store } = await fresh();
      const size = await store.db.transaction().execute((tx) => lockLog(tx, 'e1'));
      expect(size).toBe(0);
    });
  });
}
