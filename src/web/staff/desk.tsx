// The review desk: the chosen election's queue of held submissions (oldest first, with why each
// is held), and open one to weigh it against what its unit counts now and decide it with a
// reason. Reviewers and administrators decide; everyone else signed in reads.
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { DECIDING_ROLES, type HeldItem, type StaffApi, type StaffSession } from './api.js';
import { failureText } from './common.js';
import { Comparison } from './comparison.js';
import { EvidenceFiles } from './evidence.js';
import type { DefinitionIndex } from './definition.js';
import type { StaffMessageKey, StaffMessages } from './messages.js';

/** Where the desk is: the election and held entry the address names. */
export interface DeskPlace {
  readonly election: string | undefined;
  readonly entry: number | undefined;
}

interface Props {
  readonly m: StaffMessages;
  readonly api: StaffApi;
  readonly session: StaffSession;
  readonly place: DeskPlace;
  readonly go: (place: DeskPlace) => void;
  /** Says something in the page's live region. */
  readonly announce: (text: string) => void;
  /** The election's names for its units, vote types, contests and choices, once read. */
  readonly definition: DefinitionIndex | undefined;
}

/** "Unit, vote type" by their names where the definition is read, else by their ids. */
function sheetName(
  m: StaffMessages,
  definition: DefinitionIndex | undefined,
  item: { readonly unit: string; readonly voteType: string },
): string {
  return m.t('unitAndVoteType', {
    unit: definition?.unitName(item.unit, m.language) ?? item.unit,
    voteType: definition?.voteTypeName(item.voteType, m.language) ?? item.voteType,
  });
}

export function Desk({ m, api, session, place, go, announce, definition }: Props): JSX.Element {
  const [queue, setQueue] = useState<readonly HeldItem[] | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const detailHeading = useRef<HTMLHeadingElement>(null);
  const queueHeading = useRef<HTMLHeadingElement>(null);

  const load = async (election: string): Promise<readonly HeldItem[] | undefined> => {
    const answer = await api.held(election);
    if (!answer.ok) {
      setProblem(failureText(m, answer.error));
      return undefined;
    }
    setProblem(undefined);
    setQueue(answer.value);
    return answer.value;
  };

  useEffect(() => {
    setQueue(undefined);
    if (place.election === undefined) return;
    void load(place.election).then((held) => {
      if (held !== undefined) announce(m.t('queueLoaded', { count: held.length }));
    });
    // The queue is read again when the election changes, or when asked (refresh, a decision).
  }, [place.election]);

  const selected = queue?.find((h) => h.entry === place.entry);
  const canDecide = DECIDING_ROLES.includes(session.role);

  const select = (entry: number): void => {
    go({ election: place.election, entry });
    // The detail is below the queue on a phone: take the reader there.
    requestAnimationFrame(() => detailHeading.current?.focus());
  };

  const decided = async (text: string): Promise<void> => {
    if (place.election === undefined) return;
    const held = await load(place.election);
    const still = held?.some((h) => h.entry === place.entry) ?? false;
    if (!still) go({ election: place.election, entry: undefined });
    announce(text);
    if (!still) requestAnimationFrame(() => queueHeading.current?.focus());
  };

  return (
    <>
      {problem !== undefined && (
        <p class="form-error" role="alert">
          {problem}
        </p>
      )}
      {place.election !== undefined && (
        <div class="desk">
          <section class="queue" aria-labelledby="queue-title">
            <h2 id="queue-title" ref={queueHeading} tabIndex={-1}>
              {m.t('queueTitle')}
            </h2>
            <p class="meta">{m.t('queueIntro')}</p>
            {!canDecide && (
              <p class="notice">
                {m.t('readOnly', { role: m.t(`role_${session.role}` as StaffMessageKey) })}
              </p>
            )}
            <button
              type="button"
              class="secondary"
              onClick={() => {
                if (place.election === undefined) return;
                void load(place.election).then((held) => {
                  if (held !== undefined) announce(m.t('queueLoaded', { count: held.length }));
                });
              }}
            >
              {m.t('refresh')}
            </button>
            {queue === undefined ? (
              <p>{m.t('loading')}</p>
            ) : (
              <>
                <p>{m.t('queueCount', { count: queue.length })}</p>
                <ol class="queue-items">
                  {queue.map((item) => (
                    <QueueItem
                      definition={definition}
                      key={item.entry}
                      m={m}
                      item={item}
                      selected={item.entry === place.entry}
                      onSelect={() => {
                        select(item.entry);
                      }}
                    />
                  ))}
                </ol>
              </>
            )}
          </section>
          <section class="detail" aria-labelledby="detail-title">
            {selected === undefined ? (
              <>
                <h2 id="detail-title" ref={detailHeading} tabIndex={-1} class="visually-hidden">
                  {m.t('comparisonTitle')}
                </h2>
                {queue !== undefined && queue.length > 0 && <p>{m.t('selectItem')}</p>}
              </>
            ) : (
              <HeldDetail
                key={selected.entry}
                m={m}
                api={api}
                election={place.election}
                item={selected}
                definition={definition}
                canDecide={canDecide}
                me={session.name}
                headingRef={detailHeading}
                onDecided={(text) => void decided(text)}
                onRefused={() => {
                  if (place.election !== undefined) void load(place.election);
                }}
                onBack={() => queueHeading.current?.focus()}
              />
            )}
          </section>
        </div>
      )}
    </>
  );
}

