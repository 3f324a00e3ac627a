// The public site's messages in Chinese (Traditional characters).
import type { Catalog } from '../messages.js';

export const zh: Catalog = {
  resultsTitle: '{election}：選舉結果',
  testBanner: '測試：這些不是真實的選舉結果',
  unofficial: '非官方結果：最終結果由選舉辦公室認證。',
  allCertified: '已認證結果：選舉辦公室已認證本頁所有結果。',
  contestStatus:
    '{status, select, early {尚言之過早} called {已判定} recount {重新計票中} certified {已認證} other {非正式}}',
  statusWinners: '{status}：{winners}',
  statusSince: '自 {time} 起（日誌條目 {entry, number}）',
  skipToContent: '跳至結果',
  home: '所有選舉項目',
  language: '語言',
  summary: '摘要',
  contests: '選舉項目',
  areas: '地區',
  reportingUnits: '回報單位',
  fullyReported:
    '{level}：{expected, number} 個中已有 {fully, number} 個完整回報（{share, number, percent}）',
  partlyReported: '另有 {partly, number} 個部分回報',
  sentResults: '{level}：{expected, number} 個中已有 {reported, number} 個送出結果',
  expectedVote: '已計算約 {share, number, percent} 的預計票數',
  expectedVoteNote:
    '預計票數是估計值：在已計算某種投票方式的地方，取該方式每名登記選民（或選舉辦公室預計的每張選票）的選票數，套用到尚未回報該方式的地方。一個地方回報的每種投票方式都送達後，即為完整回報。',
  fullyShort: '完整回報',
  expectedShort: '預計票數已計算',
  unitStatus: '{status, select, full {已完整回報} partly {已部分回報} other {尚未回報}}',
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
  winner: '勝出',
  outcome: '結果',
  measureChoice: '「{choice}」',
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
  map: '地圖',
  mapCaption:
    '各地區的領先者，顏色深淺表示領先幅度（以得票百分點計）。按地區的結果表格列出相同數字。',
  mapMargin:
    '{shade, select, 0 {領先少於 {to, number, percent}} 1 {領先 {from, number, percent} 至 {to, number, percent}} other {領先 {from, number, percent} 或以上}}',
  mapNoData: '尚無結果',
  trend: '選舉夜結果走勢',
  trendCaption: '各選項在已計算票數中的得票率，從最早的結果到最新的結果，依計票時間排列。',
  trendFigures: '圖表數據',
  time: '時間',
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
  updated: '結果最後更新於 {time}',
  asOfLog: '記錄條目 {entry, number}',
  nextUpdate:
    '{complete, select, yes {所有地方均已完整回報：下次更新將是認證結果。} other {新結果在計票後數秒內發布。}}',
  footer: '以 Tally 發布：可驗證的選舉夜結果。',
  registeredVoters: '登記選民',
};
