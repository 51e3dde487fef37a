// Importing a tree of org units from .xlsx (issue 2 item 5), on both databases.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { childPath } from '../../src/server/domain/org-tree.js';
import { describeEachDialect } from '../support/each-dialect.js';
import { counts, importFixture, ORG_UNIT_HEADERS, orgUnitRow, readBack, upload, xlsx, type ImportFixture } from './support.js';

const H = { code: 'Mã', name: 'Tên', kind: 'Loại', sector: 'Khối/lĩnh vực', parent: 'Mã đơn vị cấp trên', founded: 'Ngày thành lập' };

// Children come before their parents: the file's whole tree is resolved before anything is written.
function treeRows() {
  return [
    orgUnitRow({
      [H.code]: 'P02.C1',
      [H.name]: 'Chi bộ khối phố 1',
      [H.kind]: 'Chi bộ trực thuộc',
      [H.sector]: 'Phường',
      [H.parent]: 'P02',
    }),
    orgUnitRow({
      [H.code]: 'P02.C2',
      [H.name]: 'Chi bộ khối phố 2',
      [H.kind]: 'chi bo truc thuoc',
      [H.sector]: 'Phường',
      [H.parent]: 'p02',
    }),
    orgUnitRow({
      [H.code]: 'P02',
      [H.name]: 'Đảng bộ phường Nam Hà',
      [H.kind]: 'Đảng bộ cơ sở',
      [H.sector]: 'Phường',
      [H.founded]: '15/03/1976',
    }),
    orgUnitRow({
      [H.code]: 'S02',
      [H.name]: 'Chi bộ Trường THCS Lê Văn Thiêm',
      [H.kind]: 'Chi bộ cơ sở',
      [H.sector]: 'Trường học',
      [H.parent]: 'TU',
    }),
    orgUnitRow({ [H.code]: 'P01.C3', [H.name]: 'Chi bộ khối phố 3', [H.kind]: 'Chi bộ trực thuộc', [H.parent]: 'P01' }),
  ];
}

