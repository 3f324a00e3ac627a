// The results desk: a desk operator chooses a reporting unit (by name or id) and a vote type and
// keys the paper tally sheet into a form built from the definition. Each contest's arithmetic
// and the rules' checks are shown while keying; warnings are allowed (a reviewer will look),
// errors stop the entry. Each sheet is keyed twice, by two operators who never see each other's
// numbers: the answer says whether it waits for a second entry, went to a reviewer, or was
// submitted. The sheets keyed once are listed (without numbers) for a second operator to pick.
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { KeyingOutcome, SheetAwaiting, StaffApi, StaffSession, Warning } from './api.js';
import { failureText, ListState, timeText, type ScreenProps } from './common.js';
import { findReportingUnits, type DefinitionIndex } from './definition.js';
import type { StaffMessageKey, StaffMessages } from './messages.js';
import {
  contestBalance,
  emptySheetForm,
  fieldId,
  fieldProblems,
  sheetOf,
  turnoutOf,
  withField,
  type FieldProblem,
  type SheetField,
  type SheetForm,
} from './sheet_form.js';
import { UnitPicker } from './unit_picker.js';

/** What the rules said of the sheet as keyed so far. */
type Check =
  | { readonly state: 'incomplete' }
  | { readonly state: 'checking' }
  | { readonly state: 'warnings'; readonly warnings: readonly Warning[] }
  | { readonly state: 'error'; readonly message: string };

/** How long keying pauses before the sheet is checked. */
const CHECK_AFTER_MS = 400;

const REFUSALS: Readonly<Record<string, StaffMessageKey>> = {
  same_operator: 'refusalSameOperator',
  sheet_with_reviewer: 'refusalSheetWithReviewer',
  no_desk_key: 'refusalNoDeskKey',
};

export function ResultsDesk({
  m,
  api,
  session,
  election,
  definition,
  announce,
}: ScreenProps): JSX.Element {
  const lang = m.language;
  const [unit, setUnit] = useState('');
  const [voteType, setVoteType] = useState(definition.definition.voteTypes[0]?.id ?? '');
  const [form, setForm] = useState<SheetForm | undefined>(undefined);
  const [outcome, setOutcome] = useState<KeyingOutcome | undefined>(undefined);
  const [awaiting, setAwaiting] = useState<readonly SheetAwaiting[] | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const sheetHeading = useRef<HTMLHeadingElement>(null);
  const outcomeHeading = useRef<HTMLHeadingElement>(null);

  const loadAwaiting = async (): Promise<void> => {
    const answer = await api.awaitingSheets(election);
    if (answer.ok) {
      setProblem(undefined);
      setAwaiting(answer.value);
    } else setProblem(failureText(m, answer.error));
  };
  useEffect(() => {
    setForm(undefined);
    setOutcome(undefined);
    void loadAwaiting();
    // Read again for another election, and after each entry.
  }, [election]);

  const open = (unitId: string, voteTypeId: string): void => {
    setUnit(unitId);
    setVoteType(voteTypeId);
    setOutcome(undefined);
    setForm(emptySheetForm(definition, unitId, voteTypeId));
    requestAnimationFrame(() => sheetHeading.current?.focus());
  };

  const keyed = (result: KeyingOutcome): void => {
    setOutcome(result);
    setForm(undefined);
    void loadAwaiting();
    announce(outcomeText(m, result));
    requestAnimationFrame(() => outcomeHeading.current?.focus());
  };

  return (
    <>
      <p>{m.t('resultsDeskIntro')}</p>
      <p class="notice">{m.t('phoneIn')}</p>
      <div class="desk">
        <section aria-labelledby="choose-sheet-title">
          <h2 id="choose-sheet-title">{m.t('chooseSheetTitle')}</h2>
          <UnitPicker
            m={m}
            definition={definition}
            find={findReportingUnits}
            id="unit"
            words={{
              search: 'unitSearch',
              choice: 'unitChoice',
              required: 'unitRequired',
              submit: 'startKeying',
            }}
            choice={unit}
            onChoice={setUnit}
            onChosen={(chosen) => {
              open(chosen, voteType);
            }}
          >
            <div class="field">
              <label for="vote-type">{m.t('voteType')}</label>
              <select
                id="vote-type"
                value={voteType}
                onChange={(e) => {
                  setVoteType(e.currentTarget.value);
                }}
              >
                {definition.definition.voteTypes.map((v) => (
                  <option key={v.id} value={v.id}>
                    {definition.voteTypeName(v.id, lang)}
                  </option>
                ))}
              </select>
            </div>
          </UnitPicker>
          <AwaitingList
            m={m}
            session={session}
            definition={definition}
            awaiting={awaiting}
            problem={problem}
            onKey={open}
            onRefresh={() => void loadAwaiting()}
          />
        </section>
        <section aria-labelledby="sheet-title" class="detail">
          {outcome !== undefined && (
            <div class={`outcome outcome-${outcome.status}`}>
              <h2 id="sheet-title" ref={outcomeHeading} tabIndex={-1}>
                {m.t(outcomeTitle(outcome))}
              </h2>
              <p>{outcomeText(m, outcome)}</p>
              {outcome.status !== 'sent_to_reviewer' && outcome.warnings.length > 0 && (
                <WarningList m={m} warnings={outcome.warnings} />
              )}
            </div>
          )}
          {form === undefined ? (
            outcome === undefined && (
              <>
                <h2 id="sheet-title" class="visually-hidden" tabIndex={-1} ref={sheetHeading}>
                  {m.t('sheetTitle')}
                </h2>
                <p>{m.t('chooseSheetFirst')}</p>
              </>
            )
          ) : (
            <SheetEntry
              key={`${form.unit} ${form.voteType}`}
              m={m}
              api={api}
              election={election}
              definition={definition}
              initial={form}
              headingRef={sheetHeading}
              onKeyed={keyed}
              onCancel={() => {
                setForm(undefined);
              }}
            />
          )}
        </section>
      </div>
    </>
  );
}

