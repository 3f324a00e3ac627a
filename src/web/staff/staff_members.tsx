// Staff accounts: admins list the members (role, locked, disabled), add one, disable, enable or
// reset one. A new or reset member's sign-in details (password, TOTP secret as text and as a QR
// code of its otpauth:// address, recovery codes) are shown once, with the warning that they
// cannot be shown again. Admins and auditors read the record of changes to accounts.
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  STAFF_ROLES,
  type Credentials,
  type Member,
  type StaffApi,
  type StaffEvent,
  type StaffRole,
} from './api.js';
import {
  Confirm,
  failureText,
  ListState,
  ShownOnce,
  TextField,
  timeText,
  type ScreenProps,
} from './common.js';
import type { StaffMessageKey, StaffMessages } from './messages.js';
import { QrCode } from './qr_code.js';

type Props = Pick<ScreenProps, 'm' | 'api' | 'session' | 'announce'>;

const roleName = (m: StaffMessages, role: StaffRole): string =>
  m.t(`role_${role}` as StaffMessageKey);

export function StaffScreen({ m, api, session, announce }: Props): JSX.Element {
  const [changes, setChanges] = useState(0);
  return (
    <>
      {session.role === 'admin' && (
        <Members
          m={m}
          api={api}
          session={session}
          announce={(text) => {
            announce(text);
            setChanges(changes + 1);
          }}
        />
      )}
      <Events m={m} api={api} changes={changes} />
    </>
  );
}

