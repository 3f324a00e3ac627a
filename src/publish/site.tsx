// The public results site: static HTML pages, one set per language, that work without JavaScript.
// Pure: each page is a function of the election, the tally's results and the version, rendered to
// a string (preact-render-to-string). Pages: the election summary, a page per contest (by vote
// type, by area with a map, the night's trend), a page per unit above the reporting units, and
// how to verify the results.
import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { statusAsOf, type PublishedStatus } from '../core/admission.js';
import {
  voteFor,
  type Choice,
  type Contest,
  type Election,
  type LocalizedText,
} from '../core/election.js';
import {
  measureOutcome,
  type AreaOverview,
  type AreaResults,
  type TrendSlots,
  type CaucusTotals,
  type ContestResults,
  type ContestTotals,
} from '../core/tally.js';
import { unitCsvPath, unitFilePath, unitGroups } from '../formats/results_feed.js';
import { MARGIN_SHADES, PALETTE, paletteColour, ResultsMap, type MapArea } from './map.js';
import { pointShares, TrendChart, trendPoints } from './trend.js';
import { LANGUAGES, languageTag, Messages, type Language, type MessageKey } from './messages.js';

/** What the verify page names: the log size of the version and its signed checkpoint. */
export interface PageVersion {
  readonly logSize: number;
  /** The signed checkpoint (C2SP signed note) this version was built from. */
  readonly checkpoint: string;
}

export interface SiteInput {
  readonly election: Election;
  readonly languages: readonly Language[];
  readonly version: PageVersion;
  readonly area: (id: string) => AreaResults | undefined;
  /** What an areas table shows of an area, cheaper than its results (core/tally.ts). */
  readonly overview: (id: string) => AreaOverview | undefined;
  /** The night's trend, as the tally keeps it (Tally.trend). */
  readonly trend: () => TrendSlots;
  /** Every change of a contest's status, in log order: a page shows them as of `asOfLog`. */
  readonly statuses: readonly PublishedStatus[];
  /** At most how many points a contest's chart of the night draws. */
  readonly trendPoints: number;
  /**
   * The time of the log as of a size: the newest entry time among its first `size` entries.
   * Pages say this, never the time they were built, so that a page is a function of the log.
   */
  readonly timeAt: (size: number) => string;
  /** The keys that verify the log's checkpoints and the manifest, for the verify page. */
  readonly verifierKeys: { readonly log: string; readonly manifest: string };
  /** The public site's address, when known, for the verify command. */
  readonly siteUrl?: string;
  /** The log entries the page being built counts (its numbers' last change, plus one). */
  readonly asOfLog: number;
}

/** Paths of pages inside a version, relative to the version's root. */
export const pagePaths = {
  summary: (lang: string): string => `${lang}/index.html`,
  contest: (lang: string, id: string): string => `${lang}/contest/${id}.html`,
  unit: (lang: string, id: string): string => `${lang}/unit/${id}.html`,
  verify: (lang: string): string => `${lang}/verify.html`,
};

/** The units that get a page: every unit above the reporting units. */
export function unitsWithPages(election: Election): string[] {
  return election.definition.units.filter((u) => election.children.has(u.id)).map((u) => u.id);
}

interface Ctx {
  readonly input: SiteInput;
  readonly lang: Language;
  readonly m: Messages;
  readonly number: NumberFormatter;
  readonly percent: NumberFormatter;
  /** State delegate equivalents, given in ten-thousandths: to 4 decimal places. */
  readonly sde: { format(tenThousandths: number): string };
  /** The time of the log a page shows, as it says it. */
  readonly time: Intl.DateTimeFormat;
  /** The time of day of a point of the night's trend. */
  readonly clock: Intl.DateTimeFormat;
  /** A list of names (the winners of a call): "A, B and C". */
  readonly list: Intl.ListFormat;
  /** From the page's directory to the version's root. */
  readonly up: string;
}

function context(input: SiteInput, lang: Language, depth: number): Ctx {
  const timeZone = input.election.definition.timeZone ?? 'UTC';
  return { input, lang, ...localeOf(lang, timeZone), up: '../'.repeat(depth + 1) };
}

/** Intl.NumberFormat, remembering what it wrote: the same counts recur on page after page. */
class NumberFormatter {
  private readonly written = new Map<number, string>();

  constructor(private readonly intl: Intl.NumberFormat) {}

  format(n: number): string {
    // A map holds 0 and -0 as one key; Intl writes them apart.
    if (Object.is(n, -0)) return this.intl.format(n);
    let text = this.written.get(n);
    if (text === undefined) {
      if (this.written.size >= 100_000) this.written.clear();
      text = this.intl.format(n);
      this.written.set(n, text);
    }
    return text;
  }
}

/**
 * A language's messages, number and time formats (times in the election's time zone, with its
 * name), made once for all of a site's pages.
 */
const locales = new Map<
  string,
  Pick<Ctx, 'm' | 'number' | 'percent' | 'sde' | 'time' | 'clock' | 'list'>
>();
function localeOf(
  lang: Language,
  timeZone: string,
): Pick<Ctx, 'm' | 'number' | 'percent' | 'sde' | 'time' | 'clock' | 'list'> {
  const key = `${lang} ${timeZone}`;
  let locale = locales.get(key);
  if (locale === undefined) {
    const tag = languageTag(lang);
    locale = {
      m: new Messages(lang),
      number: new NumberFormatter(new Intl.NumberFormat(tag)),
      percent: new NumberFormatter(
        new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 1 }),
      ),
      sde: sdeFormatter(tag),
      // Made once: an Intl format takes longer to make than a page takes to render.
      time: new Intl.DateTimeFormat(tag, {
        year: 'numeric',
        month: 'long',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        timeZone,
        timeZoneName: 'short',
      }),
      clock: new Intl.DateTimeFormat(tag, {
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        timeZone,
        timeZoneName: 'short',
      }),
      list: new Intl.ListFormat(tag, { style: 'long', type: 'conjunction' }),
    };
    locales.set(key, locale);
  }
  return locale;
}

function sdeFormatter(tag: string): Ctx['sde'] {
  const decimals = new NumberFormatter(
    new Intl.NumberFormat(tag, { minimumFractionDigits: 4, maximumFractionDigits: 4 }),
  );
  return { format: (tenThousandths) => decimals.format(tenThousandths / 10_000) };
}

/**
 * The numbers a contest's choices are ranked by: votes, or a caucus's state delegate equivalents
 * (in ten-thousandths).
 */
function rankedBy(contest: Contest, totals: ContestTotals): Readonly<Record<string, number>> {
  return (contest.kind === 'caucus' ? totals.caucus?.sde : undefined) ?? totals.counts;
}

/** A number of `rankedBy`, as a page writes it. */
function rankedNumber(ctx: Ctx, contest: Contest, n: number): string {
  return contest.kind === 'caucus' ? ctx.sde.format(n) : ctx.number.format(n);
}

