import { describe, expect, it } from 'vitest';
import { failureOf, parseContestStatuses, parseReviewOutcome, parseSession } from './api.js';

describe('the staff API’s answers, as the application reads them', () => {
  it('reads a logged decision (201) and an approval awaiting a second reviewer (202)', () => {
    expect(parseReviewOutcome(201, { entry: 42 })).toEqual({ kind: 'decided', entry: 42 });
    expect(parseReviewOutcome(202, { awaiting: 'second_reviewer', approvals: ['alice'] })).toEqual({
      kind: 'awaiting_second_reviewer',
      approvals: ['alice'],
    });
    expect(parseReviewOutcome(202, { entry: 42 })).toBeUndefined();
    expect(parseReviewOutcome(201, { awaiting: 'second_reviewer', approvals: [] })).toBeUndefined();
  });

  it('reads a session only with a known role', () => {
    const session = { name: 'reviewer.one', role: 'reviewer', csrfToken: 'x' };
    expect(parseSession(session)).toEqual(session);
    expect(parseSession({ ...session, role: 'root' })).toBeUndefined();
    expect(parseSession(null)).toBeUndefined();
  });

  it('tells a refused sign-in or ended session, a rate limit and a refusal apart', () => {
    const error = (code: string) => ({ error: { code, message: `${code} said` } });
    expect(failureOf(401, error('sign_in_failed'), null)).toEqual({
      kind: 'signed_out',
      code: 'sign_in_failed',
      message: 'sign_in_failed said',
    });
    expect(failureOf(429, error('rate_limited'), '37')).toMatchObject({
      kind: 'rate_limited',
      retryAfterSeconds: 37,
    });
    expect(failureOf(429, error('rate_limited'), null)).toMatchObject({ retryAfterSeconds: 60 });
    expect(failureOf(409, error('already_decided'), null)).toEqual({
      kind: 'refused',
      status: 409,
      code: 'already_decided',
      message: 'already_decided said',
    });
    expect(failureOf(502, 'Bad Gateway', null)).toMatchObject({
      kind: 'refused',
      code: 'http_502',
    });
  });

  it('reads the contests’ statuses only in the shape the API sends', () => {
    const governor = {
      contest: 'governor',
      name: { en: 'Governor' },
      kind: 'candidate',
      voteFor: 1,
      choices: [{ id: 'ada', name: { en: 'Ada Lovelace' } }],
      status: 'called',
      winners: ['ada'],
      entry: 12,
      time: '2026-11-03T23:00:00Z',
    };
    const measure = {
      contest: 'measure-1',
      name: { en: 'Measure 1' },
      kind: 'measure',
      voteFor: 1,
      choices: [],
      status: 'unofficial',
    };
    expect(parseContestStatuses({ contests: [governor, measure] })).toEqual([governor, measure]);
    expect(parseContestStatuses({ contests: [] })).toEqual([]);
    expect(parseContestStatuses({ contests: [{ ...governor, status: 'won' }] })).toBeUndefined();
    expect(parseContestStatuses({ contests: [{ ...governor, winners: 'ada' }] })).toBeUndefined();
    expect(
      parseContestStatuses({ contests: [{ ...governor, choices: [{ id: 1 }] }] }),
    ).toBeUndefined();
    expect(parseContestStatuses({ held: [] })).toBeUndefined();
  });
});
