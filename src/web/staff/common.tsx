// What the staff application's screens share: what a screen is given, the sentence for a failed
// call, the choice of election, a confirmation asked in the page (not a browser dialog), a list
// read from the API, details shown once, and times and ages in the reader's language.
import type { ComponentChildren, JSX, Ref } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApiFailure, StaffApi, StaffSession } from './api.js';
import type { DefinitionIndex } from './definition.js';
import type { StaffMessages } from './messages.js';

/** What a screen about one election is given; the others take what they need of it. */
export interface ScreenProps {
  readonly m: StaffMessages;
  readonly api: StaffApi;
  readonly session: StaffSession;
  readonly election: string;
  readonly definition: DefinitionIndex;
  /** Says something in the page's live region. */
  readonly announce: (text: string) => void;
}

/** The sentence for a failed call (a 401 has already sent the reader to sign in). */
export function failureText(m: StaffMessages, failure: ApiFailure): string {
  switch (failure.kind) {
    case 'unreachable':
      return m.t('unreachable');
    case 'signed_out':
    case 'rate_limited':
    case 'refused':
      return m.t('refused', { message: failure.message });
  }
}

/** A time the API gave (ISO 8601), as the reader's language writes it. */
export function timeText(m: StaffMessages, iso: string): string {
  const time = new Date(iso);
  return Number.isNaN(time.getTime())
    ? iso
    : new Intl.DateTimeFormat(m.language, { dateStyle: 'medium', timeStyle: 'short' }).format(time);
}

/** An age in seconds, as "42 s" or "3 min 5 s". */
export function ageText(m: StaffMessages, seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  return whole < 60
    ? m.t('ageSeconds', { seconds: whole })
    : m.t('ageMinutes', { minutes: Math.floor(whole / 60), seconds: whole % 60 });
}

export function ElectionChooser(props: {
  readonly m: StaffMessages;
  readonly elections: readonly string[] | undefined;
  readonly election: string | undefined;
  readonly choose: (election: string) => void;
}): JSX.Element | null {
  const { m, elections, election } = props;
  const [choice, setChoice] = useState(election ?? '');
  useEffect(() => {
    setChoice(election ?? '');
  }, [election]);
  if (elections === undefined) return <p>{m.t('loading')}</p>;
  if (elections.length === 0) return <p>{m.t('noElections')}</p>;
  return (
    <form
      class="choose-election"
      onSubmit={(e) => {
        e.preventDefault();
        if (choice !== '') props.choose(choice);
      }}
    >
      <label for="election">{m.t('election')}</label>
      <select
        id="election"
        value={choice}
        onChange={(e) => {
          setChoice(e.currentTarget.value);
        }}
      >
        {election === undefined && <option value="">{m.t('chooseElection')}</option>}
        {elections.map((id) => (
          <option key={id} value={id}>
            {id}
          </option>
        ))}
      </select>
      <button type="submit" class="secondary">
        {m.t('show')}
      </button>
    </form>
  );
}

/**
 * A change that cannot be undone, asked twice: the button opens a question in the page, with
 * the focus on it, answered yes or no.
 */
export function Confirm(props: {
  readonly m: StaffMessages;
  /** The button that asks. */
  readonly label: ComponentChildren;
  readonly question: string;
  readonly yes: string;
  readonly busy?: boolean;
  readonly buttonClass?: string;
  readonly onYes: () => void;
}): JSX.Element {
  const { m } = props;
  const [asking, setAsking] = useState(false);
  const question = useRef<HTMLParagraphElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  /** Whether the focus goes back to the button once the question is answered no. */
  const returning = useRef(false);
  useEffect(() => {
    if (asking) question.current?.focus();
    else if (returning.current) {
      returning.current = false;
      opener.current?.focus();
    }
  }, [asking]);
  if (!asking) {
    return (
      <button
        type="button"
        ref={opener}
        class={props.buttonClass ?? 'secondary'}
        onClick={() => {
          setAsking(true);
        }}
      >
        {props.label}
      </button>
    );
  }
  return (
    <ConfirmQuestion
      m={m}
      question={props.question}
      yes={props.yes}
      {...(props.busy === undefined ? {} : { busy: props.busy })}
      questionRef={question}
      onYes={() => {
        setAsking(false);
        props.onYes();
      }}
      onNo={() => {
        returning.current = true;
        setAsking(false);
      }}
    />
  );
}

