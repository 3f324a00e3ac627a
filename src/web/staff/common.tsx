// What the staff application's screens share: the sentence for a failed call, the choice of
// election, a confirmation asked in the page (not a browser dialog), and times and ages in the
// reader's language.
import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApiFailure } from './api.js';
import type { StaffMessages } from './messages.js';

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
    <div class="confirm" role="group" aria-label={props.question}>
      <p tabIndex={-1} ref={question}>
        {props.question}
      </p>
      <button
        type="button"
        class="primary"
        disabled={props.busy === true}
        onClick={() => {
          setAsking(false);
          props.onYes();
        }}
      >
        {props.yes}
      </button>{' '}
      <button
        type="button"
        class="secondary"
        onClick={() => {
          returning.current = true;
          setAsking(false);
        }}
      >
        {m.t('cancel')}
      </button>
    </div>
  );
}
