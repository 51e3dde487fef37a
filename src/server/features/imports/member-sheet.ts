// The members sheet (issue 2 item 5): its columns, the notes of the template, reading one row into
// a profile, and writing one member back as a row. Import, template and export share these
// columns, so an exported file re-imports unchanged.
import { unitCode as unitCodeSchema } from '../../../shared/contracts/org-units.js';
import { formatVietnameseDate } from '../../../shared/dates.js';
import { splitFullName } from '../../../shared/text.js';
import { GENDER_LABELS, MEMBER_STATUS_LABELS, type Gender, type MemberStatus } from '../../../shared/vocabulary.js';
import type { MemberRow } from '../../adapters/db/schema.js';
import type { CellValue } from '../../adapters/xlsx/read-sheet.js';
import type { OutCell } from '../../adapters/xlsx/write-sheet.js';
import { columnsByKey, readCardNumber, type Column, type ColumnIndex, type ProblemList, RowReader } from './cells.js';

export type MemberColumnKey =
  | 'stt'
  | 'fullName'
  | 'birthDate'
  | 'gender'
  | 'cardNumber'
  | 'admissionDate'
  | 'officialDate'
  | 'unitCode'
  | 'partyPosts'
  | 'governmentPosts'
  | 'isLeader'
  | 'isHead'
  | 'isCivilServant'
  | 'status';

const KEEP = 'Để trống: đảng viên mới thì chưa có; đảng viên đã có thì giữ nguyên thông tin đang lưu.';
const FLAG_CHOICES = ['x', 'có'];

