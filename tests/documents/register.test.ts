// Official documents and the register through HTTP on both databases (issue 5 item 1): the campaign
// plan as a draft in the party format of HD 36-HD/VPTW (regulations §6), read back from the .docx
// (text, fonts, sizes, header blocks, margins, page numbers from page 2); issuing takes the next
// number of the issuer's register for its type and year, also when many issue at once; the
// register and its downloads are scoped to the caller's subtrees (design §2 row "Documents,
// register, announcements").
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Clock } from '../../src/server/adapters/clock.js';
import { BUSINESS_DATE, setSetting } from '../../src/server/adapters/db/settings.repository.js';
import type { AppContext } from '../../src/server/features/context.js';
import { contextFor } from '../../src/server/main.js';
import { makeCampaignFixture, type CampaignFixture } from '../support/campaign-factories.js';
import { migratedDatabase, type TestDatabase } from '../support/databases.js';
import { docxToPdf, paragraph, readDocx, requireLibreOffice } from '../support/docx.js';
import { pdfFonts, pdfPagePng, pdfText } from '../support/pdf-tools.js';
import { describeEachDialect } from '../support/each-dialect.js';
import { TEST_PASSWORD } from '../support/factories.js';
import { clientsByUsername } from '../support/http.js';

const NOW = '2024-11-05T08:00:00.000Z';
const PLAN_TEXT = [
  'I. MỤC ĐÍCH, YÊU CẦU',
  'Kiểm điểm nghiêm túc, đánh giá đúng thực chất chất lượng tổ chức đảng và đảng viên.',
  '- Gắn với việc thực hiện Nghị quyết Trung ương 4 khóa XII.',
  '- Không làm qua loa, hình thức.',
  'II. NỘI DUNG',
  '1. Đối với tập thể',
].join('\n');

function fixedClock(iso: string): Clock {
  return { now: () => iso, nowMs: () => Date.parse(iso) };
}

