// The results desk: paper tally sheets keyed twice, by two desk operators who do not see each
// other's numbers. Two entries that agree become one submission, signed by the office's desk
// key and naming both operators, which ingest takes like any other (the rules may still hold
// it). Two that differ wait for a reviewer, who keeps one of them (the submission then names
// the reviewer too) or sets both aside for the sheet to be keyed again. The phone-in case (a
// precinct reads its numbers out) is the same flow. One sheet's entries are decided one at a
// time, so two operators finishing at once cannot both wait for a pair.
import { randomUUID } from 'node:crypto';
import {
  checkSheet,
  KeyedSheet,
  sheetDifferences,
  sheetsAgree,
  sheetSubmission,
  type SheetDifference,
} from '../core/desk.js';
import { isWithin, zodProblem, type Election } from '../core/election.js';
import { canonicalJson, type JsonValue } from '../core/canonical_json.js';
import {
  err,
  ok,
  problem,
  type Problem,
  type ProblemSummary,
  type Result,
} from '../core/result.js';
import { StaffName, type SubmissionErrorCode } from '../core/submission.js';
import { keyRef } from '../log/envelope.js';
import type { Signer } from '../log/note.js';
import { DeskRecords, type DeskRecord } from '../store/desk_records.js';
import { SubmissionRecords } from '../store/submission_records.js';
import type { Store } from '../store/store.js';
import type { ElectionIngest } from './ingest.js';
import type { Receipt } from './receipt.js';
import { findRosterKey } from './roster.js';
import { signSubmission } from './submit_client.js';

export type DeskProblem = Problem<
  | 'invalid_sheet'
  | SubmissionErrorCode
  | 'no_desk_key'
  | 'same_operator'
  | 'sheet_with_reviewer'
  | 'no_mismatch'
  | 'unknown_desk_entry'
  | 'invalid_review'
  | 'keyed_by_reviewer'
  | 'desk_key_not_certified'
  | 'desk_submission_rejected'
>;

/** What became of an operator's entry. */
export type KeyingOutcome =
  /** The first entry of the sheet: it waits for a second operator's. */
  | { readonly type: 'awaiting_second_entry'; readonly warnings: readonly ProblemSummary[] }
  /** The second entry differs from the first: both wait for a reviewer. */
  | { readonly type: 'sent_to_reviewer' }
  /** The two agree: submitted, with its receipt (accepted, or held by the rules). */
  | { readonly type: 'submitted'; readonly receipt: Receipt };

/** One operator's entry as a reviewer sees it. */
export interface DeskEntryView {
  readonly id: string;
  readonly operator: string;
  readonly keyedAt: string;
  readonly sheet: KeyedSheet;
}

/** A sheet whose two entries differ, waiting for a reviewer. */
export interface SheetMismatch {
  readonly unit: string;
  readonly voteType: string;
  readonly entries: readonly [DeskEntryView, DeskEntryView];
  readonly differences: readonly SheetDifference[];
}

/** A sheet keyed once, waiting for its second entry (the numbers are not shown). */
export interface SheetAwaiting {
  readonly unit: string;
  readonly voteType: string;
  readonly operator: string;
  readonly keyedAt: string;
}

export class ResultsDesk {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: Store,
    private readonly election: Election,
    private readonly ingest: ElectionIngest,
    /** The office's desk key, certified in the election's roster; none, no desk. */
    private readonly signer: Signer | undefined,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private get records(): DeskRecords {
    return new DeskRecords(this.store.db, this.election.definition.id);
  }

  /** Writes to the desk's records together or not at all. */
  private together(write: (records: DeskRecords) => Promise<void>): Promise<void> {
    return this.store.db
      .transaction()
      .execute((tx) => write(new DeskRecords(tx, this.election.definition.id)));
  }

  /** What the rules say of a sheet as it is keyed: a hard error, or the warnings. */
  check(input: unknown): Result<readonly ProblemSummary[], DeskProblem> {
    const sheet = this.parse(input);
    if (!sheet.ok) return sheet;
    return checkSheet(this.election, sheet.value);
  }

