// A rich DocumentModel for the renderers' tests (PDF, Word, preview): every block type, both
// signature layouts, a letter, annexes, and Vietnamese with every tone mark on every vowel.
import * as echarts from 'echarts';
import type { DocumentModel } from '../../src/shared/contracts/documents.js';

const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
/** None, huyền, sắc, hỏi, ngã, nặng. */
const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];

/** "a à á ả ã ạ ă ằ …" then the capitals, and đ Đ: 146 letters, NFC. */
export const ALL_VIETNAMESE_LETTERS: string[] = [
  ...VOWELS.map((v) => TONES.map((tone) => (v + tone).normalize('NFC')).join(' ')),
  ...VOWELS.map((v) => TONES.map((tone) => (v.toUpperCase() + tone).normalize('NFC')).join(' ')),
  'đ Đ',
];

export const NAMES_LINE = 'Nguyễn Thị Thủy, Trần Văn Đức, ỷ ỹ ỵ Ặ Ẫ Ữ ự';

/** An echarts chart drawn on the server as SVG, as the chart renderer of issue 5 item 4 makes them. */
export function sampleChartSvg(): { svg: string; width: number; height: number } {
  const width = 640;
  const height = 300;
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption({
    animation: false,
    title: { text: 'Xếp loại đảng viên năm 2017', left: 'center', textStyle: { fontFamily: 'Times New Roman' } },
    grid: { left: 50, right: 20, top: 50, bottom: 40 },
    xAxis: { type: 'category', data: ['Xuất sắc', 'Tốt', 'Hoàn thành', 'Không hoàn thành'], axisLabel: { interval: 0 } },
    yAxis: { type: 'value' },
    series: [{ type: 'bar', data: [12, 80, 30, 2], label: { show: true, position: 'top' }, itemStyle: { color: '#a8201a' } }],
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return { svg, width, height };
}

const BODY_TEXT =
  'Thực hiện Quy định số 132-QĐ/TW ngày 08/3/2018 của Bộ Chính trị về kiểm điểm và đánh giá, xếp loại chất lượng hằng năm ' +
  'đối với tập thể, cá nhân trong hệ thống chính trị, Ban Thường vụ Thành ủy báo cáo kết quả kiểm điểm, đánh giá, xếp loại ' +
  'chất lượng tổ chức cơ sở đảng và đảng viên năm 2017 như sau:';

export function richModel(overrides: Partial<DocumentModel> = {}): DocumentModel {
  const chart = sampleChartSvg();
  return {
    kind: 'summary_report',
    header: {
      upperBody: 'ĐẢNG BỘ TỈNH HÀ TĨNH',
      issuer: 'THÀNH ỦY HÀ TĨNH',
      numberText: 'Số 12-BC/TU',
      place: 'Hà Tĩnh',
      date: '2017-12-05',
      year: 2017,
    },
    typeName: 'BÁO CÁO',
    summary: 'Kết quả kiểm điểm, đánh giá, xếp loại chất lượng tổ chức cơ sở đảng và đảng viên năm 2017',
    body: [
      { type: 'paragraph', runs: [{ text: BODY_TEXT }] },
      { type: 'heading', level: 1, text: 'I. KẾT QUẢ KIỂM ĐIỂM, ĐÁNH GIÁ, XẾP LOẠI' },
      { type: 'heading', level: 2, text: '1. Đối với tổ chức cơ sở đảng' },
      {
        type: 'paragraph',
        runs: [
          { text: 'Tổng số tổ chức cơ sở đảng được đánh giá: ' },
          { text: '45 tổ chức', bold: true },
          { text: '; trong đó ' },
          { text: 'hoàn thành xuất sắc nhiệm vụ', italic: true },
          { text: ' 9 tổ chức, ' },
          { text: 'không hoàn thành nhiệm vụ', underline: true },
          { text: ' 1 tổ chức. Người tổng hợp: ' },
          // Typed with combining marks (NFD), as some keyboards send it: printed as NFC.
          { text: 'Nguyễn Thị Thủy'.normalize('NFD'), bold: true, italic: true },
          { text: '.' },
        ],
      },
      { type: 'heading', level: 3, text: 'a) Những ưu điểm nổi bật' },
      {
        type: 'list',
        items: [
          'Các chi bộ chuẩn bị chu đáo báo cáo kiểm điểm, gợi ý kiểm điểm được gửi đúng thời hạn',
          'Đảng viên tự giác nhận khuyết điểm, đề ra biện pháp khắc phục cụ thể',
        ],
      },
      { type: 'paragraph', runs: [{ text: NAMES_LINE }], indent: false, align: 'left' },
      ...ALL_VIETNAMESE_LETTERS.map((letters) => ({
        type: 'paragraph' as const,
        runs: [{ text: letters }],
        indent: false,
        align: 'left' as const,
      })),
      {
        type: 'table',
        columns: [
          { header: 'TT', width: 8, align: 'center' },
          { header: 'Đơn vị', width: 44 },
          { header: 'Số đảng viên', width: 16, align: 'right' },
          { header: 'Xuất sắc', width: 16, align: 'right' },
          { header: 'Tỷ lệ (%)', width: 16, align: 'right' },
        ],
        rows: [
          [1, 'Đảng bộ phường Nam Hà', 1234, 25, 20.3],
          [2, 'Đảng bộ phường Bắc Hà', 980, 19, 19.4],
          [3, 'Chi bộ Trường Trung học phổ thông Phan Đình Phùng', 56, 6, 10.7],
        ],
        footer: ['', 'Tổng cộng', 2270, 50, 22],
      },
      { type: 'chart', title: 'Biểu đồ 1. Xếp loại đảng viên năm 2017', ...chart },
      { type: 'heading', level: 1, text: 'II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2018' },
      ...Array.from({ length: 3 }, (_, i) => ({
        type: 'paragraph' as const,
        runs: [
          {
            text: `${i + 1}. Tiếp tục quán triệt, thực hiện nghiêm túc Quy định số 132-QĐ/TW; gắn kiểm điểm với việc khắc phục hạn chế, khuyết điểm đã được chỉ ra ở các năm trước, không để tình trạng hình thức, nể nang, né tránh.`,
          },
        ],
      })),
      { type: 'pageBreak' },
      { type: 'heading', level: 1, text: 'III. KIẾN NGHỊ, ĐỀ XUẤT' },
      { type: 'paragraph', runs: [{ text: 'Đề nghị Ban Tổ chức Tỉnh ủy sớm ban hành hướng dẫn về khung tiêu chí đánh giá năm 2018.' }] },
    ],
    signatures: [{ authority: 'T/M BAN THƯỜNG VỤ', title: 'PHÓ BÍ THƯ', name: 'Trần Văn Đức' }],
    recipients: ['Ban Tổ chức Tỉnh ủy (để báo cáo)', 'Các đảng bộ, chi bộ trực thuộc', 'Lưu Văn phòng Thành ủy'],
    annexes: [
      {
        title: 'Phụ lục 1',
        subtitle: 'Danh sách đảng viên hoàn thành xuất sắc nhiệm vụ năm 2017',
        body: [
          {
            type: 'table',
            columns: [
              { header: 'TT', width: 10, align: 'center' },
              { header: 'Họ và tên', width: 45 },
              { header: 'Chi bộ', width: 45 },
            ],
            rows: [
              [1, 'Nguyễn Thị Thủy', 'Chi bộ Khối Dân'],
              [2, 'Lê Ngọc Ánh', 'Chi bộ Khối Đảng'],
            ],
          },
        ],
      },
    ],
    draft: false,
    ...overrides,
  };
}
