import { describe, expect, it } from 'vitest';
import { checkSheet, KeyedSheet } from '../../core/desk.js';
import {
  sampleDefinition,
  sampleElection,
  sampleSubmission,
} from '../../core/testonly/fixtures.js';
import { indexDefinition } from './definition.js';
import {
  contestBalance,
  emptySheetForm,
  fieldId,
  parseCount,
  SHEET_PHOTO,
  sheetFields,
  sheetOf,
  turnoutOf,
  withField,
  type SheetForm,
} from './sheet_form.js';

const index = indexDefinition(sampleDefinition(['authority+00000000+AA']));

/** The form as an operator fills it from a submission's numbers. */
function keyed(form: SheetForm, numbers: ReturnType<typeof sampleSubmission>): SheetForm {
  let next = withField(form, { kind: 'unitBallots' }, String(numbers.ballotsCast));
  for (const c of numbers.contests) {
    for (const [choice, n] of Object.entries(c.counts))
      next = withField(next, { kind: 'choice', contest: c.contest, choice }, String(n));
    for (const kind of ['ballotsCast', 'overvotes', 'undervotes'] as const)
      next = withField(next, { kind, contest: c.contest }, String(c[kind]));
  }
  return next;
}

describe('the results desk’s keying form', () => {
  it('has a block for each contest on the unit’s ballot, each choice in the definition’s order', () => {
    const north = emptySheetForm(index, 'n-1', 'election-day');
    expect(north.contests.map((c) => [c.contest, c.voteFor, c.choices])).toEqual([
      ['governor', 1, ['ada', 'alan', 'write-in']],
      ['council', 2, ['grace', 'edsger', 'barbara']],
      ['measure-1', 1, ['yes', 'no']],
    ]);
    expect(emptySheetForm(index, 's-1', 'mail').contests.map((c) => c.contest)).toEqual([
      'governor',
      'measure-1',
    ]);
  });

  it('becomes the sheet the operator keyed, which the desk’s schema and rules accept', () => {
    const numbers = sampleSubmission('n-1');
    const sheet = sheetOf(keyed(emptySheetForm(index, 'n-1', 'election-day'), numbers));
    expect(sheet).toEqual({
      ok: true,
      value: {
        unit: 'n-1',
        voteType: 'election-day',
        ballotsCast: numbers.ballotsCast,
        contests: numbers.contests,
      },
    });
    if (!sheet.ok) return;
    expect(KeyedSheet.safeParse(sheet.value).success).toBe(true);
    expect(checkSheet(sampleElection(['authority+00000000+AA']), sheet.value)).toEqual({
      ok: true,
      value: [],
    });
  });

  it('names every field left empty or holding no count, in keying order, and sends nothing', () => {
    const form = withField(
      withField(emptySheetForm(index, 's-1', 'election-day'), { kind: 'unitBallots' }, '12a'),
      { kind: 'choice', contest: 'governor', choice: 'ada' },
      '7',
    );
    const sheet = sheetOf(form);
    expect(sheet.ok).toBe(false);
    if (sheet.ok) return;
    expect(sheet.error[0]).toEqual({ field: { kind: 'unitBallots' }, problem: 'notACount' });
    expect(sheet.error.map((p) => fieldId(p.field))).toEqual(
      sheetFields(form)
        .map((f) => fieldId(f.field))
        .filter((id) => id !== 'sheet-governor-choice-ada'),
    );
    expect(sheet.error.slice(1).every((p) => p.problem === 'missing')).toBe(true);
  });

  it('reads counts as people type them, and refuses what is not a whole number', () => {
    expect(parseCount('')).toBeUndefined();
    expect(parseCount('  ')).toBeUndefined();
    expect(parseCount('0')).toBe(0);
    expect(parseCount(' 1 234 ')).toBe(1234);
    expect(parseCount('1,234')).toBe(1234);
    expect(parseCount('1.234')).toBe(1234);
    expect(parseCount('1\u202f234')).toBe(1234);
    expect(parseCount('-3')).toBeNaN();
    expect(parseCount('3e2')).toBeNaN();
    expect(parseCount('½')).toBeNaN();
    expect(parseCount('99999999999')).toBeNaN();
  });

  it('gives each field its own id', () => {
    const ids = sheetFields(emptySheetForm(index, 'n-1', 'mail')).map((f) => fieldId(f.field));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('balances a contest when votes + overvotes + undervotes come to ballots × vote-for', () => {
    const form = keyed(emptySheetForm(index, 'n-1', 'election-day'), sampleSubmission('n-1'));
    const council = form.contests.find((c) => c.contest === 'council');
    expect(council && contestBalance(council)).toEqual({
      votes: 930,
      ballots: 500,
      voteFor: 2,
      overvotes: 10,
      undervotes: 60,
      positions: 1000,
      expected: 1000,
      balances: true,
    });
    const off = withField(form, { kind: 'choice', contest: 'council', choice: 'grace' }, '290');
    const offCouncil = off.contests.find((c) => c.contest === 'council');
    expect(offCouncil && contestBalance(offCouncil)).toMatchObject({
      positions: 990,
      expected: 1000,
      balances: false,
    });
    const partial = withField(form, { kind: 'overvotes', contest: 'council' }, '');
    const partialCouncil = partial.contests.find((c) => c.contest === 'council');
    expect(partialCouncil && contestBalance(partialCouncil)).toBeUndefined();
  });

  it('sets the unit’s ballots against its registered voters', () => {
    const form = withField(emptySheetForm(index, 'n-1', 'mail'), { kind: 'unitBallots' }, '1001');
    expect(turnoutOf(form, 1000)).toEqual({ ballots: 1001, registered: 1000, above: true });
    expect(turnoutOf(form, 1001)).toEqual({ ballots: 1001, registered: 1001, above: false });
    expect(turnoutOf(form, undefined)).toBeUndefined();
    expect(turnoutOf(emptySheetForm(index, 'n-1', 'mail'), 1000)).toBeUndefined();
  });

  it('names the sheet’s photo, once uploaded, by its SHA-256 in the entry’s evidence', () => {
    const form = keyed(emptySheetForm(index, 's-1', 'mail'), sampleSubmission('s-1'));
    const sha256 = 'ab'.repeat(32);
    const sheet = sheetOf({ ...form, photo: sha256 });
    expect(sheet.ok && sheet.value.evidence).toEqual([{ sha256, kind: SHEET_PHOTO }]);
    expect(sheet.ok && KeyedSheet.safeParse(sheet.value).success).toBe(true);
    const without = sheetOf(form);
    expect(without.ok && 'evidence' in without.value).toBe(false);
  });
});
