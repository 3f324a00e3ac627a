// Every string of the staff application, as ICU messages (formatted by intl-messageformat), in the
// six languages Tally ships (the public site's, src/publish/messages.ts). Each language must
// translate every message: the type says so and messages.test.ts checks the arguments. Unit,
// contest and choice identifiers, staff names and the API's own messages are not translated.
// Long words in the comparison's narrow columns carry soft hyphens (\u00ad): a phone's screen
// breaks them there, with a hyphen, rather than scrolling sideways.
import { IntlMessageFormat } from 'intl-messageformat';

export const en = {
  appTitle: 'Tally staff',
  skipToMain: 'Skip to the main content',
  language: 'Language',
  signInTitle: 'Sign in',
  signInIntro:
    'Election staff sign in with their name, password and the code from their authenticator app.',
  name: 'Name',
  password: 'Password',
  code: 'Code',
  codeHint: 'The 6-digit code from your authenticator app, or one of your recovery codes.',
  signIn: 'Sign in',
  signingIn: 'Signing in…',
  nameRequired: 'Enter your name.',
  passwordRequired: 'Enter your password.',
  codeRequired: 'Enter the code from your authenticator app, or a recovery code.',
  codeFormat:
    'A code from the authenticator app has 6 digits; a recovery code looks like abcde-12345.',
  signInFailed:
    'The name, password or code is not right, or the account is locked for a while after too many tries.',
  rateLimited:
    'Too many sign-in attempts from this address. Wait {seconds, number} seconds and try again.',
  sessionExpired: 'Your session has ended. Sign in again to go on.',
  signInFirst: 'Sign in to open the review desk.',
  signedOut: 'You are signed out.',
  unreachable: 'The server could not be reached. Check the connection and try again.',
  refused: 'The server refused: {message}',
  signedInAs: 'Signed in as {name}',
  roleLabel: 'Role: {role}',
  role_admin: 'administrator',
  role_reviewer: 'reviewer',
  role_desk: 'desk operator',
  role_auditor: 'auditor',
  role_observer: 'observer',
  signOut: 'Sign out',
  deskTitle: 'Review desk',
  election: 'Election',
  chooseElection: 'Choose an election',
  noElections: 'This server records no elections yet.',
  show: 'Show',
  queueTitle: 'Held for review',
  queueIntro: 'Oldest first. Each one counts only once a reviewer accepts it.',
  queueCount:
    '{count, plural, =0 {Nothing is held for review.} one {# submission held for review.} other {# submissions held for review.}}',
  refresh: 'Refresh the queue',
  loading: 'Loading…',
  queueLoaded: 'Queue loaded: {count, plural, =0 {nothing held} one {# held} other {# held}}.',
  entry: 'Log entry {entry, number}',
  unitAndVoteType: '{unit}, {voteType}',
  kind_original: 'Held: the first report for this unit',
  kind_amendment: 'Held: an amendment',
  kind_corroboration: 'Held: a second source agrees',
  kind_conflict: 'Conflict: another source reports this unit differently',
  warningCount: '{count, plural, =0 {no warnings} one {# warning} other {# warnings}}',
  needsTwoReviewers: 'Needs two reviewers',
  approvals: 'Approved so far by: {names}',
  selectItem: 'Select a held submission in the queue to review it.',
  readOnly: 'You can read the queue. Only reviewers and administrators decide ({role} signed in).',
  source: 'Signed by key',
  countedSource: 'Counted now: log entry {entry, number}, signed by key',
  sent: 'Sent {time}',
  amendmentReason: 'Reason given for the amendment: {reason}',
  warnings: 'Why it is held',
  noWarnings: 'No warnings from the rules.',
  conflictWarning: 'Another source’s report counts now for this unit and vote type.',
  comparisonTitle: 'Held submission beside what counts now',
  nothingCounted:
    'Nothing counts yet for this unit and vote type: accepting the held submission makes it count.',
  differences:
    '{count, plural, =0 {No differences.} one {# line differs.} other {# lines differ.}}',
  unitBallots: 'Whole unit',
  contest: 'Contest {contest}',
  contestOnlyHeld: 'Only the held submission reports this contest.',
  contestOnlyCounted: 'Only what counts now reports this contest.',
  line: 'Line',
  heldColumn: 'Held',
  countedColumn: 'Counts now',
  differenceColumn: 'Difference',
  ballotsCast: 'Ballots cast',
  overvotes: 'Overvotes',
  undervotes: 'Undervotes',
  notReported: 'not reported',
  differs: 'differs',
  same: 'same',
  evidence: 'Evidence',
  noEvidence: 'No evidence files (photos of the tally sheet or results tape) came with it.',
  evidenceFile: '{kind}, SHA-256 {sha256}',
  decisionTitle: 'Decision',
  decisionLegend: 'Accept or reject this submission',
  accept: 'Accept: it counts from this decision on',
  reject: 'Reject: it never counts',
  decisionRequired: 'Choose accept or reject.',
  reason: 'Reason',
  reasonHint: 'Recorded in the public log with your name.',
  reasonRequired: 'Give the reason for the decision.',
  record: 'Record the decision',
  recording: 'Recording…',
  decided: 'Decision recorded as log entry {entry, number}. The queue is up to date.',
  awaitingSecond:
    'Your approval is recorded. This submission broke a rule, so a second reviewer must approve it too (approved so far by: {names}).',
  decisionRefused: 'The decision was not recorded: {message}',
  backToQueue: 'Back to the queue',
} as const;