function QueueItem(props: {
  readonly m: StaffMessages;
  readonly definition: DefinitionIndex | undefined;
  readonly item: HeldItem;
  readonly selected: boolean;
  readonly onSelect: () => void;
}): JSX.Element {
  const { m, item, selected, onSelect, definition } = props;
  return (
    <li class={selected ? 'selected' : undefined}>
      <button type="button" aria-pressed={selected} onClick={onSelect}>
        <span class="item-title">{sheetName(m, definition, item)}</span>
        <span class={`kind kind-${item.kind}`}>{m.t(`kind_${item.kind}`)}</span>
        <span class="meta">
          {m.t('entry', { entry: item.entry })} ·{' '}
          {m.t('warningCount', { count: item.warnings.length })}
        </span>
        {item.warnings.length > 0 && (
          <span class="item-warnings">{item.warnings.map((w) => w.code).join(', ')}</span>
        )}
        {item.needsTwoReviewers === true && <span class="badge">{m.t('needsTwoReviewers')}</span>}
        {item.approvals !== undefined && item.approvals.length > 0 && (
          <span class="meta">{m.t('approvals', { names: item.approvals.join(', ') })}</span>
        )}
      </button>
    </li>
  );
}

function HeldDetail(props: {
  readonly m: StaffMessages;
  readonly api: StaffApi;
  readonly election: string | undefined;
  readonly item: HeldItem;
  readonly definition: DefinitionIndex | undefined;
  readonly canDecide: boolean;
  /** Who is signed in: a reviewer who approved already is told a second must approve. */
  readonly me: string;
  readonly headingRef: { current: HTMLHeadingElement | null };
  readonly onDecided: (text: string) => void;
  readonly onRefused: () => void;
  readonly onBack: () => void;
}): JSX.Element {
  const { m, item } = props;
  const { submission, counted } = item;
  const time = new Date(submission.time);
  const when = Number.isNaN(time.getTime())
    ? submission.time
    : new Intl.DateTimeFormat(m.language, { dateStyle: 'medium', timeStyle: 'short' }).format(time);
  return (
    <>
      <h2 id="detail-title" ref={props.headingRef} tabIndex={-1}>
        {m.t('entry', { entry: item.entry })}: {sheetName(m, props.definition, item)}
      </h2>
      <p class={`kind kind-${item.kind}`}>{m.t(`kind_${item.kind}`)}</p>
      <dl class="facts">
        <dt>{m.t('source')}</dt>
        <dd>
          <code>{item.source}</code>
        </dd>
        {counted !== undefined && (
          <>
            <dt>{m.t('countedSource', { entry: counted.entry })}</dt>
            <dd>
              <code>{counted.source}</code>
            </dd>
          </>
        )}
      </dl>
      <p class="meta">{m.t('sent', { time: when })}</p>
      {submission.amendment !== undefined && (
        <p>{m.t('amendmentReason', { reason: submission.amendment.reason })}</p>
      )}
      {submission.desk !== undefined && (
        <p>
          {m.t('keyedAtDesk', {
            first: submission.desk.keyedBy[0],
            second: submission.desk.keyedBy[1],
          })}
          {submission.desk.resolvedBy !== undefined &&
            ` ${m.t('chosenBy', { reviewer: submission.desk.resolvedBy })}`}
        </p>
      )}
      {item.needsTwoReviewers === true && <p class="badge">{m.t('needsTwoReviewers')}</p>}
      {item.approvals !== undefined && item.approvals.length > 0 && (
        <p>{m.t('approvals', { names: item.approvals.join(', ') })}</p>
      )}
      {item.needsTwoReviewers === true && (item.approvals ?? []).includes(props.me) && (
        <p class="notice">{m.t('youApproved')}</p>
      )}
      <h3>{m.t('warnings')}</h3>
      <ul class="warnings">
        {item.kind === 'conflict' && <li>{m.t('conflictWarning')}</li>}
        {item.warnings.map((w) => (
          <li key={w.code}>
            <code>{w.code}</code>: {w.message}
          </li>
        ))}
        {item.kind !== 'conflict' && item.warnings.length === 0 && <li>{m.t('noWarnings')}</li>}
      </ul>
      <h3>{m.t('comparisonTitle')}</h3>
      <Comparison
        m={m}
        held={submission}
        counted={counted?.submission}
        idPrefix={`compare-${String(item.entry)}`}
        {...(props.definition === undefined
          ? {}
          : {
              names: {
                contest: (c: string) => props.definition?.contestName(c, m.language) ?? c,
                choice: (c: string, ch: string) =>
                  props.definition?.choiceName(c, ch, m.language) ?? ch,
              },
            })}
      />
      <Evidence
        m={m}
        item={item}
        address={(sha256) =>
          props.election === undefined
            ? undefined
            : props.api.evidenceAddress(props.election, sha256)
        }
      />
      {props.canDecide && props.election !== undefined && (
        <DecisionForm
          m={m}
          api={props.api}
          election={props.election}
          entry={item.entry}
          onDecided={props.onDecided}
          onRefused={props.onRefused}
        />
      )}
      <p>
        <button type="button" class="link" onClick={props.onBack}>
          {m.t('backToQueue')}
        </button>
      </p>
    </>
  );
}

