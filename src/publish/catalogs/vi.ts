// The public site's messages in Vietnamese.
import type { Catalog } from '../messages.js';

export const vi: Catalog = {
  resultsTitle: '{election}: kết quả',
  testBanner: 'THỬ NGHIỆM: đây không phải là kết quả bầu cử thật',
  unofficial: 'Kết quả không chính thức: văn phòng bầu cử chứng nhận kết quả cuối cùng.',
  allCertified: 'Kết quả đã chứng nhận: cơ quan bầu cử đã chứng nhận mọi kết quả trên trang này.',
  contestStatus:
    '{status, select, early {Còn quá sớm để kết luận} called {Đã xác định} recount {Đang kiểm phiếu lại} certified {Đã chứng nhận} other {Không chính thức}}',
  statusWinners: '{status}: {winners}',
  statusSince: 'từ {time} (mục nhật ký {entry, number})',
  skipToContent: 'Đi đến kết quả',
  home: 'Tất cả các cuộc bầu chọn',
  language: 'Ngôn ngữ',
  summary: 'Tóm tắt',
  contests: 'Các cuộc bầu chọn',
  areas: 'Khu vực',
  reportingUnits: 'Đơn vị báo cáo',
  fullyReported:
    '{level}: {fully, number} trên {expected, number} đã báo cáo đầy đủ ({share, number, percent})',
  partlyReported: 'thêm {partly, number} đã báo cáo một phần',
  sentResults: '{level}: {reported, number} trên {expected, number} đã gửi kết quả',
  expectedVote: 'Đã đếm khoảng {share, number, percent} số phiếu dự kiến',
  expectedVoteNote:
    'Số phiếu dự kiến là một ước tính: với mỗi hình thức bỏ phiếu, số lá phiếu trên mỗi cử tri đã ghi danh (hoặc trên mỗi lá phiếu mà văn phòng bầu cử dự kiến) ở những nơi đã đếm hình thức đó, được áp dụng cho những nơi chưa báo cáo hình thức đó. Một nơi đã báo cáo đầy đủ khi mọi hình thức bỏ phiếu mà nơi đó báo cáo đều đã có.',
  fullyShort: 'Đã báo cáo đầy đủ',
  expectedShort: 'Số phiếu dự kiến đã đếm',
  unitStatus:
    '{status, select, full {Đã báo cáo đầy đủ} partly {Đã báo cáo một phần} other {Chưa báo cáo}}',
  turnout:
    'Tỷ lệ đi bầu: {ballots, number} lá phiếu trên {registered, number} cử tri đã ghi danh ({share, number, percent})',
  ballotsCastPlain: '{ballots, number} lá phiếu',
  choice: 'Lựa chọn',
  party: 'Đảng',
  votes: 'Số phiếu',
  share: 'Tỷ lệ',
  ballotsCast: 'Số lá phiếu',
  overvotes: 'Phiếu bầu quá số',
  undervotes: 'Phiếu bầu thiếu',
  total: 'Tổng cộng',
  leading: 'Dẫn đầu',
  winner: 'Người thắng cử',
  outcome: 'Kết quả',
  measureChoice: '“{choice}”',
  noVotesYet: 'Chưa đếm phiếu nào',
  voteFor: '{n, plural, other {Bầu tối đa # người}}',
  measure: 'Dự luật',
  caucus: 'Họp kín',
  preferenceGroup: 'Nhóm ủng hộ',
  firstAlignment: 'Vòng đầu',
  finalAlignment: 'Vòng cuối',
  countyDelegates: 'Đại biểu quận',
  stateDelegateEquivalents: 'Đại biểu tương đương cấp bang',
  measurePassing: 'Đang được thông qua',
  measureFailing: 'Đang bị bác bỏ',
  passRule:
    '{atLeast, select, yes {cần ít nhất {share} số phiếu} other {cần hơn {share} số phiếu}}',
  byVoteType: 'Kết quả theo hình thức bỏ phiếu',
  byArea: 'Kết quả theo khu vực',
  area: 'Khu vực',
  leader: 'Dẫn đầu',
  map: 'Bản đồ',
  mapCaption:
    'Người dẫn đầu theo khu vực, tô đậm nhạt theo mức dẫn trước (tính bằng điểm phần trăm số phiếu). Bảng kết quả theo khu vực cho cùng các con số.',
  mapMargin:
    '{shade, select, 0 {dẫn dưới {to, number, percent}} 1 {dẫn từ {from, number, percent} đến {to, number, percent}} other {dẫn từ {from, number, percent} trở lên}}',
  mapNoData: 'Chưa có kết quả',
  trend: 'Diễn biến kết quả trong đêm bầu cử',
  trendCaption:
    'Tỷ lệ của mỗi lựa chọn trong số phiếu đã đếm, từ kết quả đầu tiên đến kết quả mới nhất, theo thời điểm đếm phiếu.',
  trendFigures: 'Số liệu của biểu đồ',
  time: 'Thời gian',
  downloads: 'Tải xuống các kết quả này',
  verifyTitle: 'Cách kiểm chứng các kết quả này',
  verifyIntro:
    'Mỗi con số trên trang này là tổng của các bản nộp kết quả có chữ ký, được ghi vào một nhật ký công khai chỉ có thể ghi thêm. Quý vị không cần tin trang này: quý vị có thể tự tính lại mọi con số.',
  verifyCheckpoint:
    'Phiên bản này tính {size, number} mục đầu tiên của nhật ký, có điểm kiểm tra đã ký là:',
  verifyManifest: 'Bản kê liệt kê SHA-256 của mọi tệp trong phiên bản này và được bên xuất bản ký:',
  verifyCommand:
    'Để tự kiểm tra mọi thứ, trên bất kỳ máy tính nào có Node.js 22 trở lên: tải tally-verify.mjs, trình kiểm chứng của Tally trong một tệp, và chạy:',
  verifySiteAddress: 'địa chỉ của trang này',
  verifyVerifierFile:
    'tally-verify.mjs được xây dựng có thể tái tạo từ mã nguồn của Tally: cùng một mã nguồn luôn cho ra cùng một tệp. Hãy tự xây dựng (npm run build:verifier), hoặc kiểm tra rằng SHA-256 của bản sao của quý vị trùng với số mà bản xây dựng đó in ra. Hãy lấy các khóa từ văn phòng bầu cử nữa, không chỉ từ trang này.',
  verifyLogLayout:
    'Nhật ký được công bố theo định dạng C2SP tlog-tiles bên cạnh các trang này, để các công cụ nhật ký minh bạch có thể đọc và các nhân chứng có thể cùng ký.',
  updated: 'Kết quả thay đổi lần cuối lúc {time}',
  asOfLog: 'với mục nhật ký {entry, number}',
  nextUpdate:
    '{complete, select, yes {Mọi nơi đã báo cáo đầy đủ: lần cập nhật tới sẽ là kết quả đã được chứng nhận.} other {Kết quả mới được công bố trong vòng vài giây sau khi đếm.}}',
  footer: 'Công bố bằng Tally, đêm bầu cử có thể kiểm chứng.',
  registeredVoters: 'Cử tri đã ghi danh',
};
