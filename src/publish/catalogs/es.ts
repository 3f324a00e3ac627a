// The public site's messages in Spanish.
import type { Catalog } from '../messages.js';

export const es: Catalog = {
  resultsTitle: '{election}: resultados',
  testBanner: 'PRUEBA: estos no son resultados electorales reales',
  unofficial: 'Resultados no oficiales: la oficina electoral certifica los resultados finales.',
  allCertified:
    'Resultados certificados: la autoridad electoral ha certificado todos los resultados de esta página.',
  contestStatus:
    '{status, select, early {Demasiado pronto para decidir} called {Decidido} recount {Recuento en curso} certified {Certificado} other {Provisionales}}',
  statusWinners: '{status}: {winners}',
  statusSince: 'desde {time} (entrada {entry, number} del registro)',
  skipToContent: 'Ir a los resultados',
  home: 'Todas las contiendas',
  language: 'Idioma',
  summary: 'Resumen',
  contests: 'Contiendas',
  areas: 'Zonas',
  reportingUnits: 'Mesas electorales',
  fullyReported:
    '{level}: {fully, number} de {expected, number} con resultados completos ({share, number, percent})',
  partlyReported: '{partly, number} más con resultados parciales',
  sentResults:
    '{level}: {reported, plural, one {# de {expected, number} ha enviado resultados} other {# de {expected, number} han enviado resultados}}',
  expectedVote: 'Se ha contado alrededor del {share, number, percent} del voto esperado',
  expectedVoteNote:
    'El voto esperado es una estimación: para cada modalidad de voto, las papeletas por elector inscrito (o por papeleta que prevé la oficina electoral) donde esa modalidad ya se ha contado, aplicadas a los lugares que aún no la han informado. Un lugar tiene resultados completos cuando han llegado todas las modalidades de voto que informa.',
  fullyShort: 'Resultados completos',
  expectedShort: 'Voto esperado contado',
  unitStatus:
    '{status, select, full {Resultados completos} partly {Resultados parciales} other {Aún sin resultados}}',
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
  winner: 'Ganador',
  outcome: 'Resultado',
  measureChoice: '«{choice}»',
  noVotesYet: 'Aún no se ha contado ningún voto',
  voteFor: '{n, plural, one {Vote por # candidato} other {Vote por hasta # candidatos}}',
  measure: 'Medida sometida a votación',
  caucus: 'Caucus',
  preferenceGroup: 'Grupo de preferencia',
  firstAlignment: 'Primera alineación',
  finalAlignment: 'Alineación final',
  countyDelegates: 'Delegados de condado',
  stateDelegateEquivalents: 'Equivalentes de delegados estatales',
  measurePassing: 'Va aprobada',
  measureFailing: 'Va rechazada',
  passRule:
    '{atLeast, select, yes {requiere al menos el {share} de los votos} other {requiere más del {share} de los votos}}',
  byVoteType: 'Resultados por modalidad de voto',
  byArea: 'Resultados por zona',
  area: 'Zona',
  leader: 'En cabeza',
  map: 'Mapa',
  mapCaption:
    'Opción en cabeza por zona, en tonos según la ventaja (en puntos porcentuales de los votos). La tabla de resultados por zona da las mismas cifras.',
  mapMargin:
    '{shade, select, 0 {ventaja de menos del {to, number, percent}} 1 {ventaja del {from, number, percent} al {to, number, percent}} other {ventaja del {from, number, percent} o más}}',
  mapNoData: 'Aún no hay resultados',
  trend: 'Evolución de los resultados durante la noche',
  trendCaption:
    'Porcentaje de los votos contados de cada opción, desde los primeros resultados hasta los más recientes, según la hora en que se contaron.',
  trendFigures: 'Las cifras del gráfico',
  time: 'Hora',
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
  updated: 'Resultados modificados por última vez: {time}',
  asOfLog: 'con la entrada {entry, number} del registro',
  nextUpdate:
    '{complete, select, yes {Todos los lugares han enviado sus resultados completos: la próxima actualización serán los resultados certificados.} other {Los nuevos resultados se publican pocos segundos después de contarse.}}',
  footer: 'Publicado con Tally, la noche electoral verificable.',
  registeredVoters: 'Electores inscritos',
};
