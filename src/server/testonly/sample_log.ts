// The sample election's log as ingest starts it, for tests of what reads a log (the publisher,
// its thread): the definition, the authority's certification of a key for the whole state, and
// the state's reports as ingest records them.
import { canonicalJson, type JsonValue } from '../../core/canonical_json.js';
import {
  electionEntries,
  encodeLogEntry,
  LOG_ENTRY_FORMAT,
  ROSTER_CONTEXT,
  type LogEntry,
} from '../../core/log_entry.js';
import { sha256Hex } from '../../core/sha256.js';
import type { Submission } from '../../core/submission.js';
import { sampleElection } from '../../core/testonly/fixtures.js';
import { signSubmission } from '../../ingest/submit_client.js';
import { signObject } from '../../log/envelope.js';
import { Log } from '../../log/log.js';
import { MemoryLogStorage } from '../../log/memory_storage.js';
import { encodeVerifierKey } from '../../log/note.js';
import { testSigner } from '../../log/testonly/signers.js';

export const sampleAuthority = testSigner('authority.sample');
export const sampleLogElection = sampleElection([encodeVerifierKey(sampleAuthority)]);
/** The key the authority certifies for the whole state: it signs every report. */
export const stateKey = testSigner('state.office');
const time = '2026-11-03T21:00:00Z';

/** A report as ingest records it, signed with the state's key. */
export function recorded(
  submission: Submission,
  status: 'accepted' | 'held' = 'accepted',
): LogEntry {
  return {
    format: LOG_ENTRY_FORMAT,
    type: 'submission',
    election: 'sample-2026',
    receivedAt: time,
    signed: signSubmission(submission, stateKey),
    status,
    kind: 'original',
    warnings: [],
  };
}

/** A log that starts as ingest starts one (the definition, the state's key), then `reports`. */
export async function sampleLog(reports: readonly LogEntry[] = []): Promise<Log> {
  const log = await Log.open(new MemoryLogStorage());
  const json = canonicalJson(sampleLogElection.definition as unknown as JsonValue);
  const statement = {
    election: 'sample-2026',
    action: 'certify' as const,
    unit: 'state',
    key: encodeVerifierKey(stateKey),
    time,
  };
  const entries: LogEntry[] = [
    ...electionEntries('sample-2026', json, sha256Hex(json), time),
    {
      format: LOG_ENTRY_FORMAT,
      type: 'roster',
      statement,
      ...signObject(ROSTER_CONTEXT, statement, sampleAuthority),
    },
    ...reports,
  ];
  const added = await log.append(entries.map(encodeLogEntry));
  if (!added.ok) throw new Error(added.error.message);
  return log;
}
