// Every string of the public site, as ICU messages (formatted by intl-messageformat), in each
// language Tally ships. English is complete by definition; a shipped language must translate every
// message (the type says so); the other official EU languages are scaffolded and fall back to
// English message by message until translated. Names of contests, choices and units come from the
// election definition, not from here.
import { IntlMessageFormat } from 'intl-messageformat';

export const en = {
  resultsTitle: '{election}: results',
  testBanner: 'TEST: these are not real election results',
  skipToContent: 'Skip to the results',
  home: 'All contests',
  language: 'Language',
  summary: 'Summary',
  contests: 'Contests',
  areas: 'Areas',
  unitsReporting:
    '{reported, number} of {expected, plural, one {# unit} other {# units}} reporting ({share, number, percent})',
  turnout:
    'Turnout: {ballots, number} ballots cast of {registered, number} registered voters ({share, number, percent})',
  ballotsCastPlain: '{ballots, number} ballots cast',
  choice: 'Choice',
  party: 'Party',
  votes: 'Votes',
  share: 'Share',
  ballotsCast: 'Ballots cast',
  overvotes: 'Overvotes',
  undervotes: 'Undervotes',
  total: 'Total',
  leading: 'Leading',
  noVotesYet: 'No votes counted yet',
  voteFor: 'Vote for {n, number}',
  measure: 'Ballot measure',
  measurePassing: 'Passing',
  measureFailing: 'Failing',
  passRule:
    '{atLeast, select, yes {needs at least {share, number, ::percent .#} of the votes} other {needs more than {share, number, ::percent .#} of the votes}}',
  byVoteType: 'Results by vote type',
  byArea: 'Results by area',
  area: 'Area',
  leader: 'Leader',
  reportingShort: 'Reporting',
  map: 'Map',
  // The table is beside the map on a wide screen and below it on a phone: say neither.
  mapCaption:
    'Leader by area, shaded by how far ahead (the lead, in points of the vote). The table of results by area gives the same figures.',
  mapMargin:
    '{shade, select, 0 {lead under {to, number, percent}} 1 {lead of {from, number, percent} to {to, number, percent}} other {lead of {from, number, percent} or more}}',
  mapNoData: 'No results yet',
  overTime: 'Results over time',
  overTimeCaption: 'Votes per choice after each of the last log entries that changed them.',
  logEntry: 'Log entry',
  received: 'Received',
  downloads: 'Download these results',
  verifyTitle: 'How to verify these results',
  verifyIntro:
    'Every number on this site is the sum of signed result submissions recorded in a public, append-only log. You do not need to trust this site: you can recompute every number yourself.',
  verifyCheckpoint:
    'This version counts the first {size, number} entries of the log, whose signed checkpoint is:',
  verifyManifest:
    'The manifest lists the SHA-256 of every file of this version and is signed by the publisher:',
  verifyCommand:
    'To check everything yourself, on any computer with Node.js 22 or newer: get tally-verify.mjs, Tally’s verifier in one file, and run:',
  verifySiteAddress: 'this site’s address',
  verifyVerifierFile:
    'tally-verify.mjs is built reproducibly from Tally’s source: the same source always gives the same file. Build it yourself (npm run build:verifier), or check that the SHA-256 of your copy is the one that build prints. Take the keys from the election office too, not only from this page.',
  verifyLogLayout:
    'The log is published in the C2SP tlog-tiles layout beside these pages, so transparency-log tools can read it and witnesses can co-sign it.',
  // A page's numbers as of the last log entry that changed them: a county's page may name an
  // earlier entry than the summary's, its numbers being as new.
  updated: 'Numbers last changed {time}',
  asOfLog: 'with log entry {entry, number}',
  autoRefresh: 'This page shows the newest results when it is reloaded.',
  newResults: 'New results are available.',
  reload: 'Show them',
  footer: 'Published with Tally, verifiable election night reporting.',
  registeredVoters: 'Registered voters',
} as const;

export type MessageKey = keyof typeof en;
export type Catalog = Readonly<Record<MessageKey, string>>;

