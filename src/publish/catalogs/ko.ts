// The public site's messages in Korean.
import type { Catalog } from '../messages.js';

export const ko: Catalog = {
  resultsTitle: '{election}: 결과',
  testBanner: '테스트: 실제 선거 결과가 아닙니다',
  unofficial: '비공식 결과: 최종 결과는 선거 사무소가 확정합니다.',
  allCertified: '확정 결과: 선거 관리 기관이 이 페이지의 모든 결과를 확정했습니다.',
  contestStatus:
    '{status, select, early {아직 판정하기 이릅니다} called {당선 확정} recount {재검표 진행 중} certified {공식 확정} other {비공식}}',
  statusWinners: '{status}: {winners}',
  statusSince: '{time}부터 (로그 항목 {entry, number})',
  skipToContent: '결과로 건너뛰기',
  home: '모든 선거',
  language: '언어',
  summary: '요약',
  contests: '선거',
  areas: '지역',
  reportingUnits: '보고 단위',
  fullyReported:
    '{level}: {expected, number}곳 중 {fully, number}곳 보고 완료 ({share, number, percent})',
  partlyReported: '그 외 {partly, number}곳 일부 보고',
  sentResults: '{level}: {expected, number}곳 중 {reported, number}곳 결과 전송',
  expectedVote: '예상 투표수의 약 {share, number, percent} 집계',
  expectedVoteNote:
    '예상 투표수는 추정치입니다. 투표 방식별로, 해당 방식이 집계된 곳의 등록 유권자 1인당(또는 선거 사무소가 예상하는 투표용지 1장당) 투표용지 수를 아직 그 방식을 보고하지 않은 곳에 적용합니다. 어떤 곳이 보고하는 모든 투표 방식이 들어오면 그곳은 보고 완료입니다.',
  fullyShort: '보고 완료',
  expectedShort: '예상 투표수 대비 집계',
  unitStatus: '{status, select, full {보고 완료} partly {일부 보고} other {아직 보고 없음}}',
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
  winner: '승자',
  outcome: '결과',
  measureChoice: '‘{choice}’',
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
  map: '지도',
  mapCaption:
    '지역별 선두, 색의 농도는 앞선 정도(득표율 차이, 퍼센트포인트)를 나타냅니다. 지역별 결과 표에 같은 수치가 있습니다.',
  mapMargin:
    '{shade, select, 0 {{to, number, percent} 미만 차이} 1 {{from, number, percent}~{to, number, percent} 차이} other {{from, number, percent} 이상 차이}}',
  mapNoData: '아직 결과 없음',
  trend: '개표 진행에 따른 결과 추이',
  trendCaption: '첫 결과부터 최신 결과까지, 집계된 시각에 따른 각 선택의 득표율입니다.',
  trendFigures: '차트 수치',
  time: '시각',
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
  updated: '결과 마지막 변경: {time}',
  asOfLog: '로그 항목 {entry, number}',
  nextUpdate:
    '{complete, select, yes {모든 곳의 보고가 완료되었습니다. 다음 업데이트는 확정 결과입니다.} other {새 결과는 집계 후 몇 초 안에 게시됩니다.}}',
  footer: 'Tally로 게시: 검증 가능한 선거일 밤 결과.',
  registeredVoters: '등록 유권자',
};
