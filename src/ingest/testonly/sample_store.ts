// An election in a store, ready for submissions: imported, with keys certified (and some revoked)
// by its authority, as the tests that run a server need it.
import type { Election } from '../../core/election.js';
import type { Submission } from '../../core/submission.js';
import { encodeVerifierKey, type Signer } from '../../log/note.js';
import type { Store } from '../../store/store.js';
import { importElection, type StoredElection } from '../elections.js';
import { changeRoster } from '../roster.js';
import { signSubmission } from '../submit_client.js';

export async function importWithKeys(
  store: Store,
  election: Election,
  authority: Signer,
  certify: readonly (readonly [unit: string, key: Signer])[],
  revoke: readonly Signer[] = [],
): Promise<StoredElection> {
  const imported = await importElection(store, election, new Date('2026-11-01T00:00:00Z'));
  if (!imported.ok) throw new Error(imported.error.message);
  const changes = [
    ...certify.map(([unit, key]) => ({
      action: 'certify' as const,
      unit,
      key: encodeVerifierKey(key),
    })),
    ...revoke.map((key) => ({ action: 'revoke' as const, key: encodeVerifierKey(key) })),
  ];
  for (const change of changes) {
    const done = await changeRoster(imported.value.ledger, election, authority, change, new Date());
    if (!done.ok) throw new Error(done.error.message);
  }
  return imported.value;
}

/** Signs a submission for the sample election and posts it to a server; the HTTP status. */
export async function postSample(
  serverUrl: string,
  submission: Submission,
  key: Signer,
): Promise<number> {
  const response = await fetch(`${serverUrl}/v1/elections/sample-2026/submissions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(signSubmission(submission, key)),
  });
  return response.status;
}