export type StaffMessageKey = keyof typeof en;
export type StaffCatalog = Readonly<Record<StaffMessageKey, string>>;

const fr: StaffCatalog = {
  appTitle: 'Tally : espace du personnel',
  skipToMain: 'Aller au contenu principal',
  language: 'Langue',
  signInTitle: 'Connexion',
  signInIntro:
    'Le personnel électoral se connecte avec son nom, son mot de passe et le code de son application d’authentification.',
  name: 'Nom',
  password: 'Mot de passe',
  code: 'Code',
  codeHint:
    'Le code à 6 chiffres de votre application d’authentification, ou l’un de vos codes de secours.',
  signIn: 'Se connecter',
  signingIn: 'Connexion…',
  nameRequired: 'Saisissez votre nom.',
  passwordRequired: 'Saisissez votre mot de passe.',
  codeRequired: 'Saisissez le code de votre application d’authentification, ou un code de secours.',
  codeFormat:
    'Un code de l’application d’authentification a 6 chiffres ; un code de secours ressemble à abcde-12345.',
  signInFailed:
    'Le nom, le mot de passe ou le code n’est pas bon, ou le compte est bloqué un moment après trop d’essais.',
  rateLimited:
    'Trop de tentatives de connexion depuis cette adresse. Attendez {seconds, number} secondes et réessayez.',
  sessionExpired: 'Votre session a pris fin. Reconnectez-vous pour continuer.',
  signInFirst: 'Connectez-vous pour ouvrir le bureau de vérification.',
  signedOut: 'Vous êtes déconnecté.',
  unreachable: 'Le serveur est injoignable. Vérifiez la connexion et réessayez.',
  refused: 'Le serveur a refusé : {message}',
  signedInAs: 'Connecté en tant que {name}',
  roleLabel: 'Rôle : {role}',
  role_admin: 'administrateur',
  role_reviewer: 'vérificateur',
  role_desk: 'opérateur de saisie',
  role_auditor: 'auditeur',
  role_observer: 'observateur',
  signOut: 'Se déconnecter',
  deskTitle: 'Bureau de vérification',
  election: 'Élection',
  chooseElection: 'Choisissez une élection',
  noElections: 'Ce serveur n’enregistre encore aucune élection.',
  show: 'Afficher',
  queueTitle: 'En attente de vérification',
  queueIntro:
    'Les plus anciennes d’abord. Chacune ne compte qu’une fois acceptée par un vérificateur.',
  queueCount:
    '{count, plural, =0 {Rien n’est en attente de vérification.} one {# transmission en attente de vérification.} other {# transmissions en attente de vérification.}}',
  refresh: 'Actualiser la file',
  loading: 'Chargement…',
  queueLoaded:
    'File chargée : {count, plural, =0 {rien en attente} one {# en attente} other {# en attente}}.',
  entry: 'Entrée du journal {entry, number}',
  unitAndVoteType: '{unit}, {voteType}',
  kind_original: 'En attente : premier résultat de ce bureau',
  kind_amendment: 'En attente : une rectification',
  kind_corroboration: 'En attente : une seconde source concorde',
  kind_conflict: 'Conflit : une autre source donne d’autres chiffres pour ce bureau',
  warningCount:
    '{count, plural, =0 {aucun avertissement} one {# avertissement} other {# avertissements}}',
  needsTwoReviewers: 'Deux vérificateurs requis',
  approvals: 'Approuvée jusqu’ici par : {names}',
  selectItem: 'Sélectionnez une transmission de la file pour la vérifier.',
  readOnly:
    'Vous pouvez consulter la file. Seuls les vérificateurs et les administrateurs décident (connecté : {role}).',
  source: 'Signée par la clé',
  countedSource: 'Compte actuellement : entrée du journal {entry, number}, signée par la clé',
  sent: 'Envoyée le {time}',
  amendmentReason: 'Motif de la rectification : {reason}',
  warnings: 'Pourquoi elle est en attente',
  noWarnings: 'Aucun avertissement des règles.',
  conflictWarning:
    'Le résultat d’une autre source compte actuellement pour ce bureau et ce mode de vote.',
  comparisonTitle: 'La transmission en attente à côté de ce qui compte',
  nothingCounted:
    'Rien ne compte encore pour ce bureau et ce mode de vote : accepter la transmission la fait compter.',
  differences:
    '{count, plural, =0 {Aucune différence.} one {# ligne diffère.} other {# lignes diffèrent.}}',
  unitBallots: 'Bureau entier',
  contest: 'Scrutin {contest}',
  contestOnlyHeld: 'Seule la transmission en attente donne ce scrutin.',
  contestOnlyCounted: 'Seul ce qui compte actuellement donne ce scrutin.',
  line: 'Ligne',
  heldColumn: 'En attente',
  countedColumn: 'Compte',
  differenceColumn: 'Écart',
  ballotsCast: 'Bulletins',
  overvotes: 'Survotes',
  undervotes: 'Sous-votes',
  notReported: 'non donné',
  differs: 'diffère',
  same: 'identique',
  evidence: 'Pièces justificatives',
  noEvidence:
    'Aucune pièce (photo de la feuille de dépouillement ou du ticket de résultats) n’a été jointe.',
  evidenceFile: '{kind}, SHA-256 {sha256}',
  decisionTitle: 'Décision',
  decisionLegend: 'Accepter ou rejeter cette transmission',
  accept: 'Accepter : elle compte dès cette décision',
  reject: 'Rejeter : elle ne comptera jamais',
  decisionRequired: 'Choisissez accepter ou rejeter.',
  reason: 'Motif',
  reasonHint: 'Inscrit dans le journal public avec votre nom.',
  reasonRequired: 'Donnez le motif de la décision.',
  record: 'Enregistrer la décision',
  recording: 'Enregistrement…',
  decided: 'Décision enregistrée comme entrée du journal {entry, number}. La file est à jour.',
  awaitingSecond:
    'Votre approbation est enregistrée. Cette transmission enfreint une règle : un second vérificateur doit aussi l’approuver (approuvée jusqu’ici par : {names}).',
  decisionRefused: 'La décision n’a pas été enregistrée : {message}',
  backToQueue: 'Retour à la file',
};

