// The public site's messages in Romanian.
import type { Catalog } from '../messages.js';

export const ro: Catalog = {
  resultsTitle: '{election}: rezultate',
  testBanner: 'TEST: acestea nu sunt rezultate electorale reale',
  unofficial:
    'Rezultate neoficiale: rezultatele finale sunt certificate de autoritatea electorală.',
  allCertified:
    'Rezultate certificate: autoritatea electorală a certificat toate rezultatele de pe această pagină.',
  contestStatus:
    '{status, select, early {Prea devreme pentru a decide} called {Decis} recount {Renumărare în curs} certified {Certificat} other {Neoficiale}}',
  statusWinners: '{status}: {winners}',
  statusSince: 'din {time} (intrarea {entry, number} din jurnal)',
  skipToContent: 'Salt la rezultate',
  home: 'Toate scrutinele',
  language: 'Limba',
  summary: 'Rezumat',
  contests: 'Scrutine',
  areas: 'Zone',
  reportingUnits: 'Unități de raportare',
  fullyReported:
    '{level}: {fully, number} din {expected, number} cu rezultate complete ({share, number, percent})',
  partlyReported: 'încă {partly, number} cu rezultate parțiale',
  sentResults: '{level}: {reported, number} din {expected, number} cu rezultate transmise',
  expectedVote: 'S-au numărat aproximativ {share, number, percent} din voturile așteptate',
  expectedVoteNote:
    'Voturile așteptate sunt o estimare: pentru fiecare modalitate de vot, numărul de votanți raportat la alegătorii înscriși (sau la buletinele de vot așteptate de autoritatea electorală) în locurile unde această modalitate a fost numărată se aplică locurilor care nu au raportat-o încă. Un loc are rezultate complete atunci când au fost numărate toate modalitățile de vot pe care le raportează.',
  fullyShort: 'Rezultate complete',
  expectedShort: 'Voturi așteptate numărate',
  unitStatus:
    '{status, select, full {Rezultate complete} partly {Rezultate parțiale} other {Încă fără rezultate}}',
  turnout:
    'Prezența la vot: {ballots, plural, one {# votant} few {# votanți} other {# de votanți}} din {registered, plural, one {# alegător înscris} few {# alegători înscriși} other {# de alegători înscriși}} ({share, number, percent})',
  ballotsCastPlain: '{ballots, plural, one {# votant} few {# votanți} other {# de votanți}}',
  choice: 'Opțiune',
  party: 'Partid',
  votes: 'Voturi',
  share: 'Procent',
  ballotsCast: 'Votanți',
  overvotes: 'Voturi în exces',
  undervotes: 'Voturi neexprimate',
  total: 'Total',
  leading: 'În frunte',
  winner: 'Câștigător',
  outcome: 'Rezultat',
  measureChoice: '„{choice}”',
  noVotesYet: 'Niciun vot numărat încă',
  voteFor: 'Număr de mandate: {n, number}',
  measure: 'Întrebare supusă votului',
  caucus: 'Caucus',
  preferenceGroup: 'Grup de susținători',
  firstAlignment: 'Prima aliniere',
  finalAlignment: 'Aliniere finală',
  countyDelegates: 'Delegați de comitat',
  stateDelegateEquivalents: 'Echivalenți de delegați statali',
  measurePassing: 'Se îndreaptă spre adoptare',
  measureFailing: 'Se îndreaptă spre respingere',
  passRule:
    '{atLeast, select, yes {necesită cel puțin {share} din voturi} other {necesită mai mult de {share} din voturi}}',
  byVoteType: 'Rezultate după modalitatea de vot',
  byArea: 'Rezultate pe zone',
  area: 'Zonă',
  leader: 'În frunte',
  map: 'Hartă',
  mapCaption:
    'Opțiunea aflată în frunte în fiecare zonă, în nuanțe după avans (în puncte procentuale din voturi). Tabelul rezultatelor pe zone conține aceleași cifre.',
  mapMargin:
    '{shade, select, 0 {avans sub {to, number, percent}} 1 {avans între {from, number, percent} și {to, number, percent}} other {avans de {from, number, percent} sau mai mult}}',
  mapNoData: 'Încă nu există rezultate',
  trend: 'Evoluția rezultatelor în noaptea electorală',
  trendCaption:
    'Procentul obținut de fiecare opțiune din voturile numărate, de la primele rezultate până la cele mai noi, după momentul numărării.',
  trendFigures: 'Cifrele graficului',
  time: 'Ora',
  downloads: 'Descărcați aceste rezultate',
  verifyTitle: 'Cum puteți verifica aceste rezultate',
  verifyIntro:
    'Fiecare număr de pe acest site este suma unor transmiteri de rezultate semnate, înregistrate într-un jurnal public în care se poate doar adăuga. Nu trebuie să aveți încredere în acest site: puteți recalcula personal fiecare număr.',
  verifyCheckpoint:
    'Această versiune cuprinde {size, plural, one {prima intrare} few {primele # intrări} other {primele # de intrări}} din jurnal; punctul de control (checkpoint) semnat al jurnalului în această stare este:',
  verifyManifest:
    'Manifestul indică amprenta SHA-256 a fiecărui fișier din această versiune și este semnat de editor:',
  verifyCommand:
    'Pentru a verifica totul personal, pe orice calculator cu Node.js 22 sau mai nou: descărcați tally-verify.mjs, verificatorul Tally într-un singur fișier, și rulați:',
  verifySiteAddress: 'adresa acestui site',
  verifyVerifierFile:
    'tally-verify.mjs este construit în mod reproductibil din codul sursă al Tally: același cod sursă produce întotdeauna același fișier. Construiți-l personal (npm run build:verifier) sau verificați că amprenta SHA-256 a copiei dumneavoastră este cea afișată de această construire. Obțineți cheile și de la autoritatea electorală, nu doar de pe această pagină.',
  verifyLogLayout:
    'Jurnalul este publicat în formatul C2SP tlog-tiles alături de aceste pagini, astfel încât instrumentele pentru jurnale de transparență să îl poată citi, iar martorii să îl poată cosemna.',
  updated: 'Ultima modificare a rezultatelor: {time}',
  asOfLog: 'cu intrarea {entry, number} din jurnal',
  nextUpdate:
    '{complete, select, yes {Toate locurile au rezultate complete: următoarea actualizare va conține rezultatele certificate.} other {Rezultatele noi sunt publicate la câteva secunde după numărare.}}',
  footer: 'Publicat cu Tally, noaptea electorală verificabilă.',
  registeredVoters: 'Alegători înscriși',
};
