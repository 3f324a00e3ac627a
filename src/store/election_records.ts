// The elections in the store: each one's definition, and the row its log's size is kept in.
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export class ElectionRecords {
  constructor(private readonly db: Kysely<Database>) {}

  async exists(id: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('elections')
      .select('id')
      .where('id', '=', id)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Records a new election's definition (canonical JSON) and its empty log. */
  async create(id: string, definition: string, now: Date): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      await tx
        .insertInto('elections')
        .values({ id, definition, created_at: now.toISOString() })
        .execute();
      await tx.insertInto('log_state').values({ election_id: id, size: 0 }).execute();
    });
  }

  /** The definition's canonical JSON, if the election is in the store. */
  async definition(id: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('elections')
      .select('definition')
      .where('id', '=', id)
      .executeTakeFirst();
    return row?.definition;
  }

  async ids(): Promise<string[]> {
    const rows = await this.db.selectFrom('elections').select('id').orderBy('id').execute();
    return rows.map((r) => r.id);
  }
}
