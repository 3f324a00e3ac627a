import { describe, expect, it } from 'vitest';
import {
  AdmissionState,
  lastStatusChange,
  MAX_SEQUENCE_STEP,
  statusAsOf,
  type Admission,
  type PublishedStatus,
  type AdmissionEntry,
  type SubmissionFacts,
} from './admission.js';
import type { ContestStatusValue } from './log_entry.js';
import {
  indexElection,
  parseElectionDefinition,
  type Election,
  type ElectionDefinition,
} from './election.js';
import { sampleDefinition, sampleElection, withRelease } from './testonly/fixtures.js';

const election = sampleElection(['authority+00000000+AAAA']);

const facts = (overrides: Partial<SubmissionFacts> = {}): SubmissionFacts => ({
  source: 'n-1.app+00000001',
  digest: `d-${String(overrides.sequence ?? 1)}-${overrides.source ?? 'n-1'}-${overrides.countsDigest ?? 'c'}`,
  unit: 'n-1',
  voteType: 'election-day',
  sequence: 1,
  amended: false,
  countsDigest: 'c',
  signature: 'valid',
  warnings: [],
  ...overrides,
});

/** A roster statement as the rules read it, signed by the authority unless said otherwise. */
const statement = (
  action: 'certify' | 'revoke' | 'delegate',
  ref: string,
  unit: string,
  leaf: number,
  more: Partial<Extract<AdmissionEntry, { type: 'roster' }>> = {},
): AdmissionEntry => ({
  type: 'roster',
  leaf,
  action,
  ref,
  unit,
  signedBy: { type: 'authority' },
  time: '2026-11-03T20:00:00Z',
  key: `${ref}+KEY`,
  ...more,
});

/** A state after the definition and a roster certifying n-1.app for n-1 and north.tab for north. */
function started(on: Election = election): {
  state: AdmissionState;
  admit: (entry: AdmissionEntry) => Admission;
} {
  const state = new AdmissionState();
  let leaf = 0;
  const admit = (entry: AdmissionEntry): Admission => {
    const a = state.admit(on, entry.type === 'submission' ? { ...entry, leaf } : entry);
    leaf++;
    return a;
  };
  admit({ type: 'election', parts: 1 });
  admit({ type: 'election-part', part: 0 });
  admit(statement('certify', 'n-1.app+00000001', 'n-1', 2));
  admit(statement('certify', 'north.tab+00000002', 'north', 3));
  return { state, admit };
}

const submit = (f: Partial<SubmissionFacts> = {}): AdmissionEntry => ({
  type: 'submission',
  leaf: 0,
  facts: facts(f),
});
const code = (a: Admission): string | undefined =>
  a.type === 'rejected' || a.type === 'refused' ? a.error.code : undefined;