const fr: Catalog = {
  resultsTitle: '{election} : résultats',
  testBanner: 'TEST : ces résultats ne sont pas de vrais résultats électoraux',
  skipToContent: 'Aller aux résultats',
  home: 'Tous les scrutins',
  language: 'Langue',
  summary: 'Synthèse',
  contests: 'Scrutins',
  areas: 'Territoires',
  unitsReporting:
    '{reported, number} {expected, plural, one {bureau sur #} other {bureaux sur #}} ont transmis leurs résultats ({share, number, percent})',
  turnout:
    'Participation : {ballots, number} bulletins sur {registered, number} inscrits ({share, number, percent})',
  ballotsCastPlain: '{ballots, number} bulletins',
  choice: 'Choix',
  party: 'Parti',
  votes: 'Voix',
  share: 'Part',
  ballotsCast: 'Bulletins',
  overvotes: 'Survotes',
  undervotes: 'Sous-votes',
  total: 'Total',
  leading: 'En tête',
  noVotesYet: 'Aucune voix comptée pour l’instant',
  voteFor: '{n, number} à élire',
  measure: 'Question soumise au vote',
  measurePassing: 'En voie d’adoption',
  measureFailing: 'En voie de rejet',
  passRule:
    '{atLeast, select, yes {il faut au moins {share, number, ::percent .#} des voix} other {il faut plus de {share, number, ::percent .#} des voix}}',
  byVoteType: 'Résultats par mode de vote',
  byArea: 'Résultats par territoire',
  area: 'Territoire',
  leader: 'En tête',
  reportingShort: 'Transmis',
  map: 'Carte',
  mapCaption:
    'Choix en tête par territoire, nuancé selon l’avance (en points de pourcentage des voix). Le tableau des résultats par territoire donne les mêmes chiffres.',
  mapMargin:
    '{shade, select, 0 {avance de moins de {to, number, percent}} 1 {avance de {from, number, percent} à {to, number, percent}} other {avance de {from, number, percent} ou plus}}',
  mapNoData: 'Pas encore de résultats',
  overTime: 'Évolution des résultats',
  overTimeCaption:
    'Voix par choix après chacune des dernières entrées du journal qui les ont changées.',
  logEntry: 'Entrée du journal',
  received: 'Reçue',
  downloads: 'Télécharger ces résultats',
  verifyTitle: 'Comment vérifier ces résultats',
  verifyIntro:
    'Chaque chiffre de ce site est la somme de transmissions de résultats signées, inscrites dans un journal public où l’on ne peut qu’ajouter. Inutile de faire confiance à ce site : vous pouvez recalculer chaque chiffre vous-même.',
  verifyCheckpoint:
    'Cette version compte les {size, number} premières entrées du journal, dont le point de contrôle signé est :',
  verifyManifest:
    'Le manifeste donne le SHA-256 de chaque fichier de cette version ; il est signé par l’éditeur :',
  verifyCommand:
    'Pour tout vérifier vous-même, sur n’importe quel ordinateur doté de Node.js 22 ou plus récent : procurez-vous tally-verify.mjs, le vérificateur de Tally en un seul fichier, puis exécutez :',
  verifySiteAddress: 'adresse de ce site',
  verifyVerifierFile:
    'tally-verify.mjs est construit de façon reproductible à partir du code source de Tally : le même code source donne toujours le même fichier. Construisez-le vous-même (npm run build:verifier), ou vérifiez que l’empreinte SHA-256 de votre copie est celle qu’affiche cette construction. Prenez aussi les clés auprès de l’autorité électorale, pas seulement sur cette page.',
  verifyLogLayout:
    'Le journal est publié au format C2SP tlog-tiles à côté de ces pages : les outils de journaux de transparence peuvent le lire et des témoins le cosigner.',
  updated: 'Chiffres modifiés pour la dernière fois le {time}',
  asOfLog: 'par l’entrée {entry, number} du journal',
  autoRefresh: 'Cette page affiche les derniers résultats quand on la recharge.',
  newResults: 'De nouveaux résultats sont disponibles.',
  reload: 'Les afficher',
  footer: 'Publié avec Tally, la soirée électorale vérifiable.',
  registeredVoters: 'Inscrits',
};

