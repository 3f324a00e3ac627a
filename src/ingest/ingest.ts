// Accepting result submissions for one election. Each body is parsed, checked against the
// definition and the roster, and then recorded with others that arrived meanwhile in one
// transaction (group commit): the log entries, tree nodes, index rows and receipts commit
// together before any sender is answered. Every submission, accepted, held or rejected, gets a
// log entry and a receipt; an identical re-send gets the receipt it got the first time.
import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import { canonicalJson, type JsonValue } from '../core/canonical_json.js';
import type { Election } from '../core/election.js';
import {
  encodeLogEntry,
  LOG_ENTRY_FORMAT,
  SUBMISSION_CONTEXT,
  type LogEntry,
} from '../core/log_entry.js';
import { problem, type Problem } from '../core/result.js';
import {
  checkSubmission,
  parseSignedSubmission,
  type SignedSubmission,
  type SubmissionWarning,
} from '../core/submission.js';
import { encodeBase64 } from '../log/encoding.js';
import { leafHash } from '../log/hash.js';
import { MAX_ENTRY_SIZE } from '../log/tiles.js';
import { verifyObject } from '../log/envelope.js';
import type { Log } from '../log/log.js';
import { insertInChunks } from '../store/log_storage.js';
import type { Database } from '../store/schema.js';
import type { Store } from '../store/store.js';
import { appendToLog } from './append.js';
import { findRosterKey, keyCoversUnit, type RosterKey } from './roster.js';
import { parseStrictJson } from './strict_json.js';

export type SubmissionStatus = 'accepted' | 'held' | 'rejected';
export type SubmissionKind = 'original' | 'amendment' | 'corroboration' | 'conflict';

export interface ProblemSummary {
  readonly code: string;
  readonly message: string;
}

/** What a sender keeps: where its submission is in the log, and what became of it. */
export interface Receipt {
  readonly election: string;
  readonly leafIndex: number;
  /** Base64 RFC 6962 leaf hash of the log entry. */
  readonly leafHash: string;
  readonly receivedAt: string;
  readonly status: SubmissionStatus;
  readonly kind?: SubmissionKind;
  readonly unit?: string;
  readonly voteType?: string;
  readonly sequence?: number;
  readonly warnings: readonly ProblemSummary[];
  readonly error?: ProblemSummary;
}

export interface IngestOutcome {
  readonly receipt: Receipt;
  /** True when this was an identical re-send of a recorded submission. */
  readonly resent: boolean;
}

export type RejectionCode =
  | 'malformed_json'
  | 'duplicate_key'
  | 'malformed_submission'
  | 'unknown_key'
  | 'revoked_key'
  | 'key_not_for_unit'
  | 'bad_signature'
  | 'replayed_sequence'
  | 'amendment_without_reason'
  | 'wrong_election'
  | 'unknown_unit'
  | 'not_reporting_unit'
  | 'unknown_vote_type'
  | 'unknown_contest'
  | 'contest_not_on_ballot'
  | 'duplicate_contest'
  | 'unknown_choice'
  | 'impossible_counts';

/** A submission that passed every check that needs no state; the rest run in the transaction. */
interface Candidate {
  readonly type: 'candidate';
  readonly raw: JsonValue;
  readonly signed: SignedSubmission;
  readonly digest: string;
  readonly countsDigest: string;
  readonly key: RosterKey;
  readonly warnings: readonly SubmissionWarning[];
}

interface Rejected {
  readonly type: 'rejected';
  readonly error: Problem<RejectionCode>;
  readonly raw?: JsonValue;
}

type Pending = (Candidate | Rejected) & {
  readonly body: { readonly sha256: string; readonly bytes: number };
  readonly receivedAt: string;
  readonly resolve: (outcome: IngestOutcome) => void;
  readonly reject: (error: unknown) => void;
};

const sha256Hex = (data: string | Uint8Array): string =>
  createHash('sha256').update(data).digest('hex');

// Transactions group at most this many submissions; more wait for the next one.
const MAX_BATCH = 256;

export interface IngestOptions {
  readonly now?: () => Date;
}

export class ElectionIngest {
  private readonly keys = new Map<string, RosterKey>();
  private pending: Pending[] = [];
  private flushing = false;
  private readonly now: () => Date;

