// Every string of the precinct reporter app, as ICU messages (formatted by intl-messageformat),
// in the six languages the staff application ships, by the same mechanism
// (src/web/staff/messages.ts): each language translates every message, which the type says and
// messages.test.ts checks with the arguments. Unit, contest and choice names come from the
// definition, and the server's own messages are not translated.
import { CatalogMessages, chooseLanguageOf, type MessageValues } from '../catalog.js';

export const en = {
  appTitle: 'Tally precinct reporter',
  skipToMain: 'Skip to the main content',
  language: 'Language',
  loading: 'Loading…',
  testMark: 'TEST',
  testBanner: 'Practice election: these results are not real. Use it to learn the app.',
  noStorage:
    'This browser does not let the app keep anything on the phone (it may be a private window). Open the app in a normal window: its signing key and your reports are kept on the phone.',
  unreachable: 'The server could not be reached. Check the connection and try again.',
  refused: 'The server refused: {message}',
  tryAgain: 'Try again',
  keyRevoked:
    'The election office has revoked this phone’s key: reports it signs are refused. Ask the office for a new enrolment code.',
  enrolTitle: 'Enrol this phone',
  enrolIntro:
    'Your election office gives you a one-time enrolment code: scan its QR code with the phone’s camera, or type the election and the code here. The phone makes its own signing key, which never leaves it, and the office’s roster records it for your precinct.',
  enrolFor: 'Election: {election}.',
  enrolForUnit: 'This phone will report for {unit} in {election}.',
  enrolPending:
    'This phone made its key but did not hear back from the server. Enrol again with the same code: if the server recorded the key, the phone carries on.',
  electionId: 'Election',
  electionIdHint: 'The election’s id, as the election office gives it (for example sample-2026).',
  enrolmentCode: 'Enrolment code',
  enrolmentCodeHint:
    'Twelve letters and digits, such as K7QF-M2XD-9HTA. You may also paste the whole enrolment address.',
  electionRequired: 'Enter the election’s id.',
  electionFormat:
    'An election id has letters, digits, dots, dashes, colons or underscores, and no spaces.',
  codeRequired: 'Enter the enrolment code.',
  codeFormat: 'An enrolment code has twelve letters and digits, such as K7QF-M2XD-9HTA.',
  enrol: 'Enrol this phone',
  enrolling: 'Enrolling…',
  enrolOffline:
    'The phone has no network. Enrolling needs it once: connect, then try again. The code stays good until it expires.',
  enrolInvalidCode:
    'This code is not valid: it may have been used already, or have expired. Ask the election office for a new one.',
  enrolUnknownElection:
    'The server has no election with this id. Check the id with the election office.',
  enrolRateLimited: 'Too many tries from this network. Wait a minute, then try again.',
  enrolNoEnrolmentKey: 'This server cannot enrol phones yet. Tell the election office.',
  enrolNoCrypto:
    'This browser cannot make the signing key the app needs. Use an up-to-date browser (Chrome, Safari, Firefox or Edge).',
  outboxTitle: 'Outbox',
  outboxEmpty: 'Nothing is waiting: every report made on this phone has been sent.',
  outboxWaiting:
    '{reports, plural, =0 {No report} one {# report} other {# reports}} waiting for the network{photos, plural, =0 {} one {, with # photo} other {, with # photos}}.',
  outboxSending: 'Sending…',
  outboxOffline:
    'The phone is offline. Your reports are signed and kept on this phone, and go out as soon as the network is back while the app is open. If you close it, open it again once you have a network.',
  outboxRetrying: 'The phone tries again every few seconds, and at once when the network is back.',
  sendNow: 'Try sending now',
  definitionMissing:
    'The phone is enrolled, but has not read the election’s contests yet: it needs the network once.',
  reportTitle: 'Your precinct’s results',
  reportingFor: 'Reporting for {unit}, {election}.',
  unitChoice: 'Reporting unit',
  voteType: 'Vote type',
  nothingToReport: 'There is nothing to report for this vote type.',
  unitBallots: 'Ballots cast in the precinct',
  unitBallotsHint: 'Every ballot cast in the precinct for this vote type.',
  unitBallotsRegistered:
    'Every ballot cast in the precinct for this vote type ({registered, number} voters are registered).',
  turnoutAboveRegistered:
    '{ballots, number} ballots were cast, but only {registered, number} voters are registered. Check the number: if it is right, a reviewer will look at it.',
  voteFor: '{voteFor, plural, one {Vote for one.} other {Vote for up to #.}}',
  contestBallots: 'Ballots counted in this contest',
  contestBallotsHint: 'The ballots on which this contest was counted.',
  overvotes: 'Overvotes',
  overvotesHint: 'Votes lost because a ballot marked too many choices.',
  undervotes: 'Undervotes',
  undervotesHint: 'Votes left unused: choices a ballot did not mark.',
  balancePending: 'Fill in every number of this contest to check it.',
  balanced:
    '✓ Checked: {votes, number} votes + {overvotes, number} overvotes + {undervotes, number} undervotes = {positions, number}, which is {ballots, number} ballots × vote for {voteFor, number}.',
  unbalanced:
    '⚠ {contest}: {votes, number} votes + {overvotes, number} overvotes + {undervotes, number} undervotes = {positions, number}, but {ballots, number} ballots × vote for {voteFor, number} = {expected, number}. Check the numbers: if they are right, a reviewer will look at it.',
  positionsAboveBallots:
    '⚠ {contest}: {votes, number} votes + {overvotes, number} overvotes + {undervotes, number} undervotes = {positions, number}, more than {ballots, number} ballots × vote for {voteFor, number} = {expected, number}. This cannot be: correct the numbers.',
  choiceAboveBallots:
    '⚠ {contest}: {choice} has {votes, number} votes from {ballots, number} ballots. This cannot be: correct the numbers.',
  ballotsAboveUnit:
    '⚠ {contest}: {ballots, number} ballots counted, but {unitBallots, number} cast in the precinct. This cannot be: correct the numbers.',
  fieldMissing: 'Fill this in (0 if there were none).',
  fieldNotACount: 'Type a whole number, such as 120.',
  caucusDelegates:
    '{delegates, plural, =0 {This precinct elects no county delegate.} one {This precinct elects one county delegate.} other {This precinct elects # county delegates.}}',
  firstAlignment: 'First alignment',
  firstAlignmentHint: 'How many people stand in each preference group at the first count.',
  participants: 'Participants: {participants, number}.',
  viabilityPending: 'Fill in the first alignment to see the viability number.',
  viabilityNone:
    'With one delegate there is no viability threshold: the largest group in the final alignment elects it.',
  viabilityNumber:
    'Viability number: {need, number} ({share, number, ::percent .##} of {participants, number}, rounded up).',
  groupViable: '{group}: viable',
  groupNotViable: '{group}: not viable',
  finalAlignment: 'Final alignment',
  finalAlignmentHint:
    'How many people stand in each preference group after realignment (0 for a group that is gone).',
  delegatesTitle: 'County delegates',
  delegatesPending: 'Fill in both alignments to see the delegates each group wins.',
  groupDelegates:
    '{group}: {delegates, plural, =0 {no delegate} one {# delegate} other {# delegates}}',
  delegatesEmpty: 'Nobody is in the final alignment: there is no delegate to allocate.',
  chanceTitle: 'Game of chance',
  chanceExtra: '{groups} are tied for one more delegate.',
  chanceRemoval: '{groups} are tied: one of them must give a delegate back.',
  chanceHint:
    'Play the game of chance your party’s rules say (draw cards or toss a coin), then choose the group it selected and record it.',
  chanceRequired: 'Choose the group the game selected.',
  chanceRecord: 'Record the group selected',
  chancePlayedExtra: 'Game of chance between {groups}: {selected} won the extra delegate.',
  chancePlayedRemoval: 'Game of chance between {groups}: {selected} gave a delegate back.',
  realign:
    '{groups} must realign before the delegates can be allocated. Fill in the final alignment once they have.',
  participantsAboveUnit:
    '{participants, number} took part in the first alignment, but {ballots, number} ballots were cast in the precinct. Correct the numbers.',
  finalAboveFirst:
    'More people are in the final alignment ({final, number}) than in the first ({first, number}). Nobody joins after the first alignment: correct the numbers.',
  caucusRuleBroken: 'This breaks the caucus rules, and a reviewer will look at it: {message}',
  needsChance: '{contest}: play the game of chance and record the group it selected.',
  realignContest: '{contest}: the groups must realign first.',
  photoLabel: 'Photo of the tally sheet',
  photoHint:
    'Take a photo of the signed tally sheet. It goes with your report, which names it by its fingerprint (SHA-256).',
  photoTooLarge: 'This photo is larger than 10 MB. Take it again at a lower resolution.',
  photoNotAPhoto: 'This file is not a JPEG, PNG or WebP photo.',
  photoAlt: 'The photo of the tally sheet that goes with the report',
  photoAdded: 'Photo added (SHA-256 {sha256}…).',
  photoRemove: 'Remove the photo',
  reasonLabel: 'Why this report replaces your earlier one',
  reasonHint:
    'This phone already reported for this precinct and vote type. Say what changed (for example: recount of box 2). It is recorded in the public log.',
  reasonRequired: 'Say why this report replaces the earlier one.',
  reasonTooLong: 'The reason may have at most {max, number} characters.',
  cannotSend: 'The report cannot be sent yet:',
  missingFields:
    '{count, plural, one {# number is not filled in.} other {# numbers are not filled in.}}',
  notCountFields:
    '{count, plural, one {# field is not a whole number.} other {# fields are not whole numbers.}}',
  warningsTitle:
    '{count, plural, one {This report has a problem:} other {This report has # problems:}}',
  warningsHint:
    'Correct the numbers if they are wrong. If they are right, send the report as it is: a reviewer at the election office looks at it before it counts.',
  signAndSend: 'Sign and send the report',
  sendAnyway: 'Send it as it is',
  signing: 'Signing…',
  sendHint:
    'The phone signs the report with its key and keeps it until the server has it, even with no network.',
  queued:
    'Report {sequence, number} is signed and kept on this phone. It is sent as soon as the network allows: see the outbox.',
  sentTitle: 'Reports sent',
  reportItem: '{unit}, {voteType}: report {sequence, number}',
  photoItem: 'Photo of the tally sheet',
  inLog: 'Your report is in the public log at position {position, number}.',
  statusAccepted: 'Accepted: it counts.',
  statusHeld: 'Held for review: a reviewer at the election office looks at it before it counts.',
  statusRejected: 'Rejected: {message}',
  reviewAccepted:
    'Held for review, then accepted by a reviewer (log entry {entry, number}): it counts.',
  reviewRejected:
    'Held for review, then rejected by a reviewer (log entry {entry, number}): it does not count.',
  reportRefused: 'The server refused this report: {message}',
  photoRefused: 'The server refused the photo: {message}',
  photoUploaded: 'Photo received.',
  proofPending: 'Checking that the log holds it…',
  proofChecked: '✓ Checked against checkpoint {size} {root}…',
  proofFailed: '⚠ The log’s proof did not check out: {message}. Tell the election office.',
};

