// First approvals of held submissions that need two reviewers: each waits here, outside the log,
// until a second reviewer agrees (one review entry then names both, and the approval goes) or a
// reviewer rejects the submission.
import type { Executor } from './log_storage.js';

/** A reviewer's approval, waiting for a second. */
export interface Approval {
  readonly reviewer: string;
  readonly reason: string;
  /** When they approved (RFC 3339). */
  readonly time: string;
}

export class ReviewApprovals {
  constructor(
    private readonly executor: Executor,
    private readonly electionId: string,
  ) {}

  /** The approvals waiting on the held submission at entry `leaf`, first first. */
  async of(leaf: number): Promise<Approval[]> {
    const rows = await this.executor
      .selectFrom('review_approvals')
      .select(['reviewer', 'reason', 'approved_at'])
      .where('election_id', '=', this.electionId)
      .where('leaf_index', '=', leaf)
      .execute();
    rows.sort((a, b) => a.approved_at.localeCompare(b.approved_at));
    return rows.map((r) => ({ reviewer: r.reviewer, reason: r.reason, time: r.approved_at }));
  }

  /** Every approval waiting in the election, by the held submission's entry. */
  async waiting(): Promise<Map<number, Approval[]>> {
    const rows = await this.executor
      .selectFrom('review_approvals')
      .select(['leaf_index', 'reviewer', 'reason', 'approved_at'])
      .where('election_id', '=', this.electionId)
      .execute();
    const byLeaf = new Map<number, Approval[]>();
    for (const r of rows) {
      const list = byLeaf.get(r.leaf_index) ?? [];
      list.push({ reviewer: r.reviewer, reason: r.reason, time: r.approved_at });
      byLeaf.set(r.leaf_index, list);
    }
    return byLeaf;
  }

  async add(leaf: number, approval: Approval): Promise<void> {
    await this.executor
      .insertInto('review_approvals')
      .values({
        election_id: this.electionId,
        leaf_index: leaf,
        reviewer: approval.reviewer,
        reason: approval.reason,
        approved_at: approval.time,
      })
      .execute();
  }

  /** The submission was decided: its approvals have done their part. */
  async clear(leaf: number): Promise<void> {
    await this.executor
      .deleteFrom('review_approvals')
      .where('election_id', '=', this.electionId)
      .where('leaf_index', '=', leaf)
      .execute();
  }
}