export const MEMBER_COLUMNS: Column<MemberColumnKey>[] = [
  {
    key: 'stt',
    header: 'STT',
    width: 6,
    requiredHeader: false,
    required: 'Không',
    howTo: 'Số thứ tự, chỉ để tiện theo dõi; không được nhập vào hệ thống.',
  },
  {
    key: 'fullName',
    header: 'Họ và tên',
    width: 28,
    requiredHeader: true,
    text: true,
    required: 'Có',
    howTo: 'Họ, tên đệm và tên, cách nhau bởi dấu cách (ví dụ: Nguyễn Thị Thúy). Từ đầu là họ, từ cuối là tên, ở giữa là tên đệm.',
  },
  {
    key: 'birthDate',
    header: 'Ngày sinh',
    width: 12,
    requiredHeader: true,
    text: true,
    required: 'Không',
    howTo: `Dạng dd/mm/yyyy, ví dụ 05/12/1980. ${KEEP}`,
  },
  {
    key: 'gender',
    header: 'Giới tính',
    width: 10,
    requiredHeader: true,
    choices: Object.values(GENDER_LABELS),
    required: 'Không',
    howTo: `Nam hoặc Nữ. ${KEEP}`,
  },
  {
    key: 'cardNumber',
    header: 'Số thẻ đảng viên',
    width: 17,
    requiredHeader: true,
    text: true,
    required: 'Nên có',
    howTo:
      'Số thẻ đảng viên (4–20 chữ số, chữ cái, dấu chấm hoặc gạch). Dùng để nhận ra đảng viên đã có: nhập lại cùng tệp không tạo trùng. ' +
      'Đảng viên chưa có thẻ được nhận ra theo chi bộ, họ và tên, ngày sinh.',
  },
  {
    key: 'admissionDate',
    header: 'Ngày vào Đảng',
    width: 14,
    requiredHeader: true,
    text: true,
    required: 'Không',
    howTo: `Ngày kết nạp, dạng dd/mm/yyyy. ${KEEP}`,
  },
  {
    key: 'officialDate',
    header: 'Ngày chính thức',
    width: 15,
    requiredHeader: true,
    text: true,
    required: 'Không',
    howTo: `Ngày công nhận đảng viên chính thức, dạng dd/mm/yyyy; không được trước ngày vào Đảng. Để trống nếu còn là đảng viên dự bị. ${KEEP}`,
  },
  {
    key: 'unitCode',
    header: 'Mã chi bộ',
    width: 14,
    requiredHeader: true,
    text: true,
    required: 'Có',
    howTo:
      'Mã của chi bộ cơ sở hoặc chi bộ trực thuộc nơi đảng viên sinh hoạt (xem mã ở trang Tổ chức đảng). ' +
      'Đảng viên đã có mà ghi mã chi bộ khác thì được chuyển sinh hoạt sang chi bộ đó.',
  },
  {
    key: 'partyPosts',
    header: 'Chức vụ Đảng',
    width: 22,
    requiredHeader: true,
    text: true,
    required: 'Không',
    howTo: 'Ví dụ: Bí thư chi bộ. Để trống nếu không giữ chức vụ Đảng.',
  },
  {
    key: 'governmentPosts',
    header: 'Chức vụ chính quyền',
    width: 24,
    requiredHeader: true,
    text: true,
    required: 'Không',
    howTo: 'Chức vụ chính quyền, đoàn thể. Để trống nếu không có.',
  },
  {
    key: 'isLeader',
    header: 'Lãnh đạo quản lý',
    width: 12,
    requiredHeader: true,
    choices: FLAG_CHOICES,
    required: 'Không',
    howTo: 'Ghi "x" nếu là cán bộ lãnh đạo, quản lý; để trống nếu không.',
  },
  {
    key: 'isHead',
    header: 'Người đứng đầu',
    width: 12,
    requiredHeader: true,
    choices: FLAG_CHOICES,
    required: 'Không',
    howTo: 'Ghi "x" nếu là người đứng đầu cơ quan, đơn vị; để trống nếu không.',
  },
  {
    key: 'isCivilServant',
    header: 'Công chức',
    width: 11,
    requiredHeader: true,
    choices: FLAG_CHOICES,
    required: 'Không',
    howTo: 'Ghi "x" nếu là cán bộ, công chức, viên chức; để trống nếu không.',
  },
  {
    key: 'status',
    header: 'Trạng thái',
    width: 20,
    requiredHeader: false,
    choices: Object.values(MEMBER_STATUS_LABELS),
    required: 'Không',
    howTo: `Một trong: ${Object.values(MEMBER_STATUS_LABELS).join('; ')}. Để trống: đảng viên mới là "Đang sinh hoạt", đảng viên đã có giữ nguyên trạng thái.`,
  },
];

export const MEMBER_COLUMN = columnsByKey(MEMBER_COLUMNS);

export const MEMBER_SHEET_NAME = 'Đảng viên';

export interface MemberSheetRow {
  row: number;
  unitCode: string;
  familyName: string;
  middleName: string;
  givenName: string;
  /** Null: the cell was empty (a new member has none; an existing one keeps theirs). */
  birthDate: string | null;
  gender: Gender | null;
  cardNumber: string | null;
  admissionDate: string | null;
  officialDate: string | null;
  partyPosts: string | null;
  governmentPosts: string | null;
  isLeader: boolean;
  isHead: boolean;
  isCivilServant: boolean;
  status: MemberStatus | null;
}

