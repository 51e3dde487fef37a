// Importing members from .xlsx through HTTP, on both databases (issue 2 item 5).
import { afterAll, beforeAll, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { deriveNameColumns } from '../../src/server/domain/member-profile.js';
import { foldForSearch, rosterSortKey } from '../../src/shared/text.js';
import { describeEachDialect } from '../support/each-dialect.js';
import { TestClient } from '../support/http.js';
import { counts, importFixture, memberRow, MEMBER_HEADERS, readBack, upload, xlsx, type ImportFixture } from './support.js';

const H = {
  name: 'Họ và tên',
  birth: 'Ngày sinh',
  gender: 'Giới tính',
  card: 'Số thẻ đảng viên',
  admission: 'Ngày vào Đảng',
  official: 'Ngày chính thức',
  cell: 'Mã chi bộ',
  party: 'Chức vụ Đảng',
  gov: 'Chức vụ chính quyền',
  leader: 'Lãnh đạo quản lý',
  head: 'Người đứng đầu',
  civil: 'Công chức',
  status: 'Trạng thái',
};

function validRows() {
  return [
    memberRow({
      STT: 1,
      [H.name]: 'Hoàng Thị Thúy',
      [H.birth]: '12/03/1985',
      [H.gender]: 'Nữ',
      [H.card]: '09001',
      [H.admission]: '02/09/2010',
      [H.official]: '02/09/2011',
      [H.cell]: 'P01.C1',
      [H.party]: 'Chi ủy viên',
      [H.civil]: 'x',
    }),
    memberRow({
      STT: 2,
      [H.name]: 'Đỗ Văn Bình',
      [H.birth]: '01/01/1970',
      [H.gender]: 'Nam',
      [H.card]: '09002',
      [H.admission]: '19/05/1995',
      [H.official]: '19/05/1996',
      [H.cell]: 'p01.c2',
      [H.leader]: 'x',
      [H.head]: 'có',
    }),
    memberRow({
      STT: 3,
      [H.name]: 'Tôn Nữ Minh Châu',
      [H.birth]: new Date(Date.UTC(1990, 6, 15)),
      [H.gender]: 'nữ',
      [H.card]: '09003',
      [H.admission]: '03/02/2015',
      [H.cell]: 'S01',
      [H.status]: 'Miễn sinh hoạt',
    }),
  ];
}

describeEachDialect('members import', (dialect) => {
  let f: ImportFixture;
  beforeAll(async () => {
    f = await importFixture(dialect);
  });
  afterAll(async () => {
    await f.db.drop();
  });

  it('gives a template with the import headers, styled and frozen, and a notes sheet', async () => {
    const admin = await f.login('admin');
    const r = await admin.get('/api/imports/members/template');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('spreadsheetml');
    expect(r.headers.get('content-disposition')).toContain(
      "filename*=UTF-8''M%E1%BA%ABu%20nh%E1%BA%ADp%20%C4%91%E1%BA%A3ng%20vi%C3%AAn.xlsx",
    );
    const { sheets, rows, ws } = await readBack(Buffer.from(r.body as ArrayBuffer));
    expect(sheets).toEqual(['Đảng viên', 'Hướng dẫn']);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toEqual(MEMBER_HEADERS);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getRow(1).getCell(2).font?.bold).toBe(true);
    expect(ws.getColumn(2).width).toBeGreaterThan(20);
    // The template re-imports: its header passes, and with no rows the answer says so.
    const back = await upload(admin, '/api/imports/members', Buffer.from(r.body as ArrayBuffer));
    expect(back.status).toBe(422);
    expect(back.body.error.code).toBe('import.empty_file');
  });

  it('imports valid rows: members with names split, search and sort columns, histories and audit', async () => {
    const admin = await f.login('admin');
    const before = await counts(f.ctx);
    const r = await upload(admin, '/api/imports/members', await xlsx(MEMBER_HEADERS, validRows()));
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toEqual({ mode: 'done', summary: { created: 3, updated: 0, unchanged: 0 } });
    const after = await counts(f.ctx);
    expect(after.members - before.members).toBe(3);
    expect(after.statusHistory - before.statusHistory).toBe(3);
    expect(after.unitHistory - before.unitHistory).toBe(3);
    expect(after.audit - before.audit).toBe(3);

    const thuy = await f.ctx.db.selectFrom('members').selectAll().where('card_number', '=', '09001').executeTakeFirstOrThrow();
    expect([thuy.family_name, thuy.middle_name, thuy.given_name]).toEqual(['Hoàng', 'Thị', 'Thúy']);
    expect(thuy.name_search).toBe(deriveNameColumns({ familyName: 'Hoàng', middleName: 'Thị', givenName: 'Thúy' }).nameSearch);
    expect(thuy.name_search).toContain(foldForSearch('Hoàng Thị Thúy'));
    expect(thuy.sort_key).toBe(rosterSortKey({ familyName: 'Hoàng', middleName: 'Thị', givenName: 'Thúy' }));
    expect(thuy.birth_date).toBe('1985-03-12');
    expect(thuy.gender).toBe('female');
    expect(thuy.unit_id).toBe(f.tree.cellA.id);
    expect(thuy.unit_path).toBe(f.tree.cellA.path);
    expect(thuy.is_civil_servant).toBe(1);
    expect(thuy.status).toBe('active');
    const binh = await f.ctx.db.selectFrom('members').selectAll().where('card_number', '=', '09002').executeTakeFirstOrThrow();
    expect(binh.unit_id).toBe(f.tree.cellB.id); // the code matched case-insensitively
    expect([binh.is_leader, binh.is_head, binh.is_civil_servant]).toEqual([1, 1, 0]);
    const chau = await f.ctx.db.selectFrom('members').selectAll().where('card_number', '=', '09003').executeTakeFirstOrThrow();
    expect(chau.birth_date).toBe('1990-07-15'); // a real Excel date cell
    expect(chau.status).toBe('exempt');
    expect(chau.official_date).toBeNull();
    const audit = await f.ctx.db.selectFrom('audit_events').selectAll().where('entity_id', '=', thuy.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['member.import']);

    // "thuy" finds the imported "Thúy" through the member search.
    const found = await admin.get('/api/members?q=thuy&pageSize=50');
    expect(found.status).toBe(200);
    expect(found.body.items.map((m: { fullName: string }) => m.fullName)).toContain('Hoàng Thị Thúy');
  });

  it('re-importing the same file changes nothing and writes no audit event', async () => {
    const admin = await f.login('admin');
    const before = await counts(f.ctx);
    const versions = await f.ctx.db.selectFrom('members').select(['id', 'version', 'updated_at']).orderBy('id').execute();
    const r = await upload(admin, '/api/imports/members', await xlsx(MEMBER_HEADERS, validRows()));
    expect(r.status).toBe(200);
    expect(r.body.summary).toEqual({ created: 0, updated: 0, unchanged: 3 });
    expect(await counts(f.ctx)).toEqual(before);
    expect(await f.ctx.db.selectFrom('members').select(['id', 'version', 'updated_at']).orderBy('id').execute()).toEqual(versions);
  });

  it('updates changed fields, moves to another chi bộ with history, keeps facts left empty', async () => {
    const admin = await f.login('admin');
    const rows = validRows();
    // Thúy moves to P01.C2 and loses her post; her birth date cell is emptied (kept).
    rows[0] = memberRow({ [H.name]: 'Hoàng Thị Thúy', [H.card]: '09001', [H.cell]: 'P01.C2', [H.civil]: 'x' });
    // Châu takes part in activities again: her status period changes.
    rows[2][MEMBER_HEADERS.indexOf(H.status)] = 'Đang sinh hoạt';
    const before = await counts(f.ctx);
    const r = await upload(admin, '/api/imports/members', await xlsx(MEMBER_HEADERS, rows));
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.summary).toEqual({ created: 0, updated: 2, unchanged: 1 });
    const thuy = await f.ctx.db.selectFrom('members').selectAll().where('card_number', '=', '09001').executeTakeFirstOrThrow();
    expect(thuy.unit_id).toBe(f.tree.cellB.id);
    expect(thuy.unit_path).toBe(f.tree.cellB.path);
    expect(thuy.party_posts).toBeNull();
    expect(thuy.birth_date).toBe('1985-03-12');
    expect(thuy.version).toBe(2);
    const history = await f.ctx.db
      .selectFrom('member_unit_history')
      .selectAll()
      .where('member_id', '=', thuy.id)
      .orderBy('from_date')
      .orderBy('created_at')
      .execute();
    expect(history).toHaveLength(2);
    expect(history[0]).toMatchObject({ unit_id: f.tree.cellA.id });
    expect(history[0].to_date).not.toBeNull();
    expect(history[1]).toMatchObject({ unit_id: f.tree.cellB.id, to_date: null });
    const chau = await f.ctx.db.selectFrom('members').selectAll().where('card_number', '=', '09003').executeTakeFirstOrThrow();
    expect(chau.status).toBe('active');
    const statuses = await f.ctx.db
      .selectFrom('member_status_history')
      .selectAll()
      .where('member_id', '=', chau.id)
      .orderBy('created_at')
      .execute();
    expect(statuses.map((h) => [h.status, h.to_date === null])).toEqual([
      ['exempt', false],
      ['active', true],
    ]);
    const after = await counts(f.ctx);
    expect(after.audit - before.audit).toBe(2);
    expect(after.members).toBe(before.members);
    expect(after.unitHistory - before.unitHistory).toBe(1);
    expect(after.statusHistory - before.statusHistory).toBe(1);
  });

  it('finds the header under a title row, and reports rows by their Excel number', async () => {
    const admin = await f.login('admin');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('DS');
    ws.addRow(['DANH SÁCH ĐẢNG VIÊN CHI BỘ KHỐI PHỐ 1']);
    ws.mergeCells('A1:N1');
    ws.addRow([]);
    ws.addRow(MEMBER_HEADERS);
    ws.addRow(memberRow({ [H.name]: 'Lý Thị Nga', [H.card]: '09010', [H.cell]: 'P01.C1' }));
    ws.addRow(memberRow({ [H.name]: 'Lý Văn Sai', [H.card]: '09011', [H.cell]: 'P01.C1', [H.birth]: '1/1/80' }));
    const before = await counts(f.ctx);
    const r = await upload(admin, '/api/imports/members', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(r.status).toBe(422);
    expect(r.body.error.details.problems).toEqual([
      {
        row: 5,
        column: 'Ngày sinh',
        message: 'Ngày "1/1/80" không hợp lệ: cần ghi theo dạng dd/mm/yyyy và là ngày có thật (ví dụ 05/12/1980).',
      },
    ]);
    expect(await counts(f.ctx)).toEqual(before);
  });

  it('lists the import and export operations in the OpenAPI document', async () => {
    const r = await TestClient.for(f.ctx).get('/api/openapi.json');
    const ids = Object.values(r.body.paths as Record<string, Record<string, { operationId: string }>>).flatMap((p) =>
      Object.values(p).map((o) => o.operationId),
    );
    for (const id of [
      'imports.members-template',
      'imports.org-units-template',
      'members.import',
      'org-units.import',
      'members.export',
      'jobs.get',
    ]) {
      expect(ids).toContain(id);
    }
    const imp = r.body.paths['/api/imports/members'].post;
    expect(imp.requestBody.content['multipart/form-data']).toBeDefined();
    expect(JSON.stringify(imp.responses)).toContain('import.invalid_rows');
  });
});