  /** An operator's entry of a sheet: it waits for its pair, meets it, or differs from it. */
  key(operator: string, input: unknown): Promise<Result<KeyingOutcome, DeskProblem>> {
    return this.exclusive(async () => {
      if (this.signer === undefined) return err(noDeskKey());
      const sheet = this.parse(input);
      if (!sheet.ok) return sheet;
      const checked = checkSheet(this.election, sheet.value);
      if (!checked.ok) return err(checked.error);
      const { unit, voteType } = sheet.value;
      const pending = await this.records.pending(unit, voteType);
      if (pending.some((p) => p.status === 'mismatch')) {
        return err(
          problem(
            'sheet_with_reviewer',
            `the sheet for ${unit} (${voteType}) was keyed twice with different numbers and waits for a reviewer`,
          ),
        );
      }
      const first = pending[0];
      if (first !== undefined && first.operator === operator) {
        return err(
          problem(
            'same_operator',
            `you keyed the sheet for ${unit} (${voteType}) already: a second operator keys it`,
          ),
        );
      }
      const record: DeskRecord = {
        id: randomUUID(),
        unit,
        voteType,
        operator,
        keyed: canonicalJson(sheet.value as unknown as JsonValue),
        keyedAt: this.now().toISOString(),
        status: 'open',
      };
      if (first === undefined) {
        await this.records.add(record);
        return ok({ type: 'awaiting_second_entry', warnings: checked.value } as const);
      }
      if (!sheetsAgree(parseKept(first), sheet.value)) {
        await this.together(async (records) => {
          await records.add({ ...record, status: 'mismatch' });
          await records.setStatus([first.id], 'mismatch');
        });
        return ok({ type: 'sent_to_reviewer' } as const);
      }
      const submitted = await this.submit(sheet.value, [first.operator, operator]);
      if (!submitted.ok) return submitted;
      const leaf = submitted.value.leafIndex;
      await this.together(async (records) => {
        await records.add({ ...record, status: 'submitted', leaf });
        await records.setStatus([first.id], 'submitted', leaf);
      });
      return ok({ type: 'submitted', receipt: submitted.value } as const);
    });
  }

  /** The sheets keyed once, waiting for a second operator. */
  async awaiting(): Promise<SheetAwaiting[]> {
    return (await this.records.open()).map((r) => ({
      unit: r.unit,
      voteType: r.voteType,
      operator: r.operator,
      keyedAt: r.keyedAt,
    }));
  }

  /** The sheets whose two entries differ, oldest first, each with both entries side by side. */
  async mismatches(): Promise<SheetMismatch[]> {
    const bySheet = new Map<string, DeskRecord[]>();
    for (const r of await this.records.mismatches()) {
      const key = `${r.unit}\u0000${r.voteType}`;
      bySheet.set(key, [...(bySheet.get(key) ?? []), r]);
    }
    const out: SheetMismatch[] = [];
    for (const [a, b] of bySheet.values()) {
      if (a === undefined || b === undefined) continue;
      const first = view(a);
      const second = view(b);
      out.push({
        unit: a.unit,
        voteType: a.voteType,
        entries: [first, second],
        differences: sheetDifferences(first.sheet, second.sheet),
      });
    }
    return out;
  }

