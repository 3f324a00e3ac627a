import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateDelegates, viabilityNumber } from '../../core/caucus.js';
import {
  parseElectionDefinition,
  reportsContest as coreReportsContest,
} from '../../core/election.js';
import { caucusDefinition, sampleDefinition } from '../../core/testonly/fixtures.js';
import {
  checkSubmission,
  SUBMISSION_FORMAT,
  Submission as SubmissionSchema,
  type Submission,
} from '../../core/submission.js';
import { indexDefinition, type DefinitionIndex } from '../../web/staff/definition.js';
import {
  caucusWorksheet,
  emptyReportForm,
  fieldId,
  isError,
  reportedContests,
  reportFields,
  reportingUnitsFor,
  reportProblems,
  reportsContest,
  rfc3339,
  submissionOf,
  unitVoteTypes,
  withDraw,
  withField,
  type CaucusContestForm,
  type ReportField,
  type ReportForm,
} from './report_form.js';

const keys = ['authority+00000000+AAAA'];
const sample = indexDefinition(sampleDefinition(keys));
const caucus = indexDefinition(caucusDefinition(keys));
/** The sample election with a caucus beside its ballot contests, reported by mail. */
const mixedDefinition = {
  ...sampleDefinition(keys),
  contests: [
    ...sampleDefinition(keys).contests,
    { ...(caucusDefinition(keys).contests[0] as object), voteType: 'mail' },
  ],
};
const mixed = indexDefinition(mixedDefinition as ReturnType<typeof sampleDefinition>);
const meta = { election: 'sample-2026', sequence: 1, time: '2026-11-03T21:00:00-06:00' };

/** The form with every field typed as `numbers` gives it, in reportFields' order. */
function typed(form: ReportForm, numbers: readonly (number | string)[]): ReportForm {
  let next = form;
  reportFields(form).forEach(({ field }, i) => {
    next = withField(next, field, String(numbers[i] ?? 0));
  });
  return next;
}

const parsed = (index: DefinitionIndex) => {
  const election = parseElectionDefinition(index.definition);
  if (!election.ok) throw new Error(election.error.message);
  return election.value;
};

