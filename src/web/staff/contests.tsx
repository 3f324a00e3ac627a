// Contests' statuses: where the count of each contest stands (unofficial, too early to call,
// called, recount, certified) as the election office says, with the winners a call or a
// certification names and the log entry that set it, for everyone signed in. Administrators
// change a contest's status with a reason, asked twice: each change is a public log entry, and the
// public site shows it from its next version on. The checks here only save a round trip: the
// server applies every rule again (src/core/admission.ts), and its refusal is shown as it says it.
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { MAX_STAFF_REASON } from '../../core/contest_status.js';
import {
  CONTEST_STATUSES,
  STATUSES_WITH_WINNERS,
  type ContestStanding,
  type ContestStatus,
  type ContestStatusChange,
} from './api.js';
import { ConfirmQuestion, failureText, ListState, timeText, type ScreenProps } from './common.js';
import { localName } from './definition.js';
import type { StaffMessageKey, StaffMessages } from './messages.js';

/** Each status in words. */
const STATUS_WORDS: Readonly<Record<ContestStatus, StaffMessageKey>> = {
  unofficial: 'statusUnofficial',
  'too-early': 'statusTooEarly',
  called: 'statusCalled',
  recount: 'statusRecount',
  certified: 'statusCertified',
};

export const namesWinners = (status: ContestStatus): boolean =>
  STATUSES_WITH_WINNERS.includes(status);

/** A status and the winners it names, in words: "Called: Ada Lovelace". */
export function statusText(
  m: StaffMessages,
  contest: Pick<ContestStanding, 'choices'>,
  status: ContestStatus,
  winners: readonly string[],
  languages: readonly string[] = [],
): string {
  const words = m.t(STATUS_WORDS[status]);
  if (!namesWinners(status) || winners.length === 0) return words;
  const names = winners.map((id) => {
    const choice = contest.choices.find((c) => c.id === id);
    return choice === undefined ? id : localName(choice.name, m.language, languages);
  });
  const list = new Intl.ListFormat(m.language, { style: 'long', type: 'conjunction' });
  return m.t('statusWithWinners', { status: words, winners: list.format(names) });
}

/**
 * The sentences that say where a contest stands: its status with the winners it names, then
 * who set it, when, by which log entry and why, if an entry set it.
 */
export function contestStatusSentences(
  m: StaffMessages,
  contest: ContestStanding,
  languages: readonly string[] = [],
): string[] {
  const status = statusText(m, contest, contest.status, contest.winners ?? [], languages);
  const { entry, time, by, reason } = contest;
  return entry === undefined || time === undefined || by === undefined || reason === undefined
    ? [status]
    : [status, m.t('statusSetAt', { time: timeText(m, time), entry, by, reason })];
}

/** What an administrator has filled in to change a contest's status. */
export interface StatusDraft {
  readonly status: ContestStatus | undefined;
  /** The winners ticked (kept while another status is chosen; sent only for those that name them). */
  readonly winners: readonly string[];
  readonly reason: string;
}

/** What is wrong with a draft, field by field, in words; empty when it may be sent. */
export interface DraftProblems {
  readonly status?: string;
  readonly winners?: string;
  readonly reason?: string;
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x) => b.includes(x));

/**
 * The obvious reasons the server would refuse a change: no status chosen; the status the contest
 * has already (with the same winners); anything but a recount for a certified contest; a call or
 * a certification naming no winner, or more than the contest elects; no reason, or a long one.
 */
