// The public site's messages in Latvian.
import type { Catalog } from '../messages.js';

export const lv: Catalog = {
  resultsTitle: '{election}: rezultāti',
  testBanner: 'TESTS: šie nav īsti vēlēšanu rezultāti',
  unofficial: 'Neoficiālie rezultāti: galīgos rezultātus apstiprina vēlēšanu komisija.',
  allCertified:
    'Apstiprinātie rezultāti: vēlēšanu iestāde ir apstiprinājusi visus šajā lapā redzamos rezultātus.',
  contestStatus:
    '{status, select, early {Pārāk agri spriest} called {Izšķirts} recount {Notiek pārskaitīšana} certified {Apstiprināts} other {Neoficiāli}}',
  statusWinners: '{status}: {winners}',
  statusSince: 'kopš {time} (žurnāla ieraksts Nr. {entry, number})',
  skipToContent: 'Pāriet uz rezultātiem',
  home: 'Visas vēlēšanas',
  language: 'Valoda',
  summary: 'Kopsavilkums',
  contests: 'Vēlēšanas un referendumi',
  areas: 'Teritorijas',
  reportingUnits: 'Vēlēšanu iecirkņi',
  fullyReported:
    '{level}: {fully, number} no {expected, number} ar pilniem rezultātiem ({share, number, percent})',
  partlyReported: 'vēl {partly, number} ar daļējiem rezultātiem',
  sentResults: '{level}: rezultātus iesniedza {reported, number} no {expected, number}',
  expectedVote: 'Saskaitīti aptuveni {share, number, percent} no gaidāmajām balsīm',
  expectedVoteNote:
    'Gaidāmais balsu skaits ir aplēse: katram balsošanas veidam aprēķina, cik vēlēšanu zīmju ir uz vienu reģistrēto vēlētāju (vai uz vienu vēlēšanu komisijas gaidīto vēlēšanu zīmi) tur, kur šā veida balsis ir saskaitītas, un šo attiecību piemēro iecirkņiem, kas tās vēl nav iesnieguši. Iecirknim ir pilni rezultāti, kad ir saņemti rezultāti par visiem tā balsošanas veidiem.',
  fullyShort: 'Pilni rezultāti',
  expectedShort: 'Saskaitīts no gaidāmajām balsīm',
  unitStatus:
    '{status, select, full {Pilni rezultāti} partly {Daļēji rezultāti} other {Rezultātu vēl nav}}',
  turnout:
    'Vēlētāju aktivitāte: {ballots, plural, zero {nodotas # vēlēšanu zīmes} one {nodota # vēlēšanu zīme} other {nodotas # vēlēšanu zīmes}} no {registered, plural, zero {# reģistrētajiem vēlētājiem} one {# reģistrētā vēlētāja} other {# reģistrētajiem vēlētājiem}} ({share, number, percent})',
  ballotsCastPlain:
    '{ballots, plural, zero {Nodotas # vēlēšanu zīmes} one {Nodota # vēlēšanu zīme} other {Nodotas # vēlēšanu zīmes}}',
  choice: 'Izvēle',
  party: 'Partija',
  votes: 'Balsis',
  share: 'Īpatsvars',
  ballotsCast: 'Nodotās vēlēšanu zīmes',
  overvotes: 'Pārāk daudz atzīmju',
  undervotes: 'Neizmantotās balsis',
  total: 'Kopā',
  leading: 'Vadībā',
  winner: 'Uzvarētājs',
  outcome: 'Iznākums',
  measureChoice: '“{choice}”',
  noVotesYet: 'Balsis vēl nav saskaitītas',
  voteFor:
    '{n, plural, =1 {Var balsot par # kandidātu} zero {Var balsot ne vairāk kā par # kandidātiem} one {Var balsot ne vairāk kā par # kandidātu} other {Var balsot ne vairāk kā par # kandidātiem}}',
  measure: 'Referenduma jautājums',
  caucus: 'Kokuss',
  preferenceGroup: 'Atbalstītāju grupa',
  firstAlignment: 'Pirmais sadalījums',
  finalAlignment: 'Galīgais sadalījums',
  countyDelegates: 'Apgabala delegāti',
  stateDelegateEquivalents: 'Štata delegātu ekvivalenti',
  measurePassing: 'Pagaidām pieņemts',
  measureFailing: 'Pagaidām noraidīts',
  passRule:
    '{atLeast, select, yes {nepieciešams vismaz {share} balsu} other {nepieciešams vairāk nekā {share} balsu}}',
  byVoteType: 'Rezultāti pēc balsošanas veida',
  byArea: 'Rezultāti pa teritorijām',
  area: 'Teritorija',
  leader: 'Vadībā',
  map: 'Karte',
  mapCaption:
    'Vadībā esošā izvēle katrā teritorijā; krāsas tonis rāda pārsvaru (balsu procentpunktos). Tos pašus skaitļus sniedz rezultātu pa teritorijām tabula.',
  mapMargin:
    '{shade, select, 0 {pārsvars mazāks par {to, number, percent}} 1 {pārsvars no {from, number, percent} līdz {to, number, percent}} other {pārsvars {from, number, percent} vai vairāk}}',
  mapNoData: 'Rezultātu vēl nav',
  trend: 'Rezultātu izmaiņas vēlēšanu naktī',
  trendCaption:
    'Katras izvēles īpatsvars saskaitītajās balsīs no pirmajiem līdz jaunākajiem rezultātiem atkarībā no tā, kad balsis tika saskaitītas.',
  trendFigures: 'Diagrammas dati',
  time: 'Laiks',
  downloads: 'Lejupielādēt šos rezultātus',
  verifyTitle: 'Kā pārbaudīt šos rezultātus',
  verifyIntro:
    'Katrs skaitlis šajā vietnē ir parakstītu iesniegto rezultātu summa, kas reģistrēti publiskā žurnālā, kuram ierakstus var tikai pievienot. Jums nav jāuzticas šai vietnei: jūs varat katru skaitli pārrēķināt paši.',
  verifyCheckpoint:
    'Šī versija ietver žurnāla {size, plural, zero {pirmos # ierakstus} one {pirmo # ierakstu} other {pirmos # ierakstus}}. Žurnāla parakstītais kontrolpunkts:',
  verifyManifest:
    'Manifestā ir norādīta katras šīs versijas datnes SHA-256 jaucējvērtība, un manifestu ir parakstījis izdevējs:',
  verifyCommand:
    'Lai visu pārbaudītu paši, jebkurā datorā ar Node.js 22 vai jaunāku versiju lejupielādējiet tally-verify.mjs (Tally pārbaudes rīku vienā datnē) un palaidiet:',
  verifySiteAddress: 'šīs vietnes adrese',
  verifyVerifierFile:
    'Datne tally-verify.mjs tiek būvēta reproducējami no Tally pirmkoda: no tā paša pirmkoda vienmēr iegūst to pašu datni. Uzbūvējiet to paši (npm run build:verifier) vai pārbaudiet, vai jūsu kopijas SHA-256 jaucējvērtība sakrīt ar to, ko izvada šī būvēšana. Atslēgas iegūstiet arī no vēlēšanu komisijas, ne tikai no šīs lapas.',
  verifyLogLayout:
    'Žurnāls tiek publicēts C2SP tlog-tiles formātā blakus šīm lapām, lai pārredzamības žurnālu rīki to varētu nolasīt un liecinieki – līdzparakstīt.',
  updated: 'Rezultāti pēdējo reizi mainīti: {time}',
  asOfLog: 'ar žurnāla ierakstu Nr. {entry, number}',
  nextUpdate:
    '{complete, select, yes {Visi iecirkņi ir iesnieguši pilnus rezultātus: nākamā atjaunināšana būs apstiprinātie rezultāti.} other {Jauni rezultāti tiek publicēti dažu sekunžu laikā pēc to saskaitīšanas.}}',
  footer: 'Publicēts ar Tally – pārbaudāmu vēlēšanu nakts rezultātu ziņošanas sistēmu.',
  registeredVoters: 'Reģistrētie vēlētāji',
};