function Members({ m, api, session, announce }: Props): JSX.Element {
  const [members, setMembers] = useState<readonly Member[] | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [credentials, setCredentials] = useState<Credentials | undefined>(undefined);
  const credentialsHeading = useRef<HTMLHeadingElement>(null);

  const load = async (): Promise<void> => {
    const answer = await api.members();
    if (answer.ok) setMembers(answer.value);
    else setProblem(failureText(m, answer.error));
  };
  useEffect(() => {
    void load();
  }, []);

  const show = (c: Credentials, text: string): void => {
    setCredentials(c);
    announce(text);
    void load();
    requestAnimationFrame(() => credentialsHeading.current?.focus());
  };

  const act = async (member: Member, action: 'disable' | 'enable' | 'reset'): Promise<void> => {
    setProblem(undefined);
    if (action === 'reset') {
      const answer = await api.resetMember(member.name);
      if (answer.ok) show(answer.value, m.t('memberReset', { name: member.name }));
      else setProblem(m.t('actionRefused', { message: failureText(m, answer.error) }));
      return;
    }
    const answer = await api.setMemberEnabled(member.name, action === 'enable');
    if (answer.ok) {
      announce(
        m.t(action === 'enable' ? 'memberEnabled' : 'memberDisabled', { name: member.name }),
      );
      void load();
    } else setProblem(m.t('actionRefused', { message: failureText(m, answer.error) }));
  };

  return (
    <>
      {credentials !== undefined && (
        <CredentialsPanel
          m={m}
          credentials={credentials}
          headingRef={credentialsHeading}
          onDone={() => {
            setCredentials(undefined);
          }}
        />
      )}
      <section aria-labelledby="members-title">
        <h2 id="members-title">{m.t('membersTitle')}</h2>
        {problem !== undefined && (
          <p class="form-error" role="alert">
            {problem}
          </p>
        )}
        {members === undefined ? (
          <p>{m.t('loading')}</p>
        ) : (
          <div class="table-scroll">
            <table class="list members">
              <caption class="visually-hidden">{m.t('membersTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{m.t('name')}</th>
                  <th scope="col">{m.t('roleColumn')}</th>
                  <th scope="col">{m.t('stateColumn')}</th>
                  <th scope="col">{m.t('actionsColumn')}</th>
                </tr>
              </thead>
              <tbody>
                {members.map((member) => (
                  <tr key={member.name} class={member.disabled ? 'disabled' : undefined}>
                    <th scope="row">{member.name}</th>
                    <td>{roleName(m, member.role)}</td>
                    <td>
                      {member.disabled
                        ? m.t('stateDisabled')
                        : member.locked
                          ? m.t('stateLocked')
                          : m.t('stateActive')}
                    </td>
                    <td class="actions">
                      {member.name !== session.name &&
                        (member.disabled ? (
                          <button
                            type="button"
                            class="secondary"
                            onClick={() => void act(member, 'enable')}
                          >
                            {m.t('enable')}
                            <span class="visually-hidden"> {member.name}</span>
                          </button>
                        ) : (
                          <Confirm
                            m={m}
                            label={
                              <>
                                {m.t('disable')}
                                <span class="visually-hidden"> {member.name}</span>
                              </>
                            }
                            question={m.t('confirmDisable', { name: member.name })}
                            yes={m.t('disable')}
                            onYes={() => void act(member, 'disable')}
                          />
                        ))}{' '}
                      <Confirm
                        m={m}
                        label={
                          <>
                            {m.t('reset')}
                            <span class="visually-hidden"> {member.name}</span>
                          </>
                        }
                        question={m.t('confirmReset', { name: member.name })}
                        yes={m.t('reset')}
                        onYes={() => void act(member, 'reset')}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <AddMember
        m={m}
        api={api}
        onAdded={(c) => {
          show(c, m.t('memberAdded', { name: c.name }));
        }}
      />
    </>
  );
}

function AddMember(props: {
  readonly m: StaffMessages;
  readonly api: StaffApi;
  readonly onAdded: (credentials: Credentials) => void;
}): JSX.Element {
  const { m } = props;
  const [name, setName] = useState('');
  const [role, setRole] = useState<StaffRole>('desk');
  const [missing, setMissing] = useState(false);
  const [refusal, setRefusal] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const nameInput = useRef<HTMLInputElement>(null);

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (busy) return;
    setRefusal(undefined);
    if (name.trim() === '') {
      setMissing(true);
      nameInput.current?.focus();
      return;
    }
    setMissing(false);
    setBusy(true);
    const answer = await props.api.addMember({ name: name.trim(), role });
    setBusy(false);
    if (answer.ok) {
      setName('');
      props.onAdded(answer.value);
    } else setRefusal(m.t('actionRefused', { message: failureText(m, answer.error) }));
  };

  return (
    <section aria-labelledby="add-title" class="narrow">
      <h2 id="add-title">{m.t('addTitle')}</h2>
      {refusal !== undefined && (
        <p class="form-error" role="alert">
          {refusal}
        </p>
      )}
      <form method="post" noValidate onSubmit={(e) => void submit(e)}>
        <TextField
          id="member-name"
          label={m.t('name')}
          error={missing ? m.t('memberNameRequired') : undefined}
          value={name}
          onInput={setName}
          maxLength={200}
          inputRef={nameInput}
        />
        <div class="field">
          <label for="member-role">{m.t('roleColumn')}</label>
          <select
            id="member-role"
            value={role}
            onChange={(e) => {
              const next = STAFF_ROLES.find((r) => r === e.currentTarget.value);
              if (next !== undefined) setRole(next);
            }}
          >
            {STAFF_ROLES.map((r) => (
              <option key={r} value={r}>
                {roleName(m, r)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="primary" disabled={busy}>
          {m.t(busy ? 'adding' : 'add')}
        </button>
      </form>
    </section>
  );
}

function CredentialsPanel(props: {
  readonly m: StaffMessages;
  readonly credentials: Credentials;
  readonly headingRef: { current: HTMLHeadingElement | null };
  readonly onDone: () => void;
}): JSX.Element {
  const { m, credentials: c } = props;
  return (
    <section class="credentials" aria-labelledby="credentials-title">
      <h2 id="credentials-title" ref={props.headingRef} tabIndex={-1}>
        {m.t('credentialsTitle', { name: c.name })}
      </h2>
      <ShownOnce
        warning={m.t('credentialsWarning', { name: c.name })}
        done={m.t('credentialsDone')}
        onDone={props.onDone}
      >
        <dt>{m.t('name')}</dt>
        <dd>
          <code>{c.name}</code> ({roleName(m, c.role)})
        </dd>
        <dt>{m.t('password')}</dt>
        <dd>
          <code class="secret">{c.password}</code>
        </dd>
        <dt>{m.t('totpSecret')}</dt>
        <dd>
          <code class="secret">{c.totpSecret}</code>
        </dd>
        <dt>{m.t('totpQr')}</dt>
        <dd>
          <QrCode text={c.totpUri} label={m.t('totpQrLabel', { name: c.name })} />
        </dd>
        <dt>{m.t('recoveryCodes')}</dt>
        <dd>
          <ol class="codes">
            {c.recoveryCodes.map((code) => (
              <li key={code}>
                <code>{code}</code>
              </li>
            ))}
          </ol>
        </dd>
      </ShownOnce>
    </section>
  );
}

function Events(props: {
  readonly m: StaffMessages;
  readonly api: StaffApi;
  /** Read again when this changes (after a change made here). */
  readonly changes: number;
}): JSX.Element {
  const { m, api } = props;
  const [events, setEvents] = useState<readonly StaffEvent[] | undefined>(undefined);
  const [next, setNext] = useState<number | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);

  const load = async (before?: number): Promise<void> => {
    const answer = await api.events(before);
    if (!answer.ok) {
      setProblem(failureText(m, answer.error));
      return;
    }
    setProblem(undefined);
    setEvents(
      before === undefined ? answer.value.events : [...(events ?? []), ...answer.value.events],
    );
    setNext(answer.value.next);
  };
  useEffect(() => {
    void load();
  }, [props.changes]);

  return (
    <section aria-labelledby="events-title">
      <h2 id="events-title">{m.t('eventsTitle')}</h2>
      <p class="meta">{m.t('eventsIntro')}</p>
      <ListState m={m} items={events} none={m.t('eventsNone')} error={problem}>
        {(items) => (
          <div class="table-scroll">
            <table class="list">
              <caption class="visually-hidden">{m.t('eventsTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{m.t('whenColumn')}</th>
                  <th scope="col">{m.t('whoColumn')}</th>
                  <th scope="col">{m.t('whatColumn')}</th>
                  <th scope="col">{m.t('whomColumn')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((e) => (
                  <tr key={e.id}>
                    <td>{timeText(m, e.at)}</td>
                    <td>{e.actor ?? m.t('commandLine')}</td>
                    <td>{m.t(`event_${e.action}` as StaffMessageKey)}</td>
                    <td>{e.subject}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </ListState>
      {next !== undefined && (
        <button type="button" class="secondary" onClick={() => void load(next)}>
          {m.t('olderEvents')}
        </button>
      )}
    </section>
  );
}
