// Evidence files: photos of tally sheets, kept by their SHA-256 (what a submission or a keyed
// sheet names them by). A file is stored once, whoever sends it again.
import type { Executor } from './log_storage.js';

export interface EvidenceFile {
  readonly mediaType: string;
  readonly bytes: Uint8Array;
}

export class EvidenceFiles {
  constructor(
    private readonly executor: Executor,
    private readonly electionId: string,
  ) {}

  /** Keeps a file unless one with its hash is kept already. */
  async put(file: {
    sha256: string;
    mediaType: string;
    bytes: Uint8Array;
    by: string;
    at: string;
  }): Promise<void> {
    await this.executor
      .insertInto('evidence_files')
      .values({
        election_id: this.electionId,
        sha256: file.sha256,
        media_type: file.mediaType,
        bytes: file.bytes,
        uploaded_by: file.by,
        uploaded_at: file.at,
      })
      .onConflict((c) => c.columns(['election_id', 'sha256']).doNothing())
      .execute();
  }

  async get(sha256: string): Promise<EvidenceFile | undefined> {
    const row = await this.executor
      .selectFrom('evidence_files')
      .select(['media_type', 'bytes'])
      .where('election_id', '=', this.electionId)
      .where('sha256', '=', sha256)
      .executeTakeFirst();
    return row === undefined
      ? undefined
      : { mediaType: row.media_type, bytes: new Uint8Array(row.bytes) };
  }
}
