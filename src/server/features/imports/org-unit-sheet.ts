// The org-units sheet (issue 2 item 5: "a committee's tree from .xlsx: code, name, kind, sector,
// parent code"): columns, template notes and reading one row.
import { unitCode as unitCodeSchema } from '../../../shared/contracts/org-units.js';
import { ORG_KIND_LABELS, SECTOR_LABELS, type OrgKind, type Sector } from '../../../shared/vocabulary.js';
import type { CellValue } from '../../adapters/xlsx/read-sheet.js';
import type { OutCell } from '../../adapters/xlsx/write-sheet.js';
import { columnsByKey, type Column, type ColumnIndex, type ProblemList, RowReader } from './cells.js';

export type OrgUnitColumnKey = 'code' | 'name' | 'kind' | 'sector' | 'parentCode' | 'validFrom';

export const ORG_UNIT_COLUMNS: Column<OrgUnitColumnKey>[] = [
  {
    key: 'code',
    header: 'Mã',
    width: 14,
    requiredHeader: true,
    text: true,
    required: 'Có',
    howTo:
      'Mã duy nhất của tổ chức đảng (chữ không dấu, số, dấu chấm, gạch; tối đa 40 ký tự), ví dụ P01 hoặc P01.C1. ' +
      'Mã đã có trong hệ thống thì tổ chức đó được cập nhật tên, khối, ngày thành lập.',
  },
  {
    key: 'name',
    header: 'Tên',
    width: 40,
    requiredHeader: true,
    text: true,
    required: 'Có',
    howTo: 'Tên đầy đủ, ví dụ: Đảng bộ phường Bắc Hà.',
  },
  {
    key: 'kind',
    header: 'Loại',
    width: 24,
    requiredHeader: true,
    choices: Object.values(ORG_KIND_LABELS),
    required: 'Có',
    howTo:
      `Một trong: ${Object.values(ORG_KIND_LABELS).join('; ')}. Chi bộ cơ sở trực thuộc cấp ủy cấp trên cơ sở; ` +
      'chi bộ trực thuộc nằm trong đảng bộ cơ sở hoặc đảng bộ bộ phận.',
  },
  {
    key: 'sector',
    header: 'Khối/lĩnh vực',
    width: 20,
    requiredHeader: true,
    choices: Object.values(SECTOR_LABELS),
    required: 'Không',
    howTo: `Một trong: ${Object.values(SECTOR_LABELS).join('; ')}.`,
  },
  {
    key: 'parentCode',
    header: 'Mã đơn vị cấp trên',
    width: 18,
    requiredHeader: true,
    text: true,
    required: 'Có*',
    howTo:
      'Mã của tổ chức cấp trên: một tổ chức đã có trong hệ thống hoặc một dòng khác của tệp (trước hay sau đều được). ' +
      '*Để trống: thuộc tổ chức cấp trên đã chọn khi nhập tệp.',
  },
  {
    key: 'validFrom',
    header: 'Ngày thành lập',
    width: 15,
    requiredHeader: false,
    text: true,
    required: 'Không',
    howTo: 'Dạng dd/mm/yyyy. Để trống nếu không rõ.',
  },
];

export const ORG_UNIT_COLUMN = columnsByKey(ORG_UNIT_COLUMNS);

export const ORG_UNIT_SHEET_NAME = 'Tổ chức đảng';

export interface OrgUnitSheetRow {
  row: number;
  code: string;
  name: string;
  kind: OrgKind;
  sector: Sector | null;
  /** Null: under the unit chosen for the import (or, for an existing unit, where it is). */
  parentCode: string | null;
  validFrom: string | null;
}

export function readOrgUnitRow(
  index: ColumnIndex<OrgUnitColumnKey>,
  row: number,
  cells: CellValue[],
  problems: ProblemList,
): OrgUnitSheetRow | null {
  const before = problems.count;
  const r = new RowReader(ORG_UNIT_COLUMN, index, row, cells, problems);
  const code = readCode(r, 'code', 'Thiếu mã tổ chức đảng.');
  const name = r.text('name', 200);
  if (name === '') r.problem('name', 'Thiếu tên tổ chức đảng.');
  const kind = r.choice('kind', ORG_KIND_LABELS, 'Loại');
  if (kind === null) r.problem('kind', 'Thiếu loại tổ chức đảng.');
  const sector = r.choice('sector', SECTOR_LABELS, 'Khối/lĩnh vực');
  const parentCode = readCode(r, 'parentCode', null);
  if (code && parentCode === code) r.problem('parentCode', 'Tổ chức không thể là cấp trên của chính nó.');
  const validFrom = r.date('validFrom');
  if (problems.count > before || !code || !kind) return null;
  return { row, code, name, kind, sector: sector ?? null, parentCode: parentCode || null, validFrom: validFrom ?? null };
}

function readCode(r: RowReader<OrgUnitColumnKey>, key: 'code' | 'parentCode', missing: string | null): string {
  const text = r.text(key, 60);
  if (text === '') {
    if (missing) r.problem(key, missing);
    return '';
  }
  const parsed = unitCodeSchema.safeParse(text);
  if (parsed.success) return parsed.data;
  r.problem(key, `Mã "${text}" không hợp lệ: chỉ gồm chữ không dấu, số, dấu chấm, gạch (tối đa 40 ký tự).`);
  return '';
}

export const ORG_UNIT_TEMPLATE_REMARKS = [
  'Dòng đầu tiên của trang "Tổ chức đảng" là tiêu đề cột: giữ nguyên tên các cột (có thể đổi thứ tự). Mỗi dòng tiếp theo là một tổ chức đảng.',
  'Hệ thống dựng cây từ cột "Mã đơn vị cấp trên" của cả tệp và kiểm tra mọi dòng trước khi ghi: loại tổ chức phải phù hợp với cấp trên, mã không được trùng. ' +
    'Nếu có dòng sai, không có dữ liệu nào được ghi.',
  'Tệp chỉ thêm mới hoặc cập nhật tên, khối, ngày thành lập; việc chuyển tổ chức sang cấp trên khác hay hợp nhất làm ở trang Tổ chức đảng.',
];

export const ORG_UNIT_EXAMPLE: OutCell[] = [
  'P01',
  'Đảng bộ phường Bắc Hà',
  ORG_KIND_LABELS.grassroots_party,
  SECTOR_LABELS.ward,
  'TU',
  '15/03/1976',
];