export type ReporterMessageKey = keyof typeof en;
export type ReporterCatalog = Readonly<Record<ReporterMessageKey, string>>;

const fr: ReporterCatalog = {
  appTitle: 'Tally, rapport du bureau de vote',
  skipToMain: 'Aller au contenu principal',
  language: 'Langue',
  loading: 'Chargement…',
  testMark: 'TEST',
  testBanner:
    'Élection d’entraînement : ces résultats ne sont pas réels. Servez-vous-en pour apprendre l’application.',
  noStorage:
    'Ce navigateur ne laisse pas l’application garder quoi que ce soit sur le téléphone (c’est peut-être une fenêtre privée). Ouvrez l’application dans une fenêtre normale : sa clé de signature et vos rapports sont gardés sur le téléphone.',
  unreachable: 'Le serveur est injoignable. Vérifiez la connexion et réessayez.',
  refused: 'Le serveur a refusé : {message}',
  tryAgain: 'Réessayer',
  keyRevoked:
    'Le bureau des élections a révoqué la clé de ce téléphone : les rapports qu’elle signe sont refusés. Demandez-lui un nouveau code d’enrôlement.',
  enrolTitle: 'Enrôler ce téléphone',
  enrolIntro:
    'Le bureau des élections vous donne un code d’enrôlement à usage unique : scannez son code QR avec l’appareil photo du téléphone, ou saisissez ici l’élection et le code. Le téléphone crée sa propre clé de signature, qui ne le quitte jamais, et le registre du bureau l’inscrit pour votre bureau de vote.',
  enrolFor: 'Élection : {election}.',
  enrolForUnit: 'Ce téléphone fera le rapport de {unit} pour {election}.',
  enrolPending:
    'Ce téléphone a créé sa clé mais n’a pas reçu la réponse du serveur. Enrôlez-le de nouveau avec le même code : si le serveur a inscrit la clé, le téléphone continue.',
  electionId: 'Élection',
  electionIdHint:
    'L’identifiant de l’élection, tel que le bureau des élections le donne (par exemple sample-2026).',
  enrolmentCode: 'Code d’enrôlement',
  enrolmentCodeHint:
    'Douze lettres et chiffres, comme K7QF-M2XD-9HTA. Vous pouvez aussi coller l’adresse d’enrôlement entière.',
  electionRequired: 'Saisissez l’identifiant de l’élection.',
  electionFormat:
    'Un identifiant d’élection a des lettres, des chiffres, des points, des tirets, des deux-points ou des traits bas, et aucune espace.',
  codeRequired: 'Saisissez le code d’enrôlement.',
  codeFormat: 'Un code d’enrôlement a douze lettres et chiffres, comme K7QF-M2XD-9HTA.',
  enrol: 'Enrôler ce téléphone',
  enrolling: 'Enrôlement…',
  enrolOffline:
    'Le téléphone n’a pas de réseau. L’enrôlement en a besoin une fois : connectez-vous, puis réessayez. Le code reste valable jusqu’à son expiration.',
  enrolInvalidCode:
    'Ce code n’est pas valable : il a peut-être déjà servi, ou expiré. Demandez-en un nouveau au bureau des élections.',
  enrolUnknownElection:
    'Le serveur n’a pas d’élection avec cet identifiant. Vérifiez-le auprès du bureau des élections.',
  enrolRateLimited: 'Trop d’essais depuis ce réseau. Attendez une minute, puis réessayez.',
  enrolNoEnrolmentKey:
    'Ce serveur ne peut pas encore enrôler de téléphones. Prévenez le bureau des élections.',
  enrolNoCrypto:
    'Ce navigateur ne sait pas créer la clé de signature dont l’application a besoin. Utilisez un navigateur à jour (Chrome, Safari, Firefox ou Edge).',
  outboxTitle: 'Boîte d’envoi',
  outboxEmpty: 'Rien n’attend : tous les rapports faits sur ce téléphone ont été envoyés.',
  outboxWaiting:
    '{reports, plural, =0 {Aucun rapport} one {# rapport} other {# rapports}} en attente du réseau{photos, plural, =0 {} one {, avec # photo} other {, avec # photos}}.',
  outboxSending: 'Envoi…',
  outboxOffline:
    'Le téléphone est hors ligne. Vos rapports sont signés et gardés sur ce téléphone, et partent dès que le réseau revient, tant que l’application est ouverte. Si vous la fermez, rouvrez-la une fois le réseau revenu.',
  outboxRetrying:
    'Le téléphone réessaie toutes les quelques secondes, et aussitôt que le réseau revient.',
  sendNow: 'Essayer d’envoyer maintenant',
  definitionMissing:
    'Le téléphone est enrôlé mais n’a pas encore lu les scrutins de l’élection : il a besoin du réseau une fois.',
  reportTitle: 'Les résultats de votre bureau de vote',
  reportingFor: 'Rapport de {unit}, {election}.',
  unitChoice: 'Unité de rapport',
  voteType: 'Type de vote',
  nothingToReport: 'Il n’y a rien à rapporter pour ce type de vote.',
  unitBallots: 'Bulletins déposés dans le bureau de vote',
  unitBallotsHint: 'Tous les bulletins déposés dans le bureau de vote pour ce type de vote.',
  unitBallotsRegistered:
    'Tous les bulletins déposés dans le bureau de vote pour ce type de vote ({registered, number} électeurs inscrits).',
  turnoutAboveRegistered:
    '{ballots, number} bulletins déposés, mais seulement {registered, number} électeurs inscrits. Vérifiez le nombre : s’il est juste, un vérificateur l’examinera.',
  voteFor: '{voteFor, plural, one {Un choix.} other {Jusqu’à # choix.}}',
  contestBallots: 'Bulletins comptés pour ce scrutin',
  contestBallotsHint: 'Les bulletins sur lesquels ce scrutin a été compté.',
  overvotes: 'Survotes',
  overvotesHint: 'Voix perdues parce qu’un bulletin marquait trop de choix.',
  undervotes: 'Sous-votes',
  undervotesHint: 'Voix non utilisées : les choix qu’un bulletin n’a pas marqués.',
  balancePending: 'Remplissez tous les nombres de ce scrutin pour le vérifier.',
  balanced:
    '✓ Vérifié : {votes, number} voix + {overvotes, number} survotes + {undervotes, number} sous-votes = {positions, number}, soit {ballots, number} bulletins × {voteFor, number} choix.',
  unbalanced:
    '⚠ {contest} : {votes, number} voix + {overvotes, number} survotes + {undervotes, number} sous-votes = {positions, number}, mais {ballots, number} bulletins × {voteFor, number} choix = {expected, number}. Vérifiez les nombres : s’ils sont justes, un vérificateur l’examinera.',
  positionsAboveBallots:
    '⚠ {contest} : {votes, number} voix + {overvotes, number} survotes + {undervotes, number} sous-votes = {positions, number}, plus que {ballots, number} bulletins × {voteFor, number} choix = {expected, number}. C’est impossible : corrigez les nombres.',
  choiceAboveBallots:
    '⚠ {contest} : {choice} a {votes, number} voix pour {ballots, number} bulletins. C’est impossible : corrigez les nombres.',
  ballotsAboveUnit:
    '⚠ {contest} : {ballots, number} bulletins comptés, mais {unitBallots, number} déposés dans le bureau de vote. C’est impossible : corrigez les nombres.',
  fieldMissing: 'Remplissez ce champ (0 s’il n’y en a eu aucun).',
  fieldNotACount: 'Saisissez un nombre entier, comme 120.',
  caucusDelegates:
    '{delegates, plural, =0 {Ce bureau n’élit aucun délégué de comté.} one {Ce bureau élit un délégué de comté.} other {Ce bureau élit # délégués de comté.}}',
  firstAlignment: 'Premier alignement',
  firstAlignmentHint:
    'Combien de personnes se tiennent dans chaque groupe de préférence au premier décompte.',
  participants: 'Participants : {participants, number}.',
  viabilityPending: 'Remplissez le premier alignement pour voir le seuil de viabilité.',
  viabilityNone:
    'Avec un seul délégué, il n’y a pas de seuil de viabilité : le plus grand groupe de l’alignement final l’élit.',
  viabilityNumber:
    'Seuil de viabilité : {need, number} ({share, number, ::percent .##} de {participants, number}, arrondi au-dessus).',
  groupViable: '{group} : viable',
  groupNotViable: '{group} : non viable',
  finalAlignment: 'Alignement final',
  finalAlignmentHint:
    'Combien de personnes se tiennent dans chaque groupe après le réalignement (0 pour un groupe disparu).',
  delegatesTitle: 'Délégués de comté',
  delegatesPending:
    'Remplissez les deux alignements pour voir les délégués que gagne chaque groupe.',
  groupDelegates:
    '{group} : {delegates, plural, =0 {aucun délégué} one {# délégué} other {# délégués}}',
  delegatesEmpty: 'Personne n’est dans l’alignement final : il n’y a aucun délégué à attribuer.',
  chanceTitle: 'Tirage au sort',
  chanceExtra: '{groups} sont à égalité pour un délégué de plus.',
  chanceRemoval: '{groups} sont à égalité : l’un d’eux doit rendre un délégué.',
  chanceHint:
    'Faites le tirage au sort que prévoient les règles de votre parti (cartes ou pièce), puis choisissez le groupe désigné et enregistrez-le.',
  chanceRequired: 'Choisissez le groupe que le tirage a désigné.',
  chanceRecord: 'Enregistrer le groupe désigné',
  chancePlayedExtra: 'Tirage au sort entre {groups} : {selected} a gagné le délégué de plus.',
  chancePlayedRemoval: 'Tirage au sort entre {groups} : {selected} a rendu un délégué.',
  realign:
    '{groups} doivent se réaligner avant que les délégués puissent être attribués. Remplissez l’alignement final une fois que c’est fait.',
  participantsAboveUnit:
    '{participants, number} ont participé au premier alignement, mais {ballots, number} bulletins ont été déposés dans le bureau. Corrigez les nombres.',
  finalAboveFirst:
    'Il y a plus de monde dans l’alignement final ({final, number}) que dans le premier ({first, number}). Personne ne rejoint après le premier alignement : corrigez les nombres.',
  caucusRuleBroken:
    'Cela enfreint les règles du caucus, et un vérificateur l’examinera : {message}',
  needsChance: '{contest} : faites le tirage au sort et enregistrez le groupe désigné.',
  realignContest: '{contest} : les groupes doivent d’abord se réaligner.',
  photoLabel: 'Photo de la feuille de dépouillement',
  photoHint:
    'Prenez en photo la feuille de dépouillement signée. Elle accompagne votre rapport, qui la désigne par son empreinte (SHA-256).',
  photoTooLarge: 'Cette photo dépasse 10 Mo. Reprenez-la en plus basse résolution.',
  photoNotAPhoto: 'Ce fichier n’est pas une photo JPEG, PNG ou WebP.',
  photoAlt: 'La photo de la feuille de dépouillement qui accompagne le rapport',
  photoAdded: 'Photo ajoutée (SHA-256 {sha256}…).',
  photoRemove: 'Retirer la photo',
  reasonLabel: 'Pourquoi ce rapport remplace le précédent',
  reasonHint:
    'Ce téléphone a déjà fait un rapport pour ce bureau et ce type de vote. Dites ce qui a changé (par exemple : recomptage de l’urne 2). C’est inscrit dans le journal public.',
  reasonRequired: 'Dites pourquoi ce rapport remplace le précédent.',
  reasonTooLong: 'La raison peut avoir au plus {max, number} caractères.',
  cannotSend: 'Le rapport ne peut pas encore être envoyé :',
  missingFields:
    '{count, plural, one {# nombre n’est pas rempli.} other {# nombres ne sont pas remplis.}}',
  notCountFields:
    '{count, plural, one {# champ n’est pas un nombre entier.} other {# champs ne sont pas des nombres entiers.}}',
  warningsTitle:
    '{count, plural, one {Ce rapport a un problème :} other {Ce rapport a # problèmes :}}',
  warningsHint:
    'Corrigez les nombres s’ils sont faux. S’ils sont justes, envoyez le rapport tel quel : un vérificateur du bureau des élections l’examine avant qu’il compte.',
  signAndSend: 'Signer et envoyer le rapport',
  sendAnyway: 'L’envoyer tel quel',
  signing: 'Signature…',
  sendHint:
    'Le téléphone signe le rapport avec sa clé et le garde jusqu’à ce que le serveur l’ait reçu, même sans réseau.',
  queued:
    'Le rapport {sequence, number} est signé et gardé sur ce téléphone. Il part dès que le réseau le permet : voyez la boîte d’envoi.',
  sentTitle: 'Rapports envoyés',
  reportItem: '{unit}, {voteType} : rapport {sequence, number}',
  photoItem: 'Photo de la feuille de dépouillement',
  inLog: 'Votre rapport est dans le journal public, à la position {position, number}.',
  statusAccepted: 'Accepté : il compte.',
  statusHeld:
    'Retenu pour vérification : un vérificateur du bureau des élections l’examine avant qu’il compte.',
  statusRejected: 'Rejeté : {message}',
  reviewAccepted:
    'Retenu pour vérification, puis accepté par un vérificateur (entrée du journal {entry, number}) : il compte.',
  reviewRejected:
    'Retenu pour vérification, puis rejeté par un vérificateur (entrée du journal {entry, number}) : il ne compte pas.',
  reportRefused: 'Le serveur a refusé ce rapport : {message}',
  photoRefused: 'Le serveur a refusé la photo : {message}',
  photoUploaded: 'Photo reçue.',
  proofPending: 'Vérification que le journal le contient…',
  proofChecked: '✓ Vérifié avec le point de contrôle {size} {root}…',
  proofFailed:
    '⚠ La preuve du journal ne se vérifie pas : {message}. Prévenez le bureau des élections.',
};

