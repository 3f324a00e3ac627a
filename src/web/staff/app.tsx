// The staff application: the header (who is signed in, their role, sign-out, the language), the
// navigation between the screens the role may open, a TEST banner when the chosen election is a
// test, and the screen the address names (screens.ts). A 401 from any call ends the session here
// too: the reader returns to sign-in with a message, and after signing in again comes back to the
// same place.
import { LanguagePicker, rememberLanguage } from '../language_picker.js';
import type { JSX } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { StaffApi, type StaffSession } from './api.js';
import { ElectionChooser, failureText, type ScreenProps } from './common.js';
import { Contests } from './contests.js';
import { ControlRoom } from './control_room.js';
import { indexDefinition, type DefinitionIndex } from './definition.js';
import { Desk } from './desk.js';
import { Keys } from './keys.js';
import {
  chooseLanguage,
  StaffMessages,
  STAFF_LANGUAGES,
  isStaffLanguage,
  type StaffLanguage,
  type StaffMessageKey,
} from './messages.js';
import { Mismatches } from './mismatches.js';
import { PasswordChange } from './password.js';
import { Release } from './release.js';
import { ResultsDesk } from './results_desk.js';
import {
  addressOf,
  homeScreen,
  placeOf,
  SCREEN_ROLES,
  screensFor,
  type Place,
  type Screen,
} from './screens.js';
import { SignIn } from './sign_in.js';
import { StaffScreen } from './staff_members.js';

export { APP_ROOT, addressOf, placeOf, type Place } from './screens.js';

/** Where the chosen language is kept in the browser (not a cookie: the server has no use for it). */
const LANGUAGE_KEY = 'tally.staff.language';

/** Each screen's title (its heading, the navigation's link and the page's title). */
export const SCREEN_TITLES: Readonly<Record<Screen, StaffMessageKey>> = {
  'results-desk': 'resultsDeskTitle',
  mismatches: 'mismatchesTitle',
  review: 'deskTitle',
  'control-room': 'controlRoomTitle',
  release: 'releaseTitle',
  contests: 'contestsTitle',
  keys: 'keysTitle',
  staff: 'staffTitle',
  password: 'passwordTitle',
};

/** The screens about one election, which show the choice of election. */
const ELECTION_SCREENS: ReadonlySet<Screen> = new Set([
  'results-desk',
  'mismatches',
  'review',
  'control-room',
  'release',
  'contests',
  'keys',
]);

/** The screens about one election that need its definition, each given the same props. */
const DEFINITION_SCREENS: Readonly<
  Record<
    'results-desk' | 'mismatches' | 'control-room' | 'contests' | 'keys',
    (props: ScreenProps) => JSX.Element
  >
> = {
  'results-desk': ResultsDesk,
  mismatches: Mismatches,
  'control-room': ControlRoom,
  contests: Contests,
  keys: Keys,
};

function storedLanguage(): string | null {
  try {
    return localStorage.getItem(LANGUAGE_KEY);
  } catch {
    // Storage may be off (a private window's policy): the choice then lasts for the page.
    return null;
  }
}

function initialLanguage(): StaffLanguage {
  return chooseLanguage({
    query: new URLSearchParams(location.search).get('lang'),
    stored: storedLanguage(),
    preferred: navigator.languages.length > 0 ? navigator.languages : [navigator.language],
  });
}

