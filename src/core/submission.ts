// Result submissions: what a precinct, a county tabulation system or a desk operator sends,
// parsed at the boundary, and the rules that decide whether its numbers can be (hard errors)
// and whether a person should look at them first (warnings). Pure: the stateful rules
// (signatures, sequence numbers, amendments) live in ingest.
import { z } from 'zod';
import {
  Id,
  contestsOnBallot,
  reportsContest,
  voteFor,
  zodProblem,
  type Contest,
  type Election,
} from './election.js';
import { err, ok, problem, type Problem, type Result } from './result.js';
import { sha256Hex } from './sha256.js';
import { caucusProblems, type CaucusProblemCode } from './caucus.js';

export const SUBMISSION_FORMAT = 'tally-submission/1';

const Count = z.int().min(0);
const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in lowercase hex');

/** A game of chance a caucus played to settle a tie for a delegate, and the group it selected. */
export const ChanceOutcome = z.strictObject({
  /** For a delegate more (too few given), or one given back (too many). */
  for: z.enum(['extra', 'removal']),
  /** The tied preference groups. */
  among: z.array(Id).min(2).max(100),
  selected: Id,
});

/**
 * What a caucus reports beyond its final alignment (the contest's `counts`): the first
 * alignment, the county delegates each group won, and the games of chance it played.
 */
export const CaucusReport = z.strictObject({
  /** Members per preference group in the first alignment (Nevada: with early preference cards). */
  first: z.record(Id, Count),
  /** County delegates won per preference group (a precinct elects at most 10,000: see D). */
  delegates: z.record(Id, Count.max(100_000)),
  /** The games of chance that settled ties for a delegate, in the order they were played. */
  chance: z.array(ChanceOutcome).max(100).optional(),
});

export const ContestResult = z.strictObject({
  contest: Id,
  /** Votes per choice id; for a caucus, members per preference group in the final alignment. */
  counts: z.record(Id, Count),
  /** Ballots counted in this contest; for a caucus, the first alignment's participants. */
  ballotsCast: Count,
  /** Vote positions lost to overvoting and left unused (undervotes), in votes; 0 in a caucus. */
  overvotes: Count,
  undervotes: Count,
  /** A caucus contest's first alignment, delegates and games of chance; only there. */
  caucus: CaucusReport.optional(),
});

export const Evidence = z.strictObject({
  sha256: Sha256Hex,
  /** What the file is: tally-sheet photo, results tape, ... */
  kind: z.string().min(1).max(64),
});

/** A staff member as the log names them: the name they sign in with. */
export const StaffName = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9._-]{0,63}$/,
    'a staff name is 1 to 64 lowercase letters, digits, ".", "_" or "-"',
  );

/**
 * Who keyed a paper tally sheet at the election office's results desk: two desk operators,
 * independently, and the reviewer who chose between their entries where they differed.
 */
export const DeskKeying = z.strictObject({
  keyedBy: z.tuple([StaffName, StaffName]),
  resolvedBy: StaffName.optional(),
});

export const Submission = z.strictObject({
  format: z.literal(SUBMISSION_FORMAT),
  election: Id,
  unit: Id,
  voteType: Id,
  /** Increases with every submission from the same key. */
  sequence: z.int().min(1),
  /** When the sender made it (RFC 3339, with offset). */
  time: z.iso.datetime({ offset: true }),
  /** Ballots cast in the unit for this vote type. */
  ballotsCast: Count,
  contests: z.array(ContestResult).min(1).max(1000),
  evidence: z.array(Evidence).max(20).optional(),
  /** Present when this submission replaces the sender's earlier one: why. */
  amendment: z.strictObject({ reason: z.string().min(1).max(1000) }).optional(),
  /** Present when the office's results desk keyed it from a paper tally sheet. */
  desk: DeskKeying.optional(),
});

// A key's name has no spaces, plus signs or control characters (Unicode's Cc: U+0000 to U+001F
// and U+007F to U+009F, spelled out because the compiled check runs patterns without the u flag,
// where \p{Cc} would mean the letters p, C, c and braces).
// eslint-disable-next-line no-control-regex -- control characters are what the pattern refuses
const KEY_REF = /^[^\s+\x00-\x1f\x7f-\x9f]+\+[0-9a-f]{8}$/;