export function statusDraftProblems(
  m: StaffMessages,
  contest: ContestStanding,
  draft: StatusDraft,
): DraftProblems {
  const problems: { status?: string; winners?: string; reason?: string } = {};
  const { status } = draft;
  const winners = status !== undefined && namesWinners(status) ? draft.winners : [];
  const measure = contest.kind === 'measure';
  if (status === undefined) problems.status = m.t('statusRequired');
  else if (status === contest.status && sameSet(winners, contest.winners ?? []))
    problems.status = m.t('statusUnchanged');
  else if (contest.status === 'certified' && status !== 'recount')
    problems.status = m.t('statusOnlyRecount');
  if (status !== undefined && namesWinners(status)) {
    if (winners.length === 0)
      problems.winners = m.t(measure ? 'outcomeRequired' : 'winnersRequired');
    else if (winners.length > contest.voteFor) {
      problems.winners = measure
        ? m.t('outcomeTooMany')
        : m.t('winnersTooMany', { voteFor: contest.voteFor });
    } else if (status === 'certified') {
      // A certification names every seat's winner (every choice, where there are fewer).
      const seats = Math.min(contest.voteFor, contest.choices.length);
      if (winners.length !== seats) problems.winners = m.t('winnersAllSeats', { count: seats });
    }
  }
  const reason = draft.reason.trim();
  if (reason === '') problems.reason = m.t('statusReasonRequired');
  else if (reason.length > MAX_STAFF_REASON)
    problems.reason = m.t('statusReasonTooLong', { max: MAX_STAFF_REASON });
  return problems;
}

/** The change a draft asks for: the winners (in the contest's order) only where the status names them. */
export function statusChange(contest: ContestStanding, draft: StatusDraft): ContestStatusChange {
  const status = draft.status ?? 'unofficial';
  return {
    status,
    ...(namesWinners(status)
      ? {
          winners: contest.choices.map((c) => c.id).filter((id) => draft.winners.includes(id)),
        }
      : {}),
    reason: draft.reason.trim(),
  };
}

export function Contests(props: ScreenProps): JSX.Element {
  const { m, api, election } = props;
  const languages = props.definition.definition.languages;
  const [contests, setContests] = useState<readonly ContestStanding[] | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  // The election whose contests are wanted: an answer about another one comes too late.
  const wanted = useRef(election);
  wanted.current = election;

  const load = async (): Promise<void> => {
    const asked = election;
    const answer = await api.contestStatuses(asked);
    if (wanted.current !== asked) return;
    if (answer.ok) {
      setContests(answer.value);
      setProblem(undefined);
    } else setProblem(failureText(m, answer.error));
  };
  useEffect(() => {
    setContests(undefined);
    setProblem(undefined);
    void load();
  }, [election]);

  const admin = props.session.role === 'admin';
  return (
    <section aria-labelledby="contests-title" class="narrow">
      <h2 id="contests-title" class="visually-hidden">
        {m.t('contestsTitle')}
      </h2>
      <p class="meta">{m.t('contestsIntro')}</p>
      {!admin && <p class="notice">{m.t('contestsAdminOnly')}</p>}
      <ListState
        m={m}
        items={contests}
        none={m.t('contestsNone')}
        error={problem}
        onRefresh={() => void load()}
      >
        {(items) => (
          <ul class="contest-list">
            {items.map((contest) => (
              <ContestItem
                key={contest.contest}
                {...props}
                contest={contest}
                languages={languages}
                admin={admin}
                reload={load}
              />
            ))}
          </ul>
        )}
      </ListState>
    </section>
  );
}

function ContestItem(
  props: ScreenProps & {
    readonly contest: ContestStanding;
    readonly languages: readonly string[];
    readonly admin: boolean;
    readonly reload: () => Promise<void>;
  },
): JSX.Element {
  const { m, contest, languages } = props;
  const name = localName(contest.name, m.language, languages);
  const heading = useRef<HTMLHeadingElement>(null);
  const [line, setAt] = contestStatusSentences(m, contest, languages);
  const settled = contest.status === 'called' || contest.status === 'certified';
  return (
    <li>
      <h3 id={`contest-${contest.contest}-title`} tabIndex={-1} ref={heading}>
        {name}
      </h3>
      <p class="meta">
        {contest.kind === 'measure'
          ? m.t('contestMeasure')
          : m.t('contestElects', { voteFor: contest.voteFor })}
      </p>
      <p class={settled ? 'contest-state settled' : 'contest-state'}>{line}</p>
      {setAt !== undefined && <p class="meta">{setAt}</p>}
      {props.admin && (
        <StatusForm
          m={m}
          api={props.api}
          election={props.election}
          contest={contest}
          name={name}
          languages={languages}
          onRecorded={async (entry) => {
            props.announce(m.t('statusRecorded', { entry }));
            await props.reload();
            heading.current?.focus();
          }}
          onRefused={props.reload}
        />
      )}
    </li>
  );
}