const es: Catalog = {
  resultsTitle: '{election}: resultados',
  testBanner: 'PRUEBA: estos no son resultados electorales reales',
  skipToContent: 'Ir a los resultados',
  home: 'Todas las contiendas',
  language: 'Idioma',
  summary: 'Resumen',
  contests: 'Contiendas',
  areas: 'Zonas',
  unitsReporting:
    '{reported, number} de {expected, plural, one {# mesa} other {# mesas}} han informado ({share, number, percent})',
  turnout:
    'Participación: {ballots, number} papeletas de {registered, number} electores inscritos ({share, number, percent})',
  ballotsCastPlain: '{ballots, number} papeletas',
  choice: 'Opción',
  party: 'Partido',
  votes: 'Votos',
  share: 'Porcentaje',
  ballotsCast: 'Papeletas',
  overvotes: 'Sobrevotos',
  undervotes: 'Subvotos',
  total: 'Total',
  leading: 'En cabeza',
  noVotesYet: 'Aún no se ha contado ningún voto',
  voteFor: '{n, plural, one {Vote por # candidato} other {Vote por hasta # candidatos}}',
  measure: 'Medida sometida a votación',
  measurePassing: 'Va aprobada',
  measureFailing: 'Va rechazada',
  passRule:
    '{atLeast, select, yes {requiere al menos el {share, number, ::percent .#} de los votos} other {requiere más del {share, number, ::percent .#} de los votos}}',
  byVoteType: 'Resultados por modalidad de voto',
  byArea: 'Resultados por zona',
  area: 'Zona',
  leader: 'En cabeza',
  reportingShort: 'Informado',
  map: 'Mapa',
  mapCaption:
    'Opción en cabeza por zona, en tonos según la ventaja (en puntos porcentuales de los votos). La tabla de resultados por zona da las mismas cifras.',
  mapMargin:
    '{shade, select, 0 {ventaja de menos del {to, number, percent}} 1 {ventaja del {from, number, percent} al {to, number, percent}} other {ventaja del {from, number, percent} o más}}',
  mapNoData: 'Aún no hay resultados',
  overTime: 'Evolución de los resultados',
  overTimeCaption:
    'Votos por opción tras cada una de las últimas entradas del registro que los cambiaron.',
  logEntry: 'Entrada del registro',
  received: 'Recibida',
  downloads: 'Descargar estos resultados',
  verifyTitle: 'Cómo verificar estos resultados',
  verifyIntro:
    'Cada cifra de este sitio es la suma de envíos de resultados firmados, registrados en un registro público al que solo se puede añadir. No necesita confiar en este sitio: puede recalcular cada cifra usted mismo.',
  verifyCheckpoint:
    'Esta versión cuenta las primeras {size, number} entradas del registro, cuyo punto de control firmado es:',
  verifyManifest:
    'El manifiesto indica el SHA-256 de cada archivo de esta versión y está firmado por el editor:',
  verifyCommand:
    'Para comprobarlo todo usted mismo, en cualquier ordenador con Node.js 22 o posterior: obtenga tally-verify.mjs, el verificador de Tally en un solo archivo, y ejecute:',
  verifySiteAddress: 'dirección de este sitio',
  verifyVerifierFile:
    'tally-verify.mjs se compila de forma reproducible a partir del código fuente de Tally: el mismo código fuente da siempre el mismo archivo. Compílelo usted mismo (npm run build:verifier) o compruebe que el SHA-256 de su copia es el que muestra esa compilación. Obtenga también las claves de la autoridad electoral, no solo de esta página.',
  verifyLogLayout:
    'El registro se publica en el formato C2SP tlog-tiles junto a estas páginas, para que las herramientas de registros de transparencia puedan leerlo y los testigos cofirmarlo.',
  updated: 'Cifras modificadas por última vez: {time}',
  asOfLog: 'con la entrada {entry, number} del registro',
  autoRefresh: 'Esta página muestra los últimos resultados al recargarla.',
  newResults: 'Hay nuevos resultados.',
  reload: 'Mostrarlos',
  footer: 'Publicado con Tally, la noche electoral verificable.',
  registeredVoters: 'Electores inscritos',
};