describe('the admission rules', () => {
  it('record the definition once, its parts in order', () => {
    const state = new AdmissionState();
    expect(state.admit(election, { type: 'election-part', part: 0 }).type).toBe('refused');
    expect(state.admit(election, { type: 'election', parts: 2 }).type).toBe('recorded');
    expect(code(state.admit(election, { type: 'election-part', part: 1 }))).toBe(
      'unexpected_entry',
    );
    expect(state.admit(election, { type: 'election-part', part: 0 }).type).toBe('recorded');
    expect(state.definitionComplete).toBe(false);
    expect(state.admit(election, { type: 'election-part', part: 1 }).type).toBe('recorded');
    expect(state.definitionComplete).toBe(true);
    expect(code(state.admit(election, { type: 'election', parts: 1 }))).toBe('unexpected_entry');
  });

  it('take roster statements only from the authority, for known units, each key once', () => {
    const { admit } = started();
    const roster = (action: 'certify' | 'revoke', ref: string, unit = 'n-2', signed = true) =>
      code(admit(statement(action, ref, unit, 9, signed ? {} : { signedBy: { type: 'invalid' } })));
    expect(roster('certify', 'x+1', 'n-2', false)).toBe('roster_signature');
    expect(roster('certify', 'x+1', 'atlantis')).toBe('unknown_unit');
    expect(roster('certify', 'n-1.app+00000001')).toBe('key_exists');
    expect(roster('revoke', 'x+1')).toBe('unknown_key');
    expect(roster('revoke', 'n-1.app+00000001')).toBeUndefined();
    expect(roster('revoke', 'n-1.app+00000001')).toBe('already_revoked');
  });

  it('accept an original submission from a certified key for its unit', () => {
    const { admit } = started();
    expect(admit(submit())).toEqual({ type: 'admitted', kind: 'original', status: 'accepted' });
  });

  it('let a key sign only after its certification and until its revocation', () => {
    const state = new AdmissionState();
    expect(code(state.admit(election, submit()))).toBe('unknown_key');
    state.admit(election, statement('certify', 'n-1.app+00000001', 'n-1', 0));
    expect(state.admit(election, submit({ sequence: 2 })).type).toBe('admitted');
    state.admit(election, statement('revoke', 'n-1.app+00000001', 'n-1', 0));
    const revoked = state.admit(election, submit({ sequence: 3 }));
    expect(code(revoked)).toBe('revoked_key');
    expect(revoked.type === 'rejected' && revoked.error.message).toMatch(/revoked at entry 0/);
  });

  it('reject a bad signature, a key without one to check, a rule error, a unit not the key’s', () => {
    const { admit } = started();
    expect(code(admit(submit({ signature: 'invalid' })))).toBe('bad_signature');
    expect(code(admit(submit({ signature: 'unchecked' })))).toBe('unknown_key');
    expect(
      code(admit(submit({ ruleError: { code: 'impossible_counts', message: 'too many' } }))),
    ).toBe('impossible_counts');
    expect(code(admit(submit({ unit: 's-1' })))).toBe('key_not_for_unit');
    // A county's key signs for its precincts.
    expect(admit(submit({ source: 'north.tab+00000002', unit: 'n-2' })).type).toBe('admitted');
  });

  it('let sequence numbers only go up, by a bounded step, and not move on a rejection', () => {
    const { admit } = started();
    expect(code(admit(submit({ sequence: MAX_SEQUENCE_STEP + 1 })))).toBe('sequence_too_far');
    expect(code(admit(submit({ sequence: Number.MAX_SAFE_INTEGER })))).toBe('sequence_too_far');
    expect(admit(submit({ sequence: MAX_SEQUENCE_STEP })).type).toBe('admitted');
    expect(
      code(admit(submit({ sequence: MAX_SEQUENCE_STEP, voteType: 'mail', digest: 'other' }))),
    ).toBe('replayed_sequence');
    expect(admit(submit({ sequence: MAX_SEQUENCE_STEP + 1, voteType: 'mail' })).type).toBe(
      'admitted',
    );
  });

  it('make a second submission from the same key an amendment only when it says why', () => {
    const { admit } = started();
    admit(submit());
    expect(code(admit(submit({ sequence: 2, countsDigest: 'd' })))).toBe(
      'amendment_without_reason',
    );
    expect(admit(submit({ sequence: 3, countsDigest: 'd', amended: true }))).toEqual({
      type: 'admitted',
      kind: 'amendment',
      status: 'accepted',
    });
  });

  it('give an identical re-send the leaf of the submission already recorded', () => {
    const { admit } = started();
    admit({ type: 'rejection', error: { code: 'malformed_json', message: '' } });
    const first = admit(submit());
    expect(first.type).toBe('admitted');
    expect(admit(submit())).toEqual({ type: 'resent', leaf: 5 });
  });

  it('hold a conflict between two sources, accept a corroboration, hold warnings', () => {
    const { admit } = started();
    admit(submit());
    const north = { source: 'north.tab+00000002' };
    expect(admit(submit({ ...north, countsDigest: 'c' }))).toEqual({
      type: 'admitted',
      kind: 'corroboration',
      status: 'accepted',
    });
    expect(admit(submit({ ...north, sequence: 2, countsDigest: 'x', amended: true }))).toEqual({
      type: 'admitted',
      kind: 'amendment',
      status: 'accepted',
    });
    const { admit: again } = started();
    again(submit());
    expect(again(submit({ ...north, countsDigest: 'x' }))).toEqual({
      type: 'admitted',
      kind: 'conflict',
      status: 'held',
    });
    expect(
      again(
        submit({ voteType: 'mail', sequence: 5, warnings: [{ code: 'w', message: 'warning' }] }),
      ),
    ).toEqual({ type: 'admitted', kind: 'original', status: 'held' });
  });

  it('leave the state as it was after a rejection: a refused body changes nothing', () => {
    const { admit } = started();
    expect(admit({ type: 'rejection', error: { code: 'malformed_json', message: 'no' } })).toEqual({
      type: 'rejected',
      error: { code: 'malformed_json', message: 'no' },
    });
    expect(admit(submit()).type).toBe('admitted');
  });
});

