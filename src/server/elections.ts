// The elections a server answers for, each with its ingest, loaded from the store on first use
// (an election imported while the server runs is picked up when first asked for).
import { ElectionIngest } from '../ingest/ingest.js';
import { loadElection } from '../ingest/elections.js';
import type { Store } from '../store/store.js';
import type { CheckPool } from '../ingest/check_pool.js';
import { z } from 'zod';
import { Id } from '../core/election.js';

/** A route's election parameter. */
export const ElectionParams = z.object({ election: Id });

export class ElectionRegistry {
  private readonly loaded = new Map<string, Promise<ElectionIngest | undefined>>();

  constructor(
    private readonly store: Store,
    private readonly pool?: CheckPool,
  ) {}

  get(id: string): Promise<ElectionIngest | undefined> {
    let found = this.loaded.get(id);
    if (found === undefined) {
      found = loadElection(this.store, id).then((r) =>
        r.ok
          ? new ElectionIngest(
              this.store,
              r.value.election,
              r.value.ledger,
              this.pool === undefined ? {} : { pool: this.pool },
            )
          : undefined,
      );
      // An unknown election is asked about again next time: it may have been imported since.
      void found.then((ingest) => {
        if (ingest === undefined) this.loaded.delete(id);
      });
      this.loaded.set(id, found);
    }
    return found;
  }

  /** The elections loaded so far. */
  async active(): Promise<ElectionIngest[]> {
    const all = await Promise.all(this.loaded.values());
    return all.filter((e): e is ElectionIngest => e !== undefined);
  }
}
