// The review rules for a signed, checked submission, given what the log already holds for its
// source and its unit: sequence numbers only go up per source; a second submission from the same
// source for the same unit and vote type is an amendment and must say why; one from another
// source corroborates the counted numbers or conflicts with them; conflicts and warnings are held
// for review, everything else is accepted. Ingest decides with them as submissions arrive; the
// verifier replays them over the log to check every recorded decision. Pure.
import { problem, type Problem, type Result, err, ok } from './result.js';

export type SubmissionKind = 'original' | 'amendment' | 'corroboration' | 'conflict';
export type SubmissionStatus = 'accepted' | 'held';

/** What the rules read of a submission. */
export interface ReviewedSubmission {
  /** The signing key, `name+keyid`. */
  readonly source: string;
  readonly unit: string;
  readonly voteType: string;
  readonly sequence: number;
  /** Whether it says why it replaces the source's earlier one. */
  readonly amended: boolean;
  /** Its numbers' fingerprint (countsFingerprint). */
  readonly countsDigest: string;
  /** How many warnings the definition's rules raised. */
  readonly warnings: number;
}

export interface ReviewDecision {
  readonly kind: SubmissionKind;
  readonly status: SubmissionStatus;
}

export type ReviewProblem = Problem<'replayed_sequence' | 'amendment_without_reason'>;

interface Recorded {
  readonly source: string;
  readonly countsDigest: string;
  readonly status: SubmissionStatus;
}

/** What the log holds that the rules depend on: per source and per unit and vote type. */
export class ReviewState {
  private readonly lastSequence = new Map<string, number>();
  private readonly slots = new Map<string, Recorded[]>();

  /** A source's highest sequence number so far (what ingest reads from its store). */
  knowSequence(source: string, sequence: number): void {
    this.lastSequence.set(source, Math.max(this.lastSequence.get(source) ?? 0, sequence));
  }

  /** A submission recorded for its unit and vote type, given in log order. */
  knowSubmission(
    s: Pick<ReviewedSubmission, 'source' | 'unit' | 'voteType' | 'countsDigest'>,
    status: SubmissionStatus,
  ): void {
    const key = slotKey(s.unit, s.voteType);
    const list = this.slots.get(key) ?? [];
    list.push({ source: s.source, countsDigest: s.countsDigest, status });
    this.slots.set(key, list);
  }

  /** Adds the submission the log records next, with the status it was given. */
  remember(s: Omit<ReviewedSubmission, 'amended' | 'warnings'>, status: SubmissionStatus): void {
    this.knowSequence(s.source, s.sequence);
    this.knowSubmission(s, status);
  }

  /** What the rules make of the next submission, given what the log holds before it. */
  decide(s: ReviewedSubmission): Result<ReviewDecision, ReviewProblem> {
    const last = this.lastSequence.get(s.source);
    if (last !== undefined && s.sequence <= last) {
      return err(
        problem(
          'replayed_sequence',
          `sequence ${s.sequence} from key ${s.source} is not above its last, ${last}`,
        ),
      );
    }
    const before = this.slots.get(slotKey(s.unit, s.voteType)) ?? [];
    let kind: SubmissionKind = 'original';
    if (before.some((b) => b.source === s.source)) {
      if (!s.amended) {
        return err(
          problem(
            'amendment_without_reason',
            `unit "${s.unit}" (${s.voteType}) already has a submission from key ${s.source}: an amendment must say why`,
          ),
        );
      }
      kind = 'amendment';
    } else if (before.length > 0) {
      const current = before.findLast((b) => b.status === 'accepted') ?? before[before.length - 1];
      kind = current?.countsDigest === s.countsDigest ? 'corroboration' : 'conflict';
    }
    const status = kind === 'conflict' || s.warnings > 0 ? 'held' : 'accepted';
    return ok({ kind, status });
  }
}

const slotKey = (unit: string, voteType: string): string => `${unit}\u0000${voteType}`;