const es: StaffCatalog = {
  appTitle: 'Tally: personal electoral',
  skipToMain: 'Ir al contenido principal',
  language: 'Idioma',
  signInTitle: 'Iniciar sesión',
  signInIntro:
    'El personal electoral inicia sesión con su nombre, su contraseña y el código de su aplicación de autenticación.',
  name: 'Nombre',
  password: 'Contraseña',
  code: 'Código',
  codeHint:
    'El código de 6 dígitos de su aplicación de autenticación, o uno de sus códigos de recuperación.',
  signIn: 'Iniciar sesión',
  signingIn: 'Iniciando sesión…',
  nameRequired: 'Escriba su nombre.',
  passwordRequired: 'Escriba su contraseña.',
  codeRequired: 'Escriba el código de su aplicación de autenticación, o un código de recuperación.',
  codeFormat:
    'Un código de la aplicación de autenticación tiene 6 dígitos; un código de recuperación es como abcde-12345.',
  signInFailed:
    'El nombre, la contraseña o el código no son correctos, o la cuenta está bloqueada un tiempo tras demasiados intentos.',
  rateLimited:
    'Demasiados intentos de inicio de sesión desde esta dirección. Espere {seconds, number} segundos y vuelva a intentarlo.',
  sessionExpired: 'Su sesión ha terminado. Inicie sesión de nuevo para continuar.',
  signInFirst: 'Inicie sesión para abrir la mesa de revisión.',
  signedOut: 'Ha cerrado la sesión.',
  unreachable: 'No se pudo contactar con el servidor. Compruebe la conexión y vuelva a intentarlo.',
  refused: 'El servidor lo rechazó: {message}',
  signedInAs: 'Sesión de {name}',
  roleLabel: 'Función: {role}',
  role_admin: 'administración',
  role_reviewer: 'revisión',
  role_desk: 'operación de mesa',
  role_auditor: 'auditoría',
  role_observer: 'observación',
  signOut: 'Cerrar sesión',
  deskTitle: 'Mesa de revisión',
  election: 'Elección',
  chooseElection: 'Elija una elección',
  noElections: 'Este servidor aún no registra ninguna elección.',
  show: 'Mostrar',
  queueTitle: 'Retenidos para revisión',
  queueIntro:
    'Los más antiguos primero. Cada uno cuenta solo cuando alguien de revisión lo acepta.',
  queueCount:
    '{count, plural, =0 {Nada está retenido para revisión.} one {# envío retenido para revisión.} other {# envíos retenidos para revisión.}}',
  refresh: 'Actualizar la cola',
  loading: 'Cargando…',
  queueLoaded:
    'Cola cargada: {count, plural, =0 {nada retenido} one {# retenido} other {# retenidos}}.',
  entry: 'Entrada del registro {entry, number}',
  unitAndVoteType: '{unit}, {voteType}',
  kind_original: 'Retenido: el primer informe de esta unidad',
  kind_amendment: 'Retenido: una corrección',
  kind_corroboration: 'Retenido: una segunda fuente coincide',
  kind_conflict: 'Conflicto: otra fuente informa de otras cifras para esta unidad',
  warningCount: '{count, plural, =0 {sin avisos} one {# aviso} other {# avisos}}',
  needsTwoReviewers: 'Requiere dos revisiones',
  approvals: 'Aprobado hasta ahora por: {names}',
  selectItem: 'Seleccione un envío retenido en la cola para revisarlo.',
  readOnly:
    'Puede consultar la cola. Solo revisión y administración deciden (sesión con función: {role}).',
  source: 'Firmado con la clave',
  countedSource: 'Cuenta ahora: entrada del registro {entry, number}, firmada con la clave',
  sent: 'Enviado el {time}',
  amendmentReason: 'Motivo de la corrección: {reason}',
  warnings: 'Por qué está retenido',
  noWarnings: 'Las reglas no dieron ningún aviso.',
  conflictWarning: 'El informe de otra fuente cuenta ahora para esta unidad y modalidad de voto.',
  comparisonTitle: 'El envío retenido junto a lo que cuenta ahora',
  nothingCounted:
    'Todavía no cuenta nada para esta unidad y modalidad de voto: aceptar el envío retenido hace que cuente.',
  differences:
    '{count, plural, =0 {Sin diferencias.} one {# línea difiere.} other {# líneas difieren.}}',
  unitBallots: 'Unidad completa',
  contest: 'Contienda {contest}',
  contestOnlyHeld: 'Solo el envío retenido informa de esta contienda.',
  contestOnlyCounted: 'Solo lo que cuenta ahora informa de esta contienda.',
  line: 'Línea',
  heldColumn: 'Rete\u00adnido',
  countedColumn: 'Cuenta',
  differenceColumn: 'Dife\u00adrencia',
  ballotsCast: 'Pape\u00adletas',
  overvotes: 'Sobre\u00advotos',
  undervotes: 'Subvotos',
  notReported: 'sin dato',
  differs: 'difiere',
  same: 'igual',
  evidence: 'Pruebas',
  noEvidence:
    'No llegaron archivos de prueba (fotos del acta de escrutinio o del ticket de resultados).',
  evidenceFile: '{kind}, SHA-256 {sha256}',
  decisionTitle: 'Decisión',
  decisionLegend: 'Aceptar o rechazar este envío',
  accept: 'Aceptar: cuenta desde esta decisión',
  reject: 'Rechazar: no contará nunca',
  decisionRequired: 'Elija aceptar o rechazar.',
  reason: 'Motivo',
  reasonHint: 'Se registra en el registro público con su nombre.',
  reasonRequired: 'Indique el motivo de la decisión.',
  record: 'Registrar la decisión',
  recording: 'Registrando…',
  decided: 'Decisión registrada como entrada {entry, number}. La cola está al día.',
  awaitingSecond:
    'Su aprobación está registrada. Este envío incumplió una regla, así que otra persona de revisión debe aprobarlo también (aprobado hasta ahora por: {names}).',
  decisionRefused: 'La decisión no se registró: {message}',
  backToQueue: 'Volver a la cola',
};

