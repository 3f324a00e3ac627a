// The control room: how far reporting has come, county by county and vote type by vote type
// (a table, each cell with a bar), who has not reported and how to reach them, what waits for a
// reviewer, what was rejected, how fast results arrive and are published. Live from the server's
// event stream (a status every 2 s), with its state shown ("live", "disconnected") and a way to
// reconnect; the status route answers once while the stream connects.
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { parseControlRoomStatus, type ControlRoomStatus } from './api.js';
import { ageText, failureText, timeText, type ScreenProps } from './common.js';
import { localName, type DefinitionIndex } from './definition.js';
import type { StaffMessages } from './messages.js';
import { releaseSentences } from './release.js';

type Connection = 'connecting' | 'live' | 'disconnected';

/** The wait before trying again after the stream is lost: 5 s, doubling up to a minute. */
const RETRY_FIRST_MS = 5_000;
const RETRY_MAX_MS = 60_000;

/** A county's share of its units reported for a vote type, in whole percent (0 of 0 is 100). */
export function reportedPercent(cell: {
  readonly reported: number;
  readonly expected: number;
}): number {
  return cell.expected === 0 ? 100 : Math.floor((100 * cell.reported) / cell.expected);
}

/** The phone number a tel: link dials: digits and a leading +, nothing else. */
export function telHref(phone: string): string {
  const plus = phone.trim().startsWith('+') ? '+' : '';
  return `tel:${plus}${phone.replace(/[^\d]/g, '')}`;
}

export function ControlRoom(
  props: Pick<ScreenProps, 'm' | 'api' | 'election' | 'definition'>,
): JSX.Element {
  const { m, api, election } = props;
  const [status, setStatus] = useState<ControlRoomStatus | undefined>(undefined);
  const [connection, setConnection] = useState<Connection>('connecting');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [attempt, setAttempt] = useState(0);
  const source = useRef<EventSource | undefined>(undefined);
  /** Connections lost in a row: each waits twice as long before trying again. */
  const failures = useRef(0);

  useEffect(() => {
    setConnection('connecting');
    void api.controlRoomStatus(election).then((answer) => {
      if (answer.ok) setStatus((known) => known ?? answer.value);
      else setProblem(failureText(m, answer.error));
    });
    const events = new EventSource(api.controlRoomStream(election));
    source.current = events;
    events.addEventListener('open', () => {
      failures.current = 0;
      setConnection('live');
      setProblem(undefined);
    });
    events.addEventListener('status', (event) => {
      let json: unknown;
      try {
        json = JSON.parse((event as MessageEvent<string>).data);
      } catch {
        return;
      }
      const next = parseControlRoomStatus(json);
      if (next === undefined) return;
      setStatus(next);
      setConnection('live');
    });
    events.addEventListener('session-ended', () => {
      events.close();
      setConnection('disconnected');
      // The next call meets the 401 and takes the reader to sign in.
      void api.session();
    });
    let retry: ReturnType<typeof setTimeout> | undefined;
    events.addEventListener('error', () => {
      // Said at once. The page, not the browser's every-3-seconds retry, decides when to try
      // again, waiting longer after each loss (a whole room of screens reconnecting at once is
      // a load on a server that is struggling); "Reconnect now" does not wait.
      events.close();
      setConnection('disconnected');
      retry = setTimeout(
        () => {
          setAttempt((n) => n + 1);
        },
        Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** failures.current),
      );
      failures.current += 1;
    });
    return () => {
      clearTimeout(retry);
      events.close();
    };
  }, [election, attempt]);

  return (
    <>
      <div class={`connection connection-${connection}`}>
        <p aria-live="polite">
          <span class="dot" aria-hidden="true" />{' '}
          {connection === 'live'
            ? m.t('connectionLive', { time: status === undefined ? '' : timeText(m, status.time) })
            : connection === 'connecting'
              ? m.t('connectionConnecting')
              : m.t('connectionLost', {
                  time: status === undefined ? '—' : timeText(m, status.time),
                })}
        </p>
        {connection !== 'live' && (
          <button
            type="button"
            class="secondary"
            onClick={() => {
              // Asked for: at once, and the waits start again from the shortest.
              source.current?.close();
              failures.current = 0;
              setAttempt(attempt + 1);
            }}
          >
            {m.t('reconnect')}
          </button>
        )}
      </div>
      {problem !== undefined && (
        <p class="form-error" role="alert">
          {problem}
        </p>
      )}
      {status === undefined ? <p>{m.t('loading')}</p> : <StatusView {...props} status={status} />}
    </>
  );
}

