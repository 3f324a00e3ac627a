// The public site's messages in Hungarian.
import type { Catalog } from '../messages.js';

export const hu: Catalog = {
  resultsTitle: '{election}: eredmények',
  testBanner: 'TESZT: ezek nem valódi választási eredmények',
  unofficial:
    'Nem hivatalos eredmények: a végleges eredményt a választási bizottság állapítja meg.',
  allCertified:
    'Hitelesített eredmények: a választási szerv az oldal összes eredményét hitelesítette.',
  contestStatus:
    '{status, select, early {Még túl korai} called {Eldőlt} recount {Újraszámlálás folyik} certified {Hitelesítve} other {Nem hivatalos}}',
  statusWinners: '{status}: {winners}',
  statusSince: '{time} óta (naplóbejegyzés sorszáma: {entry, number})',
  skipToContent: 'Ugrás az eredményekhez',
  home: 'Összes választás',
  language: 'Nyelv',
  summary: 'Összesítés',
  contests: 'Választások és szavazások',
  areas: 'Területek',
  reportingUnits: 'Szavazókörök',
  fullyReported:
    '{level}: {expected, number} közül {fully, number} teljesen feldolgozva ({share, number, percent})',
  partlyReported: 'további {partly, number} részben feldolgozva',
  sentResults: '{level}: {expected, number} közül {reported, number} küldött eredményt',
  expectedVote: 'Megszámlálták a várható szavazatok mintegy {share, number, percent}-át',
  expectedVoteNote:
    'A várható szavazatszám becslés: minden szavazási módnál azokban a szavazókörökben, ahol az adott mód szavazatait már megszámlálták, megnézzük, hány szavazólap jut egy névjegyzékben szereplő választópolgárra (vagy a választási iroda által várt egy szavazólapra), és ezt az arányt alkalmazzuk azokra a szavazókörökre, amelyekből ez még nem érkezett meg. Egy szavazókör akkor teljesen feldolgozott, ha az összes általa jelentett szavazási mód eredménye beérkezett.',
  fullyShort: 'Teljesen feldolgozva',
  expectedShort: 'Megszámlálva a várható szavazatokból',
  unitStatus:
    '{status, select, full {Teljesen feldolgozva} partly {Részben feldolgozva} other {Még nincs eredmény}}',
  turnout:
    'Részvétel: {ballots, number} leadott szavazólap a névjegyzékben szereplő {registered, number} választópolgárból ({share, number, percent})',
  ballotsCastPlain: '{ballots, number} leadott szavazólap',
  choice: 'Választási lehetőség',
  party: 'Párt',
  votes: 'Szavazatok',
  share: 'Arány',
  ballotsCast: 'Leadott szavazólapok',
  overvotes: 'Túl sok jelölés',
  undervotes: 'Fel nem használt szavazatok',
  total: 'Összesen',
  leading: 'Vezet',
  winner: 'Győztes',
  outcome: 'Eredmény',
  measureChoice: '„{choice}”',
  noVotesYet: 'Még nincs megszámlált szavazat',
  voteFor:
    '{n, plural, one {# jelöltre lehet szavazni} other {Legfeljebb # jelöltre lehet szavazni}}',
  measure: 'Népszavazási kérdés',
  caucus: 'Jelölőgyűlés',
  preferenceGroup: 'Támogatói csoport',
  firstAlignment: 'Első forduló',
  finalAlignment: 'Végső forduló',
  countyDelegates: 'Megyei küldöttek',
  stateDelegateEquivalents: 'Állami küldött-egyenértékek',
  measurePassing: 'Elfogadás felé halad',
  measureFailing: 'Elutasítás felé halad',
  passRule:
    '{atLeast, select, yes {szükséges szavazatarány: legalább {share}} other {szükséges szavazatarány: több mint {share}}}',
  byVoteType: 'Eredmények szavazási mód szerint',
  byArea: 'Eredmények terület szerint',
  area: 'Terület',
  leader: 'Élen álló',
  map: 'Térkép',
  mapCaption:
    'Az élen álló választási lehetőség területenként; a színárnyalat az előny mértékét mutatja (a szavazatok százalékpontjában). A területenkénti eredmények táblázata ugyanezeket a számokat tartalmazza.',
  mapMargin:
    '{shade, select, 0 {előny {to, number, percent} alatt} 1 {előny {from, number, percent} és {to, number, percent} között} other {előny {from, number, percent} vagy több}}',
  mapNoData: 'Még nincs eredmény',
  trend: 'Az eredmények alakulása a választás éjszakáján',
  trendCaption:
    'Az egyes választási lehetőségek aránya a megszámlált szavazatokból, az első eredményektől a legfrissebbekig, a megszámlálás időpontja szerint.',
  trendFigures: 'A grafikon adatai',
  time: 'Időpont',
  downloads: 'Az eredmények letöltése',
  verifyTitle: 'Így ellenőrizheti ezeket az eredményeket',
  verifyIntro:
    'Ezen a webhelyen minden szám aláírt eredményközlések összege, amelyeket egy nyilvános, csak bővíthető napló rögzít. Nem kell megbíznia ebben a webhelyben: minden számot saját maga is újraszámolhat.',
  verifyCheckpoint:
    'Ez a változat a napló első {size, number} bejegyzését veszi figyelembe. A napló aláírt ellenőrzőpontja:',
  verifyManifest:
    'A manifest tartalmazza a változat minden fájljának SHA-256-kivonatát, és a közzétevő aláírásával van ellátva:',
  verifyCommand:
    'Ha mindent saját maga szeretne ellenőrizni, bármely számítógépen, amelyen Node.js 22 vagy újabb verzió fut: töltse le a tally-verify.mjs fájlt, a Tally egyetlen fájlból álló ellenőrző programját, és futtassa a következő parancsot:',
  verifySiteAddress: 'a webhely címe',
  verifyVerifierFile:
    'A tally-verify.mjs reprodukálható módon készül a Tally forráskódjából: ugyanabból a forráskódból mindig ugyanaz a fájl jön létre. Készítse el saját maga (npm run build:verifier), vagy ellenőrizze, hogy példányának SHA-256-kivonata megegyezik-e azzal, amelyet ez a fordítás kiír. A kulcsokat a választási irodától is szerezze be, ne csak erről az oldalról.',
  verifyLogLayout:
    'A napló C2SP tlog-tiles formátumban jelenik meg ezen oldalak mellett, így az átláthatósági naplókat kezelő eszközök olvashatják, a tanúk pedig társaláírással láthatják el.',
  updated: 'Az eredmények utolsó módosítása: {time}',
  asOfLog: 'naplóbejegyzés sorszáma: {entry, number}',
  nextUpdate:
    '{complete, select, yes {Minden szavazókör teljesen feldolgozva: a következő frissítés már a végleges eredményt hozza.} other {Az új eredmények a megszámlálásuk után másodperceken belül megjelennek.}}',
  footer: 'Közzétéve a Tally segítségével: ellenőrizhető eredményközlés a választás éjszakáján.',
  registeredVoters: 'Névjegyzékben szereplő választópolgárok',
};