const es: ReporterCatalog = {
  appTitle: 'Tally, informe de la mesa',
  skipToMain: 'Ir al contenido principal',
  language: 'Idioma',
  loading: 'Cargando…',
  testMark: 'PRUEBA',
  testBanner:
    'Elección de práctica: estos resultados no son reales. Úsela para aprender la aplicación.',
  noStorage:
    'Este navegador no deja que la aplicación guarde nada en el teléfono (puede ser una ventana privada). Abra la aplicación en una ventana normal: su clave de firma y sus informes se guardan en el teléfono.',
  unreachable: 'No se pudo contactar con el servidor. Compruebe la conexión y vuelva a intentarlo.',
  refused: 'El servidor lo rechazó: {message}',
  tryAgain: 'Volver a intentarlo',
  keyRevoked:
    'La oficina electoral revocó la clave de este teléfono: los informes que firma se rechazan. Pida a la oficina un nuevo código de registro.',
  enrolTitle: 'Registrar este teléfono',
  enrolIntro:
    'La oficina electoral le da un código de registro de un solo uso: escanee su código QR con la cámara del teléfono, o escriba aquí la elección y el código. El teléfono crea su propia clave de firma, que nunca sale de él, y el registro de la oficina la inscribe para su mesa.',
  enrolFor: 'Elección: {election}.',
  enrolForUnit: 'Este teléfono informará de {unit} en {election}.',
  enrolPending:
    'Este teléfono creó su clave pero no recibió respuesta del servidor. Regístrelo de nuevo con el mismo código: si el servidor inscribió la clave, el teléfono sigue adelante.',
  electionId: 'Elección',
  electionIdHint:
    'El identificador de la elección, tal como lo da la oficina electoral (por ejemplo sample-2026).',
  enrolmentCode: 'Código de registro',
  enrolmentCodeHint:
    'Doce letras y cifras, como K7QF-M2XD-9HTA. También puede pegar la dirección de registro completa.',
  electionRequired: 'Escriba el identificador de la elección.',
  electionFormat:
    'Un identificador de elección tiene letras, cifras, puntos, guiones, dos puntos o guiones bajos, y ningún espacio.',
  codeRequired: 'Escriba el código de registro.',
  codeFormat: 'Un código de registro tiene doce letras y cifras, como K7QF-M2XD-9HTA.',
  enrol: 'Registrar este teléfono',
  enrolling: 'Registrando…',
  enrolOffline:
    'El teléfono no tiene red. El registro la necesita una vez: conéctese y vuelva a intentarlo. El código sigue valiendo hasta que caduque.',
  enrolInvalidCode:
    'Este código no es válido: puede que ya se haya usado o que haya caducado. Pida uno nuevo a la oficina electoral.',
  enrolUnknownElection:
    'El servidor no tiene ninguna elección con este identificador. Compruébelo con la oficina electoral.',
  enrolRateLimited: 'Demasiados intentos desde esta red. Espere un minuto y vuelva a intentarlo.',
  enrolNoEnrolmentKey:
    'Este servidor aún no puede registrar teléfonos. Avise a la oficina electoral.',
  enrolNoCrypto:
    'Este navegador no puede crear la clave de firma que necesita la aplicación. Use un navegador actualizado (Chrome, Safari, Firefox o Edge).',
  outboxTitle: 'Bandeja de salida',
  outboxEmpty: 'Nada espera: todos los informes hechos en este teléfono se han enviado.',
  outboxWaiting:
    '{reports, plural, =0 {Ningún informe} one {# informe} other {# informes}} esperando la red{photos, plural, =0 {} one {, con # foto} other {, con # fotos}}.',
  outboxSending: 'Enviando…',
  outboxOffline:
    'El teléfono está sin conexión. Sus informes están firmados y guardados en este teléfono, y salen en cuanto vuelva la red mientras la aplicación esté abierta. Si la cierra, vuelva a abrirla cuando tenga red.',
  outboxRetrying: 'El teléfono vuelve a intentarlo cada pocos segundos, y en cuanto vuelve la red.',
  sendNow: 'Intentar enviar ahora',
  definitionMissing:
    'El teléfono está registrado, pero aún no ha leído las contiendas de la elección: necesita la red una vez.',
  reportTitle: 'Los resultados de su mesa',
  reportingFor: 'Informe de {unit}, {election}.',
  unitChoice: 'Unidad que informa',
  voteType: 'Tipo de voto',
  nothingToReport: 'No hay nada que informar para este tipo de voto.',
  unitBallots: 'Papeletas depositadas en la mesa',
  unitBallotsHint: 'Todas las papeletas depositadas en la mesa para este tipo de voto.',
  unitBallotsRegistered:
    'Todas las papeletas depositadas en la mesa para este tipo de voto ({registered, number} electores inscritos).',
  turnoutAboveRegistered:
    'Se depositaron {ballots, number} papeletas, pero solo hay {registered, number} electores inscritos. Compruebe el número: si es correcto, un revisor lo examinará.',
  voteFor: '{voteFor, plural, one {Se elige una opción.} other {Se eligen hasta # opciones.}}',
  contestBallots: 'Papeletas contadas en esta contienda',
  contestBallotsHint: 'Las papeletas en las que se contó esta contienda.',
  overvotes: 'Sobrevotos',
  overvotesHint: 'Votos perdidos porque una papeleta marcó demasiadas opciones.',
  undervotes: 'Votos no emitidos',
  undervotesHint: 'Votos sin usar: las opciones que una papeleta no marcó.',
  balancePending: 'Complete todos los números de esta contienda para comprobarla.',
  balanced:
    '✓ Comprobado: {votes, number} votos + {overvotes, number} sobrevotos + {undervotes, number} no emitidos = {positions, number}, es decir {ballots, number} papeletas × {voteFor, number} opciones.',
  unbalanced:
    '⚠ {contest}: {votes, number} votos + {overvotes, number} sobrevotos + {undervotes, number} no emitidos = {positions, number}, pero {ballots, number} papeletas × {voteFor, number} opciones = {expected, number}. Compruebe los números: si son correctos, un revisor lo examinará.',
  positionsAboveBallots:
    '⚠ {contest}: {votes, number} votos + {overvotes, number} sobrevotos + {undervotes, number} no emitidos = {positions, number}, más que {ballots, number} papeletas × {voteFor, number} opciones = {expected, number}. Esto no puede ser: corrija los números.',
  choiceAboveBallots:
    '⚠ {contest}: {choice} tiene {votes, number} votos de {ballots, number} papeletas. Esto no puede ser: corrija los números.',
  ballotsAboveUnit:
    '⚠ {contest}: {ballots, number} papeletas contadas, pero {unitBallots, number} depositadas en la mesa. Esto no puede ser: corrija los números.',
  fieldMissing: 'Complete este campo (0 si no hubo ninguno).',
  fieldNotACount: 'Escriba un número entero, como 120.',
  caucusDelegates:
    '{delegates, plural, =0 {Esta mesa no elige ningún delegado de condado.} one {Esta mesa elige un delegado de condado.} other {Esta mesa elige # delegados de condado.}}',
  firstAlignment: 'Primera alineación',
  firstAlignmentHint: 'Cuántas personas hay en cada grupo de preferencia en el primer recuento.',
  participants: 'Participantes: {participants, number}.',
  viabilityPending: 'Complete la primera alineación para ver el umbral de viabilidad.',
  viabilityNone:
    'Con un solo delegado no hay umbral de viabilidad: lo elige el grupo más grande de la alineación final.',
  viabilityNumber:
    'Umbral de viabilidad: {need, number} ({share, number, ::percent .##} de {participants, number}, redondeado hacia arriba).',
  groupViable: '{group}: viable',
  groupNotViable: '{group}: no viable',
  finalAlignment: 'Alineación final',
  finalAlignmentHint:
    'Cuántas personas hay en cada grupo de preferencia tras la realineación (0 para un grupo que desapareció).',
  delegatesTitle: 'Delegados de condado',
  delegatesPending: 'Complete ambas alineaciones para ver los delegados que gana cada grupo.',
  groupDelegates:
    '{group}: {delegates, plural, =0 {ningún delegado} one {# delegado} other {# delegados}}',
  delegatesEmpty: 'No hay nadie en la alineación final: no hay delegados que asignar.',
  chanceTitle: 'Sorteo',
  chanceExtra: '{groups} están empatados por un delegado más.',
  chanceRemoval: '{groups} están empatados: uno de ellos debe devolver un delegado.',
  chanceHint:
    'Haga el sorteo que dicen las reglas de su partido (cartas o moneda), luego elija el grupo que salió y regístrelo.',
  chanceRequired: 'Elija el grupo que salió en el sorteo.',
  chanceRecord: 'Registrar el grupo que salió',
  chancePlayedExtra: 'Sorteo entre {groups}: {selected} ganó el delegado adicional.',
  chancePlayedRemoval: 'Sorteo entre {groups}: {selected} devolvió un delegado.',
  realign:
    '{groups} deben realinearse antes de poder asignar los delegados. Complete la alineación final cuando lo hayan hecho.',
  participantsAboveUnit:
    '{participants, number} participaron en la primera alineación, pero se depositaron {ballots, number} papeletas en la mesa. Corrija los números.',
  finalAboveFirst:
    'Hay más personas en la alineación final ({final, number}) que en la primera ({first, number}). Nadie se une después de la primera alineación: corrija los números.',
  caucusRuleBroken: 'Esto incumple las reglas del caucus, y un revisor lo examinará: {message}',
  needsChance: '{contest}: haga el sorteo y registre el grupo que salió.',
  realignContest: '{contest}: los grupos deben realinearse primero.',
  photoLabel: 'Foto del acta de escrutinio',
  photoHint:
    'Haga una foto del acta de escrutinio firmada. Va con su informe, que la nombra por su huella (SHA-256).',
  photoTooLarge: 'Esta foto pasa de 10 MB. Hágala de nuevo con menos resolución.',
  photoNotAPhoto: 'Este archivo no es una foto JPEG, PNG o WebP.',
  photoAlt: 'La foto del acta de escrutinio que va con el informe',
  photoAdded: 'Foto añadida (SHA-256 {sha256}…).',
  photoRemove: 'Quitar la foto',
  reasonLabel: 'Por qué este informe sustituye al anterior',
  reasonHint:
    'Este teléfono ya informó de esta mesa y este tipo de voto. Diga qué cambió (por ejemplo: recuento de la urna 2). Queda en el registro público.',
  reasonRequired: 'Diga por qué este informe sustituye al anterior.',
  reasonTooLong: 'El motivo puede tener como máximo {max, number} caracteres.',
  cannotSend: 'El informe todavía no se puede enviar:',
  missingFields:
    '{count, plural, one {Falta # número por completar.} other {Faltan # números por completar.}}',
  notCountFields:
    '{count, plural, one {# campo no es un número entero.} other {# campos no son números enteros.}}',
  warningsTitle:
    '{count, plural, one {Este informe tiene un problema:} other {Este informe tiene # problemas:}}',
  warningsHint:
    'Corrija los números si están mal. Si son correctos, envíe el informe tal cual: un revisor de la oficina electoral lo examina antes de que cuente.',
  signAndSend: 'Firmar y enviar el informe',
  sendAnyway: 'Enviarlo tal cual',
  signing: 'Firmando…',
  sendHint:
    'El teléfono firma el informe con su clave y lo guarda hasta que el servidor lo tenga, incluso sin red.',
  queued:
    'El informe {sequence, number} está firmado y guardado en este teléfono. Se envía en cuanto la red lo permita: vea la bandeja de salida.',
  sentTitle: 'Informes enviados',
  reportItem: '{unit}, {voteType}: informe {sequence, number}',
  photoItem: 'Foto del acta de escrutinio',
  inLog: 'Su informe está en el registro público, en la posición {position, number}.',
  statusAccepted: 'Aceptado: cuenta.',
  statusHeld:
    'Retenido para revisión: un revisor de la oficina electoral lo examina antes de que cuente.',
  statusRejected: 'Rechazado: {message}',
  reviewAccepted:
    'Retenido para revisión y luego aceptado por un revisor (entrada del registro {entry, number}): cuenta.',
  reviewRejected:
    'Retenido para revisión y luego rechazado por un revisor (entrada del registro {entry, number}): no cuenta.',
  reportRefused: 'El servidor rechazó este informe: {message}',
  photoRefused: 'El servidor rechazó la foto: {message}',
  photoUploaded: 'Foto recibida.',
  proofPending: 'Comprobando que el registro lo contiene…',
  proofChecked: '✓ Comprobado con el punto de control {size} {root}…',
  proofFailed: '⚠ La prueba del registro no se verifica: {message}. Avise a la oficina electoral.',
};