/**
 * The question a change that cannot be undone asks, with yes and cancel: Confirm's, and a form's
 * that asks once its own checks have passed. Its owner moves the focus (to the question, and back).
 */
export function ConfirmQuestion(props: {
  readonly m: StaffMessages;
  readonly question: string;
  readonly yes: string;
  readonly busy?: boolean;
  readonly questionRef: Ref<HTMLParagraphElement>;
  readonly onYes: () => void;
  readonly onNo: () => void;
}): JSX.Element {
  return (
    <div class="confirm" role="group" aria-label={props.question}>
      <p tabIndex={-1} ref={props.questionRef}>
        {props.question}
      </p>
      <button type="button" class="primary" disabled={props.busy === true} onClick={props.onYes}>
        {props.yes}
      </button>{' '}
      <button type="button" class="secondary" onClick={props.onNo}>
        {props.m.t('cancel')}
      </button>
    </div>
  );
}

/**
 * A list read from the API, under its heading: a button that reads it again (where there is
 * one), why it could not be read if it could not, then "Loading…" until it comes (unless the
 * reading failed), the sentence for an empty list, or the list.
 */
export function ListState<T>(props: {
  readonly m: StaffMessages;
  readonly items: readonly T[] | undefined;
  /** The sentence for an empty list. */
  readonly none: string;
  /** Why the list (or more of it) could not be read, if the last reading failed. */
  readonly error?: string | undefined;
  readonly onRefresh?: () => void;
  readonly children: (items: readonly T[]) => ComponentChildren;
}): JSX.Element {
  const { m, items, error } = props;
  return (
    <>
      {props.onRefresh !== undefined && (
        <button type="button" class="secondary" onClick={props.onRefresh}>
          {m.t('refreshList')}
        </button>
      )}
      {error !== undefined && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      {items === undefined ? (
        error === undefined && <p>{m.t('loading')}</p>
      ) : items.length === 0 ? (
        <p>{props.none}</p>
      ) : (
        props.children(items)
      )}
    </>
  );
}

/**
 * A text field with its label, its hint if it has one, and its error once there is one; the
 * error is read before the hint.
 */
export function TextField(props: {
  readonly id: string;
  readonly label: string;
  readonly hint?: string;
  readonly error: string | undefined;
  readonly value: string;
  readonly onInput: (value: string) => void;
  readonly maxLength: number;
  readonly spellcheck?: boolean;
  readonly inputRef: Ref<HTMLInputElement>;
}): JSX.Element {
  const { id, hint, error } = props;
  const describedBy = [
    error === undefined ? '' : `${id}-error`,
    hint === undefined ? '' : `${id}-hint`,
  ]
    .filter((d) => d !== '')
    .join(' ');
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      {hint !== undefined && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error !== undefined && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
      <input
        type="text"
        id={id}
        ref={props.inputRef}
        autocomplete="off"
        spellcheck={props.spellcheck}
        maxLength={props.maxLength}
        value={props.value}
        aria-invalid={error === undefined ? undefined : 'true'}
        aria-describedby={describedBy === '' ? undefined : describedBy}
        onInput={(e) => {
          props.onInput(e.currentTarget.value);
        }}
      />
    </div>
  );
}

/**
 * Details shown once (sign-in details, an enrolment code): the warning that they cannot be shown
 * again, the details, and the button that puts them away.
 */
export function ShownOnce(props: {
  readonly warning: string;
  readonly done: string;
  readonly onDone: () => void;
  /** The details: each a <dt> and its <dd>. */
  readonly children: ComponentChildren;
}): JSX.Element {
  return (
    <>
      <p class="warning-box">{props.warning}</p>
      <dl class="facts">{props.children}</dl>
      <button type="button" class="primary" onClick={props.onDone}>
        {props.done}
      </button>
    </>
  );
}
