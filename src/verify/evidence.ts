// The photos a site publishes where its election makes its evidence public: every one the
// version's accepted and held submissions name is at evidence/<sha256>, and is the photo its name
// says. One uploaded after its report may not be there yet: counted, not a problem.
import { decodeLogEntry } from '../core/log_entry.js';
import { sha256Hex } from '../core/sha256.js';
import type { VerifyProblem } from './verify.js';

export interface EvidenceChecked {
  /** Photos named and published, each its name's. */
  readonly published: number;
  /** Photos named and not published (yet). */
  readonly missing: number;
}

export async function checkEvidence(
  read: (path: string) => Promise<Uint8Array | undefined>,
  entries: readonly Uint8Array[],
  problems: VerifyProblem[],
): Promise<EvidenceChecked> {
  const named = new Set<string>();
  for (const bytes of entries) {
    const entry = decodeLogEntry(bytes);
    if (!entry.ok || entry.value.type !== 'submission') continue;
    for (const e of entry.value.signed.submission.evidence ?? []) named.add(e.sha256);
  }
  let published = 0;
  let missing = 0;
  for (const sha256 of named) {
    const path = `evidence/${sha256}`;
    const bytes = await read(path);
    if (bytes === undefined) {
      missing++;
    } else if (sha256Hex(bytes) !== sha256) {
      problems.push({
        code: 'evidence_mismatch',
        message: `${path} is not the photo its name says: its SHA-256 is ${sha256Hex(bytes)}`,
        file: path,
      });
    } else {
      published++;
    }
  }
  return { published, missing };
}