const de: Catalog = {
  resultsTitle: '{election}: Ergebnisse',
  testBanner: 'TEST: Dies sind keine echten Wahlergebnisse',
  skipToContent: 'Zu den Ergebnissen springen',
  home: 'Alle Wahlen',
  language: 'Sprache',
  summary: 'Übersicht',
  contests: 'Wahlen und Abstimmungen',
  areas: 'Gebiete',
  unitsReporting:
    '{reported, number} von {expected, plural, one {# Wahlbezirk} other {# Wahlbezirken}} gemeldet ({share, number, percent})',
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
  noVotesYet: 'Noch keine Stimmen ausgezählt',
  voteFor: '{n, number} zu wählen',
  measure: 'Abstimmung',
  measurePassing: 'Wird angenommen',
  measureFailing: 'Wird abgelehnt',
  passRule:
    '{atLeast, select, yes {benötigt mindestens {share, number, ::percent .#} der Stimmen} other {benötigt mehr als {share, number, ::percent .#} der Stimmen}}',
  byVoteType: 'Ergebnisse nach Stimmabgabeart',
  byArea: 'Ergebnisse nach Gebiet',
  area: 'Gebiet',
  leader: 'Vorn',
  reportingShort: 'Gemeldet',
  map: 'Karte',
  mapCaption:
    'Führender Wahlvorschlag je Gebiet, abgestuft nach dem Vorsprung (in Prozentpunkten der Stimmen). Die Tabelle der Ergebnisse nach Gebiet enthält dieselben Zahlen.',
  mapMargin:
    '{shade, select, 0 {Vorsprung unter {to, number, percent}} 1 {Vorsprung von {from, number, percent} bis {to, number, percent}} other {Vorsprung ab {from, number, percent}}}',
  mapNoData: 'Noch keine Ergebnisse',
  overTime: 'Ergebnisse im Zeitverlauf',
  overTimeCaption:
    'Stimmen je Wahlvorschlag nach jedem der letzten Protokolleinträge, die sie geändert haben.',
  logEntry: 'Protokolleintrag',
  received: 'Eingegangen',
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
  updated: 'Zahlen zuletzt geändert: {time}',
  asOfLog: 'mit Protokolleintrag {entry, number}',
  autoRefresh: 'Diese Seite zeigt beim Neuladen die neuesten Ergebnisse.',
  newResults: 'Neue Ergebnisse liegen vor.',
  reload: 'Anzeigen',
  footer: 'Veröffentlicht mit Tally, überprüfbare Wahlabende.',
  registeredVoters: 'Wahlberechtigte',
};

const it: Catalog = {
  resultsTitle: '{election}: risultati',
  testBanner: 'PROVA: questi non sono risultati elettorali reali',
  skipToContent: 'Vai ai risultati',
  home: 'Tutte le consultazioni',
  language: 'Lingua',
  summary: 'Riepilogo',
  contests: 'Consultazioni',
  areas: 'Territori',
  unitsReporting:
    '{reported, number} {expected, plural, one {sezione su #} other {sezioni su #}} hanno trasmesso i risultati ({share, number, percent})',
  turnout:
    'Affluenza: {ballots, number} schede votate su {registered, number} elettori ({share, number, percent})',
  ballotsCastPlain: '{ballots, number} schede votate',
  choice: 'Scelta',
  party: 'Partito',
  votes: 'Voti',
  share: 'Percentuale',
  ballotsCast: 'Schede votate',
  overvotes: 'Voti in eccesso',
  undervotes: 'Voti non espressi',
  total: 'Totale',
  leading: 'In testa',
  noVotesYet: 'Nessun voto ancora scrutinato',
  voteFor: 'Da eleggere: {n, number}',
  measure: 'Quesito',
  measurePassing: 'Verso l’approvazione',
  measureFailing: 'Verso la bocciatura',
  passRule:
    '{atLeast, select, yes {richiede almeno il {share, number, ::percent .#} dei voti} other {richiede più del {share, number, ::percent .#} dei voti}}',
  byVoteType: 'Risultati per modalità di voto',
  byArea: 'Risultati per territorio',
  area: 'Territorio',
  leader: 'In testa',
  reportingShort: 'Trasmesse',
  map: 'Mappa',
  mapCaption:
    'Scelta in testa per territorio, con sfumature secondo il vantaggio (in punti percentuali dei voti). La tabella dei risultati per territorio riporta gli stessi dati.',
  mapMargin:
    '{shade, select, 0 {vantaggio inferiore al {to, number, percent}} 1 {vantaggio dal {from, number, percent} al {to, number, percent}} other {vantaggio del {from, number, percent} o più}}',
  mapNoData: 'Ancora nessun risultato',
  overTime: 'Andamento dei risultati',
  overTimeCaption:
    'Voti per scelta dopo ciascuna delle ultime voci del registro che li hanno cambiati.',
  logEntry: 'Voce del registro',
  received: 'Ricevuta',
  downloads: 'Scarica questi risultati',
  verifyTitle: 'Come verificare questi risultati',
  verifyIntro:
    'Ogni numero di questo sito è la somma di trasmissioni di risultati firmate, registrate in un registro pubblico a sola aggiunta. Non serve fidarsi di questo sito: potete ricalcolare ogni numero da soli.',
  verifyCheckpoint:
    'Questa versione conta le prime {size, number} voci del registro, il cui checkpoint firmato è:',
  verifyManifest:
    'Il manifesto elenca lo SHA-256 di ogni file di questa versione ed è firmato dall’editore:',
  verifyCommand:
    'Per verificare tutto da soli, su qualsiasi computer con Node.js 22 o successivo: procuratevi tally-verify.mjs, il verificatore di Tally in un unico file, ed eseguite:',
  verifySiteAddress: 'indirizzo di questo sito',
  verifyVerifierFile:
    'tally-verify.mjs è costruito in modo riproducibile dal codice sorgente di Tally: lo stesso codice sorgente produce sempre lo stesso file. Costruitelo voi stessi (npm run build:verifier) oppure controllate che lo SHA-256 della vostra copia sia quello stampato da quella costruzione. Prendete le chiavi anche dall’autorità elettorale, non solo da questa pagina.',
  verifyLogLayout:
    'Il registro è pubblicato nel formato C2SP tlog-tiles accanto a queste pagine, così gli strumenti per registri di trasparenza possono leggerlo e i testimoni cofirmarlo.',
  updated: 'Dati modificati l’ultima volta: {time}',
  asOfLog: 'con la voce {entry, number} del registro',
  autoRefresh: 'Questa pagina mostra i risultati più recenti quando viene ricaricata.',
  newResults: 'Sono disponibili nuovi risultati.',
  reload: 'Mostrali',
  footer: 'Pubblicato con Tally, la notte elettorale verificabile.',
  registeredVoters: 'Elettori',
};