const de: StaffCatalog = {
  appTitle: 'Tally: Wahlpersonal',
  skipToMain: 'Zum Hauptinhalt springen',
  language: 'Sprache',
  signInTitle: 'Anmelden',
  signInIntro:
    'Das Wahlpersonal meldet sich mit Name, Passwort und dem Code aus seiner Authentifizierungs-App an.',
  name: 'Name',
  password: 'Passwort',
  code: 'Code',
  codeHint:
    'Der 6-stellige Code aus Ihrer Authentifizierungs-App oder einer Ihrer Wiederherstellungscodes.',
  signIn: 'Anmelden',
  signingIn: 'Anmeldung läuft…',
  nameRequired: 'Geben Sie Ihren Namen ein.',
  passwordRequired: 'Geben Sie Ihr Passwort ein.',
  codeRequired:
    'Geben Sie den Code aus Ihrer Authentifizierungs-App oder einen Wiederherstellungscode ein.',
  codeFormat:
    'Ein Code aus der Authentifizierungs-App hat 6 Ziffern; ein Wiederherstellungscode sieht aus wie abcde-12345.',
  signInFailed:
    'Name, Passwort oder Code stimmen nicht, oder das Konto ist nach zu vielen Versuchen eine Weile gesperrt.',
  rateLimited:
    'Zu viele Anmeldeversuche von dieser Adresse. Warten Sie {seconds, number} Sekunden und versuchen Sie es erneut.',
  sessionExpired: 'Ihre Sitzung ist abgelaufen. Melden Sie sich erneut an, um fortzufahren.',
  signInFirst: 'Melden Sie sich an, um den Prüfplatz zu öffnen.',
  signedOut: 'Sie sind abgemeldet.',
  unreachable:
    'Der Server ist nicht erreichbar. Prüfen Sie die Verbindung und versuchen Sie es erneut.',
  refused: 'Der Server hat abgelehnt: {message}',
  signedInAs: 'Angemeldet als {name}',
  roleLabel: 'Rolle: {role}',
  role_admin: 'Administration',
  role_reviewer: 'Prüfung',
  role_desk: 'Erfassung',
  role_auditor: 'Revision',
  role_observer: 'Beobachtung',
  signOut: 'Abmelden',
  deskTitle: 'Prüfplatz',
  election: 'Wahl',
  chooseElection: 'Wählen Sie eine Wahl',
  noElections: 'Dieser Server verzeichnet noch keine Wahl.',
  show: 'Anzeigen',
  queueTitle: 'Zur Prüfung zurückgehalten',
  queueIntro: 'Die ältesten zuerst. Jede zählt erst, wenn eine prüfende Person sie annimmt.',
  queueCount:
    '{count, plural, =0 {Nichts ist zur Prüfung zurückgehalten.} one {# Meldung zur Prüfung zurückgehalten.} other {# Meldungen zur Prüfung zurückgehalten.}}',
  refresh: 'Warteschlange aktualisieren',
  loading: 'Wird geladen…',
  queueLoaded:
    'Warteschlange geladen: {count, plural, =0 {nichts zurückgehalten} one {# zurückgehalten} other {# zurückgehalten}}.',
  entry: 'Protokolleintrag {entry, number}',
  unitAndVoteType: '{unit}, {voteType}',
  kind_original: 'Zurückgehalten: die erste Meldung dieses Bezirks',
  kind_amendment: 'Zurückgehalten: eine Berichtigung',
  kind_corroboration: 'Zurückgehalten: eine zweite Quelle stimmt überein',
  kind_conflict: 'Widerspruch: eine andere Quelle meldet für diesen Bezirk andere Zahlen',
  warningCount: '{count, plural, =0 {keine Warnungen} one {# Warnung} other {# Warnungen}}',
  needsTwoReviewers: 'Braucht zwei Prüfende',
  approvals: 'Bisher angenommen von: {names}',
  selectItem: 'Wählen Sie eine zurückgehaltene Meldung in der Warteschlange, um sie zu prüfen.',
  readOnly:
    'Sie können die Warteschlange lesen. Nur Prüfung und Administration entscheiden (angemeldet als {role}).',
  source: 'Signiert mit dem Schlüssel',
  countedSource: 'Zählt jetzt: Protokolleintrag {entry, number}, signiert mit dem Schlüssel',
  sent: 'Gesendet am {time}',
  amendmentReason: 'Grund der Berichtigung: {reason}',
  warnings: 'Warum sie zurückgehalten ist',
  noWarnings: 'Die Regeln haben nichts beanstandet.',
  conflictWarning:
    'Die Meldung einer anderen Quelle zählt jetzt für diesen Bezirk und diese Stimmabgabeart.',
  comparisonTitle: 'Die zurückgehaltene Meldung neben dem, was jetzt zählt',
  nothingCounted:
    'Für diesen Bezirk und diese Stimmabgabeart zählt noch nichts: Annehmen lässt die zurückgehaltene Meldung zählen.',
  differences:
    '{count, plural, =0 {Keine Unterschiede.} one {# Zeile weicht ab.} other {# Zeilen weichen ab.}}',
  unitBallots: 'Ganzer Bezirk',
  contest: 'Abstimmung {contest}',
  contestOnlyHeld: 'Nur die zurückgehaltene Meldung enthält diese Abstimmung.',
  contestOnlyCounted: 'Nur das, was jetzt zählt, enthält diese Abstimmung.',
  line: 'Zeile',
  heldColumn: 'Zurück\u00adgehalten',
  countedColumn: 'Zählt',
  differenceColumn: 'Diffe\u00adrenz',
  ballotsCast: 'Stimm\u00adzettel',
  overvotes: 'Über\u00adstimmen',
  undervotes: 'Unter\u00adstimmen',
  notReported: 'nicht gemeldet',
  differs: 'weicht ab',
  same: 'gleich',
  evidence: 'Belege',
  noEvidence: 'Es kamen keine Belegdateien mit (Fotos der Zählliste oder des Ergebnisausdrucks).',
  evidenceFile: '{kind}, SHA-256 {sha256}',
  decisionTitle: 'Entscheidung',
  decisionLegend: 'Diese Meldung annehmen oder ablehnen',
  accept: 'Annehmen: sie zählt ab dieser Entscheidung',
  reject: 'Ablehnen: sie zählt nie',
  decisionRequired: 'Wählen Sie annehmen oder ablehnen.',
  reason: 'Begründung',
  reasonHint: 'Wird mit Ihrem Namen im öffentlichen Protokoll festgehalten.',
  reasonRequired: 'Geben Sie die Begründung der Entscheidung an.',
  record: 'Entscheidung festhalten',
  recording: 'Wird festgehalten…',
  decided:
    'Entscheidung als Protokolleintrag {entry, number} festgehalten. Die Warteschlange ist aktuell.',
  awaitingSecond:
    'Ihre Annahme ist festgehalten. Diese Meldung hat eine Regel verletzt, daher muss eine zweite prüfende Person sie ebenfalls annehmen (bisher angenommen von: {names}).',
  decisionRefused: 'Die Entscheidung wurde nicht festgehalten: {message}',
  backToQueue: 'Zurück zur Warteschlange',
};

