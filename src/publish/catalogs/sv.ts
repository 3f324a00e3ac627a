// The public site's messages in Swedish.
import type { Catalog } from '../messages.js';

export const sv: Catalog = {
  resultsTitle: '{election}: resultat',
  testBanner: 'TEST: detta är inte verkliga valresultat',
  unofficial: 'Preliminära resultat: valmyndigheten fastställer det slutliga resultatet.',
  allCertified:
    'Fastställda resultat: valmyndigheten har fastställt alla resultat på den här sidan.',
  contestStatus:
    '{status, select, early {För tidigt att avgöra} called {Avgjort} recount {Omräkning pågår} certified {Fastställt} other {Preliminära}}',
  statusWinners: '{status}: {winners}',
  statusSince: 'sedan {time} (loggpost {entry, number})',
  skipToContent: 'Hoppa till resultaten',
  home: 'Alla val och omröstningar',
  language: 'Språk',
  summary: 'Översikt',
  contests: 'Val och omröstningar',
  areas: 'Områden',
  reportingUnits: 'Valdistrikt',
  fullyReported:
    '{level}: {fully, number} av {expected, number} fullständigt rapporterade ({share, number, percent})',
  partlyReported: 'ytterligare {partly, number} delvis rapporterade',
  sentResults: '{level}: {reported, number} av {expected, number} har skickat in resultat',
  expectedVote: 'Cirka {share, number, percent} av det förväntade antalet röster har räknats',
  expectedVoteNote:
    'Det förväntade antalet röster är en uppskattning: för varje röstningssätt tas antalet avgivna röster per röstberättigad (eller per röst som valmyndigheten räknar med) i de valdistrikt där det röstningssättet har räknats, och det tillämpas på de valdistrikt som ännu inte har rapporterat det. Ett valdistrikt är fullständigt rapporterat när alla röstningssätt som det rapporterar har kommit in.',
  fullyShort: 'Fullständigt rapporterade',
  expectedShort: 'Räknad andel av förväntade röster',
  unitStatus:
    '{status, select, full {Fullständigt rapporterat} partly {Delvis rapporterat} other {Ännu inte rapporterat}}',
  turnout:
    'Valdeltagande: {ballots, number} avgivna röster av {registered, number} röstberättigade ({share, number, percent})',
  ballotsCastPlain: '{ballots, plural, one {# avgiven röst} other {# avgivna röster}}',
  choice: 'Alternativ',
  party: 'Parti',
  votes: 'Röster',
  share: 'Andel',
  ballotsCast: 'Avgivna röster',
  overvotes: 'Överskjutande röster',
  undervotes: 'Ej avgivna röster',
  total: 'Totalt',
  leading: 'Leder',
  winner: 'Vinnare',
  outcome: 'Utfall',
  measureChoice: '”{choice}”',
  noVotesYet: 'Inga röster räknade ännu',
  voteFor: 'Antal mandat: {n, number}',
  measure: 'Folkomröstningsfråga',
  caucus: 'Caucus',
  preferenceGroup: 'Preferensgrupp',
  firstAlignment: 'Första omgången',
  finalAlignment: 'Sista omgången',
  countyDelegates: 'Countydelegater',
  stateDelegateEquivalents: 'Statsdelegatekvivalenter',
  measurePassing: 'På väg att godkännas',
  measureFailing: 'På väg att avslås',
  passRule:
    '{atLeast, select, yes {kräver minst {share} av rösterna} other {kräver mer än {share} av rösterna}}',
  byVoteType: 'Resultat per röstningssätt',
  byArea: 'Resultat per område',
  area: 'Område',
  leader: 'Leder',
  map: 'Karta',
  mapCaption:
    'Ledande alternativ per område, skuggat efter hur stort försprånget är (i procentenheter av rösterna). Tabellen med resultat per område visar samma siffror.',
  mapMargin:
    '{shade, select, 0 {försprång under {to, number, percent}} 1 {försprång på {from, number, percent} till {to, number, percent}} other {försprång på {from, number, percent} eller mer}}',
  mapNoData: 'Inga resultat ännu',
  trend: 'Resultaten under valnatten',
  trendCaption:
    'Varje alternativs andel av de räknade rösterna, från de första resultaten till de senaste, efter tidpunkten då rösterna räknades.',
  trendFigures: 'Diagrammets siffror',
  time: 'Tid',
  downloads: 'Ladda ner dessa resultat',
  verifyTitle: 'Så kontrollerar du dessa resultat',
  verifyIntro:
    'Varje siffra på den här webbplatsen är summan av signerade resultatrapporter som har förts in i en offentlig logg där poster bara kan läggas till. Du behöver inte lita på den här webbplatsen: du kan själv räkna om varje siffra.',
  verifyCheckpoint:
    'Den här versionen omfattar loggens {size, plural, one {första post} other {första # poster}}, och loggens signerade kontrollpunkt (checkpoint) är då:',
  verifyManifest:
    'Manifestet anger SHA-256 för varje fil i den här versionen och är signerat av utgivaren:',
  verifyCommand:
    'För att själv kontrollera allt, på valfri dator med Node.js 22 eller senare: hämta tally-verify.mjs, Tallys verifierare i en enda fil, och kör:',
  verifySiteAddress: 'den här webbplatsens adress',
  verifyVerifierFile:
    'tally-verify.mjs byggs reproducerbart från Tallys källkod: samma källkod ger alltid samma fil. Bygg den själv (npm run build:verifier) eller kontrollera att SHA-256 för din kopia är den som bygget skriver ut. Hämta också nycklarna från valmyndigheten, inte bara från den här sidan.',
  verifyLogLayout:
    'Loggen publiceras i formatet C2SP tlog-tiles bredvid de här sidorna, så att verktyg för transparensloggar kan läsa den och vittnen kan medsignera den.',
  updated: 'Resultaten ändrades senast {time}',
  asOfLog: 'med loggpost {entry, number}',
  nextUpdate:
    '{complete, select, yes {Alla valdistrikt har rapporterat fullständigt: nästa uppdatering blir det fastställda resultatet.} other {Nya resultat publiceras inom några sekunder efter att de har räknats.}}',
  footer: 'Publicerat med Tally, verifierbar resultatrapportering på valnatten.',
  registeredVoters: 'Röstberättigade',
};