/** Text from the definition in the page's language, else the election's first language. */
function pick(ctx: Ctx, text: LocalizedText): { text: string; lang: string } {
  const own = text[ctx.lang];
  if (own !== undefined) return { text: own, lang: ctx.lang };
  for (const lang of [...ctx.input.election.definition.languages, ...Object.keys(text)]) {
    const t = text[lang];
    if (t !== undefined) return { text: t, lang };
  }
  return { text: '', lang: ctx.lang };
}

/** Definition text, marked with its language when it is not the page's (WCAG 3.1.2). */
function Name(props: { ctx: Ctx; text: LocalizedText }): preact.JSX.Element {
  const { text, lang } = pick(props.ctx, props.text);
  return lang === props.ctx.lang ? <>{text}</> : <span lang={lang}>{text}</span>;
}

/** A message in the page's language. */
function T(props: {
  ctx: Ctx;
  k: MessageKey;
  values?: Record<string, string | number>;
}): preact.JSX.Element {
  return <>{props.ctx.m.t(props.k, props.values)}</>;
}

const share = (part: number, whole: number): number => (whole > 0 ? part / whole : 0);

/** Up to this many languages, the switcher lists them all in the header; more, behind a disclosure. */
const INLINE_LANGUAGES = 10;

function Layout(props: {
  ctx: Ctx;
  title: string;
  page: (lang: string) => string;
  /** The log entries the page's numbers count: pages are rebuilt only when these change. */
  asOfLog: number;
  /**
   * The area the page's numbers are of, whose reporting the page says when it is next updated:
   * as new results come, or, once every unit there has fully reported, with the certified ones.
   */
  area?: string;
  /** The contests the page shows: the page says its results are certified once each of them is. */
  contests: readonly string[];
  children: ComponentChildren;
}): preact.JSX.Element {
  const { ctx } = props;
  const standings = props.contests.map((c) => statusOf(ctx, c)?.status);
  const certified = standings.length > 0 && standings.every((s) => s === 'certified');
  // Once all is in, the next update is the certified results: not while a recount is under way.
  const nextUpdate = !certified && !standings.includes('recount');
  const reported = props.area === undefined ? undefined : ctx.input.overview(props.area);
  const d = ctx.input.election.definition;
  const time = ctx.time.format(new Date(ctx.input.timeAt(props.asOfLog)));
  const languageList = (
    <ul class="languages">
      {ctx.input.languages.map((lang) => (
        <li key={lang}>
          {lang === ctx.lang ? (
            <span aria-current="page" lang={languageTag(lang)}>
              {LANGUAGES[lang].name}
            </span>
          ) : (
            <a
              href={`${ctx.up}${props.page(lang)}`}
              lang={languageTag(lang)}
              hreflang={languageTag(lang)}
            >
              {LANGUAGES[lang].name}
            </a>
          )}
        </li>
      ))}
    </ul>
  );
  return (
    <html
      lang={languageTag(ctx.lang)}
      data-current={`${ctx.up}../../current.json`}
      data-version-root={ctx.up}
    >
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta
          http-equiv="Content-Security-Policy"
          content="default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; object-src 'none'"
        />
        <title>{(d.test ? 'TEST · ' : '') + props.title}</title>
        <link rel="stylesheet" href={`${ctx.up}assets/site.css`} />
        <script src={`${ctx.up}assets/refresh.js`} defer />
      </head>
      <body>
        <a class="skip" href="#main">
          <T ctx={ctx} k="skipToContent" />
        </a>
        {d.test ? (
          <p class="test-banner" role="note">
            <T ctx={ctx} k="testBanner" />
          </p>
        ) : null}
        <header>
          <p class="election">
            <a href={`${ctx.up}${pagePaths.summary(ctx.lang)}`}>
              <Name ctx={ctx} text={d.name} />
            </a>
          </p>
          <nav aria-label={ctx.m.t('language')}>
            {ctx.input.languages.length <= INLINE_LANGUAGES ? (
              languageList
            ) : (
              // Many languages: a disclosure naming the page's, which opens the list (no script).
              <details class="languages">
                <summary>
                  <T ctx={ctx} k="language" />: {LANGUAGES[ctx.lang].name}
                </summary>
                {languageList}
              </details>
            )}
          </nav>
        </header>
        <main id="main">
          <h1>{props.title}</h1>
          <p class="standing">
            <T ctx={ctx} k={certified ? 'allCertified' : 'unofficial'} />
          </p>
          <p class="status">
            <T ctx={ctx} k="updated" values={{ time }} /> ·{' '}
            <T ctx={ctx} k="asOfLog" values={{ entry: Math.max(0, props.asOfLog - 1) }} />
          </p>
          {reported === undefined || !nextUpdate ? null : (
            <p class="status">
              <T
                ctx={ctx}
                k="nextUpdate"
                values={{
                  complete:
                    reported.progress.fullyReported === reported.reporting.expected ? 'yes' : 'no',
                }}
              />
            </p>
          )}
          {props.children}
        </main>
        <footer>
          <p>
            <a href={`${ctx.up}${pagePaths.verify(ctx.lang)}`}>
              <T ctx={ctx} k="verifyTitle" />
            </a>{' '}
            · <T ctx={ctx} k="footer" />
          </p>
        </footer>
      </body>
    </html>
  );
}

/** By election, the definition's name for its reporting units' level, when they are of one. */
const levelNames = new WeakMap<Election, LocalizedText | null>();

/** What the pages call the reporting units, as a label: the definition's level, else ours. */
function levelName(ctx: Ctx): string {
  const { election } = ctx.input;
  let name = levelNames.get(election);
  if (name === undefined) {
    const types = new Set(election.reportingUnits.map((id) => election.units.get(id)?.type));
    const [only] = types;
    name = (types.size === 1 && only !== undefined && election.definition.levels?.[only]) || null;
    levelNames.set(election, name);
  }
  return name === null ? ctx.m.t('reportingUnits') : pick(ctx, name).text;
}

/** A share as a whole percentage, rounded down: 100% only when it is all. */
const wholeShare = (part: number, whole: number): number =>
  // In whole numbers first: 29 / 100 * 100 is 28.999… in floating point.
  whole > 0 ? Math.floor((part * 100) / whole) / 100 : 0;

/** How far an area's count has come, in words: units fully reported, and the expected vote. */
function ProgressOf(props: {
  ctx: Ctx;
  area: Pick<AreaResults, 'reporting' | 'progress'>;
  ballots: number;
}): preact.JSX.Element {
  const { ctx, area } = props;
  const { fullyReported, expectedBallots } = area.progress;
  const partly = area.reporting.reported - fullyReported;
  return (
    <>
      <T
        ctx={ctx}
        k="fullyReported"
        values={{
          level: levelName(ctx),
          fully: fullyReported,
          expected: area.reporting.expected,
          share: wholeShare(fullyReported, area.reporting.expected),
        }}
      />
      {partly > 0 ? (
        <>
          {', '}
          <T ctx={ctx} k="partlyReported" values={{ partly }} />
        </>
      ) : null}
      {expectedBallots === undefined ? null : (
        <>
          {' · '}
          <T
            ctx={ctx}
            k="expectedVote"
            values={{ share: wholeShare(props.ballots, expectedBallots) }}
          />
        </>
      )}
    </>
  );
}