const de: ReporterCatalog = {
  appTitle: 'Tally, Meldung des Wahlbezirks',
  skipToMain: 'Zum Hauptinhalt springen',
  language: 'Sprache',
  loading: 'Wird geladen…',
  testMark: 'TEST',
  testBanner:
    'Übungswahl: Diese Ergebnisse sind nicht echt. Nutzen Sie sie, um die App kennenzulernen.',
  noStorage:
    'Dieser Browser lässt die App nichts auf dem Telefon speichern (vielleicht ist es ein privates Fenster). Öffnen Sie die App in einem normalen Fenster: Ihr Signaturschlüssel und Ihre Meldungen werden auf dem Telefon gespeichert.',
  unreachable:
    'Der Server ist nicht erreichbar. Prüfen Sie die Verbindung und versuchen Sie es erneut.',
  refused: 'Der Server hat abgelehnt: {message}',
  tryAgain: 'Erneut versuchen',
  keyRevoked:
    'Das Wahlamt hat den Schlüssel dieses Telefons widerrufen: Meldungen, die er signiert, werden abgelehnt. Bitten Sie das Amt um einen neuen Registrierungscode.',
  enrolTitle: 'Dieses Telefon registrieren',
  enrolIntro:
    'Ihr Wahlamt gibt Ihnen einen einmaligen Registrierungscode: Scannen Sie seinen QR-Code mit der Kamera des Telefons, oder geben Sie hier die Wahl und den Code ein. Das Telefon erzeugt seinen eigenen Signaturschlüssel, der es nie verlässt, und das Schlüsselverzeichnis des Amts trägt ihn für Ihren Wahlbezirk ein.',
  enrolFor: 'Wahl: {election}.',
  enrolForUnit: 'Dieses Telefon meldet für {unit} bei der Wahl {election}.',
  enrolPending:
    'Dieses Telefon hat seinen Schlüssel erzeugt, aber keine Antwort vom Server erhalten. Registrieren Sie es erneut mit demselben Code: Hat der Server den Schlüssel eingetragen, macht das Telefon weiter.',
  electionId: 'Wahl',
  electionIdHint: 'Die Kennung der Wahl, wie das Wahlamt sie angibt (zum Beispiel sample-2026).',
  enrolmentCode: 'Registrierungscode',
  enrolmentCodeHint:
    'Zwölf Buchstaben und Ziffern, etwa K7QF-M2XD-9HTA. Sie können auch die ganze Registrierungsadresse einfügen.',
  electionRequired: 'Geben Sie die Kennung der Wahl ein.',
  electionFormat:
    'Eine Wahlkennung hat Buchstaben, Ziffern, Punkte, Bindestriche, Doppelpunkte oder Unterstriche und keine Leerzeichen.',
  codeRequired: 'Geben Sie den Registrierungscode ein.',
  codeFormat: 'Ein Registrierungscode hat zwölf Buchstaben und Ziffern, etwa K7QF-M2XD-9HTA.',
  enrol: 'Dieses Telefon registrieren',
  enrolling: 'Wird registriert…',
  enrolOffline:
    'Das Telefon hat kein Netz. Die Registrierung braucht es einmal: Verbinden Sie sich und versuchen Sie es erneut. Der Code bleibt gültig, bis er abläuft.',
  enrolInvalidCode:
    'Dieser Code ist nicht gültig: Er wurde vielleicht schon benutzt oder ist abgelaufen. Bitten Sie das Wahlamt um einen neuen.',
  enrolUnknownElection:
    'Der Server hat keine Wahl mit dieser Kennung. Prüfen Sie die Kennung mit dem Wahlamt.',
  enrolRateLimited:
    'Zu viele Versuche aus diesem Netz. Warten Sie eine Minute und versuchen Sie es erneut.',
  enrolNoEnrolmentKey:
    'Dieser Server kann noch keine Telefone registrieren. Sagen Sie es dem Wahlamt.',
  enrolNoCrypto:
    'Dieser Browser kann den Signaturschlüssel nicht erzeugen, den die App braucht. Nutzen Sie einen aktuellen Browser (Chrome, Safari, Firefox oder Edge).',
  outboxTitle: 'Postausgang',
  outboxEmpty: 'Nichts wartet: Jede Meldung dieses Telefons wurde gesendet.',
  outboxWaiting:
    '{reports, plural, =0 {Keine Meldung wartet} one {# Meldung wartet} other {# Meldungen warten}} auf das Netz{photos, plural, =0 {} one {, mit # Foto} other {, mit # Fotos}}.',
  outboxSending: 'Wird gesendet…',
  outboxOffline:
    'Das Telefon ist offline. Ihre Meldungen sind signiert und auf diesem Telefon gespeichert und gehen hinaus, sobald das Netz zurück ist, solange die App offen ist. Wenn Sie sie schließen, öffnen Sie sie wieder, sobald Sie Netz haben.',
  outboxRetrying:
    'Das Telefon versucht es alle paar Sekunden erneut, und sofort, wenn das Netz zurück ist.',
  sendNow: 'Jetzt senden versuchen',
  definitionMissing:
    'Das Telefon ist registriert, hat die Abstimmungen der Wahl aber noch nicht gelesen: Es braucht einmal das Netz.',
  reportTitle: 'Die Ergebnisse Ihres Wahlbezirks',
  reportingFor: 'Meldung für {unit}, {election}.',
  unitChoice: 'Meldende Einheit',
  voteType: 'Stimmabgabeart',
  nothingToReport: 'Für diese Stimmabgabeart gibt es nichts zu melden.',
  unitBallots: 'Abgegebene Stimmzettel im Wahlbezirk',
  unitBallotsHint: 'Alle im Wahlbezirk für diese Stimmabgabeart abgegebenen Stimmzettel.',
  unitBallotsRegistered:
    'Alle im Wahlbezirk für diese Stimmabgabeart abgegebenen Stimmzettel ({registered, number} Wahlberechtigte).',
  turnoutAboveRegistered:
    '{ballots, number} Stimmzettel wurden abgegeben, aber nur {registered, number} Personen sind wahlberechtigt. Prüfen Sie die Zahl: Stimmt sie, sieht eine Prüferin oder ein Prüfer sie an.',
  voteFor: '{voteFor, plural, one {Eine Stimme.} other {Bis zu # Stimmen.}}',
  contestBallots: 'In dieser Abstimmung gezählte Stimmzettel',
  contestBallotsHint: 'Die Stimmzettel, auf denen diese Abstimmung gezählt wurde.',
  overvotes: 'Überstimmen',
  overvotesHint: 'Verlorene Stimmen, weil ein Stimmzettel zu viele Kreuze hatte.',
  undervotes: 'Unterstimmen',
  undervotesHint: 'Nicht genutzte Stimmen: was ein Stimmzettel nicht angekreuzt hat.',
  balancePending: 'Füllen Sie jede Zahl dieser Abstimmung aus, um sie zu prüfen.',
  balanced:
    '✓ Geprüft: {votes, number} Stimmen + {overvotes, number} Überstimmen + {undervotes, number} Unterstimmen = {positions, number}, also {ballots, number} Stimmzettel × {voteFor, number} Stimmen.',
  unbalanced:
    '⚠ {contest}: {votes, number} Stimmen + {overvotes, number} Überstimmen + {undervotes, number} Unterstimmen = {positions, number}, aber {ballots, number} Stimmzettel × {voteFor, number} Stimmen = {expected, number}. Prüfen Sie die Zahlen: Stimmen sie, sieht eine Prüferin oder ein Prüfer sie an.',
  positionsAboveBallots:
    '⚠ {contest}: {votes, number} Stimmen + {overvotes, number} Überstimmen + {undervotes, number} Unterstimmen = {positions, number}, mehr als {ballots, number} Stimmzettel × {voteFor, number} Stimmen = {expected, number}. Das kann nicht sein: Berichtigen Sie die Zahlen.',
  choiceAboveBallots:
    '⚠ {contest}: {choice} hat {votes, number} Stimmen aus {ballots, number} Stimmzetteln. Das kann nicht sein: Berichtigen Sie die Zahlen.',
  ballotsAboveUnit:
    '⚠ {contest}: {ballots, number} Stimmzettel gezählt, aber {unitBallots, number} im Wahlbezirk abgegeben. Das kann nicht sein: Berichtigen Sie die Zahlen.',
  fieldMissing: 'Füllen Sie dies aus (0, wenn es keine gab).',
  fieldNotACount: 'Geben Sie eine ganze Zahl ein, etwa 120.',
  caucusDelegates:
    '{delegates, plural, =0 {Dieser Bezirk wählt keine Kreisdelegierten.} one {Dieser Bezirk wählt eine Kreisdelegierte oder einen Kreisdelegierten.} other {Dieser Bezirk wählt # Kreisdelegierte.}}',
  firstAlignment: 'Erste Aufstellung',
  firstAlignmentHint: 'Wie viele Personen bei der ersten Zählung in jeder Präferenzgruppe stehen.',
  participants: 'Teilnehmende: {participants, number}.',
  viabilityPending: 'Füllen Sie die erste Aufstellung aus, um die Mindestgröße zu sehen.',
  viabilityNone:
    'Bei einer einzigen Delegierung gibt es keine Mindestgröße: Die größte Gruppe der letzten Aufstellung wählt sie.',
  viabilityNumber:
    'Mindestgröße: {need, number} ({share, number, ::percent .##} von {participants, number}, aufgerundet).',
  groupViable: '{group}: groß genug',
  groupNotViable: '{group}: nicht groß genug',
  finalAlignment: 'Letzte Aufstellung',
  finalAlignmentHint:
    'Wie viele Personen nach der Neuaufstellung in jeder Präferenzgruppe stehen (0 für eine aufgelöste Gruppe).',
  delegatesTitle: 'Kreisdelegierte',
  delegatesPending: 'Füllen Sie beide Aufstellungen aus, um die Delegierten jeder Gruppe zu sehen.',
  groupDelegates:
    '{group}: {delegates, plural, =0 {keine Delegierten} one {# Delegierte(r)} other {# Delegierte}}',
  delegatesEmpty:
    'Niemand steht in der letzten Aufstellung: Es gibt keine Delegierten zu vergeben.',
  chanceTitle: 'Losentscheid',
  chanceExtra: '{groups} liegen gleichauf für eine weitere Delegierung.',
  chanceRemoval: '{groups} liegen gleichauf: Eine der Gruppen muss eine Delegierung abgeben.',
  chanceHint:
    'Führen Sie den Losentscheid durch, den die Regeln Ihrer Partei vorsehen (Karten ziehen oder Münze werfen), wählen Sie dann die gezogene Gruppe und halten Sie sie fest.',
  chanceRequired: 'Wählen Sie die Gruppe, die das Los gezogen hat.',
  chanceRecord: 'Gezogene Gruppe festhalten',
  chancePlayedExtra: 'Losentscheid zwischen {groups}: {selected} erhielt die weitere Delegierung.',
  chancePlayedRemoval: 'Losentscheid zwischen {groups}: {selected} gab eine Delegierung ab.',
  realign:
    '{groups} müssen sich neu aufstellen, bevor die Delegierten vergeben werden können. Füllen Sie die letzte Aufstellung danach aus.',
  participantsAboveUnit:
    '{participants, number} nahmen an der ersten Aufstellung teil, aber {ballots, number} Stimmzettel wurden im Bezirk abgegeben. Berichtigen Sie die Zahlen.',
  finalAboveFirst:
    'In der letzten Aufstellung stehen mehr Personen ({final, number}) als in der ersten ({first, number}). Nach der ersten Aufstellung kommt niemand hinzu: Berichtigen Sie die Zahlen.',
  caucusRuleBroken:
    'Das verstößt gegen die Caucus-Regeln, und eine Prüferin oder ein Prüfer sieht es an: {message}',
  needsChance:
    '{contest}: Führen Sie den Losentscheid durch und halten Sie die gezogene Gruppe fest.',
  realignContest: '{contest}: Die Gruppen müssen sich zuerst neu aufstellen.',
  photoLabel: 'Foto der Zählliste',
  photoHint:
    'Fotografieren Sie die unterschriebene Zählliste. Das Foto geht mit Ihrer Meldung, die es bei seinem Fingerabdruck (SHA-256) nennt.',
  photoTooLarge:
    'Dieses Foto ist größer als 10 MB. Nehmen Sie es mit geringerer Auflösung neu auf.',
  photoNotAPhoto: 'Diese Datei ist kein JPEG-, PNG- oder WebP-Foto.',
  photoAlt: 'Das Foto der Zählliste, das mit der Meldung geht',
  photoAdded: 'Foto hinzugefügt (SHA-256 {sha256}…).',
  photoRemove: 'Foto entfernen',
  reasonLabel: 'Warum diese Meldung die frühere ersetzt',
  reasonHint:
    'Dieses Telefon hat für diesen Bezirk und diese Stimmabgabeart schon gemeldet. Sagen Sie, was sich geändert hat (zum Beispiel: Nachzählung von Urne 2). Es wird im öffentlichen Protokoll festgehalten.',
  reasonRequired: 'Sagen Sie, warum diese Meldung die frühere ersetzt.',
  reasonTooLong: 'Die Begründung darf höchstens {max, number} Zeichen haben.',
  cannotSend: 'Die Meldung kann noch nicht gesendet werden:',
  missingFields:
    '{count, plural, one {# Zahl ist nicht ausgefüllt.} other {# Zahlen sind nicht ausgefüllt.}}',
  notCountFields:
    '{count, plural, one {# Feld ist keine ganze Zahl.} other {# Felder sind keine ganzen Zahlen.}}',
  warningsTitle:
    '{count, plural, one {Diese Meldung hat ein Problem:} other {Diese Meldung hat # Probleme:}}',
  warningsHint:
    'Berichtigen Sie die Zahlen, wenn sie falsch sind. Stimmen sie, senden Sie die Meldung so: Eine Prüferin oder ein Prüfer des Wahlamts sieht sie an, bevor sie zählt.',
  signAndSend: 'Meldung signieren und senden',
  sendAnyway: 'So senden',
  signing: 'Wird signiert…',
  sendHint:
    'Das Telefon signiert die Meldung mit seinem Schlüssel und bewahrt sie auf, bis der Server sie hat, auch ohne Netz.',
  queued:
    'Meldung {sequence, number} ist signiert und auf diesem Telefon gespeichert. Sie geht hinaus, sobald das Netz es erlaubt: siehe Postausgang.',
  sentTitle: 'Gesendete Meldungen',
  reportItem: '{unit}, {voteType}: Meldung {sequence, number}',
  photoItem: 'Foto der Zählliste',
  inLog: 'Ihre Meldung steht im öffentlichen Protokoll an Position {position, number}.',
  statusAccepted: 'Angenommen: Sie zählt.',
  statusHeld:
    'Zur Prüfung zurückgehalten: Eine Prüferin oder ein Prüfer des Wahlamts sieht sie an, bevor sie zählt.',
  statusRejected: 'Abgelehnt: {message}',
  reviewAccepted:
    'Zur Prüfung zurückgehalten, dann angenommen (Protokolleintrag {entry, number}): Sie zählt.',
  reviewRejected:
    'Zur Prüfung zurückgehalten, dann abgelehnt (Protokolleintrag {entry, number}): Sie zählt nicht.',
  reportRefused: 'Der Server hat diese Meldung abgelehnt: {message}',
  photoRefused: 'Der Server hat das Foto abgelehnt: {message}',
  photoUploaded: 'Foto empfangen.',
  proofPending: 'Es wird geprüft, ob das Protokoll sie enthält…',
  proofChecked: '✓ Geprüft gegen Checkpoint {size} {root}…',
  proofFailed: '⚠ Der Nachweis des Protokolls stimmt nicht: {message}. Sagen Sie es dem Wahlamt.',
};

