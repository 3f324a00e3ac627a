// Enrolling the phone: it makes its own Ed25519 key (the private half never leaves it, and no
// script can read it out), and registers the public half with the one-time code the election
// office gave (POST /v1/elections/:election/enrolments). The code comes in the address the
// office's QR code holds, or is typed. The key is kept before it is sent: should the answer be
// lost on the way, the roster is asked whether it holds the key, and the phone carries on.
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { indexDefinition, localName, type DefinitionIndex } from '../../web/staff/definition.js';
import { definition as fetchDefinition, enrol, keyState, type ApiFailure } from './api.js';
import { deviceKeyName, deviceKeyOf, makeKeyPair } from './device_key.js';
import type { DeviceRecord, DeviceStore } from './device_store.js';
import {
  invitationInText,
  isCodeLike,
  isElectionId,
  normalisedCode,
  type Invitation,
} from './enrol_link.js';
import type { ReporterMessageKey, ReporterMessages } from './messages.js';

type FieldProblem = 'electionRequired' | 'electionFormat' | 'codeRequired' | 'codeFormat';

export function Enrol(props: {
  readonly m: ReporterMessages;
  readonly store: DeviceStore;
  /** What the address the phone opened holds (the office's QR code's), read once at start. */
  readonly invitation: Invitation;
  /** A key made for an enrolment whose answer never came. */
  readonly pending?: DeviceRecord;
  readonly onDefinition: (index: DefinitionIndex | undefined) => void;
  readonly onEnrolled: (device: DeviceRecord) => void;
}): JSX.Element {
  const { m, store, pending, invitation } = props;
  const [election, setElection] = useState(invitation.election ?? pending?.election ?? '');
  const [code, setCode] = useState(invitation.code ?? '');
  const [unit, setUnit] = useState(invitation.unit ?? pending?.unit ?? '');
  const [index, setIndex] = useState<DefinitionIndex | undefined>(undefined);
  const [problems, setProblems] = useState<{
    election?: FieldProblem;
    code?: FieldProblem;
  }>({});
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const failureRef = useRef<HTMLParagraphElement>(null);

  /** The election's definition, for its name, the unit's and the TEST mark. */
  const readDefinition = async (id: string): Promise<DefinitionIndex | undefined> => {
    const answer = await fetchDefinition(id);
    if (!answer.ok) return undefined;
    await store.saveDefinition(answer.value);
    const read = indexDefinition(answer.value);
    setIndex(read);
    props.onDefinition(read);
    return read;
  };
  useEffect(() => {
    if (invitation.election !== undefined) void readDefinition(invitation.election);
  }, []);

  /** The phone's enrolment, kept; the definition with it when the network gives it. */
  const enrolled = async (
    device: DeviceRecord,
    entry: number | undefined,
    certifiedFor: string,
  ): Promise<void> => {
    const done: DeviceRecord = {
      ...device,
      unit: certifiedFor,
      state: 'enrolled',
      ...(entry === undefined ? {} : { entry }),
      enrolledAt: new Date().toISOString(),
    };
    await store.saveDevice(done);
    if (index?.definition.id !== done.election) await readDefinition(done.election);
    props.onEnrolled(done);
  };

  /** Whether an enrolment whose answer was lost went through after all: the roster says. */
  const recovered = async (device: DeviceRecord): Promise<boolean> => {
    const state = await keyState(device.election, device.ref);
    if (!state.ok || state.value.state !== 'active') return false;
    await enrolled(device, device.entry, state.value.unit);
    return true;
  };
  useEffect(() => {
    if (pending?.state === 'pending') void recovered(pending);
  }, []);

  const say = (text: string): void => {
    setFailure(text);
    requestAnimationFrame(() => failureRef.current?.focus());
  };

  const failureText = (error: ApiFailure): string => {
    if (error.kind === 'unreachable') return m.t('enrolOffline');
    const known: Readonly<Record<string, ReporterMessageKey>> = {
      invalid_code: 'enrolInvalidCode',
      unknown_election: 'enrolUnknownElection',
      rate_limited: 'enrolRateLimited',
      no_enrolment_key: 'enrolNoEnrolmentKey',
    };
    const key = known[error.code];
    return key === undefined ? m.t('refused', { message: error.message }) : m.t(key);
  };

  const submit = async (): Promise<void> => {
    const id = election.trim();
    const found: { election?: FieldProblem; code?: FieldProblem } = {
      ...(id === ''
        ? { election: 'electionRequired' }
        : isElectionId(id)
          ? {}
          : { election: 'electionFormat' }),
      ...(code.trim() === ''
        ? { code: 'codeRequired' }
        : isCodeLike(code)
          ? {}
          : { code: 'codeFormat' }),
    };
    setProblems(found);
    setFailure(undefined);
    if (found.election !== undefined || found.code !== undefined) {
      requestAnimationFrame(() =>
        document.getElementById(found.election !== undefined ? 'election' : 'code')?.focus(),
      );
      return;
    }
    setBusy(true);
    try {
      // The key made for this election before (its answer lost, or its code refused) is used
      // again: a phone has one key.
      let device = pending?.election === id && pending.state === 'pending' ? pending : undefined;
      if (device === undefined) {
        const pair = await makeKeyPair();
        const key = await deviceKeyOf(deviceKeyName(unit === '' ? 'device' : unit), pair);
        device = {
          election: id,
          unit,
          name: key.name,
          keyId: key.keyId,
          publicKey: key.publicKey,
          privateKey: key.privateKey,
          verifierKey: key.verifierKey,
          ref: key.ref,
          state: 'pending',
        };
        await store.saveDevice(device);
      }
      const answer = await enrol(id, normalisedCode(code), device.verifierKey);
      // The roster names the key as the phone does, or the phone's reports would be refused.
      if (answer.ok && answer.value.ref === device.ref) {
        await enrolled(device, answer.value.entry, answer.value.unit);
        return;
      }
      if (answer.ok) {
        say(m.t('refused', { message: `the roster names the key ${answer.value.ref}` }));
        return;
      }
      if (answer.error.kind === 'refused' && answer.error.code === 'invalid_code') {
        if (await recovered(device)) return;
      }
      say(failureText(answer.error));
    } catch {
      // WebCrypto without Ed25519 (an old browser), or storage refused.
      say(m.t('enrolNoCrypto'));
    } finally {
      setBusy(false);
    }
  };

  const unitName = index !== undefined && unit !== '' ? index.unitName(unit, m.language) : unit;
  const fieldError = (which: 'election' | 'code'): JSX.Element | null => {
    const problem = problems[which];
    return problem === undefined ? null : (
      <p class="field-error" id={`${which}-error`}>
        {m.t(problem)}
      </p>
    );
  };

  return (
    <section aria-labelledby="enrol-title">
      <h1 id="enrol-title" tabIndex={-1}>
        {m.t('enrolTitle')}
      </h1>
      <p>{m.t('enrolIntro')}</p>
      {index !== undefined && (
        <p class="invitation">
          {unitName === ''
            ? m.t('enrolFor', { election: electionName(index, m.language) })
            : m.t('enrolForUnit', {
                unit: unitName,
                election: electionName(index, m.language),
              })}
        </p>
      )}
      {index === undefined && unit !== '' && invitation.election !== undefined && (
        <p class="invitation">{m.t('enrolForUnit', { unit, election: invitation.election })}</p>
      )}
      {pending?.state === 'pending' && <p class="notice">{m.t('enrolPending')}</p>}
      <form
        class="enrol-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div class="field">
          <label for="election">{m.t('electionId')}</label>
          <p class="hint" id="election-hint">
            {m.t('electionIdHint')}
          </p>
          <input
            id="election"
            type="text"
            autocomplete="off"
            autocapitalize="none"
            spellcheck={false}
            value={election}
            aria-describedby={
              problems.election === undefined ? 'election-hint' : 'election-hint election-error'
            }
            aria-invalid={problems.election === undefined ? undefined : 'true'}
            onInput={(e) => {
              setElection(e.currentTarget.value);
            }}
            onBlur={() => {
              const id = election.trim();
              if (isElectionId(id) && index?.definition.id !== id) void readDefinition(id);
            }}
          />
          {fieldError('election')}
        </div>
        <div class="field">
          <label for="code">{m.t('enrolmentCode')}</label>
          <p class="hint" id="code-hint">
            {m.t('enrolmentCodeHint')}
          </p>
          <input
            id="code"
            type="text"
            autocomplete="one-time-code"
            autocapitalize="characters"
            spellcheck={false}
            value={code}
            aria-describedby={problems.code === undefined ? 'code-hint' : 'code-hint code-error'}
            aria-invalid={problems.code === undefined ? undefined : 'true'}
            onInput={(e) => {
              const text = e.currentTarget.value;
              // A pasted enrolment address fills in the election and the unit too.
              const pasted = invitationInText(text);
              if (pasted.election !== undefined && pasted.code !== undefined) {
                setElection(pasted.election);
                setCode(pasted.code);
                if (pasted.unit !== undefined) setUnit(pasted.unit);
                void readDefinition(pasted.election);
                return;
              }
              setCode(text);
            }}
          />
          {fieldError('code')}
        </div>
        {failure !== undefined && (
          <p class="form-error" role="alert" tabIndex={-1} ref={failureRef}>
            {failure}
          </p>
        )}
        <button type="submit" class="primary" disabled={busy}>
          {busy ? m.t('enrolling') : m.t('enrol')}
        </button>
      </form>
    </section>
  );
}

/** The election's name in the reader's language (its definition's `name`). */
export function electionName(index: DefinitionIndex, language: string): string {
  return localName(index.definition.name, language, index.definition.languages);
}
