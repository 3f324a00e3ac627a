// The sign-in screen: name, password and a second factor (a 6-digit TOTP code or a recovery code).
// Each field's error is tied to it (aria-describedby, aria-invalid) and the first wrong field takes
// the focus; the API's refusal is read out as an alert.
import type { InputHTMLAttributes, JSX } from 'preact';
import { useRef, useState } from 'preact/hooks';
import type { ApiFailure, StaffApi, StaffSession } from './api.js';
import type { StaffMessageKey, StaffMessages } from './messages.js';

type Field = 'name' | 'password' | 'code';

/** What is wrong with each field before anything is sent; empty when nothing is. */
export function signInProblems(
  fields: Readonly<Record<Field, string>>,
): Partial<Record<Field, StaffMessageKey>> {
  const problems: Partial<Record<Field, StaffMessageKey>> = {};
  if (fields.name.trim() === '') problems.name = 'nameRequired';
  if (fields.password === '') problems.password = 'passwordRequired';
  const code = fields.code.trim();
  if (code === '') problems.code = 'codeRequired';
  // Digits alone are a TOTP code, which has six, or (rarely) a recovery code's ten; anything else
  // is taken for a recovery code.
  else if (/^[\d\s-]+$/.test(code) && ![6, 10].includes(code.replaceAll(/[\s-]/g, '').length))
    problems.code = 'codeFormat';
  return problems;
}

/** The sentence for a refused sign-in: the API's, in the reader's language where Tally knows it. */
export function signInFailureText(m: StaffMessages, failure: ApiFailure): string {
  switch (failure.kind) {
    case 'signed_out':
      return failure.code === 'sign_in_failed' ? m.t('signInFailed') : failure.message;
    case 'rate_limited':
      return m.t('rateLimited', { seconds: failure.retryAfterSeconds });
    case 'refused':
      return m.t('refused', { message: failure.message });
    case 'unreachable':
      return m.t('unreachable');
  }
}

interface Props {
  readonly m: StaffMessages;
  readonly api: StaffApi;
  /** Why the reader is here: their session ended, they signed out, or they must sign in first. */
  readonly notice: StaffMessageKey | undefined;
  readonly onSignedIn: (session: StaffSession) => void;
}

export function SignIn({ m, api, notice, onSignedIn }: Props): JSX.Element {
  const [fields, setFields] = useState<Record<Field, string>>({ name: '', password: '', code: '' });
  const [problems, setProblems] = useState<Partial<Record<Field, StaffMessageKey>>>({});
  const [refusal, setRefusal] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const inputs = {
    name: useRef<HTMLInputElement>(null),
    password: useRef<HTMLInputElement>(null),
    code: useRef<HTMLInputElement>(null),
  };

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (busy) return;
    const found = signInProblems(fields);
    setProblems(found);
    setRefusal(undefined);
    const first = (['name', 'password', 'code'] as const).find((f) => found[f] !== undefined);
    if (first !== undefined) {
      inputs[first].current?.focus();
      return;
    }
    setBusy(true);
    const signedIn = await api.signIn({
      name: fields.name.trim(),
      password: fields.password,
      code: fields.code.trim(),
    });
    setBusy(false);
    if (signedIn.ok) {
      onSignedIn(signedIn.value);
      return;
    }
    // A used or wrong code cannot be sent again: the field is emptied for the next one.
    setFields((f) => ({ ...f, code: '' }));
    setRefusal(signInFailureText(m, signedIn.error));
  };

  const field = (
    id: Field,
    label: StaffMessageKey,
    attributes: InputHTMLAttributes,
    hint?: StaffMessageKey,
  ): JSX.Element => {
    const problem = problems[id];
    const describedBy = [
      hint === undefined ? undefined : `${id}-hint`,
      problem === undefined ? undefined : `${id}-error`,
    ]
      .filter((x) => x !== undefined)
      .join(' ');
    return (
      <div class="field">
        <label for={id}>{m.t(label)}</label>
        {hint !== undefined && (
          <p class="hint" id={`${id}-hint`}>
            {m.t(hint)}
          </p>
        )}
        {problem !== undefined && (
          <p class="field-error" id={`${id}-error`}>
            {m.t(problem)}
          </p>
        )}
        <input
          {...attributes}
          id={id}
          name={id}
          ref={inputs[id]}
          value={fields[id]}
          aria-invalid={problem === undefined ? undefined : 'true'}
          aria-describedby={describedBy === '' ? undefined : describedBy}
          onInput={(e) => {
            const value = e.currentTarget.value;
            setFields((f) => ({ ...f, [id]: value }));
          }}
        />
      </div>
    );
  };

  return (
    <section class="sign-in" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title" tabIndex={-1}>
        {m.t('signInTitle')}
      </h1>
      {notice !== undefined && <p class="notice">{m.t(notice)}</p>}
      <p>{m.t('signInIntro')}</p>
      {refusal !== undefined && (
        <p class="form-error" role="alert">
          {refusal}
        </p>
      )}
      <form method="post" noValidate onSubmit={(e) => void submit(e)}>
        {field('name', 'name', { type: 'text', autoComplete: 'username', spellcheck: false })}
        {field('password', 'password', { type: 'password', autoComplete: 'current-password' })}
        {field(
          'code',
          'code',
          { type: 'text', autoComplete: 'one-time-code', spellcheck: false, maxLength: 32 },
          'codeHint',
        )}
        <button type="submit" class="primary" disabled={busy}>
          {m.t(busy ? 'signingIn' : 'signIn')}
        </button>
      </form>
    </section>
  );
}