describe('the report’s form', () => {
  it('holds the contests the unit reports in the vote type, as core says (a caucus with its own)', () => {
    const election = parsed(mixed);
    for (const unit of ['n-1', 's-2']) {
      for (const voteType of ['election-day', 'mail']) {
        const mine = reportedContests(mixed, unit, voteType).map((c) => c.id);
        const core = [...election.contests.values()]
          .filter((c) => c.district === undefined || unit.startsWith('n-'))
          .filter((c) => coreReportsContest(election, c, voteType))
          .map((c) => c.id);
        expect(mine, `${unit} ${voteType}`).toEqual(core);
        for (const c of election.contests.values())
          expect(reportsContest(mixed, c, voteType)).toBe(
            coreReportsContest(election, c, voteType),
          );
      }
    }
    expect(reportedContests(mixed, 'n-1', 'mail').map((c) => c.id)).toContain('caucus');
    expect(reportedContests(mixed, 'n-1', 'election-day').map((c) => c.id)).not.toContain('caucus');
  });

  it('offers the vote types core gives the unit, and the units beneath a county’s key', () => {
    const election = parsed(sample);
    for (const unit of election.reportingUnits)
      expect(unitVoteTypes(sample, unit)).toEqual(election.unitVoteTypes.get(unit));
    const own = indexDefinition({
      ...sampleDefinition(keys),
      units: sampleDefinition(keys).units.map((u) =>
        u.id === 'north' ? { ...u, voteTypes: ['mail'] } : u,
      ),
    });
    expect(unitVoteTypes(own, 'n-1')).toEqual(['mail']);
    expect(unitVoteTypes(own, 's-1')).toEqual(['election-day', 'mail']);
    expect(reportingUnitsFor(sample, 'north').map((u) => u.id)).toEqual(['n-1', 'n-2']);
    expect(reportingUnitsFor(sample, 's-3').map((u) => u.id)).toEqual(['s-3']);
    expect(reportingUnitsFor(sample, 'state')).toHaveLength(5);
  });

  it('checks votes + overvotes + undervotes against ballots × vote-for as the chair types', () => {
    let form = emptyReportForm(sample, 'n-1', 'election-day');
    const council = { contest: 'council' };
    const set = (field: ReportField, n: number): void => {
      form = withField(form, field, String(n));
    };
    set({ kind: 'unitBallots' }, 100);
    set({ kind: 'choice', ...council, choice: 'grace' }, 80);
    set({ kind: 'choice', ...council, choice: 'edsger' }, 70);
    set({ kind: 'choice', ...council, choice: 'barbara' }, 40);
    set({ kind: 'ballotsCast', ...council }, 100);
    set({ kind: 'overvotes', ...council }, 2);
    // Not all typed yet: nothing said about the contest's balance.
    expect(reportProblems(form, 1000).filter((p) => 'contest' in p)).toEqual([]);
    set({ kind: 'undervotes', ...council }, 5);
    expect(reportProblems(form, 1000).find((p) => p.kind === 'unbalanced')).toMatchObject({
      contest: 'council',
      balance: { votes: 190, positions: 197, expected: 200, balances: false },
    });
    set({ kind: 'undervotes', ...council }, 8);
    expect(reportProblems(form, 1000).some((p) => 'contest' in p && p.contest === 'council')).toBe(
      false,
    );
    set({ kind: 'undervotes', ...council }, 20);
    const over = reportProblems(form, 1000).find((p) => p.kind === 'positionsAboveBallots');
    expect(over !== undefined && isError(over)).toBe(true);
    set({ kind: 'choice', ...council, choice: 'grace' }, 101);
    expect(reportProblems(form, 1000).find((p) => p.kind === 'choiceAboveBallots')).toMatchObject({
      choice: 'grace',
      votes: 101,
    });
    set({ kind: 'ballotsCast', ...council }, 120);
    expect(reportProblems(form, 1000).find((p) => p.kind === 'ballotsAboveUnit')).toMatchObject({
      ballots: 120,
      unitBallots: 100,
    });
  });

  it('says which fields are empty or not counts, and reads counts as people type them', () => {
    let form = emptyReportForm(sample, 's-1', 'election-day');
    expect(reportProblems(form, undefined).filter((p) => p.kind === 'missing')).toHaveLength(
      1 + 3 + 3 + 2 + 3,
    );
    form = withField(form, { kind: 'unitBallots' }, '1 234');
    form = withField(form, { kind: 'choice', contest: 'governor', choice: 'ada' }, 'twelve');
    const problems = reportProblems(form, 1000);
    expect(problems.find((p) => p.kind === 'notACount')).toMatchObject({
      field: { kind: 'choice', choice: 'ada' },
    });
    expect(problems.find((p) => p.kind === 'turnoutAboveRegistered')).toMatchObject({
      ballots: 1234,
      registered: 1000,
    });
    expect(fieldId({ kind: 'first', contest: 'caucus', group: 'a' })).toBe('report-caucus-first-a');
  });

  it('becomes the submission typed, which core’s schema parses and its rules accept', () => {
    const form = typed(emptyReportForm(sample, 'n-1', 'election-day'), [
      500, // the unit's ballots
      260,
      230,
      5,
      500,
      1,
      4, // governor: ada, alan, write-in; ballots, over, under
      300,
      290,
      400,
      500,
      0,
      10, // council (vote for 2)
      270,
      210,
      500,
      0,
      20, // measure 1
    ]);
    const built = submissionOf(form, {
      ...meta,
      sequence: 7,
      photo: 'ab'.repeat(32),
      amendment: 'recount of box 2',
    });
    if (!built.ok) throw new Error(JSON.stringify(built.error));
    const submission = built.value;
    expect(SubmissionSchema.safeParse(submission).success).toBe(true);
    expect(submission).toMatchObject({
      format: SUBMISSION_FORMAT,
      unit: 'n-1',
      voteType: 'election-day',
      sequence: 7,
      ballotsCast: 500,
      evidence: [{ sha256: 'ab'.repeat(32), kind: 'tally-sheet-photo' }],
      amendment: { reason: 'recount of box 2' },
    });
    expect(submission.contests[1]).toEqual({
      contest: 'council',
      counts: { grace: 300, edsger: 290, barbara: 400 },
      ballotsCast: 500,
      overvotes: 0,
      undervotes: 10,
    });
    expect(checkSubmission(parsed(sample), submission)).toEqual({ ok: true, value: [] });
  });

  it('refuses to become a submission while something cannot be', () => {
    const form = typed(emptyReportForm(sample, 's-1', 'election-day'), [100, 200, 0, 0, 100, 0, 0]);
    const built = submissionOf(form, meta);
    expect(built.ok).toBe(false);
  });

  it('finds what core’s rules find: an error where they reject, the warnings they hold for', () => {
    const election = parsed(sample);
    const empty = emptyReportForm(sample, 'n-1', 'election-day');
    const count = reportFields(empty).length;
    fc.assert(
      fc.property(fc.array(fc.nat(12), { minLength: count, maxLength: count }), (numbers) => {
        const form = typed(
          empty,
          numbers.map((n) => n * 10),
        );
        const problems = reportProblems(form, election.units.get('n-1')?.registeredVoters);
        const blocked = problems.some(isError);
        // The submission the numbers make, built by hand whatever the form says of them.
        const submission: Submission = {
          format: SUBMISSION_FORMAT,
          ...meta,
          unit: 'n-1',
          voteType: 'election-day',
          ballotsCast: (numbers[0] ?? 0) * 10,
          contests: form.contests.map((c) => {
            if (c.kind !== 'ballot') throw new Error('no caucus here');
            const n = (text: string): number => Number(text);
            return {
              contest: c.contest,
              counts: Object.fromEntries(c.choices.map((ch) => [ch, n(c.counts[ch] ?? '0')])),
              ballotsCast: n(c.ballotsCast),
              overvotes: n(c.overvotes),
              undervotes: n(c.undervotes),
            };
          }),
        };
        const core = checkSubmission(election, submission);
        expect(blocked).toBe(!core.ok);
        if (core.ok) {
          const theirs = core.value.map((w) => {
            const contest = w.details?.['contest'];
            return `${w.code}:${typeof contest === 'string' ? contest : ''}`;
          });
          const mine = problems.map((p) =>
            p.kind === 'unbalanced'
              ? `unbalanced_contest:${p.contest}`
              : p.kind === 'turnoutAboveRegistered'
                ? 'turnout_above_registered:'
                : p.kind,
          );
          expect(mine.sort()).toEqual(theirs.sort());
          expect(submissionOf(form, meta)).toEqual({ ok: true, value: submission });
        } else {
          expect(core.error.code).toBe('impossible_counts');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('writes the time in RFC 3339 with the phone’s offset, which core’s schema takes', () => {
    const time = rfc3339(new Date('2026-11-03T22:04:05.678Z'));
    expect(time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
    expect(Date.parse(time)).toBe(Date.parse('2026-11-03T22:04:05Z'));
    const built = submissionOf(
      typed(emptyReportForm(sample, 's-1', 'mail'), [10, 5, 5, 0, 10, 0, 0, 6, 4, 10, 0, 0]),
      { ...meta, time },
    );
    expect(built.ok && SubmissionSchema.safeParse(built.value).success).toBe(true);
  });
});

describe('a caucus worksheet', () => {
  const worksheet = (unit: string): ReportForm => emptyReportForm(caucus, unit, 'election-day');
  /** The worksheet with both alignments typed (groups a, b, c, d). */
  const aligned = (
    unit: string,
    first: readonly number[],
    final: readonly number[],
  ): ReportForm => {
    let form = worksheet(unit);
    for (const [kind, numbers] of [
      ['first', first],
      ['final', final],
    ] as const) {
      ['a', 'b', 'c', 'd'].forEach((group, i) => {
        form = withField(form, { kind, contest: 'caucus', group }, String(numbers[i] ?? 0));
      });
    }
    return form;
  };
  const sheetOf = (form: ReportForm): CaucusContestForm => form.contests[0] as CaucusContestForm;

  it('takes the precinct’s delegates from the definition and asks no ballots of the unit', () => {
    const form = worksheet('n-1');
    expect(sheetOf(form)).toMatchObject({ kind: 'caucus', delegates: 5, rules: 'iowa-2020' });
    expect(reportFields(form).map((f) => f.field.kind)).not.toContain('unitBallots');
    expect(emptyReportForm(caucus, 'n-1', 'mail').contests).toEqual([]);
  });

  it('works out the viability number and the viable groups with core’s math as it is typed', () => {
    let form = worksheet('n-1');
    for (const [group, n] of [
      ['a', 40],
      ['b', 30],
      ['c', 20],
      ['d', 10],
    ] as const)
      form = withField(form, { kind: 'first', contest: 'caucus', group }, String(n));
    const sheet = caucusWorksheet(sheetOf(form));
    expect(sheet.participants).toBe(100);
    expect(sheet.viabilityNumber).toBe(viabilityNumber(100, 5));
    expect(sheet.viabilityNumber).toBe(15);
    expect(sheet.viableFirst).toEqual([true, true, true, false]);
    expect(sheet.allocation).toBeUndefined();
  });

  it('allocates the delegates live, asks for the game of chance on a tie, and records it', () => {
    let form = aligned('n-1', [40, 30, 30, 0], [40, 30, 30, 0]);
    const tie = reportProblems(form, undefined).find((p) => p.kind === 'needsChance');
    expect(tie).toMatchObject({ tie: { for: 'removal', among: [1, 2] } });
    expect(submissionOf(form, { ...meta, election: 'caucus-2028' }).ok).toBe(false);
    form = withDraw(form, 'caucus', 1);
    const sheet = caucusWorksheet(sheetOf(form));
    expect(sheet.allocation).toEqual(
      allocateDelegates({
        delegates: 5,
        participants: 100,
        final: [40, 30, 30, 0],
        rules: 'iowa-2020',
        draws: [1],
      }),
    );
    expect(sheet.allocation?.type === 'allocated' && sheet.allocation.delegates).toEqual([
      2, 1, 2, 0,
    ]);
    const built = submissionOf(form, { ...meta, election: 'caucus-2028' });
    if (!built.ok) throw new Error(JSON.stringify(built.error));
    expect(built.value.ballotsCast).toBe(100);
    expect(built.value.contests[0]).toEqual({
      contest: 'caucus',
      counts: { a: 40, b: 30, c: 30, d: 0 },
      ballotsCast: 100,
      overvotes: 0,
      undervotes: 0,
      caucus: {
        first: { a: 40, b: 30, c: 30, d: 0 },
        delegates: { a: 2, b: 1, c: 2, d: 0 },
        chance: [{ for: 'removal', among: ['b', 'c'], selected: 'b' }],
      },
    });
    expect(checkSubmission(parsed(caucus), built.value)).toEqual({ ok: true, value: [] });
    // Typing a number again clears the games played: the ties may be others now.
    form = withField(form, { kind: 'final', contest: 'caucus', group: 'd' }, '0');
    expect(sheetOf(form).draws).toEqual([]);
  });

  it('asks the groups to realign where the rules say so (Iowa: more viable groups than delegates)', () => {
    // Two delegates: 25% to be viable; three groups are.
    const form = aligned('n-2', [30, 30, 40, 0], [30, 30, 40, 0]);
    expect(reportProblems(form, undefined).find((p) => p.kind === 'realign')).toMatchObject({
      groups: [0, 1],
    });
  });

  it('reports only what core’s caucus rules accept, whatever the alignments and ties', () => {
    const election = parsed(caucus);
    const units = ['n-1', 'n-2', 's-1', 's-2', 's-3'];
    fc.assert(
      fc.property(
        fc.constantFrom(...units),
        fc.array(fc.nat(30), { minLength: 4, maxLength: 4 }),
        fc.array(fc.nat(30), { minLength: 4, maxLength: 4 }),
        fc.nat(3),
        (unit, first, final, pick) => {
          let form = aligned(unit, first, final);
          // The chair plays every game of chance the rules ask for, and records its outcome.
          for (let played = 0; played < 50; played++) {
            const tie = reportProblems(form, undefined).find((p) => p.kind === 'needsChance');
            if (tie?.kind !== 'needsChance') break;
            form = withDraw(form, 'caucus', tie.tie.among[pick % tie.tie.among.length] ?? 0);
          }
          const problems = reportProblems(form, undefined);
          const built = submissionOf(form, { ...meta, election: 'caucus-2028' });
          if (!built.ok) {
            expect(
              problems.some((p) => p.kind === 'realign' || p.kind === 'finalAboveFirst'),
              JSON.stringify(problems),
            ).toBe(true);
            return;
          }
          const checked = checkSubmission(election, built.value);
          if (!checked.ok) throw new Error(checked.error.message);
          const mine = problems.flatMap((p) => (p.kind === 'caucusRule' ? [p.code] : []));
          expect(checked.value.map((w) => w.code).sort()).toEqual(mine.sort());
          // What the phone works out is never what the rules call delegates they cannot give.
          expect(mine).not.toContain('delegates_not_allowed');
          expect(mine).not.toContain('chance_mismatch');
          expect(mine).not.toContain('chance_not_recorded');
        },
      ),
      { numRuns: 400 },
    );
  });
});
