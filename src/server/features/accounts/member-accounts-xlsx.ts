// The handout of members' first logins (issue 2 item 6): one row per new account, the header
// frozen, and a note that the passwords exist nowhere else.
import ExcelJS from 'exceljs';
import { formatVietnameseDate } from '../../../shared/dates.js';
import type { IssuedMemberAccount } from './create-member-accounts.js';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const MEMBER_ACCOUNT_HEADERS = ['STT', 'Họ và tên', 'Chi bộ', 'Tên đăng nhập', 'Mật khẩu ban đầu'] as const;
/** Row of the column headers: a title and a note come first. */
export const MEMBER_ACCOUNT_HEADER_ROW = 3;

/** Vietnam keeps UTC+7 all year: the date printed on the handout is the local one. */
function vietnamDate(isoInstant: string): string {
  return new Date(Date.parse(isoInstant) + 7 * 3600_000).toISOString().slice(0, 10);
}

export async function memberAccountsWorkbook(unitName: string, issued: IssuedMemberAccount[], createdAt: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Tự soi';
  wb.created = new Date(createdAt);
  const ws = wb.addWorksheet('Tài khoản', { views: [{ state: 'frozen', ySplit: MEMBER_ACCOUNT_HEADER_ROW }] });
  ws.columns = [{ width: 6 }, { width: 30 }, { width: 40 }, { width: 26 }, { width: 20 }];

  ws.mergeCells(1, 1, 1, 5);
  const title = ws.getCell(1, 1);
  title.value = `DANH SÁCH TÀI KHOẢN ĐẢNG VIÊN — ${unitName.toUpperCase()}`;
  title.font = { bold: true, size: 13 };
  title.alignment = { horizontal: 'center' };

  ws.mergeCells(2, 1, 2, 5);
  const note = ws.getCell(2, 1);
  note.value =
    `Lập ngày ${formatVietnameseDate(vietnamDate(createdAt))}. ` +
    'Mật khẩu ban đầu chỉ có trong tệp này: hệ thống không lưu mật khẩu ở dạng đọc được nên không thể xem lại. ' +
    'Đảng viên phải đổi mật khẩu ở lần đăng nhập đầu tiên. Giao tận tay từng người và bảo quản tệp như tài liệu mật.' +
    (issued.length === 0 ? ' Không có đảng viên nào cần tạo tài khoản.' : '');
  note.alignment = { wrapText: true, vertical: 'top' };
  note.font = { italic: true, color: { argb: 'FF9C0006' } };
  ws.getRow(2).height = 48;

  const header = ws.getRow(MEMBER_ACCOUNT_HEADER_ROW);
  header.values = [...MEMBER_ACCOUNT_HEADERS];
  header.font = { bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
  });

  issued.forEach((a, i) => {
    const row = ws.addRow([i + 1, a.fullName, a.unitName, a.username, a.password]);
    // Text cells: a password like "abcdef2345" must never be turned into a number or a date.
    row.getCell(4).numFmt = '@';
    row.getCell(5).numFmt = '@';
    row.getCell(5).font = { name: 'Courier New' };
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