const nl: Catalog = {
  resultsTitle: '{election}: uitslagen',
  testBanner: 'TEST: dit zijn geen echte verkiezingsuitslagen',
  skipToContent: 'Naar de uitslagen',
  home: 'Alle verkiezingen',
  language: 'Taal',
  summary: 'Overzicht',
  contests: 'Verkiezingen en referenda',
  areas: 'Gebieden',
  unitsReporting:
    '{reported, number} van {expected, plural, one {# stembureau} other {# stembureaus}} gemeld ({share, number, percent})',
  turnout:
    'Opkomst: {ballots, number} uitgebrachte stembiljetten bij {registered, number} kiesgerechtigden ({share, number, percent})',
  ballotsCastPlain: '{ballots, number} uitgebrachte stembiljetten',
  choice: 'Keuze',
  party: 'Partij',
  votes: 'Stemmen',
  share: 'Aandeel',
  ballotsCast: 'Stembiljetten',
  overvotes: 'Overstemmen',
  undervotes: 'Niet uitgebrachte stemmen',
  total: 'Totaal',
  leading: 'Voorop',
  noVotesYet: 'Nog geen stemmen geteld',
  voteFor: '{n, number} te kiezen',
  measure: 'Referendum',
  measurePassing: 'Wordt aangenomen',
  measureFailing: 'Wordt verworpen',
  passRule:
    '{atLeast, select, yes {vereist ten minste {share, number, ::percent .#} van de stemmen} other {vereist meer dan {share, number, ::percent .#} van de stemmen}}',
  byVoteType: 'Uitslagen per manier van stemmen',
  byArea: 'Uitslagen per gebied',
  area: 'Gebied',
  leader: 'Voorop',
  reportingShort: 'Gemeld',
  map: 'Kaart',
  mapCaption:
    'Koploper per gebied, getint naar de voorsprong (in procentpunten van de stemmen). De tabel met uitslagen per gebied geeft dezelfde cijfers.',
  mapMargin:
    '{shade, select, 0 {voorsprong onder {to, number, percent}} 1 {voorsprong van {from, number, percent} tot {to, number, percent}} other {voorsprong van {from, number, percent} of meer}}',
  mapNoData: 'Nog geen uitslagen',
  overTime: 'Uitslagen in de tijd',
  overTimeCaption: 'Stemmen per keuze na elk van de laatste logboekregels die ze veranderden.',
  logEntry: 'Logboekregel',
  received: 'Ontvangen',
  downloads: 'Deze uitslagen downloaden',
  verifyTitle: 'Zo controleert u deze uitslagen',
  verifyIntro:
    'Elk getal op deze site is de som van ondertekende uitslagmeldingen in een openbaar logboek waaraan alleen kan worden toegevoegd. U hoeft deze site niet te vertrouwen: u kunt elk getal zelf narekenen.',
  verifyCheckpoint:
    'Deze versie telt de eerste {size, number} regels van het logboek; het ondertekende controlepunt is:',
  verifyManifest:
    'Het manifest noemt de SHA-256 van elk bestand van deze versie en is ondertekend door de uitgever:',
  verifyCommand:
    'Om alles zelf te controleren, op elke computer met Node.js 22 of nieuwer: haal tally-verify.mjs op, de verificatietool van Tally in één bestand, en voer uit:',
  verifySiteAddress: 'adres van deze site',
  verifyVerifierFile:
    'tally-verify.mjs wordt reproduceerbaar gebouwd uit de broncode van Tally: dezelfde broncode geeft altijd hetzelfde bestand. Bouw het zelf (npm run build:verifier), of controleer dat de SHA-256 van uw kopie gelijk is aan wat die bouw toont. Haal de sleutels ook bij de verkiezingsautoriteit, niet alleen van deze pagina.',
  verifyLogLayout:
    'Het logboek staat in het formaat C2SP tlog-tiles naast deze pagina’s, zodat hulpmiddelen voor transparantielogboeken het kunnen lezen en getuigen het kunnen meeondertekenen.',
  updated: 'Cijfers laatst gewijzigd: {time}',
  asOfLog: 'met logboekregel {entry, number}',
  autoRefresh: 'Deze pagina toont bij herladen de nieuwste uitslagen.',
  newResults: 'Er zijn nieuwe uitslagen.',
  reload: 'Tonen',
  footer: 'Gepubliceerd met Tally, controleerbare verkiezingsavonden.',
  registeredVoters: 'Kiesgerechtigden',
};

