import { describe, expect, it } from 'vitest';
import { storeKinds } from './testonly/stores.js';

const postgres = storeKinds.find((k) => k.name === 'postgres');

describe.skipIf(postgres?.available !== true)('a store on PostgreSQL', () => {
  it('makes its tables in its own schema when another schema already has them', async () => {
    const first = await (postgres?.create() ?? Promise.reject(new Error('no PostgreSQL')));
    const second = await (postgres?.create() ?? Promise.reject(new Error('no PostgreSQL')));
    try {
      const elections = await second.store.db.selectFrom('elections').selectAll().execute();
      expect(elections).toEqual([]);
    } finally {
      await second.dispose();
      await first.dispose();
    }
  });
});
