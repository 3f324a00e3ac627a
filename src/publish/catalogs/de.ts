// The public site's messages in German.
import type { Catalog } from '../messages.js';

export const de: Catalog = {
  resultsTitle: '{election}: Ergebnisse',
  testBanner: 'TEST: Dies sind keine echten Wahlergebnisse',
  unofficial: 'Vorläufige Ergebnisse: Das amtliche Endergebnis stellt die Wahlbehörde fest.',
  allCertified:
    'Amtliche Ergebnisse: Die Wahlbehörde hat alle Ergebnisse auf dieser Seite festgestellt.',
  contestStatus:
    '{status, select, early {Noch nicht entschieden} called {Entschieden} recount {Neuauszählung läuft} certified {Amtlich festgestellt} other {Vorläufig}}',
  statusWinners: '{status}: {winners}',
  statusSince: 'seit {time} (Protokolleintrag {entry, number})',
  skipToContent: 'Zu den Ergebnissen springen',
  home: 'Alle Wahlen',
  language: 'Sprache',
  summary: 'Übersicht',
  contests: 'Wahlen und Abstimmungen',
  areas: 'Gebiete',
  reportingUnits: 'Wahlbezirke',
  fullyReported:
    '{level}: {fully, number} von {expected, number} vollständig gemeldet ({share, number, percent})',
  partlyReported: '{partly, number} weitere teilweise gemeldet',
  sentResults:
    '{level}: {reported, plural, one {# von {expected, number} hat Ergebnisse gemeldet} other {# von {expected, number} haben Ergebnisse gemeldet}}',
  expectedVote: 'Rund {share, number, percent} der erwarteten Stimmen ausgezählt',
  expectedVoteNote:
    'Die erwarteten Stimmen sind eine Schätzung: Für jede Stimmabgabeart wird die Zahl der Stimmzettel je Wahlberechtigten (oder je von der Wahlbehörde erwarteten Stimmzettel) dort, wo diese Art bereits ausgezählt ist, auf die Orte übertragen, die sie noch nicht gemeldet haben. Ein Ort ist vollständig gemeldet, sobald jede Stimmabgabeart, die er meldet, eingegangen ist.',
  fullyShort: 'Vollständig gemeldet',
  expectedShort: 'Erwartete Stimmen ausgezählt',
  unitStatus:
    '{status, select, full {Vollständig gemeldet} partly {Teilweise gemeldet} other {Noch nicht gemeldet}}',
  turnout:
    'Wahlbeteiligung: {ballots, number} abgegebene Stimmzettel bei {registered, number} Wahlberechtigten ({share, number, percent})',
  ballotsCastPlain: '{ballots, number} abgegebene Stimmzettel',
  choice: 'Wahlvorschlag',
  party: 'Partei',
  votes: 'Stimmen',
  share: 'Anteil',
  ballotsCast: 'Stimmzettel',
  overvotes: 'Überstimmen',
  undervotes: 'Nicht abgegebene Stimmen',
  total: 'Gesamt',
  leading: 'Vorn',
  winner: 'Sieger',
  outcome: 'Ergebnis',
  measureChoice: '„{choice}“',
  noVotesYet: 'Noch keine Stimmen ausgezählt',
  voteFor: '{n, number} zu wählen',
  measure: 'Abstimmung',
  caucus: 'Caucus',
  preferenceGroup: 'Präferenzgruppe',
  firstAlignment: 'Erste Ausrichtung',
  finalAlignment: 'Endgültige Ausrichtung',
  countyDelegates: 'County-Delegierte',
  stateDelegateEquivalents: 'Staatsdelegierten-Äquivalente',
  measurePassing: 'Wird angenommen',
  measureFailing: 'Wird abgelehnt',
  passRule:
    '{atLeast, select, yes {benötigt mindestens {share} der Stimmen} other {benötigt mehr als {share} der Stimmen}}',
  byVoteType: 'Ergebnisse nach Stimmabgabeart',
  byArea: 'Ergebnisse nach Gebiet',
  area: 'Gebiet',
  leader: 'Vorn',
  map: 'Karte',
  mapCaption:
    'Führender Wahlvorschlag je Gebiet, abgestuft nach dem Vorsprung (in Prozentpunkten der Stimmen). Die Tabelle der Ergebnisse nach Gebiet enthält dieselben Zahlen.',
  mapMargin:
    '{shade, select, 0 {Vorsprung unter {to, number, percent}} 1 {Vorsprung von {from, number, percent} bis {to, number, percent}} other {Vorsprung ab {from, number, percent}}}',
  mapNoData: 'Noch keine Ergebnisse',
  trend: 'Verlauf der Ergebnisse am Wahlabend',
  trendCaption:
    'Anteil jedes Wahlvorschlags an den ausgezählten Stimmen, von den ersten bis zu den neuesten Ergebnissen, nach dem Zeitpunkt der Auszählung.',
  trendFigures: 'Die Zahlen des Diagramms',
  time: 'Uhrzeit',
  downloads: 'Diese Ergebnisse herunterladen',
  verifyTitle: 'So prüfen Sie diese Ergebnisse',
  verifyIntro:
    'Jede Zahl auf dieser Seite ist die Summe signierter Ergebnismeldungen, die in einem öffentlichen, nur erweiterbaren Protokoll stehen. Sie müssen dieser Seite nicht vertrauen: Sie können jede Zahl selbst nachrechnen.',
  verifyCheckpoint:
    'Diese Version zählt die ersten {size, number} Einträge des Protokolls; sein signierter Prüfpunkt lautet:',
  verifyManifest:
    'Das Manifest nennt den SHA-256 jeder Datei dieser Version und ist vom Herausgeber signiert:',
  verifyCommand:
    'Um alles selbst zu prüfen, auf einem beliebigen Rechner mit Node.js 22 oder neuer: Laden Sie tally-verify.mjs, den Prüfer von Tally in einer einzigen Datei, und führen Sie aus:',
  verifySiteAddress: 'Adresse dieser Website',
  verifyVerifierFile:
    'tally-verify.mjs wird reproduzierbar aus dem Quellcode von Tally erstellt: Derselbe Quellcode ergibt immer dieselbe Datei. Erstellen Sie sie selbst (npm run build:verifier) oder prüfen Sie, ob der SHA-256-Hashwert Ihrer Kopie der ist, den diese Erstellung ausgibt. Beziehen Sie die Schlüssel auch von der Wahlbehörde, nicht nur von dieser Seite.',
  verifyLogLayout:
    'Das Protokoll wird im Format C2SP tlog-tiles neben diesen Seiten veröffentlicht, sodass Werkzeuge für Transparenzprotokolle es lesen und Zeugen es mitsignieren können.',
  updated: 'Ergebnisse zuletzt geändert: {time}',
  asOfLog: 'mit Protokolleintrag {entry, number}',
  nextUpdate:
    '{complete, select, yes {Alle Orte haben vollständig gemeldet: Als Nächstes folgen die amtlichen Endergebnisse.} other {Neue Ergebnisse werden wenige Sekunden nach der Auszählung veröffentlicht.}}',
  footer: 'Veröffentlicht mit Tally, überprüfbare Wahlabende.',
  registeredVoters: 'Wahlberechtigte',
};
