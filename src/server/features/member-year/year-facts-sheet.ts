// The facts-of-the-year sheet (issue 3 item 5): its columns, the template's notes, and reading one
// row. One row per member, or several rows for a member with several disciplines (one discipline a
// row); the other columns need to be filled on one of that member's rows only.
import { CIVIL_SERVICE_RATING_LABELS } from '../../../shared/contracts/member-year.js';
import { DISCIPLINE_FORM_LABELS, LEVELS, type DisciplineForm, type Level } from '../../../shared/campaign-vocabulary.js';
import { foldForSearch } from '../../../shared/text.js';
import type { CellValue } from '../../adapters/xlsx/read-sheet.js';
import type { OutCell } from '../../adapters/xlsx/write-sheet.js';
import { columnsByKey, readCardNumber, type Column, type ColumnIndex, type ProblemList, RowReader } from '../imports/cells.js';

export type FactsColumnKey =
  | 'stt'
  | 'cardNumber'
  | 'memberId'
  | 'fullName'
  | 'civilServiceRating'
  | 'targetsCompletedPct'
  | 'sickLeaveDays'
  | 'maternityLeaveDays'
  | 'degradationConcluded'
  | 'degradationNote'
  | 'confidenceLowPct'
  | 'disciplineForm'
  | 'disciplineDate'
  | 'disciplineReason'
  | 'selfDetected'
  | 'remedied'
  | 'dutyRelated'
  | 'note';

const FLAG_CHOICES = ['x', 'có'];
const ONCE = 'Chỉ cần ghi ở một dòng của đảng viên; để trống nếu không có.';

/** Short names offices use for the grades ("HTXSNV" …), accepted beside the full labels. */
const RATING_SHORT: Record<string, Level> = { htxsnv: 'excellent', httnv: 'good', htnv: 'satisfactory', khtnv: 'unsatisfactory' };

export const FACTS_COLUMNS: Column<FactsColumnKey>[] = [
  { key: 'stt', header: 'STT', width: 6, requiredHeader: false, required: 'Không', howTo: 'Số thứ tự, chỉ để tiện theo dõi.' },
  {
    key: 'cardNumber',
    header: 'Số thẻ đảng viên',
    width: 17,
    requiredHeader: true,
    text: true,
    required: 'Có',
    howTo: 'Số thẻ đảng viên, để nhận ra đảng viên. Đảng viên chưa có thẻ: để trống và ghi cột "Mã đảng viên".',
  },
  {
    key: 'memberId',
    header: 'Mã đảng viên',
    width: 24,
    requiredHeader: false,
    text: true,
    required: 'Không',
    howTo: 'Mã của đảng viên trong hệ thống (xem ở trang đảng viên); chỉ cần khi đảng viên chưa có số thẻ.',
  },
  {
    key: 'fullName',
    header: 'Họ và tên',
    width: 26,
    requiredHeader: true,
    text: true,
    required: 'Nên có',
    howTo: 'Họ và tên của đảng viên, để đối chiếu: nếu không khớp với số thẻ, dòng bị báo lỗi.',
  },
  {
    key: 'civilServiceRating',
    header: 'Xếp loại công chức, viên chức',
    width: 26,
    requiredHeader: true,
    choices: Object.values(CIVIL_SERVICE_RATING_LABELS),
    required: 'Không',
    howTo: `Kết quả xếp loại cán bộ, công chức, viên chức trong năm: ${Object.values(CIVIL_SERVICE_RATING_LABELS).join('; ')} (hoặc HTXSNV, HTTNV, HTNV, KHTNV). ${ONCE}`,
  },
  {
    key: 'targetsCompletedPct',
    header: 'Tỷ lệ chỉ tiêu hoàn thành (%)',
    width: 16,
    requiredHeader: true,
    text: true,
    required: 'Không',
    howTo: `Tỷ lệ phần trăm chỉ tiêu, nhiệm vụ được giao đã hoàn thành, số nguyên từ 0 đến 100 (ví dụ 85). ${ONCE}`,
  },
  {
    key: 'sickLeaveDays',
    header: 'Số ngày nghỉ ốm',
    width: 12,
    requiredHeader: true,
    text: true,
    required: 'Không',
    howTo: `Tổng số ngày nghỉ ốm trong năm (số nguyên). ${ONCE}`,
  },
  {
    key: 'maternityLeaveDays',
    header: 'Số ngày nghỉ thai sản',
    width: 12,
    requiredHeader: true,
    text: true,
    required: 'Không',
    howTo: `Tổng số ngày nghỉ thai sản trong năm (số nguyên). ${ONCE}`,
  },
  {
    key: 'degradationConcluded',
    header: 'Bị kết luận suy thoái',
    width: 14,
    requiredHeader: true,
    choices: FLAG_CHOICES,
    required: 'Không',
    howTo: `Ghi "x" nếu cấp có thẩm quyền kết luận có biểu hiện suy thoái về tư tưởng chính trị, đạo đức, lối sống, "tự diễn biến", "tự chuyển hóa". ${ONCE}`,
  },
  {
    key: 'degradationNote',
    header: 'Nội dung kết luận suy thoái',
    width: 30,
    requiredHeader: true,
    text: true,
    required: 'Không',
    howTo: `Số, ngày văn bản kết luận và nội dung tóm tắt. ${ONCE}`,
  },
  {
    key: 'confidenceLowPct',
    header: 'Tỷ lệ phiếu tín nhiệm thấp (%)',
    width: 16,
    requiredHeader: true,
    text: true,
    required: 'Không',
    howTo: `Với cán bộ lãnh đạo, quản lý được lấy phiếu tín nhiệm trong năm: tỷ lệ phần trăm phiếu "tín nhiệm thấp", số nguyên từ 0 đến 100. ${ONCE}`,
  },
  {
    key: 'disciplineForm',
    header: 'Hình thức kỷ luật',
    width: 16,
    requiredHeader: true,
    choices: Object.values(DISCIPLINE_FORM_LABELS),
    required: 'Không',
    howTo: `Một trong: ${Object.values(DISCIPLINE_FORM_LABELS).join('; ')}. Mỗi dòng ghi một kỷ luật; đảng viên bị kỷ luật nhiều lần thì ghi nhiều dòng, mỗi dòng cùng số thẻ.`,
  },
  {
    key: 'disciplineDate',
    header: 'Ngày kỷ luật',
    width: 13,
    requiredHeader: true,
    text: true,
    required: 'Khi có kỷ luật',
    howTo: 'Ngày quyết định kỷ luật, dạng dd/mm/yyyy, trong năm đang nhập.',
  },
  {
    key: 'disciplineReason',
    header: 'Lý do kỷ luật',
    width: 30,
    requiredHeader: true,
    text: true,
    required: 'Không',
    howTo: 'Tóm tắt vi phạm bị kỷ luật.',
  },
  {
    key: 'selfDetected',
    header: 'Tự phát hiện',
    width: 11,
    requiredHeader: true,
    choices: FLAG_CHOICES,
    required: 'Không',
    howTo: 'Ghi "x" nếu đảng viên tự phát hiện vi phạm.',
  },
  {
    key: 'remedied',
    header: 'Đã khắc phục hậu quả',
    width: 13,
    requiredHeader: true,
    choices: FLAG_CHOICES,
    required: 'Không',
    howTo: 'Ghi "x" nếu đảng viên đã chủ động khắc phục hậu quả.',
  },
  {
    key: 'dutyRelated',
    header: 'Vi phạm liên quan thực thi nhiệm vụ',
    width: 16,
    requiredHeader: false,
    choices: FLAG_CHOICES,
    required: 'Không',
    howTo: 'Ghi "x" nếu vi phạm liên quan đến việc thực thi chức trách, nhiệm vụ (từ năm 2025, QĐ 366).',
  },
  {
    key: 'note',
    header: 'Ghi chú',
    width: 30,
    requiredHeader: true,
    text: true,
    required: 'Không',
    howTo: `Ghi chú khác của cấp ủy. ${ONCE}`,
  },
];

