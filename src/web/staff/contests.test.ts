import { describe, expect, it } from 'vitest';
import { CONTEST_STATUSES, type ContestStanding } from './api.js';
import {
  contestStatusSentences,
  statusChange,
  statusDraftProblems,
  statusText,
  type StatusDraft,
} from './contests.js';
import { StaffMessages } from './messages.js';

const governor: ContestStanding = {
  contest: 'governor',
  name: { en: 'Governor', fr: 'Gouverneur' },
  kind: 'candidate',
  voteFor: 1,
  choices: [
    { id: 'ada', name: { en: 'Ada Lovelace' } },
    { id: 'alan', name: { en: 'Alan Turing' } },
  ],
  status: 'unofficial',
};
const council: ContestStanding = {
  contest: 'council',
  name: { en: 'North County Council' },
  kind: 'candidate',
  voteFor: 2,
  choices: [
    { id: 'grace', name: { en: 'Grace Hopper' } },
    { id: 'edsger', name: { en: 'Edsger Dijkstra' } },
    { id: 'barbara', name: { en: 'Barbara Liskov' } },
  ],
  status: 'called',
  winners: ['grace', 'edsger'],
  entry: 1234,
  time: '2026-11-03T23:15:00Z',
  by: 'admin.one',
  reason: 'every precinct is in',
};
const measure: ContestStanding = {
  contest: 'measure-1',
  name: { en: 'Measure 1' },
  kind: 'measure',
  voteFor: 1,
  choices: [
    { id: 'yes', name: { en: 'Yes', fr: 'Oui' } },
    { id: 'no', name: { en: 'No', fr: 'Non' } },
  ],
  status: 'certified',
  winners: ['yes'],
  entry: 1300,
  time: '2026-11-20T16:00:00Z',
};

describe('a contest’s status, in words', () => {
  const m = new StaffMessages('en');

  it('says a contest no entry has named is unofficial, and nothing of an entry', () => {
    expect(contestStatusSentences(m, governor)).toEqual(['Unofficial']);
  });

  it('names the winners of a call in the reader’s language, and the entry that set it', () => {
    const [status, setAt] = contestStatusSentences(m, council);
    expect(status).toBe('Called: Grace Hopper and Edsger Dijkstra');
    expect(setAt).toMatch(
      /^set by admin\.one at Nov 3, 2026, .* \(log entry 1,234\): every precinct is in$/,
    );
    const fr = new StaffMessages('fr');
    expect(contestStatusSentences(fr, measure)[0]).toBe('Certifié : Oui');
    // A language the choice's name lacks: the definition's languages, in order, then any.
    expect(statusText(new StaffMessages('de'), measure, 'called', ['no'], ['fr', 'en'])).toBe(
      'Entschieden: Non',
    );
  });

  it('says every status in every language, and never names winners for one that names none', () => {
    for (const language of ['en', 'fr', 'es', 'de', 'it', 'nl'] as const) {
      const words = CONTEST_STATUSES.map((s) =>
        statusText(new StaffMessages(language), governor, s, []),
      );
      expect(new Set(words).size, language).toBe(CONTEST_STATUSES.length);
    }
    expect(statusText(m, governor, 'recount', ['ada'])).toBe('Recount under way');
    expect(statusText(m, governor, 'too-early', [])).toBe('Too early to call');
  });
});

describe('the checks before a status is sent', () => {
  const m = new StaffMessages('en');
  const draft = (over: Partial<StatusDraft>): StatusDraft => ({
    status: 'called',
    winners: ['ada'],
    reason: 'The AP and our count agree.',
    ...over,
  });

  it('pass a call naming as many winners as the contest elects, with a reason', () => {
    expect(statusDraftProblems(m, governor, draft({}))).toEqual({});
    expect(statusDraftProblems(m, council, draft({ winners: ['barbara'] }))).toEqual({});
    expect(
      statusDraftProblems(m, council, draft({ status: 'certified', winners: ['grace', 'edsger'] })),
    ).toEqual({});
  });

  it('ask a certification to name every seat’s winner', () => {
    expect(
      statusDraftProblems(m, council, draft({ status: 'certified', winners: ['grace'] })),
    ).toEqual({ winners: 'A certification names all 2 elected.' });
  });

  it('ask for a status, a reason, and winners for a call or a certification', () => {
    expect(
      statusDraftProblems(m, governor, { status: undefined, winners: [], reason: ' ' }),
    ).toEqual({
      status: 'Choose the new status.',
      reason: 'Give the reason for the change.',
    });
    expect(statusDraftProblems(m, governor, draft({ winners: [] }))).toEqual({
      winners: 'A call or a certification names who won: tick at least one.',
    });
    expect(
      statusDraftProblems(m, { ...measure, status: 'unofficial' }, draft({ winners: [] })),
    ).toEqual({ winners: 'A call or a certification names the outcome: tick it.' });
  });

  it('refuse more winners than the contest elects', () => {
    expect(statusDraftProblems(m, governor, draft({ winners: ['ada', 'alan'] }))).toEqual({
      winners: 'This contest elects one: tick one only.',
    });
    expect(
      statusDraftProblems(m, council, draft({ winners: ['grace', 'edsger', 'barbara'] })),
    ).toEqual({ winners: 'This contest elects 2: tick 2 at most.' });
    expect(
      statusDraftProblems(
        m,
        { ...measure, status: 'unofficial' },
        draft({ winners: ['yes', 'no'] }),
      ),
    ).toEqual({ winners: 'A ballot measure has one outcome: tick one only.' });
  });

  it('refuse the status the contest has already, and anything but a recount once certified', () => {
    expect(statusDraftProblems(m, council, draft({ winners: ['edsger', 'grace'] }))).toEqual({
      status: 'The contest has this status already.',
    });
    expect(
      statusDraftProblems(m, governor, draft({ status: 'unofficial', winners: ['ada'] })),
    ).toEqual({
      status: 'The contest has this status already.',
    });
    expect(statusDraftProblems(m, measure, draft({ status: 'called', winners: ['yes'] }))).toEqual({
      status: 'A certified contest can only go to a recount.',
    });
    expect(statusDraftProblems(m, measure, draft({ status: 'recount' }))).toEqual({});
  });

  it('refuse a reason longer than the log takes', () => {
    expect(statusDraftProblems(m, governor, draft({ reason: 'x'.repeat(1001) }))).toEqual({
      reason: 'The reason may have at most 1,000 characters.',
    });
  });

  it('send the winners in the contest’s order, only for a status that names them, and the reason trimmed', () => {
    expect(
      statusChange(council, draft({ winners: ['edsger', 'grace'], reason: ' why \n' })),
    ).toEqual({
      status: 'called',
      winners: ['grace', 'edsger'],
      reason: 'why',
    });
    expect(statusChange(council, draft({ status: 'recount' }))).toEqual({
      status: 'recount',
      reason: 'The AP and our count agree.',
    });
  });
});
