// The public site's messages in Maltese.
import type { Catalog } from '../messages.js';

export const mt: Catalog = {
  resultsTitle: '{election}: riżultati',
  testBanner: 'PROVA: dawn mhumiex riżultati elettorali veri',
  unofficial:
    'Riżultati mhux uffiċjali: ir-riżultati finali jiġu ċċertifikati mill-uffiċċju elettorali.',
  allCertified:
    'Riżultati ċertifikati: l-awtorità elettorali ċċertifikat ir-riżultati kollha f’din il-paġna.',
  contestStatus:
    '{status, select, early {Kmieni wisq biex jingħad} called {Deċiż} recount {Għadd mill-ġdid għaddej} certified {Ċertifikat} other {Mhux uffiċjali}}',
  statusWinners: '{status}: {winners}',
  statusSince: 'minn {time} (entrata {entry, number} tar-reġistru)',
  skipToContent: 'Aqbeż għar-riżultati',
  home: 'L-elezzjonijiet kollha',
  language: 'Lingwa',
  summary: 'Sommarju',
  contests: 'Elezzjonijiet u referendi',
  areas: 'Żoni',
  reportingUnits: 'Unitajiet tar-rappurtar',
  fullyReported:
    '{level}: {fully, number} minn {expected, number} irrappurtaw bis-sħiħ ({share, number, percent})',
  partlyReported: '{partly, number} oħrajn irrappurtaw parzjalment',
  sentResults: '{level}: {reported, number} minn {expected, number} bagħtu r-riżultati',
  expectedVote: 'Ingħaddu madwar {share, number, percent} tal-voti mistennija',
  expectedVoteNote:
    'Il-voti mistennija huma stima: għal kull mod ta’ votazzjoni, jittieħed l-għadd ta’ karti tal-vot għal kull votant reġistrat (jew għal kull karta tal-vot li jistenna l-uffiċċju elettorali) fejn dak il-mod ta’ votazzjoni ngħadd, u dan jiġi applikat għall-postijiet li għadhom ma rrappurtawhx. Post ikun irrappurta bis-sħiħ meta jkunu daħlu r-riżultati ta’ kull mod ta’ votazzjoni li jirrappurta.',
  fullyShort: 'Irrappurtati bis-sħiħ',
  expectedShort: 'Voti mistennija magħduda',
  unitStatus:
    '{status, select, full {Irrappurtat bis-sħiħ} partly {Irrappurtat parzjalment} other {Għadu ma rrappurtax}}',
  turnout:
    'Parteċipazzjoni: {ballots, plural, one {# karta tal-vot mitfugħa} two {# karti tal-vot mitfugħa} few {# karti tal-vot mitfugħa} many {# karta tal-vot mitfugħa} other {# karta tal-vot mitfugħa}} minn {registered, plural, one {# votant reġistrat} two {# votanti reġistrati} few {# votanti reġistrati} many {# votant reġistrat} other {# votant reġistrat}} ({share, number, percent})',
  ballotsCastPlain:
    '{ballots, plural, one {# karta tal-vot mitfugħa} two {# karti tal-vot mitfugħa} few {# karti tal-vot mitfugħa} many {# karta tal-vot mitfugħa} other {# karta tal-vot mitfugħa}}',
  choice: 'Għażla',
  party: 'Partit',
  votes: 'Voti',
  share: 'Sehem',
  ballotsCast: 'Karti tal-vot mitfugħa',
  overvotes: 'Voti żejda',
  undervotes: 'Voti mhux użati',
  total: 'Total',
  leading: 'Fuq quddiem',
  winner: 'Rebbieħ',
  outcome: 'Eżitu',
  measureChoice: '“{choice}”',
  noVotesYet: 'Għadu ma ngħadd l-ebda vot',
  voteFor:
    '{n, plural, one {Ivvota għal # kandidat} two {Ivvota għal sa # kandidati} few {Ivvota għal sa # kandidati} many {Ivvota għal sa # kandidat} other {Ivvota għal sa # kandidat}}',
  measure: 'Mistoqsija ta’ referendum',
  caucus: 'Caucus',
  preferenceGroup: 'Grupp ta’ preferenza',
  firstAlignment: 'L-ewwel għadd',
  finalAlignment: 'L-għadd finali',
  countyDelegates: 'Delegati tal-kontea',
  stateDelegateEquivalents: 'Ekwivalenti ta’ delegati tal-istat',
  measurePassing: 'Qed tgħaddi',
  measureFailing: 'Mhix qed tgħaddi',
  passRule:
    '{atLeast, select, yes {jeħtieġ mill-inqas {share} tal-voti} other {jeħtieġ aktar minn {share} tal-voti}}',
  byVoteType: 'Riżultati skont il-mod ta’ votazzjoni',
  byArea: 'Riżultati skont iż-żona',
  area: 'Żona',
  leader: 'Fuq quddiem',
  map: 'Mappa',
  mapCaption:
    'L-għażla fuq quddiem f’kull żona, b’sfumatura skont il-vantaġġ (f’punti perċentwali tal-voti). It-tabella tar-riżultati skont iż-żona tagħti l-istess ċifri.',
  mapMargin:
    '{shade, select, 0 {vantaġġ ta’ inqas minn {to, number, percent}} 1 {vantaġġ ta’ bejn {from, number, percent} u {to, number, percent}} other {vantaġġ ta’ {from, number, percent} jew aktar}}',
  mapNoData: 'Għad m’hemmx riżultati',
  trend: 'Ir-riżultati matul il-lejl tal-elezzjoni',
  trendCaption:
    'Is-sehem ta’ kull għażla mill-voti magħduda, mill-ewwel riżultati sal-aktar reċenti, skont il-ħin meta ngħaddu.',
  trendFigures: 'Iċ-ċifri tal-grafika',
  time: 'Ħin',
  downloads: 'Niżżel dawn ir-riżultati',
  verifyTitle: 'Kif tivverifika dawn ir-riżultati',
  verifyIntro:
    'Kull numru f’dan is-sit huwa s-somma ta’ sottomissjonijiet iffirmati ta’ riżultati, irreġistrati f’reġistru pubbliku li fih l-entrati jistgħu biss jiżdiedu. M’għandekx għalfejn tafda dan is-sit: tista’ tikkalkula mill-ġdid kull numru int stess.',
  verifyCheckpoint:
    'Din il-verżjoni tgħodd {size, plural, one {l-ewwel # entrata} two {l-ewwel # entrati} few {l-ewwel # entrati} many {l-ewwel # entrata} other {l-ewwel # entrata}} tar-reġistru, li l-punt ta’ kontroll iffirmat tiegħu huwa:',
  verifyManifest:
    'Il-manifest jelenka s-SHA-256 ta’ kull fajl ta’ din il-verżjoni u huwa ffirmat mill-pubblikatur:',
  verifyCommand:
    'Biex tivverifika kollox int stess, fuq kwalunkwe kompjuter b’Node.js 22 jew verżjoni aktar ġdida: ikseb tally-verify.mjs, il-verifikatur ta’ Tally f’fajl wieħed, u ħaddem:',
  verifySiteAddress: 'l-indirizz ta’ dan is-sit',
  verifyVerifierFile:
    'tally-verify.mjs jinbena b’mod riproduċibbli mill-kodiċi sors ta’ Tally: l-istess kodiċi sors dejjem jagħti l-istess fajl. Ibnih int stess (npm run build:verifier), jew iċċekkja li s-SHA-256 tal-kopja tiegħek huwa dak li jipprintja dak il-bini. Ikseb iċ-ċwievet ukoll mill-uffiċċju elettorali, mhux biss minn din il-paġna.',
  verifyLogLayout:
    'Ir-reġistru huwa ppubblikat fil-format C2SP tlog-tiles flimkien ma’ dawn il-paġni, sabiex l-għodod tar-reġistri tat-trasparenza jkunu jistgħu jaqrawh u x-xhieda jkunu jistgħu jiffirmawh flimkien.',
  updated: 'L-aħħar bidla fir-riżultati: {time}',
  asOfLog: 'bl-entrata {entry, number} tar-reġistru',
  nextUpdate:
    '{complete, select, yes {Kull post irrappurta bis-sħiħ: l-aġġornament li jmiss se jkun dak tar-riżultati ċċertifikati.} other {Ir-riżultati l-ġodda jiġu ppubblikati fi ftit sekondi minn meta jingħaddu.}}',
  footer: 'Ippubblikat permezz ta’ Tally, rappurtar verifikabbli tal-lejl tal-elezzjoni.',
  registeredVoters: 'Votanti reġistrati',
};