/** The 24 official languages of the EU: those shipped, and the rest scaffolded. */
export const LANGUAGES = {
  bg: { name: 'български', messages: {} },
  cs: { name: 'čeština', messages: {} },
  da: { name: 'dansk', messages: {} },
  de: { name: 'Deutsch', messages: de },
  el: { name: 'ελληνικά', messages: {} },
  en: { name: 'English', messages: en },
  es: { name: 'español', messages: es },
  et: { name: 'eesti', messages: {} },
  fi: { name: 'suomi', messages: {} },
  fr: { name: 'français', messages: fr },
  ga: { name: 'Gaeilge', messages: {} },
  hr: { name: 'hrvatski', messages: {} },
  hu: { name: 'magyar', messages: {} },
  it: { name: 'italiano', messages: it },
  lt: { name: 'lietuvių', messages: {} },
  lv: { name: 'latviešu', messages: {} },
  mt: { name: 'Malti', messages: {} },
  nl: { name: 'Nederlands', messages: nl },
  pl: { name: 'polski', messages: {} },
  pt: { name: 'português', messages: {} },
  ro: { name: 'română', messages: {} },
  sk: { name: 'slovenčina', messages: {} },
  sl: { name: 'slovenščina', messages: {} },
  sv: { name: 'svenska', messages: {} },
} as const satisfies Record<string, { name: string; messages: Partial<Catalog> }>;

export type Language = keyof typeof LANGUAGES;
export const SHIPPED_LANGUAGES: readonly Language[] = ['en', 'fr', 'es', 'de', 'it', 'nl'];

/** A site language for a definition's language tag: its primary subtag, when Tally has it. */
export function siteLanguage(tag: string): Language | undefined {
  const primary = tag.split('-')[0]?.toLowerCase() ?? '';
  return primary in LANGUAGES ? (primary as Language) : undefined;
}

export type MessageValues = Record<string, string | number | Date>;

/** Formats the site's messages in one language: its own where translated, else English. */
export class Messages {
  private readonly formats = new Map<MessageKey, IntlMessageFormat>();
  private readonly catalog: Partial<Catalog>;

  constructor(readonly language: Language) {
    this.catalog = LANGUAGES[language].messages;
  }

  /** The language a message is in: this one when translated, else English. */
  languageOf(key: MessageKey): Language {
    return this.catalog[key] === undefined ? 'en' : this.language;
  }

  t(key: MessageKey, values?: MessageValues): string {
    let format = this.formats.get(key);
    if (format === undefined) {
      const language = this.languageOf(key);
      format = new IntlMessageFormat(this.catalog[key] ?? en[key], language);
      this.formats.set(key, format);
    }
    return String(format.format(values));
  }
}
