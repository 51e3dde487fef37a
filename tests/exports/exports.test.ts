// Excel exports of a campaign (issue 5 item 2) through HTTP on both databases: each file read back
// with ExcelJS (Vietnamese headers and title lines, values, numbers as numbers with their formats,
// the frozen header, the print setup), text that looks like a formula stays text, unpublished levels
// never leave the database, and who may download what (design §2: a member 403, outside the subtree
// 404). The streaming writer itself is checked first, without a database.
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/server/adapters/clock.js';
import { BUSINESS_DATE, setSetting } from '../../src/server/adapters/db/settings.repository.js';
import { streamTable, streamWorkbook } from '../../src/server/adapters/xlsx/write-sheet.js';
import { levelLabel, ruleSetById, type RuleSet } from '../../src/server/domain/rule-sets/index.js';
import type { AppContext } from '../../src/server/features/context.js';
import { contextFor } from '../../src/server/main.js';
import type { Level } from '../../src/shared/campaign-vocabulary.js';
import { makeCampaignFixture, type CampaignFixture } from '../support/campaign-factories.js';
import { migratedDatabase, type TestDatabase } from '../support/databases.js';
import { describeEachDialect } from '../support/each-dialect.js';
import { makeAccount, makeMember, makeSmallCommittee, makeUnit, TEST_PASSWORD, type UnitRef } from '../support/factories.js';
import { TestClient } from '../support/http.js';
import { zipEntryText } from '../imports/support.js';

const NOW = '2025-01-12T08:00:00.000Z';
const STRING = 3; // ExcelJS ValueType.String
const NUMBER = 2; // ExcelJS ValueType.Number

async function bufferOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

async function load(content: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(content).buffer);
  return wb;
}

/** Values of a sheet's rows (1-based row numbers kept: rows[n] is row n). */
function rowsOf(ws: ExcelJS.Worksheet): ExcelJS.CellValue[][] {
  const rows: ExcelJS.CellValue[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    rows[n] = (row.values as ExcelJS.CellValue[]).slice(1);
  });
  return rows;
}

/** The header row's number: the row whose first cell is "STT". */
function headerRow(ws: ExcelJS.Worksheet): number {
  let found = 0;
  ws.eachRow((row, n) => {
    if (!found && row.getCell(1).value === 'STT') found = n;
  });
  return found;
}

