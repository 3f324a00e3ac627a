// The public site's messages in Lithuanian.
import type { Catalog } from '../messages.js';

export const lt: Catalog = {
  resultsTitle: '{election}: rezultatai',
  testBanner: 'TESTAS: tai nėra tikri rinkimų rezultatai',
  unofficial: 'Neoficialūs rezultatai: galutinius rezultatus patvirtina rinkimų komisija.',
  allCertified:
    'Patvirtinti rezultatai: rinkimų institucija patvirtino visus šiame puslapyje pateiktus rezultatus.',
  contestStatus:
    '{status, select, early {Per anksti spręsti} called {Išspręsta} recount {Vyksta perskaičiavimas} certified {Patvirtinta} other {Neoficialūs}}',
  statusWinners: '{status}: {winners}',
  statusSince: 'nuo {time} (žurnalo įrašas Nr. {entry, number})',
  skipToContent: 'Pereiti prie rezultatų',
  home: 'Visi rinkimai',
  language: 'Kalba',
  summary: 'Suvestinė',
  contests: 'Rinkimai ir referendumai',
  areas: 'Teritorijos',
  reportingUnits: 'Rinkimų apylinkės',
  fullyReported:
    '{level}: {fully, number} iš {expected, number} pateikė visus rezultatus ({share, number, percent})',
  partlyReported: 'dar {partly, number} pateikė dalį rezultatų',
  sentResults: '{level}: {reported, number} iš {expected, number} pateikė rezultatus',
  expectedVote: 'Suskaičiuota apie {share, number, percent} laukiamų balsų',
  expectedVoteNote:
    'Laukiamų balsų skaičius yra apytikris įvertinimas: kiekvienam balsavimo būdui apskaičiuojama, kiek biuletenių tenka vienam registruotam rinkėjui (arba vienam rinkimų komisijos laukiamam biuleteniui) ten, kur to būdo balsai jau suskaičiuoti, ir šis santykis taikomas apylinkėms, kurios jų dar nepateikė. Apylinkė laikoma pateikusia visus rezultatus, kai gauti visų jos balsavimo būdų rezultatai.',
  fullyShort: 'Pateikti visi rezultatai',
  expectedShort: 'Suskaičiuota laukiamų balsų',
  unitStatus:
    '{status, select, full {Pateikti visi rezultatai} partly {Pateikta dalis rezultatų} other {Rezultatų dar nėra}}',
  turnout:
    'Aktyvumas: {ballots, plural, one {# biuletenis} few {# biuleteniai} many {# biuletenio} other {# biuletenių}} iš {registered, plural, one {# registruoto rinkėjo} few {# registruotų rinkėjų} many {# registruoto rinkėjo} other {# registruotų rinkėjų}} ({share, number, percent})',
  ballotsCastPlain: 'Pateikta biuletenių: {ballots, number}',
  choice: 'Pasirinkimas',
  party: 'Partija',
  votes: 'Balsai',
  share: 'Dalis',
  ballotsCast: 'Pateikti biuleteniai',
  overvotes: 'Pažymėta per daug',
  undervotes: 'Nepanaudoti balsai',
  total: 'Iš viso',
  leading: 'Pirmauja',
  winner: 'Laimėtojas',
  outcome: 'Rezultatas',
  measureChoice: '„{choice}“',
  noVotesYet: 'Balsai dar neskaičiuoti',
  voteFor:
    '{n, plural, =1 {Galima balsuoti už # kandidatą} one {Galima balsuoti daugiausia už # kandidatą} few {Galima balsuoti daugiausia už # kandidatus} many {Galima balsuoti daugiausia už # kandidato} other {Galima balsuoti daugiausia už # kandidatų}}',
  measure: 'Referendumo klausimas',
  caucus: 'Kokusas',
  preferenceGroup: 'Rėmėjų grupė',
  firstAlignment: 'Pirmasis pasiskirstymas',
  finalAlignment: 'Galutinis pasiskirstymas',
  countyDelegates: 'Apygardos delegatai',
  stateDelegateEquivalents: 'Valstijos delegatų ekvivalentai',
  measurePassing: 'Kol kas pritarta',
  measureFailing: 'Kol kas nepritarta',
  passRule:
    '{atLeast, select, yes {reikia ne mažiau kaip {share} balsų} other {reikia daugiau kaip {share} balsų}}',
  byVoteType: 'Rezultatai pagal balsavimo būdą',
  byArea: 'Rezultatai pagal teritorijas',
  area: 'Teritorija',
  leader: 'Pirmauja',
  map: 'Žemėlapis',
  mapCaption:
    'Pirmaujantis pasirinkimas kiekvienoje teritorijoje; atspalvis rodo persvarą (balsų procentiniais punktais). Tuos pačius skaičius pateikia rezultatų pagal teritorijas lentelė.',
  mapMargin:
    '{shade, select, 0 {persvara mažesnė nei {to, number, percent}} 1 {persvara nuo {from, number, percent} iki {to, number, percent}} other {persvara {from, number, percent} ar daugiau}}',
  mapNoData: 'Rezultatų dar nėra',
  trend: 'Rezultatų kaita per rinkimų naktį',
  trendCaption:
    'Kiekvieno pasirinkimo dalis suskaičiuotų balsų, nuo pirmųjų iki naujausių rezultatų, pagal tai, kada balsai buvo suskaičiuoti.',
  trendFigures: 'Diagramos duomenys',
  time: 'Laikas',
  downloads: 'Atsisiųsti šiuos rezultatus',
  verifyTitle: 'Kaip patikrinti šiuos rezultatus',
  verifyIntro:
    'Kiekvienas skaičius šioje svetainėje yra pasirašytų pateiktų rezultatų suma; jie įrašyti į viešą žurnalą, kurį galima tik papildyti. Jums nereikia pasitikėti šia svetaine: kiekvieną skaičių galite perskaičiuoti patys.',
  verifyCheckpoint:
    'Šioje versijoje įskaičiuota pirmųjų žurnalo įrašų: {size, number}. Pasirašytas žurnalo kontrolinis taškas:',
  verifyManifest:
    'Manifeste nurodytos visų šios versijos failų SHA-256 santraukos; manifestą pasirašė leidėjas:',
  verifyCommand:
    'Norėdami viską patikrinti patys, bet kuriame kompiuteryje su Node.js 22 ar naujesne versija atsisiųskite tally-verify.mjs – vieno failo Tally tikrinimo programą – ir paleiskite:',
  verifySiteAddress: 'šios svetainės adresas',
  verifyVerifierFile:
    'Failas tally-verify.mjs atkuriamu būdu sukuriamas iš Tally išeities kodo: iš to paties išeities kodo visada gaunamas tas pats failas. Sukurkite jį patys (npm run build:verifier) arba patikrinkite, ar jūsų kopijos SHA-256 santrauka sutampa su ta, kurią išveda šis kūrimas. Raktus gaukite ir iš rinkimų komisijos, ne tik iš šio puslapio.',
  verifyLogLayout:
    'Žurnalas skelbiamas C2SP tlog-tiles formatu šalia šių puslapių, todėl skaidrumo žurnalų įrankiai gali jį skaityti, o liudytojai – kartu pasirašyti.',
  updated: 'Rezultatai paskutinį kartą pakeisti: {time}',
  asOfLog: 'žurnalo įrašu Nr. {entry, number}',
  nextUpdate:
    '{complete, select, yes {Visos apylinkės pateikė visus rezultatus: kitas atnaujinimas bus patvirtinti rezultatai.} other {Nauji rezultatai skelbiami per kelias sekundes nuo jų suskaičiavimo.}}',
  footer: 'Paskelbta naudojant Tally – patikrinamą rinkimų nakties rezultatų skelbimo sistemą.',
  registeredVoters: 'Registruoti rinkėjai',
};
