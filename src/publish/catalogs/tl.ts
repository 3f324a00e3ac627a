// The public site's messages in Tagalog.
import type { Catalog } from '../messages.js';

export const tl: Catalog = {
  resultsTitle: '{election}: mga resulta',
  testBanner: 'PAGSUBOK: hindi ito tunay na resulta ng halalan',
  unofficial:
    'Hindi opisyal na resulta: ang tanggapan ng halalan ang nagpapatunay sa huling resulta.',
  allCertified:
    'Sertipikadong resulta: sinertipikahan na ng tanggapan ng halalan ang lahat ng resulta sa pahinang ito.',
  contestStatus:
    '{status, select, early {Masyado pang maaga para magpasya} called {Napagpasyahan} recount {May muling pagbilang} certified {Sertipikado} other {Hindi opisyal}}',
  statusWinners: '{status}: {winners}',
  statusSince: 'mula {time} (entry {entry, number} ng log)',
  skipToContent: 'Lumaktaw sa mga resulta',
  home: 'Lahat ng labanan',
  language: 'Wika',
  summary: 'Buod',
  contests: 'Mga labanan',
  areas: 'Mga lugar',
  reportingUnits: 'Mga yunit na nag-uulat',
  fullyReported:
    '{level}: {fully, number} sa {expected, number} ang kumpleto nang nakapag-ulat ({share, number, percent})',
  partlyReported: '{partly, number} pa ang bahagyang nakapag-ulat',
  sentResults: '{level}: {reported, number} sa {expected, number} ang nakapagpadala na ng resulta',
  expectedVote: 'Humigit-kumulang {share, number, percent} ng inaasahang boto ang nabilang na',
  expectedVoteNote:
    'Ang inaasahang boto ay isang tantiya: ang dami ng balota ng bawat uri ng pagboto sa bawat rehistradong botante (o sa bawat balotang inaasahan ng tanggapan ng halalan) kung saan nabilang na ang uring iyon, na inilalapat sa mga lugar na hindi pa nag-uulat nito. Kumpleto nang nakapag-ulat ang isang lugar kapag dumating na ang bawat uri ng pagboto na iniuulat nito.',
  fullyShort: 'Kumpleto nang nakapag-ulat',
  expectedShort: 'Nabilang na inaasahang boto',
  unitStatus:
    '{status, select, full {Kumpleto nang nakapag-ulat} partly {Bahagyang nakapag-ulat} other {Hindi pa nakapag-uulat}}',
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
  winner: 'Nanalo',
  outcome: 'Resulta',
  measureChoice: '“{choice}”',
  noVotesYet: 'Wala pang botong nabilang',
  voteFor: '{n, plural, =1 {Bumoto ng #} other {Bumoto ng hanggang #}}',
  measure: 'Panukalang ibinoboto',
  caucus: 'Caucus',
  preferenceGroup: 'Pangkat ng tagasuporta',
  firstAlignment: 'Unang pagpapangkat',
  finalAlignment: 'Huling pagpapangkat',
  countyDelegates: 'Mga delegado ng county',
  stateDelegateEquivalents: 'Katumbas na delegado ng estado',
  measurePassing: 'Papasa',
  measureFailing: 'Hindi papasa',
  passRule:
    '{atLeast, select, yes {kailangan ng hindi bababa sa {share} ng mga boto} other {kailangan ng higit sa {share} ng mga boto}}',
  byVoteType: 'Mga resulta ayon sa uri ng pagboto',
  byArea: 'Mga resulta ayon sa lugar',
  area: 'Lugar',
  leader: 'Nangunguna',
  map: 'Mapa',
  mapCaption:
    'Ang nangunguna sa bawat lugar, mas matingkad kapag mas malaki ang lamang (sa puntos ng porsiyento ng boto). Ang talahanayan ng mga resulta ayon sa lugar ay may parehong mga bilang.',
  mapMargin:
    '{shade, select, 0 {lamang na mas mababa sa {to, number, percent}} 1 {lamang na {from, number, percent} hanggang {to, number, percent}} other {lamang na {from, number, percent} o higit pa}}',
  mapNoData: 'Wala pang resulta',
  trend: 'Mga resulta sa buong gabi ng halalan',
  trendCaption:
    'Ang bahagdan ng bawat pagpipilian sa mga nabilang na boto, mula sa unang mga resulta hanggang sa pinakabago, ayon sa oras ng pagbilang.',
  trendFigures: 'Ang mga bilang ng tsart',
  time: 'Oras',
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
  updated: 'Huling nagbago ang mga resulta noong {time}',
  asOfLog: 'sa entry {entry, number} ng log',
  nextUpdate:
    '{complete, select, yes {Kumpleto nang nakapag-ulat ang lahat ng lugar: ang susunod na update ay ang sertipikadong resulta.} other {Inilalathala ang mga bagong resulta ilang segundo matapos mabilang.}}',
  footer: 'Inilathala gamit ang Tally, ang napapatunayang gabi ng halalan.',
  registeredVoters: 'Mga rehistradong botante',
};
