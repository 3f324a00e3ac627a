// The precinct reporter app: the header (its name and the language), a TEST banner on every
// screen of a test or practice election, and the screen the phone is at: enrolment until the
// phone holds a key the roster certified, then its unit's report, the outbox (what waits for the
// network, said plainly) and the reports sent, each with its receipt and the check of its proof.
import { LanguagePicker, rememberLanguage } from '../language_picker.js';
import type { JSX } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { indexDefinition, type DefinitionIndex } from '../../web/staff/definition.js';
import { definition as fetchDefinition, keyState } from './api.js';
import { Courier } from './courier.js';
import { DeviceStore, type DeviceRecord } from './device_store.js';
import { Enrol } from './enrol.js';
import { invitationInAddress } from './enrol_link.js';
import {
  chooseLanguage,
  isReporterLanguage,
  REPORTER_LANGUAGES,
  ReporterMessages,
  type ReporterLanguage,
} from './messages.js';
import type { OutboxItem, SentRecord } from './outbox.js';
import { ReportScreen } from './report.js';
import { SentReports } from './sent.js';

/** Where the chosen language is kept (not a cookie: the server has no use for it). */
const LANGUAGE_KEY = 'tally.reporter.language';
/** How often the outbox is tried while something waits, beside the browser's `online` event. */
const RETRY_EVERY_MS = 15_000;
/** How soon a receipt's proof is asked for again while no checkpoint covers it (within 1 s). */
const PROOF_AGAIN_MS = 2_000;

function storedLanguage(): string | null {
  try {
    return localStorage.getItem(LANGUAGE_KEY);
  } catch {
    return null;
  }
}

function initialLanguage(): ReporterLanguage {
  return chooseLanguage({
    query: new URLSearchParams(location.search).get('lang'),
    stored: storedLanguage(),
    preferred: navigator.languages.length > 0 ? navigator.languages : [navigator.language],
  });
}

type Phase =
  | { readonly type: 'opening' }
  /** IndexedDB is not there (a private window may refuse it): the app cannot keep a key. */
  | { readonly type: 'no-storage' }
  | { readonly type: 'enrol'; readonly store: DeviceStore; readonly pending?: DeviceRecord }
  | {
      readonly type: 'report';
      readonly store: DeviceStore;
      readonly device: DeviceRecord;
      readonly index?: DefinitionIndex;
    };

