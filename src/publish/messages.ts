// Every string of the public site, as ICU messages (formatted by intl-messageformat), in each
// language Tally ships: English here, the others in catalogs/, each translating every message
// (the type says so; a test, with the English one's arguments). Names of contests, choices and
// units come from the election definition, not from here.
import { IntlMessageFormat } from 'intl-messageformat';
import { bg } from './catalogs/bg.js';
import { cs } from './catalogs/cs.js';
import { da } from './catalogs/da.js';
import { de } from './catalogs/de.js';
import { el } from './catalogs/el.js';
import { es } from './catalogs/es.js';
import { et } from './catalogs/et.js';
import { fi } from './catalogs/fi.js';
import { fr } from './catalogs/fr.js';
import { ga } from './catalogs/ga.js';
import { hr } from './catalogs/hr.js';
import { hu } from './catalogs/hu.js';
import { it } from './catalogs/it.js';
import { ko } from './catalogs/ko.js';
import { lt } from './catalogs/lt.js';
import { lv } from './catalogs/lv.js';
import { mt } from './catalogs/mt.js';
import { nl } from './catalogs/nl.js';
import { pl } from './catalogs/pl.js';
import { pt } from './catalogs/pt.js';
import { ro } from './catalogs/ro.js';
import { sk } from './catalogs/sk.js';
import { sl } from './catalogs/sl.js';
import { sv } from './catalogs/sv.js';
import { tl } from './catalogs/tl.js';
import { vi } from './catalogs/vi.js';
import { zh } from './catalogs/zh.js';

export const en = {
  resultsTitle: '{election}: results',
  testBanner: 'TEST: these are not real election results',
  unofficial: 'Unofficial results: the election office certifies the final results.',
  allCertified: 'Certified results: the election office has certified every result on this page.',
  contestStatus:
    '{status, select, early {Too early to call} called {Called} recount {Recount under way} certified {Certified} other {Unofficial}}',
  statusWinners: '{status}: {winners}',
  statusSince: 'since {time} (log entry {entry, number})',
  skipToContent: 'Skip to the results',
  home: 'All contests',
  language: 'Language',
  summary: 'Summary',
  contests: 'Contests',
  areas: 'Areas',
  // {level} is what the election calls its reporting units, as a label: Precincts, Polling
  // stations; else the reportingUnits message.
  reportingUnits: 'Reporting units',
  fullyReported:
    '{level}: {fully, number} of {expected, number} fully reported ({share, number, percent})',
  partlyReported: '{partly, number} more partly reported',
  // Where a contest is on the ballot in only part of an area.
  sentResults: '{level}: {reported, number} of {expected, number} have sent results',
  expectedVote: 'About {share, number, percent} of the expected vote counted',
  expectedVoteNote:
    'The expected vote is an estimate: each vote type’s ballots per registered voter (or per ballot the election office expects) where that type has been counted, applied to the places yet to report it. A place is fully reported once every vote type it reports is in.',
  fullyShort: 'Fully reported',
  expectedShort: 'Expected vote counted',
  unitStatus:
    '{status, select, full {Fully reported} partly {Partly reported} other {Not reported yet}}',
  turnout:
    'Turnout: {ballots, number} ballots cast of {registered, number} registered voters ({share, number, percent})',
  ballotsCastPlain: '{ballots, number} ballots cast',
  choice: 'Choice',
  party: 'Party',
  votes: 'Votes',
  share: 'Share',
  ballotsCast: 'Ballots cast',
  overvotes: 'Overvotes',
  undervotes: 'Undervotes',
  total: 'Total',
  leading: 'Leading',
  winner: 'Winner',
  outcome: 'Outcome',
  measureChoice: '“{choice}”',
  noVotesYet: 'No votes counted yet',
  voteFor: 'Vote for {n, number}',
  measure: 'Ballot measure',
  // A party caucus: its preference groups' members in the first and the final alignment, the
  // county convention delegates they won, and what those are worth at the state convention.
  caucus: 'Caucus',
  preferenceGroup: 'Preference group',
  firstAlignment: 'First alignment',
  finalAlignment: 'Final alignment',
  countyDelegates: 'County delegates',
  stateDelegateEquivalents: 'State delegate equivalents',
  measurePassing: 'Passing',
  measureFailing: 'Failing',
  passRule:
    '{atLeast, select, yes {needs at least {share} of the votes} other {needs more than {share} of the votes}}',
  byVoteType: 'Results by vote type',
  byArea: 'Results by area',
  area: 'Area',
  leader: 'Leader',
  map: 'Map',
  // The table is beside the map on a wide screen and below it on a phone: say neither.
  mapCaption:
    'Leader by area, shaded by how far ahead (the lead, in points of the vote). The table of results by area gives the same figures.',
  mapMargin:
    '{shade, select, 0 {lead under {to, number, percent}} 1 {lead of {from, number, percent} to {to, number, percent}} other {lead of {from, number, percent} or more}}',
  mapNoData: 'No results yet',
  trend: 'Results through the night',
  trendCaption:
    'Each choice’s share of the votes counted, from the first results to the newest, by the time they were counted.',
  trendFigures: 'The chart’s figures',
  time: 'Time',
  downloads: 'Download these results',
  verifyTitle: 'How to verify these results',
  verifyIntro:
    'Every number on this site is the sum of signed result submissions recorded in a public, append-only log. You do not need to trust this site: you can recompute every number yourself.',
  verifyCheckpoint:
    'This version counts the first {size, number} entries of the log, whose signed checkpoint is:',
  verifyManifest:
    'The manifest lists the SHA-256 of every file of this version and is signed by the publisher:',
  verifyCommand:
    'To check everything yourself, on any computer with Node.js 22 or newer: get tally-verify.mjs, Tally’s verifier in one file, and run:',
  verifySiteAddress: 'this site’s address',
  verifyVerifierFile:
    'tally-verify.mjs is built reproducibly from Tally’s source: the same source always gives the same file. Build it yourself (npm run build:verifier), or check that the SHA-256 of your copy is the one that build prints. Take the keys from the election office too, not only from this page.',
  verifyLogLayout:
    'The log is published in the C2SP tlog-tiles layout beside these pages, so transparency-log tools can read it and witnesses can co-sign it.',
  // A page's numbers as of the last log entry that changed them: a county's page may name an
  // earlier entry than the summary's, its numbers being as new.
  updated: 'Results last changed {time}',
  asOfLog: 'with log entry {entry, number}',
  // A contest's status, as the election office sets it.
  nextUpdate:
    '{complete, select, yes {Every place has fully reported: the next update will be the certified results.} other {New results are published within seconds of being counted.}}',
  footer: 'Published with Tally, verifiable election night reporting.',
  registeredVoters: 'Registered voters',
} as const;