  constructor(
    private readonly store: Store,
    readonly election: Election,
    readonly log: Log,
    options: IngestOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
  }

  get id(): string {
    return this.election.definition.id;
  }

  /** Takes one submission body as received; resolves once its outcome is durable. */
  async submit(body: Uint8Array): Promise<IngestOutcome> {
    const receivedAt = this.now().toISOString();
    const checked = await this.check(body);
    return new Promise<IngestOutcome>((resolve, reject) => {
      this.pending.push({
        ...checked,
        body: { sha256: sha256Hex(body), bytes: body.length },
        receivedAt,
        resolve,
        reject,
      });
      void this.flush();
    });
  }

  /** Everything that needs no database state: parsing, the definition's rules, the signature. */
  private async check(body: Uint8Array): Promise<Candidate | Rejected> {
    const json = parseStrictJson(body);
    if (!json.ok) return { type: 'rejected', error: json.error };
    const raw = json.value as JsonValue;
    const parsed = parseSignedSubmission(raw);
    if (!parsed.ok)
      return { type: 'rejected', error: { ...parsed.error, code: 'malformed_submission' } };
    const signed = parsed.value;
    const rejected = (error: Problem<RejectionCode>): Rejected => ({
      type: 'rejected',
      error,
      raw,
    });

    const key = await this.rosterKey(signed.signer);
    if (key === undefined) {
      return rejected(
        problem('unknown_key', `key ${signed.signer} is not in the election's roster`),
      );
    }
    const rawSubmission = (raw as { submission: JsonValue }).submission;
    if (!verifyObject(SUBMISSION_CONTEXT, rawSubmission, signed.signature, key.verifier)) {
      return rejected(
        problem('bad_signature', `the signature does not verify with key ${key.ref}`),
      );
    }
    const rules = checkSubmission(this.election, signed.submission);
    if (!rules.ok) return rejected(rules.error);
    if (!keyCoversUnit(this.election, key, signed.submission.unit)) {
      return rejected(
        problem(
          'key_not_for_unit',
          `key ${key.ref} is certified for unit "${key.unit}", not "${signed.submission.unit}"`,
        ),
      );
    }
    const { ballotsCast, contests } = signed.submission;
    const sorted = [...contests].sort((a, b) => (a.contest < b.contest ? -1 : 1));
    return {
      type: 'candidate',
      raw,
      signed,
      digest: sha256Hex(canonicalJson(raw)),
      countsDigest: sha256Hex(canonicalJson({ ballotsCast, contests: sorted })),
      key,
      warnings: rules.value,
    };
  }

  private async rosterKey(ref: string): Promise<RosterKey | undefined> {
    const cached = this.keys.get(ref);
    if (cached !== undefined) return cached;
    const found = await findRosterKey(this.store, this.id, ref);
    if (found !== undefined) this.keys.set(ref, found);
    return found;
  }