const it: StaffCatalog = {
  appTitle: 'Tally: personale elettorale',
  skipToMain: 'Vai al contenuto principale',
  language: 'Lingua',
  signInTitle: 'Accesso',
  signInIntro:
    'Il personale elettorale accede con nome, password e il codice della propria app di autenticazione.',
  name: 'Nome',
  password: 'Password',
  code: 'Codice',
  codeHint:
    'Il codice a 6 cifre della tua app di autenticazione, o uno dei tuoi codici di recupero.',
  signIn: 'Accedi',
  signingIn: 'Accesso in corso…',
  nameRequired: 'Inserisci il tuo nome.',
  passwordRequired: 'Inserisci la tua password.',
  codeRequired: 'Inserisci il codice della tua app di autenticazione, o un codice di recupero.',
  codeFormat:
    'Un codice dell’app di autenticazione ha 6 cifre; un codice di recupero ha la forma abcde-12345.',
  signInFailed:
    'Il nome, la password o il codice non sono corretti, oppure l’account è bloccato per un po’ dopo troppi tentativi.',
  rateLimited:
    'Troppi tentativi di accesso da questo indirizzo. Attendi {seconds, number} secondi e riprova.',
  sessionExpired: 'La sessione è scaduta. Accedi di nuovo per continuare.',
  signInFirst: 'Accedi per aprire il banco di verifica.',
  signedOut: 'Sei uscito.',
  unreachable: 'Il server non è raggiungibile. Controlla la connessione e riprova.',
  refused: 'Il server ha rifiutato: {message}',
  signedInAs: 'Accesso come {name}',
  roleLabel: 'Ruolo: {role}',
  role_admin: 'amministrazione',
  role_reviewer: 'verifica',
  role_desk: 'inserimento dati',
  role_auditor: 'revisione contabile',
  role_observer: 'osservazione',
  signOut: 'Esci',
  deskTitle: 'Banco di verifica',
  election: 'Elezione',
  chooseElection: 'Scegli un’elezione',
  noElections: 'Questo server non registra ancora alcuna elezione.',
  show: 'Mostra',
  queueTitle: 'Trattenuti per la verifica',
  queueIntro: 'I più vecchi per primi. Ciascuno conta solo quando chi verifica lo accetta.',
  queueCount:
    '{count, plural, =0 {Nulla è trattenuto per la verifica.} one {# invio trattenuto per la verifica.} other {# invii trattenuti per la verifica.}}',
  refresh: 'Aggiorna la coda',
  loading: 'Caricamento…',
  queueLoaded:
    'Coda caricata: {count, plural, =0 {nulla trattenuto} one {# trattenuto} other {# trattenuti}}.',
  entry: 'Voce del registro {entry, number}',
  unitAndVoteType: '{unit}, {voteType}',
  kind_original: 'Trattenuto: il primo risultato di questa sezione',
  kind_amendment: 'Trattenuto: una rettifica',
  kind_corroboration: 'Trattenuto: una seconda fonte concorda',
  kind_conflict: 'Conflitto: un’altra fonte riporta cifre diverse per questa sezione',
  warningCount: '{count, plural, =0 {nessun avviso} one {# avviso} other {# avvisi}}',
  needsTwoReviewers: 'Servono due verifiche',
  approvals: 'Approvato finora da: {names}',
  selectItem: 'Seleziona un invio trattenuto nella coda per verificarlo.',
  readOnly:
    'Puoi consultare la coda. Decidono solo verifica e amministrazione (accesso con ruolo: {role}).',
  source: 'Firmato con la chiave',
  countedSource: 'Conta ora: voce del registro {entry, number}, firmata con la chiave',
  sent: 'Inviato il {time}',
  amendmentReason: 'Motivo della rettifica: {reason}',
  warnings: 'Perché è trattenuto',
  noWarnings: 'Nessun avviso dalle regole.',
  conflictWarning:
    'Il risultato di un’altra fonte conta ora per questa sezione e questa modalità di voto.',
  comparisonTitle: 'L’invio trattenuto accanto a ciò che conta ora',
  nothingCounted:
    'Per questa sezione e questa modalità di voto non conta ancora nulla: accettare l’invio trattenuto lo fa contare.',
  differences:
    '{count, plural, =0 {Nessuna differenza.} one {# riga è diversa.} other {# righe sono diverse.}}',
  unitBallots: 'Sezione intera',
  contest: 'Consultazione {contest}',
  contestOnlyHeld: 'Solo l’invio trattenuto riporta questa consultazione.',
  contestOnlyCounted: 'Solo ciò che conta ora riporta questa consultazione.',
  line: 'Riga',
  heldColumn: 'Tratte\u00adnuto',
  countedColumn: 'Conta',
  differenceColumn: 'Diffe\u00adrenza',
  ballotsCast: 'Schede',
  overvotes: 'Voti in eccesso',
  undervotes: 'Voti non espressi',
  notReported: 'non riportato',
  differs: 'diverso',
  same: 'uguale',
  evidence: 'Documentazione',
  noEvidence:
    'Non è arrivato alcun file di documentazione (foto del verbale di scrutinio o dello scontrino dei risultati).',
  evidenceFile: '{kind}, SHA-256 {sha256}',
  decisionTitle: 'Decisione',
  decisionLegend: 'Accetta o respingi questo invio',
  accept: 'Accetta: conta da questa decisione',
  reject: 'Respingi: non conterà mai',
  decisionRequired: 'Scegli accetta o respingi.',
  reason: 'Motivo',
  reasonHint: 'Registrato nel registro pubblico con il tuo nome.',
  reasonRequired: 'Indica il motivo della decisione.',
  record: 'Registra la decisione',
  recording: 'Registrazione…',
  decided: 'Decisione registrata come voce {entry, number} del registro. La coda è aggiornata.',
  awaitingSecond:
    'La tua approvazione è registrata. Questo invio ha violato una regola, quindi deve approvarlo anche una seconda persona di verifica (approvato finora da: {names}).',
  decisionRefused: 'La decisione non è stata registrata: {message}',
  backToQueue: 'Torna alla coda',
};

