// The public site's messages in Estonian.
import type { Catalog } from '../messages.js';

export const et: Catalog = {
  resultsTitle: '{election}: tulemused',
  testBanner: 'TEST: need ei ole tegelikud valimistulemused',
  unofficial: 'Esialgsed tulemused: lõplikud tulemused kinnitab valimiskomisjon.',
  allCertified:
    'Kinnitatud tulemused: valimisasutus on kinnitanud kõik sellel lehel olevad tulemused.',
  contestStatus:
    '{status, select, early {Liiga vara otsustada} called {Otsustatud} recount {Ülelugemine käib} certified {Kinnitatud} other {Mitteametlikud}}',
  statusWinners: '{status}: {winners}',
  statusSince: 'alates {time} (logikirje {entry, number})',
  skipToContent: 'Liigu tulemuste juurde',
  home: 'Kõik valimised ja hääletused',
  language: 'Keel',
  summary: 'Kokkuvõte',
  contests: 'Valimised ja hääletused',
  areas: 'Piirkonnad',
  reportingUnits: 'Aruandvad üksused',
  fullyReported:
    '{level}: {expected, number}-st on täielikult loetud {fully, number} ({share, number, percent})',
  partlyReported: 'veel {partly, number} osaliselt',
  sentResults: '{level}: {expected, number}-st on tulemused saatnud {reported, number}',
  expectedVote: 'Loetud on umbes {share, number, percent} oodatavatest häältest',
  expectedVoteNote:
    'Oodatavad hääled on hinnang: iga hääletamisviisi kohta arvutatakse kohtades, kus see on loetud, hääletussedelite arv hääleõigusliku valija kohta (või valimiskomisjoni oodatava hääletussedeli kohta) ja rakendatakse seda kohtadele, kust selle hääletamisviisi tulemusi veel pole. Koht on täielikult loetud, kui kõigi selle hääletamisviiside tulemused on laekunud.',
  fullyShort: 'Täielikult loetud',
  expectedShort: 'Oodatavatest häältest loetud',
  unitStatus:
    '{status, select, full {Täielikult loetud} partly {Osaliselt loetud} other {Tulemusi veel pole}}',
  turnout:
    'Valimisaktiivsus: {share, number, percent} (antud hääletussedeleid {ballots, number}, hääleõiguslikke valijaid {registered, number})',
  ballotsCastPlain:
    '{ballots, plural, one {# antud hääletussedel} other {# antud hääletussedelit}}',
  choice: 'Valik',
  party: 'Erakond',
  votes: 'Hääled',
  share: 'Osakaal',
  ballotsCast: 'Antud hääletussedelid',
  overvotes: 'Liiga palju valikuid',
  undervotes: 'Kasutamata hääled',
  total: 'Kokku',
  leading: 'Juhib',
  winner: 'Võitja',
  outcome: 'Tulemus',
  measureChoice: '„{choice}“',
  noVotesYet: 'Hääli pole veel loetud',
  voteFor: 'Valitavate arv: {n, number}',
  measure: 'Rahvahääletus',
  caucus: 'Kokus',
  preferenceGroup: 'Eelistusrühm',
  firstAlignment: 'Esimene voor',
  finalAlignment: 'Viimane voor',
  countyDelegates: 'Maakonna delegaadid',
  stateDelegateEquivalents: 'Osariigi delegaatide ekvivalendid',
  measurePassing: 'Võetakse vastu',
  measureFailing: 'Lükatakse tagasi',
  passRule:
    '{atLeast, select, yes {vajab vähemalt {share} häältest} other {vajab üle {share} häältest}}',
  byVoteType: 'Tulemused hääletamisviisi järgi',
  byArea: 'Tulemused piirkondade kaupa',
  area: 'Piirkond',
  leader: 'Juhib',
  map: 'Kaart',
  mapCaption:
    'Juhtiv valik piirkonniti; varjund näitab edumaa suurust (protsendipunktides häältest). Piirkondade kaupa tulemuste tabelis on samad arvud.',
  mapMargin:
    '{shade, select, 0 {edumaa alla {to, number, percent}} 1 {edumaa {from, number, percent} kuni {to, number, percent}} other {edumaa {from, number, percent} või rohkem}}',
  mapNoData: 'Tulemusi veel pole',
  trend: 'Tulemused valimisõhtu jooksul',
  trendCaption:
    'Iga valiku osakaal loetud häältest alates esimestest tulemustest kuni uusimateni, lugemise aja järgi.',
  trendFigures: 'Joonise andmed',
  time: 'Kellaaeg',
  downloads: 'Laadi need tulemused alla',
  verifyTitle: 'Kuidas neid tulemusi kontrollida',
  verifyIntro:
    'Iga arv sellel veebisaidil on allkirjastatud tulemusteadete summa; teated on kantud avalikku logisse, kuhu saab ainult lisada. Seda veebisaiti ei pea usaldama: iga arvu saab ise uuesti arvutada.',
  verifyCheckpoint:
    'See versioon hõlmab {size, plural, one {logi esimest kirjet} other {logi # esimest kirjet}}; logi allkirjastatud kontrollpunkt (checkpoint) on:',
  verifyManifest:
    'Manifestis on selle versiooni iga faili SHA-256 räsi ning selle on allkirjastanud avaldaja:',
  verifyCommand:
    'Kõike ise kontrollida saab igas arvutis, kus on Node.js 22 või uuem: laadige alla tally-verify.mjs, Tally ühefaililine kontrollprogramm, ja käivitage:',
  verifySiteAddress: 'selle veebisaidi aadress',
  verifyVerifierFile:
    'tally-verify.mjs ehitatakse Tally lähtekoodist reprodutseeritavalt: samast lähtekoodist saadakse alati sama fail. Ehitage see ise (npm run build:verifier) või kontrollige, et teie koopia SHA-256 räsi on sama, mille see ehitus väljastab. Hankige võtmed ka valimiskomisjonilt, mitte ainult sellelt lehelt.',
  verifyLogLayout:
    'Logi avaldatakse nende lehtede kõrval C2SP tlog-tiles vormingus, et läbipaistvuslogide tööriistad saaksid seda lugeda ja tunnistajad seda kaasallkirjastada.',
  updated: 'Tulemused viimati muudetud: {time}',
  asOfLog: 'logikirjega {entry, number}',
  nextUpdate:
    '{complete, select, yes {Kõik kohad on täielikult loetud: järgmise uuendusena avaldatakse kinnitatud tulemused.} other {Uued tulemused avaldatakse mõne sekundi jooksul pärast lugemist.}}',
  footer: 'Avaldatud Tally abil – kontrollitavad valimisõhtu tulemused.',
  registeredVoters: 'Hääleõiguslikud valijad',
};
