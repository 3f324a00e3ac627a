// The public site's messages in Czech.
import type { Catalog } from '../messages.js';

export const cs: Catalog = {
  resultsTitle: '{election}: výsledky',
  testBanner: 'TEST: nejde o skutečné výsledky voleb',
  unofficial: 'Předběžné výsledky: konečné výsledky potvrzuje volební úřad.',
  allCertified: 'Ověřené výsledky: volební orgán ověřil všechny výsledky na této stránce.',
  contestStatus:
    '{status, select, early {Příliš brzy na odhad} called {Rozhodnuto} recount {Probíhá přepočítávání} certified {Ověřeno} other {Neoficiální}}',
  statusWinners: '{status}: {winners}',
  statusSince: 'od {time} (záznam v logu č. {entry, number})',
  skipToContent: 'Přejít na výsledky',
  home: 'Všechny volby a hlasování',
  language: 'Jazyk',
  summary: 'Přehled',
  contests: 'Volby a hlasování',
  areas: 'Oblasti',
  reportingUnits: 'Zpravodajské jednotky',
  fullyReported:
    '{level}: {fully, number} z {expected, number} s kompletními výsledky ({share, number, percent})',
  partlyReported:
    '{partly, plural, one {další # s částečnými výsledky} few {další # s částečnými výsledky} many {dalších # s částečnými výsledky} other {dalších # s částečnými výsledky}}',
  sentResults: '{level}: výsledky odeslalo {reported, number} z {expected, number}',
  expectedVote: 'Sečteno přibližně {share, number, percent} očekávaných hlasů',
  expectedVoteNote:
    'Očekávané hlasy jsou odhadem: u každého způsobu hlasování se počet hlasovacích lístků na voliče v seznamu (nebo na lístek, který volební úřad očekává) v místech, kde byl tento způsob hlasování již sečten, uplatní na místa, která jej dosud nenahlásila. Místo má kompletní výsledky, jakmile jsou sečteny všechny způsoby hlasování, které hlásí.',
  fullyShort: 'Kompletní výsledky',
  expectedShort: 'Sečteno z očekávaných hlasů',
  unitStatus:
    '{status, select, full {Kompletní výsledky} partly {Částečné výsledky} other {Zatím bez výsledků}}',
  turnout:
    'Volební účast: {share, number, percent} (odevzdané hlasovací lístky: {ballots, number}, voliči v seznamu: {registered, number})',
  ballotsCastPlain:
    '{ballots, plural, one {# odevzdaný hlasovací lístek} few {# odevzdané hlasovací lístky} many {# odevzdaného hlasovacího lístku} other {# odevzdaných hlasovacích lístků}}',
  choice: 'Možnost',
  party: 'Strana',
  votes: 'Hlasy',
  share: 'Podíl',
  ballotsCast: 'Odevzdané hlasovací lístky',
  overvotes: 'Příliš mnoho označení',
  undervotes: 'Nevyužité hlasy',
  total: 'Celkem',
  leading: 'Vede',
  winner: 'Vítěz',
  outcome: 'Výsledek',
  measureChoice: '„{choice}“',
  noVotesYet: 'Zatím nebyly sečteny žádné hlasy',
  voteFor:
    '{n, plural, one {Volí se # kandidát} few {Volí se # kandidáti} many {Volí se # kandidáta} other {Volí se # kandidátů}}',
  measure: 'Referendum',
  caucus: 'Caucus',
  preferenceGroup: 'Preferenční skupina',
  firstAlignment: 'První seskupení',
  finalAlignment: 'Konečné seskupení',
  countyDelegates: 'Okresní delegáti',
  stateDelegateEquivalents: 'Ekvivalenty státních delegátů',
  measurePassing: 'Směřuje k přijetí',
  measureFailing: 'Směřuje k zamítnutí',
  passRule:
    '{atLeast, select, yes {vyžaduje alespoň {share} hlasů} other {vyžaduje více než {share} hlasů}}',
  byVoteType: 'Výsledky podle způsobu hlasování',
  byArea: 'Výsledky podle oblastí',
  area: 'Oblast',
  leader: 'Vede',
  map: 'Mapa',
  mapCaption:
    'Vedoucí možnost v jednotlivých oblastech, odstín podle náskoku (v procentních bodech hlasů). Tabulka výsledků podle oblastí uvádí stejné údaje.',
  mapMargin:
    '{shade, select, 0 {náskok pod {to, number, percent}} 1 {náskok {from, number, percent} až {to, number, percent}} other {náskok {from, number, percent} a více}}',
  mapNoData: 'Zatím bez výsledků',
  trend: 'Vývoj výsledků během volební noci',
  trendCaption:
    'Podíl každé možnosti na sečtených hlasech od prvních výsledků po nejnovější, podle času sečtení.',
  trendFigures: 'Údaje grafu',
  time: 'Čas',
  downloads: 'Stáhnout tyto výsledky',
  verifyTitle: 'Jak tyto výsledky ověřit',
  verifyIntro:
    'Každé číslo na tomto webu je součtem podepsaných hlášení výsledků zaznamenaných ve veřejném logu, do kterého lze pouze přidávat. Tomuto webu nemusíte věřit: každé číslo si můžete sami přepočítat.',
  verifyCheckpoint:
    'Tato verze zahrnuje {size, plural, one {první záznam} few {první # záznamy} many {prvních # záznamu} other {prvních # záznamů}} logu; jeho podepsaný kontrolní bod (checkpoint) je:',
  verifyManifest: 'Manifest uvádí SHA-256 každého souboru této verze a je podepsán vydavatelem:',
  verifyCommand:
    'Chcete-li vše ověřit sami, na libovolném počítači s Node.js 22 nebo novějším si stáhněte tally-verify.mjs, ověřovací program Tally v jediném souboru, a spusťte:',
  verifySiteAddress: 'adresa tohoto webu',
  verifyVerifierFile:
    'tally-verify.mjs se sestavuje reprodukovatelně ze zdrojového kódu Tally: ze stejného zdrojového kódu vznikne vždy stejný soubor. Sestavte si jej sami (npm run build:verifier), nebo ověřte, že SHA-256 vaší kopie odpovídá hodnotě, kterou toto sestavení vypíše. Klíče si vyžádejte také od volebního úřadu, nejen z této stránky.',
  verifyLogLayout:
    'Log je zveřejněn ve formátu C2SP tlog-tiles vedle těchto stránek, takže jej mohou číst nástroje pro transparentní logy a svědci jej mohou spolupodepisovat.',
  updated: 'Výsledky naposledy změněny: {time}',
  asOfLog: 'záznam v logu č. {entry, number}',
  nextUpdate:
    '{complete, select, yes {Všechna místa mají kompletní výsledky: další aktualizací budou potvrzené výsledky.} other {Nové výsledky se zveřejňují během několika sekund po sečtení.}}',
  footer: 'Zveřejněno pomocí systému Tally – ověřitelné výsledky volební noci.',
  registeredVoters: 'Voliči v seznamu',
};