export function App(): JSX.Element {
  const [language, setLanguage] = useState<ReporterLanguage>(initialLanguage);
  // Read once, then dropped from the address: the code the fragment holds stays in no history.
  const [invitation] = useState(() => invitationInAddress(location.search, location.hash));
  useEffect(() => {
    if (location.hash !== '')
      history.replaceState(null, '', `${location.pathname}${location.search}`);
  }, []);
  const m = useMemo(() => new ReporterMessages(language), [language]);
  const [phase, setPhase] = useState<Phase>({ type: 'opening' });
  /** The definition of the election being enrolled for, once known: its names and TEST mark. */
  const [enrolling, setEnrolling] = useState<DefinitionIndex | undefined>(undefined);
  const [waiting, setWaiting] = useState<readonly OutboxItem[]>([]);
  const [sent, setSent] = useState<readonly SentRecord[]>([]);
  const [sending, setSending] = useState(false);
  const [online, setOnline] = useState(navigator.onLine);
  const [revoked, setRevoked] = useState(false);
  const courier = useRef<Courier | undefined>(undefined);

  const store = phase.type === 'enrol' || phase.type === 'report' ? phase.store : undefined;

  const refresh = async (): Promise<void> => {
    if (store === undefined) return;
    setWaiting(await store.waiting());
    setSent(await store.sent());
  };

  // The phone's store, and what it holds: a key, and the definition of its election.
  useEffect(() => {
    void (async () => {
      let opened: DeviceStore;
      try {
        opened = await DeviceStore.open();
      } catch {
        setPhase({ type: 'no-storage' });
        return;
      }
      const device = await opened.device();
      if (device?.state !== 'enrolled') {
        setPhase({
          type: 'enrol',
          store: opened,
          ...(device === undefined ? {} : { pending: device }),
        });
        return;
      }
      await openReport(opened, device);
    })();
  }, []);

  const openReport = async (opened: DeviceStore, device: DeviceRecord): Promise<void> => {
    const definition = await opened.definition(device.election);
    setPhase({
      type: 'report',
      store: opened,
      device,
      ...(definition === undefined ? {} : { index: indexDefinition(definition) }),
    });
  };

  // The outbox is sent at start, when the network comes back, when the app is looked at again,
  // and every little while something waits: a browser's `online` is a hint, not a promise.
  useEffect(() => {
    if (phase.type !== 'report') return;
    // The outbox must outlive the browser's clean-ups when the phone runs short of space.
    void navigator.storage.persist().catch(() => false);
    const c = new Courier(phase.store, () => void refresh());
    courier.current = c;
    const go = (): void => {
      setSending(true);
      void c.run().finally(() => {
        setSending(false);
      });
    };
    const onOnline = (): void => {
      setOnline(true);
      go();
    };
    const onOffline = (): void => {
      setOnline(false);
    };
    const onVisible = (): void => {
      if (document.visibilityState === 'visible') go();
    };
    addEventListener('online', onOnline);
    addEventListener('offline', onOffline);
    document.addEventListener('visibilitychange', onVisible);
    void refresh();
    go();
    return () => {
      removeEventListener('online', onOnline);
      removeEventListener('offline', onOffline);
      document.removeEventListener('visibilitychange', onVisible);
      courier.current = undefined;
    };
  }, [phase.type === 'report' ? phase.store : undefined]);

  const proofAwaited = sent.some((r) => Courier.awaitsProof(r));
  useEffect(() => {
    if (phase.type !== 'report' || (waiting.length === 0 && !proofAwaited)) return;
    const timer = setTimeout(
      () => {
        setSending(true);
        void courier.current?.run().finally(() => {
          setSending(false);
        });
      },
      waiting.length === 0 ? PROOF_AGAIN_MS : RETRY_EVERY_MS,
    );
    return () => {
      clearTimeout(timer);
    };
  }, [waiting, sent, phase.type]);

  // The definition, where the phone enrolled before it could read it; and whether the roster
  // still holds the phone's key as active.
  useEffect(() => {
    if (phase.type !== 'report') return;
    const { device } = phase;
    void keyState(device.election, device.ref).then((answer) => {
      if (answer.ok) setRevoked(answer.value.state === 'revoked');
    });
  }, [phase.type === 'report' ? phase.device.ref : undefined]);

  const index = phase.type === 'report' ? phase.index : enrolling;
  const test = index?.definition.test === true;

  useLayoutEffect(() => {
    document.documentElement.lang = language;
    document.title = `${test ? `${m.t('testMark')} – ` : ''}${m.t('appTitle')}`;
  }, [language, m, test]);

  const chooseLanguageNow = (next: string): void => {
    if (!isReporterLanguage(next)) return;
    rememberLanguage(LANGUAGE_KEY, next);
    setLanguage(next);
  };

  const sendNow = (): void => {
    setSending(true);
    void courier.current?.run().finally(() => {
      setSending(false);
    });
  };

  return (
    <>
      <a class="skip" href="#main">
        {m.t('skipToMain')}
      </a>
      <header class="top">
        <p class="app-name">{m.t('appTitle')}</p>
        <div class="tools">
          <LanguagePicker
            label={m.t('language')}
            language={language}
            languages={REPORTER_LANGUAGES}
            onChoose={chooseLanguageNow}
          />
        </div>
      </header>
      {test && (
        <p class="test-banner">
          <strong>{m.t('testMark')}</strong> {m.t('testBanner')}
        </p>
      )}
      <main id="main" tabIndex={-1}>
        {phase.type === 'opening' && <p>{m.t('loading')}</p>}
        {phase.type === 'no-storage' && (
          <>
            <h1>{m.t('appTitle')}</h1>
            <p class="form-error" role="alert">
              {m.t('noStorage')}
            </p>
          </>
        )}
        {phase.type === 'enrol' && (
          <Enrol
            m={m}
            store={phase.store}
            invitation={invitation}
            {...(phase.pending === undefined ? {} : { pending: phase.pending })}
            onDefinition={setEnrolling}
            onEnrolled={(device) => {
              void openReport(phase.store, device);
            }}
          />
        )}
        {phase.type === 'report' && (
          <>
            {revoked && (
              <p class="form-error" role="alert">
                {m.t('keyRevoked')}
              </p>
            )}
            <OutboxStatus
              m={m}
              waiting={waiting}
              sending={sending}
              online={online}
              onSendNow={sendNow}
            />
            <SentReports m={m} sent={sent} index={phase.index} />
            {phase.index === undefined ? (
              <DefinitionMissing
                m={m}
                store={phase.store}
                device={phase.device}
                onLoaded={(loaded) => {
                  setPhase({ ...phase, index: loaded });
                }}
              />
            ) : (
              <ReportScreen
                m={m}
                store={phase.store}
                device={phase.device}
                index={phase.index}
                waiting={waiting}
                sent={sent}
                onQueued={() => {
                  void refresh().then(sendNow);
                }}
              />
            )}
          </>
        )}
      </main>
    </>
  );
}

