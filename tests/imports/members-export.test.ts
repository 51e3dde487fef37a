// Exporting a subtree's members to .xlsx (issue 2 item 5): roster order, the caller's scope, the
// import's columns (an export re-imports unchanged), and text that never becomes a formula.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../support/each-dialect.js';
import { makeMember } from '../support/factories.js';
import { counts, importFixture, MEMBER_HEADERS, readBack, upload, zipEntryText, type ImportFixture } from './support.js';

describeEachDialect('members export', (dialect) => {
  let f: ImportFixture;
  beforeAll(async () => {
    f = await importFixture(dialect);
    await makeMember(f.ctx.db, f.tree.cellA, '=SUM(A1) Thị Hoa', {
      partyPosts: '+cmd',
      governmentPosts: '@SUM(1+1)',
      cardNumber: null,
      birthDate: '1975-02-03',
    });
    await makeMember(f.ctx.db, f.tree.cellB, 'Tôn Nữ Minh Châu', { partyPosts: '-2+3', isLeader: true, status: 'deceased' });
  });
  afterAll(async () => {
    await f.db.drop();
  });

  it('streams the subtree in roster order with the template columns and a Vietnamese file name', async () => {
    const admin = await f.login('admin');
    const r = await admin.get(`/api/members/export?unit=${f.tree.ward.id}`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('spreadsheetml');
    expect(r.headers.get('cache-control')).toBe('no-store');
    const disposition = r.headers.get('content-disposition')!;
    expect(disposition).toMatch(/^attachment; filename="dang-vien-dang-bo-phuong-bac-ha-[0-9-]+\.xlsx"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1])).toMatch(/^Đảng viên - Đảng bộ phường Bắc Hà - \d\d-\d\d-\d{4}\.xlsx$/);
    const { rows, ws } = await readBack(Buffer.from(r.body as ArrayBuffer));
    expect(rows[0]).toEqual(MEMBER_HEADERS);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const names = rows.slice(1).map((row) => row[1]);
    // Roster order: by given name (An… Châu, Hoa, Hùng, Lan, Thủy, Thúy), then family and middle names.
    expect(names).toEqual(['Tôn Nữ Minh Châu', '=SUM(A1) Thị Hoa', 'Đặng Văn Hùng', 'Trần Thị Lan', 'Lê Thủy', 'Nguyễn Thị Thúy']);
    expect(rows.slice(1).map((row) => row[0])).toEqual([1, 2, 3, 4, 5, 6]);
    const chau = rows[1];
    expect(chau[7]).toBe('P01.C2');
    expect(chau[10]).toBe('x');
    expect(chau[13]).toBe('Từ trần');
    const hoa = rows[2];
    expect(hoa[2]).toBe('03/02/1975');
    expect(hoa[3]).toBe('Nữ');
  });

  it('writes text beginning with = + - @ as text, never as a formula', async () => {
    const admin = await f.login('admin');
    const r = await admin.get(`/api/members/export?unit=${f.tree.cellA.id}`);
    const content = Buffer.from(r.body as ArrayBuffer);
    const { ws } = await readBack(content);
    let hoaRow = 0;
    ws.eachRow((row, n) => {
      if (row.getCell(2).value === '=SUM(A1) Thị Hoa') hoaRow = n;
    });
    expect(hoaRow).toBeGreaterThan(1);
    const row = ws.getRow(hoaRow);
    for (const [col, text] of [
      [2, '=SUM(A1) Thị Hoa'],
      [9, '+cmd'],
      [10, '@SUM(1+1)'],
    ] as const) {
      expect(row.getCell(col).value).toBe(text);
      expect(row.getCell(col).type).toBe(3); // ExcelJS ValueType.String
      expect(row.getCell(col).formula).toBeUndefined();
    }
    const sheetXml = await zipEntryText(content, 'xl/worksheets/sheet1.xml');
    expect(sheetXml).not.toContain('<f>');
    expect(sheetXml).not.toContain('<f ');
  });

  it('re-imports unchanged', async () => {
    const admin = await f.login('admin');
    const exported = await admin.get(`/api/members/export?unit=${f.tree.committee.id}`);
    const before = await counts(f.ctx);
    const r = await upload(admin, '/api/imports/members', Buffer.from(exported.body as ArrayBuffer));
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.summary).toEqual({ created: 0, updated: 0, unchanged: 7 });
    expect(await counts(f.ctx)).toEqual(before);
  });

  it('exports only what the caller may read', async () => {
    const secretary = await f.login('bithu.c1');
    const own = await secretary.get(`/api/members/export?unit=${f.tree.cellA.id}`);
    expect(own.status).toBe(200);
    const { rows } = await readBack(Buffer.from(own.body as ArrayBuffer));
    expect(rows.slice(1).map((row) => row[1])).toEqual(['=SUM(A1) Thị Hoa', 'Đặng Văn Hùng', 'Nguyễn Thị Thúy']);
    // Another chi bộ, or the ward above: refused, nothing leaks.
    expect((await secretary.get(`/api/members/export?unit=${f.tree.cellB.id}`)).status).toBe(404);
    expect((await secretary.get(`/api/members/export?unit=${f.tree.ward.id}`)).status).toBe(404);
    // A member sees their own profile, never a list.
    const member = await f.login('dangvien.thuy');
    const m = await member.get(`/api/members/export?unit=${f.tree.cellA.id}`);
    expect(m.status).toBe(403);
    expect(m.body.error.code).toBe('auth.forbidden');
    const anonymous = await (await import('../support/http.js')).TestClient.for(f.ctx).get(`/api/members/export?unit=${f.tree.cellA.id}`);
    expect(anonymous.status).toBe(401);
  });
});