function StatusView(props: {
  readonly m: StaffMessages;
  readonly definition: DefinitionIndex;
  readonly status: ControlRoomStatus;
}): JSX.Element {
  const { m, definition, status } = props;
  const lang = m.language;
  const languages = definition.definition.languages;
  const number = new Intl.NumberFormat(lang);
  const voteTypes = definition.definition.voteTypes.map((v) => v.id);
  const rejections = Object.entries(status.rejections).sort((a, b) => b[1] - a[1]);
  return (
    <div class="control-room">
      <section aria-labelledby="reporting-title" class="wide">
        <h2 id="reporting-title">{m.t('reportingTitle')}</h2>
        <div class="table-scroll">
          <table class="list reporting">
            <caption class="visually-hidden">{m.t('reportingTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{m.t('countyColumn')}</th>
                {voteTypes.map((v) => (
                  <th scope="col" key={v}>
                    {definition.voteTypeName(v, lang)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {status.counties.map((county) => (
                <tr key={county.unit}>
                  <th scope="row">{localName(county.name, lang, languages)}</th>
                  {voteTypes.map((v) => {
                    const cell = county.byVoteType[v] ?? { reported: 0, expected: 0 };
                    const percent = reportedPercent(cell);
                    return (
                      <td key={v}>
                        <span class="cell-text">
                          {m.t('reportedOf', { reported: cell.reported, expected: cell.expected })}
                        </span>
                        <span class="bar" aria-hidden="true">
                          <span class={`fill fill-${String(Math.round(percent / 5) * 5)}`} />
                        </span>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="not-reported-title">
        <h2 id="not-reported-title">
          {m.t('notReportedTitle', { count: status.notReportedCount })}
        </h2>
        {status.notReportedCount === 0 ? (
          <p>{m.t('allReported')}</p>
        ) : (
          <ul class="not-reported">
            {status.notReported.map((u) => (
              <li key={u.unit}>
                <span class="item-title">{localName(u.name, lang, languages)}</span>{' '}
                <span class="meta">
                  (<code>{u.unit}</code>, {definition.unitName(u.county, lang)})
                </span>
                {u.contact === undefined ? (
                  <span class="meta contact">{m.t('noContact')}</span>
                ) : (
                  <span class="contact">
                    {u.contact.name !== undefined && <span>{u.contact.name}</span>}
                    {u.contact.phone !== undefined && (
                      <a href={telHref(u.contact.phone)}>{u.contact.phone}</a>
                    )}
                    {u.contact.email !== undefined && (
                      <a href={`mailto:${u.contact.email}`}>{u.contact.email}</a>
                    )}
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
        {status.notReportedCount > status.notReported.length && (
          <p class="meta">
            {m.t('notReportedMore', { count: status.notReportedCount - status.notReported.length })}
          </p>
        )}
      </section>
      <section aria-labelledby="night-title">
        <h2 id="night-title">{m.t('nightTitle')}</h2>
        <dl class="figures">
          <dt>{m.t('queueTitle')}</dt>
          <dd>
            {number.format(status.held.count)}
            {status.held.oldestSeconds !== undefined &&
              ` · ${m.t('oldestWaiting', { age: ageText(m, status.held.oldestSeconds) })}`}
          </dd>
          {status.desk !== undefined && (
            <>
              <dt>{m.t('awaitingTitle')}</dt>
              <dd>{number.format(status.desk.awaitingSecondEntry)}</dd>
              <dt>{m.t('mismatchListTitle')}</dt>
              <dd>{number.format(status.desk.mismatches)}</dd>
            </>
          )}
          <dt>{m.t('rateFigure')}</dt>
          <dd>
            {m.t('perSecond', {
              rate: new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(
                status.submissionsPerSecond,
              ),
            })}
          </dd>
          <dt>{m.t('versionFigure')}</dt>
          <dd>
            {status.publish.version === undefined
              ? m.t('noneYet')
              : number.format(status.publish.version)}
          </dd>
          <dt>{m.t('latencyFigure')}</dt>
          <dd>
            {status.publish.latencyMs === undefined
              ? m.t('noneYet')
              : m.t('milliseconds', { ms: Math.round(status.publish.latencyMs) })}
          </dd>
          <dt>{m.t('checkpointAgeFigure')}</dt>
          <dd>
            {status.publish.checkpointAgeSeconds === undefined
              ? m.t('noneYet')
              : ageText(m, status.publish.checkpointAgeSeconds)}
          </dd>
          <dt>{m.t('logSizeFigure')}</dt>
          <dd>{number.format(status.publish.logSize)}</dd>
          <dt>{m.t('releaseFigure')}</dt>
          <dd>{releaseSentences(m, status.release).join(' ')}</dd>
        </dl>
      </section>
      <section aria-labelledby="rejections-title">
        <h2 id="rejections-title">{m.t('rejectionsTitle')}</h2>
        {rejections.length === 0 ? (
          <p>{m.t('noRejections')}</p>
        ) : (
          <table class="list">
            <caption class="visually-hidden">{m.t('rejectionsTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{m.t('codeColumn')}</th>
                <th scope="col" class="num">
                  {m.t('countColumn')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rejections.map(([code, n]) => (
                <tr key={code}>
                  <th scope="row">
                    <code>{code}</code>
                  </th>
                  <td class="num">{number.format(n)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