/** What waits for the network, said plainly, with a way to try at once. */
function OutboxStatus(props: {
  readonly m: ReporterMessages;
  readonly waiting: readonly OutboxItem[];
  readonly sending: boolean;
  readonly online: boolean;
  readonly onSendNow: () => void;
}): JSX.Element {
  const { m, waiting, sending, online } = props;
  const reports = waiting.filter((i) => i.kind === 'submission').length;
  const photos = waiting.filter((i) => i.kind === 'evidence').length;
  const empty = waiting.length === 0;
  return (
    <section
      class={`outbox ${empty ? 'outbox-empty' : 'outbox-waiting'}`}
      aria-labelledby="outbox-title"
    >
      <h2 id="outbox-title">{m.t('outboxTitle')}</h2>
      <p role="status" class="outbox-state">
        {empty
          ? m.t('outboxEmpty')
          : `${m.t('outboxWaiting', { reports, photos })}${sending ? ` ${m.t('outboxSending')}` : ''}`}
      </p>
      {!empty && (
        <>
          <p class="hint">{online ? m.t('outboxRetrying') : m.t('outboxOffline')}</p>
          <button type="button" class="secondary" onClick={props.onSendNow} disabled={sending}>
            {m.t('sendNow')}
          </button>
        </>
      )}
    </section>
  );
}

/** The definition could not be kept at enrolment (no network since): read it once online. */
function DefinitionMissing(props: {
  readonly m: ReporterMessages;
  readonly store: DeviceStore;
  readonly device: DeviceRecord;
  readonly onLoaded: (index: DefinitionIndex) => void;
}): JSX.Element {
  const { m, store, device } = props;
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const load = async (): Promise<void> => {
    const answer = await fetchDefinition(device.election);
    if (!answer.ok) {
      setProblem(answer.error.kind === 'unreachable' ? m.t('unreachable') : answer.error.message);
      return;
    }
    await store.saveDefinition(answer.value);
    props.onLoaded(indexDefinition(answer.value));
  };
  useEffect(() => {
    void load();
  }, []);
  return (
    <section>
      <h1>{m.t('reportTitle')}</h1>
      <p>{m.t('definitionMissing')}</p>
      {problem !== undefined && (
        <p class="form-error" role="alert">
          {problem}
        </p>
      )}
      <button type="button" class="secondary" onClick={() => void load()}>
        {m.t('tryAgain')}
      </button>
    </section>
  );
}