const it: ReporterCatalog = {
  appTitle: 'Tally, rapporto della sezione',
  skipToMain: 'Vai al contenuto principale',
  language: 'Lingua',
  loading: 'Caricamento…',
  testMark: 'PROVA',
  testBanner:
    'Elezione di esercitazione: questi risultati non sono reali. Usala per imparare l’app.',
  noStorage:
    'Questo browser non lascia che l’app conservi nulla sul telefono (forse è una finestra privata). Apri l’app in una finestra normale: la sua chiave di firma e i tuoi rapporti sono conservati sul telefono.',
  unreachable: 'Impossibile raggiungere il server. Controlla la connessione e riprova.',
  refused: 'Il server ha rifiutato: {message}',
  tryAgain: 'Riprova',
  keyRevoked:
    'L’ufficio elettorale ha revocato la chiave di questo telefono: i rapporti che firma sono rifiutati. Chiedi all’ufficio un nuovo codice di registrazione.',
  enrolTitle: 'Registra questo telefono',
  enrolIntro:
    'L’ufficio elettorale ti dà un codice di registrazione monouso: inquadra il suo codice QR con la fotocamera del telefono, oppure scrivi qui l’elezione e il codice. Il telefono crea la propria chiave di firma, che non lo lascia mai, e il registro dell’ufficio la iscrive per la tua sezione.',
  enrolFor: 'Elezione: {election}.',
  enrolForUnit: 'Questo telefono farà il rapporto di {unit} per {election}.',
  enrolPending:
    'Questo telefono ha creato la sua chiave ma non ha ricevuto risposta dal server. Registralo di nuovo con lo stesso codice: se il server ha iscritto la chiave, il telefono prosegue.',
  electionId: 'Elezione',
  electionIdHint:
    'L’identificativo dell’elezione, come lo dà l’ufficio elettorale (per esempio sample-2026).',
  enrolmentCode: 'Codice di registrazione',
  enrolmentCodeHint:
    'Dodici lettere e cifre, come K7QF-M2XD-9HTA. Puoi anche incollare l’intero indirizzo di registrazione.',
  electionRequired: 'Scrivi l’identificativo dell’elezione.',
  electionFormat:
    'Un identificativo di elezione ha lettere, cifre, punti, trattini, due punti o trattini bassi, e nessuno spazio.',
  codeRequired: 'Scrivi il codice di registrazione.',
  codeFormat: 'Un codice di registrazione ha dodici lettere e cifre, come K7QF-M2XD-9HTA.',
  enrol: 'Registra questo telefono',
  enrolling: 'Registrazione…',
  enrolOffline:
    'Il telefono non ha rete. La registrazione ne ha bisogno una volta: connettiti e riprova. Il codice resta valido fino alla scadenza.',
  enrolInvalidCode:
    'Questo codice non è valido: forse è già stato usato o è scaduto. Chiedine uno nuovo all’ufficio elettorale.',
  enrolUnknownElection:
    'Il server non ha elezioni con questo identificativo. Verificalo con l’ufficio elettorale.',
  enrolRateLimited: 'Troppi tentativi da questa rete. Aspetta un minuto, poi riprova.',
  enrolNoEnrolmentKey:
    'Questo server non può ancora registrare telefoni. Avvisa l’ufficio elettorale.',
  enrolNoCrypto:
    'Questo browser non sa creare la chiave di firma di cui l’app ha bisogno. Usa un browser aggiornato (Chrome, Safari, Firefox o Edge).',
  outboxTitle: 'Posta in uscita',
  outboxEmpty: 'Niente in attesa: ogni rapporto fatto su questo telefono è stato inviato.',
  outboxWaiting:
    '{reports, plural, =0 {Nessun rapporto} one {# rapporto} other {# rapporti}} in attesa della rete{photos, plural, =0 {} one {, con # foto} other {, con # foto}}.',
  outboxSending: 'Invio…',
  outboxOffline:
    'Il telefono è offline. I tuoi rapporti sono firmati e conservati su questo telefono, e partono appena torna la rete, finché l’app è aperta. Se la chiudi, riaprila quando hai di nuovo la rete.',
  outboxRetrying: 'Il telefono riprova ogni pochi secondi, e subito quando torna la rete.',
  sendNow: 'Prova a inviare ora',
  definitionMissing:
    'Il telefono è registrato, ma non ha ancora letto le consultazioni dell’elezione: ha bisogno della rete una volta.',
  reportTitle: 'I risultati della tua sezione',
  reportingFor: 'Rapporto di {unit}, {election}.',
  unitChoice: 'Unità che riferisce',
  voteType: 'Tipo di voto',
  nothingToReport: 'Non c’è nulla da riferire per questo tipo di voto.',
  unitBallots: 'Schede votate nella sezione',
  unitBallotsHint: 'Tutte le schede votate nella sezione per questo tipo di voto.',
  unitBallotsRegistered:
    'Tutte le schede votate nella sezione per questo tipo di voto ({registered, number} elettori iscritti).',
  turnoutAboveRegistered:
    'Sono state votate {ballots, number} schede, ma gli elettori iscritti sono solo {registered, number}. Controlla il numero: se è giusto, un revisore lo esaminerà.',
  voteFor: '{voteFor, plural, one {Si vota una scelta.} other {Si votano fino a # scelte.}}',
  contestBallots: 'Schede contate in questa consultazione',
  contestBallotsHint: 'Le schede sulle quali questa consultazione è stata contata.',
  overvotes: 'Voti in eccesso',
  overvotesHint: 'Voti persi perché una scheda ha segnato troppe scelte.',
  undervotes: 'Voti non espressi',
  undervotesHint: 'Voti non usati: le scelte che una scheda non ha segnato.',
  balancePending: 'Compila tutti i numeri di questa consultazione per verificarla.',
  balanced:
    '✓ Verificato: {votes, number} voti + {overvotes, number} in eccesso + {undervotes, number} non espressi = {positions, number}, cioè {ballots, number} schede × {voteFor, number} scelte.',
  unbalanced:
    '⚠ {contest}: {votes, number} voti + {overvotes, number} in eccesso + {undervotes, number} non espressi = {positions, number}, ma {ballots, number} schede × {voteFor, number} scelte = {expected, number}. Controlla i numeri: se sono giusti, un revisore lo esaminerà.',
  positionsAboveBallots:
    '⚠ {contest}: {votes, number} voti + {overvotes, number} in eccesso + {undervotes, number} non espressi = {positions, number}, più di {ballots, number} schede × {voteFor, number} scelte = {expected, number}. Non è possibile: correggi i numeri.',
  choiceAboveBallots:
    '⚠ {contest}: {choice} ha {votes, number} voti su {ballots, number} schede. Non è possibile: correggi i numeri.',
  ballotsAboveUnit:
    '⚠ {contest}: {ballots, number} schede contate, ma {unitBallots, number} votate nella sezione. Non è possibile: correggi i numeri.',
  fieldMissing: 'Compila questo campo (0 se non ce ne sono stati).',
  fieldNotACount: 'Scrivi un numero intero, come 120.',
  caucusDelegates:
    '{delegates, plural, =0 {Questa sezione non elegge delegati di contea.} one {Questa sezione elegge un delegato di contea.} other {Questa sezione elegge # delegati di contea.}}',
  firstAlignment: 'Primo allineamento',
  firstAlignmentHint: 'Quante persone stanno in ogni gruppo di preferenza al primo conteggio.',
  participants: 'Partecipanti: {participants, number}.',
  viabilityPending: 'Compila il primo allineamento per vedere la soglia di validità.',
  viabilityNone:
    'Con un solo delegato non c’è soglia di validità: lo elegge il gruppo più grande dell’allineamento finale.',
  viabilityNumber:
    'Soglia di validità: {need, number} ({share, number, ::percent .##} di {participants, number}, arrotondato per eccesso).',
  groupViable: '{group}: valido',
  groupNotViable: '{group}: non valido',
  finalAlignment: 'Allineamento finale',
  finalAlignmentHint:
    'Quante persone stanno in ogni gruppo di preferenza dopo il riallineamento (0 per un gruppo sciolto).',
  delegatesTitle: 'Delegati di contea',
  delegatesPending: 'Compila entrambi gli allineamenti per vedere i delegati vinti da ogni gruppo.',
  groupDelegates:
    '{group}: {delegates, plural, =0 {nessun delegato} one {# delegato} other {# delegati}}',
  delegatesEmpty: 'Nessuno è nell’allineamento finale: non ci sono delegati da assegnare.',
  chanceTitle: 'Sorteggio',
  chanceExtra: '{groups} sono in parità per un delegato in più.',
  chanceRemoval: '{groups} sono in parità: uno di loro deve restituire un delegato.',
  chanceHint:
    'Fate il sorteggio previsto dalle regole del tuo partito (carte o moneta), poi scegli il gruppo estratto e registralo.',
  chanceRequired: 'Scegli il gruppo estratto dal sorteggio.',
  chanceRecord: 'Registra il gruppo estratto',
  chancePlayedExtra: 'Sorteggio tra {groups}: {selected} ha vinto il delegato in più.',
  chancePlayedRemoval: 'Sorteggio tra {groups}: {selected} ha restituito un delegato.',
  realign:
    '{groups} devono riallinearsi prima che i delegati possano essere assegnati. Compila l’allineamento finale quando lo hanno fatto.',
  participantsAboveUnit:
    '{participants, number} hanno partecipato al primo allineamento, ma nella sezione sono state votate {ballots, number} schede. Correggi i numeri.',
  finalAboveFirst:
    'Nell’allineamento finale ci sono più persone ({final, number}) che nel primo ({first, number}). Nessuno si aggiunge dopo il primo allineamento: correggi i numeri.',
  caucusRuleBroken: 'Questo viola le regole del caucus, e un revisore lo esaminerà: {message}',
  needsChance: '{contest}: fate il sorteggio e registra il gruppo estratto.',
  realignContest: '{contest}: i gruppi devono prima riallinearsi.',
  photoLabel: 'Foto del verbale di scrutinio',
  photoHint:
    'Fotografa il verbale di scrutinio firmato. La foto accompagna il tuo rapporto, che la indica con la sua impronta (SHA-256).',
  photoTooLarge: 'Questa foto supera i 10 MB. Rifalla con una risoluzione più bassa.',
  photoNotAPhoto: 'Questo file non è una foto JPEG, PNG o WebP.',
  photoAlt: 'La foto del verbale di scrutinio che accompagna il rapporto',
  photoAdded: 'Foto aggiunta (SHA-256 {sha256}…).',
  photoRemove: 'Togli la foto',
  reasonLabel: 'Perché questo rapporto sostituisce il precedente',
  reasonHint:
    'Questo telefono ha già riferito per questa sezione e questo tipo di voto. Di’ che cosa è cambiato (per esempio: riconteggio dell’urna 2). Resta nel registro pubblico.',
  reasonRequired: 'Di’ perché questo rapporto sostituisce il precedente.',
  reasonTooLong: 'Il motivo può avere al massimo {max, number} caratteri.',
  cannotSend: 'Il rapporto non può ancora essere inviato:',
  missingFields:
    '{count, plural, one {# numero non è compilato.} other {# numeri non sono compilati.}}',
  notCountFields:
    '{count, plural, one {# campo non è un numero intero.} other {# campi non sono numeri interi.}}',
  warningsTitle:
    '{count, plural, one {Questo rapporto ha un problema:} other {Questo rapporto ha # problemi:}}',
  warningsHint:
    'Correggi i numeri se sono sbagliati. Se sono giusti, invia il rapporto così com’è: un revisore dell’ufficio elettorale lo esamina prima che conti.',
  signAndSend: 'Firma e invia il rapporto',
  sendAnyway: 'Invialo così com’è',
  signing: 'Firma…',
  sendHint:
    'Il telefono firma il rapporto con la sua chiave e lo conserva finché il server non l’ha ricevuto, anche senza rete.',
  queued:
    'Il rapporto {sequence, number} è firmato e conservato su questo telefono. Parte appena la rete lo permette: vedi la posta in uscita.',
  sentTitle: 'Rapporti inviati',
  reportItem: '{unit}, {voteType}: rapporto {sequence, number}',
  photoItem: 'Foto del verbale di scrutinio',
  inLog: 'Il tuo rapporto è nel registro pubblico, alla posizione {position, number}.',
  statusAccepted: 'Accettato: conta.',
  statusHeld:
    'Trattenuto per revisione: un revisore dell’ufficio elettorale lo esamina prima che conti.',
  statusRejected: 'Respinto: {message}',
  reviewAccepted:
    'Trattenuto per revisione, poi accettato da un revisore (voce del registro {entry, number}): conta.',
  reviewRejected:
    'Trattenuto per revisione, poi respinto da un revisore (voce del registro {entry, number}): non conta.',
  reportRefused: 'Il server ha rifiutato questo rapporto: {message}',
  photoRefused: 'Il server ha rifiutato la foto: {message}',
  photoUploaded: 'Foto ricevuta.',
  proofPending: 'Verifica che il registro lo contenga…',
  proofChecked: '✓ Verificato con il checkpoint {size} {root}…',
  proofFailed: '⚠ La prova del registro non torna: {message}. Avvisa l’ufficio elettorale.',
};

