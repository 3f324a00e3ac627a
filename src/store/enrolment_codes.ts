// One-time enrolment codes: an admin makes one for a unit, and a reporting device presents it
// once, before it expires, to register the key it made itself. Only each code's SHA-256 is kept
// (a code is 60 random bits: a plain hash of it cannot be reversed by guessing).
import type { Executor } from './log_storage.js';

export class EnrolmentCodes {
  constructor(
    private readonly executor: Executor,
    private readonly electionId: string,
  ) {}

  async add(code: {
    hash: string;
    unit: string;
    createdBy: string;
    createdAt: string;
    expiresAt: string;
  }): Promise<void> {
    await this.executor
      .insertInto('enrolment_codes')
      .values({
        code_hash: code.hash,
        election_id: this.electionId,
        unit_id: code.unit,
        created_by: code.createdBy,
        created_at: code.createdAt,
        expires_at: code.expiresAt,
        used_at: null,
        key_ref: null,
      })
      .execute();
  }

  /**
   * Takes the code with this hash, if it is this election's, unused and not expired at `now`:
   * marks it used, in one statement (two devices with one code cannot both take it), and
   * answers its unit and who made it.
   */
  async take(hash: string, now: string): Promise<{ unit: string; createdBy: string } | undefined> {
    const row = await this.executor
      .updateTable('enrolment_codes')
      .set({ used_at: now })
      .where('code_hash', '=', hash)
      .where('election_id', '=', this.electionId)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .returning(['unit_id', 'created_by'])
      .executeTakeFirst();
    return row === undefined ? undefined : { unit: row.unit_id, createdBy: row.created_by };
  }

  /** Gives a taken code back: the key it was to enrol could not be. */
  async giveBack(hash: string): Promise<void> {
    await this.executor
      .updateTable('enrolment_codes')
      .set({ used_at: null })
      .where('code_hash', '=', hash)
      .where('election_id', '=', this.electionId)
      .execute();
  }

  /** Records the key a code enrolled. */
  async enrolled(hash: string, keyRef: string): Promise<void> {
    await this.executor
      .updateTable('enrolment_codes')
      .set({ key_ref: keyRef })
      .where('code_hash', '=', hash)
      .execute();
  }

  /** The codes that enrolled these keys: who made each, and when. */
  async enrolling(
    refs: readonly string[],
  ): Promise<{ keyRef: string; createdBy: string; createdAt: string }[]> {
    if (refs.length === 0) return [];
    const rows = await this.executor
      .selectFrom('enrolment_codes')
      .select(['key_ref', 'created_by', 'created_at'])
      .where('election_id', '=', this.electionId)
      .where('key_ref', 'in', refs)
      .execute();
    return rows.flatMap((r) =>
      r.key_ref === null
        ? []
        : [{ keyRef: r.key_ref, createdBy: r.created_by, createdAt: r.created_at }],
    );
  }
}