/** A reporting unit's status: every vote type it reports in, some, or none yet. */
function unitStatus(unit: Pick<AreaResults, 'reporting' | 'progress'>): 'full' | 'partly' | 'none' {
  if (unit.progress.fullyReported > 0) return 'full';
  return unit.reporting.reported > 0 ? 'partly' : 'none';
}

/** The expected vote counted in an area, as a table cell says it, or a dash. */
function expectedCell(ctx: Ctx, progress: AreaResults['progress'], ballots: number): string {
  return progress.expectedBallots === undefined
    ? '—'
    : ctx.percent.format(wholeShare(ballots, progress.expectedBallots));
}

/**
 * How far a contest's count has come in an area: the area's progress where the contest is on
 * every ballot there, its district's where the area holds the whole district; where it is on
 * only some of the area's ballots, which of those units have sent results.
 */
function ContestProgress(props: {
  ctx: Ctx;
  contest: Contest;
  results: ContestResults;
  area: string;
}): preact.JSX.Element {
  const { ctx, contest, results } = props;
  const area = ctx.input.area(props.area);
  const whole =
    area !== undefined && area.reporting.expected === results.reporting.expected
      ? area
      : contest.district !== undefined
        ? ctx.input.area(contest.district)
        : undefined;
  if (whole !== undefined && whole.reporting.expected === results.reporting.expected) {
    return <ProgressOf ctx={ctx} area={whole} ballots={whole.ballotsCast.total} />;
  }
  return (
    <T
      ctx={ctx}
      k="sentResults"
      values={{
        level: levelName(ctx),
        reported: results.reporting.reported,
        expected: results.reporting.expected,
      }}
    />
  );
}

/**
 * A contest's choices as its tables list them: a candidate contest's, most votes first (ties in
 * ballot order), so that the leader is never below the runner-up; a measure's, as on the ballot.
 */
function choicesInOrder(contest: Contest, totals: ContestTotals): readonly Choice[] {
  if (contest.kind === 'measure') return contest.choices;
  const ranked = rankedBy(contest, totals);
  const votes = (c: Choice): number => ranked[c.id] ?? 0;
  return [...contest.choices].sort((a, b) => votes(b) - votes(a));
}

/**
 * How far ahead a contest's winners are, as a share of the votes: the last place elected's votes
 * less the first place not elected's (the runner-up's, for one seat); undefined with no votes.
 */
function leadMargin(contest: Contest, totals: ContestTotals): number | undefined {
  const seats = voteFor(contest);
  const ranked = rankedBy(contest, totals);
  const votes = contest.choices.map((c) => ranked[c.id] ?? 0).sort((a, b) => b - a);
  const all = votes.reduce((a, b) => a + b, 0);
  if (all === 0) return undefined;
  return ((votes[seats - 1] ?? 0) - (votes[seats] ?? 0)) / all;
}

/**
 * What an area's map shade shows: the choice ahead there and by how much. For a candidate
 * contest, the most voted of its places elected, once they are decided (no tie for the last), by
 * the lead of the last place elected; for a measure with a rule to pass, the choice it passes
 * on, or the most voted other, by the distance from the share it needs.
 */
function mapLead(
  contest: Contest,
  results: ContestResults,
): { leader: string | undefined; margin: number | undefined } {
  const totals = results.total;
  if (contest.kind === 'measure' && contest.passes !== undefined) {
    const outcome = measureOutcome(contest, totals);
    if (outcome === undefined) return { leader: undefined, margin: undefined };
    const { choice, share } = contest.passes;
    const votes = (id: string): number => totals.counts[id] ?? 0;
    const all = contest.choices.reduce((sum, c) => sum + votes(c.id), 0);
    const against = contest.choices
      .filter((c) => c.id !== choice)
      .reduce<string | undefined>(
        (best, c) => (best === undefined || votes(c.id) > votes(best) ? c.id : best),
        undefined,
      );
    return {
      leader: outcome === 'passing' ? choice : against,
      margin: Math.abs(votes(choice) / all - share[0] / share[1]),
    };
  }
  const seats = voteFor(contest);
  return {
    leader: results.leaders.length === seats ? results.leaders[0] : undefined,
    margin: leadMargin(contest, totals),
  };
}

/**
 * A choice's share of the votes as a bar, drawn at publish time in the choice's colour (its
 * colour on the map): for the eye only, as the percentage beside it says the same.
 */
function ShareBar(props: { share: number; colour: number }): preact.JSX.Element {
  const width = Math.round(props.share * 1000) / 10;
  return (
    <svg
      class="bar"
      viewBox="0 0 100 6"
      preserveAspectRatio="none"
      aria-hidden="true"
      focusable="false"
    >
      <rect class="track" width="100" height="6" />
      <rect fill={paletteColour(props.colour)} width={String(width)} height="6" />
    </svg>
  );
}

