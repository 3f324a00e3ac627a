// The release of an election's results to the public site: its state for everyone, and for
// admins "Release results now", asked twice. Before the release the public site shows nothing.
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ReleaseState } from './api.js';
import { Confirm, failureText, timeText, type ScreenProps } from './common.js';
import type { StaffMessages } from './messages.js';

/** The sentences that say where a release stands. */
export function releaseSentences(
  m: StaffMessages,
  state: Pick<ReleaseState, 'waitsForRelease' | 'releaseAt' | 'releasedAt'>,
): string[] {
  if (!state.waitsForRelease) return [m.t('releaseNotNeeded')];
  if (state.releasedAt !== undefined) return [m.t('releasedAs', { entry: state.releasedAt })];
  return [
    m.t('notReleased'),
    state.releaseAt === undefined
      ? m.t('releaseByAdmin')
      : m.t('releaseAtTime', { time: timeText(m, state.releaseAt) }),
  ];
}

export function Release(props: Omit<ScreenProps, 'definition'>): JSX.Element {
  const { m, api, election } = props;
  const [state, setState] = useState<ReleaseState | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  const load = async (): Promise<void> => {
    const answer = await api.releaseState(election);
    if (answer.ok) setState(answer.value);
    else setProblem(failureText(m, answer.error));
  };
  useEffect(() => {
    setState(undefined);
    setProblem(undefined);
    void load();
  }, [election]);

  const release = async (): Promise<void> => {
    setBusy(true);
    setProblem(undefined);
    const answer = await api.releaseNow(election);
    setBusy(false);
    if (answer.ok) props.announce(m.t('released', { entry: answer.value }));
    else setProblem(m.t('releaseRefused', { message: failureText(m, answer.error) }));
    await load();
  };

  return (
    <section aria-labelledby="release-state-title" class="narrow">
      <h2 id="release-state-title">{m.t('releaseStateTitle')}</h2>
      {problem !== undefined && (
        <p class="form-error" role="alert">
          {problem}
        </p>
      )}
      {state === undefined ? (
        <p>{m.t('loading')}</p>
      ) : (
        <>
          {releaseSentences(m, state).map((s) => (
            <p
              key={s}
              class={state.releasedAt === undefined ? 'release-state' : 'release-state done'}
            >
              {s}
            </p>
          ))}
          {state.waitsForRelease &&
            state.releasedAt === undefined &&
            (props.session.role === 'admin' ? (
              <Confirm
                m={m}
                buttonClass="primary"
                label={m.t('releaseNow')}
                question={m.t('releaseConfirm', { election })}
                yes={m.t('releaseYes')}
                busy={busy}
                onYes={() => void release()}
              />
            ) : (
              <p class="meta">{m.t('releaseAdminOnly')}</p>
            ))}
        </>
      )}
    </section>
  );
}
