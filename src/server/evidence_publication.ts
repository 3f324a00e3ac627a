// The photos the log's submissions name, published where the election makes its evidence public
// (its definition's `evidence: "public"`): each at <election>/evidence/<sha256>, beside the log,
// written once and never changed, before the version whose checkpoint counts its submission is
// asked for, and not before the results are released. A photo uploaded after its report follows
// with a later checkpoint; `tally verify` checks every one published against its name.
import { randomUUID } from 'node:crypto';
import { access, mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeLogEntry } from '../core/log_entry.js';
import type { Log } from '../log/log.js';
import { EvidenceFiles } from '../store/evidence_files.js';
import type { Store } from '../store/store.js';

/** Where a published photo is, under its election's folder of the site. */
export const evidencePath = (sha256: string): string => `evidence/${sha256}`;

export class EvidencePublication {
  /** The log entries read so far. */
  private scanned = 0;
  /** Photos named by the entries read that are not published yet (not uploaded yet, maybe). */
  private readonly pending = new Set<string>();
  private readonly published = new Set<string>();

  constructor(
    private readonly log: Log,
    private readonly store: Store,
    private readonly electionId: string,
    /** The election's folder of the site. */
    private readonly dir: string,
  ) {}

  /** Publishes every photo named by the log's first `size` entries that has been uploaded. */
  async upTo(size: number): Promise<void> {
    while (this.scanned < size) {
      const read = await this.log.entries(
        BigInt(this.scanned),
        Math.min(size - this.scanned, 4096),
      );
      if (!read.ok || read.value.length === 0) break;
      for (const bytes of read.value) {
        const entry = decodeLogEntry(bytes);
        // Accepted and held submissions' photos: a refused body's are not published.
        if (!entry.ok || entry.value.type !== 'submission') continue;
        for (const evidence of entry.value.signed.submission.evidence ?? []) {
          if (!this.published.has(evidence.sha256)) this.pending.add(evidence.sha256);
        }
      }
      this.scanned += read.value.length;
    }
    if (this.pending.size === 0) return;
    const files = new EvidenceFiles(this.store.db, this.electionId);
    await mkdir(join(this.dir, 'evidence'), { recursive: true });
    for (const sha256 of [...this.pending]) {
      const path = join(this.dir, evidencePath(sha256));
      if (!(await exists(path))) {
        const file = await files.get(sha256);
        if (file === undefined) continue;
        // Whole or not at all: a reader never finds half a photo.
        const partial = `${path}.${randomUUID()}.partial`;
        await writeFile(partial, file.bytes);
        await rename(partial, path);
      }
      this.pending.delete(sha256);
      this.published.add(sha256);
    }
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
