// Every string of the public site, as ICU messages (formatted by intl-messageformat), in each
// language Tally ships. English is complete by definition; a shipped language must translate every
// message (the type says so); the other official EU languages are scaffolded and fall back to
// English message by message until translated. Names of contests, choices and units come from the
// election definition, not from here.
import { IntlMessageFormat } from 'intl-messageformat';

export const en = {
  resultsTitle: '{election}: results',
  testBanner: 'TEST: these are not real election results',
  unofficial: 'Unofficial results: the election office certifies the final results.',
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
    '{atLeast, select, yes {needs at least {share} of the votes} other {needs more than {share} of the votes}}',
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
  unofficial: 'Résultats provisoires : l’autorité électorale certifie les résultats définitifs.',
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
    '{atLeast, select, yes {il faut au moins {share} des voix} other {il faut plus de {share} des voix}}',
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
  unofficial: 'Resultados no oficiales: la oficina electoral certifica los resultados finales.',
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
    '{atLeast, select, yes {requiere al menos el {share} de los votos} other {requiere más del {share} de los votos}}',
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
  unofficial: 'Vorläufige Ergebnisse: Das amtliche Endergebnis stellt die Wahlbehörde fest.',
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
    '{atLeast, select, yes {benötigt mindestens {share} der Stimmen} other {benötigt mehr als {share} der Stimmen}}',
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
  unofficial: 'Risultati non ufficiali: l’ufficio elettorale certifica i risultati definitivi.',
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
    '{atLeast, select, yes {richiede almeno il {share} dei voti} other {richiede più del {share} dei voti}}',
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
  unofficial: 'Voorlopige uitslagen: het verkiezingsbureau stelt de definitieve uitslag vast.',
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
    '{atLeast, select, yes {vereist ten minste {share} van de stemmen} other {vereist meer dan {share} van de stemmen}}',
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

// The languages US counties must offer beyond Spanish under Section 203 of the Voting Rights
// Act, where their voters need them: Chinese (written in Traditional characters, as the counties
// publish it), Vietnamese, Korean and Tagalog.
const zh: Catalog = {
  resultsTitle: '{election}：選舉結果',
  testBanner: '測試：這些不是真實的選舉結果',
  unofficial: '非官方結果：最終結果由選舉辦公室認證。',
  skipToContent: '跳至結果',
  home: '所有選舉項目',
  language: '語言',
  summary: '摘要',
  contests: '選舉項目',
  areas: '地區',
  unitsReporting:
    '{expected, plural, other {# 個單位中}}已有 {reported, number} 個回報（{share, number, percent}）',
  turnout:
    '投票率：{registered, number} 名登記選民中投出 {ballots, number} 張選票（{share, number, percent}）',
  ballotsCastPlain: '投出 {ballots, number} 張選票',
  choice: '選項',
  party: '政黨',
  votes: '票數',
  share: '得票率',
  ballotsCast: '投出選票',
  overvotes: '超選票',
  undervotes: '少選票',
  total: '總計',
  leading: '領先',
  noVotesYet: '尚未計票',
  voteFor: '{n, plural, other {應選 # 名}}',
  measure: '投票提案',
  measurePassing: '可望通過',
  measureFailing: '可望未通過',
  passRule: '{atLeast, select, yes {須取得至少 {share} 的票數} other {須取得超過 {share} 的票數}}',
  byVoteType: '按投票方式的結果',
  byArea: '按地區的結果',
  area: '地區',
  leader: '領先者',
  reportingShort: '回報',
  map: '地圖',
  mapCaption:
    '各地區的領先者，顏色深淺表示領先幅度（以得票百分點計）。按地區的結果表格列出相同數字。',
  mapMargin:
    '{shade, select, 0 {領先少於 {to, number, percent}} 1 {領先 {from, number, percent} 至 {to, number, percent}} other {領先 {from, number, percent} 或以上}}',
  mapNoData: '尚無結果',
  overTime: '結果變化',
  overTimeCaption: '在最近幾筆改變票數的記錄條目之後，各選項的票數。',
  logEntry: '記錄條目',
  received: '收到時間',
  downloads: '下載這些結果',
  verifyTitle: '如何驗證這些結果',
  verifyIntro:
    '本網站上的每個數字，都是記錄在公開、只能追加的記錄中的已簽署結果提交之總和。您不必信任本網站：您可以自行重新計算每個數字。',
  verifyCheckpoint: '此版本計入記錄的前 {size, number} 個條目，其已簽署的檢查點為：',
  verifyManifest: '清單列出此版本每個檔案的 SHA-256，並由發布者簽署：',
  verifyCommand:
    '若要自行檢查一切，可在任何安裝了 Node.js 22 或更新版本的電腦上：取得 Tally 的單一檔案驗證程式 tally-verify.mjs，然後執行：',
  verifySiteAddress: '本網站的網址',
  verifyVerifierFile:
    'tally-verify.mjs 由 Tally 的原始碼以可重現的方式建置：相同的原始碼一定產生相同的檔案。您可以自行建置（npm run build:verifier），或確認您副本的 SHA-256 與該建置所印出的相同。也請向選舉辦公室取得金鑰，不要只從本頁取得。',
  verifyLogLayout:
    '記錄以 C2SP tlog-tiles 格式發布在這些網頁旁邊，讓透明度記錄工具可以讀取，見證者可以共同簽署。',
  updated: '數字最後更新於 {time}',
  asOfLog: '記錄條目 {entry, number}',
  autoRefresh: '重新載入時，本頁會顯示最新結果。',
  newResults: '有新的結果。',
  reload: '顯示新結果',
  footer: '以 Tally 發布：可驗證的選舉夜結果。',
  registeredVoters: '登記選民',
};

const vi: Catalog = {
  resultsTitle: '{election}: kết quả',
  testBanner: 'THỬ NGHIỆM: đây không phải là kết quả bầu cử thật',
  unofficial: 'Kết quả không chính thức: văn phòng bầu cử chứng nhận kết quả cuối cùng.',
  skipToContent: 'Đi đến kết quả',
  home: 'Tất cả các cuộc bầu chọn',
  language: 'Ngôn ngữ',
  summary: 'Tóm tắt',
  contests: 'Các cuộc bầu chọn',
  areas: 'Khu vực',
  unitsReporting:
    '{reported, number} trên {expected, plural, other {# đơn vị}} đã báo cáo ({share, number, percent})',
  turnout:
    'Tỷ lệ đi bầu: {ballots, number} lá phiếu trên {registered, number} cử tri đã ghi danh ({share, number, percent})',
  ballotsCastPlain: '{ballots, number} lá phiếu',
  choice: 'Lựa chọn',
  party: 'Đảng',
  votes: 'Số phiếu',
  share: 'Tỷ lệ',
  ballotsCast: 'Số lá phiếu',
  overvotes: 'Phiếu bầu quá số',
  undervotes: 'Phiếu bầu thiếu',
  total: 'Tổng cộng',
  leading: 'Dẫn đầu',
  noVotesYet: 'Chưa đếm phiếu nào',
  voteFor: '{n, plural, other {Bầu tối đa # người}}',
  measure: 'Dự luật',
  measurePassing: 'Đang được thông qua',
  measureFailing: 'Đang bị bác bỏ',
  passRule:
    '{atLeast, select, yes {cần ít nhất {share} số phiếu} other {cần hơn {share} số phiếu}}',
  byVoteType: 'Kết quả theo hình thức bỏ phiếu',
  byArea: 'Kết quả theo khu vực',
  area: 'Khu vực',
  leader: 'Dẫn đầu',
  reportingShort: 'Đã báo cáo',
  map: 'Bản đồ',
  mapCaption:
    'Người dẫn đầu theo khu vực, tô đậm nhạt theo mức dẫn trước (tính bằng điểm phần trăm số phiếu). Bảng kết quả theo khu vực cho cùng các con số.',
  mapMargin:
    '{shade, select, 0 {dẫn dưới {to, number, percent}} 1 {dẫn từ {from, number, percent} đến {to, number, percent}} other {dẫn từ {from, number, percent} trở lên}}',
  mapNoData: 'Chưa có kết quả',
  overTime: 'Kết quả theo thời gian',
  overTimeCaption: 'Số phiếu của mỗi lựa chọn sau mỗi mục nhật ký gần nhất đã thay đổi chúng.',
  logEntry: 'Mục nhật ký',
  received: 'Nhận lúc',
  downloads: 'Tải xuống các kết quả này',
  verifyTitle: 'Cách kiểm chứng các kết quả này',
  verifyIntro:
    'Mỗi con số trên trang này là tổng của các bản nộp kết quả có chữ ký, được ghi vào một nhật ký công khai chỉ có thể ghi thêm. Quý vị không cần tin trang này: quý vị có thể tự tính lại mọi con số.',
  verifyCheckpoint:
    'Phiên bản này tính {size, number} mục đầu tiên của nhật ký, có điểm kiểm tra đã ký là:',
  verifyManifest: 'Bản kê liệt kê SHA-256 của mọi tệp trong phiên bản này và được bên xuất bản ký:',
  verifyCommand:
    'Để tự kiểm tra mọi thứ, trên bất kỳ máy tính nào có Node.js 22 trở lên: tải tally-verify.mjs, trình kiểm chứng của Tally trong một tệp, và chạy:',
  verifySiteAddress: 'địa chỉ của trang này',
  verifyVerifierFile:
    'tally-verify.mjs được xây dựng có thể tái tạo từ mã nguồn của Tally: cùng một mã nguồn luôn cho ra cùng một tệp. Hãy tự xây dựng (npm run build:verifier), hoặc kiểm tra rằng SHA-256 của bản sao của quý vị trùng với số mà bản xây dựng đó in ra. Hãy lấy các khóa từ văn phòng bầu cử nữa, không chỉ từ trang này.',
  verifyLogLayout:
    'Nhật ký được công bố theo định dạng C2SP tlog-tiles bên cạnh các trang này, để các công cụ nhật ký minh bạch có thể đọc và các nhân chứng có thể cùng ký.',
  updated: 'Các con số thay đổi lần cuối lúc {time}',
  asOfLog: 'với mục nhật ký {entry, number}',
  autoRefresh: 'Trang này hiển thị kết quả mới nhất khi được tải lại.',
  newResults: 'Đã có kết quả mới.',
  reload: 'Hiển thị',
  footer: 'Công bố bằng Tally, đêm bầu cử có thể kiểm chứng.',
  registeredVoters: 'Cử tri đã ghi danh',
};

const ko: Catalog = {
  resultsTitle: '{election}: 결과',
  testBanner: '테스트: 실제 선거 결과가 아닙니다',
  unofficial: '비공식 결과: 최종 결과는 선거 사무소가 확정합니다.',
  skipToContent: '결과로 건너뛰기',
  home: '모든 선거',
  language: '언어',
  summary: '요약',
  contests: '선거',
  areas: '지역',
  unitsReporting:
    '{expected, plural, other {#개 단위 중}} {reported, number}개 보고 ({share, number, percent})',
  turnout:
    '투표율: 등록 유권자 {registered, number}명 중 {ballots, number}표 투표 ({share, number, percent})',
  ballotsCastPlain: '{ballots, number}표 투표',
  choice: '선택',
  party: '정당',
  votes: '득표수',
  share: '득표율',
  ballotsCast: '투표수',
  overvotes: '초과 기표',
  undervotes: '미달 기표',
  total: '합계',
  leading: '선두',
  noVotesYet: '아직 집계된 표가 없습니다',
  voteFor: '{n, plural, other {#명 선출}}',
  measure: '주민 발의안',
  measurePassing: '통과 예상',
  measureFailing: '부결 예상',
  passRule: '{atLeast, select, yes {득표율 {share} 이상 필요} other {득표율 {share} 초과 필요}}',
  byVoteType: '투표 방식별 결과',
  byArea: '지역별 결과',
  area: '지역',
  leader: '선두',
  reportingShort: '보고',
  map: '지도',
  mapCaption:
    '지역별 선두, 색의 농도는 앞선 정도(득표율 차이, 퍼센트포인트)를 나타냅니다. 지역별 결과 표에 같은 수치가 있습니다.',
  mapMargin:
    '{shade, select, 0 {{to, number, percent} 미만 차이} 1 {{from, number, percent}~{to, number, percent} 차이} other {{from, number, percent} 이상 차이}}',
  mapNoData: '아직 결과 없음',
  overTime: '시간에 따른 결과',
  overTimeCaption: '득표수를 바꾼 최근 로그 항목 각각 이후의 선택별 득표수.',
  logEntry: '로그 항목',
  received: '접수 시각',
  downloads: '이 결과 내려받기',
  verifyTitle: '이 결과를 검증하는 방법',
  verifyIntro:
    '이 사이트의 모든 숫자는 추가만 가능한 공개 로그에 기록된 서명된 결과 제출의 합계입니다. 이 사이트를 믿을 필요가 없습니다. 모든 숫자를 직접 다시 계산할 수 있습니다.',
  verifyCheckpoint:
    '이 버전은 로그의 처음 {size, number}개 항목을 집계하며, 서명된 체크포인트는 다음과 같습니다:',
  verifyManifest: '매니페스트는 이 버전의 모든 파일의 SHA-256을 나열하며 게시자가 서명합니다:',
  verifyCommand:
    '모든 것을 직접 확인하려면 Node.js 22 이상이 설치된 컴퓨터에서 Tally의 단일 파일 검증기인 tally-verify.mjs를 받아 다음을 실행하십시오:',
  verifySiteAddress: '이 사이트의 주소',
  verifyVerifierFile:
    'tally-verify.mjs는 Tally의 소스 코드에서 재현 가능하게 빌드됩니다. 같은 소스는 항상 같은 파일을 만듭니다. 직접 빌드하거나(npm run build:verifier), 가지고 있는 사본의 SHA-256이 그 빌드가 출력하는 값과 같은지 확인하십시오. 키는 이 페이지뿐 아니라 선거 사무소에서도 받으십시오.',
  verifyLogLayout:
    '로그는 이 페이지들 옆에 C2SP tlog-tiles 형식으로 게시되므로, 투명성 로그 도구가 읽을 수 있고 증인이 함께 서명할 수 있습니다.',
  updated: '수치 마지막 변경: {time}',
  asOfLog: '로그 항목 {entry, number}',
  autoRefresh: '이 페이지를 다시 불러오면 최신 결과가 표시됩니다.',
  newResults: '새 결과가 있습니다.',
  reload: '보기',
  footer: 'Tally로 게시: 검증 가능한 선거일 밤 결과.',
  registeredVoters: '등록 유권자',
};

const tl: Catalog = {
  resultsTitle: '{election}: mga resulta',
  testBanner: 'PAGSUBOK: hindi ito tunay na resulta ng halalan',
  unofficial:
    'Hindi opisyal na resulta: ang tanggapan ng halalan ang nagpapatunay sa huling resulta.',
  skipToContent: 'Lumaktaw sa mga resulta',
  home: 'Lahat ng labanan',
  language: 'Wika',
  summary: 'Buod',
  contests: 'Mga labanan',
  areas: 'Mga lugar',
  unitsReporting:
    '{reported, number} sa {expected, plural, one {# yunit} other {# yunit}} ang nakapag-ulat ({share, number, percent})',
  turnout:
    'Dami ng bumoto: {ballots, number} balota mula sa {registered, number} rehistradong botante ({share, number, percent})',
  ballotsCastPlain: '{ballots, number} balotang naihulog',
  choice: 'Pagpipilian',
  party: 'Partido',
  votes: 'Mga boto',
  share: 'Bahagdan',
  ballotsCast: 'Mga balotang naihulog',
  overvotes: 'Sobrang boto',
  undervotes: 'Kulang na boto',
  total: 'Kabuuan',
  leading: 'Nangunguna',
  noVotesYet: 'Wala pang botong nabilang',
  voteFor: '{n, plural, =1 {Bumoto ng #} other {Bumoto ng hanggang #}}',
  measure: 'Panukalang ibinoboto',
  measurePassing: 'Papasa',
  measureFailing: 'Hindi papasa',
  passRule:
    '{atLeast, select, yes {kailangan ng hindi bababa sa {share} ng mga boto} other {kailangan ng higit sa {share} ng mga boto}}',
  byVoteType: 'Mga resulta ayon sa uri ng pagboto',
  byArea: 'Mga resulta ayon sa lugar',
  area: 'Lugar',
  leader: 'Nangunguna',
  reportingShort: 'Nakapag-ulat',
  map: 'Mapa',
  mapCaption:
    'Ang nangunguna sa bawat lugar, mas matingkad kapag mas malaki ang lamang (sa puntos ng porsiyento ng boto). Ang talahanayan ng mga resulta ayon sa lugar ay may parehong mga bilang.',
  mapMargin:
    '{shade, select, 0 {lamang na mas mababa sa {to, number, percent}} 1 {lamang na {from, number, percent} hanggang {to, number, percent}} other {lamang na {from, number, percent} o higit pa}}',
  mapNoData: 'Wala pang resulta',
  overTime: 'Mga resulta sa paglipas ng oras',
  overTimeCaption:
    'Mga boto ng bawat pagpipilian pagkatapos ng bawat isa sa mga huling entry sa log na nagbago sa mga ito.',
  logEntry: 'Entry sa log',
  received: 'Natanggap',
  downloads: 'I-download ang mga resultang ito',
  verifyTitle: 'Paano patunayan ang mga resultang ito',
  verifyIntro:
    'Bawat bilang sa site na ito ay kabuuan ng mga nilagdaang isinumiteng resulta na nakatala sa isang pampublikong log na maaari lamang dagdagan. Hindi mo kailangang magtiwala sa site na ito: maaari mong kuwentahin muli ang bawat bilang.',
  verifyCheckpoint:
    'Binibilang ng bersiyong ito ang unang {size, number} entry ng log, na ang nilagdaang checkpoint ay:',
  verifyManifest:
    'Inililista ng manifest ang SHA-256 ng bawat file ng bersiyong ito at nilagdaan ito ng naglathala:',
  verifyCommand:
    'Upang suriin ang lahat nang mag-isa, sa anumang computer na may Node.js 22 o mas bago: kunin ang tally-verify.mjs, ang verifier ng Tally sa iisang file, at patakbuhin:',
  verifySiteAddress: 'ang address ng site na ito',
  verifyVerifierFile:
    'Ang tally-verify.mjs ay binubuo mula sa source code ng Tally sa paraang nauulit: ang parehong source ay laging nagbibigay ng parehong file. Buuin ito nang mag-isa (npm run build:verifier), o tiyaking ang SHA-256 ng iyong kopya ay ang inilalabas ng pagbuong iyon. Kunin din ang mga susi mula sa tanggapan ng halalan, hindi lamang sa pahinang ito.',
  verifyLogLayout:
    'Inilalathala ang log sa anyong C2SP tlog-tiles katabi ng mga pahinang ito, upang mabasa ito ng mga kasangkapan para sa transparency log at malagdaan ito ng mga saksi.',
  updated: 'Huling nagbago ang mga bilang noong {time}',
  asOfLog: 'sa entry {entry, number} ng log',
  autoRefresh: 'Ipinapakita ng pahinang ito ang pinakabagong resulta kapag ni-reload.',
  newResults: 'May mga bagong resulta.',
  reload: 'Ipakita',
  footer: 'Inilathala gamit ang Tally, ang napapatunayang gabi ng halalan.',
  registeredVoters: 'Mga rehistradong botante',
};

/**
 * The languages Tally has: the 24 official languages of the EU (those shipped, and the rest
 * scaffolded), and the four Section 203 languages beyond Spanish.
 */
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
  ko: { name: '한국어', messages: ko },
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
  tl: { name: 'Tagalog', messages: tl },
  vi: { name: 'Tiếng Việt', messages: vi },
  zh: { name: '中文', messages: zh, tag: 'zh-Hant' },
} as const satisfies Record<string, { name: string; messages: Partial<Catalog>; tag?: string }>;

/**
 * A site language's BCP 47 tag, as pages declare it (`lang`) and Intl formats in it: its code,
 * but for Chinese, written in Traditional characters (zh-Hant), which `zh` alone does not say.
 */
export function languageTag(language: Language): string {
  const entry = LANGUAGES[language];
  return 'tag' in entry ? entry.tag : language;
}

export type Language = keyof typeof LANGUAGES;
export const SHIPPED_LANGUAGES: readonly Language[] = [
  'en',
  'fr',
  'es',
  'de',
  'it',
  'nl',
  'zh',
  'vi',
  'ko',
  'tl',
];

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
      format = new IntlMessageFormat(this.catalog[key] ?? en[key], languageTag(language));
      this.formats.set(key, format);
    }
    return String(format.format(values));
  }
}
