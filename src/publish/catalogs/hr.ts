// The public site's messages in Croatian.
import type { Catalog } from '../messages.js';

export const hr: Catalog = {
  resultsTitle: '{election}: rezultati',
  testBanner: 'TEST: ovo nisu stvarni izborni rezultati',
  unofficial: 'Neslužbeni rezultati: konačne rezultate utvrđuje izborno povjerenstvo.',
  allCertified: 'Potvrđeni rezultati: izborno tijelo potvrdilo je sve rezultate na ovoj stranici.',
  contestStatus:
    '{status, select, early {Prerano za procjenu} called {Odlučeno} recount {Ponovno brojanje u tijeku} certified {Potvrđeno} other {Neslužbeni}}',
  statusWinners: '{status}: {winners}',
  statusSince: 'od {time} (unos u zapisnik br. {entry, number})',
  skipToContent: 'Prijeđi na rezultate',
  home: 'Svi izbori',
  language: 'Jezik',
  summary: 'Sažetak',
  contests: 'Izbori i referendumi',
  areas: 'Područja',
  reportingUnits: 'Biračka mjesta',
  fullyReported:
    '{level}: {fully, number} od {expected, number} s potpunim rezultatima ({share, number, percent})',
  partlyReported: 'još {partly, number} s djelomičnim rezultatima',
  sentResults: '{level}: {reported, number} od {expected, number} s dostavljenim rezultatima',
  expectedVote: 'Prebrojeno je oko {share, number, percent} očekivanih glasova',
  expectedVoteNote:
    'Očekivani broj glasova procjena je: za svaki način glasovanja uzima se broj glasačkih listića po upisanom biraču (ili po glasačkom listiću koji očekuje izborno povjerenstvo) ondje gdje su glasovi tog načina glasovanja prebrojeni i primjenjuje se na biračka mjesta koja ih još nisu dostavila. Biračko mjesto ima potpune rezultate kad stignu rezultati svih načina glasovanja koje ono dostavlja.',
  fullyShort: 'Potpuni rezultati',
  expectedShort: 'Prebrojeno očekivanih glasova',
  unitStatus:
    '{status, select, full {Potpuni rezultati} partly {Djelomični rezultati} other {Još nema rezultata}}',
  turnout:
    'Odaziv: {ballots, plural, one {# glasački listić} few {# glasačka listića} other {# glasačkih listića}} od {registered, plural, one {# upisanog birača} few {# upisana birača} other {# upisanih birača}} ({share, number, percent})',
  ballotsCastPlain:
    '{ballots, plural, one {# glasački listić} few {# glasačka listića} other {# glasačkih listića}}',
  choice: 'Opcija',
  party: 'Stranka',
  votes: 'Glasovi',
  share: 'Udio',
  ballotsCast: 'Glasački listići',
  overvotes: 'Prekobrojni glasovi',
  undervotes: 'Neiskorišteni glasovi',
  total: 'Ukupno',
  leading: 'Vodi',
  winner: 'Pobjednik',
  outcome: 'Ishod',
  measureChoice: '„{choice}“',
  noVotesYet: 'Još nema prebrojenih glasova',
  voteFor: '{n, plural, =1 {Glasuje se za # kandidata} other {Glasuje se za najviše # kandidata}}',
  measure: 'Referendumsko pitanje',
  caucus: 'Kokus',
  preferenceGroup: 'Skupina pristaša',
  firstAlignment: 'Prvo svrstavanje',
  finalAlignment: 'Konačno svrstavanje',
  countyDelegates: 'Okružni delegati',
  stateDelegateEquivalents: 'Ekvivalenti državnih delegata',
  measurePassing: 'Zasad prihvaćeno',
  measureFailing: 'Zasad odbijeno',
  passRule:
    '{atLeast, select, yes {potrebno je najmanje {share} glasova} other {potrebno je više od {share} glasova}}',
  byVoteType: 'Rezultati prema načinu glasovanja',
  byArea: 'Rezultati po područjima',
  area: 'Područje',
  leader: 'Vodi',
  map: 'Karta',
  mapCaption:
    'Vodeća opcija po područjima, nijansirana prema prednosti (u postotnim bodovima glasova). Tablica rezultata po područjima sadrži iste brojke.',
  mapMargin:
    '{shade, select, 0 {prednost manja od {to, number, percent}} 1 {prednost od {from, number, percent} do {to, number, percent}} other {prednost od {from, number, percent} ili više}}',
  mapNoData: 'Još nema rezultata',
  trend: 'Rezultati tijekom izborne noći',
  trendCaption:
    'Udio svake opcije u prebrojenim glasovima, od prvih do najnovijih rezultata, prema vremenu kad su glasovi prebrojeni.',
  trendFigures: 'Podaci iz grafikona',
  time: 'Vrijeme',
  downloads: 'Preuzmite ove rezultate',
  verifyTitle: 'Kako provjeriti ove rezultate',
  verifyIntro:
    'Svaki broj na ovim stranicama zbroj je potpisanih dostavljenih rezultata upisanih u javni zapisnik u koji se unosi mogu samo dodavati. Ne morate vjerovati ovim stranicama: svaki broj možete sami ponovno izračunati.',
  verifyCheckpoint:
    'Ova inačica obuhvaća {size, plural, one {prvi # unos} few {prva # unosa} other {prvih # unosa}} u zapisniku, čija potpisana kontrolna točka glasi:',
  verifyManifest: 'Manifest navodi SHA-256 svake datoteke ove inačice, a potpisao ga je izdavač:',
  verifyCommand:
    'Da biste sve sami provjerili, na bilo kojem računalu s Node.js 22 ili novijom inačicom: preuzmite tally-verify.mjs, alat za provjeru sustava Tally u jednoj datoteci, i pokrenite:',
  verifySiteAddress: 'adresa ovih stranica',
  verifyVerifierFile:
    'Datoteka tally-verify.mjs gradi se reproducibilno iz izvornog koda sustava Tally: isti izvorni kod uvijek daje istu datoteku. Izgradite je sami (npm run build:verifier) ili provjerite je li SHA-256 vaše kopije jednak onome koji ta izgradnja ispisuje. Ključeve preuzmite i od izbornog povjerenstva, a ne samo s ove stranice.',
  verifyLogLayout:
    'Zapisnik je objavljen u formatu C2SP tlog-tiles uz ove stranice, kako bi ga alati za zapisnike transparentnosti mogli čitati, a svjedoci supotpisivati.',
  updated: 'Rezultati posljednji put promijenjeni: {time}',
  asOfLog: 'unosom u zapisnik br. {entry, number}',
  nextUpdate:
    '{complete, select, yes {Sva biračka mjesta dostavila su potpune rezultate: sljedeće ažuriranje bit će utvrđeni rezultati.} other {Novi rezultati objavljuju se nekoliko sekundi nakon prebrojavanja.}}',
  footer: 'Objavljeno pomoću sustava Tally: provjerljivo izvještavanje u izbornoj noći.',
  registeredVoters: 'Upisani birači',
};
