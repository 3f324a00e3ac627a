// The public site's messages in Slovenian.
import type { Catalog } from '../messages.js';

export const sl: Catalog = {
  resultsTitle: '{election}: rezultati',
  testBanner: 'TEST: to niso resnični volilni rezultati',
  unofficial: 'Neuradni rezultati: končne rezultate potrdi volilna komisija.',
  allCertified: 'Potrjeni izidi: volilni organ je potrdil vse izide na tej strani.',
  contestStatus:
    '{status, select, early {Prezgodaj za oceno} called {Odločeno} recount {Ponovno štetje poteka} certified {Potrjeno} other {Neuradni}}',
  statusWinners: '{status}: {winners}',
  statusSince: 'od {time} (vnos v dnevnik št. {entry, number})',
  skipToContent: 'Preskoči na rezultate',
  home: 'Vse volitve in glasovanja',
  language: 'Jezik',
  summary: 'Povzetek',
  contests: 'Volitve in glasovanja',
  areas: 'Območja',
  reportingUnits: 'Volišča',
  fullyReported:
    '{level}: {fully, number} od {expected, number} s popolnimi rezultati ({share, number, percent})',
  partlyReported: 'še {partly, number} z delnimi rezultati',
  sentResults: '{level}: {reported, number} od {expected, number} s sporočenimi rezultati',
  expectedVote: 'Preštetih je približno {share, number, percent} pričakovanih glasov',
  expectedVoteNote:
    'Pričakovano število glasov je ocena: za vsak način glasovanja se število glasovnic na volivca v volilnem imeniku (ali na glasovnico, ki jo pričakuje volilna komisija) tam, kjer so bili glasovi tega načina glasovanja že prešteti, uporabi za volišča, ki jih še niso sporočila. Volišče ima popolne rezultate, ko so sporočeni rezultati vseh načinov glasovanja, ki jih sporoča.',
  fullyShort: 'Popolni rezultati',
  expectedShort: 'Prešteto od pričakovanih glasov',
  unitStatus:
    '{status, select, full {Popolni rezultati} partly {Delni rezultati} other {Rezultatov še ni}}',
  turnout:
    'Volilna udeležba: {share, number, percent} (oddane glasovnice: {ballots, number}; volivci v volilnem imeniku: {registered, number})',
  ballotsCastPlain:
    '{ballots, plural, one {# oddana glasovnica} two {# oddani glasovnici} few {# oddane glasovnice} other {# oddanih glasovnic}}',
  choice: 'Kandidat ali odgovor',
  party: 'Stranka',
  votes: 'Glasovi',
  share: 'Delež',
  ballotsCast: 'Oddane glasovnice',
  overvotes: 'Presežni glasovi',
  undervotes: 'Neoddani glasovi',
  total: 'Skupaj',
  leading: 'Vodi',
  winner: 'Zmagovalec',
  outcome: 'Izid',
  measureChoice: '»{choice}«',
  noVotesYet: 'Preštetih glasov še ni',
  voteFor: 'Število mandatov: {n, number}',
  measure: 'Referendumsko vprašanje',
  caucus: 'Kokus',
  preferenceGroup: 'Skupina podpornikov',
  firstAlignment: 'Prva razvrstitev',
  finalAlignment: 'Končna razvrstitev',
  countyDelegates: 'Okrožni delegati',
  stateDelegateEquivalents: 'Ekvivalenti državnih delegatov',
  measurePassing: 'Kaže na sprejetje',
  measureFailing: 'Kaže na zavrnitev',
  passRule:
    '{atLeast, select, yes {potrebuje vsaj {share} glasov} other {potrebuje več kot {share} glasov}}',
  byVoteType: 'Rezultati po načinu glasovanja',
  byArea: 'Rezultati po območjih',
  area: 'Območje',
  leader: 'Vodi',
  map: 'Zemljevid',
  mapCaption:
    'Kdo vodi na posameznih območjih; odtenek kaže prednost (v odstotnih točkah glasov). Enake podatke navaja preglednica rezultatov po območjih.',
  mapMargin:
    '{shade, select, 0 {prednost manj kot {to, number, percent}} 1 {prednost od {from, number, percent} do {to, number, percent}} other {prednost {from, number, percent} ali več}}',
  mapNoData: 'Rezultatov še ni',
  trend: 'Rezultati skozi volilni večer',
  trendCaption:
    'Delež vsakega kandidata ali odgovora med preštetimi glasovi, od prvih do najnovejših rezultatov, glede na čas, ko so bili glasovi prešteti.',
  trendFigures: 'Podatki grafikona',
  time: 'Čas',
  downloads: 'Prenesi te rezultate',
  verifyTitle: 'Kako preveriti te rezultate',
  verifyIntro:
    'Vsako število na tem spletnem mestu je vsota podpisanih sporočil o rezultatih, zapisanih v javni dnevnik, v katerega je mogoče samo dodajati. Temu spletnemu mestu vam ni treba zaupati: vsako število lahko izračunate sami.',
  verifyCheckpoint:
    'Ta različica upošteva {size, plural, one {prvi # vnos} two {prva # vnosa} few {prve # vnose} other {prvih # vnosov}} dnevnika. Podpisana kontrolna točka (checkpoint) dnevnika v tem stanju:',
  verifyManifest:
    'Manifest navaja zgoščeno vrednost SHA-256 vsake datoteke te različice, podpisal pa ga je izdajatelj:',
  verifyCommand:
    'Če želite vse preveriti sami, na katerem koli računalniku z Node.js 22 ali novejšim: prenesite tally-verify.mjs, preverjevalnik Tally v eni datoteki, in zaženite:',
  verifySiteAddress: 'naslov tega spletnega mesta',
  verifyVerifierFile:
    'tally-verify.mjs je iz izvorne kode Tally zgrajen ponovljivo: ista izvorna koda vedno da isto datoteko. Zgradite ga sami (npm run build:verifier) ali preverite, ali je zgoščena vrednost SHA-256 vaše kopije enaka tisti, ki jo izpiše ta gradnja. Ključe pridobite tudi pri volilni komisiji, ne le s te strani.',
  verifyLogLayout:
    'Dnevnik je objavljen v obliki C2SP tlog-tiles poleg teh strani, da ga lahko orodja za dnevnike preglednosti berejo, priče pa sopodpišejo.',
  updated: 'Zadnja sprememba izidov: {time}',
  asOfLog: 'vnos v dnevnik št. {entry, number}',
  nextUpdate:
    '{complete, select, yes {Vsa volišča imajo popolne rezultate: naslednja posodobitev bodo potrjeni rezultati.} other {Novi rezultati so objavljeni nekaj sekund po preštetju.}}',
  footer: 'Objavljeno s sistemom Tally – preverljivi rezultati volilnega večera.',
  registeredVoters: 'Volivci v volilnem imeniku',
};