export const FACTS_COLUMN = columnsByKey(FACTS_COLUMNS);

export const FACTS_SHEET_NAME = 'Thông tin trong năm';

export const FACTS_TEMPLATE_REMARKS = [
  'Dòng đầu tiên của trang "Thông tin trong năm" là tiêu đề cột: giữ nguyên tên các cột (có thể đổi thứ tự). Mỗi dòng tiếp theo là một đảng viên.',
  'Đảng viên có nhiều kỷ luật trong năm: ghi mỗi kỷ luật một dòng, các dòng cùng số thẻ; các cột khác chỉ cần ghi ở một dòng (nếu ghi ở nhiều dòng thì phải giống nhau).',
  'Thông tin trong tệp thay thế toàn bộ thông tin trong năm đã ghi của các đảng viên có trong tệp; đảng viên không có trong tệp giữ nguyên. Nhập lại cùng một tệp không làm thay đổi gì.',
  'Năm và đơn vị được chọn khi nhập. Đảng viên phải thuộc đơn vị đã chọn và thuộc phạm vi cấp ủy của bạn.',
  'Hệ thống kiểm tra toàn bộ tệp trước khi ghi. Nếu có dòng sai, không có dữ liệu nào được ghi; danh sách lỗi chỉ rõ dòng và cột cần sửa.',
];

export const FACTS_EXAMPLE: OutCell[] = [
  1,
  '0123456',
  '',
  'Nguyễn Thị Thúy',
  'Hoàn thành tốt nhiệm vụ',
  '100',
  '5',
  '',
  '',
  '',
  '',
  'Khiển trách',
  '15/06/2025',
  'Vi phạm quy định về …',
  'x',
  'x',
  '',
  '',
];

export interface FactsSheetRow {
  row: number;
  cardNumber: string | null;
  memberId: string | null;
  fullName: string;
  /** Null: the cell was empty (another row of the member may give it). */
  civilServiceRating: Level | null;
  targetsCompletedPct: number | null;
  sickLeaveDays: number | null;
  maternityLeaveDays: number | null;
  degradationConcluded: boolean | null;
  degradationNote: string | null;
  confidenceLowPct: number | null;
  note: string | null;
  discipline: {
    form: DisciplineForm;
    date: string;
    reason: string | null;
    selfDetected: boolean;
    remedied: boolean;
    dutyRelated: boolean;
  } | null;
}

