// An ingest API over a fresh SQLite store holding the sample election, with one certified key
// per precinct: what the tests of hostile clients and the fuzzing suite post to.
import type { FastifyInstance } from 'fastify';
import { decodeLogEntry, type LogEntry } from '../../core/log_entry.js';
import { sampleElection } from '../../core/testonly/fixtures.js';
import { importElection } from '../../ingest/elections.js';
import { changeRoster } from '../../ingest/roster.js';
import { encodeVerifierKey, type Signer } from '../../log/note.js';
import { testSigner } from '../../log/testonly/signers.js';
import { storeKinds, type TestStore } from '../../store/testonly/stores.js';
import { ElectionRegistry } from '../elections.js';
import { buildIngestApp, type IngestAppOptions } from '../ingest_app.js';

export const PRECINCTS = ['n-1', 'n-2', 's-1', 's-2', 's-3'] as const;
export type Precinct = (typeof PRECINCTS)[number];

export interface IngestHarness {
  readonly app: FastifyInstance;
  readonly keys: Readonly<Record<Precinct, Signer>>;
  /** Every entry of the election's log, decoded, in order. */
  readonly entries: () => Promise<LogEntry[]>;
  readonly dispose: () => Promise<void>;
}

export async function ingestHarness(
  options: Omit<IngestAppOptions, 'store' | 'elections'> = {},
): Promise<IngestHarness> {
  const sqlite = storeKinds.find((k) => k.name === 'sqlite');
  if (sqlite === undefined) throw new Error('no SQLite store kind');
  const t: TestStore = await sqlite.create();
  const authority = testSigner('authority.sample');
  const election = sampleElection([encodeVerifierKey(authority)]);
  const imported = await importElection(t.store, election, new Date('2026-11-01T00:00:00Z'));
  if (!imported.ok) throw new Error(imported.error.message);
  const keys = Object.fromEntries(
    PRECINCTS.map((unit) => [unit, testSigner(`${unit}.app`)]),
  ) as Record<Precinct, Signer>;
  for (const unit of PRECINCTS) {
    const r = await changeRoster(
      imported.value.ledger,
      election,
      authority,
      { action: 'certify', unit, key: encodeVerifierKey(keys[unit]) },
      new Date(),
    );
    if (!r.ok) throw new Error(r.error.message);
  }
  const elections = new ElectionRegistry(t.store);
  const app = await buildIngestApp({ ...options, store: t.store, elections });
  return {
    app,
    keys,
    entries: async () => {
      const ingest = await elections.get('sample-2026');
      if (ingest === undefined) throw new Error('no election');
      const size = Number(ingest.log.size);
      const read = await ingest.log.entries(0n, size);
      if (!read.ok) throw new Error(read.error.message);
      return read.value.map((bytes) => {
        const decoded = decodeLogEntry(bytes);
        if (!decoded.ok) throw new Error(decoded.error.message);
        return decoded.value;
      });
    },
    dispose: async () => {
      await app.close();
      await t.dispose();
    },
  };
}