/** The frozen header, A4 fitted to the width with the header repeated on each page, margins set. */
function expectPrintable(ws: ExcelJS.Worksheet, landscape: boolean) {
  const h = headerRow(ws);
  expect(h).toBeGreaterThan(1);
  expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: h });
  expect(ws.pageSetup).toMatchObject({
    paperSize: 9,
    orientation: landscape ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${h}:${h}`,
  });
  expect(ws.pageSetup.margins).toMatchObject({ left: 0.6, right: 0.4, top: 0.6, bottom: 0.6 });
}

describe('the streaming sheet writer', () => {
  it('writes title lines, a frozen and repeated header, number formats, a bold totals row, and formula-looking text as text', async () => {
    const pages = async function* () {
      yield [
        [1, '=SUM(A1)', 1234567, 0.256],
        [2, '+84 912 345 678', 0, null],
      ];
      yield [
        [3, '-1', 12, 0.5],
        [4, '@cmd', 3, 1],
      ];
    };
    const content = await bufferOf(
      streamTable({
        sheetName: 'Thử',
        columns: [
          { header: 'STT', width: 6 },
          { header: 'Nội dung', width: 30 },
          { header: 'Số lượng', width: 12, numFmt: '#,##0' },
          { header: 'Tỷ lệ', width: 10, numFmt: '0.0%' },
        ],
        titleLines: [{ text: 'THÀNH ỦY HÀ TĨNH', bold: true }, 'Ngày xuất: 12/01/2025'],
        borders: true,
        pages: pages(),
        totals: () => [null, 'Tổng cộng', 1234582, null],
      }),
    );
    const wb = await load(content);
    const ws = wb.getWorksheet('Thử')!;
    const rows = rowsOf(ws);
    expect(rows[1][0]).toBe('THÀNH ỦY HÀ TĨNH');
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(rows[2][0]).toBe('Ngày xuất: 12/01/2025');
    expect(rows[4]).toEqual(['STT', 'Nội dung', 'Số lượng', 'Tỷ lệ']);
    expectPrintable(ws, false);
    // Each text stays a string cell; nothing in the sheet is a formula.
    for (const [r, text] of [
      [5, '=SUM(A1)'],
      [6, '+84 912 345 678'],
      [7, '-1'],
      [8, '@cmd'],
    ] as const) {
      const cell = ws.getCell(r, 2);
      expect(cell.value).toBe(text);
      expect(cell.type).toBe(STRING);
      expect(cell.formula).toBeUndefined();
    }
    const xml = await zipEntryText(content, 'xl/worksheets/sheet1.xml');
    expect(xml).not.toMatch(/<f[ >]/);
    // Numbers are numbers, with the column's format.
    expect(ws.getCell(5, 3)).toMatchObject({ value: 1234567, type: NUMBER, numFmt: '#,##0' });
    expect(ws.getCell(5, 4)).toMatchObject({ value: 0.256, numFmt: '0.0%' });
    expect(ws.getCell(5, 2).border?.top?.style).toBe('thin');
    // The totals row: bold, formats kept.
    // (ExcelJS reads a row back up to its last value: the empty share is not there.)
    expect(rows[9]).toEqual([undefined, 'Tổng cộng', 1234582]);
    expect(ws.getCell(9, 2).font?.bold).toBe(true);
    expect(ws.getCell(9, 3)).toMatchObject({ value: 1234582, numFmt: '#,##0' });
  });

  it('keeps a table without title lines as before (header on the first row) and prints a wide one landscape', async () => {
    const content = await bufferOf(
      streamWorkbook({
        sheets: [
          {
            sheetName: 'Một',
            columns: [
              { header: 'STT', width: 60 },
              { header: 'Tên', width: 60 },
            ],
            pages: (async function* () {
              yield [[1, 'An']];
            })(),
          },
          {
            sheetName: 'Hai',
            columns: [{ header: 'STT', width: 8 }],
            pages: (async function* () {})(),
          },
        ],
      }),
    );
    const wb = await load(content);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Một', 'Hai']);
    const ws = wb.getWorksheet('Một')!;
    expect(ws.getRow(1).values).toEqual([undefined, 'STT', 'Tên']);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', printTitlesRow: '1:1' });
    expect(ws.getCell('B2').value).toBe('An');
  });
});

describeEachDialect('campaign exports (.xlsx)', (dialect) => {
  let db: TestDatabase;
  let ctx: AppContext;
  let fx: CampaignFixture;
  let ruleSet: RuleSet;
  let hoa: { id: string };
  let moi: { id: string };
  const as = (username: string) => TestClient.loggedIn(ctx, username, TEST_PASSWORD);
  const url = (kind: string, unit?: UnitRef | string) =>
    `/api/campaigns/${fx.id}/exports/${kind}${unit ? `?unitId=${typeof unit === 'string' ? unit : unit.id}` : ''}`;
  const memberLevel = (l: Level) => levelLabel(ruleSet, 'member', l);
  const unitLevel = (l: Level) => levelLabel(ruleSet, 'unit', l);

  async function classify(
    kind: 'unit' | 'member',
    key: string,
    unit: UnitRef,
    status: 'decided' | 'published',
    level: Level,
    selfLevel: Level | null = null,
  ) {
    await ctx.db
      .insertInto('classifications')
      .values({
        id: newId(),
        campaign_id: fx.id,
        subject_kind: kind,
        subject_key: key,
        unit_id: unit.id,
        member_id: kind === 'member' ? key : null,
        scope_path: unit.path,
        status,
        self_level: selfLevel,
        proposed_level: level,
        decided_level: level,
        decision_number: '15-QĐ/ĐU',
        decision_date: '2025-01-05',
        published_at: status === 'published' ? NOW : null,
        version: 1,
        created_at: NOW,
        updated_at: NOW,
      })
      .execute();
  }

  async function download(username: string, kind: string, unit?: UnitRef | string) {
    const r = await (await as(username)).get(url(kind, unit));
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.headers.get('content-type')).toContain('spreadsheetml');
    expect(r.headers.get('cache-control')).toBe('no-store');
    const content = Buffer.from(r.body as ArrayBuffer);
    return { content, wb: await load(content), fileName: decodeURIComponent(r.headers.get('content-disposition')!.split("UTF-8''")[1]) };
  }

  /** Data rows under the header, as arrays of values. */
  function dataRows(ws: ExcelJS.Worksheet): ExcelJS.CellValue[][] {
    const h = headerRow(ws);
    return rowsOf(ws)
      .slice(h + 1)
      .filter(Boolean);
  }

  beforeAll(async () => {
    db = await migratedDatabase(dialect);
    ctx = contextFor(db.handle);
    const tree = await makeSmallCommittee(ctx.db);
    hoa = await makeMember(ctx.db, tree.cellA, '=SUM(A1) Thị Hoa', { partyPosts: '+84 912 345 678', governmentPosts: '@cmd' });
    // Admitted two months before the cut-off: reviewed, not classified (regulations §1.2).
    moi = await makeMember(ctx.db, tree.cellB, 'Võ Thị Mới', { admissionDate: '2024-10-20', officialDate: null });
    fx = await makeCampaignFixture(ctx, { tree });
    ruleSet = ruleSetById(
      (await ctx.db.selectFrom('campaigns').select('rule_set_id').where('id', '=', fx.id).executeTakeFirstOrThrow()).rule_set_id,
    )!;
    await setSetting(ctx.db, BUSINESS_DATE, '2025-01-15', NOW);

    const m = tree.members;
    await classify('member', m.thuy.id, tree.cellA, 'published', 'excellent', 'good');
    // Decided, not published: its level must not leave the database.
    await classify('member', m.dang.id, tree.cellA, 'decided', 'unsatisfactory', 'unsatisfactory');
    await classify('member', m.lan.id, tree.cellB, 'published', 'good');
    await classify('member', hoa.id, tree.cellA, 'published', 'satisfactory');
    await classify('member', m.school1.id, tree.school, 'published', 'excellent');
    await classify('unit', tree.ward.id, tree.ward, 'published', 'excellent');
    await classify('unit', tree.cellA.id, tree.cellA, 'decided', 'unsatisfactory');
    await classify('unit', tree.school.id, tree.school, 'published', 'good');
    // The school is through; the ward's units are still at the start, late against the milestones.
    await ctx.db
      .updateTable('campaign_units')
      .set({ stage: 'published' })
      .where('campaign_id', '=', fx.id)
      .where('unit_id', '=', tree.school.id)
      .execute();
    await ctx.db
      .updateTable('campaign_units')
      .set({ stage: 'submitted', submitted_at: '2024-11-28T20:30:00.000Z' })
      .where('campaign_id', '=', fx.id)
      .where('unit_id', '=', tree.cellB.id)
      .execute();

    // The ward's remediation plan: a shortcoming whose text looks like a formula, an overdue measure, a done one.
    const shortcoming = newId();
    await ctx.db
      .insertInto('shortcomings')
      .values({
        id: shortcoming,
        subject_kind: 'unit',
        subject_key: tree.ward.id,
        unit_id: tree.ward.id,
        member_id: null,
        scope_path: tree.ward.path,
        campaign_id: fx.id,
        year_found: 2024,
        text: '+cmd Sinh hoạt chi bộ chưa đều',
        cause_kind: 'subjective',
        cause: null,
        source: 'declared',
        resolved_year: null,
        version: 1,
        created_at: NOW,
        updated_at: NOW,
      })
      .execute();
    const plan = newId();
    const planRow = (id: string, kind: string, key: string, unit: UnitRef, memberId: string | null, status: string) => ({
      id,
      campaign_id: fx.id,
      subject_kind: kind,
      subject_key: key,
      unit_id: unit.id,
      member_id: memberId,
      scope_path: unit.path,
      status,
      filed_at: status === 'filed' ? NOW : null,
      reported_at: null,
      updated_by: null,
      version: 1,
      created_at: NOW,
      updated_at: NOW,
    });
    await ctx.db
      .insertInto('remediation_plans')
      .values([
        planRow(plan, 'unit', tree.ward.id, tree.ward, null, 'filed'),
        planRow(newId(), 'member', m.thuy.id, tree.cellA, m.thuy.id, 'draft'),
        planRow(newId(), 'member', m.lan.id, tree.cellB, m.lan.id, 'draft'),
      ])
      .execute();
    const item = (position: number, action: string, deadline: string, status: string, progress: number, shortcomingId: string | null) => ({
      id: newId(),
      plan_id: plan,
      shortcoming_id: shortcomingId,
      scope_path: tree.ward.path,
      position,
      action,
      owner: '@cmd Bí thư',
      deadline,
      status,
      progress_pct: progress,
      completed_at: status === 'done' ? NOW : null,
      version: 1,
      created_at: NOW,
      updated_at: NOW,
    });
    await ctx.db
      .insertInto('remediation_items')
      .values([
        item(1, '-1 buổi sinh hoạt mỗi tháng được bù ngay', '2025-01-10', 'in_progress', 40, shortcoming),
        item(2, 'Rà soát nghị quyết', '2025-01-05', 'done', 100, null),
      ])
      .execute();

    const other = await makeUnit(ctx.db, { kind: 'committee', code: 'HK', name: 'Huyện ủy Hương Khê' });
    await makeAccount(ctx.db, { username: 'vanphong.hk', grants: [{ role: 'office', unit: other }] });
  });
  afterAll(async () => db.drop());

  it('the population is what the tests expect (the newly admitted member is not classified)', async () => {
    const rows = await ctx.db
      .selectFrom('campaign_members')
      .select(['member_id', 'included', 'classified'])
      .where('campaign_id', '=', fx.id)
      .execute();
    expect(rows.find((r) => r.member_id === moi.id)).toMatchObject({ included: 1, classified: 0 });
    expect(rows.find((r) => r.member_id === fx.tree.members.thuyB.id)?.included).toBe(0);
  });

  describe('members by level (exports.member-levels)', () => {
    it('lists the members by chi bộ in roster order, with published levels, Vietnamese headers and a printable layout', async () => {
      const { wb, fileName } = await download('vanphong', 'member-levels');
      expect(fileName).toBe('Xếp loại đảng viên 2024 - Thành ủy Hà Tĩnh - 15-01-2025.xlsx');
      const ws = wb.worksheets[0];
      expect(ws.name).toBe('Xếp loại đảng viên');
      const rows = rowsOf(ws);
      expect(rows[1][0]).toBe('THÀNH ỦY HÀ TĨNH');
      expect(String(rows[2][0])).toMatch(/^DANH SÁCH ĐẢNG VIÊN VÀ MỨC XẾP LOẠI CHẤT LƯỢNG NĂM 2024$/);
      expect(rows.some((r) => r?.[0] === 'Ngày xuất: 15/01/2025')).toBe(true);
      const h = headerRow(ws);
      expect(rows[h]).toEqual([
        'STT',
        'Họ và tên',
        'Ngày sinh',
        'Chi bộ',
        'Đảng bộ (chi bộ) cơ sở',
        'Chức vụ',
        'Tự xếp loại',
        'Mức xếp loại',
        'Ghi chú',
      ]);
      expectPrintable(ws, true);
      const data = dataRows(ws);
      // By chi bộ (P01.C1, P01.C2, S01), then by given name; the exempt member is not in the population.
      expect(data.map((r) => r[1])).toEqual([
        '=SUM(A1) Thị Hoa',
        'Đặng Văn Hùng',
        'Nguyễn Thị Thúy',
        'Trần Thị Lan',
        'Võ Thị Mới',
        'Phạm Văn An',
      ]);
      expect(data.map((r) => r[0])).toEqual([1, 2, 3, 4, 5, 6]);
      const [hoaRow, hung, thuy, lan, moiRow, an] = data;
      expect(hoaRow.slice(2, 8)).toEqual([
        '01/05/1980',
        'Chi bộ khối phố 1',
        'Đảng bộ phường Bắc Hà',
        '+84 912 345 678; @cmd',
        undefined,
        memberLevel('satisfactory'),
      ]);
      expect(thuy[6]).toBe(memberLevel('good'));
      expect(thuy[7]).toBe(memberLevel('excellent'));
      expect(thuy[8]).toBe('Quyết định số 15-QĐ/ĐU ngày 05/01/2025');
      expect(hung[7]).toBe('Chưa công bố');
      expect(hung[6]).toBeUndefined();
      expect(lan[7]).toBe(memberLevel('good'));
      expect(moiRow[7]).toBe('Không xếp loại');
      expect(String(moiRow[8])).toMatch(/^Mới kết nạp/);
      expect(an.slice(3, 5)).toEqual(['Chi bộ Trường THPT Phan Đình Phùng', 'Chi bộ Trường THPT Phan Đình Phùng']);
      expect(an[7]).toBe(memberLevel('excellent'));
      expect(ws.getCell(headerRow(ws) + 1, 1).type).toBe(NUMBER);
    });

    it('writes a name and posts that look like formulas as text', async () => {
      const { wb, content } = await download('vanphong', 'member-levels', fx.tree.cellA);
      const ws = wb.worksheets[0];
      const r = headerRow(ws) + 1;
      expect(ws.getCell(r, 2).value).toBe('=SUM(A1) Thị Hoa');
      expect(ws.getCell(r, 2).type).toBe(STRING);
      expect(ws.getCell(r, 2).formula).toBeUndefined();
      expect(ws.getCell(r, 6).type).toBe(STRING);
      expect(await zipEntryText(content, 'xl/worksheets/sheet1.xml')).not.toMatch(/<f[ >]/);
    });

    it('never carries an unpublished level, not even for those who may read it in the application', async () => {
      for (const username of ['vanphong', 'bantochuc', 'capuy.p01']) {
        const { wb, content } = await download(username, 'member-levels', fx.tree.ward);
        const hung = dataRows(wb.worksheets[0]).find((r) => r[1] === 'Đặng Văn Hùng')!;
        expect(hung[6]).toBeUndefined();
        expect(hung[7]).toBe('Chưa công bố');
        expect(hung[8]).toBeUndefined();
        // "Không hoàn thành nhiệm vụ" was decided for him only: it appears nowhere in the file.
        expect(await zipEntryText(content, 'xl/worksheets/sheet1.xml')).not.toContain(memberLevel('unsatisfactory'));
      }
    });

    it("holds only the subtree asked for, inside the caller's own", async () => {
      const { wb, fileName } = await download('bithu.c1', 'member-levels');
      expect(dataRows(wb.worksheets[0]).map((r) => r[1])).toEqual(['=SUM(A1) Thị Hoa', 'Đặng Văn Hùng', 'Nguyễn Thị Thúy']);
      expect(fileName).toMatch(/^Xếp loại đảng viên 2024 - Chi bộ khối phố 1 - /);
      expect(rowsOf(wb.worksheets[0]).some((r) => r?.[0] === 'Đơn vị: Chi bộ khối phố 1')).toBe(true);
      const ward = await download('capuy.p01', 'member-levels', fx.tree.cellB);
      expect(dataRows(ward.wb.worksheets[0]).map((r) => r[1])).toEqual(['Trần Thị Lan', 'Võ Thị Mới']);
    });
  });

  describe('totals by level and sector (exports.level-totals)', () => {
    it('counts units and members by sector and level with shares, and a bold totals row', async () => {
      const { wb } = await download('vanphong', 'level-totals');
      expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổ chức đảng', 'Đảng viên']);

      const members = wb.getWorksheet('Đảng viên')!;
      expectPrintable(members, true);
      const h = headerRow(members);
      expect(rowsOf(members)[h].slice(0, 8)).toEqual([
        'STT',
        'Loại hình',
        'Tổng số đảng viên',
        'Không xếp loại',
        'Chưa công bố',
        'Đã công bố kết quả',
        `${memberLevel('excellent')}: số lượng`,
        `${memberLevel('excellent')}: tỷ lệ`,
      ]);
      const m = dataRows(members);
      // Phường: Hoa, Hùng, Thúy, Lan, Mới — one not classified, one unpublished, three published.
      expect(m[0]).toEqual([1, 'Phường', 5, 1, 1, 3, 1, 1 / 3, 1, 1 / 3, 1, 1 / 3, 0, 0]);
      expect(m[1]).toEqual([2, 'Trường học', 1, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0]);
      expect(m[2]).toEqual([undefined, 'Tổng cộng', 6, 1, 1, 4, 2, 0.5, 1, 0.25, 1, 0.25, 0, 0]);
      const totalsRow = h + 3;
      expect(members.getCell(totalsRow, 2).font?.bold).toBe(true);
      expect(members.getCell(totalsRow, 3)).toMatchObject({ type: NUMBER, numFmt: '#,##0' });
      expect(members.getCell(totalsRow, 8)).toMatchObject({ value: 0.5, numFmt: '0.0%' });

      const units = wb.getWorksheet('Tổ chức đảng')!;
      expect(rowsOf(units)[headerRow(units)].slice(2, 7)).toEqual([
        'Tổng số tổ chức đảng',
        'Chưa công bố',
        'Đã công bố kết quả',
        `${unitLevel('excellent')}: số lượng`,
        `${unitLevel('excellent')}: tỷ lệ`,
      ]);
      const u = dataRows(units);
      // Phường: the ward (published HTXS), chi bộ 1 (decided, unpublished), chi bộ 2 (none yet).
      expect(u[0]).toEqual([1, 'Phường', 3, 2, 1, 1, 1, 0, 0, 0, 0, 0, 0]);
      expect(u[1]).toEqual([2, 'Trường học', 1, 0, 1, 0, 0, 1, 1, 0, 0, 0, 0]);
      expect(u[2]).toEqual([undefined, 'Tổng cộng', 4, 2, 2, 1, 0.5, 1, 0.5, 0, 0, 0, 0]);
    });
  });

  describe('the unit progress board (exports.unit-progress)', () => {
    it('lists each unit with its stage, dates, reviews, directors and overdue marks at the business date', async () => {
      const { wb } = await download('bantochuc', 'unit-progress');
      const ws = wb.worksheets[0];
      expectPrintable(ws, true);
      const h = headerRow(ws);
      expect(rowsOf(ws)[h]).toEqual([
        'STT',
        'Mã',
        'Tổ chức đảng',
        'Loại tổ chức',
        'Loại hình',
        'Giai đoạn hiện nay',
        'Từ ngày',
        'Ngày nộp hồ sơ',
        'Cần thẩm định',
        'Ngày thẩm định đạt',
        'Ngày hội nghị',
        'Số đảng viên',
        'Đã nộp bản kiểm điểm',
        'Phụ trách, chỉ đạo',
        'Quá hạn',
        'Chậm so với mốc',
      ]);
      const rows = dataRows(ws);
      expect(rows.map((r) => r[1])).toEqual(['P01', 'P01.C1', 'P01.C2', 'S01']);
      const [ward, , cellB, school] = rows;
      expect(ward.slice(2, 6)).toEqual(['Đảng bộ phường Bắc Hà', 'Đảng bộ cơ sở', 'Phường', 'Chưa bắt đầu']);
      expect(ward[11]).toBe(5);
      expect(ward[13]).toBe('chidao.p01');
      expect(ward[14]).toBe('Quá hạn');
      expect(String(ward[15])).toContain('Hoàn thành bản kiểm điểm');
      // 20:30 UTC on 28/11 is 29/11 in Vietnam.
      expect(cellB.slice(5, 8)).toEqual(['Đã nộp hồ sơ', expect.any(String), '29/11/2024']);
      expect(cellB[11]).toBe(2);
      expect(String(cellB[15])).not.toContain('Hoàn thành bản kiểm điểm');
      expect(school[5]).toBe('Đã công bố kết quả');
      expect(school[14]).toBeUndefined();
      expect(ws.getCell(h + 1, 12).type).toBe(NUMBER);
    });
  });

  describe('remediation tracking (exports.remediation-tracking)', () => {
    it('lists each measure with its shortcoming, deadline, progress and overdue mark; formula-looking text stays text', async () => {
      const { wb, content } = await download('vanphong', 'remediation-tracking');
      const ws = wb.worksheets[0];
      expectPrintable(ws, true);
      const h = headerRow(ws);
      expect(rowsOf(ws)[h]).toEqual([
        'STT',
        'Đối tượng',
        'Loại đối tượng',
        'Tổ chức đảng',
        'Hạn chế, khuyết điểm',
        'Biện pháp khắc phục',
        'Người thực hiện',
        'Thời hạn',
        'Tiến độ',
        'Tình trạng',
        'Quá hạn',
        'Kế hoạch',
      ]);
      const rows = dataRows(ws);
      expect(rows.map((r) => r[1])).toEqual(['Đảng bộ phường Bắc Hà', 'Đảng bộ phường Bắc Hà', 'Nguyễn Thị Thúy', 'Trần Thị Lan']);
      expect(rows[0]).toEqual([
        1,
        'Đảng bộ phường Bắc Hà',
        'Tập thể tổ chức đảng',
        'Đảng bộ phường Bắc Hà',
        '+cmd Sinh hoạt chi bộ chưa đều',
        '-1 buổi sinh hoạt mỗi tháng được bù ngay',
        '@cmd Bí thư',
        '10/01/2025',
        0.4,
        'Đang thực hiện',
        'Quá hạn',
        'Đã ban hành',
      ]);
      expect(rows[1].slice(4, 11)).toEqual([
        'Biện pháp chung',
        'Rà soát nghị quyết',
        '@cmd Bí thư',
        '05/01/2025',
        1,
        'Đã hoàn thành',
        undefined,
      ]);
      // The member's plan has no measure yet: it still has its line.
      expect(rows[3].slice(1, 6)).toEqual(['Trần Thị Lan', 'Cá nhân đảng viên', 'Chi bộ khối phố 2', undefined, 'Chưa có biện pháp']);
      for (const col of [5, 6, 7]) {
        expect(ws.getCell(h + 1, col).type).toBe(STRING);
        expect(ws.getCell(h + 1, col).formula).toBeUndefined();
      }
      expect(ws.getCell(h + 1, 9)).toMatchObject({ type: NUMBER, numFmt: '0%' });
      expect(await zipEntryText(content, 'xl/worksheets/sheet1.xml')).not.toMatch(/<f[ >]/);
    });

    it("a chi bộ secretary gets their chi bộ's plans only", async () => {
      const { wb } = await download('bithu.c1', 'remediation-tracking');
      expect(dataRows(wb.worksheets[0]).map((r) => r[1])).toEqual(['Nguyễn Thị Thúy']);
    });
  });

  describe('who may download (design §2)', () => {
    const kinds = ['member-levels', 'level-totals', 'unit-progress', 'remediation-tracking'];

    it('refuses a member with 403 and an anonymous caller with 401', async () => {
      const member = await as('dangvien.thuy');
      for (const kind of kinds) {
        const r = await member.get(url(kind));
        expect(r.status, kind).toBe(403);
        expect(r.body.error.code).toBe('auth.forbidden');
      }
      expect((await TestClient.for(ctx).get(url('member-levels'))).status).toBe(401);
    });

    it('refuses the administrator review content (levels, remediation), not the progress board', async () => {
      const admin = await as('admin');
      expect((await admin.get(url('member-levels'))).status).toBe(403);
      expect((await admin.get(url('level-totals'))).status).toBe(403);
      expect((await admin.get(url('remediation-tracking'))).status).toBe(403);
      expect((await admin.get(url('unit-progress'))).status).toBe(200);
    });

    it("answers 404 outside the caller's subtree and outside the committee", async () => {
      const secretary = await as('bithu.c1');
      for (const kind of kinds) {
        const r = await secretary.get(url(kind, fx.tree.cellB));
        expect(r.status, kind).toBe(404);
        expect(r.body.error.code).toBe('org_unit.not_found');
        expect((await secretary.get(url(kind, fx.tree.ward))).status).toBe(404);
      }
      const school = await as('capuy.s01');
      expect((await school.get(url('member-levels', fx.tree.ward))).status).toBe(404);
      expect((await school.get(url('unit-progress', newId()))).status).toBe(404);
      const outsider = await as('vanphong.hk');
      const r = await outsider.get(url('member-levels'));
      expect(r.status).toBe(404);
      expect(r.body.error.code).toBe('campaign.not_found');
    });

    it('lists the four operations in the OpenAPI document', async () => {
      const doc = (await TestClient.for(ctx).get('/api/openapi.json')).body;
      const ids = Object.values(doc.paths as Record<string, Record<string, { operationId: string }>>).flatMap((p) =>
        Object.values(p).map((o) => o.operationId),
      );
      expect(ids).toEqual(expect.arrayContaining(kinds.map((k) => `exports.${k}`)));
      expect(doc.paths['/api/campaigns/{campaignId}/exports/member-levels'].get.responses['403']['x-error-codes']).toContain(
        'auth.forbidden',
      );
    });
  });
});
