// The public site's messages in Danish.
import type { Catalog } from '../messages.js';

export const da: Catalog = {
  resultsTitle: '{election}: resultater',
  testBanner: 'TEST: Dette er ikke rigtige valgresultater',
  unofficial: 'Foreløbige resultater: Valgmyndigheden godkender de endelige resultater.',
  allCertified: 'Godkendte resultater: valgmyndigheden har godkendt alle resultater på denne side.',
  contestStatus:
    '{status, select, early {For tidligt at afgøre} called {Afgjort} recount {Genoptælling i gang} certified {Godkendt} other {Foreløbige}}',
  statusWinners: '{status}: {winners}',
  statusSince: 'siden {time} (logpost {entry, number})',
  skipToContent: 'Gå til resultaterne',
  home: 'Alle valg og afstemninger',
  language: 'Sprog',
  summary: 'Oversigt',
  contests: 'Valg og afstemninger',
  areas: 'Områder',
  reportingUnits: 'Indberetningsenheder',
  fullyReported:
    '{level}: {fully, number} af {expected, number} fuldt optalt ({share, number, percent})',
  partlyReported: 'yderligere {partly, number} delvis optalt',
  sentResults: '{level}: {reported, number} af {expected, number} har indberettet resultater',
  expectedVote: 'Ca. {share, number, percent} af de forventede stemmer er optalt',
  expectedVoteNote:
    'De forventede stemmer er et skøn: For hver stemmeform overføres antallet af stemmesedler pr. stemmeberettiget (eller pr. stemmeseddel, som valgmyndigheden forventer) fra de steder, hvor stemmeformen er optalt, til de steder, der endnu ikke har indberettet den. Et sted er fuldt optalt, når alle de stemmeformer, det indberetter, er optalt.',
  fullyShort: 'Fuldt optalt',
  expectedShort: 'Optalt af forventede stemmer',
  unitStatus:
    '{status, select, full {Fuldt optalt} partly {Delvis optalt} other {Endnu ikke indberettet}}',
  turnout:
    'Valgdeltagelse: {ballots, plural, one {# afgiven stemmeseddel} other {# afgivne stemmesedler}} af {registered, plural, one {# stemmeberettiget} other {# stemmeberettigede}} ({share, number, percent})',
  ballotsCastPlain:
    '{ballots, plural, one {# afgiven stemmeseddel} other {# afgivne stemmesedler}}',
  choice: 'Valgmulighed',
  party: 'Parti',
  votes: 'Stemmer',
  share: 'Andel',
  ballotsCast: 'Afgivne stemmesedler',
  overvotes: 'For mange krydser',
  undervotes: 'Ikke afgivne stemmer',
  total: 'I alt',
  leading: 'Fører',
  winner: 'Vinder',
  outcome: 'Udfald',
  measureChoice: '»{choice}«',
  noVotesYet: 'Endnu ingen stemmer optalt',
  voteFor: '{n, plural, one {Stem på # kandidat} other {Stem på op til # kandidater}}',
  measure: 'Folkeafstemning',
  caucus: 'Caucus',
  preferenceGroup: 'Præferencegruppe',
  firstAlignment: 'Første runde',
  finalAlignment: 'Sidste runde',
  countyDelegates: 'Countydelegerede',
  stateDelegateEquivalents: 'Statsdelegeret-ækvivalenter',
  measurePassing: 'På vej til vedtagelse',
  measureFailing: 'På vej til forkastelse',
  passRule:
    '{atLeast, select, yes {kræver mindst {share} af stemmerne} other {kræver mere end {share} af stemmerne}}',
  byVoteType: 'Resultater efter stemmeform',
  byArea: 'Resultater efter område',
  area: 'Område',
  leader: 'Fører',
  map: 'Kort',
  mapCaption:
    'Førende valgmulighed i hvert område, farvet efter forspringets størrelse (i procentpoint af stemmerne). Tabellen med resultater efter område indeholder de samme tal.',
  mapMargin:
    '{shade, select, 0 {forspring under {to, number, percent}} 1 {forspring fra {from, number, percent} til {to, number, percent}} other {forspring på {from, number, percent} eller mere}}',
  mapNoData: 'Endnu ingen resultater',
  trend: 'Resultaterne gennem valgnatten',
  trendCaption:
    'Hver valgmuligheds andel af de optalte stemmer, fra de første resultater til de nyeste, efter hvornår de blev optalt.',
  trendFigures: 'Tallene bag grafen',
  time: 'Tidspunkt',
  downloads: 'Download disse resultater',
  verifyTitle: 'Sådan kontrollerer du resultaterne',
  verifyIntro:
    'Hvert tal på dette websted er summen af signerede resultatindberetninger, som er registreret i en offentlig log, der kun kan tilføjes til. Du behøver ikke at stole på dette websted: Du kan selv regne hvert eneste tal efter.',
  verifyCheckpoint:
    'Denne version medregner {size, plural, one {den første post} other {de første # poster}} i loggen, hvis signerede kontrolpunkt (checkpoint) er:',
  verifyManifest:
    'Manifestet angiver SHA-256 for hver fil i denne version og er signeret af udgiveren:',
  verifyCommand:
    'Sådan kontrollerer du selv det hele på en hvilken som helst computer med Node.js 22 eller nyere: Hent tally-verify.mjs, Tallys verifikationsprogram i én fil, og kør:',
  verifySiteAddress: 'dette websteds adresse',
  verifyVerifierFile:
    'tally-verify.mjs bygges reproducerbart ud fra Tallys kildekode: Den samme kildekode giver altid den samme fil. Byg den selv (npm run build:verifier), eller kontrollér, at SHA-256 for din kopi er den, som bygningen udskriver. Hent også nøglerne hos valgmyndigheden, ikke kun fra denne side.',
  verifyLogLayout:
    'Loggen offentliggøres i formatet C2SP tlog-tiles ved siden af disse sider, så værktøjer til transparenslogs kan læse den, og vidner kan medsignere den.',
  updated: 'Resultaterne senest ændret: {time}',
  asOfLog: 'med logpost {entry, number}',
  nextUpdate:
    '{complete, select, yes {Alle steder er fuldt optalt: Næste opdatering bliver de godkendte resultater.} other {Nye resultater offentliggøres få sekunder efter optællingen.}}',
  footer: 'Offentliggjort med Tally – verificerbar resultatformidling på valgaftenen.',
  registeredVoters: 'Stemmeberettigede',
};
