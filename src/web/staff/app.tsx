// The staff application: the header (who is signed in, their role, sign-out, the language) and the
// screen the address names, /staff/app/ (sign-in, or on to the desk) or /staff/app/review. A 401
// from any call ends the session here too: the reader returns to sign-in with a message, and
// after signing in again comes back to the same place.
import type { JSX } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { StaffApi, type StaffSession } from './api.js';
import { Desk, type DeskPlace } from './desk.js';
import {
  chooseLanguage,
  StaffMessages,
  STAFF_LANGUAGES,
  isStaffLanguage,
  type StaffLanguage,
  type StaffMessageKey,
} from './messages.js';
import { SignIn } from './sign_in.js';

export const APP_ROOT = '/staff/app/';
const REVIEW_PATH = `${APP_ROOT}review`;
/** Where the chosen language is kept in the browser (not a cookie: the server has no use for it). */
const LANGUAGE_KEY = 'tally.staff.language';

/** What the address names: the screen, and on the desk the election and held entry. */
export interface Place extends DeskPlace {
  readonly screen: 'home' | 'review';
}

export function placeOf(pathname: string, search: string): Place {
  const query = new URLSearchParams(search);
  const entry = Number(query.get('entry') ?? '');
  return {
    screen: pathname === REVIEW_PATH ? 'review' : 'home',
    election: query.get('election') ?? undefined,
    entry: query.has('entry') && Number.isSafeInteger(entry) && entry >= 0 ? entry : undefined,
  };
}

/** The address of a place, keeping the other parameters of `search` (the language). */
export function addressOf(place: Place, search: string): string {
  const query = new URLSearchParams(search);
  for (const [key, value] of [
    ['election', place.election],
    ['entry', place.entry === undefined ? undefined : String(place.entry)],
  ] as const) {
    if (value === undefined) query.delete(key);
    else query.set(key, value);
  }
  const rest = query.toString();
  return `${place.screen === 'review' ? REVIEW_PATH : APP_ROOT}${rest === '' ? '' : `?${rest}`}`;
}

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
      if (!answer.ok && place.screen === 'review') setNotice('signInFirst');
    });
    return () => {
      removeEventListener('popstate', onPop);
    };
    // Once: the session is read when the application starts, then kept by the calls' answers.
  }, []);

  const signedIn = typeof session === 'object' ? session : undefined;
  // Signed in at the application's root: on to the desk.
  useEffect(() => {
    if (signedIn !== undefined && place.screen === 'home') go({ ...place, screen: 'review' }, true);
  }, [signedIn, place]);

  const screen = session === 'checking' ? 'checking' : signedIn === undefined ? 'sign-in' : 'desk';
  useEffect(() => {
    document.documentElement.lang = language;
    const title = screen === 'desk' ? m.t('deskTitle') : m.t('signInTitle');
    document.title = `${title} – ${m.t('appTitle')}`;
  }, [language, screen, m]);

  // A new screen takes the focus to its heading, so that a screen reader starts there.
  const firstScreen = useRef(true);
  useEffect(() => {
    if (screen === 'checking') return;
    if (firstScreen.current) {
      firstScreen.current = false;
      return;
    }
    document.querySelector<HTMLElement>('main h1')?.focus();
  }, [screen]);

  const chooseLanguageNow = (next: string): void => {
    if (!isStaffLanguage(next)) return;
    try {
      localStorage.setItem(LANGUAGE_KEY, next);
    } catch {
      // Kept for this page only.
    }
    // The address's language would win over the stored one at the next load: it follows.
    const query = new URLSearchParams(location.search);
    if (query.has('lang')) {
      query.set('lang', next);
      history.replaceState(null, '', `${location.pathname}?${query.toString()}`);
    }
    setLanguage(next);
  };

  const signOut = async (): Promise<void> => {
    await api.signOut();
    setSession(undefined);
    setNotice('signedOut');
    go({ screen: 'home', election: undefined, entry: undefined });
  };

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
          <label for="language">{m.t('language')}</label>
          <select
            id="language"
            value={language}
            onChange={(e) => {
              chooseLanguageNow(e.currentTarget.value);
            }}
          >
            {Object.entries(STAFF_LANGUAGES).map(([code, { name }]) => (
              <option key={code} value={code} lang={code}>
                {name}
              </option>
            ))}
          </select>
          {signedIn !== undefined && (
            <button type="button" class="secondary" onClick={() => void signOut()}>
              {m.t('signOut')}
            </button>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <p class="status-line" role="status">
          {status}
        </p>
        {screen === 'checking' && <p>{m.t('loading')}</p>}
        {screen === 'sign-in' && (
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
        {signedIn !== undefined && place.screen === 'review' && (
          <Desk
            m={m}
            api={api}
            session={signedIn}
            place={place}
            go={(next) => {
              go({ ...next, screen: 'review' });
            }}
            announce={setStatus}
          />
        )}
      </main>
    </>
  );
}