export const SignedSubmission = z.strictObject({
  submission: Submission,
  /**
   * The signing key as `name+keyid` (a C2SP key name: no white space, no '+', no control
   * character; the key id in lowercase hex), certified in the election's roster.
   */
  signer: z.string().max(300).regex(KEY_REF, 'a key reference, name+keyid'),
  /** Base64 Ed25519 signature over `tally-submission/1\n` + the submission's canonical JSON. */
  signature: z.string().min(1).max(200),
});

export type Submission = Readonly<z.infer<typeof Submission>>;
export type ContestResult = Readonly<z.infer<typeof ContestResult>>;
export type SignedSubmission = Readonly<z.infer<typeof SignedSubmission>>;

export const SUBMISSION_ERROR_CODES = [
  'malformed_submission',
  'wrong_election',
  'unknown_unit',
  'not_reporting_unit',
  'unknown_vote_type',
  'unknown_contest',
  'contest_not_on_ballot',
  'duplicate_contest',
  'unknown_choice',
  'impossible_counts',
  'desk_keying',
  'invalid_caucus_report',
] as const;

export type SubmissionErrorCode = (typeof SUBMISSION_ERROR_CODES)[number];

export type SubmissionWarningCode =
  | 'turnout_above_registered'
  | 'unbalanced_contest'
  | 'missing_contest'
  | 'missing_choice'
  | CaucusProblemCode;

export type SubmissionError = Problem<SubmissionErrorCode>;

/**
 * The key of a unit's results for one vote type (its slot): the latest accepted submission in
 * each slot is what counts. NUL never appears in an identifier.
 */
export function slotKey(unit: string, voteType: string): string {
  return `${unit}\u0000${voteType}`;
}

/** The unit a slot key names. */
export function slotUnit(key: string): string {
  return key.slice(0, key.indexOf('\u0000'));
}
export type SubmissionWarning = Problem<SubmissionWarningCode>;

export function parseSignedSubmission(input: unknown): Result<SignedSubmission, SubmissionError> {
  const parsed = SignedSubmission.safeParse(input);
  return parsed.success
    ? ok(parsed.data)
    : err(zodProblem('malformed_submission', 'malformed submission', parsed.error));
}

/**
 * Checks a submission against the election definition. A hard error means the numbers cannot
 * be (or name things that do not exist): the submission is rejected. Warnings hold it for a
 * reviewer.
 */