function ChoiceTable(props: {
  ctx: Ctx;
  contest: Contest;
  totals: ContestTotals;
  leaders: readonly string[];
  /** The winners a call or a certification names, where the contest is decided. */
  winners: readonly string[];
  caption: string;
}): preact.JSX.Element {
  const { ctx, contest, totals } = props;
  if (contest.kind === 'caucus' && totals.caucus !== undefined) {
    return <CaucusTable {...props} caucus={totals.caucus} />;
  }
  const parties = new Map(ctx.input.election.definition.parties.map((p) => [p.id, p]));
  const votes = Object.values(totals.counts).reduce((a, b) => a + b, 0);
  const hasParties = contest.choices.some((c) => c.party !== undefined);
  return (
    <table class="results">
      <caption class="visually-hidden">{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">
            <T ctx={ctx} k="choice" />
          </th>
          {hasParties ? (
            <th scope="col">
              <T ctx={ctx} k="party" />
            </th>
          ) : null}
          <th scope="col" class="num">
            <T ctx={ctx} k="votes" />
          </th>
          <th scope="col" class="num">
            <T ctx={ctx} k="share" />
          </th>
        </tr>
      </thead>
      <tbody>
        {choicesInOrder(contest, totals).map((choice) => {
          const n = totals.counts[choice.id] ?? 0;
          const winner = props.winners.includes(choice.id);
          const leading = winner || props.leaders.includes(choice.id);
          const party = choice.party === undefined ? undefined : parties.get(choice.party);
          const colour = contest.choices.indexOf(choice);
          return (
            <tr key={choice.id} class={leading ? 'leading' : undefined}>
              <th scope="row">
                <Name ctx={ctx} text={choice.name} />
                {leading ? (
                  <>
                    {' '}
                    <span class="badge">
                      <T
                        ctx={ctx}
                        k={winner ? (contest.kind === 'measure' ? 'outcome' : 'winner') : 'leading'}
                      />
                    </span>
                  </>
                ) : null}
                <ShareBar share={share(n, votes)} colour={colour} />
              </th>
              {hasParties ? (
                <td>{party === undefined ? '' : <Name ctx={ctx} text={party.name} />}</td>
              ) : null}
              <td class="num">{ctx.number.format(n)}</td>
              <td class="num">{ctx.percent.format(share(n, votes))}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/**
 * A caucus's numbers in an area: each preference group's members in the first and the final
 * alignment, its county delegates and its state delegate equivalents, with its share of these,
 * by which the groups are ranked.
 */
function CaucusTable(props: {
  ctx: Ctx;
  contest: Contest;
  totals: ContestTotals;
  caucus: CaucusTotals;
  leaders: readonly string[];
  winners: readonly string[];
  caption: string;
}): preact.JSX.Element {
  const { ctx, contest, totals, caucus } = props;
  const all = Object.values(caucus.sde).reduce((a, b) => a + b, 0);
  const heads = [
    'firstAlignment',
    'finalAlignment',
    'countyDelegates',
    'stateDelegateEquivalents',
    'share',
  ] as const;
  return (
    <div class="scroll">
      <table class="results stack">
        <caption class="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">
              <T ctx={ctx} k="preferenceGroup" />
            </th>
            {heads.map((k) => (
              <th scope="col" class="num" key={k}>
                <T ctx={ctx} k={k} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {choicesInOrder(contest, totals).map((choice) => {
            const sde = caucus.sde[choice.id] ?? 0;
            const winner = props.winners.includes(choice.id);
            const leading = winner || props.leaders.includes(choice.id);
            const cells = [
              ctx.number.format(caucus.first[choice.id] ?? 0),
              ctx.number.format(totals.counts[choice.id] ?? 0),
              ctx.number.format(caucus.delegates[choice.id] ?? 0),
              ctx.sde.format(sde),
              ctx.percent.format(share(sde, all)),
            ];
            return (
              <tr key={choice.id} class={leading ? 'leading' : undefined}>
                <th scope="row">
                  <Name ctx={ctx} text={choice.name} />
                  {leading ? (
                    <>
                      {' '}
                      <span class="badge">
                        <T ctx={ctx} k={winner ? 'winner' : 'leading'} />
                      </span>
                    </>
                  ) : null}
                  <ShareBar share={share(sde, all)} colour={contest.choices.indexOf(choice)} />
                </th>
                {cells.map((text, i) => (
                  <td class="num" key={heads[i]} data-label={ctx.m.t(heads[i] ?? 'share')}>
                    {text}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/**
 * A measure's required share as a reader can trust it: a percentage where one with a decimal at
 * most is exact (55%, 50%), else the fraction (2/3, not 66.7%, which 66.67% of the votes passes).
 */
function shareText(ctx: Ctx, [numerator, denominator]: readonly [number, number]): string {
  return (numerator * 1000) % denominator === 0
    ? ctx.percent.format(numerator / denominator)
    : `${ctx.number.format(numerator)}/${ctx.number.format(denominator)}`;
}

/** A contest's status as of the page's numbers (undefined: unofficial, as every contest starts). */
function statusOf(ctx: Ctx, contest: string): PublishedStatus | undefined {
  return statusAsOf(ctx.input.statuses, contest, ctx.input.asOfLog);
}

/** The status select's case for each status (message selectors are plain words). */
const STATUS_CASE = {
  unofficial: 'unofficial',
  'too-early': 'early',
  called: 'called',
  recount: 'recount',
  certified: 'certified',
} as const;

/**
 * Where a contest stands, as the election office set it: its status, the winners a call or a
 * certification names, and since when (with the log entry that set it, for anyone to check).
 */
function ContestStanding(props: { ctx: Ctx; contest: Contest }): preact.JSX.Element {
  const { ctx, contest } = props;
  const status = statusOf(ctx, contest.id);
  const name = ctx.m.t('contestStatus', { status: STATUS_CASE[status?.status ?? 'unofficial'] });
  // A measure's outcome is a choice's name in quotes: "Called: No" reads as "not called".
  const winners = (status?.winners ?? []).flatMap((id) => {
    const choice = contest.choices.find((c) => c.id === id);
    if (choice === undefined) return [];
    const name = pick(ctx, choice.name).text;
    return [contest.kind === 'measure' ? ctx.m.t('measureChoice', { choice: name }) : name];
  });
  return (
    <p class={`contest-status status-${status?.status ?? 'unofficial'}`}>
      <strong>
        {winners.length === 0
          ? name
          : ctx.m.t('statusWinners', { status: name, winners: ctx.list.format(winners) })}
      </strong>
      {status === undefined ? null : (
        <>
          {' '}
          <span class="since">
            <T
              ctx={ctx}
              k="statusSince"
              values={{ time: ctx.time.format(new Date(status.time)), entry: status.entry }}
            />
          </span>
        </>
      )}
    </p>
  );
}

/** What a contest is (vote for n, or a measure), how many units reported, and its results. */
function ContestResultsTable(props: {
  ctx: Ctx;
  contest: Contest;
  results: ContestResults;
  /** The area the results are of. */
  area: string;
  caption: string;
}): preact.JSX.Element {
  const { ctx, contest, results } = props;
  // A measure with a rule to pass says whether it passes, and what it needs, where its votes are
  // the whole of it (in its district, or the election); elsewhere, as a contest, which choice
  // leads there: a county's votes do not pass a statewide measure.
  const decides = props.area === contestScope(ctx.input.election, contest);
  const rule = contest.kind === 'measure' && decides ? contest.passes : undefined;
  const outcome = measureOutcome(contest, results.total);
  const status = statusOf(ctx, contest.id);
  // Where the contest is decided, a call or a certification marks its winners.
  const winners = decides ? status?.winners : undefined;
  return (
    <>
      <ContestStanding ctx={ctx} contest={contest} />
      <p class="meta">
        {contest.kind === 'candidate' ? (
          <T ctx={ctx} k="voteFor" values={{ n: contest.voteFor }} />
        ) : (
          <T ctx={ctx} k={contest.kind === 'caucus' ? 'caucus' : 'measure'} />
        )}
        {rule === undefined ? null : (
          <>
            {' '}
            ·{' '}
            {outcome === undefined ? null : (
              <>
                <strong class="outcome">
                  <T ctx={ctx} k={outcome === 'passing' ? 'measurePassing' : 'measureFailing'} />
                </strong>{' '}
              </>
            )}
            (
            <T
              ctx={ctx}
              k="passRule"
              values={{
                atLeast: rule.atLeast === true ? 'yes' : 'no',
                share: shareText(ctx, rule.share),
              }}
            />
            )
          </>
        )}{' '}
        · <ContestProgress ctx={ctx} contest={contest} results={results} area={props.area} />
      </p>
      <ChoiceTable
        ctx={ctx}
        contest={contest}
        totals={results.total}
        // A measure with a rule passes or fails by its share, where it is decided; elsewhere (a
        // county's votes) no choice of it "leads" either.
        leaders={
          winners !== undefined || (contest.kind === 'measure' && contest.passes !== undefined)
            ? []
            : results.leaders
        }
        winners={winners ?? []}
        caption={props.caption}
      />
    </>
  );
}

function ContestSummary(props: {
  ctx: Ctx;
  results: ContestResults;
  /** The area the results are of. */
  area: string;
  level: 'h2' | 'h3';
}): preact.JSX.Element {
  const { ctx, results } = props;
  const contest = ctx.input.election.contests.get(results.contest) as Contest;
  const Heading = props.level;
  const title = pick(ctx, contest.name).text;
  return (
    <section class="contest" aria-labelledby={`c-${contest.id}`}>
      <Heading id={`c-${contest.id}`}>
        <a href={`${ctx.up}${pagePaths.contest(ctx.lang, contest.id)}`}>
          <Name ctx={ctx} text={contest.name} />
        </a>
      </Heading>
      <ContestResultsTable
        ctx={ctx}
        contest={contest}
        results={results}
        area={props.area}
        caption={title}
      />
    </section>
  );
}

function AreaOverview(props: { ctx: Ctx; area: AreaResults }): preact.JSX.Element {
  const { ctx, area } = props;
  return (
    <section aria-labelledby="overview">
      <h2 id="overview">
        <T ctx={ctx} k="summary" />
      </h2>
      <ul class="overview">
        <li>
          <ProgressOf ctx={ctx} area={area} ballots={area.ballotsCast.total} />
        </li>
        <li>
          {area.registeredVoters > 0 ? (
            <T
              ctx={ctx}
              k="turnout"
              values={{
                ballots: area.ballotsCast.total,
                registered: area.registeredVoters,
                share: share(area.ballotsCast.total, area.registeredVoters),
              }}
            />
          ) : (
            <T ctx={ctx} k="ballotsCastPlain" values={{ ballots: area.ballotsCast.total }} />
          )}
        </li>
      </ul>
      {area.progress.expectedBallots === undefined ? null : (
        <p class="note">
          <T ctx={ctx} k="expectedVoteNote" />
        </p>
      )}
    </section>
  );
}

function AreaLinks(props: { ctx: Ctx; ids: readonly string[] }): preact.JSX.Element | null {
  const { ctx } = props;
  // Units with units beneath them have pages (unitsWithPages).
  const ids = props.ids.filter((id) => ctx.input.election.children.has(id));
  if (ids.length === 0) return null;
  return (
    <section aria-labelledby="areas">
      <h2 id="areas">
        <T ctx={ctx} k="areas" />
      </h2>
      <ul class="areas">
        {ids.map((id) => {
          const unit = ctx.input.election.units.get(id);
          return (
            <li key={id}>
              <a href={`${ctx.up}${pagePaths.unit(ctx.lang, id)}`}>
                <Name ctx={ctx} text={unit?.name ?? { en: id }} />
              </a>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function Downloads(props: { ctx: Ctx }): preact.JSX.Element {
  const { ctx } = props;
  const contests = ctx.input.election.definition.contests;
  return (
    <section aria-labelledby="downloads">
      <h2 id="downloads">
        <T ctx={ctx} k="downloads" />
      </h2>
      <ul class="downloads">
        <li>
          <a href={`${ctx.up}results.json`}>results.json</a> (Tally JSON,{' '}
          <a href={`${ctx.up}schema/results.schema.json`}>schema/results.schema.json</a>)
        </li>
        <li>
          <a href={`${ctx.up}schema/unit-results.schema.json`}>schema/unit-results.schema.json</a>{' '}
          (units/*.json)
        </li>
        <li>
          <a href={`${ctx.up}cdf.json`}>cdf.json</a> (NIST SP 1500-100 v2)
        </li>
        <li>
          <a href={`${ctx.up}csv/results.csv`}>csv/results.csv</a> (CSV, {ctx.m.t('areas')})
        </li>
        {contests.map((c) => (
          <li key={c.id}>
            <a href={`${ctx.up}csv/${c.id}.csv`}>{`csv/${c.id}.csv`}</a> (CSV,{' '}
            <Name ctx={ctx} text={c.name} />)
          </li>
        ))}
        <li>
          <a href={`${ctx.up}manifest.json`}>manifest.json</a>
        </li>
      </ul>
    </section>
  );
}

export function renderPage(element: preact.JSX.Element): string {
  return `<!doctype html>\n${renderToString(element)}\n`;
}

export function summaryPage(input: SiteInput, lang: Language): string {
  const ctx = context(input, lang, 0);
  const { election } = input;
  const root = input.area(election.root.id);
  const title = ctx.m.t('resultsTitle', {
    election: pick(ctx, election.definition.name).text,
  });
  return renderPage(
    <Layout
      ctx={ctx}
      title={title}
      page={(l) => pagePaths.summary(l)}
      asOfLog={input.asOfLog}
      area={election.root.id}
      contests={election.definition.contests.map((c) => c.id)}
    >
      {root === undefined ? null : <AreaOverview ctx={ctx} area={root} />}
      <section aria-labelledby="contests">
        <h2 id="contests">
          <T ctx={ctx} k="contests" />
        </h2>
        {(root?.contests ?? []).map((c) => (
          <ContestSummary
            key={c.contest}
            ctx={ctx}
            results={c}
            // A district's contest is decided in its district, whose numbers these are too.
            area={election.contests.get(c.contest)?.district ?? root?.area ?? ''}
            level="h3"
          />
        ))}
        {election.definition.districts.map((d) =>
          (input.area(d.id)?.contests ?? [])
            .filter((c) => !(root?.contests ?? []).some((r) => r.contest === c.contest))
            .map((c) => (
              <ContestSummary key={c.contest} ctx={ctx} results={c} area={d.id} level="h3" />
            )),
        )}
      </section>
      <AreaLinks ctx={ctx} ids={election.children.get(election.root.id) ?? []} />
      <Downloads ctx={ctx} />
    </Layout>,
  );
}

/** The area a contest is decided in: its district, or the whole election. */
function contestScope(election: Election, contest: Contest): string {
  return contest.district ?? election.root.id;
}

/** The units a contest's map and area table show: the level below the root that has it. */
function contestAreas(input: SiteInput, contest: Contest): AreaResults[] {
  const { election } = input;
  const level = election.children.get(election.root.id) ?? [];
  return level
    .map((id) => input.area(id))
    .filter(
      (a): a is AreaResults => a !== undefined && a.contests.some((c) => c.contest === contest.id),
    );
}

/** A column heading per choice of a contest. */
function ChoiceHeaders(props: { ctx: Ctx; contest: Contest }): preact.JSX.Element {
  return (
    <>
      {props.contest.choices.map((c) => (
        <th scope="col" class="num" key={c.id}>
          <Name ctx={props.ctx} text={c.name} />
        </th>
      ))}
    </>
  );
}

/** The contest's trend through the night: a chart of each choice's share, and its figures. */
function Trend(props: { ctx: Ctx; contest: Contest }): preact.JSX.Element | null {
  const { ctx, contest } = props;
  // The time of the page's numbers, not the version's: a page is kept while they stay.
  const until = Date.parse(ctx.input.timeAt(ctx.input.asOfLog));
  const points = trendPoints(ctx.input.trend(), contest, ctx.input.trendPoints, until);
  if (points.length === 0) return null;
  const clock = (t: number): string => ctx.clock.format(new Date(t));
  return (
    <section aria-labelledby="trend">
      <h2 id="trend">
        <T ctx={ctx} k="trend" />
      </h2>
      <figure>
        <TrendChart
          contest={contest}
          points={points}
          percent={(s) => ctx.percent.format(s)}
          clock={clock}
        />
        <figcaption>
          <T ctx={ctx} k="trendCaption" />
          <span class="legend">
            {contest.choices.map((c, i) => (
              <span key={c.id}>
                <span class={`swatch c${String(i % PALETTE.length)}`} aria-hidden="true" />
                <Name ctx={ctx} text={c.name} />
              </span>
            ))}
          </span>
        </figcaption>
      </figure>
      <details>
        <summary>
          <T ctx={ctx} k="trendFigures" />
        </summary>
        <div class="scroll">
          <table class="results stack">
            <caption class="visually-hidden">
              {`${pick(ctx, contest.name).text}: ${ctx.m.t('trend')}`}
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  <T ctx={ctx} k="time" />
                </th>
                <ChoiceHeaders ctx={ctx} contest={contest} />
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr key={p.time}>
                  <th scope="row" data-label={ctx.m.t('time')}>
                    {clock(p.time)}
                  </th>
                  {pointShares(contest, p).map((share, i) => {
                    const choice = contest.choices[i];
                    return (
                      <td
                        class="num"
                        key={choice?.id}
                        data-label={choice === undefined ? '' : pick(ctx, choice.name).text}
                      >
                        {ctx.percent.format(share)} (
                        {ctx.number.format(p.counts[choice?.id ?? ''] ?? 0)})
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}

/** A contest's ballots, overvotes and undervotes, and its choices' votes by vote type. */
function ByVoteType(props: {
  ctx: Ctx;
  contest: Contest;
  results: ContestResults;
  title: string;
}): preact.JSX.Element {
  const { ctx, contest, results, title } = props;
  const voteTypes = ctx.input.election.definition.voteTypes;
  return (
    <>
      <p class="meta">
        <T ctx={ctx} k="ballotsCast" />: {ctx.number.format(results.total.ballotsCast)} ·{' '}
        <T ctx={ctx} k="overvotes" />: {ctx.number.format(results.total.overvotes)} ·{' '}
        <T ctx={ctx} k="undervotes" />: {ctx.number.format(results.total.undervotes)}
      </p>
      <section aria-labelledby="by-vote-type">
        <h2 id="by-vote-type">
          <T ctx={ctx} k="byVoteType" />
        </h2>
        <div class="scroll">
          <table class="results stack">
            <caption class="visually-hidden">{`${title}: ${ctx.m.t('byVoteType')}`}</caption>
            <thead>
              <tr>
                <th scope="col">
                  <T ctx={ctx} k="choice" />
                </th>
                {voteTypes.map((v) => (
                  <th scope="col" class="num" key={v.id}>
                    <Name ctx={ctx} text={v.name} />
                  </th>
                ))}
                <th scope="col" class="num">
                  <T ctx={ctx} k="total" />
                </th>
              </tr>
            </thead>
            <tbody>
              {choicesInOrder(contest, results.total).map((choice) => (
                <tr key={choice.id}>
                  <th scope="row">
                    <Name ctx={ctx} text={choice.name} />
                  </th>
                  {voteTypes.map((v) => (
                    <td class="num" key={v.id} data-label={pick(ctx, v.name).text}>
                      {ctx.number.format(results.byVoteType[v.id]?.counts[choice.id] ?? 0)}
                    </td>
                  ))}
                  <td class="num" data-label={ctx.m.t('total')}>
                    {ctx.number.format(results.total.counts[choice.id] ?? 0)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}

export function contestPage(input: SiteInput, lang: Language, contestId: string): string {
  const ctx = context(input, lang, 1);
  const { election } = input;
  const contest = election.contests.get(contestId);
  if (contest === undefined) throw new Error(`no contest ${contestId}`);
  const results = input
    .area(contestScope(election, contest))
    ?.contests.find((c) => c.contest === contestId);
  const title = pick(ctx, contest.name).text;
  const areas = contestAreas(input, contest);
  const colourOf = new Map(contest.choices.map((c, i) => [c.id, i]));
  const mapAreas: MapArea[] = areas.flatMap((a) => {
    const unit = election.units.get(a.area);
    const c = a.contests.find((x) => x.contest === contestId);
    if (unit?.boundary === undefined || c === undefined) return [];
    const { leader, margin } = mapLead(contest, c);
    const leaderName =
      leader === undefined ? undefined : contest.choices.find((x) => x.id === leader)?.name;
    return [
      {
        id: a.area,
        boundary: unit.boundary,
        colour: leader === undefined ? undefined : colourOf.get(leader),
        margin,
        name: pick(ctx, unit.name).text,
        label: `${pick(ctx, unit.name).text}: ${leaderName === undefined ? ctx.m.t('mapNoData') : pick(ctx, leaderName).text}`,
      },
    ];
  });
  return renderPage(
    <Layout
      ctx={ctx}
      title={title}
      page={(l) => pagePaths.contest(l, contestId)}
      asOfLog={input.asOfLog}
      area={contestScope(election, contest)}
      contests={[contestId]}
    >
      {results === undefined ? null : (
        <>
          <ContestResultsTable
            ctx={ctx}
            contest={contest}
            results={results}
            area={contestScope(election, contest)}
            caption={`${title}: ${ctx.m.t('total')}`}
          />
          {contest.kind === 'caucus' ? null : (
            <ByVoteType ctx={ctx} contest={contest} results={results} title={title} />
          )}
        </>
      )}
      {areas.length === 0 ? null : (
        <section aria-labelledby="by-area">
          <h2 id="by-area">
            <T ctx={ctx} k="byArea" />
          </h2>
          {contest.kind === 'caucus' ? (
            <p class="meta">
              <T ctx={ctx} k="stateDelegateEquivalents" />
            </p>
          ) : null}
          <div class="map-and-table">
            {mapAreas.length === 0 ? null : (
              <figure>
                <ResultsMap areas={mapAreas} />
                <figcaption>
                  <T ctx={ctx} k="mapCaption" />{' '}
                  <span class="legend">
                    {contest.choices.map((c, i) => (
                      <span key={c.id} class="key">
                        <span class={`swatch c${String(i % PALETTE.length)}`} />
                        <Name ctx={ctx} text={c.name} />
                      </span>
                    ))}
                  </span>
                  <span class="legend">
                    {MARGIN_SHADES.map((shade, i) => (
                      <span key={shade.upTo} class="key">
                        <svg class="shade" viewBox="0 0 14 14" aria-hidden="true" focusable="false">
                          <rect
                            width="14"
                            height="14"
                            fill="#1a1a1a"
                            fill-opacity={String(shade.opacity)}
                          />
                        </svg>
                        <T
                          ctx={ctx}
                          k="mapMargin"
                          values={{
                            shade: String(i),
                            from: i === 0 ? 0 : (MARGIN_SHADES[i - 1]?.upTo ?? 0),
                            to: shade.upTo,
                          }}
                        />
                      </span>
                    ))}
                  </span>
                </figcaption>
              </figure>
            )}
            <div class="scroll">
              <table class="results stack">
                <caption class="visually-hidden">{`${title}: ${ctx.m.t('byArea')}`}</caption>
                <thead>
                  <tr>
                    <th scope="col">
                      <T ctx={ctx} k="area" />
                    </th>
                    <th scope="col">
                      <T ctx={ctx} k="leader" />
                    </th>
                    <ChoiceHeaders ctx={ctx} contest={contest} />
                    <th scope="col" class="num">
                      <T ctx={ctx} k="fullyShort" />
                    </th>
                    <th scope="col" class="num">
                      <T ctx={ctx} k="expectedShort" />
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {areas.map((a) => {
                    const c = a.contests.find((x) => x.contest === contestId) as ContestResults;
                    const unit = election.units.get(a.area);
                    return (
                      <tr key={a.area}>
                        <th scope="row">
                          {election.children.has(a.area) ? (
                            <a href={`${ctx.up}${pagePaths.unit(ctx.lang, a.area)}`}>
                              <Name ctx={ctx} text={unit?.name ?? { en: a.area }} />
                            </a>
                          ) : (
                            <Name ctx={ctx} text={unit?.name ?? { en: a.area }} />
                          )}
                        </th>
                        <td data-label={ctx.m.t('leader')}>
                          {c.leaders.length === 0
                            ? '—'
                            : c.leaders.map((id, i) => {
                                const choice = contest.choices.find((x) => x.id === id);
                                return (
                                  <span key={id}>
                                    {i > 0 ? ', ' : ''}
                                    {choice === undefined ? (
                                      id
                                    ) : (
                                      <Name ctx={ctx} text={choice.name} />
                                    )}
                                  </span>
                                );
                              })}
                        </td>
                        {contest.choices.map((ch) => (
                          <td class="num" key={ch.id} data-label={pick(ctx, ch.name).text}>
                            {rankedNumber(ctx, contest, rankedBy(contest, c.total)[ch.id] ?? 0)}
                          </td>
                        ))}
                        {a.reporting.expected === c.reporting.expected ? (
                          <>
                            <td class="num" data-label={ctx.m.t('fullyShort')}>
                              {ctx.number.format(a.progress.fullyReported)}/
                              {ctx.number.format(a.reporting.expected)}
                            </td>
                            <td class="num" data-label={ctx.m.t('expectedShort')}>
                              {expectedCell(ctx, a.progress, a.ballotsCast.total)}
                            </td>
                          </>
                        ) : (
                          // The contest is on only some of the area's ballots: the area's
                          // progress is not the contest's.
                          <>
                            <td class="num" data-label={ctx.m.t('fullyShort')}>
                              —
                            </td>
                            <td class="num" data-label={ctx.m.t('expectedShort')}>
                              —
                            </td>
                          </>
                        )}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </div>
        </section>
      )}
      {/* The trend charts votes: a caucus's are in delegates, which it does not chart (yet). */}
      {contest.kind === 'caucus' ? null : <Trend ctx={ctx} contest={contest} />}
    </Layout>,
  );
}

export function unitPage(input: SiteInput, lang: Language, unitId: string): string {
  const ctx = context(input, lang, 1);
  const { election } = input;
  const unit = election.units.get(unitId);
  const area = input.area(unitId);
  if (unit === undefined || area === undefined) throw new Error(`no unit ${unitId}`);
  const title = pick(ctx, unit.name).text;
  const children = election.children.get(unitId) ?? [];
  // A county's rows are its precincts: each fully, partly or not reported (the expected vote is
  // an estimate for areas of many). Labels and words made once: a county may list thousands.
  const precincts = children.every((id) => !election.children.has(id));
  const label = {
    ballotsCast: ctx.m.t('ballotsCast'),
    registeredVoters: ctx.m.t('registeredVoters'),
    fullyShort: ctx.m.t('fullyShort'),
    expectedShort: ctx.m.t('expectedShort'),
  };
  const status = {
    full: ctx.m.t('unitStatus', { status: 'full' }),
    partly: ctx.m.t('unitStatus', { status: 'partly' }),
    none: ctx.m.t('unitStatus', { status: 'none' }),
  };
  return renderPage(
    <Layout
      ctx={ctx}
      title={title}
      page={(l) => pagePaths.unit(l, unitId)}
      asOfLog={input.asOfLog}
      area={unitId}
      contests={area.contests.map((c) => c.contest)}
    >
      <AreaOverview ctx={ctx} area={area} />
      <section aria-labelledby="contests">
        <h2 id="contests">
          <T ctx={ctx} k="contests" />
        </h2>
        {area.contests.map((c) => (
          <ContestSummary key={c.contest} ctx={ctx} results={c} area={unitId} level="h3" />
        ))}
      </section>
      <AreaLinks ctx={ctx} ids={children} />
      <section aria-labelledby="units-table">
        <h2 id="units-table">
          <T ctx={ctx} k="byArea" />
        </h2>
        <div class="scroll">
          <table class="results stack">
            <caption>{`${title}: ${ctx.m.t('byArea')}`}</caption>
            <thead>
              <tr>
                <th scope="col">
                  <T ctx={ctx} k="area" />
                </th>
                <th scope="col" class="num">
                  <T ctx={ctx} k="ballotsCast" />
                </th>
                <th scope="col" class="num">
                  <T ctx={ctx} k="registeredVoters" />
                </th>
                <th scope="col" class="num">
                  <T ctx={ctx} k="fullyShort" />
                </th>
                {precincts ? null : (
                  <th scope="col" class="num">
                    <T ctx={ctx} k="expectedShort" />
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {children.map((id) => {
                const child = input.overview(id);
                const u = election.units.get(id);
                return (
                  <tr key={id}>
                    <th scope="row">
                      <Name ctx={ctx} text={u?.name ?? { en: id }} />
                    </th>
                    <td class="num" data-label={label.ballotsCast}>
                      {ctx.number.format(child?.ballotsCast ?? 0)}
                    </td>
                    <td class="num" data-label={label.registeredVoters}>
                      {ctx.number.format(child?.registeredVoters ?? 0)}
                    </td>
                    <td class="num" data-label={label.fullyShort}>
                      {child === undefined
                        ? '—'
                        : election.children.has(id)
                          ? `${ctx.number.format(child.progress.fullyReported)}/${ctx.number.format(child.reporting.expected)}`
                          : status[unitStatus(child)]}
                    </td>
                    {precincts ? null : (
                      <td class="num" data-label={label.expectedShort}>
                        {child === undefined
                          ? '—'
                          : expectedCell(ctx, child.progress, child.ballotsCast)}
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>
      <UnitResults ctx={ctx} area={area} children={children} title={title} />
    </Layout>,
  );
}

/**
 * A page lists each reporting unit's results per contest where it has at most this many
 * beneath it (a county's precincts): a table of ten contests for a thousand precincts would be
 * megabytes on a phone. Every unit's results are in its group's file (units/), linked from it.
 */
export const UNIT_RESULTS_UP_TO = 200;

/** The results of each reporting unit beneath an area, contest by contest, and their files. */
function UnitResults(props: {
  ctx: Ctx;
  area: AreaResults;
  children: readonly string[];
  title: string;
}): preact.JSX.Element | null {
  const { ctx, area } = props;
  const { election } = ctx.input;
  const units = props.children.filter((id) => !election.children.has(id));
  if (units.length === 0) return null;
  const files = unitGroups(election)
    .filter((g) => g.parent === area.area)
    .flatMap((g) => [
      { path: unitFilePath(g.id), format: 'Tally JSON' },
      { path: unitCsvPath(g.id), format: 'CSV' },
    ]);
  const level = levelName(ctx);
  const results = units.length <= UNIT_RESULTS_UP_TO ? units.map((id) => ctx.input.area(id)) : [];
  return (
    <section aria-labelledby="unit-results">
      <h2 id="unit-results">{level}</h2>
      {results.length === 0 ? null : (
        <>
          {area.contests.map((c) => {
            const contest = election.contests.get(c.contest) as Contest;
            const name = pick(ctx, contest.name).text;
            if (contest.kind === 'caucus') {
              return (
                <section key={contest.id} aria-labelledby={`u-${contest.id}`}>
                  <h3 id={`u-${contest.id}`}>
                    <Name ctx={ctx} text={contest.name} />
                  </h3>
                  <CaucusUnits
                    ctx={ctx}
                    contest={contest}
                    units={results}
                    caption={`${name}: ${level}`}
                  />
                </section>
              );
            }
            return (
              <section key={contest.id} aria-labelledby={`u-${contest.id}`}>
                <h3 id={`u-${contest.id}`}>
                  <Name ctx={ctx} text={contest.name} />
                </h3>
                <div class="scroll">
                  <table class="results stack">
                    <caption class="visually-hidden">{`${name}: ${level}`}</caption>
                    <thead>
                      <tr>
                        <th scope="col">
                          <T ctx={ctx} k="area" />
                        </th>
                        <ChoiceHeaders ctx={ctx} contest={contest} />
                        <th scope="col">
                          <T ctx={ctx} k="fullyShort" />
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {results.map((u) => {
                        const r = u?.contests.find((x) => x.contest === contest.id);
                        if (u === undefined || r === undefined) return null;
                        const unit = election.units.get(u.area);
                        return (
                          <tr key={u.area}>
                            <th scope="row">
                              <Name ctx={ctx} text={unit?.name ?? { en: u.area }} />
                            </th>
                            {contest.choices.map((ch) => (
                              <td class="num" key={ch.id} data-label={pick(ctx, ch.name).text}>
                                {ctx.number.format(r.total.counts[ch.id] ?? 0)}
                              </td>
                            ))}
                            <td data-label={ctx.m.t('fullyShort')}>
                              {ctx.m.t('unitStatus', { status: unitStatus(u) })}
                            </td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </div>
              </section>
            );
          })}
        </>
      )}
      <ul class="downloads">
        {files.map(({ path, format }) => (
          <li key={path}>
            <a href={`${ctx.up}${path}`}>{path}</a> ({format})
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A caucus's numbers per preference group in the table of reporting units. */
const CAUCUS_UNIT_COLUMNS = [
  'firstAlignment',
  'finalAlignment',
  'countyDelegates',
  'stateDelegateEquivalents',
] as const;

/**
 * A caucus in each reporting unit: a row per preference group, with its members in the first
 * and the final alignment, its county delegates and state delegate equivalents; the unit named
 * once, for its rows.
 */
function CaucusUnits(props: {
  ctx: Ctx;
  contest: Contest;
  units: readonly (AreaResults | undefined)[];
  caption: string;
}): preact.JSX.Element {
  const { ctx, contest } = props;
  const { election } = ctx.input;
  return (
    <div class="scroll">
      <table class="results stack">
        <caption class="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">
              <T ctx={ctx} k="area" />
            </th>
            <th scope="col">
              <T ctx={ctx} k="preferenceGroup" />
            </th>
            {CAUCUS_UNIT_COLUMNS.map((k) => (
              <th scope="col" class="num" key={k}>
                <T ctx={ctx} k={k} />
              </th>
            ))}
          </tr>
        </thead>
        {props.units.map((u) => {
          const r = u?.contests.find((x) => x.contest === contest.id);
          if (u === undefined || r === undefined) return null;
          const t = r.total;
          const unit = election.units.get(u.area);
          const numbers = (id: string): string[] => [
            ctx.number.format(t.caucus?.first[id] ?? 0),
            ctx.number.format(t.counts[id] ?? 0),
            ctx.number.format(t.caucus?.delegates[id] ?? 0),
            ctx.sde.format(t.caucus?.sde[id] ?? 0),
          ];
          return (
            <tbody key={u.area}>
              {contest.choices.map((c, i) => (
                <tr key={c.id}>
                  {i === 0 ? (
                    <th scope="rowgroup" rowSpan={contest.choices.length}>
                      <Name ctx={ctx} text={unit?.name ?? { en: u.area }} />
                      <br />
                      <span class="meta">
                        {ctx.m.t('unitStatus', { status: unitStatus(u) })}
                        <br />
                        {`${ctx.m.t('countyDelegates')}: ${ctx.number.format(
                          contest.kind === 'caucus' ? (contest.delegates[u.area] ?? 0) : 0,
                        )}`}
                      </span>
                    </th>
                  ) : null}
                  <th scope="row">
                    <Name ctx={ctx} text={c.name} />
                  </th>
                  {numbers(c.id).map((text, k) => (
                    <td
                      class="num"
                      key={CAUCUS_UNIT_COLUMNS[k]}
                      data-label={ctx.m.t(CAUCUS_UNIT_COLUMNS[k] ?? 'firstAlignment')}
                    >
                      {text}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          );
        })}
      </table>
    </div>
  );
}

export function verifyPage(input: SiteInput, lang: Language): string {
  const ctx = context(input, lang, 0);
  const v = input.version;
  // The election's address, as a reader types it: its folder, with the slash.
  const site = input.siteUrl === undefined ? undefined : input.siteUrl.replace(/\/?$/, '/');
  return renderPage(
    <Layout
      ctx={ctx}
      title={ctx.m.t('verifyTitle')}
      page={(l) => pagePaths.verify(l)}
      asOfLog={v.logSize}
      contests={[]}
    >
      <p>
        <T ctx={ctx} k="verifyIntro" />
      </p>
      <p>
        <T ctx={ctx} k="verifyCheckpoint" values={{ size: v.logSize }} />
      </p>
      <pre class="code" tabindex={0}>
        {v.checkpoint}
      </pre>
      <p>
        <T ctx={ctx} k="verifyManifest" /> <a href={`${ctx.up}manifest.json`}>manifest.json</a>
      </p>
      <p>
        <T ctx={ctx} k="verifyCommand" />
      </p>
      <pre class="code" tabindex={0}>
        {'node tally-verify.mjs '}
        {site ?? (
          <>
            {'<'}
            <T ctx={ctx} k="verifySiteAddress" />
            {'>'}
          </>
        )}
        {` \\\n  --log-key '${input.verifierKeys.log}' \\\n  --manifest-key '${input.verifierKeys.manifest}'`}
      </pre>
      <p>
        <T ctx={ctx} k="verifyVerifierFile" />
      </p>
      <p>
        <T ctx={ctx} k="verifyLogLayout" />
      </p>
    </Layout>,
  );
}
