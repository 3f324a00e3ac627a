// The public site's messages in French.
import type { Catalog } from '../messages.js';

export const fr: Catalog = {
  resultsTitle: '{election} : résultats',
  testBanner: 'TEST : ces résultats ne sont pas de vrais résultats électoraux',
  unofficial: 'Résultats provisoires : l’autorité électorale certifie les résultats définitifs.',
  allCertified:
    'Résultats certifiés : l’autorité électorale a certifié tous les résultats de cette page.',
  contestStatus:
    '{status, select, early {Trop tôt pour se prononcer} called {Acquis} recount {Recomptage en cours} certified {Certifié} other {Provisoires}}',
  statusWinners: '{status} : {winners}',
  statusSince: 'depuis le {time} (entrée {entry, number} du journal)',
  skipToContent: 'Aller aux résultats',
  home: 'Tous les scrutins',
  language: 'Langue',
  summary: 'Synthèse',
  contests: 'Scrutins',
  areas: 'Territoires',
  reportingUnits: 'Bureaux de vote',
  fullyReported:
    '{level} : résultats complets pour {fully, number} sur {expected, number} ({share, number, percent})',
  partlyReported: 'résultats partiels pour {partly, plural, one {# autre} other {# autres}}',
  sentResults:
    '{level} : {reported, plural, one {# sur {expected, number} a transmis des résultats} other {# sur {expected, number} ont transmis des résultats}}',
  expectedVote: 'Environ {share, number, percent} des votes attendus ont été dépouillés',
  expectedVoteNote:
    'Les votes attendus sont une estimation : pour chaque mode de vote, le nombre de bulletins par inscrit (ou par bulletin attendu par l’autorité électorale) là où ce mode a été dépouillé, appliqué aux lieux qui ne l’ont pas encore transmis. Les résultats d’un lieu sont complets dès que tous les modes de vote qu’il transmet sont parvenus.',
  fullyShort: 'Résultats complets',
  expectedShort: 'Votes attendus dépouillés',
  unitStatus:
    '{status, select, full {Résultats complets} partly {Résultats partiels} other {Pas encore de résultats}}',
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
  winner: 'Vainqueur',
  outcome: 'Résultat',
  measureChoice: '« {choice} »',
  noVotesYet: 'Aucune voix comptée pour l’instant',
  voteFor: '{n, number} à élire',
  measure: 'Question soumise au vote',
  caucus: 'Caucus',
  preferenceGroup: 'Groupe de préférence',
  firstAlignment: 'Premier alignement',
  finalAlignment: 'Alignement final',
  countyDelegates: 'Délégués de comté',
  stateDelegateEquivalents: 'Équivalents délégués d’État',
  measurePassing: 'En voie d’adoption',
  measureFailing: 'En voie de rejet',
  passRule:
    '{atLeast, select, yes {il faut au moins {share} des voix} other {il faut plus de {share} des voix}}',
  byVoteType: 'Résultats par mode de vote',
  byArea: 'Résultats par territoire',
  area: 'Territoire',
  leader: 'En tête',
  map: 'Carte',
  mapCaption:
    'Choix en tête par territoire, nuancé selon l’avance (en points de pourcentage des voix). Le tableau des résultats par territoire donne les mêmes chiffres.',
  mapMargin:
    '{shade, select, 0 {avance de moins de {to, number, percent}} 1 {avance de {from, number, percent} à {to, number, percent}} other {avance de {from, number, percent} ou plus}}',
  mapNoData: 'Pas encore de résultats',
  trend: 'Évolution des résultats au cours de la soirée',
  trendCaption:
    'Part de chaque choix dans les voix comptées, des premiers résultats aux plus récents, selon l’heure de leur dépouillement.',
  trendFigures: 'Les chiffres du graphique',
  time: 'Heure',
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
  updated: 'Résultats modifiés pour la dernière fois le {time}',
  asOfLog: 'par l’entrée {entry, number} du journal',
  nextUpdate:
    '{complete, select, yes {Tous les résultats ont été transmis : la prochaine mise à jour sera celle des résultats certifiés.} other {Les nouveaux résultats sont publiés quelques secondes après leur dépouillement.}}',
  footer: 'Publié avec Tally, la soirée électorale vérifiable.',
  registeredVoters: 'Inscrits',
};