describe('reviews of held submissions', () => {
  /** A review at entry `leaf` of the submission at `target`. */
  const review = (
    target: number,
    decision: 'accept' | 'reject',
    leaf: number,
  ): Extract<AdmissionEntry, { type: 'review' }> => ({
    type: 'review',
    leaf,
    election: 'sample-2026',
    target,
    decision,
    reviewers: ['rosa.parks'],
  });
  const tabulator = { source: 'north.tab+00000002', countsDigest: 'other' };

  it('decides a held submission once: accepted, later sources are judged against it', () => {
    const { admit } = started();
    expect(admit(submit())).toEqual({ type: 'admitted', kind: 'original', status: 'accepted' });
    // Entry 5: the tabulator's different numbers are held.
    expect(admit(submit(tabulator))).toEqual({
      type: 'admitted',
      kind: 'conflict',
      status: 'held',
    });
    expect(admit(review(5, 'accept', 6))).toEqual({ type: 'recorded' });
    expect(admit(review(5, 'reject', 7))).toMatchObject({
      type: 'refused',
      error: { code: 'already_decided' },
    });
    // A third source is judged against what now counts: the reviewed numbers.
    admit(statement('certify', 'n-1.phone+00000003', 'n-1', 8));
    const phone = { source: 'n-1.phone+00000003' };
    expect(admit(submit({ ...phone, countsDigest: 'other' }))).toEqual({
      type: 'admitted',
      kind: 'corroboration',
      status: 'accepted',
    });
  });

  it('refuses a review of an accepted submission, of an entry that is no submission, or of none', () => {
    const { admit } = started();
    admit(submit());
    admit(submit({ source: 'north.tab+00000002', countsDigest: 'other' }));
    expect(admit({ ...review(5, 'accept', 6), election: 'another-2026' })).toMatchObject({
      type: 'refused',
      error: { code: 'unexpected_entry' },
    });
    for (const target of [4, 2, 0, 99]) {
      expect(admit(review(target, 'accept', 5))).toMatchObject({
        type: 'refused',
        error: { code: 'not_held' },
      });
    }
  });

  it('holds an amendment of a report that does not count: held, rejected, or replaced', () => {
    const { admit } = started();
    admit(submit());
    // Entry 5: the tabulator's conflict, held, then rejected at entry 6.
    admit(submit(tabulator));
    admit(review(5, 'reject', 6));
    // Its "amendment" is held for a reviewer: a re-send cannot get past the review.
    const amended = { ...tabulator, sequence: 2, amended: true, countsDigest: 'again' };
    expect(admit(submit(amended))).toEqual({
      type: 'admitted',
      kind: 'amendment',
      status: 'held',
    });
    // The app's report still counts: its own amendment is accepted.
    expect(admit(submit({ sequence: 2, amended: true, countsDigest: 'fixed' }))).toEqual({
      type: 'admitted',
      kind: 'amendment',
      status: 'accepted',
    });
  });

  it('takes a rejected submission out of what later sources are judged against', () => {
    const { admit } = started();
    admit(submit({ warnings: [{ code: 'unbalanced_contest', message: 'unbalanced' }] }));
    admit(review(4, 'reject', 5));
    // Nothing counts for n-1: the tabulator's report is an original, not a conflict.
    expect(admit(submit(tabulator))).toEqual({
      type: 'admitted',
      kind: 'original',
      status: 'accepted',
    });
  });

  it('asks two reviewers to accept what broke a rule where the election says so, each named once', () => {
    const indexed = indexElection({ ...election.definition, review: { acceptWarningsWith: 2 } });
    if (!indexed.ok) throw new Error(indexed.error.message);
    const { admit } = started(indexed.value);
    const twice = (r: Extract<AdmissionEntry, { type: 'review' }>, reviewers: string[]) => ({
      ...r,
      reviewers,
    });
    // Entry 4 broke a rule; entry 5, the tabulator's conflict, broke none.
    admit(submit({ warnings: [{ code: 'turnout_above_registered', message: 'turnout' }] }));
    expect(admit(review(4, 'accept', 5))).toMatchObject({
      type: 'refused',
      error: { code: 'needs_two_reviewers' },
    });
    expect(admit(twice(review(4, 'accept', 5), ['rosa.parks', 'rosa.parks']))).toMatchObject({
      type: 'refused',
      error: { code: 'reviewer_twice' },
    });
    expect(admit(twice(review(4, 'accept', 5), ['rosa.parks', 'ida.wells']))).toEqual({
      type: 'recorded',
    });
    admit(submit({ ...tabulator, sequence: 1 }));
    expect(admit(review(8, 'accept', 9))).toEqual({ type: 'recorded' });
    // One reviewer rejects alone.
    admit(
      submit({
        sequence: 2,
        amended: true,
        countsDigest: 'x',
        warnings: [{ code: 'unbalanced_contest', message: 'u' }],
      }),
    );
    expect(admit(review(10, 'reject', 11))).toEqual({ type: 'recorded' });
  });

  it('record one release: by staff at any time, by the server from the definition’s release time', () => {
    const release = (
      time: string,
      scheduled: boolean,
      leaf: number,
      electionId = 'sample-2026',
    ): AdmissionEntry => ({ type: 'release', leaf, election: electionId, time, scheduled });
    const waiting = withRelease(election.definition);
    const at = (definition: ElectionDefinition): Election => {
      const indexed = indexElection(definition);
      if (!indexed.ok) throw new Error(indexed.error.message);
      return indexed.value;
    };
    // Without a release time, only staff release.
    const byStaff = started(at(waiting)).admit;
    expect(code(byStaff(release('2026-11-03T20:00:00Z', true, 4)))).toBe('release_too_early');
    expect(code(byStaff(release('2026-11-03T20:00:00Z', false, 4, 'another-2026')))).toBe(
      'unexpected_entry',
    );
    expect(byStaff(release('2026-11-03T20:00:00Z', false, 4))).toEqual({ type: 'recorded' });
    expect(code(byStaff(release('2026-11-03T21:00:00Z', false, 5)))).toBe('already_released');
    // With one, the server releases from it on.
    const scheduled = started(at({ ...waiting, release: { at: '2026-11-03T20:00:00-05:00' } }));
    expect(code(scheduled.admit(release('2026-11-04T00:59:59Z', true, 4)))).toBe(
      'release_too_early',
    );
    expect(scheduled.admit(release('2026-11-04T01:00:00Z', true, 4))).toEqual({
      type: 'recorded',
    });
    expect(scheduled.state.released).toBe(4);
  });

  it('take roster statements from a key the authority delegated them to, within its units and time', () => {
    const { admit } = started();
    const enrolment = 'enrol.north+0000000e';
    const by = (entry: number, key = `${enrolment}+KEY`) =>
      ({ signedBy: { type: 'delegation', entry, key }, by: 'admin.one' }) as const;
    // Entry 4: the authority delegates North's roster until 23:00.
    expect(
      admit(statement('delegate', enrolment, 'north', 4, { expires: '2026-11-03T23:00:00Z' })),
    ).toEqual({ type: 'recorded' });
    expect(code(admit(statement('delegate', 'x+1', 'north', 5)))).toBe('unexpected_entry');
    // Its key certifies a North precinct's key, not a South one, and cannot delegate further.
    expect(admit(statement('certify', 'n-2.app+00000004', 'n-2', 6, by(4)))).toEqual({
      type: 'recorded',
    });
    expect(code(admit(statement('certify', 's-1.app+00000005', 's-1', 7, by(4))))).toBe(
      'delegation_scope',
    );
    expect(
      code(
        admit(
          statement('delegate', 'y+1', 'n-1', 7, { ...by(4), expires: '2026-11-04T00:00:00Z' }),
        ),
      ),
    ).toBe('delegation_scope');
    // Never on no one's word: the log names the staff member behind each statement it signs.
    expect(
      code(admit(statement('certify', 'n-2.d+00000008', 'n-2', 7, { signedBy: by(4).signedBy }))),
    ).toBe('delegation_unnamed');
    // A statement the delegation did not make: another entry, or another key of the same name.
    expect(code(admit(statement('certify', 'n-2.b+00000006', 'n-2', 7, by(3))))).toBe(
      'roster_signature',
    );
    expect(code(admit(statement('certify', 'n-2.b+00000006', 'n-2', 7, by(4, 'forged'))))).toBe(
      'roster_signature',
    );
    // After it expires, or once the authority revoked it, its key signs nothing.
    expect(
      code(
        admit(
          statement('certify', 'n-2.c+00000007', 'n-2', 7, {
            ...by(4),
            time: '2026-11-03T23:00:01Z',
          }),
        ),
      ),
    ).toBe('delegation_expired');
    expect(code(admit(statement('revoke', enrolment, 'north', 7, by(4))))).toBe('delegation_scope');
    expect(admit(statement('revoke', enrolment, 'north', 8))).toEqual({ type: 'recorded' });
    expect(code(admit(statement('revoke', 'n-2.app+00000004', 'n-2', 9, by(4))))).toBe(
      'delegation_revoked',
    );
    // The key it certified signs for its unit.
    expect(
      admit(submit({ source: 'n-2.app+00000004', unit: 'n-2', digest: 'n-2', sequence: 1 })),
    ).toMatchObject({ type: 'admitted' });
  });

  it('change a contest’s status only to another, naming winners for a call or certification, and reopen a certified one only by a recount', () => {
    const { state, admit } = started();
    let leaf = 4;
    const change = (
      contest: string,
      status: ContestStatusValue,
      winners?: readonly string[],
      electionId = 'sample-2026',
    ): Admission =>
      admit({
        type: 'contest-status',
        leaf: leaf++,
        election: electionId,
        contest,
        status,
        time: '2026-11-03T22:00:00Z',
        by: 'director',
        reason: 'as the count stands',
        ...(winners === undefined ? {} : { winners }),
      });
    // Every contest starts unofficial: saying so again changes nothing.
    expect(code(change('governor', 'unofficial'))).toBe('status_unchanged');
    expect(code(change('mayor', 'too-early'))).toBe('unknown_contest');
    expect(code(change('governor', 'too-early', undefined, 'another-2026'))).toBe(
      'unexpected_entry',
    );
    // A call names as many winners as the contest elects at most, each a choice of it, once.
    expect(code(change('governor', 'called'))).toBe('invalid_winners');
    expect(code(change('governor', 'called', ['grace']))).toBe('invalid_winners');
    expect(code(change('governor', 'called', ['ada', 'alan']))).toBe('invalid_winners');
    expect(code(change('council', 'called', ['grace', 'grace']))).toBe('invalid_winners');
    expect(code(change('governor', 'too-early', ['ada']))).toBe('invalid_winners');
    expect(change('governor', 'too-early')).toEqual({ type: 'recorded' });
    expect(code(change('governor', 'too-early'))).toBe('status_unchanged');
    expect(change('council', 'called', ['grace', 'edsger'])).toEqual({ type: 'recorded' });
    // The same winners in another order are the same call.
    expect(code(change('council', 'called', ['edsger', 'grace']))).toBe('status_unchanged');
    // A certification names every seat: the council elects two.
    expect(code(change('council', 'certified', ['grace']))).toBe('invalid_winners');
    expect(change('governor', 'called', ['ada'])).toEqual({ type: 'recorded' });
    // A call may be withdrawn, or named for another winner.
    expect(change('governor', 'called', ['alan'])).toEqual({ type: 'recorded' });
    expect(change('governor', 'certified', ['alan'])).toEqual({ type: 'recorded' });
    for (const status of ['unofficial', 'too-early'] as const) {
      expect(code(change('governor', status))).toBe('already_certified');
    }
    expect(code(change('governor', 'certified', ['ada']))).toBe('already_certified');
    expect(change('governor', 'recount')).toEqual({ type: 'recorded' });
    expect(change('governor', 'certified', ['ada'])).toEqual({ type: 'recorded' });
    expect(state.contestStatuses.get('governor')).toEqual({
      contest: 'governor',
      status: 'certified',
      winners: ['ada'],
      time: '2026-11-03T22:00:00Z',
      by: 'director',
      reason: 'as the count stands',
      entry: leaf - 1,
    });
    expect(state.contestStatuses.get('council')?.winners).toEqual(['grace', 'edsger']);
    expect(state.contestStatuses.has('measure-1')).toBe(false);
  });

  it('call or certify a contest only once the results are released, where the election waits for a release', () => {
    const waiting = parseElectionDefinition(
      withRelease(sampleDefinition(['authority+00000000+AAAA'])),
    );
    if (!waiting.ok) throw new Error(waiting.error.message);
    const { admit } = started(waiting.value);
    const change = (leaf: number, status: ContestStatusValue, winners?: readonly string[]) =>
      admit({
        type: 'contest-status',
        leaf,
        election: 'sample-2026',
        contest: 'governor',
        status,
        time: '2026-11-03T19:00:00Z',
        by: 'director',
        reason: 'polls are closing',
        ...(winners === undefined ? {} : { winners }),
      });
    // Too early to call, before polls close, is only what it says.
    expect(change(4, 'too-early')).toEqual({ type: 'recorded' });
    expect(code(change(5, 'called', ['ada']))).toBe('not_released');
    expect(
      admit({ type: 'release', leaf: 6, election: 'sample-2026', time: 't', scheduled: false }),
    ).toEqual({ type: 'recorded' });
    expect(change(7, 'called', ['ada'])).toEqual({ type: 'recorded' });
  });

  it('find a contest’s status as of any log size from its changes in log order', () => {
    const set = { time: 't', by: 'director', reason: 'r' };
    const changes: PublishedStatus[] = [
      { contest: 'governor', status: 'too-early', entry: 10, ...set },
      { contest: 'council', status: 'called', winners: ['grace'], entry: 12, ...set },
      { contest: 'governor', status: 'called', winners: ['ada'], entry: 15, ...set },
    ];
    expect(statusAsOf(changes, 'governor', 10)).toBeUndefined();
    expect(statusAsOf(changes, 'governor', 11)?.status).toBe('too-early');
    expect(statusAsOf(changes, 'governor', 15)?.status).toBe('too-early');
    expect(statusAsOf(changes, 'governor', 16)?.status).toBe('called');
    expect(lastStatusChange(changes)).toBe(15);
    expect(lastStatusChange(changes, 'council')).toBe(12);
    expect(lastStatusChange(changes, 'measure-1')).toBe(-1);
  });
});
