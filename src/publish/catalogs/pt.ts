// The public site's messages in Portuguese.
import type { Catalog } from '../messages.js';

export const pt: Catalog = {
  resultsTitle: '{election}: resultados',
  testBanner: 'TESTE: estes não são resultados eleitorais reais',
  unofficial:
    'Resultados provisórios: os resultados definitivos são certificados pela administração eleitoral.',
  allCertified:
    'Resultados certificados: a autoridade eleitoral certificou todos os resultados desta página.',
  contestStatus:
    '{status, select, early {Ainda é cedo para decidir} called {Decidido} recount {Recontagem em curso} certified {Certificado} other {Provisórios}}',
  statusWinners: '{status}: {winners}',
  statusSince: 'desde {time} (entrada {entry, number} do registo)',
  skipToContent: 'Ir para os resultados',
  home: 'Todas as votações',
  language: 'Idioma',
  summary: 'Resumo',
  contests: 'Votações',
  areas: 'Áreas',
  reportingUnits: 'Unidades de apuramento',
  fullyReported:
    '{level}: {fully, number} de {expected, number} com apuramento completo ({share, number, percent})',
  partlyReported: 'mais {partly, number} com apuramento parcial',
  sentResults: '{level}: {reported, number} de {expected, number} com resultados enviados',
  expectedVote: 'Apurados cerca de {share, number, percent} dos votos esperados',
  expectedVoteNote:
    'Os votos esperados são uma estimativa: para cada modalidade de voto, o número de votantes por eleitor inscrito (ou por boletim de voto que a administração eleitoral prevê) nos locais onde essa modalidade já foi apurada aplica-se aos locais que ainda não a comunicaram. Um local tem apuramento completo quando estão apuradas todas as modalidades de voto que comunica.',
  fullyShort: 'Apuramento completo',
  expectedShort: 'Votos esperados apurados',
  unitStatus:
    '{status, select, full {Apuramento completo} partly {Apuramento parcial} other {Ainda sem resultados}}',
  turnout:
    'Participação: {ballots, plural, =0 {# votantes} one {# votante} many {# votantes} other {# votantes}} em {registered, plural, =0 {# eleitores inscritos} one {# eleitor inscrito} many {# eleitores inscritos} other {# eleitores inscritos}} ({share, number, percent})',
  ballotsCastPlain:
    '{ballots, plural, =0 {# votantes} one {# votante} many {# votantes} other {# votantes}}',
  choice: 'Opção',
  party: 'Partido',
  votes: 'Votos',
  share: 'Percentagem',
  ballotsCast: 'Votantes',
  overvotes: 'Votos em excesso',
  undervotes: 'Votos não expressos',
  total: 'Total',
  leading: 'À frente',
  winner: 'Vencedor',
  outcome: 'Resultado',
  measureChoice: '«{choice}»',
  noVotesYet: 'Ainda não foram contados votos',
  voteFor: 'Mandatos a atribuir: {n, number}',
  measure: 'Pergunta submetida a votação',
  caucus: 'Caucus',
  preferenceGroup: 'Grupo de preferência',
  firstAlignment: 'Primeiro alinhamento',
  finalAlignment: 'Alinhamento final',
  countyDelegates: 'Delegados de condado',
  stateDelegateEquivalents: 'Equivalentes de delegados estaduais',
  measurePassing: 'Em vias de aprovação',
  measureFailing: 'Em vias de rejeição',
  passRule:
    '{atLeast, select, yes {exige pelo menos {share} dos votos} other {exige mais de {share} dos votos}}',
  byVoteType: 'Resultados por modalidade de voto',
  byArea: 'Resultados por área',
  area: 'Área',
  leader: 'À frente',
  map: 'Mapa',
  mapCaption:
    'Opção à frente em cada área, em tons consoante a vantagem (em pontos percentuais dos votos). A tabela de resultados por área apresenta os mesmos valores.',
  mapMargin:
    '{shade, select, 0 {vantagem inferior a {to, number, percent}} 1 {vantagem de {from, number, percent} a {to, number, percent}} other {vantagem de {from, number, percent} ou mais}}',
  mapNoData: 'Ainda sem resultados',
  trend: 'Resultados ao longo da noite eleitoral',
  trendCaption:
    'Percentagem de cada opção nos votos apurados, dos primeiros resultados aos mais recentes, segundo a hora a que foram apurados.',
  trendFigures: 'Valores do gráfico',
  time: 'Hora',
  downloads: 'Descarregar estes resultados',
  verifyTitle: 'Como verificar estes resultados',
  verifyIntro:
    'Cada número deste sítio é a soma de envios de resultados assinados, inscritos num registo público ao qual só é possível acrescentar. Não precisa de confiar neste sítio: pode recalcular cada número por si próprio.',
  verifyCheckpoint:
    'Esta versão contabiliza {size, plural, one {a primeira entrada} many {as primeiras # entradas} other {as primeiras # entradas}} do registo; o respetivo ponto de controlo (checkpoint) assinado é:',
  verifyManifest:
    'O manifesto indica o SHA-256 de cada ficheiro desta versão e está assinado pela entidade que o publica:',
  verifyCommand:
    'Para verificar tudo por si próprio, em qualquer computador com Node.js 22 ou posterior: obtenha o tally-verify.mjs, o verificador do Tally num único ficheiro, e execute:',
  verifySiteAddress: 'endereço deste sítio',
  verifyVerifierFile:
    'O tally-verify.mjs é compilado de forma reprodutível a partir do código-fonte do Tally: o mesmo código-fonte dá sempre o mesmo ficheiro. Compile-o por si próprio (npm run build:verifier) ou confirme que o SHA-256 da sua cópia é o que essa compilação apresenta. Obtenha também as chaves junto da administração eleitoral, e não apenas nesta página.',
  verifyLogLayout:
    'O registo é publicado no formato C2SP tlog-tiles junto a estas páginas, para que as ferramentas de registos de transparência o possam ler e as testemunhas o possam coassinar.',
  updated: 'Última alteração dos resultados: {time}',
  asOfLog: 'com a entrada {entry, number} do registo',
  nextUpdate:
    '{complete, select, yes {Todos os locais têm apuramento completo: a próxima atualização serão os resultados certificados.} other {Os novos resultados são publicados poucos segundos depois de apurados.}}',
  footer: 'Publicado com o Tally, a noite eleitoral verificável.',
  registeredVoters: 'Eleitores inscritos',
};