/** A whole number in [0, max] from a number cell or a typed text ("85", "85%"); null when empty. */
function wholeNumber(r: RowReader<FactsColumnKey>, key: FactsColumnKey, max: number, what: string): number | null | undefined {
  const v = r.raw(key);
  if (v === null) return null;
  const s = typeof v === 'number' ? String(v) : String(v).trim().replace(/%$/, '').trim().replace(',', '.');
  if (s === '') return null;
  const n = Number(s);
  if (!Number.isFinite(n) || !Number.isInteger(n) || n < 0 || n > max) {
    r.problem(key, `${what} "${String(v)}" không hợp lệ: cần là số nguyên từ 0 đến ${max}.`);
    return undefined;
  }
  return n;
}

/** x / có → true; không → false; empty → null (not said on this row). */
function optionalFlag(r: RowReader<FactsColumnKey>, key: FactsColumnKey): boolean | null {
  const v = r.raw(key);
  if (v === null || (typeof v === 'string' && v.trim() === '')) return null;
  return r.flag(key);
}

function rating(r: RowReader<FactsColumnKey>): Level | null | undefined {
  const s = r.text('civilServiceRating', 200);
  if (s === '') return null;
  const short = RATING_SHORT[foldForSearch(s).replace(/\s+/g, '')];
  if (short) return short;
  if ((LEVELS as readonly string[]).includes(s)) return s as Level;
  return r.choice('civilServiceRating', CIVIL_SERVICE_RATING_LABELS, 'Xếp loại công chức, viên chức');
}

const MEMBER_ID = /^[0-9a-z]{6,40}$/;

/** Reads one row; returns null when the row has problems (they are added to `problems`). */
export function readFactsRow(
  index: ColumnIndex<FactsColumnKey>,
  row: number,
  cells: CellValue[],
  problems: ProblemList,
): FactsSheetRow | null {
  const before = problems.count;
  const r = new RowReader(FACTS_COLUMN, index, row, cells, problems);

  const cardNumber = readCardNumber(r, 'cardNumber');
  const idText = r.text('memberId', 60);
  let memberId: string | null = null;
  if (idText !== '') {
    if (MEMBER_ID.test(idText)) memberId = idText;
    else r.problem('memberId', `Mã đảng viên "${idText}" không hợp lệ.`);
  }
  if (cardNumber === null && idText === '') r.problem('cardNumber', 'Thiếu số thẻ đảng viên (hoặc mã đảng viên).');
  const fullName = r.text('fullName', 182);

  const civilServiceRating = rating(r);
  const targetsCompletedPct = wholeNumber(r, 'targetsCompletedPct', 100, 'Tỷ lệ');
  const sickLeaveDays = wholeNumber(r, 'sickLeaveDays', 366, 'Số ngày');
  const maternityLeaveDays = wholeNumber(r, 'maternityLeaveDays', 366, 'Số ngày');
  const degradationConcluded = optionalFlag(r, 'degradationConcluded');
  const degradationNote = r.text('degradationNote', 1000) || null;
  const confidenceLowPct = wholeNumber(r, 'confidenceLowPct', 100, 'Tỷ lệ');
  const note = r.text('note', 2000) || null;

  const form = r.choice('disciplineForm', DISCIPLINE_FORM_LABELS, 'Hình thức kỷ luật');
  const date = r.date('disciplineDate');
  const reason = r.text('disciplineReason', 1000) || null;
  const selfDetected = optionalFlag(r, 'selfDetected');
  const remedied = optionalFlag(r, 'remedied');
  const dutyRelated = optionalFlag(r, 'dutyRelated');
  const saysDiscipline = form !== null || date !== null || reason !== null || selfDetected || remedied || dutyRelated;
  if (saysDiscipline && form === null) r.problem('disciplineForm', 'Thiếu hình thức kỷ luật cho kỷ luật ghi ở dòng này.');
  if (saysDiscipline && date === null) r.problem('disciplineDate', 'Thiếu ngày kỷ luật.');

  if (problems.count > before) return null;
  return {
    row,
    cardNumber: cardNumber ?? null,
    memberId,
    fullName,
    civilServiceRating: civilServiceRating ?? null,
    targetsCompletedPct: targetsCompletedPct ?? null,
    sickLeaveDays: sickLeaveDays ?? null,
    maternityLeaveDays: maternityLeaveDays ?? null,
    degradationConcluded,
    degradationNote,
    confidenceLowPct: confidenceLowPct ?? null,
    note,
    discipline:
      form && date
        ? { form, date, reason, selfDetected: selfDetected ?? false, remedied: remedied ?? false, dutyRelated: dutyRelated ?? false }
        : null,
  };
}

export const factsLayout = { sheetName: FACTS_SHEET_NAME, columns: FACTS_COLUMNS, readRow: readFactsRow };