  /**
   * A reviewer's choice for a sheet whose entries differ: keep one entry (submitted, naming both
   * operators and the reviewer), or neither (both set aside; the sheet is keyed again).
   */
  resolve(
    reviewer: string,
    sheet: { readonly unit: string; readonly voteType: string },
    keep: string | null,
  ): Promise<Result<{ readonly receipt?: Receipt }, DeskProblem>> {
    return this.exclusive(async () => {
      if (!StaffName.safeParse(reviewer).success)
        return err(problem('invalid_review', `"${reviewer}" is no staff name`));
      const waiting = (await this.records.pending(sheet.unit, sheet.voteType)).filter(
        (r) => r.status === 'mismatch',
      );
      const [a, b] = waiting;
      if (a === undefined || b === undefined) {
        return err(
          problem(
            'no_mismatch',
            `no sheet for ${sheet.unit} (${sheet.voteType}) waits for a reviewer`,
          ),
        );
      }
      if (reviewer === a.operator || reviewer === b.operator) {
        return err(
          problem(
            'keyed_by_reviewer',
            `you keyed this sheet: another reviewer chooses between its two entries`,
          ),
        );
      }
      if (keep === null) {
        await this.records.setStatus([a.id, b.id], 'set_aside');
        return ok({});
      }
      const kept = waiting.find((r) => r.id === keep);
      if (kept === undefined) {
        return err(
          problem(
            'unknown_desk_entry',
            `entry ${keep} is not one of the two entries of the sheet for ${sheet.unit} (${sheet.voteType})`,
          ),
        );
      }
      if (this.signer === undefined) return err(noDeskKey());
      const submitted = await this.submit(parseKept(kept), [a.operator, b.operator], reviewer);
      if (!submitted.ok) return submitted;
      const other = kept === a ? b : a;
      await this.together(async (records) => {
        await records.setStatus([kept.id], 'submitted', submitted.value.leafIndex);
        await records.setStatus([other.id], 'set_aside');
      });
      return ok({ receipt: submitted.value });
    });
  }

  /** Signs the sheet with the desk key and submits it as any source would. */
  private async submit(
    sheet: KeyedSheet,
    keyedBy: readonly [string, string],
    resolvedBy?: string,
  ): Promise<Result<Receipt, DeskProblem>> {
    const signer = this.signer;
    if (signer === undefined) return err(noDeskKey());
    const ref = keyRef(signer);
    // A desk key the roster does not hold for this unit would only log a public rejection.
    const certified = await findRosterKey(this.store, this.election.definition.id, ref);
    if (
      certified === undefined ||
      certified.revoked ||
      !isWithin(this.election, sheet.unit, certified.unit)
    ) {
      return err(
        problem(
          'desk_key_not_certified',
          `the desk key ${ref} is not certified for ${sheet.unit} in this election's roster: the election authority certifies it for the root unit (tally keys issue)`,
        ),
      );
    }
    const submissions = new SubmissionRecords(this.store.db, this.election.definition.id);
    const [last] = await submissions.lastSequences([ref]);
    const earlier = (await submissions.ofUnits([sheet.unit])).some(
      (r) => r.source === ref && r.voteType === sheet.voteType,
    );
    const submission = sheetSubmission(this.election, sheet, {
      sequence: (last?.sequence ?? 0) + 1,
      time: this.now().toISOString(),
      keyedBy,
      ...(resolvedBy === undefined ? {} : { resolvedBy }),
      // A sheet keyed again replaces what the desk submitted for it before.
      ...(earlier ? { amendment: 'the tally sheet keyed again at the results desk' } : {}),
    });
    const body = new TextEncoder().encode(JSON.stringify(signSubmission(submission, signer)));
    const { receipt } = await this.ingest.submit(body);
    if (receipt.status === 'rejected') {
      const why = receipt.error?.message ?? 'rejected';
      return err(
        problem('desk_submission_rejected', `the desk's submission was rejected: ${why}`, {
          receipt,
        }),
      );
    }
    return ok(receipt);
  }

  private parse(input: unknown): Result<KeyedSheet, DeskProblem> {
    const parsed = KeyedSheet.safeParse(input);
    return parsed.success
      ? ok(parsed.data)
      : err(zodProblem('invalid_sheet', 'invalid tally sheet', parsed.error));
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

const noDeskKey = () =>
  problem(
    'no_desk_key',
    'this server has no desk key: start tally serve with --desk-key-file (a key the election authority certified)',
  );

/** An entry as it was stored: parsed when it was keyed, so a failure here is a bug. */
function parseKept(r: DeskRecord): KeyedSheet {
  return KeyedSheet.parse(JSON.parse(r.keyed));
}

const view = (r: DeskRecord): DeskEntryView => ({
  id: r.id,
  operator: r.operator,
  keyedAt: r.keyedAt,
  sheet: parseKept(r),
});
