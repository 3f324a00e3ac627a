// The public site's messages in Polish.
import type { Catalog } from '../messages.js';

export const pl: Catalog = {
  resultsTitle: '{election}: wyniki',
  testBanner: 'TEST: to nie są prawdziwe wyniki wyborów',
  unofficial: 'Wyniki nieoficjalne: ostateczne wyniki ustala komisja wyborcza.',
  allCertified: 'Zatwierdzone wyniki: organ wyborczy zatwierdził wszystkie wyniki na tej stronie.',
  contestStatus:
    '{status, select, early {Za wcześnie, by rozstrzygnąć} called {Rozstrzygnięte} recount {Trwa ponowne liczenie} certified {Zatwierdzone} other {Nieoficjalne}}',
  statusWinners: '{status}: {winners}',
  statusSince: 'od {time} (wpis w rejestrze nr {entry, number})',
  skipToContent: 'Przejdź do wyników',
  home: 'Wszystkie wybory i głosowania',
  language: 'Język',
  summary: 'Podsumowanie',
  contests: 'Wybory i głosowania',
  areas: 'Obszary',
  reportingUnits: 'Jednostki sprawozdawcze',
  fullyReported:
    '{level}: pełne wyniki – {fully, number} z {expected, number} ({share, number, percent})',
  partlyReported: 'wyniki częściowe – jeszcze {partly, number}',
  sentResults: '{level}: przekazane wyniki – {reported, number} z {expected, number}',
  expectedVote: 'Policzono ok. {share, number, percent} przewidywanej liczby głosów',
  expectedVoteNote:
    'Przewidywana liczba głosów to szacunek: dla każdego sposobu głosowania liczbę kart przypadających na jednego uprawnionego do głosowania (lub na kartę oczekiwaną przez komisję wyborczą) w miejscach, w których ten sposób głosowania już policzono, stosuje się do miejsc, które jeszcze go nie zgłosiły. Miejsce ma pełne wyniki, gdy policzono wszystkie zgłaszane w nim sposoby głosowania.',
  fullyShort: 'Pełne wyniki',
  expectedShort: 'Policzone z przewidywanej liczby głosów',
  unitStatus:
    '{status, select, full {Pełne wyniki} partly {Wyniki częściowe} other {Jeszcze bez wyników}}',
  turnout:
    'Frekwencja: {share, number, percent} (oddane karty: {ballots, number}; uprawnieni do głosowania: {registered, number})',
  ballotsCastPlain:
    '{ballots, plural, one {# oddana karta} few {# oddane karty} many {# oddanych kart} other {# oddanej karty}}',
  choice: 'Kandydat lub odpowiedź',
  party: 'Partia',
  votes: 'Głosy',
  share: 'Odsetek',
  ballotsCast: 'Oddane karty',
  overvotes: 'Głosy nadmiarowe',
  undervotes: 'Głosy nieoddane',
  total: 'Razem',
  leading: 'Prowadzi',
  winner: 'Zwycięzca',
  outcome: 'Wynik',
  measureChoice: '„{choice}”',
  noVotesYet: 'Nie policzono jeszcze żadnych głosów',
  voteFor: 'Liczba mandatów: {n, number}',
  measure: 'Pytanie referendalne',
  caucus: 'Kokus',
  preferenceGroup: 'Grupa poparcia',
  firstAlignment: 'Pierwsza runda',
  finalAlignment: 'Ostatnia runda',
  countyDelegates: 'Delegaci hrabstwa',
  stateDelegateEquivalents: 'Ekwiwalenty delegatów stanowych',
  measurePassing: 'Wstępnie przyjęte',
  measureFailing: 'Wstępnie odrzucone',
  passRule:
    '{atLeast, select, yes {wymaga co najmniej {share} głosów} other {wymaga ponad {share} głosów}}',
  byVoteType: 'Wyniki według sposobu głosowania',
  byArea: 'Wyniki według obszarów',
  area: 'Obszar',
  leader: 'Prowadzi',
  map: 'Mapa',
  mapCaption:
    'Kto prowadzi w poszczególnych obszarach; odcień zależy od przewagi (w punktach procentowych głosów). Te same liczby podaje tabela wyników według obszarów.',
  mapMargin:
    '{shade, select, 0 {przewaga poniżej {to, number, percent}} 1 {przewaga od {from, number, percent} do {to, number, percent}} other {przewaga co najmniej {from, number, percent}}}',
  mapNoData: 'Nie ma jeszcze wyników',
  trend: 'Wyniki w trakcie wieczoru wyborczego',
  trendCaption:
    'Odsetek policzonych głosów uzyskany przez każdego kandydata lub każdą odpowiedź, od pierwszych do najnowszych wyników, według czasu policzenia.',
  trendFigures: 'Dane wykresu',
  time: 'Godzina',
  downloads: 'Pobierz te wyniki',
  verifyTitle: 'Jak sprawdzić te wyniki',
  verifyIntro:
    'Każda liczba na tej stronie jest sumą podpisanych zgłoszeń wyników zapisanych w publicznym rejestrze, do którego można jedynie dopisywać. Nie trzeba ufać tej stronie: każdą liczbę można samodzielnie przeliczyć.',
  verifyCheckpoint:
    'Ta wersja uwzględnia {size, plural, one {pierwszy wpis} few {pierwsze # wpisy} many {pierwsze # wpisów} other {pierwsze # wpisu}} rejestru. Podpisany punkt kontrolny (checkpoint) rejestru w tym stanie:',
  verifyManifest:
    'Manifest podaje skrót SHA-256 każdego pliku tej wersji i jest podpisany przez wydawcę:',
  verifyCommand:
    'Aby wszystko sprawdzić samodzielnie na dowolnym komputerze z Node.js 22 lub nowszym, należy pobrać tally-verify.mjs, weryfikator Tally w jednym pliku, i uruchomić:',
  verifySiteAddress: 'adres tej strony',
  verifyVerifierFile:
    'tally-verify.mjs jest budowany z kodu źródłowego Tally w sposób powtarzalny: ten sam kod źródłowy zawsze daje ten sam plik. Można go zbudować samodzielnie (npm run build:verifier) albo sprawdzić, czy skrót SHA-256 posiadanej kopii zgadza się z tym, który wypisuje to budowanie. Klucze należy pobrać również od komisji wyborczej, nie tylko z tej strony.',
  verifyLogLayout:
    'Rejestr jest publikowany w formacie C2SP tlog-tiles razem z tymi stronami, dzięki czemu narzędzia do rejestrów przejrzystości mogą go odczytać, a świadkowie współpodpisać.',
  updated: 'Ostatnia zmiana wyników: {time}',
  asOfLog: 'wpis w rejestrze nr {entry, number}',
  nextUpdate:
    '{complete, select, yes {Wszystkie miejsca mają pełne wyniki: następną aktualizacją będą wyniki ostateczne.} other {Nowe wyniki są publikowane w ciągu kilku sekund od ich policzenia.}}',
  footer: 'Opublikowano za pomocą Tally – weryfikowalnych wyników w wieczór wyborczy.',
  registeredVoters: 'Uprawnieni do głosowania',
};
