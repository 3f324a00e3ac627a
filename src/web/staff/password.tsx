// Changing one's own password (every role): the current one, and the new one twice. The server
// ends every other session of the member and gives this one a new token.
import type { JSX } from 'preact';
import { useRef, useState } from 'preact/hooks';
import type { StaffApi, StaffSession } from './api.js';
import { failureText } from './common.js';
import type { StaffMessageKey, StaffMessages } from './messages.js';

/** The server's limits on a password (MIN_PASSWORD, MAX_PASSWORD of src/staff/staff.ts). */
export const PASSWORD_LENGTH = { min: 12, max: 1024 } as const;

type Field = 'current' | 'next' | 'again';

/** What is wrong with each field before anything is sent. */
export function passwordProblems(
  fields: Readonly<Record<Field, string>>,
): Partial<Record<Field, StaffMessageKey>> {
  const problems: Partial<Record<Field, StaffMessageKey>> = {};
  if (fields.current === '') problems.current = 'currentRequired';
  // Counted as the server counts: at least 12 characters as a reader sees them (graphemes), at
  // most 1024 UTF-16 units.
  const characters = [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(fields.next)]
    .length;
  if (characters < PASSWORD_LENGTH.min) problems.next = 'newTooShort';
  else if (fields.next.length > PASSWORD_LENGTH.max) problems.next = 'newTooLong';
  else if (fields.next === fields.current) problems.next = 'newSame';
  if (problems.next === undefined && fields.again !== fields.next) problems.again = 'againDiffers';
  return problems;
}

export function PasswordChange(props: {
  readonly m: StaffMessages;
  readonly api: StaffApi;
  readonly onChanged: (session: StaffSession) => void;
  readonly announce: (text: string) => void;
}): JSX.Element {
  const { m } = props;
  const [fields, setFields] = useState<Record<Field, string>>({ current: '', next: '', again: '' });
  const [problems, setProblems] = useState<Partial<Record<Field, StaffMessageKey>>>({});
  const [refusal, setRefusal] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const inputs = {
    current: useRef<HTMLInputElement>(null),
    next: useRef<HTMLInputElement>(null),
    again: useRef<HTMLInputElement>(null),
  };

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (busy) return;
    const found = passwordProblems(fields);
    setProblems(found);
    setRefusal(undefined);
    const first = (['current', 'next', 'again'] as const).find((f) => found[f] !== undefined);
    if (first !== undefined) {
      inputs[first].current?.focus();
      return;
    }
    setBusy(true);
    const answer = await props.api.changePassword({
      currentPassword: fields.current,
      newPassword: fields.next,
    });
    setBusy(false);
    setFields({ current: '', next: '', again: '' });
    if (answer.ok) {
      props.announce(m.t('passwordChanged'));
      props.onChanged(answer.value);
      return;
    }
    const failure = answer.error;
    setRefusal(
      failure.kind === 'refused' && failure.code === 'wrong_password'
        ? m.t('wrongPassword')
        : m.t('passwordRefused', { message: failureText(m, failure) }),
    );
  };

  const field = (
    name: Field,
    label: StaffMessageKey,
    autocomplete: string,
    hint?: StaffMessageKey,
  ): JSX.Element => {
    const problem = problems[name];
    const described = [
      hint === undefined ? undefined : `pw-${name}-hint`,
      problem === undefined ? undefined : `pw-${name}-error`,
    ].filter((x) => x !== undefined);
    return (
      <div class="field">
        <label for={`pw-${name}`}>{m.t(label)}</label>
        {hint !== undefined && (
          <p class="hint" id={`pw-${name}-hint`}>
            {m.t(hint)}
          </p>
        )}
        {problem !== undefined && (
          <p class="field-error" id={`pw-${name}-error`}>
            {m.t(problem)}
          </p>
        )}
        <input
          type="password"
          id={`pw-${name}`}
          ref={inputs[name]}
          autocomplete={autocomplete}
          value={fields[name]}
          aria-invalid={problem === undefined ? undefined : 'true'}
          aria-describedby={described.length === 0 ? undefined : described.join(' ')}
          onInput={(e) => {
            setFields({ ...fields, [name]: e.currentTarget.value });
          }}
        />
      </div>
    );
  };

  return (
    <div class="narrow">
      <p>{m.t('passwordIntro')}</p>
      {refusal !== undefined && (
        <p class="form-error" role="alert">
          {refusal}
        </p>
      )}
      <form method="post" noValidate onSubmit={(e) => void submit(e)}>
        {field('current', 'currentPassword', 'current-password')}
        {field('next', 'newPassword', 'new-password', 'newPasswordHint')}
        {field('again', 'newPasswordAgain', 'new-password')}
        <button type="submit" class="primary" disabled={busy}>
          {m.t(busy ? 'changing' : 'changePassword')}
        </button>
      </form>
    </div>
  );
}