const nl: StaffCatalog = {
  appTitle: 'Tally: verkiezingsmedewerkers',
  skipToMain: 'Naar de hoofdinhoud',
  language: 'Taal',
  signInTitle: 'Inloggen',
  signInIntro:
    'Verkiezingsmedewerkers loggen in met hun naam, wachtwoord en de code uit hun authenticator-app.',
  name: 'Naam',
  password: 'Wachtwoord',
  code: 'Code',
  codeHint: 'De 6-cijferige code uit uw authenticator-app, of een van uw herstelcodes.',
  signIn: 'Inloggen',
  signingIn: 'Bezig met inloggen…',
  nameRequired: 'Vul uw naam in.',
  passwordRequired: 'Vul uw wachtwoord in.',
  codeRequired: 'Vul de code uit uw authenticator-app in, of een herstelcode.',
  codeFormat:
    'Een code uit de authenticator-app heeft 6 cijfers; een herstelcode ziet eruit als abcde-12345.',
  signInFailed:
    'De naam, het wachtwoord of de code klopt niet, of het account is na te veel pogingen een tijd geblokkeerd.',
  rateLimited:
    'Te veel inlogpogingen vanaf dit adres. Wacht {seconds, number} seconden en probeer het opnieuw.',
  sessionExpired: 'Uw sessie is verlopen. Log opnieuw in om verder te gaan.',
  signInFirst: 'Log in om de controletafel te openen.',
  signedOut: 'U bent uitgelogd.',
  unreachable: 'De server is niet bereikbaar. Controleer de verbinding en probeer het opnieuw.',
  refused: 'De server weigerde: {message}',
  signedInAs: 'Ingelogd als {name}',
  roleLabel: 'Rol: {role}',
  role_admin: 'beheerder',
  role_reviewer: 'controleur',
  role_desk: 'invoerder',
  role_auditor: 'auditor',
  role_observer: 'waarnemer',
  signOut: 'Uitloggen',
  deskTitle: 'Controletafel',
  election: 'Verkiezing',
  chooseElection: 'Kies een verkiezing',
  noElections: 'Deze server heeft nog geen verkiezingen.',
  show: 'Tonen',
  queueTitle: 'Aangehouden voor controle',
  queueIntro: 'Oudste eerst. Elke telt pas mee als een controleur hem aanvaardt.',
  queueCount:
    '{count, plural, =0 {Niets is aangehouden voor controle.} one {# inzending aangehouden voor controle.} other {# inzendingen aangehouden voor controle.}}',
  refresh: 'Wachtrij vernieuwen',
  loading: 'Bezig met laden…',
  queueLoaded:
    'Wachtrij geladen: {count, plural, =0 {niets aangehouden} one {# aangehouden} other {# aangehouden}}.',
  entry: 'Logregel {entry, number}',
  unitAndVoteType: '{unit}, {voteType}',
  kind_original: 'Aangehouden: de eerste uitslag van dit stembureau',
  kind_amendment: 'Aangehouden: een correctie',
  kind_corroboration: 'Aangehouden: een tweede bron stemt overeen',
  kind_conflict: 'Conflict: een andere bron meldt andere aantallen voor dit stembureau',
  warningCount:
    '{count, plural, =0 {geen waarschuwingen} one {# waarschuwing} other {# waarschuwingen}}',
  needsTwoReviewers: 'Twee controleurs nodig',
  approvals: 'Tot nu toe goedgekeurd door: {names}',
  selectItem: 'Kies een aangehouden inzending in de wachtrij om die te controleren.',
  readOnly:
    'U kunt de wachtrij lezen. Alleen controleurs en beheerders beslissen (ingelogd als {role}).',
  source: 'Ondertekend met sleutel',
  countedSource: 'Telt nu: logregel {entry, number}, ondertekend met sleutel',
  sent: 'Verzonden op {time}',
  amendmentReason: 'Reden van de correctie: {reason}',
  warnings: 'Waarom hij is aangehouden',
  noWarnings: 'Geen waarschuwingen van de regels.',
  conflictWarning:
    'De uitslag van een andere bron telt nu voor dit stembureau en deze wijze van stemmen.',
  comparisonTitle: 'De aangehouden inzending naast wat nu telt',
  nothingCounted:
    'Voor dit stembureau en deze wijze van stemmen telt nog niets: aanvaarden laat de aangehouden inzending meetellen.',
  differences:
    '{count, plural, =0 {Geen verschillen.} one {# regel wijkt af.} other {# regels wijken af.}}',
  unitBallots: 'Heel het stembureau',
  contest: 'Stemming {contest}',
  contestOnlyHeld: 'Alleen de aangehouden inzending meldt deze stemming.',
  contestOnlyCounted: 'Alleen wat nu telt meldt deze stemming.',
  line: 'Regel',
  heldColumn: 'Aange\u00adhouden',
  countedColumn: 'Telt',
  differenceColumn: 'Ver\u00adschil',
  ballotsCast: 'Stem\u00adbiljetten',
  overvotes: 'Over\u00adstemmen',
  undervotes: 'Onder\u00adstemmen',
  notReported: 'niet gemeld',
  differs: 'wijkt af',
  same: 'gelijk',
  evidence: 'Bewijsstukken',
  noEvidence:
    'Er kwamen geen bewijsstukken mee (foto’s van het telformulier of de uitslagenstrook).',
  evidenceFile: '{kind}, SHA-256 {sha256}',
  decisionTitle: 'Besluit',
  decisionLegend: 'Deze inzending aanvaarden of afwijzen',
  accept: 'Aanvaarden: hij telt vanaf dit besluit',
  reject: 'Afwijzen: hij telt nooit',
  decisionRequired: 'Kies aanvaarden of afwijzen.',
  reason: 'Reden',
  reasonHint: 'Wordt met uw naam in het openbare log vastgelegd.',
  reasonRequired: 'Geef de reden van het besluit.',
  record: 'Besluit vastleggen',
  recording: 'Bezig met vastleggen…',
  decided: 'Besluit vastgelegd als logregel {entry, number}. De wachtrij is bijgewerkt.',
  awaitingSecond:
    'Uw goedkeuring is vastgelegd. Deze inzending brak een regel, dus een tweede controleur moet hem ook goedkeuren (tot nu toe goedgekeurd door: {names}).',
  decisionRefused: 'Het besluit is niet vastgelegd: {message}',
  backToQueue: 'Terug naar de wachtrij',
};

