// The public site's messages in Irish.
import type { Catalog } from '../messages.js';

export const ga: Catalog = {
  resultsTitle: '{election}: torthaí',
  testBanner: 'TÁSTÁIL: ní fíorthorthaí toghcháin iad seo',
  unofficial:
    'Torthaí neamhoifigiúla: is é an t-údarás toghcháin a dheimhníonn na torthaí deiridh.',
  allCertified:
    'Torthaí deimhnithe: tá gach toradh ar an leathanach seo deimhnithe ag an oifig toghcháin.',
  contestStatus:
    '{status, select, early {Ró-luath le rá} called {Socraithe} recount {Athchomhaireamh ar siúl} certified {Deimhnithe} other {Neamhoifigiúil}}',
  statusWinners: '{status}: {winners}',
  statusSince: 'ó {time} (iontráil loga {entry, number})',
  skipToContent: 'Téigh chuig na torthaí',
  home: 'Gach toghchán',
  language: 'Teanga',
  summary: 'Achoimre',
  contests: 'Toghcháin agus reifrinn',
  areas: 'Ceantair',
  reportingUnits: 'Aonaid tuairiscithe',
  fullyReported:
    '{level}: {fully, number} as {expected, number} tuairiscithe go hiomlán ({share, number, percent})',
  partlyReported: '{partly, number} eile tuairiscithe go páirteach',
  sentResults: '{level}: tá torthaí seolta ag {reported, number} as {expected, number}',
  expectedVote: 'Comhaireadh thart ar {share, number, percent} den vóta ionchasach',
  expectedVoteNote:
    'Meastachán is ea an vóta ionchasach: i gcás gach modha vótála, glactar líon na bpáipéar ballóide in aghaidh an toghthóra chláraithe (nó in aghaidh an pháipéir bhallóide a bhfuil an t-údarás toghcháin ag súil leis) sna háiteanna inar comhaireadh an modh sin, agus cuirtear an ráta sin i bhfeidhm ar na háiteanna nach bhfuil torthaí an mhodha sin tuairiscithe acu fós. Bíonn áit tuairiscithe go hiomlán a luaithe a bhíonn torthaí gach modha vótála dá cuid istigh.',
  fullyShort: 'Tuairiscithe go hiomlán',
  expectedShort: 'Vóta ionchasach comhairthe',
  unitStatus:
    '{status, select, full {Tuairiscithe go hiomlán} partly {Tuairiscithe go páirteach} other {Gan tuairisciú fós}}',
  turnout:
    'Líon vótála: caitheadh {ballots, number} páipéar ballóide as {registered, number} toghthóir cláraithe ({share, number, percent})',
  ballotsCastPlain: '{ballots, number} páipéar ballóide caite',
  choice: 'Rogha',
  party: 'Páirtí',
  votes: 'Vótaí',
  share: 'Sciar',
  ballotsCast: 'Páipéir bhallóide',
  overvotes: 'Vótaí thar teorainn',
  undervotes: 'Vótaí nár úsáideadh',
  total: 'Iomlán',
  leading: 'Chun tosaigh',
  winner: 'Buaiteoir',
  outcome: 'Toradh',
  measureChoice: '“{choice}”',
  noVotesYet: 'Níor comhaireadh aon vóta fós',
  voteFor: '{n, plural, one {Vótáil do # iarrthóir} other {Vótáil do suas le # iarrthóir}}',
  measure: 'Ceist reifrinn',
  caucus: 'Cácas',
  preferenceGroup: 'Grúpa tacaíochta',
  firstAlignment: 'Céad chomhaireamh',
  finalAlignment: 'Comhaireamh deiridh',
  countyDelegates: 'Toscairí contae',
  stateDelegateEquivalents: 'Coibhéisí toscairí stáit',
  measurePassing: 'Ag éirí leis an togra',
  measureFailing: 'Ag teip ar an togra',
  passRule:
    '{atLeast, select, yes {teastaíonn {share} ar a laghad de na vótaí} other {teastaíonn níos mó ná {share} de na vótaí}}',
  byVoteType: 'Torthaí de réir an mhodha vótála',
  byArea: 'Torthaí de réir ceantair',
  area: 'Ceantar',
  leader: 'Chun tosaigh',
  map: 'Léarscáil',
  mapCaption:
    'An rogha atá chun tosaigh i ngach ceantar, agus an dath níos doimhne dá mhéad an ceannas (i bpointí céatadáin den vóta). Tá na figiúirí céanna i dtábla na dtorthaí de réir ceantair.',
  mapMargin:
    '{shade, select, 0 {ceannas faoi bhun {to, number, percent}} 1 {ceannas ó {from, number, percent} go {to, number, percent}} other {ceannas {from, number, percent} nó níos mó}}',
  mapNoData: 'Níl aon torthaí ann fós',
  trend: 'Na torthaí i rith oíche an toghcháin',
  trendCaption:
    'Sciar gach rogha de na vótaí a comhaireadh, ó na chéad torthaí go dtí na torthaí is déanaí, de réir an ama ar comhaireadh iad.',
  trendFigures: 'Figiúirí na cairte',
  time: 'Am',
  downloads: 'Íoslódáil na torthaí seo',
  verifyTitle: 'Conas na torthaí seo a fhíorú',
  verifyIntro:
    'Is é atá i ngach uimhir ar an suíomh seo ná suim na dtorthaí sínithe a cuireadh isteach, atá taifeadta i loga poiblí nach féidir ach cur leis. Ní gá duit muinín a chur sa suíomh seo: is féidir leat gach uimhir a athríomh tú féin.',
  verifyCheckpoint:
    'Áirítear sa leagan seo na chéad {size, number} iontráil sa loga, agus seo é a sheicphointe sínithe:',
  verifyManifest:
    'Liostaíonn an manifest an SHA-256 atá ag gach comhad den leagan seo, agus tá sé sínithe ag an bhfoilsitheoir:',
  verifyCommand:
    'Chun gach rud a sheiceáil tú féin, ar aon ríomhaire a bhfuil Node.js 22 nó leagan níos déanaí air: faigh tally-verify.mjs, fíoraitheoir Tally in aon chomhad amháin, agus rith:',
  verifySiteAddress: 'seoladh an tsuímh seo',
  verifyVerifierFile:
    'Tógtar tally-verify.mjs ar bhealach in-atáirgthe ó chód foinseach Tally: tugann an cód foinseach céanna an comhad céanna i gcónaí. Tóg féin é (npm run build:verifier), nó seiceáil gurb é SHA-256 do chóipe an ceann a phriontálann an tógáil sin. Faigh na heochracha ón údarás toghcháin freisin, ní ón leathanach seo amháin.',
  verifyLogLayout:
    'Foilsítear an loga i bhformáid C2SP tlog-tiles in aice leis na leathanaigh seo, ionas gur féidir le huirlisí logaí trédhearcachta é a léamh agus le finnéithe é a chomhshíniú.',
  updated: 'Athraíodh na torthaí go deireanach: {time}',
  asOfLog: 'le hiontráil loga {entry, number}',
  nextUpdate:
    '{complete, select, yes {Tá gach áit tuairiscithe go hiomlán: is iad na torthaí deimhnithe an chéad nuashonrú eile.} other {Foilsítear torthaí nua laistigh de chúpla soicind tar éis iad a chomhaireamh.}}',
  footer: 'Foilsithe le Tally: tuairisciú infhíoraithe ar oíche an toghcháin.',
  registeredVoters: 'Toghthóirí cláraithe',
};
