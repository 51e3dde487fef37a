// Bad imports: wrong headers, bad rows, bad files, zip bombs and callers without the right. Each
// gives a Vietnamese error (with row and column where there is one) and leaves the database as it was.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../support/each-dialect.js';
import { makeAccount } from '../support/factories.js';
import { TestClient } from '../support/http.js';
import {
  counts,
  deflatedZeros,
  handZip,
  importFixture,
  memberRow,
  MEMBER_HEADERS,
  stored,
  upload,
  xlsx,
  xlsxSkeleton,
  type ImportFixture,
} from './support.js';

const H = {
  name: 'Họ và tên',
  birth: 'Ngày sinh',
  gender: 'Giới tính',
  card: 'Số thẻ đảng viên',
  admission: 'Ngày vào Đảng',
  official: 'Ngày chính thức',
  cell: 'Mã chi bộ',
  status: 'Trạng thái',
};
const VIETNAMESE = /[àáảãạăâđèéêìíòóôơùúưỳý]/i;

describeEachDialect('members import refusals', (dialect) => {
  let f: ImportFixture;
  let admin: TestClient;
  beforeAll(async () => {
    f = await importFixture(dialect, { maxUploadBytes: 300_000 });
    admin = await f.login('admin');
  });
  afterAll(async () => {
    await f.db.drop();
  });

  /** Runs a request and checks that no table the import writes has changed. */
  async function unchanged<T>(action: () => Promise<T>): Promise<T> {
    const before = await counts(f.ctx);
    const result = await action();
    expect(await counts(f.ctx)).toEqual(before);
    return result;
  }

  it('refuses wrong headers, listing the expected ones', async () => {
    const headers = MEMBER_HEADERS.filter((h) => h !== 'Mã chi bộ').map((h) => (h === 'Ngày sinh' ? 'Ngay sinh nhat' : h));
    const r = await unchanged(async () => upload(admin, '/api/imports/members', await xlsx(headers, [[1, 'Nguyễn Văn A']])));
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('import.wrong_headers');
    expect(r.body.error.message).toContain('Thiếu cột: Ngày sinh, Mã chi bộ');
    expect(r.body.error.message).toContain(MEMBER_HEADERS.join(', '));
    expect(r.body.error.details.missing).toEqual(['Ngày sinh', 'Mã chi bộ']);
    expect(r.body.error.details.expected).toEqual(MEMBER_HEADERS);
  });

  it('reports every bad row by row and column, and writes nothing — not even the good rows', async () => {
    const rows = [
      memberRow({ [H.card]: '08000', [H.cell]: 'P01.C1' }), // 2: no name
      memberRow({ [H.name]: 'Lê Văn Tám', [H.birth]: '31/02/1980', [H.cell]: 'P01.C1' }), // 3: impossible date
      memberRow({ [H.name]: 'Lê Văn Chín', [H.birth]: '1980-13-01x', [H.cell]: 'P01.C1' }), // 4: not dd/mm/yyyy
      memberRow({ [H.name]: 'Lê Thị Mười', [H.admission]: '01/06/2010', [H.official]: '01/06/2009', [H.cell]: 'P01.C1' }), // 5: official before admission
      memberRow({ [H.name]: 'Phan Văn Một', [H.cell]: 'XX99' }), // 6: unknown chi bộ
      memberRow({ [H.name]: 'Phan Văn Hai', [H.cell]: 'P01' }), // 7: a đảng bộ, not a chi bộ
      memberRow({ [H.name]: 'Vũ Văn Ba', [H.card]: '08001', [H.cell]: 'P01.C1' }), // 8
      memberRow({ [H.name]: 'Vũ Văn Bốn', [H.card]: '08001', [H.cell]: 'P01.C2' }), // 9: duplicate card
      memberRow({ [H.name]: 'Vũ Thị Năm', [H.gender]: 'Khác', [H.cell]: 'P01.C1' }), // 10: unknown gender
      memberRow({ [H.name]: 'Sáu', [H.cell]: 'P01.C1' }), // 11: one word
      memberRow({ [H.name]: 'Vũ Văn Bảy', [H.cell]: 'P01.C1', [H.status]: 'Nghỉ hưu' }), // 12: unknown status
      memberRow({ [H.name]: 'Trịnh Văn Đúng', [H.card]: '08002', [H.cell]: 'P01.C2' }), // 13: valid
    ];
    const r = await unchanged(async () => upload(admin, '/api/imports/members', await xlsx(MEMBER_HEADERS, rows)));
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('import.invalid_rows');
    expect(r.body.error.message).toContain('chưa có dữ liệu nào được ghi');
    const problems = r.body.error.details.problems as { row: number; column: string; message: string }[];
    const at = (row: number, column: string) => problems.filter((p) => p.row === row && p.column === column);
    expect(at(2, 'Họ và tên')[0].message).toBe('Thiếu họ và tên.');
    expect(at(3, 'Ngày sinh')[0].message).toContain('"31/02/1980" không hợp lệ');
    expect(at(4, 'Ngày sinh')[0].message).toContain('dd/mm/yyyy');
    expect(at(5, 'Ngày chính thức')[0].message).toContain('không thể trước ngày vào Đảng');
    expect(at(6, 'Mã chi bộ')[0].message).toBe('Không tìm thấy chi bộ có mã "XX99".');
    expect(at(7, 'Mã chi bộ')[0].message).toContain('không phải chi bộ');
    expect(at(9, 'Số thẻ đảng viên')[0].message).toBe('Số thẻ 08001 trùng với dòng 8.');
    expect(at(10, 'Giới tính')[0].message).toContain('"Khác" không có trong danh sách');
    expect(at(11, 'Họ và tên')[0].message).toContain('ít nhất hai từ');
    expect(at(12, 'Trạng thái')[0].message).toContain('"Nghỉ hưu" không có trong danh sách');
    expect(problems.filter((p) => [8, 13].includes(p.row))).toEqual([]);
    expect(r.body.error.details.problemCount).toBe(problems.length);
    for (const p of problems) expect(p.message).toMatch(VIETNAMESE);
  });

  it('refuses a file that is not an .xlsx, an old .xls, a plain zip, and a corrupt zip', async () => {
    const text = await unchanged(() =>
      upload(admin, '/api/imports/members', Buffer.from('Họ và tên;Ngày sinh\nNguyễn Văn A;01/01/1980\n'), {}, 'ds.csv'),
    );
    expect(text.status).toBe(400);
    expect(text.body.error.code).toBe('import.invalid_file');
    expect(text.body.error.message).toContain('không phải là tệp Excel (.xlsx)');

    const xls = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(2000)]);
    const old = await unchanged(() => upload(admin, '/api/imports/members', xls, {}, 'ds.xls'));
    expect(old.body.error.code).toBe('import.invalid_file');
    expect(old.body.error.message).toContain('.xls');

    const plainZip = handZip([stored('ghi-chu.txt', 'xin chào')]);
    const zip = await unchanged(() => upload(admin, '/api/imports/members', plainZip, {}, 'ds.zip'));
    expect(zip.body.error.code).toBe('import.invalid_file');
    expect(zip.body.error.message).toContain('không phải là bảng tính Excel');

    const good = await xlsx(MEMBER_HEADERS, [memberRow({ [H.name]: 'Nguyễn Văn A', [H.cell]: 'P01.C1' })]);
    const truncated = good.subarray(0, Math.floor(good.length * 0.6));
    const cut = await unchanged(() => upload(admin, '/api/imports/members', truncated));
    expect(cut.status).toBe(400);
    expect(cut.body.error.code).toBe('import.invalid_file');
    expect(cut.body.error.message).toContain('Tệp bị hỏng');

    // Same length, but the compressed bytes in the middle of the file are garbage.
    const garbled = Buffer.from(good);
    for (let i = 400; i < Math.min(garbled.length - 2000, 3000); i++) garbled[i] = (garbled[i] * 31 + 7) & 0xff;
    const bad = await unchanged(() => upload(admin, '/api/imports/members', garbled));
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('import.invalid_file');
  });

  it('asks for the file when the form has none', async () => {
    const form = new FormData();
    form.append('unitId', f.tree.cellA.id);
    const r = await unchanged(() => admin.request('POST', '/api/imports/members', form));
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('request.invalid');
    expect(r.body.error.message).toContain('Chưa chọn tệp Excel');
    const badUnit = await unchanged(async () => upload(admin, '/api/imports/members', await xlsx(MEMBER_HEADERS, []), { unitId: '../x' }));
    expect(badUnit.status).toBe(400);
  });

  it('refuses zip bombs without inflating them into memory', async () => {
    const rssBefore = process.memoryUsage().rss;
    // 1. A real bomb: 150 MB of zeros that deflate to ~150 KB (ratio ~1000).
    const zeros = await deflatedZeros(150 * 1024 * 1024);
    expect(zeros.length).toBeLessThan(300_000);
    const bomb = handZip([
      ...xlsxSkeleton(),
      { name: 'xl/worksheets/sheet1.xml', data: zeros, method: 8, uncompressedSize: 150 * 1024 * 1024 },
    ]);
    const r1 = await unchanged(() => upload(admin, '/api/imports/members', bomb));
    expect(r1.status).toBe(400);
    expect(r1.body.error.code).toBe('import.invalid_file');
    expect(r1.body.error.message).toContain('zip bomb');

    // 2. A tiny file whose central directory declares 3 GB.
    const declared = handZip([
      ...xlsxSkeleton(),
      { name: 'xl/worksheets/sheet1.xml', data: zeros.subarray(0, 1000), method: 8, uncompressedSize: 3_000_000_000 },
    ]);
    const r2 = await unchanged(() => upload(admin, '/api/imports/members', declared));
    expect(r2.status).toBe(413);
    expect(r2.body.error.code).toBe('import.too_large');
    expect(r2.body.error.message).toContain('sau khi giải nén vượt quá 200 MB');

    // 3. A liar: declares 2 KB but inflates to 150 MB; reading stops at the 2 KB it promised.
    const liar = handZip([...xlsxSkeleton(), { name: 'xl/worksheets/sheet1.xml', data: zeros, method: 8, uncompressedSize: 2048 }]);
    const r3 = await unchanged(() => upload(admin, '/api/imports/members', liar));
    expect(r3.status).toBe(400);
    expect(r3.body.error.code).toBe('import.invalid_file');

    // 4. Data hidden between entries (a streaming reader would inflate it, the directory hides it).
    const entries = xlsxSkeleton();
    const hidden = handZip(entries);
    const withGap = Buffer.concat([
      hidden.subarray(0, 30 + 19 + entries[0].data.length),
      Buffer.alloc(5000),
      hidden.subarray(30 + 19 + entries[0].data.length),
    ]);
    // Patch the second entry's offset and the directory offset for the 5000 inserted bytes.
    const cdStart = withGap.readUInt32LE(withGap.length - 22 + 16) + 5000;
    withGap.writeUInt32LE(cdStart, withGap.length - 22 + 16);
    const secondCentral = cdStart + 46 + 19;
    withGap.writeUInt32LE(withGap.readUInt32LE(secondCentral + 42) + 5000, secondCentral + 42);
    const r4 = await unchanged(() => upload(admin, '/api/imports/members', withGap));
    expect(r4.body.error.code).toBe('import.invalid_file');
    expect(r4.body.error.message).toContain('bất thường');

    // None of this held the 150 MB in memory.
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(120 * 1024 * 1024);
  });

  it('refuses files above the upload limit with 413 and a Vietnamese message', async () => {
    const big = Buffer.alloc(320_000, 1);
    big.write('PK\u0003\u0004', 0, 'latin1');
    const r = await unchanged(() => upload(admin, '/api/imports/members', big));
    expect(r.status).toBe(413);
    expect(r.body.error.code).toBe('import.too_large');
    expect(r.body.error.message).toBe('Tệp Excel quá lớn (313 KB); tối đa 293 KB.');
    // Far above the limit the request body itself is refused before any parsing.
    const huge = await unchanged(() => upload(admin, '/api/imports/members', Buffer.alloc(1_000_000, 1)));
    expect(huge.status).toBe(413);
    expect(huge.body.error.message).toMatch(VIETNAMESE);
  });

  it('lets only writers import, each inside their subtree', async () => {
    const file = await xlsx(MEMBER_HEADERS, [memberRow({ [H.name]: 'Ngô Văn Trường', [H.card]: '07001', [H.cell]: 'S01' })]);
    // A member and a chi bộ secretary have no write right anywhere (design §2).
    for (const username of ['dangvien.thuy', 'bithu.c1', 'thuongtruc', 'vanphong']) {
      const c = await f.login(username);
      const r = await unchanged(() => upload(c, '/api/imports/members', file));
      expect(r.status, username).toBe(403);
      expect(r.body.error.code).toBe('auth.forbidden');
    }
    // Anonymous: 401.
    const anon = await unchanged(() => upload(TestClient.for(f.ctx), '/api/imports/members', file));
    expect(anon.status).toBe(401);
    // The ward's committee cannot import into the school's chi bộ, nor aim at it.
    const ward = await f.login('capuy.p01');
    const outside = await unchanged(() => upload(ward, '/api/imports/members', file));
    expect(outside.status).toBe(422);
    // The school is outside what the ward's committee may even see: it is reported as unknown.
    expect(outside.body.error.details.problems).toEqual([{ row: 2, column: 'Mã chi bộ', message: 'Không tìm thấy chi bộ có mã "S01".' }]);
    // Someone who may read the school (standing over the committee) but write only the ward is told why.
    await makeAccount(f.ctx.db, {
      username: 'capuy.thuongtruc',
      grants: [
        { role: 'standing', unit: f.tree.committee },
        { role: 'unit_committee', unit: f.tree.ward },
      ],
    });
    const mixed = await f.login('capuy.thuongtruc');
    const readOnly = await unchanged(() => upload(mixed, '/api/imports/members', file));
    expect(readOnly.status).toBe(422);
    expect(readOnly.body.error.details.problems).toEqual([
      { row: 2, column: 'Mã chi bộ', message: 'Chi bộ "Chi bộ Trường THPT Phan Đình Phùng" (S01) nằm ngoài phạm vi bạn được cập nhật.' },
    ]);
    const aimed = await unchanged(() => upload(ward, '/api/imports/members', file, { unitId: f.tree.school.id }));
    expect(aimed.status).toBe(404);
    expect(aimed.body.error.code).toBe('org_unit.not_found');
    const aimedReadOnly = await unchanged(() => upload(mixed, '/api/imports/members', file, { unitId: f.tree.school.id }));
    expect(aimedReadOnly.status).toBe(403);
    expect(aimedReadOnly.body.error.message).toContain('không có quyền cập nhật');
    // … nor take over a member of the school by writing their card number in a ward row.
    const card = f.tree.members.school1.cardNumber!;
    const hijack = await xlsx(MEMBER_HEADERS, [memberRow({ [H.name]: 'Phạm Văn An', [H.card]: card, [H.cell]: 'P01.C1' })]);
    const r = await unchanged(() => upload(ward, '/api/imports/members', hijack));
    expect(r.status).toBe(422);
    expect(r.body.error.details.problems[0]).toEqual({
      row: 2,
      column: 'Số thẻ đảng viên',
      message: `Số thẻ ${card} đã thuộc một đảng viên ngoài phạm vi bạn được cập nhật.`,
    });
    // An admin who restricts the import to the ward gets the school row refused.
    const restricted = await unchanged(() => upload(admin, '/api/imports/members', file, { unitId: f.tree.ward.id }));
    expect(restricted.status).toBe(422);
    expect(restricted.body.error.details.problems[0].message).toContain('không thuộc "Đảng bộ phường Bắc Hà"');
    // Inside their subtree the ward's committee imports.
    const own = await xlsx(MEMBER_HEADERS, [memberRow({ [H.name]: 'Ngô Văn Trường', [H.card]: '07001', [H.cell]: 'P01.C2' })]);
    const ok = await upload(ward, '/api/imports/members', own);
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.summary.created).toBe(1);
  });
});