/** The staff application's languages, each with its name as its speakers write it. */
export const STAFF_LANGUAGES = {
  en: { name: 'English', messages: en as StaffCatalog },
  fr: { name: 'français', messages: fr },
  es: { name: 'español', messages: es },
  de: { name: 'Deutsch', messages: de },
  it: { name: 'italiano', messages: it },
  nl: { name: 'Nederlands', messages: nl },
} as const;

export type StaffLanguage = keyof typeof STAFF_LANGUAGES;

export function isStaffLanguage(value: string): value is StaffLanguage {
  return Object.hasOwn(STAFF_LANGUAGES, value);
}

/**
 * The language to show: the one asked for in the address (`?lang=`), else the one chosen before
 * (kept in the browser), else the first of the browser's preferences Tally has (by primary
 * subtag: `fr-BE` is French), else English.
 */
export function chooseLanguage(choice: {
  readonly query: string | null;
  readonly stored: string | null;
  readonly preferred: readonly string[];
}): StaffLanguage {
  for (const tag of [choice.query, choice.stored]) {
    if (tag !== null && isStaffLanguage(tag)) return tag;
  }
  for (const tag of choice.preferred) {
    const primary = tag.split('-')[0]?.toLowerCase() ?? '';
    if (isStaffLanguage(primary)) return primary;
  }
  return 'en';
}

export type StaffMessageValues = Record<string, string | number | Date>;

export class StaffMessages {
  private readonly formats = new Map<StaffMessageKey, IntlMessageFormat>();

  constructor(readonly language: StaffLanguage) {}

  t(key: StaffMessageKey, values?: StaffMessageValues): string {
    let format = this.formats.get(key);
    if (format === undefined) {
      format = new IntlMessageFormat(STAFF_LANGUAGES[this.language].messages[key], this.language);
      this.formats.set(key, format);
    }
    return String(format.format(values));
  }
}