function StatusForm(props: {
  readonly m: StaffMessages;
  readonly api: ScreenProps['api'];
  readonly election: string;
  readonly contest: ContestStanding;
  readonly name: string;
  readonly languages: readonly string[];
  readonly onRecorded: (entry: number) => Promise<void>;
  readonly onRefused: () => Promise<void>;
}): JSX.Element {
  const { m, contest } = props;
  const id = `contest-${contest.contest}`;
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<ContestStatus | undefined>(undefined);
  // A certification after a call names the same winners: they start ticked.
  const [winners, setWinners] = useState<readonly string[]>(contest.winners ?? []);
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<DraftProblems>({});
  const [refusal, setRefusal] = useState<string | undefined>(undefined);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const firstStatus = useRef<HTMLInputElement>(null);
  const firstWinner = useRef<HTMLInputElement>(null);
  const reasonInput = useRef<HTMLTextAreaElement>(null);
  const submitButton = useRef<HTMLButtonElement>(null);
  const question = useRef<HTMLParagraphElement>(null);
  /** Whether the focus goes back to the button once the question is answered no. */
  const returning = useRef(false);
  const draft: StatusDraft = { status, winners, reason };
  const measure = contest.kind === 'measure';

  useEffect(() => {
    if (asking) question.current?.focus();
    else if (returning.current) {
      returning.current = false;
      submitButton.current?.focus();
    }
  }, [asking]);

  /** A change to the draft: a question asked about the draft before is no longer the one. */
  const edited = (): void => {
    setAsking(false);
  };

  const check = (event: Event): void => {
    event.preventDefault();
    if (busy) return;
    const found = statusDraftProblems(m, contest, draft);
    setProblems(found);
    setRefusal(undefined);
    if (found.status !== undefined) firstStatus.current?.focus();
    else if (found.winners !== undefined) firstWinner.current?.focus();
    else if (found.reason !== undefined) reasonInput.current?.focus();
    else setAsking(true);
  };

  const send = async (): Promise<void> => {
    setAsking(false);
    setBusy(true);
    const change = statusChange(contest, draft);
    const answer = await props.api.setContestStatus(props.election, contest.contest, change);
    setBusy(false);
    if (answer.ok) {
      setStatus(undefined);
      setReason('');
      setWinners(change.winners ?? []);
      setProblems({});
      setOpen(false);
      await props.onRecorded(answer.value);
      return;
    }
    // signed_out has already taken the reader to sign in; the rest are said here.
    const failure = answer.error;
    setRefusal(
      m.t('statusRefused', {
        message: failure.kind === 'unreachable' ? m.t('unreachable') : failure.message,
      }),
    );
    // A 409 may mean another administrator changed it meanwhile: read the list again.
    if (failure.kind === 'refused') await props.onRefused();
  };

  const describe = (...ids: (string | false)[]): string | undefined => {
    const joined = ids.filter((d) => d !== false).join(' ');
    return joined === '' ? undefined : joined;
  };
  const proposed =
    status === undefined
      ? ''
      : statusText(m, contest, status, statusChange(contest, draft).winners ?? [], props.languages);

  return (
    <details
      class="change-status"
      open={open}
      onToggle={(e) => {
        setOpen(e.currentTarget.open);
      }}
    >
      <summary>{m.t('changeStatus', { contest: props.name })}</summary>
      {refusal !== undefined && (
        <p class="form-error" role="alert">
          {refusal}
        </p>
      )}
      <form method="post" noValidate onSubmit={check}>
        <fieldset
          aria-describedby={describe(problems.status !== undefined && `${id}-status-error`)}
        >
          <legend>{m.t('newStatus')}</legend>
          {problems.status !== undefined && (
            <p class="field-error" id={`${id}-status-error`}>
              {problems.status}
            </p>
          )}
          {CONTEST_STATUSES.map((value, i) => (
            <div class="choice" key={value}>
              <input
                type="radio"
                id={`${id}-status-${value}`}
                name={`${id}-status`}
                value={value}
                {...(i === 0 ? { ref: firstStatus } : {})}
                checked={status === value}
                aria-invalid={problems.status === undefined ? undefined : 'true'}
                onChange={() => {
                  setStatus(value);
                  edited();
                }}
              />
              <label for={`${id}-status-${value}`}>{m.t(STATUS_WORDS[value])}</label>
            </div>
          ))}
        </fieldset>
        {status !== undefined && namesWinners(status) && (
          <fieldset
            aria-describedby={describe(
              `${id}-winners-hint`,
              problems.winners !== undefined && `${id}-winners-error`,
            )}
          >
            <legend>{m.t(measure ? 'outcomeLegend' : 'winnersLegend')}</legend>
            <p class="hint" id={`${id}-winners-hint`}>
              {measure ? m.t('outcomeHint') : m.t('winnersHint', { voteFor: contest.voteFor })}
            </p>
            {problems.winners !== undefined && (
              <p class="field-error" id={`${id}-winners-error`}>
                {problems.winners}
              </p>
            )}
            {contest.choices.map((choice, i) => (
              <div class="choice" key={choice.id}>
                <input
                  type="checkbox"
                  id={`${id}-winner-${choice.id}`}
                  name={`${id}-winners`}
                  value={choice.id}
                  {...(i === 0 ? { ref: firstWinner } : {})}
                  checked={winners.includes(choice.id)}
                  aria-invalid={problems.winners === undefined ? undefined : 'true'}
                  onChange={(e) => {
                    const ticked = e.currentTarget.checked;
                    setWinners((now) =>
                      ticked
                        ? [...now.filter((w) => w !== choice.id), choice.id]
                        : now.filter((w) => w !== choice.id),
                    );
                    edited();
                  }}
                />
                <label for={`${id}-winner-${choice.id}`}>
                  {localName(choice.name, m.language, props.languages)}
                </label>
              </div>
            ))}
          </fieldset>
        )}
        <div class="field">
          <label for={`${id}-reason`}>{m.t('reason')}</label>
          <p class="hint" id={`${id}-reason-hint`}>
            {m.t('reasonHint')}
          </p>
          {problems.reason !== undefined && (
            <p class="field-error" id={`${id}-reason-error`}>
              {problems.reason}
            </p>
          )}
          <textarea
            id={`${id}-reason`}
            name="reason"
            rows={3}
            maxLength={MAX_STAFF_REASON}
            ref={reasonInput}
            value={reason}
            aria-invalid={problems.reason === undefined ? undefined : 'true'}
            aria-describedby={describe(
              `${id}-reason-hint`,
              problems.reason !== undefined && `${id}-reason-error`,
            )}
            onInput={(e) => {
              setReason(e.currentTarget.value);
              edited();
            }}
          />
        </div>
        {asking ? (
          // Confirm's question (common.tsx), asked once the form has passed its checks.
          <ConfirmQuestion
            m={m}
            question={m.t('statusConfirm', { status: proposed, contest: props.name })}
            yes={m.t('statusYes')}
            busy={busy}
            questionRef={question}
            onYes={() => void send()}
            onNo={() => {
              returning.current = true;
              setAsking(false);
            }}
          />
        ) : (
          <button type="submit" class="primary" ref={submitButton} disabled={busy}>
            {m.t(busy ? 'recording' : 'recordStatus')}
          </button>
        )}
      </form>
    </details>
  );
}