export function checkSubmission(
  election: Election,
  submission: Submission,
): Result<readonly SubmissionWarning[], SubmissionError> {
  const fail = (
    code: SubmissionErrorCode,
    message: string,
    details?: Record<string, unknown>,
  ): Result<never, SubmissionError> => err(problem(code, message, details));

  if (submission.election !== election.definition.id) {
    return fail(
      'wrong_election',
      `submission is for election "${submission.election}", not "${election.definition.id}"`,
    );
  }
  const unit = election.units.get(submission.unit);
  if (unit === undefined)
    return fail('unknown_unit', `unknown unit "${submission.unit}"`, { unit: submission.unit });
  if (election.children.has(unit.id)) {
    return fail(
      'not_reporting_unit',
      `unit "${unit.id}" is not a reporting unit: results are reported by the units beneath it`,
      { unit: unit.id },
    );
  }
  const { desk } = submission;
  if (desk !== undefined) {
    // Four eyes: two people keyed it, and whoever chose between their entries keyed neither.
    const [first, second] = desk.keyedBy;
    if (first === second) {
      return fail(
        'desk_keying',
        `a tally sheet keyed twice by the same operator (${first}) is not four-eyes entry`,
      );
    }
    if (desk.resolvedBy !== undefined && desk.keyedBy.includes(desk.resolvedBy)) {
      return fail(
        'desk_keying',
        `${desk.resolvedBy} keyed the tally sheet and cannot also choose between its entries`,
      );
    }
  }
  if (!election.voteTypes.has(submission.voteType)) {
    return fail('unknown_vote_type', `unknown vote type "${submission.voteType}"`, {
      voteType: submission.voteType,
    });
  }
  if (!(election.unitVoteTypes.get(unit.id) ?? []).includes(submission.voteType)) {
    return fail(
      'unknown_vote_type',
      `unit "${unit.id}" does not report vote type "${submission.voteType}" (the election definition gives it ${(election.unitVoteTypes.get(unit.id) ?? []).join(', ')})`,
      { voteType: submission.voteType },
    );
  }

  const warnings: SubmissionWarning[] = [];
  const seen = new Set<string>();
  for (const result of submission.contests) {
    const contest = election.contests.get(result.contest);
    const at = { contest: result.contest };
    if (contest === undefined)
      return fail('unknown_contest', `unknown contest "${result.contest}"`, at);
    if (!contestsOnBallot(election, unit.id).includes(contest)) {
      return fail(
        'contest_not_on_ballot',
        `contest "${contest.id}" is not on the ballot in unit "${unit.id}"`,
        at,
      );
    }
    if (seen.has(contest.id))
      return fail('duplicate_contest', `contest "${contest.id}" is reported twice`, at);
    seen.add(contest.id);

    const choices = new Set(contest.choices.map((c) => c.id));
    const unknownChoice = Object.keys(result.counts).find((id) => !choices.has(id));
    if (unknownChoice !== undefined) {
      return fail('unknown_choice', `contest "${contest.id}" has no choice "${unknownChoice}"`, {
        ...at,
        choice: unknownChoice,
      });
    }
    if (!reportsContest(election, contest, submission.voteType)) {
      return fail(
        'invalid_caucus_report',
        `contest "${contest.id}" is a caucus reported with vote type "${contest.kind === 'caucus' ? (contest.voteType ?? election.definition.voteTypes[0]?.id ?? '') : ''}", not "${submission.voteType}"`,
        at,
      );
    }
    if (contest.kind === 'caucus' || result.caucus !== undefined) {
      const checked = checkCaucusResult(contest, result, unit.id);
      if (!checked.ok) return checked;
      warnings.push(...checked.value);
      if (result.ballotsCast > submission.ballotsCast) {
        return fail(
          'impossible_counts',
          `contest "${contest.id}": ${result.ballotsCast} took part in the first alignment, but ${submission.ballotsCast} in the unit`,
          at,
        );
      }
    } else {
      const checked = checkBallotCounts(contest, result, submission);
      if (!checked.ok) return checked;
      warnings.push(...checked.value);
    }
    const missing = contest.choices
      .filter((c) => result.counts[c.id] === undefined)
      .map((c) => c.id);
    if (missing.length > 0) {
      warnings.push(
        problem(
          'missing_choice',
          `contest "${contest.id}" has no count for ${missing.join(', ')}`,
          { ...at, choices: missing },
        ),
      );
    }
  }
  const missingContests = contestsOnBallot(election, unit.id)
    .filter((c) => !seen.has(c.id) && reportsContest(election, c, submission.voteType))
    .map((c) => c.id);
  if (missingContests.length > 0) {
    warnings.push(
      problem(
        'missing_contest',
        `unit "${unit.id}" reported ${seen.size} of the ${seen.size + missingContests.length} contests on its ballot`,
        { contests: missingContests },
      ),
    );
  }
  if (unit.registeredVoters !== undefined && submission.ballotsCast > unit.registeredVoters) {
    warnings.push(
      problem(
        'turnout_above_registered',
        `unit "${unit.id}": ${submission.ballotsCast} ballots cast, ${unit.registeredVoters} voters registered`,
      ),
    );
  }
  return ok(warnings);
}

/** A ballot contest's counts: what cannot be (an error) and what does not add up (a warning). */
function checkBallotCounts(
  contest: Contest,
  result: ContestResult,
  submission: Submission,
): Result<readonly SubmissionWarning[], SubmissionError> {
  const at = { contest: contest.id };
  const fail = (
    message: string,
    details?: Record<string, unknown>,
  ): Result<never, SubmissionError> =>
    err(problem('impossible_counts', `contest "${contest.id}": ${message}`, { ...at, ...details }));
  const n = voteFor(contest);
  const votes = Object.values(result.counts).reduce((a, b) => a + b, 0);
  if (result.ballotsCast > submission.ballotsCast) {
    return fail(
      `${result.ballotsCast} ballots counted, but only ${submission.ballotsCast} were cast in the unit`,
    );
  }
  const over = Object.entries(result.counts).find(([, v]) => v > result.ballotsCast);
  if (over !== undefined) {
    return fail(`choice "${over[0]}" has ${over[1]} votes from ${result.ballotsCast} ballots`, {
      choice: over[0],
    });
  }
  const positions = votes + result.overvotes + result.undervotes;
  if (positions > result.ballotsCast * n) {
    return fail(
      `${votes} votes, ${result.overvotes} overvotes and ${result.undervotes} undervotes exceed ${result.ballotsCast} ballots × vote for ${n}`,
    );
  }
  if (positions !== result.ballotsCast * n) {
    return ok([
      problem(
        'unbalanced_contest',
        `contest "${contest.id}": votes, overvotes and undervotes add up to ${positions}, not ${result.ballotsCast} ballots × vote for ${n}`,
        at,
      ),
    ]);
  }
  return ok([]);
}