/** Reads one row; returns null when the row has problems (they are added to `problems`). */
export function readMemberRow(
  index: ColumnIndex<MemberColumnKey>,
  row: number,
  cells: CellValue[],
  problems: ProblemList,
): MemberSheetRow | null {
  const before = problems.count;
  const r = new RowReader(MEMBER_COLUMN, index, row, cells, problems);
  const fullName = r.text('fullName', 182);
  const name = splitFullName(fullName);
  if (fullName === '') r.problem('fullName', 'Thiếu họ và tên.');
  else if (name.familyName === '') r.problem('fullName', `"${fullName}": cần ghi đủ họ và tên (ít nhất hai từ).`);
  else if (name.familyName.length > 50 || name.givenName.length > 50 || name.middleName.length > 80) {
    r.problem('fullName', 'Họ, tên đệm hoặc tên dài quá mức cho phép.');
  }
  const birthDate = r.date('birthDate');
  const gender = r.choice('gender', GENDER_LABELS, 'Giới tính');
  const cardNumber = readCardNumber(r, 'cardNumber') ?? null;
  const admissionDate = r.date('admissionDate');
  const officialDate = r.date('officialDate');
  const codeText = r.text('unitCode', 60);
  let unitCode = '';
  if (codeText === '') r.problem('unitCode', 'Thiếu mã chi bộ.');
  else {
    const parsed = unitCodeSchema.safeParse(codeText);
    if (parsed.success) unitCode = parsed.data;
    else r.problem('unitCode', `Mã chi bộ "${codeText}" không hợp lệ.`);
  }
  const partyPosts = r.text('partyPosts', 300) || null;
  const governmentPosts = r.text('governmentPosts', 300) || null;
  const isLeader = r.flag('isLeader');
  const isHead = r.flag('isHead');
  const isCivilServant = r.flag('isCivilServant');
  const status = r.choice('status', MEMBER_STATUS_LABELS, 'Trạng thái');
  if (problems.count > before) return null;
  return {
    row,
    unitCode,
    ...name,
    birthDate: birthDate ?? null,
    gender: gender ?? null,
    cardNumber,
    admissionDate: admissionDate ?? null,
    officialDate: officialDate ?? null,
    partyPosts,
    governmentPosts,
    isLeader,
    isHead,
    isCivilServant,
    status: status ?? null,
  };
}

const flag = (b: number) => (b === 1 ? 'x' : '');

/** One member as a row of the sheet: the same columns and notations the import reads. */
export function memberRowCells(stt: number, m: MemberRow, unitCode: string): OutCell[] {
  const cells: Record<MemberColumnKey, OutCell> = {
    stt,
    fullName: m.full_name,
    birthDate: formatVietnameseDate(m.birth_date) || null,
    gender: m.gender ? (GENDER_LABELS[m.gender as Gender] ?? null) : null,
    cardNumber: m.card_number,
    admissionDate: formatVietnameseDate(m.admission_date) || null,
    officialDate: formatVietnameseDate(m.official_date) || null,
    unitCode,
    partyPosts: m.party_posts,
    governmentPosts: m.government_posts,
    isLeader: flag(m.is_leader),
    isHead: flag(m.is_head),
    isCivilServant: flag(m.is_civil_servant),
    status: MEMBER_STATUS_LABELS[m.status as MemberStatus] ?? m.status,
  };
  return MEMBER_COLUMNS.map((c) => cells[c.key]);
}

export const MEMBER_TEMPLATE_REMARKS = [
  'Dòng đầu tiên của trang "Đảng viên" là tiêu đề cột: giữ nguyên tên các cột (có thể đổi thứ tự). Mỗi dòng tiếp theo là một đảng viên.',
  'Hệ thống kiểm tra toàn bộ tệp trước khi ghi. Nếu có dòng sai, không có dữ liệu nào được ghi; danh sách lỗi chỉ rõ dòng và cột cần sửa.',
  'Đảng viên đã có (cùng số thẻ) được cập nhật theo tệp; nhập lại cùng một tệp không làm thay đổi gì.',
  'Ngày ghi theo dạng dd/mm/yyyy (ngày/tháng/năm). Các cột ngày đã được định dạng văn bản để Excel không tự đổi ngày.',
];

export const MEMBER_EXAMPLE: OutCell[] = [
  1,
  'Nguyễn Thị Thúy',
  '05/12/1980',
  'Nữ',
  '0123456',
  '03/02/2005',
  '03/02/2006',
  'P01.C1',
  'Bí thư chi bộ',
  'Trưởng khối phố',
  'x',
  '',
  'x',
  'Đang sinh hoạt',
];