/** The evidence that came with the submission. */
function Evidence({
  m,
  item,
  address,
}: {
  readonly m: StaffMessages;
  readonly item: HeldItem;
  readonly address: (sha256: string) => string | undefined;
}): JSX.Element {
  return (
    <section class="evidence" aria-labelledby={`evidence-${String(item.entry)}`}>
      <h3 id={`evidence-${String(item.entry)}`}>{m.t('evidence')}</h3>
      <EvidenceFiles m={m} files={item.submission.evidence ?? []} address={address} />
    </section>
  );
}

function DecisionForm(props: {
  readonly m: StaffMessages;
  readonly api: StaffApi;
  readonly election: string;
  readonly entry: number;
  readonly onDecided: (text: string) => void;
  readonly onRefused: () => void;
}): JSX.Element {
  const { m } = props;
  const [decision, setDecision] = useState<'accept' | 'reject' | undefined>(undefined);
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<{
    decision?: StaffMessageKey;
    reason?: StaffMessageKey;
  }>({});
  const [refusal, setRefusal] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const acceptInput = useRef<HTMLInputElement>(null);
  const reasonInput = useRef<HTMLTextAreaElement>(null);

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (busy) return;
    const found = {
      ...(decision === undefined ? { decision: 'decisionRequired' as const } : {}),
      ...(reason.trim() === '' ? { reason: 'reasonRequired' as const } : {}),
    };
    setProblems(found);
    setRefusal(undefined);
    if (found.decision !== undefined) acceptInput.current?.focus();
    else if (found.reason !== undefined) reasonInput.current?.focus();
    if (decision === undefined || found.reason !== undefined) return;
    setBusy(true);
    const answer = await props.api.review(props.election, {
      entry: props.entry,
      decision,
      reason: reason.trim(),
    });
    setBusy(false);
    if (answer.ok) {
      const outcome = answer.value;
      switch (outcome.kind) {
        case 'decided':
          props.onDecided(m.t('decided', { entry: outcome.entry }));
          return;
        case 'awaiting_second_reviewer':
          setReason('');
          setDecision(undefined);
          props.onDecided(m.t('awaitingSecond', { names: outcome.approvals.join(', ') }));
          return;
      }
    }
    // signed_out has already taken the reader to sign in; the rest are said here.
    const failure = answer.error;
    setRefusal(
      m.t('decisionRefused', {
        message: failure.kind === 'unreachable' ? m.t('unreachable') : failure.message,
      }),
    );
    // A 409 (not held any more, already decided) means the queue moved on: read it again.
    if (failure.kind === 'refused') props.onRefused();
  };

  const describe = (...ids: (string | false)[]): string | undefined => {
    const joined = ids.filter((id) => id !== false).join(' ');
    return joined === '' ? undefined : joined;
  };

  return (
    <section class="decision" aria-labelledby="decision-title">
      <h3 id="decision-title">{m.t('decisionTitle')}</h3>
      {refusal !== undefined && (
        <p class="form-error" role="alert">
          {refusal}
        </p>
      )}
      <form method="post" noValidate onSubmit={(e) => void submit(e)}>
        <fieldset aria-describedby={describe(problems.decision !== undefined && 'decision-error')}>
          <legend>{m.t('decisionLegend')}</legend>
          {problems.decision !== undefined && (
            <p class="field-error" id="decision-error">
              {m.t(problems.decision)}
            </p>
          )}
          {(['accept', 'reject'] as const).map((value) => (
            <div class="choice" key={value}>
              <input
                type="radio"
                id={`decision-${value}`}
                name="decision"
                value={value}
                {...(value === 'accept' ? { ref: acceptInput } : {})}
                checked={decision === value}
                aria-invalid={problems.decision === undefined ? undefined : 'true'}
                onChange={() => {
                  setDecision(value);
                }}
              />
              <label for={`decision-${value}`}>{m.t(value)}</label>
            </div>
          ))}
        </fieldset>
        <div class="field">
          <label for="reason">{m.t('reason')}</label>
          <p class="hint" id="reason-hint">
            {m.t('reasonHint')}
          </p>
          {problems.reason !== undefined && (
            <p class="field-error" id="reason-error">
              {m.t(problems.reason)}
            </p>
          )}
          <textarea
            id="reason"
            name="reason"
            rows={3}
            // MAX_REVIEW_REASON of src/core/log_entry.ts: the API refuses a longer reason.
            maxLength={1000}
            ref={reasonInput}
            value={reason}
            aria-invalid={problems.reason === undefined ? undefined : 'true'}
            aria-describedby={describe(
              'reason-hint',
              problems.reason !== undefined && 'reason-error',
            )}
            onInput={(e) => {
              setReason(e.currentTarget.value);
            }}
          />
        </div>
        <button type="submit" class="primary" disabled={busy}>
          {m.t(busy ? 'recording' : 'record')}
        </button>
      </form>
    </section>
  );
}