/**
 * A caucus's report: what cannot be read as one (an error: no first alignment or delegates, a
 * group the caucus does not have, a participant count that is not the first alignment's), and
 * what breaks the caucus rules (a warning, which holds it for review: src/core/caucus.ts).
 */
function checkCaucusResult(
  contest: Contest,
  result: ContestResult,
  unit: string,
): Result<readonly SubmissionWarning[], SubmissionError> {
  const at = { contest: contest.id };
  const fail = (
    message: string,
    details?: Record<string, unknown>,
  ): Result<never, SubmissionError> =>
    err(
      problem('invalid_caucus_report', `contest "${contest.id}": ${message}`, {
        ...at,
        ...details,
      }),
    );
  if (contest.kind !== 'caucus') {
    return fail('it is not a caucus, and its results have no first alignment or delegates');
  }
  const report = result.caucus;
  if (report === undefined) {
    return fail(
      'a caucus reports its first alignment and delegates (caucus.first, caucus.delegates) with its final alignment (counts)',
    );
  }
  const groups = new Set(contest.choices.map((c) => c.id));
  const unknown = [
    ...Object.keys(report.first),
    ...Object.keys(report.delegates),
    ...(report.chance ?? []).flatMap((c) => [...c.among, c.selected]),
  ].find((id) => !groups.has(id));
  if (unknown !== undefined) {
    return fail(`it has no preference group "${unknown}"`, { choice: unknown });
  }
  for (const outcome of report.chance ?? []) {
    if (new Set(outcome.among).size !== outcome.among.length) {
      return fail(`a game of chance names a group twice among ${outcome.among.join(', ')}`);
    }
    if (!outcome.among.includes(outcome.selected)) {
      return fail(
        `a game of chance selected ${outcome.selected}, which is not among ${outcome.among.join(', ')}`,
      );
    }
  }
  const participants = Object.values(report.first).reduce((a, b) => a + b, 0);
  if (result.ballotsCast !== participants) {
    return fail(
      `ballotsCast is ${result.ballotsCast}, but the first alignment counts ${participants} participants`,
    );
  }
  if (result.overvotes !== 0 || result.undervotes !== 0) {
    return fail('a caucus has no overvotes or undervotes (send 0)');
  }
  const index = new Map(contest.choices.map((c, i) => [c.id, i]));
  const problems = caucusProblems({
    groups: contest.choices.map((c) => c.name['en'] ?? Object.values(c.name)[0] ?? c.id),
    first: contest.choices.map((c) => report.first[c.id] ?? 0),
    final: contest.choices.map((c) => result.counts[c.id] ?? 0),
    delegates: contest.choices.map((c) => report.delegates[c.id] ?? 0),
    precinctDelegates: contest.delegates[unit] ?? 0,
    rules: contest.rules,
    chance: (report.chance ?? []).map((c) => ({
      for: c.for,
      among: c.among.map((id) => index.get(id) ?? -1),
      selected: index.get(c.selected) ?? -1,
    })),
  });
  return ok(problems.map((p) => problem(p.code, `contest "${contest.id}": ${p.message}`, at)));
}

function byId(numbers: Readonly<Record<string, number>>): [string, number][] {
  return Object.entries(numbers).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * A fingerprint of the numbers alone, whatever order contests and choices were sent in: two
 * sources that report the same numbers for a unit corroborate each other.
 */
export function countsFingerprint(submission: Submission): string {
  const contests = [...submission.contests]
    .sort((a, b) => (a.contest < b.contest ? -1 : a.contest > b.contest ? 1 : 0))
    .map((c) => [
      c.contest,
      c.ballotsCast,
      c.overvotes,
      c.undervotes,
      byId(c.counts),
      // A caucus's first alignment, delegates and games of chance (in the order played).
      ...(c.caucus === undefined
        ? []
        : [[byId(c.caucus.first), byId(c.caucus.delegates), c.caucus.chance ?? []]]),
    ]);
  return sha256Hex(JSON.stringify([submission.ballotsCast, contests]));
}