  /** Commits what is pending, one transaction at a time; arrivals meanwhile form the next. */
  private async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      while (this.pending.length > 0) {
        const batch = this.pending.splice(0, MAX_BATCH);
        try {
          const outcomes = await this.commit(batch);
          batch.forEach((p, i) => {
            p.resolve(outcomes[i] as IngestOutcome);
          });
        } catch (error) {
          // Nothing of the batch was committed; each sender hears so and may retry.
          for (const p of batch) p.reject(error);
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  private commit(batch: readonly Pending[]): Promise<IngestOutcome[]> {
    const electionId = this.id;
    return appendToLog(this.store, electionId, this.log, async (tx, size) => {
      const decided = await this.decide(tx, batch);
      const entries: Uint8Array[] = [];
      const final: IngestOutcome[] = [];
      for (const d of decided) {
        if (d.type === 'resent') {
          final.push({ receipt: d.receipt, resent: true });
        } else if (d.type === 'resent-in-batch') {
          // The same submission twice in one batch: the second gets the first one's receipt.
          const first = final[d.of] as IngestOutcome;
          final.push({ receipt: first.receipt, resent: true });
        } else {
          const bytes = encodeLogEntry(d.entry);
          const leaf = size + entries.length;
          entries.push(bytes);
          final.push({ receipt: d.receipt(leaf, encodeBase64(leafHash(bytes))), resent: false });
        }
      }
      return {
        entries,
        record: (rtx, first) => this.record(rtx, first, decided, final),
        value: final,
      };
    });
  }

  /** The stateful rules: re-sends, revocations, sequence numbers, amendments and conflicts. */
  private async decide(tx: Transaction<Database>, batch: readonly Pending[]): Promise<Decision[]> {
    const electionId = this.id;
    const candidates = batch.filter((p): p is Pending & Candidate => p.type === 'candidate');
    const digests = [...new Set(candidates.map((c) => c.digest))];
    const sources = [...new Set(candidates.map((c) => c.key.ref))];
    const units = [...new Set(candidates.map((c) => c.signed.submission.unit))];

    const known = new Map<string, Receipt>();
    const revoked = new Set<string>();
    const lastSequence = new Map<string, number>();
    const history = new Map<string, { source: string; countsDigest: string; status: string }[]>();
    if (candidates.length > 0) {
      const resent = await tx
        .selectFrom('submissions')
        .innerJoin('receipts', (j) =>
          j
            .onRef('receipts.election_id', '=', 'submissions.election_id')
            .onRef('receipts.leaf_index', '=', 'submissions.leaf_index'),
        )
        .select(['submissions.digest', 'receipts.receipt'])
        .where('submissions.election_id', '=', electionId)
        .where('submissions.digest', 'in', digests)
        .execute();
      for (const r of resent) known.set(r.digest, JSON.parse(r.receipt) as Receipt);
      const keys = await tx
        .selectFrom('roster_keys')
        .select(['key_ref', 'revoked_leaf'])
        .where('election_id', '=', electionId)
        .where('key_ref', 'in', sources)
        .execute();
      for (const k of keys) if (k.revoked_leaf !== null) revoked.add(k.key_ref);
      const sequences = await tx
        .selectFrom('submissions')
        .select(['source', (eb) => eb.fn.max('sequence').as('sequence')])
        .where('election_id', '=', electionId)
        .where('source', 'in', sources)
        .groupBy('source')
        .execute();
      for (const s of sequences) lastSequence.set(s.source, s.sequence);
      const previous = await tx
        .selectFrom('submissions')
        .select(['unit_id', 'vote_type', 'source', 'counts_digest', 'status'])
        .where('election_id', '=', electionId)
        .where('unit_id', 'in', units)
        .orderBy('leaf_index')
        .execute();
      for (const p of previous) {
        const key = `${p.unit_id}\u0000${p.vote_type}`;
        const list = history.get(key) ?? [];
        list.push({ source: p.source, countsDigest: p.counts_digest, status: p.status });
        history.set(key, list);
      }
    }

    const firstInBatch = new Map<string, number>();
    return batch.map((p, index): Decision => {
      if (p.type === 'rejected') return recordRejection(electionId, p, p.error);
      const receipt = known.get(p.digest);
      if (receipt !== undefined) return { type: 'resent', receipt };
      const earlier = firstInBatch.get(p.digest);
      if (earlier !== undefined) return { type: 'resent-in-batch', of: earlier };
      const { submission } = p.signed;
      const source = p.key.ref;
      if (revoked.has(source)) {
        return recordRejection(
          electionId,
          p,
          problem('revoked_key', `key ${source} has been revoked`),
        );
      }
      const last = lastSequence.get(source);
      if (last !== undefined && submission.sequence <= last) {
        return recordRejection(
          electionId,
          p,
          problem(
            'replayed_sequence',
            `sequence ${submission.sequence} from key ${source} is not above its last, ${last}`,
          ),
        );
      }
      const slot = `${submission.unit}\u0000${submission.voteType}`;
      const before = history.get(slot) ?? [];
      let kind: SubmissionKind = 'original';
      if (before.some((b) => b.source === source)) {
        if (submission.amendment === undefined) {
          return recordRejection(
            electionId,
            p,
            problem(
              'amendment_without_reason',
              `unit "${submission.unit}" (${submission.voteType}) already has a submission from key ${source}: an amendment must say why`,
            ),
          );
        }
        kind = 'amendment';
      } else if (before.length > 0) {
        const current =
          [...before].reverse().find((b) => b.status === 'accepted') ?? before[before.length - 1];
        kind = current?.countsDigest === p.countsDigest ? 'corroboration' : 'conflict';
      }
      const status: SubmissionStatus =
        kind === 'conflict' || p.warnings.length > 0 ? 'held' : 'accepted';
      lastSequence.set(source, submission.sequence);
      before.push({ source, countsDigest: p.countsDigest, status });
      history.set(slot, before);
      firstInBatch.set(p.digest, index);
      return recordSubmission(electionId, p, status, kind);
    });
  }

  private async record(
    tx: Transaction<Database>,
    first: number,
    decided: readonly Decision[],
    outcomes: readonly IngestOutcome[],
  ): Promise<void> {
    const electionId = this.id;
    const submissions: Database['submissions'][] = [];
    const receipts: Database['receipts'][] = [];
    let leaf = first;
    decided.forEach((d, i) => {
      if (d.type !== 'record') return;
      const receipt = (outcomes[i] as IngestOutcome).receipt;
      receipts.push({
        election_id: electionId,
        leaf_index: leaf,
        receipt: JSON.stringify(receipt),
      });
      if (d.row !== undefined)
        submissions.push({ ...d.row, election_id: electionId, leaf_index: leaf });
      leaf++;
    });
    await insertInChunks(submissions, (rows) =>
      tx.insertInto('submissions').values(rows).execute(),
    );
    await insertInChunks(receipts, (rows) => tx.insertInto('receipts').values(rows).execute());
  }
}

type SubmissionRow = Omit<Database['submissions'], 'election_id' | 'leaf_index'>;

type Decision =
  | { readonly type: 'resent'; readonly receipt: Receipt }
  | { readonly type: 'resent-in-batch'; readonly of: number }
  | {
      readonly type: 'record';
      readonly pending: Pending;
      readonly entry: LogEntry;
      readonly row?: SubmissionRow;
      readonly receipt: (leafIndex: number, leafHash: string) => Receipt;
    };

const summary = (p: Problem): ProblemSummary => ({ code: p.code, message: p.message });

/** The rejection's entry: with the submission as sent when it was one and fits in an entry. */
function rejectionEntry(election: string, p: Pending, error: Problem): LogEntry {
  const entry: LogEntry = {
    format: LOG_ENTRY_FORMAT,
    type: 'rejection',
    election,
    receivedAt: p.receivedAt,
    bodySha256: p.body.sha256,
    bodyBytes: p.body.bytes,
    error: summary(error),
  };
  if (p.raw === undefined || !parseSignedSubmission(p.raw).ok) return entry;
  const withBody = { ...entry, signed: p.raw as unknown as SignedSubmission };
  return encodeLogEntry(withBody).length <= MAX_ENTRY_SIZE ? withBody : entry;
}

function recordRejection(election: string, p: Pending, error: Problem): Decision {
  const submission = p.type === 'candidate' ? p.signed.submission : undefined;
  return {
    type: 'record',
    pending: p,
    entry: rejectionEntry(election, p, error),
    receipt: (leafIndex, leafHash) => ({
      election,
      leafIndex,
      leafHash,
      receivedAt: p.receivedAt,
      status: 'rejected',
      ...(submission === undefined
        ? {}
        : { unit: submission.unit, voteType: submission.voteType, sequence: submission.sequence }),
      warnings: [],
      error: summary(error),
    }),
  };
}

function recordSubmission(
  election: string,
  p: Pending & Candidate,
  status: 'accepted' | 'held',
  kind: SubmissionKind,
): Decision {
  const { submission } = p.signed;
  const warnings = p.warnings.map(summary);
  return {
    type: 'record',
    pending: p,
    entry: {
      format: LOG_ENTRY_FORMAT,
      type: 'submission',
      election,
      receivedAt: p.receivedAt,
      signed: p.raw as unknown as SignedSubmission,
      status,
      kind,
      warnings,
    },
    row: {
      digest: p.digest,
      unit_id: submission.unit,
      vote_type: submission.voteType,
      source: p.key.ref,
      sequence: submission.sequence,
      status,
      kind,
      counts_digest: p.countsDigest,
    },
    receipt: (leafIndex, leafHash) => ({
      election,
      leafIndex,
      leafHash,
      receivedAt: p.receivedAt,
      status,
      kind,
      unit: submission.unit,
      voteType: submission.voteType,
      sequence: submission.sequence,
      warnings,
    }),
  };
}