export type MessageKey = keyof typeof en;
export type Catalog = Readonly<Record<MessageKey, string>>;

// The languages US counties must offer beyond Spanish under Section 203 of the Voting Rights
// Act, where their voters need them: Chinese (written in Traditional characters, as the counties
// publish it), Vietnamese, Korean and Tagalog.

/**
 * The languages Tally ships: the 24 official languages of the EU, and the four Section 203
 * languages beyond Spanish (Chinese, Vietnamese, Korean, Tagalog).
 */
export const LANGUAGES = {
  bg: { name: 'български', messages: bg },
  cs: { name: 'čeština', messages: cs },
  da: { name: 'dansk', messages: da },
  de: { name: 'Deutsch', messages: de },
  el: { name: 'ελληνικά', messages: el },
  en: { name: 'English', messages: en },
  es: { name: 'español', messages: es },
  et: { name: 'eesti', messages: et },
  fi: { name: 'suomi', messages: fi },
  fr: { name: 'français', messages: fr },
  ga: { name: 'Gaeilge', messages: ga },
  hr: { name: 'hrvatski', messages: hr },
  hu: { name: 'magyar', messages: hu },
  it: { name: 'italiano', messages: it },
  ko: { name: '한국어', messages: ko },
  lt: { name: 'lietuvių', messages: lt },
  lv: { name: 'latviešu', messages: lv },
  mt: { name: 'Malti', messages: mt },
  nl: { name: 'Nederlands', messages: nl },
  pl: { name: 'polski', messages: pl },
  pt: { name: 'português', messages: pt },
  ro: { name: 'română', messages: ro },
  sk: { name: 'slovenčina', messages: sk },
  sl: { name: 'slovenščina', messages: sl },
  sv: { name: 'svenska', messages: sv },
  tl: { name: 'Tagalog', messages: tl },
  vi: { name: 'Tiếng Việt', messages: vi },
  zh: { name: '中文', messages: zh, tag: 'zh-Hant' },
} as const satisfies Record<string, { name: string; messages: Catalog; tag?: string }>;

/**
 * A site language's BCP 47 tag, as pages declare it (`lang`) and Intl formats in it: its code,
 * but for Chinese, written in Traditional characters (zh-Hant), which `zh` alone does not say.
 */
export function languageTag(language: Language): string {
  const entry = LANGUAGES[language];
  return 'tag' in entry ? entry.tag : language;
}

export type Language = keyof typeof LANGUAGES;
export const SHIPPED_LANGUAGES = Object.keys(LANGUAGES) as readonly Language[];

/** A site language for a definition's language tag: its primary subtag, when Tally has it. */
export function siteLanguage(tag: string): Language | undefined {
  const primary = tag.split('-')[0]?.toLowerCase() ?? '';
  return primary in LANGUAGES ? (primary as Language) : undefined;
}

export type MessageValues = Record<string, string | number | Date>;

/** Formats the site's messages in one language. */
export class Messages {
  private readonly formats = new Map<MessageKey, IntlMessageFormat>();
  private readonly catalog: Catalog;

  constructor(readonly language: Language) {
    this.catalog = LANGUAGES[language].messages;
  }

  t(key: MessageKey, values?: MessageValues): string {
    let format = this.formats.get(key);
    if (format === undefined) {
      format = new IntlMessageFormat(this.catalog[key], languageTag(this.language));
      this.formats.set(key, format);
    }
    return String(format.format(values));
  }
}
