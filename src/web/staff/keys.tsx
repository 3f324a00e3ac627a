// Keys: the roster of an election's unit keys as it stands, the newest first or those of a unit
// found by name or id (a state has too many to list), each active or revoked with the log entries
// that certified and revoked it and who signed them. Admins certify a key for the unit, revoke
// one (asked twice), and make a one-time enrolment code for a device, shown once as text and as
// a QR code of the enrolment address with the code in its fragment.
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { throwIllegalValue } from '../../core/result.js';
import type {
  EnrolmentCode,
  Roster,
  RosterKey,
  RosterSignedBy,
  RosterStep,
  StaffApi,
} from './api.js';
import {
  Confirm,
  failureText,
  ShownOnce,
  TextField,
  timeText,
  type ScreenProps,
} from './common.js';
import { findUnits } from './definition.js';
import { codeForReading, enrolmentLink } from './enrolment_code.js';
import type { StaffMessageKey, StaffMessages } from './messages.js';
import { QrCode } from './qr_code.js';
import { UnitPicker } from './unit_picker.js';

export function signedByText(m: StaffMessages, by: RosterSignedBy): string {
  switch (by.type) {
    case 'authority':
      return m.t('signedByAuthority', { signer: by.signer });
    case 'delegation':
      return m.t('signedByDelegation', { signer: by.signer, delegation: by.delegation });
    default:
      return throwIllegalValue(by);
  }
}

function Step(props: { readonly m: StaffMessages; readonly step: RosterStep }): JSX.Element {
  const { m, step } = props;
  return (
    <>
      <span class="step">
        {m.t('rosterStep', { entry: step.entry, time: timeText(m, step.time) })}
      </span>{' '}
      <span class="step">{signedByText(m, step.signedBy)}</span>
      {step.by !== undefined && (
        <>
          {' '}
          <span class="step">{m.t('rosterStepBy', { name: step.by })}</span>
        </>
      )}
    </>
  );
}

export function Keys({
  m,
  api,
  session,
  election,
  definition,
  announce,
}: ScreenProps): JSX.Element {
  const lang = m.language;
  const admin = session.role === 'admin';
  const [choice, setChoice] = useState('');
  /** The unit whose keys are shown; none, and the newest of every unit are. */
  const [unit, setUnit] = useState<string | undefined>(undefined);
  const [roster, setRoster] = useState<Roster | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  /**
   * The enrolment code shown once, kept on screen whatever unit is shown until the admin says it
   * is handed over: it stays valid for a day, and cannot be shown again.
   */
  const [issued, setIssued] = useState<EnrolmentCode | undefined>(undefined);
  const listHeading = useRef<HTMLHeadingElement>(null);
  const makeButton = useRef<HTMLButtonElement>(null);
  /**
   * The unit shown as the state will be once rendered: a read started before an action's answer
   * came reads the unit shown by then, and an answer for a unit no longer shown is dropped.
   */
  const shown = useRef<string | undefined>(undefined);
  /** The latest read: an answer to an earlier one is dropped. */
  const reading = useRef(0);
  const unitLabel = (id: string): string =>
    m.t('unitOption', { name: definition.unitName(id, lang), id });
  // A code shown keeps the section of its unit on screen, whatever unit is shown beside it.
  const enrolUnit = issued?.unit ?? unit;

  /** Reads the keys of the unit shown now. */
  const load = async (): Promise<void> => {
    const of = shown.current;
    reading.current += 1;
    const mine = reading.current;
    const answer = await api.roster(election, of);
    if (mine !== reading.current || of !== shown.current) return;
    if (answer.ok) setRoster(answer.value);
    else setProblem(failureText(m, answer.error));
  };
  useEffect(() => {
    shown.current = undefined;
    setUnit(undefined);
    setRoster(undefined);
    setProblem(undefined);
    void load();
  }, [election]);

  const show = (of: string | undefined): void => {
    shown.current = of;
    setUnit(of);
    setRoster(undefined);
    setProblem(undefined);
    void load();
    requestAnimationFrame(() => listHeading.current?.focus());
  };

  const revoke = async (key: RosterKey): Promise<void> => {
    setProblem(undefined);
    const answer = await api.revokeKey(election, key.key);
    if (answer.ok) announce(m.t('keyRevokedAs', { key: key.ref, entry: answer.value.entry }));
    else setProblem(m.t('revokeRefused', { message: failureText(m, answer.error) }));
    await load();
    // The button is gone with the key's change: the list's heading takes the focus.
    listHeading.current?.focus();
  };

  return (
    <>
      <p>{m.t('keysIntro')}</p>
      <div class="desk keys-desk">
        <div class="keys-side">
          <section aria-labelledby="keys-unit-title">
            <h2 id="keys-unit-title">{m.t('keysUnitTitle')}</h2>
            <UnitPicker
              m={m}
              definition={definition}
              find={findUnits}
              id="keys-unit"
              words={{
                search: 'keysUnitSearch',
                choice: 'keysUnitChoice',
                required: 'keysUnitRequired',
                submit: 'showKeys',
              }}
              choice={choice}
              onChoice={setChoice}
              onChosen={show}
            />
          </section>

          {!admin ? (
            <p class="notice">
              {m.t('keysReadOnly', { role: m.t(`role_${session.role}` as StaffMessageKey) })}
            </p>
          ) : (
            <>
              {enrolUnit !== undefined && (
                <Enrol
                  key={`enrol ${enrolUnit}`}
                  m={m}
                  api={api}
                  election={election}
                  unit={enrolUnit}
                  unitLabel={unitLabel(enrolUnit)}
                  announce={announce}
                  issued={issued}
                  onIssued={setIssued}
                  makeButton={makeButton}
                  onHandedOver={() => {
                    setIssued(undefined);
                    // What the status line said of the code is no longer so.
                    announce('');
                    // The make button of the unit shown, or the list's heading if none is.
                    requestAnimationFrame(() =>
                      (makeButton.current ?? listHeading.current)?.focus(),
                    );
                  }}
                />
              )}
              {unit === undefined ? (
                <p class="notice">{m.t('keysChooseUnit')}</p>
              ) : (
                <Certify
                  key={`certify ${unit}`}
                  m={m}
                  api={api}
                  election={election}
                  unit={unit}
                  unitLabel={unitLabel(unit)}
                  announce={(text) => {
                    announce(text);
                    void load();
                  }}
                />
              )}
            </>
          )}
        </div>
        <section aria-labelledby="keys-list-title" class="detail">
          <h2 id="keys-list-title" ref={listHeading} tabIndex={-1}>
            {unit === undefined
              ? m.t('keysNewestTitle')
              : m.t('keysOfUnit', { unit: unitLabel(unit) })}
          </h2>
          {problem !== undefined && (
            <p class="form-error" role="alert">
              {problem}
            </p>
          )}
          <p class="list-tools">
            <button
              type="button"
              class="secondary"
              onClick={() => {
                setProblem(undefined);
                void load();
              }}
            >
              {m.t('refreshList')}
            </button>{' '}
            {unit !== undefined && (
              <button
                type="button"
                class="secondary"
                onClick={() => {
                  show(undefined);
                }}
              >
                {m.t('showNewestKeys')}
              </button>
            )}
          </p>
          {roster === undefined ? (
            problem === undefined && <p>{m.t('loading')}</p>
          ) : (
            <>
              <p class="meta">
                {roster.total > roster.keys.length
                  ? m.t('keysNewestOf', { shown: roster.keys.length, total: roster.total })
                  : m.t('keysCount', { count: roster.total })}
              </p>
              <ul class="key-list">
                {roster.keys.map((key) => (
                  <KeyItem
                    key={key.ref}
                    m={m}
                    rosterKey={key}
                    unitLabel={unitLabel(key.unit)}
                    admin={admin}
                    onRevoke={() => void revoke(key)}
                  />
                ))}
              </ul>
            </>
          )}
        </section>
      </div>
    </>
  );
}