describeEachDialect('org units import', (dialect) => {
  let f: ImportFixture;
  beforeAll(async () => {
    f = await importFixture(dialect);
  });
  afterAll(async () => {
    await f.db.drop();
  });

  it('gives a template with the org unit headers', async () => {
    const organizer = await f.login('bantochuc');
    const r = await organizer.get('/api/imports/org-units/template');
    expect(r.status).toBe(200);
    const { sheets, rows } = await readBack(Buffer.from(r.body as ArrayBuffer));
    expect(sheets).toEqual(['Tổ chức đảng', 'Hướng dẫn']);
    expect(rows).toEqual([ORG_UNIT_HEADERS]);
    const member = await f.login('dangvien.thuy');
    expect((await member.get('/api/imports/org-units/template')).status).toBe(403);
  });

  it('builds a tree from a file whose children come before their parents', async () => {
    const organizer = await f.login('bantochuc');
    const before = await counts(f.ctx);
    const r = await upload(organizer, '/api/imports/org-units', await xlsx(ORG_UNIT_HEADERS, treeRows(), 'Tổ chức đảng'), {
      parentId: f.tree.committee.id,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toEqual({ mode: 'done', summary: { created: 5, updated: 0, unchanged: 0 } });
    const units = new Map((await f.ctx.db.selectFrom('org_units').selectAll().execute()).map((u) => [u.code, u]));
    const p02 = units.get('P02')!;
    expect(p02.parent_id).toBe(f.tree.committee.id);
    expect(p02.path).toBe(childPath(f.tree.committee.path, p02.id));
    expect(p02).toMatchObject({
      kind: 'grassroots_party',
      sector: 'ward',
      valid_from: '1976-03-15',
      depth: 1,
      name_search: 'dang bo phuong nam ha',
    });
    for (const code of ['P02.C1', 'P02.C2']) {
      const cell = units.get(code)!;
      expect(cell.parent_id).toBe(p02.id);
      expect(cell.path).toBe(childPath(p02.path, cell.id));
      expect(cell).toMatchObject({ kind: 'cell', depth: 2 });
    }
    expect(units.get('S02')).toMatchObject({ parent_id: f.tree.committee.id, kind: 'grassroots_cell', sector: 'school' });
    expect(units.get('P01.C3')).toMatchObject({ parent_id: f.tree.ward.id, path: childPath(f.tree.ward.path, units.get('P01.C3')!.id) });
    const after = await counts(f.ctx);
    expect(after.units - before.units).toBe(5);
    expect(after.audit - before.audit).toBe(5);

    // Members can be imported into the new chi bộ straight away.
    const list = await organizer.get(`/api/org-units?parent=${p02.id}`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((u: { code: string }) => u.code).sort()).toEqual(['P02.C1', 'P02.C2']);
  });

  it('re-importing changes nothing; a changed name is an update with its audit event', async () => {
    const organizer = await f.login('bantochuc');
    const before = await counts(f.ctx);
    const same = await upload(organizer, '/api/imports/org-units', await xlsx(ORG_UNIT_HEADERS, treeRows(), 'Tổ chức đảng'), {
      parentId: f.tree.committee.id,
    });
    expect(same.body.summary).toEqual({ created: 0, updated: 0, unchanged: 5 });
    expect(await counts(f.ctx)).toEqual(before);

    const rows = treeRows();
    rows[2] = orgUnitRow({ [H.code]: 'P02', [H.name]: 'Đảng bộ phường Nam Hà (mới)', [H.kind]: 'Đảng bộ cơ sở', [H.sector]: 'Phường' });
    const changed = await upload(organizer, '/api/imports/org-units', await xlsx(ORG_UNIT_HEADERS, rows, 'Tổ chức đảng'), {
      parentId: f.tree.committee.id,
    });
    expect(changed.status).toBe(200);
    expect(changed.body.summary).toEqual({ created: 0, updated: 1, unchanged: 4 });
    const p02 = await f.ctx.db.selectFrom('org_units').selectAll().where('code', '=', 'P02').executeTakeFirstOrThrow();
    expect(p02).toMatchObject({ name: 'Đảng bộ phường Nam Hà (mới)', valid_from: '1976-03-15', version: 2 });
    expect((await counts(f.ctx)).audit - before.audit).toBe(1);
  });

  it('reports tree problems by row and column and writes nothing', async () => {
    const organizer = await f.login('bantochuc');
    const rows = [
      orgUnitRow({ [H.code]: 'X1', [H.name]: 'Chi bộ lạc chỗ', [H.kind]: 'Chi bộ trực thuộc', [H.parent]: 'TU' }), // 2: a cell under a committee
      orgUnitRow({ [H.code]: 'X2', [H.name]: 'Chi bộ mồ côi', [H.kind]: 'Chi bộ trực thuộc', [H.parent]: 'KHONGCO' }), // 3: unknown parent
      orgUnitRow({ [H.code]: 'X3', [H.name]: 'Đảng bộ A', [H.kind]: 'Đảng bộ bộ phận', [H.parent]: 'X4' }), // 4: cycle
      orgUnitRow({ [H.code]: 'X4', [H.name]: 'Đảng bộ B', [H.kind]: 'Đảng bộ bộ phận', [H.parent]: 'X3' }), // 5: cycle
      orgUnitRow({ [H.code]: 'X5', [H.name]: 'Chi bộ một', [H.kind]: 'Chi bộ cơ sở', [H.parent]: 'TU' }), // 6
      orgUnitRow({ [H.code]: 'x5', [H.name]: 'Chi bộ hai', [H.kind]: 'Chi bộ cơ sở', [H.parent]: 'TU' }), // 7: duplicate code
      orgUnitRow({ [H.code]: 'X6', [H.name]: 'Chi bộ ba', [H.kind]: 'Tổ đảng', [H.parent]: 'TU' }), // 8: unknown kind
      orgUnitRow({ [H.code]: 'X7', [H.name]: '', [H.kind]: 'Chi bộ cơ sở', [H.sector]: 'Nông thôn', [H.parent]: 'TU' }), // 9: no name, bad sector
      orgUnitRow({ [H.code]: 'X8', [H.name]: 'Chi bộ không cấp trên', [H.kind]: 'Chi bộ cơ sở' }), // 10: no parent and no parentId
      orgUnitRow({ [H.code]: 'P01', [H.name]: 'Đảng bộ phường Bắc Hà', [H.kind]: 'Chi bộ cơ sở', [H.parent]: 'TU' }), // 11: kind change
      orgUnitRow({ [H.code]: 'P01.C1', [H.name]: 'Chi bộ khối phố 1', [H.kind]: 'Chi bộ trực thuộc', [H.parent]: 'P02' }), // 12: a move
      orgUnitRow({ [H.code]: 'X9', [H.name]: 'Chi bộ ngày sai', [H.kind]: 'Chi bộ cơ sở', [H.parent]: 'TU', [H.founded]: '30/02/2001' }), // 13
    ];
    const before = await counts(f.ctx);
    const r = await upload(organizer, '/api/imports/org-units', await xlsx(ORG_UNIT_HEADERS, rows, 'Tổ chức đảng'));
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('import.invalid_rows');
    expect(await counts(f.ctx)).toEqual(before);
    const problems = r.body.error.details.problems as { row: number; column: string; message: string }[];
    const at = (row: number, column: string) => problems.find((p) => p.row === row && p.column === column)?.message;
    expect(at(2, 'Loại')).toBe('Chi bộ trực thuộc không thể trực thuộc cấp ủy cấp trên cơ sở (mã TU).');
    expect(at(3, 'Mã đơn vị cấp trên')).toBe('Không tìm thấy mã đơn vị cấp trên "KHONGCO" trong tệp hay trong hệ thống.');
    expect(at(4, 'Mã đơn vị cấp trên')).toContain('Vòng lặp cấp trên');
    expect(at(5, 'Mã đơn vị cấp trên')).toContain('Vòng lặp cấp trên');
    expect(at(7, 'Mã')).toBe('Mã X5 trùng với dòng 6.');
    expect(at(8, 'Loại')).toContain('"Tổ đảng" không có trong danh sách');
    expect(at(9, 'Tên')).toBe('Thiếu tên tổ chức đảng.');
    expect(at(9, 'Khối/lĩnh vực')).toContain('"Nông thôn" không có trong danh sách');
    expect(at(10, 'Mã đơn vị cấp trên')).toContain('Thiếu mã đơn vị cấp trên');
    expect(at(11, 'Loại')).toContain('không đổi loại tổ chức qua tệp nhập');
    expect(at(12, 'Mã đơn vị cấp trên')).toContain('việc chuyển cấp trên làm ở trang Tổ chức đảng');
    expect(at(13, 'Ngày thành lập')).toContain('"30/02/2001" không hợp lệ');
    expect(problems.some((p) => p.row === 6)).toBe(false);
  });

  it('keeps each writer inside their subtree', async () => {
    const ward = await f.login('capuy.p01');
    const secretary = await f.login('bithu.c1');
    const before = await counts(f.ctx);
    // The ward's committee may add chi bộ under its ward, not under the committee.
    const outside = await upload(
      ward,
      '/api/imports/org-units',
      await xlsx(
        ORG_UNIT_HEADERS,
        [
          orgUnitRow({ [H.code]: 'S09', [H.name]: 'Chi bộ ngoài phường', [H.kind]: 'Chi bộ cơ sở', [H.parent]: 'TU' }),
          orgUnitRow({ [H.code]: 'S02', [H.name]: 'Đổi tên trường người khác', [H.kind]: 'Chi bộ cơ sở', [H.parent]: 'TU' }),
        ],
        'Tổ chức đảng',
      ),
    );
    expect(outside.status).toBe(422);
    expect(outside.body.error.details.problems).toEqual([
      { row: 2, column: 'Mã đơn vị cấp trên', message: 'Không tìm thấy mã đơn vị cấp trên "TU" trong tệp hay trong hệ thống.' },
      { row: 3, column: 'Mã', message: 'Mã S02 đã được dùng cho một tổ chức đảng ngoài phạm vi của bạn.' },
    ]);
    expect(
      (await upload(ward, '/api/imports/org-units', await xlsx(ORG_UNIT_HEADERS, [], 'Tổ chức đảng'), { parentId: f.tree.committee.id }))
        .status,
    ).toBe(404);
    expect((await upload(secretary, '/api/imports/org-units', await xlsx(ORG_UNIT_HEADERS, treeRows(), 'Tổ chức đảng'))).status).toBe(403);
    expect(await counts(f.ctx)).toEqual(before);
    const inside = await upload(
      ward,
      '/api/imports/org-units',
      await xlsx(
        ORG_UNIT_HEADERS,
        [orgUnitRow({ [H.code]: 'P01.C9', [H.name]: 'Chi bộ khối phố 9', [H.kind]: 'Chi bộ trực thuộc', [H.parent]: 'P01' })],
        'Tổ chức đảng',
      ),
    );
    expect(inside.status, JSON.stringify(inside.body)).toBe(200);
    expect(inside.body.summary.created).toBe(1);
  });
});