const nl: ReporterCatalog = {
  appTitle: 'Tally, melding van het stembureau',
  skipToMain: 'Naar de hoofdinhoud',
  language: 'Taal',
  loading: 'Bezig met laden…',
  testMark: 'TEST',
  testBanner:
    'Oefenverkiezing: deze uitslagen zijn niet echt. Gebruik haar om de app te leren kennen.',
  noStorage:
    'Deze browser laat de app niets op de telefoon bewaren (misschien is het een privévenster). Open de app in een gewoon venster: de ondertekeningssleutel en uw meldingen worden op de telefoon bewaard.',
  unreachable: 'De server is niet bereikbaar. Controleer de verbinding en probeer het opnieuw.',
  refused: 'De server weigerde: {message}',
  tryAgain: 'Opnieuw proberen',
  keyRevoked:
    'Het verkiezingsbureau heeft de sleutel van deze telefoon ingetrokken: meldingen die hij ondertekent worden geweigerd. Vraag het bureau om een nieuwe registratiecode.',
  enrolTitle: 'Deze telefoon registreren',
  enrolIntro:
    'Uw verkiezingsbureau geeft u een eenmalige registratiecode: scan de QR-code met de camera van de telefoon, of typ hier de verkiezing en de code. De telefoon maakt zijn eigen ondertekeningssleutel, die hem nooit verlaat, en het sleutelregister van het bureau schrijft hem in voor uw stembureau.',
  enrolFor: 'Verkiezing: {election}.',
  enrolForUnit: 'Deze telefoon meldt voor {unit} bij {election}.',
  enrolPending:
    'Deze telefoon maakte zijn sleutel maar kreeg geen antwoord van de server. Registreer hem opnieuw met dezelfde code: als de server de sleutel heeft ingeschreven, gaat de telefoon verder.',
  electionId: 'Verkiezing',
  electionIdHint:
    'De code van de verkiezing, zoals het verkiezingsbureau die geeft (bijvoorbeeld sample-2026).',
  enrolmentCode: 'Registratiecode',
  enrolmentCodeHint:
    'Twaalf letters en cijfers, zoals K7QF-M2XD-9HTA. U kunt ook het hele registratieadres plakken.',
  electionRequired: 'Vul de code van de verkiezing in.',
  electionFormat:
    'De code van een verkiezing heeft letters, cijfers, punten, streepjes, dubbele punten of lage streepjes, en geen spaties.',
  codeRequired: 'Vul de registratiecode in.',
  codeFormat: 'Een registratiecode heeft twaalf letters en cijfers, zoals K7QF-M2XD-9HTA.',
  enrol: 'Deze telefoon registreren',
  enrolling: 'Bezig met registreren…',
  enrolOffline:
    'De telefoon heeft geen netwerk. Registreren heeft het één keer nodig: maak verbinding en probeer het opnieuw. De code blijft geldig tot hij verloopt.',
  enrolInvalidCode:
    'Deze code is niet geldig: hij is misschien al gebruikt of verlopen. Vraag het verkiezingsbureau om een nieuwe.',
  enrolUnknownElection:
    'De server heeft geen verkiezing met deze code. Controleer de code bij het verkiezingsbureau.',
  enrolRateLimited: 'Te veel pogingen vanaf dit netwerk. Wacht een minuut en probeer het opnieuw.',
  enrolNoEnrolmentKey:
    'Deze server kan nog geen telefoons registreren. Meld het aan het verkiezingsbureau.',
  enrolNoCrypto:
    'Deze browser kan de ondertekeningssleutel die de app nodig heeft niet maken. Gebruik een actuele browser (Chrome, Safari, Firefox of Edge).',
  outboxTitle: 'Postvak uit',
  outboxEmpty: 'Er wacht niets: elke melding van deze telefoon is verzonden.',
  outboxWaiting:
    '{reports, plural, =0 {Geen melding wacht} one {# melding wacht} other {# meldingen wachten}} op het netwerk{photos, plural, =0 {} one {, met # foto} other {, met # foto’s}}.',
  outboxSending: 'Bezig met verzenden…',
  outboxOffline:
    'De telefoon is offline. Uw meldingen zijn ondertekend en op deze telefoon bewaard, en gaan weg zodra het netwerk terug is, zolang de app open is. Sluit u de app, open haar dan weer zodra u netwerk hebt.',
  outboxRetrying:
    'De telefoon probeert het om de paar seconden opnieuw, en meteen als het netwerk terug is.',
  sendNow: 'Nu proberen te verzenden',
  definitionMissing:
    'De telefoon is geregistreerd, maar heeft de stemmingen van de verkiezing nog niet gelezen: hij heeft één keer het netwerk nodig.',
  reportTitle: 'De uitslagen van uw stembureau',
  reportingFor: 'Melding voor {unit}, {election}.',
  unitChoice: 'Meldende eenheid',
  voteType: 'Soort stem',
  nothingToReport: 'Voor deze soort stem is er niets te melden.',
  unitBallots: 'Uitgebrachte stembiljetten in het stembureau',
  unitBallotsHint:
    'Alle stembiljetten die in het stembureau voor deze soort stem zijn uitgebracht.',
  unitBallotsRegistered:
    'Alle stembiljetten die in het stembureau voor deze soort stem zijn uitgebracht ({registered, number} kiesgerechtigden).',
  turnoutAboveRegistered:
    'Er zijn {ballots, number} stembiljetten uitgebracht, maar er zijn maar {registered, number} kiesgerechtigden. Controleer het getal: klopt het, dan kijkt een beoordelaar ernaar.',
  voteFor: '{voteFor, plural, one {Eén keuze.} other {Tot # keuzes.}}',
  contestBallots: 'Stembiljetten geteld in deze stemming',
  contestBallotsHint: 'De stembiljetten waarop deze stemming is geteld.',
  overvotes: 'Overstemmen',
  overvotesHint: 'Stemmen die verloren gingen omdat een biljet te veel keuzes aankruiste.',
  undervotes: 'Onderstemmen',
  undervotesHint: 'Ongebruikte stemmen: keuzes die een biljet niet aankruiste.',
  balancePending: 'Vul elk getal van deze stemming in om haar te controleren.',
  balanced:
    '✓ Gecontroleerd: {votes, number} stemmen + {overvotes, number} overstemmen + {undervotes, number} onderstemmen = {positions, number}, dat is {ballots, number} biljetten × {voteFor, number} keuzes.',
  unbalanced:
    '⚠ {contest}: {votes, number} stemmen + {overvotes, number} overstemmen + {undervotes, number} onderstemmen = {positions, number}, maar {ballots, number} biljetten × {voteFor, number} keuzes = {expected, number}. Controleer de getallen: kloppen ze, dan kijkt een beoordelaar ernaar.',
  positionsAboveBallots:
    '⚠ {contest}: {votes, number} stemmen + {overvotes, number} overstemmen + {undervotes, number} onderstemmen = {positions, number}, meer dan {ballots, number} biljetten × {voteFor, number} keuzes = {expected, number}. Dat kan niet: verbeter de getallen.',
  choiceAboveBallots:
    '⚠ {contest}: {choice} heeft {votes, number} stemmen uit {ballots, number} biljetten. Dat kan niet: verbeter de getallen.',
  ballotsAboveUnit:
    '⚠ {contest}: {ballots, number} biljetten geteld, maar {unitBallots, number} uitgebracht in het stembureau. Dat kan niet: verbeter de getallen.',
  fieldMissing: 'Vul dit in (0 als er geen waren).',
  fieldNotACount: 'Typ een geheel getal, zoals 120.',
  caucusDelegates:
    '{delegates, plural, =0 {Dit stembureau kiest geen county-afgevaardigde.} one {Dit stembureau kiest één county-afgevaardigde.} other {Dit stembureau kiest # county-afgevaardigden.}}',
  firstAlignment: 'Eerste opstelling',
  firstAlignmentHint: 'Hoeveel mensen bij de eerste telling in elke voorkeursgroep staan.',
  participants: 'Deelnemers: {participants, number}.',
  viabilityPending: 'Vul de eerste opstelling in om de levensvatbaarheidsdrempel te zien.',
  viabilityNone:
    'Met één afgevaardigde is er geen drempel: de grootste groep van de laatste opstelling kiest hem.',
  viabilityNumber:
    'Drempel: {need, number} ({share, number, ::percent .##} van {participants, number}, naar boven afgerond).',
  groupViable: '{group}: haalt de drempel',
  groupNotViable: '{group}: haalt de drempel niet',
  finalAlignment: 'Laatste opstelling',
  finalAlignmentHint:
    'Hoeveel mensen na het hergroeperen in elke voorkeursgroep staan (0 voor een opgeheven groep).',
  delegatesTitle: 'County-afgevaardigden',
  delegatesPending: 'Vul beide opstellingen in om de afgevaardigden van elke groep te zien.',
  groupDelegates:
    '{group}: {delegates, plural, =0 {geen afgevaardigde} one {# afgevaardigde} other {# afgevaardigden}}',
  delegatesEmpty:
    'Niemand staat in de laatste opstelling: er zijn geen afgevaardigden te verdelen.',
  chanceTitle: 'Loting',
  chanceExtra: '{groups} staan gelijk voor nog één afgevaardigde.',
  chanceRemoval: '{groups} staan gelijk: een van hen moet een afgevaardigde teruggeven.',
  chanceHint:
    'Houd de loting die de regels van uw partij voorschrijven (kaarten trekken of een munt opgooien), kies dan de getrokken groep en leg die vast.',
  chanceRequired: 'Kies de groep die de loting trok.',
  chanceRecord: 'Getrokken groep vastleggen',
  chancePlayedExtra: 'Loting tussen {groups}: {selected} kreeg de extra afgevaardigde.',
  chancePlayedRemoval: 'Loting tussen {groups}: {selected} gaf een afgevaardigde terug.',
  realign:
    '{groups} moeten zich hergroeperen voordat de afgevaardigden verdeeld kunnen worden. Vul daarna de laatste opstelling in.',
  participantsAboveUnit:
    '{participants, number} deden mee aan de eerste opstelling, maar er zijn {ballots, number} stembiljetten uitgebracht in het stembureau. Verbeter de getallen.',
  finalAboveFirst:
    'In de laatste opstelling staan meer mensen ({final, number}) dan in de eerste ({first, number}). Na de eerste opstelling komt er niemand bij: verbeter de getallen.',
  caucusRuleBroken: 'Dit breekt de caucusregels, en een beoordelaar kijkt ernaar: {message}',
  needsChance: '{contest}: houd de loting en leg de getrokken groep vast.',
  realignContest: '{contest}: de groepen moeten zich eerst hergroeperen.',
  photoLabel: 'Foto van het telformulier',
  photoHint:
    'Maak een foto van het ondertekende telformulier. Hij gaat mee met uw melding, die hem noemt bij zijn vingerafdruk (SHA-256).',
  photoTooLarge: 'Deze foto is groter dan 10 MB. Maak hem opnieuw met een lagere resolutie.',
  photoNotAPhoto: 'Dit bestand is geen JPEG-, PNG- of WebP-foto.',
  photoAlt: 'De foto van het telformulier die met de melding meegaat',
  photoAdded: 'Foto toegevoegd (SHA-256 {sha256}…).',
  photoRemove: 'Foto verwijderen',
  reasonLabel: 'Waarom deze melding de vorige vervangt',
  reasonHint:
    'Deze telefoon meldde al voor dit stembureau en deze soort stem. Zeg wat er veranderde (bijvoorbeeld: hertelling van stembus 2). Het komt in het openbare logboek.',
  reasonRequired: 'Zeg waarom deze melding de vorige vervangt.',
  reasonTooLong: 'De reden mag hoogstens {max, number} tekens hebben.',
  cannotSend: 'De melding kan nog niet worden verzonden:',
  missingFields:
    '{count, plural, one {# getal is niet ingevuld.} other {# getallen zijn niet ingevuld.}}',
  notCountFields:
    '{count, plural, one {# veld is geen geheel getal.} other {# velden zijn geen gehele getallen.}}',
  warningsTitle:
    '{count, plural, one {Deze melding heeft een probleem:} other {Deze melding heeft # problemen:}}',
  warningsHint:
    'Verbeter de getallen als ze fout zijn. Kloppen ze, verzend de melding dan zoals ze is: een beoordelaar van het verkiezingsbureau kijkt ernaar voordat ze telt.',
  signAndSend: 'Melding ondertekenen en verzenden',
  sendAnyway: 'Zo verzenden',
  signing: 'Bezig met ondertekenen…',
  sendHint:
    'De telefoon ondertekent de melding met zijn sleutel en bewaart haar tot de server haar heeft, ook zonder netwerk.',
  queued:
    'Melding {sequence, number} is ondertekend en op deze telefoon bewaard. Ze gaat weg zodra het netwerk het toelaat: zie het postvak uit.',
  sentTitle: 'Verzonden meldingen',
  reportItem: '{unit}, {voteType}: melding {sequence, number}',
  photoItem: 'Foto van het telformulier',
  inLog: 'Uw melding staat in het openbare logboek op positie {position, number}.',
  statusAccepted: 'Aanvaard: ze telt.',
  statusHeld:
    'Aangehouden voor beoordeling: een beoordelaar van het verkiezingsbureau kijkt ernaar voordat ze telt.',
  statusRejected: 'Afgewezen: {message}',
  reviewAccepted:
    'Aangehouden voor beoordeling, daarna aanvaard door een beoordelaar (logregel {entry, number}): ze telt.',
  reviewRejected:
    'Aangehouden voor beoordeling, daarna afgewezen door een beoordelaar (logregel {entry, number}): ze telt niet.',
  reportRefused: 'De server weigerde deze melding: {message}',
  photoRefused: 'De server weigerde de foto: {message}',
  photoUploaded: 'Foto ontvangen.',
  proofPending: 'Bezig met controleren dat het logboek haar bevat…',
  proofChecked: '✓ Gecontroleerd tegen checkpoint {size} {root}…',
  proofFailed:
    '⚠ Het bewijs van het logboek klopt niet: {message}. Meld het aan het verkiezingsbureau.',
};

/** The app's languages, each with its name as its speakers write it (the staff app's six). */
export const REPORTER_LANGUAGES = {
  en: { name: 'English', messages: en as ReporterCatalog },
  fr: { name: 'français', messages: fr },
  es: { name: 'español', messages: es },
  de: { name: 'Deutsch', messages: de },
  it: { name: 'italiano', messages: it },
  nl: { name: 'Nederlands', messages: nl },
} as const;

export type ReporterLanguage = keyof typeof REPORTER_LANGUAGES;

export function isReporterLanguage(value: string): value is ReporterLanguage {
  return Object.hasOwn(REPORTER_LANGUAGES, value);
}

/** The language to show (see chooseLanguageOf): English when nothing else is had. */
export function chooseLanguage(choice: Parameters<typeof chooseLanguageOf>[2]): ReporterLanguage {
  return chooseLanguageOf(isReporterLanguage, 'en', choice);
}

export type ReporterMessageValues = MessageValues;

export class ReporterMessages extends CatalogMessages<ReporterMessageKey, ReporterLanguage> {
  constructor(language: ReporterLanguage) {
    super(language, REPORTER_LANGUAGES[language].messages);
  }
}