function KeyItem(props: {
  readonly m: StaffMessages;
  readonly rosterKey: RosterKey;
  readonly unitLabel: string;
  readonly admin: boolean;
  readonly onRevoke: () => void;
}): JSX.Element {
  const { m, rosterKey: k } = props;
  return (
    <li class={k.state === 'revoked' ? 'revoked' : undefined}>
      <p class="key-ref">
        <code>{k.ref}</code>{' '}
        <span class={`key-state key-${k.state}`}>
          {m.t(k.state === 'active' ? 'keyActive' : 'keyRevoked')}
        </span>
      </p>
      <dl class="figures">
        <dt>{m.t('unitColumn')}</dt>
        <dd>{props.unitLabel}</dd>
        <dt>{m.t('certifiedColumn')}</dt>
        <dd>
          <Step m={m} step={k.certified} />
          {k.enrolment !== undefined && (
            <>
              {' '}
              <span class="step">{m.t('enrolledWithCode', { name: k.enrolment.codeBy })}</span>
            </>
          )}
        </dd>
        <dt>{m.t('revokedColumn')}</dt>
        <dd>{k.revoked === undefined ? m.t('notRevoked') : <Step m={m} step={k.revoked} />}</dd>
        <dt>{m.t('fullKey')}</dt>
        <dd>
          <code>{k.key}</code>
        </dd>
      </dl>
      {props.admin && k.state === 'active' && (
        <Confirm
          m={m}
          label={
            <>
              {m.t('revoke')}
              <span class="visually-hidden"> {k.ref}</span>
            </>
          }
          question={m.t('confirmRevoke', { key: k.ref, unit: props.unitLabel })}
          yes={m.t('revoke')}
          onYes={props.onRevoke}
        />
      )}
    </li>
  );
}

interface ActionProps {
  readonly m: StaffMessages;
  readonly api: StaffApi;
  readonly election: string;
  readonly unit: string;
  readonly unitLabel: string;
  readonly announce: (text: string) => void;
}