export function App(): JSX.Element {
  const [language, setLanguage] = useState<StaffLanguage>(initialLanguage);
  const m = useMemo(() => new StaffMessages(language), [language]);
  const [place, setPlace] = useState<Place>(() => placeOf(location.pathname, location.search));
  const [session, setSession] = useState<StaffSession | undefined | 'checking'>('checking');
  const [notice, setNotice] = useState<StaffMessageKey | undefined>(undefined);
  const [status, setStatus] = useState('');
  const [elections, setElections] = useState<readonly string[] | undefined>(undefined);
  const [definition, setDefinition] = useState<
    { readonly election: string; readonly index: DefinitionIndex } | undefined
  >(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const sessionRef = useRef<StaffSession | undefined | 'checking'>('checking');
  sessionRef.current = session;

  const api = useMemo(
    () =>
      new StaffApi(() => {
        // A 401 while signed in: the session ended (idle, expired, or signed out elsewhere).
        if (typeof sessionRef.current !== 'object') return;
        setSession(undefined);
        setNotice('sessionExpired');
      }),
    [],
  );

  const go = (next: Place, replace = false): void => {
    // What was said on one screen is not news on another.
    if (next.screen !== place.screen) setStatus('');
    const address = addressOf(next, location.search);
    if (replace) history.replaceState(null, '', address);
    else history.pushState(null, '', address);
    setPlace(next);
  };

  useEffect(() => {
    const onPop = (): void => {
      setPlace(placeOf(location.pathname, location.search));
    };
    addEventListener('popstate', onPop);
    void api.session().then((answer) => {
      setSession(answer.ok ? answer.value : undefined);
      if (!answer.ok && place.screen !== 'home') setNotice('signInFirst');
    });
    return () => {
      removeEventListener('popstate', onPop);
    };
    // Once: the session is read when the application starts, then kept by the calls' answers.
  }, []);

  const signedIn = typeof session === 'object' ? session : undefined;
  // Signed in at the application's root: on to the role's first screen.
  useEffect(() => {
    if (signedIn !== undefined && place.screen === 'home')
      go({ ...place, screen: homeScreen(signedIn.role) }, true);
  }, [signedIn, place]);

  // The elections, once signed in; with one alone there is nothing to choose.
  useEffect(() => {
    if (signedIn === undefined) return;
    void api.elections().then((answer) => {
      if (!answer.ok) {
        setProblem(failureText(m, answer.error));
        return;
      }
      setElections(answer.value);
    });
  }, [signedIn?.name]);
  useEffect(() => {
    const [only] = elections ?? [];
    if (elections?.length === 1 && only !== undefined && place.election === undefined)
      go({ ...place, election: only, entry: undefined }, true);
  }, [elections, place]);

  // The chosen election's definition: its names, its ballots, whether it is a test.
  useEffect(() => {
    const election = place.election;
    if (signedIn === undefined || election === undefined) return;
    if (definition?.election === election) return;
    void api.definition(election).then((answer) => {
      if (answer.ok) setDefinition({ election, index: indexDefinition(answer.value) });
      else setProblem(failureText(m, answer.error));
    });
  }, [signedIn?.name, place.election]);
  const index = definition?.election === place.election ? definition?.index : undefined;

  const screen: Screen | undefined =
    signedIn === undefined || place.screen === 'home' ? undefined : place.screen;
  const allowed =
    screen !== undefined && signedIn !== undefined
      ? SCREEN_ROLES[screen].includes(signedIn.role)
      : false;
  const view = session === 'checking' ? 'checking' : signedIn === undefined ? 'sign-in' : screen;
  // Before the browser paints, so that <html lang> and the title never lag behind the words shown.
  useLayoutEffect(() => {
    document.documentElement.lang = language;
    const title =
      view === 'checking' || view === undefined
        ? m.t('loading')
        : view === 'sign-in'
          ? m.t('signInTitle')
          : m.t(SCREEN_TITLES[view]);
    document.title = `${index?.definition.test === true ? `${m.t('testMark')} – ` : ''}${title} – ${m.t('appTitle')}`;
  }, [language, view, m, index]);

  // A new screen takes the focus to its heading, so that a screen reader starts there.
  const firstScreen = useRef(true);
  useEffect(() => {
    if (view === 'checking' || view === undefined) return;
    if (firstScreen.current) {
      firstScreen.current = false;
      return;
    }
    document.querySelector<HTMLElement>('main h1')?.focus();
  }, [view]);

  const chooseLanguageNow = (next: string): void => {
    if (!isStaffLanguage(next)) return;
    rememberLanguage(LANGUAGE_KEY, next);
    setLanguage(next);
  };

  const signOut = async (): Promise<void> => {
    await api.signOut();
    setSession(undefined);
    setNotice('signedOut');
    setElections(undefined);
    go({ screen: 'home', election: undefined, entry: undefined });
  };

  const election = place.election;
  const needsElection = screen !== undefined && ELECTION_SCREENS.has(screen);
  return (
    <>
      <a class="skip" href="#main">
        {m.t('skipToMain')}
      </a>
      <header class="top">
        <p class="app-name">{m.t('appTitle')}</p>
        {signedIn !== undefined && (
          <p class="who">
            <span>{m.t('signedInAs', { name: signedIn.name })}</span>{' '}
            <span class="role">
              {m.t('roleLabel', { role: m.t(`role_${signedIn.role}` as StaffMessageKey) })}
            </span>
          </p>
        )}
        <div class="tools">
          <LanguagePicker
            label={m.t('language')}
            language={language}
            languages={STAFF_LANGUAGES}
            onChoose={chooseLanguageNow}
          />
          {signedIn !== undefined && (
            <button type="button" class="secondary" onClick={() => void signOut()}>
              {m.t('signOut')}
            </button>
          )}
        </div>
      </header>
      {signedIn !== undefined && (
        <nav class="screens" aria-label={m.t('navLabel')}>
          <ul>
            {screensFor(signedIn.role).map((s) => (
              <li key={s}>
                <a
                  href={addressOf({ screen: s, election, entry: undefined }, location.search)}
                  aria-current={s === screen ? 'page' : undefined}
                  onClick={(e) => {
                    if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
                    e.preventDefault();
                    go({ screen: s, election, entry: undefined });
                  }}
                >
                  {m.t(SCREEN_TITLES[s])}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {signedIn !== undefined && index?.definition.test === true && (
        <p class="test-banner">
          <strong>{m.t('testMark')}</strong> {m.t('testBanner', { election: index.definition.id })}
        </p>
      )}
      <main id="main" tabIndex={-1}>
        <p class="status-line" role="status">
          {status}
        </p>
        {view === 'checking' && <p>{m.t('loading')}</p>}
        {view === 'sign-in' && (
          <SignIn
            m={m}
            api={api}
            notice={notice}
            onSignedIn={(s) => {
              setNotice(undefined);
              setStatus('');
              setSession(s);
            }}
          />
        )}
        {signedIn !== undefined && screen !== undefined && (
          <>
            <h1 tabIndex={-1}>{m.t(SCREEN_TITLES[screen])}</h1>
            {!allowed && <p class="notice">{m.t('notForRole')}</p>}
            {problem !== undefined && (
              <p class="form-error" role="alert">
                {problem}
              </p>
            )}
            {allowed && needsElection && (
              <ElectionChooser
                m={m}
                elections={elections}
                election={election}
                choose={(chosen) => {
                  go({ screen, election: chosen, entry: undefined });
                }}
              />
            )}
            {allowed && (
              <ScreenView
                screen={screen}
                m={m}
                api={api}
                session={signedIn}
                place={place}
                definition={index}
                go={go}
                announce={setStatus}
                onSession={setSession}
              />
            )}
          </>
        )}
      </main>
    </>
  );
}

function ScreenView(props: {
  readonly screen: Screen;
  readonly m: StaffMessages;
  readonly api: StaffApi;
  readonly session: StaffSession;
  readonly place: Place;
  readonly definition: DefinitionIndex | undefined;
  readonly go: (place: Place) => void;
  readonly announce: (text: string) => void;
  readonly onSession: (session: StaffSession) => void;
}): JSX.Element | null {
  const { screen, m, api, session, place, definition, announce } = props;
  const election = place.election;
  switch (screen) {
    case 'password':
      return <PasswordChange m={m} api={api} onChanged={props.onSession} announce={announce} />;
    case 'staff':
      return <StaffScreen m={m} api={api} session={session} announce={announce} />;
    case 'review':
      return (
        <Desk
          m={m}
          api={api}
          session={session}
          place={place}
          go={(next) => {
            props.go({ ...next, screen: 'review' });
          }}
          announce={announce}
          definition={definition}
        />
      );
    case 'release':
      return election === undefined ? null : (
        <Release m={m} api={api} session={session} election={election} announce={announce} />
      );
    case 'results-desk':
    case 'mismatches':
    case 'control-room':
    case 'contests':
    case 'keys': {
      if (election === undefined) return null;
      if (definition === undefined) return <p>{m.t('loading')}</p>;
      const View = DEFINITION_SCREENS[screen];
      return (
        <View
          m={m}
          api={api}
          session={session}
          election={election}
          definition={definition}
          announce={announce}
        />
      );
    }
  }
}