describeEachDialect('documents and the register', (dialect) => {
  let db: TestDatabase;
  let ctx: AppContext;
  let f: CampaignFixture;
  const as = clientsByUsername(() => ctx, TEST_PASSWORD);
  const draftPath = (kind = 'campaign_plan') => `/api/documents/draft?kind=${kind}&campaignId=${f.id}`;

  beforeAll(async () => {
    db = await migratedDatabase(dialect);
    ctx = contextFor(db.handle, {}, fixedClock(NOW));
    f = await makeCampaignFixture(ctx, { year: 2024 });
    await setSetting(ctx.db, BUSINESS_DATE, '2024-11-05', NOW);
    await ctx.db.updateTable('campaigns').set({ plan_text: PLAN_TEXT }).where('id', '=', f.id).execute();
  });
  afterAll(async () => db?.drop());

  it('drafts the campaign plan with the HD 36 header: issuer, "*", a blank number, the place and date line left to fill', async () => {
    const c = await as(f.accounts.organizer.username);
    const r = await c.get(draftPath());
    expect(r.status).toBe(200);
    const { model, canIssue } = r.body;
    expect(canIssue).toBe(true);
    expect(model.draft).toBe(true);
    expect(model.header).toMatchObject({ issuer: 'THÀNH ỦY HÀ TĨNH', place: 'Hà Tĩnh', date: null, year: 2024 });
    expect(model.header.numberText).toMatch(/^Số\s+-KH\/TU$/);
    expect(model.typeName).toBe('KẾ HOẠCH');
  });

  it('writes the draft as a .docx in Times New Roman at the HD 36 sizes, A4 with the margins and page numbers from page 2', async () => {
    const c = await as(f.accounts.organizer.username);
    const r = await c.get(`/api/documents/draft/docx?kind=campaign_plan&campaignId=${f.id}`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('wordprocessingml');
    expect(r.headers.get('content-disposition')).toContain('.docx');
    const doc = await readDocx(Buffer.from(r.body as ArrayBuffer));

    expect(doc.defaults).toEqual({ font: 'Times New Roman', size: 14 });
    const party = paragraph(doc, 'ĐẢNG CỘNG SẢN VIỆT NAM')!;
    expect(party.runs[0]).toMatchObject({ bold: true, size: 15, font: 'Times New Roman' });
    expect(paragraph(doc, 'THÀNH ỦY HÀ TĨNH')!.runs[0]).toMatchObject({ bold: true, size: 14 });
    expect(paragraph(doc, '*')).toBeDefined();
    expect(doc.paragraphs.some((p) => /^Số\s+-KH\/TU$/.test(p.text))).toBe(true);
    const date = doc.paragraphs.find((p) => p.text.startsWith('Hà Tĩnh, ngày'))!;
    expect(date.text).toMatch(/^Hà Tĩnh, ngày\s+tháng\s+năm 2024$/);
    expect(date.runs[0]).toMatchObject({ italic: true, size: 14 });
    const type = paragraph(doc, 'KẾ HOẠCH')!;
    expect(type.align).toBe('center');
    expect(type.runs[0]).toMatchObject({ bold: true, size: 16 });
    expect(paragraph(doc, 'DỰ THẢO')).toBeDefined();
    // The plan's own text: part headings bold, list items with "- ", the body justified.
    expect(paragraph(doc, 'I. MỤC ĐÍCH, YÊU CẦU')!.runs[0]!.bold).toBe(true);
    expect(paragraph(doc, '- Không làm qua loa, hình thức.')).toBeDefined();
    expect(paragraph(doc, 'Kiểm điểm nghiêm túc, đánh giá đúng thực chất chất lượng tổ chức đảng và đảng viên.')!.align).toBe('both');
    // The timetable from the milestones, and the annex of assignments.
    expect(doc.text).toContain('Hoàn thành bản kiểm điểm');
    expect(doc.text).toContain('01/12/2024');
    expect(doc.text).toContain('PHỤ LỤC');
    expect(doc.text).toContain(f.accounts.director.username);
    // Signature block and recipients.
    expect(paragraph(doc, 'T/M BAN THƯỜNG VỤ')!.runs[0]!.bold).toBe(true);
    expect(paragraph(doc, 'Nơi nhận:')!.runs[0]!.underline).toBe(true);
    expect(doc.text).toContain('- Lưu Văn phòng Thành ủy Hà Tĩnh.');
    // A4, margins 20/20/30/15 mm, a first page without a number.
    expect(doc.section).toMatchObject({ width: 11906, height: 16838, titlePage: true });
    expect(doc.section.margins).toEqual({ top: 1134, bottom: 1134, left: 1701, right: 850 });
    expect(doc.headers.find((x) => x.type === 'default')!.pageNumber).toBe(true);
    expect(doc.headers.find((x) => x.type === 'first')!.pageNumber).toBe(false);
  });

  it('issues with the next number of the register, the date and the signer, and keeps the document as issued', async () => {
    const c = await as(f.accounts.organizer.username);
    const body = {
      kind: 'campaign_plan',
      campaignId: f.id,
      signature: { authority: 'T/M BAN THƯỜNG VỤ', title: 'PHÓ BÍ THƯ THƯỜNG TRỰC', name: 'Trần Tú Anh' },
    };
    const first = await c.post('/api/documents', body);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      numberText: 'Số 1-KH/TU',
      number: 1,
      year: 2024,
      issuedOn: '2024-11-05',
      signerName: 'Trần Tú Anh',
    });
    const second = await c.post('/api/documents', { ...body, issuedOn: '2024-11-06' });
    expect(second.body.numberText).toBe('Số 2-KH/TU');

    const audit = await ctx.db.selectFrom('audit_events').selectAll().where('entity_id', '=', first.body.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['document.issue']);

    // The plan changes afterwards; the issued document does not.
    await ctx.db.updateTable('campaigns').set({ plan_text: 'Nội dung sửa sau khi ban hành' }).where('id', '=', f.id).execute();
    const file = await c.get(`/api/documents/${first.body.id}/docx`);
    expect(file.status).toBe(200);
    const doc = await readDocx(Buffer.from(file.body as ArrayBuffer));
    expect(paragraph(doc, 'Số 1-KH/TU')).toBeDefined();
    expect(paragraph(doc, 'Hà Tĩnh, ngày 05 tháng 11 năm 2024')).toBeDefined();
    expect(paragraph(doc, 'Trần Tú Anh')!.runs[0]!.bold).toBe(true);
    expect(paragraph(doc, 'PHÓ BÍ THƯ THƯỜNG TRỰC')).toBeDefined();
    expect(paragraph(doc, 'DỰ THẢO')).toBeUndefined();
    expect(doc.text).toContain('I. MỤC ĐÍCH, YÊU CẦU');
    expect(doc.text).not.toContain('Nội dung sửa sau khi ban hành');
    await ctx.db.updateTable('campaigns').set({ plan_text: PLAN_TEXT }).where('id', '=', f.id).execute();
  });

  it('gives every issue its own number when many offices issue at once', async () => {
    const organizer = await as(f.accounts.organizer.username);
    const office = await as(f.accounts.office.username);
    const before = await ctx.db.selectFrom('documents').select('number').where('type_code', '=', 'KH').execute();
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        (i % 2 ? organizer : office).post('/api/documents', { kind: 'campaign_plan', campaignId: f.id }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(12).fill(200));
    const numbers = results.map((r) => r.body.number as number).sort((a, b) => a - b);
    const start = before.length + 1;
    expect(numbers).toEqual(Array.from({ length: 12 }, (_, i) => start + i));
    const rows = await ctx.db.selectFrom('documents').select('number').where('type_code', '=', 'KH').where('year', '=', 2024).execute();
    expect(new Set(rows.map((r) => r.number)).size).toBe(rows.length);
  });

  // Printing is no data path: converted once, in the SQLite pass.
  if (dialect === 'sqlite')
    it('prints the issued plan through LibreOffice with Liberation fonts only and the Vietnamese text intact', async () => {
      if (!(await requireLibreOffice())) return;
      const c = await as(f.accounts.organizer.username);
      const list = await c.get(`/api/documents?campaignId=${f.id}&kind=campaign_plan`);
      const first = list.body.items.find((e: { number: number }) => e.number === 1);
      const file = await c.get(`/api/documents/${first.id}/docx`);
      const pdf = await docxToPdf(Buffer.from(file.body as ArrayBuffer), 'campaign_plan');
      const fonts = pdfFonts(pdf);
      expect(fonts.length).toBeGreaterThan(0);
      for (const font of fonts) {
        expect(font.name).toMatch(/Liberation/);
        expect(font.embedded).toBe(true);
      }
      const text = pdfText(pdf).normalize('NFC');
      for (const s of [
        'ĐẢNG CỘNG SẢN VIỆT NAM',
        'THÀNH ỦY HÀ TĨNH',
        'Số 1-KH/TU',
        'Hà Tĩnh, ngày 05 tháng 11 năm 2024',
        'KẾ HOẠCH',
        'I. MỤC ĐÍCH, YÊU CẦU',
        'Kiểm điểm nghiêm túc, đánh giá đúng thực chất',
        'Trần Tú Anh',
      ])
        expect(text).toContain(s);
      pdfPagePng(pdf, 'test-artifacts/documents/campaign_plan.png', { page: 1, dpi: 60 });
    });

  it('numbers each year and type apart: a new year starts again at 1', async () => {
    const c = await as(f.accounts.organizer.username);
    const r = await c.post('/api/documents', { kind: 'campaign_plan', campaignId: f.id, issuedOn: '2025-01-03' });
    expect(r.body).toMatchObject({ numberText: 'Số 1-KH/TU', year: 2025 });
  });

  it('lists the register to those who read it, scoped to their subtrees, and refuses the rest (design §2)', async () => {
    const organizer = await as(f.accounts.organizer.username);
    const list = await organizer.get(`/api/documents?campaignId=${f.id}`);
    expect(list.status).toBe(200);
    expect(list.body.total).toBeGreaterThanOrEqual(15);
    expect(list.body.items[0]).toMatchObject({ kind: 'campaign_plan', issuerName: 'Thành ủy Hà Tĩnh' });
    const anId = list.body.items[0].id;

    // The ward's committee reads its own subtree's register: the city's documents are not in it.
    const ward = await as(f.accounts.unitCommittee.username);
    expect((await ward.get(`/api/documents?campaignId=${f.id}`)).body).toEqual({ items: [], total: 0 });
    expect((await ward.get(`/api/documents/${anId}`)).status).toBe(404);
    expect((await ward.get(`/api/documents/${anId}/pdf`)).status).toBe(404);

    // Standing reads (R) but does not issue; a member reads announcements only.
    const standing = await as(f.accounts.standing.username);
    expect((await standing.get(`/api/documents/${anId}`)).status).toBe(200);
    expect((await standing.post('/api/documents', { kind: 'campaign_plan', campaignId: f.id })).status).toBe(403);
    const member = await as(f.accounts.member.username);
    expect((await member.get(`/api/documents?campaignId=${f.id}`)).body.total).toBe(0);
    expect([403, 404]).toContain((await member.get(draftPath())).status);
    expect([403, 404]).toContain((await member.post('/api/documents', { kind: 'campaign_plan', campaignId: f.id })).status);
  });

  it('answers a bad request with a documented 4xx and writes nothing', async () => {
    const c = await as(f.accounts.organizer.username);
    const count = async () =>
      Number(
        (
          await ctx.db
            .selectFrom('documents')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    expect((await c.post('/api/documents', { kind: 'bien_ban_la', campaignId: f.id })).status).toBe(400);
    expect((await c.post('/api/documents', { kind: 'campaign_plan', campaignId: f.id, issuedOn: '31/12/2024' })).status).toBe(400);
    const subjectless = await c.post('/api/documents', { kind: 'collective_report', campaignId: f.id });
    expect(subjectless.status).toBe(400);
    expect(subjectless.body.error.code).toBe('document.subject_required');
    // A NUL character cannot be stored by PostgreSQL: refused the same on both databases, before any use case.
    const nul = await c.post('/api/documents', { kind: 'campaign_plan', campaignId: f.id, recipients: ['Ban Tổ chức\u0000'] });
    expect(nul.status).toBe(400);
    expect(nul.body.error.code).toBe('request.invalid');
    expect(await count()).toBe(before);
  });

  it('lets the top office change what regulations §6 leaves open, audited, and the next draft follows', async () => {
    const office = await as(f.accounts.office.username);
    const view = await office.get('/api/documents/settings');
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ canEdit: true, upperBody: null, place: null, derivedPlace: 'Hà Tĩnh' });
    expect(view.body.format).toEqual(view.body.defaults);
    const format = { ...view.body.format, numberColon: true, marginLeftMm: 35, marginTopMm: 25 };
    const saved = await office.request('PUT', '/api/documents/settings', {
      format,
      upperBody: 'ĐẢNG BỘ TỈNH HÀ TĨNH',
      place: 'TP. Hà Tĩnh',
    });
    expect(saved.status).toBe(200);
    expect(saved.body.format.numberColon).toBe(true);
    const audit = await ctx.db.selectFrom('audit_events').select('action').where('entity_id', '=', 'documents.format').execute();
    expect(audit.map((a) => a.action)).toEqual(['setting.update']);

    const draft = await office.get(draftPath());
    expect(draft.body.model.header).toMatchObject({ upperBody: 'ĐẢNG BỘ TỈNH HÀ TĨNH', place: 'TP. Hà Tĩnh' });
    expect(draft.body.model.header.numberText).toMatch(/^Số:\s+-KH\/TU$/);
    const file = await office.get(`/api/documents/draft/docx?kind=campaign_plan&campaignId=${f.id}`);
    const doc = await readDocx(Buffer.from(file.body as ArrayBuffer));
    expect(doc.section.margins).toMatchObject({ top: 1417, left: 1984 });
    expect(paragraph(doc, 'ĐẢNG BỘ TỈNH HÀ TĨNH')).toBeDefined();

    // Standing reads but does not configure; a bad margin is refused and nothing changes.
    const standing = await as(f.accounts.standing.username);
    expect((await standing.get('/api/documents/settings')).body.canEdit).toBe(false);
    expect((await standing.request('PUT', '/api/documents/settings', { format, upperBody: null, place: null })).status).toBe(403);
    const bad = await office.request('PUT', '/api/documents/settings', {
      format: { ...format, marginLeftMm: 120 },
      upperBody: null,
      place: null,
    });
    expect(bad.status).toBe(400);
    expect((await office.get('/api/documents/settings')).body.format.marginLeftMm).toBe(35);
    // Back to the defaults for the other tests.
    await office.request('PUT', '/api/documents/settings', { format: view.body.defaults, upperBody: null, place: null });
  });
});
