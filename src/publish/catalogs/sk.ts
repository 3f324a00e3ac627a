// The public site's messages in Slovak.
import type { Catalog } from '../messages.js';

export const sk: Catalog = {
  resultsTitle: '{election}: výsledky',
  testBanner: 'TEST: toto nie sú skutočné výsledky volieb',
  unofficial: 'Neoficiálne výsledky: konečné výsledky potvrdzuje volebná komisia.',
  allCertified: 'Overené výsledky: volebný orgán overil všetky výsledky na tejto stránke.',
  contestStatus:
    '{status, select, early {Príliš skoro na odhad} called {Rozhodnuté} recount {Prebieha prepočítavanie} certified {Overené} other {Neoficiálne}}',
  statusWinners: '{status}: {winners}',
  statusSince: 'od {time} (záznam v denníku č. {entry, number})',
  skipToContent: 'Prejsť na výsledky',
  home: 'Všetky voľby a hlasovania',
  language: 'Jazyk',
  summary: 'Prehľad',
  contests: 'Voľby a hlasovania',
  areas: 'Oblasti',
  reportingUnits: 'Volebné okrsky',
  fullyReported:
    '{level}: {fully, number} z {expected, number} s úplnými výsledkami ({share, number, percent})',
  partlyReported: 'ešte {partly, number} s čiastočnými výsledkami',
  sentResults: '{level}: {reported, number} z {expected, number} so zaslanými výsledkami',
  expectedVote: 'Podiel sčítaných hlasov z očakávaného počtu: približne {share, number, percent}',
  expectedVoteNote:
    'Očakávaný počet hlasov je odhad: pre každý spôsob hlasovania sa vezme počet hlasovacích lístkov na jedného zapísaného voliča (alebo na jeden hlasovací lístok, ktorý očakáva volebná komisia) tam, kde už boli hlasy odovzdané týmto spôsobom sčítané, a uplatní sa na okrsky, ktoré ich ešte nenahlásili. Okrsok má úplné výsledky, keď sú k dispozícii výsledky všetkých spôsobov hlasovania, ktoré hlási.',
  fullyShort: 'Úplné výsledky',
  expectedShort: 'Sčítané z očakávaných hlasov',
  unitStatus:
    '{status, select, full {Úplné výsledky} partly {Čiastočné výsledky} other {Zatiaľ bez výsledkov}}',
  turnout:
    'Účasť: {share, number, percent} (odovzdané hlasovacie lístky: {ballots, number}; zapísaní voliči: {registered, number})',
  ballotsCastPlain:
    '{ballots, plural, one {# odovzdaný hlasovací lístok} few {# odovzdané hlasovacie lístky} many {# odovzdaného hlasovacieho lístka} other {# odovzdaných hlasovacích lístkov}}',
  choice: 'Kandidát alebo odpoveď',
  party: 'Strana',
  votes: 'Hlasy',
  share: 'Podiel',
  ballotsCast: 'Odovzdané hlasovacie lístky',
  overvotes: 'Nadpočetné hlasy',
  undervotes: 'Neodovzdané hlasy',
  total: 'Spolu',
  leading: 'Vedie',
  winner: 'Víťaz',
  outcome: 'Výsledok',
  measureChoice: '„{choice}“',
  noVotesYet: 'Zatiaľ neboli sčítané žiadne hlasy',
  voteFor: 'Počet mandátov: {n, number}',
  measure: 'Otázka predložená na hlasovanie',
  caucus: 'Caucus',
  preferenceGroup: 'Preferenčná skupina',
  firstAlignment: 'Prvé zoskupenie',
  finalAlignment: 'Konečné zoskupenie',
  countyDelegates: 'Okresní delegáti',
  stateDelegateEquivalents: 'Ekvivalenty štátnych delegátov',
  measurePassing: 'Smeruje k prijatiu',
  measureFailing: 'Smeruje k zamietnutiu',
  passRule:
    '{atLeast, select, yes {vyžaduje aspoň {share} hlasov} other {vyžaduje viac ako {share} hlasov}}',
  byVoteType: 'Výsledky podľa spôsobu hlasovania',
  byArea: 'Výsledky podľa oblastí',
  area: 'Oblasť',
  leader: 'Vedie',
  map: 'Mapa',
  mapCaption:
    'Kto vedie v jednotlivých oblastiach; sýtosť farby zodpovedá náskoku (v percentuálnych bodoch hlasov). Rovnaké údaje uvádza tabuľka výsledkov podľa oblastí.',
  mapMargin:
    '{shade, select, 0 {náskok menej ako {to, number, percent}} 1 {náskok od {from, number, percent} do {to, number, percent}} other {náskok {from, number, percent} a viac}}',
  mapNoData: 'Zatiaľ bez výsledkov',
  trend: 'Vývoj výsledkov počas volebnej noci',
  trendCaption:
    'Podiel každého kandidáta alebo odpovede na sčítaných hlasoch od prvých po najnovšie výsledky podľa času, keď boli hlasy sčítané.',
  trendFigures: 'Údaje z grafu',
  time: 'Čas',
  downloads: 'Stiahnuť tieto výsledky',
  verifyTitle: 'Ako overiť tieto výsledky',
  verifyIntro:
    'Každé číslo na tejto stránke je súčtom podpísaných hlásení výsledkov zaznamenaných vo verejnom denníku, do ktorého možno iba pridávať. Tejto stránke nemusíte dôverovať: každé číslo si môžete sami prepočítať.',
  verifyCheckpoint:
    'Táto verzia zahŕňa {size, plural, one {prvý záznam} few {prvé # záznamy} many {prvých # záznamu} other {prvých # záznamov}} denníka. Podpísaný kontrolný bod (checkpoint) denníka v tomto stave:',
  verifyManifest:
    'Manifest uvádza odtlačok SHA-256 každého súboru tejto verzie a je podpísaný vydavateľom:',
  verifyCommand:
    'Ak si chcete všetko overiť sami, na ľubovoľnom počítači s Node.js 22 alebo novším: stiahnite si tally-verify.mjs, overovací nástroj Tally v jednom súbore, a spustite:',
  verifySiteAddress: 'adresa tejto stránky',
  verifyVerifierFile:
    'tally-verify.mjs sa zo zdrojového kódu Tally zostavuje reprodukovateľne: z rovnakého zdrojového kódu vznikne vždy rovnaký súbor. Zostavte si ho sami (npm run build:verifier) alebo skontrolujte, či sa odtlačok SHA-256 vašej kópie zhoduje s tým, ktorý vypíše toto zostavenie. Kľúče si zaobstarajte aj od volebnej komisie, nielen z tejto stránky.',
  verifyLogLayout:
    'Denník sa zverejňuje vo formáte C2SP tlog-tiles vedľa týchto stránok, aby ho nástroje pre denníky transparentnosti mohli čítať a svedkovia spolupodpisovať.',
  updated: 'Posledná zmena výsledkov: {time}',
  asOfLog: 'záznam v denníku č. {entry, number}',
  nextUpdate:
    '{complete, select, yes {Všetky okrsky majú úplné výsledky: ďalšou aktualizáciou budú potvrdené výsledky.} other {Nové výsledky sa zverejňujú niekoľko sekúnd po ich sčítaní.}}',
  footer: 'Zverejnené pomocou Tally – overiteľné výsledky vo volebnú noc.',
  registeredVoters: 'Zapísaní voliči',
};
