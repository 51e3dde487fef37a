// Facts of the year from .xlsx (issue 3 item 5): the template, a round trip (several rows for a
// member with several disciplines), re-import changes nothing, every bad row reported with nothing
// written, files too large or not Excel refused, and only the unit committee over the unit imports.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadYearFacts } from '../../src/server/adapters/db/member-year.repository.js';
import { describeEachDialect } from '../support/each-dialect.js';
import type { TestClient } from '../support/http.js';
import { count, factsRow, FACTS_HEADERS, fixture, upload, xlsx, YEAR, type Fixture } from './support.js';

const H = {
  card: 'Số thẻ đảng viên',
  id: 'Mã đảng viên',
  name: 'Họ và tên',
  rating: 'Xếp loại công chức, viên chức',
  targets: 'Tỷ lệ chỉ tiêu hoàn thành (%)',
  sick: 'Số ngày nghỉ ốm',
  maternity: 'Số ngày nghỉ thai sản',
  degradation: 'Bị kết luận suy thoái',
  degradationNote: 'Nội dung kết luận suy thoái',
  confidence: 'Tỷ lệ phiếu tín nhiệm thấp (%)',
  form: 'Hình thức kỷ luật',
  date: 'Ngày kỷ luật',
  reason: 'Lý do kỷ luật',
  self: 'Tự phát hiện',
  remedied: 'Đã khắc phục hậu quả',
  note: 'Ghi chú',
};