function outcomeTitle(outcome: KeyingOutcome): StaffMessageKey {
  switch (outcome.status) {
    case 'awaiting_second_entry':
      return 'outcomeAwaitingTitle';
    case 'sent_to_reviewer':
      return 'outcomeReviewerTitle';
    case 'submitted':
      return 'outcomeSubmittedTitle';
  }
}

function outcomeText(m: StaffMessages, outcome: KeyingOutcome): string {
  switch (outcome.status) {
    case 'awaiting_second_entry':
      return m.t('outcomeAwaiting');
    case 'sent_to_reviewer':
      return m.t('outcomeReviewer');
    case 'submitted':
      return m.t(outcome.receiptStatus === 'accepted' ? 'outcomeAccepted' : 'outcomeHeld', {
        entry: outcome.entry,
      });
  }
}

function WarningList(props: {
  readonly m: StaffMessages;
  readonly warnings: readonly Warning[];
}): JSX.Element {
  return (
    <ul class="warnings">
      {props.warnings.map((w, i) => (
        <li key={`${w.code}-${String(i)}`}>
          <code>{w.code}</code>: {w.message}
        </li>
      ))}
    </ul>
  );
}

function AwaitingList(props: {
  readonly m: StaffMessages;
  readonly session: StaffSession;
  readonly definition: DefinitionIndex;
  readonly awaiting: readonly SheetAwaiting[] | undefined;
  /** Why the list could not be read, if it could not. */
  readonly problem: string | undefined;
  readonly onKey: (unit: string, voteType: string) => void;
  readonly onRefresh: () => void;
}): JSX.Element {
  const { m, definition, awaiting } = props;
  const lang = m.language;
  return (
    <section aria-labelledby="awaiting-title" class="awaiting">
      <h2 id="awaiting-title">{m.t('awaitingTitle')}</h2>
      <p class="meta">{m.t('awaitingIntro')}</p>
      <ListState
        m={m}
        items={awaiting}
        none={m.t('awaitingNone')}
        error={props.problem}
        onRefresh={props.onRefresh}
      >
        {(items) => (
          <ul class="awaiting-items">
            {items.map((a) => {
              const sheet = m.t('unitAndVoteType', {
                unit: definition.unitName(a.unit, lang),
                voteType: definition.voteTypeName(a.voteType, lang),
              });
              const mine = a.operator === props.session.name;
              return (
                <li key={`${a.unit} ${a.voteType}`}>
                  <span class="item-title">{sheet}</span>
                  <span class="meta">
                    {m.t(mine ? 'keyedByYou' : 'keyedBy', {
                      operator: a.operator,
                      time: timeText(m, a.keyedAt),
                    })}
                  </span>
                  {!mine && (
                    <button
                      type="button"
                      class="secondary"
                      onClick={() => {
                        props.onKey(a.unit, a.voteType);
                      }}
                    >
                      {m.t('keySecond')}
                      <span class="visually-hidden">: {sheet}</span>
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </ListState>
    </section>
  );
}

function SheetEntry(props: {
  readonly m: StaffMessages;
  readonly api: StaffApi;
  readonly election: string;
  readonly definition: DefinitionIndex;
  readonly initial: SheetForm;
  readonly headingRef: { current: HTMLHeadingElement | null };
  readonly onKeyed: (outcome: KeyingOutcome) => void;
  readonly onCancel: () => void;
}): JSX.Element {
  const { m, api, election, definition } = props;
  const lang = m.language;
  const [form, setForm] = useState(props.initial);
  const [check, setCheck] = useState<Check>({ state: 'incomplete' });
  const [shown, setShown] = useState<readonly FieldProblem[]>([]);
  const [refusal, setRefusal] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const asked = useRef(0);
  const unit = definition.units.get(form.unit);

  // The rules' check, once every number is keyed and keying pauses; a later answer wins.
  useEffect(() => {
    const sheet = sheetOf(form);
    asked.current += 1;
    const mine = asked.current;
    if (!sheet.ok) {
      setCheck({ state: 'incomplete' });
      return undefined;
    }
    setCheck({ state: 'checking' });
    const timer = setTimeout(() => {
      void api.checkSheet(election, sheet.value).then((answer) => {
        if (mine !== asked.current) return;
        if (answer.ok) setCheck({ state: 'warnings', warnings: answer.value });
        else if (answer.error.kind === 'refused' && answer.error.status === 400)
          setCheck({ state: 'error', message: answer.error.message });
        else setCheck({ state: 'error', message: failureText(m, answer.error) });
      });
    }, CHECK_AFTER_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [form]);

  const [uploading, setUploading] = useState(false);
  const [photoProblem, setPhotoProblem] = useState<string | undefined>(undefined);
  /** Uploads the sheet's photo; the entry then names it by its SHA-256. */
  const attach = async (file: File): Promise<void> => {
    setUploading(true);
    setPhotoProblem(undefined);
    const answer = await api.uploadEvidence(election, file);
    setUploading(false);
    if (answer.ok) setForm((known) => ({ ...known, photo: answer.value }));
    else setPhotoProblem(m.t('photoRefused', { message: failureText(m, answer.error) }));
  };

  const problemOf = (field: SheetField): FieldProblem | undefined =>
    shown.find((p) => fieldId(p.field) === fieldId(field));

  const set = (field: SheetField, text: string): void => {
    const next = withField(form, field, text);
    setForm(next);
    // An error shown goes once the field is right; new ones wait for the next submit.
    if (shown.length > 0) {
      const now = new Set(fieldProblems(next).map((p) => fieldId(p.field)));
      setShown(shown.filter((p) => now.has(fieldId(p.field))));
    }
  };

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (busy) return;
    setRefusal(undefined);
    const sheet = sheetOf(form);
    if (!sheet.ok) {
      setShown(sheet.error);
      const [first] = sheet.error;
      if (first !== undefined) document.getElementById(fieldId(first.field))?.focus();
      return;
    }
    if (check.state === 'error') {
      document.getElementById('sheet-check')?.focus();
      return;
    }
    setBusy(true);
    const answer = await api.keySheet(election, sheet.value);
    setBusy(false);
    if (answer.ok) {
      props.onKeyed(answer.value);
      return;
    }
    const failure = answer.error;
    const known = failure.kind === 'refused' ? REFUSALS[failure.code] : undefined;
    setRefusal(known === undefined ? failureText(m, failure) : m.t(known));
    requestAnimationFrame(() => document.getElementById('sheet-refusal')?.focus());
  };

  const input = (field: SheetField, label: string, text: string): JSX.Element => {
    const id = fieldId(field);
    const problem = problemOf(field);
    return (
      <div class="count-field" key={id}>
        <label for={id}>{label}</label>
        <input
          type="text"
          inputMode="numeric"
          autocomplete="off"
          id={id}
          value={text}
          aria-invalid={problem === undefined ? undefined : 'true'}
          aria-describedby={problem === undefined ? undefined : `${id}-error`}
          onInput={(e) => {
            set(field, e.currentTarget.value);
          }}
        />
        {problem !== undefined && (
          <p class="field-error" id={`${id}-error`}>
            {m.t(problem.problem === 'missing' ? 'fieldMissing' : 'fieldNotACount')}
          </p>
        )}
      </div>
    );
  };

  const turnout = turnoutOf(form, unit?.registeredVoters);
  return (
    <>
      <h2 id="sheet-title" ref={props.headingRef} tabIndex={-1}>
        {m.t('sheetFor', {
          unit: definition.unitName(form.unit, lang),
          voteType: definition.voteTypeName(form.voteType, lang),
        })}
      </h2>
      <p class="meta">
        <code>{form.unit}</code>
        {unit?.registeredVoters !== undefined &&
          ` · ${m.t('registered', { count: unit.registeredVoters })}`}
      </p>
      {refusal !== undefined && (
        <p class="form-error" role="alert" id="sheet-refusal" tabIndex={-1}>
          {refusal}
        </p>
      )}
      <form class="sheet" method="post" noValidate onSubmit={(e) => void submit(e)}>
        <div class="field photo">
          <label for="sheet-photo">{m.t('photoLabel')}</label>
          <p class="hint" id="sheet-photo-hint">
            {m.t('photoHint')}
          </p>
          {photoProblem !== undefined && (
            <p class="field-error" id="sheet-photo-error">
              {photoProblem}
            </p>
          )}
          <input
            type="file"
            id="sheet-photo"
            accept="image/jpeg,image/png,image/webp"
            capture="environment"
            aria-describedby={
              photoProblem === undefined ? 'sheet-photo-hint' : 'sheet-photo-hint sheet-photo-error'
            }
            onChange={(e) => {
              const file = e.currentTarget.files?.item(0);
              if (file !== null && file !== undefined) void attach(file);
            }}
          />
          {uploading && <p class="meta">{m.t('photoUploading')}</p>}
          {form.photo !== undefined && (
            <figure class="sheet-photo">
              <img
                src={api.evidenceAddress(election, form.photo)}
                alt={m.t('photoAlt', { unit: definition.unitName(form.unit, lang) })}
              />
              <figcaption>
                SHA-256 <code>{form.photo}</code>
              </figcaption>
            </figure>
          )}
        </div>
        <fieldset>
          <legend>{m.t('unitBallotsLegend')}</legend>
          {input({ kind: 'unitBallots' }, m.t('unitBallotsCast'), form.ballotsCast)}
          {turnout !== undefined && (
            <p class={turnout.above ? 'balance off' : 'balance'}>
              {m.t(turnout.above ? 'turnoutAbove' : 'turnoutWithin', {
                ballots: turnout.ballots,
                registered: turnout.registered,
              })}
            </p>
          )}
        </fieldset>
        {form.contests.map((c) => {
          const balance = contestBalance(c);
          return (
            <fieldset key={c.contest} class="contest" aria-describedby={`balance-${c.contest}`}>
              <legend>
                {m.t('contestLegend', {
                  contest: definition.contestName(c.contest, lang),
                  voteFor: c.voteFor,
                })}
              </legend>
              <div class="count-grid">
                {c.choices.map((choice) =>
                  input(
                    { kind: 'choice', contest: c.contest, choice },
                    definition.choiceName(c.contest, choice, lang),
                    c.counts[choice] ?? '',
                  ),
                )}
              </div>
              <div class="count-grid totals">
                {input(
                  { kind: 'ballotsCast', contest: c.contest },
                  m.t('contestBallots'),
                  c.ballotsCast,
                )}
                {input({ kind: 'overvotes', contest: c.contest }, m.t('overvotes'), c.overvotes)}
                {input({ kind: 'undervotes', contest: c.contest }, m.t('undervotes'), c.undervotes)}
              </div>
              <p
                id={`balance-${c.contest}`}
                class={balance === undefined || balance.balances ? 'balance' : 'balance off'}
              >
                {balance === undefined
                  ? m.t('balancePending')
                  : `${m.t('balanceSum', {
                      votes: balance.votes,
                      overvotes: balance.overvotes,
                      undervotes: balance.undervotes,
                      positions: balance.positions,
                      ballots: balance.ballots,
                      voteFor: balance.voteFor,
                      expected: balance.expected,
                    })} ${
                      balance.balances
                        ? m.t('balanceOk')
                        : m.t('balanceOff', {
                            difference: Math.abs(balance.positions - balance.expected),
                          })
                    }`}
              </p>
            </fieldset>
          );
        })}
        <section
          class={`check check-${
            check.state === 'warnings' && check.warnings.length === 0 ? 'clean' : check.state
          }`}
          id="sheet-check"
          tabIndex={-1}
          aria-labelledby="check-title"
          aria-live="polite"
        >
          <h3 id="check-title">{m.t('checkTitle')}</h3>
          {check.state === 'incomplete' && <p>{m.t('checkPending')}</p>}
          {check.state === 'checking' && <p>{m.t('checking')}</p>}
          {check.state === 'warnings' && check.warnings.length === 0 && <p>{m.t('checkClean')}</p>}
          {check.state === 'warnings' && check.warnings.length > 0 && (
            <>
              <p>{m.t('checkWarnings')}</p>
              <WarningList m={m} warnings={check.warnings} />
            </>
          )}
          {check.state === 'error' && (
            <p class="form-error">{m.t('checkError', { message: check.message })}</p>
          )}
        </section>
        {shown.length > 0 && (
          <p class="form-error">{m.t('formProblems', { count: shown.length })}</p>
        )}
        <div class="actions">
          <button type="submit" class="primary" disabled={busy}>
            {m.t(busy ? 'submitting' : 'submitSheet')}
          </button>{' '}
          <button type="button" class="secondary" onClick={props.onCancel}>
            {m.t('cancel')}
          </button>
        </div>
      </form>
    </>
  );
}