function Enrol(
  props: ActionProps & {
    /** The code shown once, if one is: the screen keeps it, not this section. */
    readonly issued: EnrolmentCode | undefined;
    readonly onIssued: (code: EnrolmentCode) => void;
    readonly onHandedOver: () => void;
    readonly makeButton: { current: HTMLButtonElement | null };
  },
): JSX.Element {
  const { m, api, election, unit, unitLabel, announce, issued } = props;
  const [refusal, setRefusal] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const codeHeading = useRef<HTMLHeadingElement>(null);

  const make = async (): Promise<void> => {
    if (busy) return;
    setBusy(true);
    setRefusal(undefined);
    const answer = await api.makeEnrolmentCode(election, unit);
    setBusy(false);
    if (!answer.ok) {
      setRefusal(m.t('codeRefused', { message: failureText(m, answer.error) }));
      return;
    }
    props.onIssued(answer.value);
    announce(m.t('codeMade', { unit: unitLabel }));
    requestAnimationFrame(() => codeHeading.current?.focus());
  };

  return (
    <section aria-labelledby="enrol-title">
      <h2 id="enrol-title">{m.t('enrolTitle', { unit: unitLabel })}</h2>
      <p>{m.t('enrolIntro')}</p>
      {refusal !== undefined && (
        <p class="form-error" role="alert">
          {refusal}
        </p>
      )}
      {issued === undefined ? (
        <button
          type="button"
          class="primary"
          ref={props.makeButton}
          disabled={busy}
          onClick={() => void make()}
        >
          {m.t(busy ? 'makingCode' : 'makeCode')}
        </button>
      ) : (
        <CodePanel
          m={m}
          issued={issued}
          unitLabel={unitLabel}
          headingRef={codeHeading}
          onDone={props.onHandedOver}
        />
      )}
    </section>
  );
}

function CodePanel(props: {
  readonly m: StaffMessages;
  readonly issued: EnrolmentCode;
  readonly unitLabel: string;
  readonly headingRef: { current: HTMLHeadingElement | null };
  readonly onDone: () => void;
}): JSX.Element {
  const { m, issued, unitLabel } = props;
  return (
    <div class="credentials enrolment-code">
      <h3 id="code-title" ref={props.headingRef} tabIndex={-1}>
        {m.t('codeTitle', { unit: unitLabel })}
      </h3>
      <ShownOnce warning={m.t('codeWarning')} done={m.t('codeDone')} onDone={props.onDone}>
        <dt>{m.t('enrolmentCode')}</dt>
        <dd>
          <code class="secret code-aloud">{codeForReading(issued.code)}</code>
        </dd>
        <dt>{m.t('codeExpires')}</dt>
        <dd>{m.t('codeExpiresAt', { time: timeText(m, issued.expiresAt) })}</dd>
        <dt>{m.t('enrolAddress')}</dt>
        <dd>
          <code>{`${location.origin}${issued.enrolPath}`}</code>
        </dd>
        <dt>{m.t('codeQr')}</dt>
        <dd>
          <QrCode
            text={enrolmentLink(location.origin, issued.enrolPath, issued.unit, issued.code)}
            label={m.t('codeQrLabel', { unit: unitLabel })}
          />
        </dd>
      </ShownOnce>
    </div>
  );
}

function Certify({ m, api, election, unit, unitLabel, announce }: ActionProps): JSX.Element {
  const [key, setKey] = useState('');
  const [missing, setMissing] = useState(false);
  const [refusal, setRefusal] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const keyInput = useRef<HTMLInputElement>(null);

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (busy) return;
    setRefusal(undefined);
    if (key.trim() === '') {
      setMissing(true);
      keyInput.current?.focus();
      return;
    }
    setMissing(false);
    setBusy(true);
    const answer = await api.certifyKey(election, { unit, key: key.trim() });
    setBusy(false);
    if (answer.ok) {
      setKey('');
      announce(
        m.t('keyCertified', { key: answer.value.ref, unit: unitLabel, entry: answer.value.entry }),
      );
    } else setRefusal(m.t('certifyRefused', { message: failureText(m, answer.error) }));
  };

  return (
    <section aria-labelledby="certify-title">
      <h2 id="certify-title">{m.t('certifyTitle', { unit: unitLabel })}</h2>
      {refusal !== undefined && (
        <p class="form-error" role="alert">
          {refusal}
        </p>
      )}
      <form method="post" noValidate onSubmit={(e) => void submit(e)}>
        <TextField
          id="certify-key"
          label={m.t('verifierKey')}
          hint={m.t('verifierKeyHint')}
          error={missing ? m.t('verifierKeyRequired') : undefined}
          value={key}
          onInput={setKey}
          maxLength={1000}
          spellcheck={false}
          inputRef={keyInput}
        />
        <button type="submit" class="primary" disabled={busy}>
          {m.t(busy ? 'certifying' : 'certify')}
        </button>
      </form>
    </section>
  );
}