describeEachDialect('facts of the year from Excel', (dialect) => {
  let f: Fixture;
  let committee: TestClient;
  let fields: Record<string, string>;
  beforeAll(async () => {
    f = await fixture(dialect, { maxUploadBytes: 200_000 });
    committee = await f.login('capuy.p01');
    fields = { unitId: f.tree.ward.id, year: String(YEAR) };
  });
  afterAll(async () => {
    await f.db.drop();
  });

  const good = () => [
    factsRow({
      [H.card]: f.tree.members.thuy.cardNumber,
      [H.name]: 'Nguyễn Thị Thúy',
      [H.rating]: 'Hoàn thành tốt nhiệm vụ',
      [H.targets]: '85%',
      [H.sick]: 3,
      [H.form]: 'Khiển trách',
      [H.date]: `15/02/${YEAR}`,
      [H.reason]: 'Vi phạm quy định sinh hoạt',
      [H.self]: 'x',
      [H.remedied]: 'x',
    }),
    // A second discipline of the same member, on its own row.
    factsRow({ [H.card]: f.tree.members.thuy.cardNumber, [H.form]: 'Cảnh cáo', [H.date]: new Date(Date.UTC(YEAR, 4, 20)) }),
    factsRow({ [H.id]: f.tree.members.lan.id, [H.name]: 'tran thi lan', [H.rating]: 'HTXSNV', [H.confidence]: '10', [H.note]: 'Ghi chú' }),
  ];

  it('gives the template to the unit committee only, with the columns it reads back', async () => {
    const r = await committee.get('/api/year-facts/template');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.body as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Thông tin trong năm', 'Hướng dẫn']);
    expect((wb.worksheets[0].getRow(1).values as unknown[]).slice(1)).toEqual(FACTS_HEADERS);
    const secretary = await f.login('bithu.c1');
    expect((await secretary.get('/api/year-facts/template')).status).toBe(403);
  });

  it('imports a file: several rows of one member add up, each member audited', async () => {
    const r = await upload(committee, await xlsx(FACTS_HEADERS, good()), fields);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toEqual({ year: YEAR, created: 2, updated: 0, unchanged: 0 });
    const facts = await loadYearFacts(f.ctx.db, [f.tree.members.thuy.id, f.tree.members.lan.id], YEAR);
    const thuy = facts.get(f.tree.members.thuy.id)!;
    expect(thuy.civilServiceRating).toBe('good');
    expect(thuy.targetsCompletedPct).toBe(85);
    expect(thuy.sickLeaveDays).toBe(3);
    expect(thuy.disciplines).toEqual([
      {
        form: 'reprimand',
        date: `${YEAR}-02-15`,
        reason: 'Vi phạm quy định sinh hoạt',
        selfDetected: true,
        remedied: true,
        dutyRelated: false,
      },
      { form: 'warning', date: `${YEAR}-05-20`, reason: null, selfDetected: false, remedied: false, dutyRelated: false },
    ]);
    const lan = facts.get(f.tree.members.lan.id)!;
    expect(lan).toMatchObject({ civilServiceRating: 'excellent', confidenceLowPct: 10, note: 'Ghi chú', disciplines: [] });
    const audit = await f.ctx.db
      .selectFrom('audit_events')
      .select(['entity_id', 'action', 'after_json'])
      .where('entity_type', '=', 'member_year_facts')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['member_year_facts.import', 'member_year_facts.import']);
    expect(new Set(audit.map((a) => a.entity_id))).toEqual(new Set([thuy.id, lan.id]));
  });

  it('changes nothing when the same file comes again, and updates what a new file changes', async () => {
    const before = await count(f.ctx, 'audit_events');
    const again = await upload(committee, await xlsx(FACTS_HEADERS, good()), fields);
    expect(again.body).toEqual({ year: YEAR, created: 0, updated: 0, unchanged: 2 });
    expect(await count(f.ctx, 'audit_events')).toBe(before);

    const rows = good();
    rows[2] = factsRow({ [H.id]: f.tree.members.lan.id, [H.rating]: 'Hoàn thành nhiệm vụ' });
    const changed = await upload(committee, await xlsx(FACTS_HEADERS, rows), fields);
    expect(changed.body).toEqual({ year: YEAR, created: 0, updated: 1, unchanged: 1 });
    const lan = (await loadYearFacts(f.ctx.db, [f.tree.members.lan.id], YEAR)).get(f.tree.members.lan.id)!;
    expect(lan).toMatchObject({ civilServiceRating: 'satisfactory', confidenceLowPct: null, note: null, version: 2 });
    const events = await f.ctx.db.selectFrom('audit_events').selectAll().where('entity_id', '=', lan.id).orderBy('seq').execute();
    expect(events).toHaveLength(2);
    expect(JSON.parse(events[1].before_json!).civilServiceRating).toBe('excellent');
  });

  it('reports every bad row by row and column, and writes nothing — not even the good rows', async () => {
    const rows = [
      factsRow({ [H.card]: 'KHONGCO99', [H.targets]: '50' }), // 2: unknown card
      factsRow({ [H.card]: f.tree.members.school1.cardNumber }), // 3: a member outside the ward
      factsRow({ [H.card]: f.tree.members.dang.cardNumber, [H.targets]: '150' }), // 4: over 100 %
      factsRow({ [H.card]: f.tree.members.dang.cardNumber, [H.form]: 'Khiển trách', [H.date]: `01/12/${YEAR - 1}` }), // 5: other year
      factsRow({ [H.card]: f.tree.members.dang.cardNumber, [H.date]: `01/03/${YEAR}` }), // 6: a date without a form
      factsRow({ [H.card]: f.tree.members.dang.cardNumber, [H.name]: 'Nguyễn Văn Khác' }), // 7: the name does not match
      factsRow({ [H.card]: f.tree.members.thuyB.cardNumber, [H.sick]: 10 }), // 8
      factsRow({ [H.card]: f.tree.members.thuyB.cardNumber, [H.sick]: 20 }), // 9: disagrees with row 8
      factsRow({ [H.name]: 'Không có thẻ' }), // 10: no card, no id
      factsRow({ [H.card]: f.tree.members.dang.cardNumber, [H.rating]: 'Giỏi', [H.degradation]: 'có lẽ' }), // 11: unknown values
      factsRow({ [H.card]: f.tree.members.lan.cardNumber, [H.sick]: 1 }), // 12: valid
    ];
    const before = { facts: await count(f.ctx, 'member_year_facts'), audit: await count(f.ctx, 'audit_events') };
    const snapshot = await f.ctx.db.selectFrom('member_year_facts').selectAll().orderBy('id').execute();
    const r = await upload(committee, await xlsx(FACTS_HEADERS, rows), fields);
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('import.invalid_rows');
    const problems = r.body.error.details.problems as { row: number; column: string; message: string }[];
    const at = (row: number) => problems.filter((p) => p.row === row);
    expect(at(2)[0]).toMatchObject({ column: H.card });
    expect(at(2)[0].message).toContain('KHONGCO99');
    expect(at(3)[0].message).toContain('Đảng bộ phường Bắc Hà');
    expect(at(4)[0]).toMatchObject({ column: H.targets });
    expect(at(5)[0]).toMatchObject({ column: H.date });
    expect(at(5)[0].message).toContain(`01/12/${YEAR - 1}`);
    expect(at(6)[0]).toMatchObject({ column: H.form });
    expect(at(7)[0]).toMatchObject({ column: H.name });
    expect(at(8)).toEqual([]);
    expect(at(9)[0]).toMatchObject({ column: H.sick });
    expect(at(9)[0].message).toContain('dòng 8');
    expect(at(10)[0]).toMatchObject({ column: H.card });
    expect(
      at(11)
        .map((p) => p.column)
        .sort(),
    ).toEqual([H.degradation, H.rating].sort());
    expect(at(12)).toEqual([]);
    expect(await count(f.ctx, 'member_year_facts')).toBe(before.facts);
    expect(await count(f.ctx, 'audit_events')).toBe(before.audit);
    expect(await f.ctx.db.selectFrom('member_year_facts').selectAll().orderBy('id').execute()).toEqual(snapshot);
  });

  it('refuses wrong headers, an oversized file and a file that is not Excel, writing nothing', async () => {
    const before = await count(f.ctx, 'member_year_facts');
    const wrong = await upload(committee, await xlsx(['Số thẻ đảng viên', 'Tên'], [['123456', 'A']]), fields);
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.code).toBe('import.wrong_headers');

    // Over the configured upload size (200 KB here) but under the HTTP body limit: the import refuses it.
    const big = await upload(committee, Buffer.alloc(230_000, 1), fields);
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('import.too_large');
    // Far over: the HTTP layer refuses the body before anything reads it.
    const huge = await upload(committee, Buffer.alloc(400_000, 1), fields);
    expect(huge.status).toBe(413);

    const notExcel = await upload(committee, Buffer.from('đây không phải tệp Excel'), fields, 'ghi-chu.xlsx');
    expect(notExcel.status).toBe(400);
    expect(notExcel.body.error.code).toBe('import.invalid_file');

    const noYear = await upload(committee, await xlsx(FACTS_HEADERS, good()), { unitId: f.tree.ward.id });
    expect(noYear.status).toBe(400);
    expect(noYear.body.error.code).toBe('request.invalid');
    expect(await count(f.ctx, 'member_year_facts')).toBe(before);
  });

  it('refuses the import to a chi bộ secretary and to another unit’s committee', async () => {
    const file = await xlsx(FACTS_HEADERS, good());
    const secretary = await f.login('bithu.c1');
    const s = await upload(secretary, file, { unitId: f.tree.cellA.id, year: String(YEAR) });
    expect(s.status).toBe(403);
    expect(s.body.error.code).toBe('auth.forbidden');
    const school = await f.login('capuy.s01');
    const o = await upload(school, file, fields);
    expect(o.status).toBe(404);
    expect(o.body.error.code).toBe('org_unit.not_found');
  });
});
