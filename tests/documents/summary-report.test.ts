// The committee's summary report (issue 5 item 1, "báo cáo kết quả kiểm điểm, đánh giá, xếp loại")
// on the completed demo year, on both databases: the figures are the dashboards' statistics (so the
// report and the screen agree), the charts are drawn on the server into the .docx, the header is
// the city's ("ĐẢNG BỘ TỈNH HÀ TĨNH / THÀNH ỦY HÀ TĨNH"), and issuing gives "Số 1-BC/TU". Once, on
// SQLite, the .docx is converted to PDF by LibreOffice as an office would print it: only Liberation
// fonts, the Vietnamese text intact, and page 1 kept as a PNG for a person to look at.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AppContext } from '../../src/server/features/context.js';
import { buildDemo, DEMO_PASSWORD } from '../../src/server/features/demo/build-demo.js';
import { contextFor } from '../../src/server/main.js';
import type { CampaignStatistics } from '../../src/shared/contracts/reports.js';
import { migratedDatabase, type TestDatabase } from '../support/databases.js';
import { docxToPdf, paragraph, readDocx, requireLibreOffice } from '../support/docx.js';
import { describeEachDialect } from '../support/each-dialect.js';
import { TestClient } from '../support/http.js';
import { pdfFonts, pdfPagePng, pdfText } from '../support/pdf-tools.js';

describeEachDialect('the summary report on the completed demo year', (dialect) => {
  let db: TestDatabase;
  let ctx: AppContext;
  let campaignId: string;
  let office: TestClient;
  let stats: CampaignStatistics;

  beforeAll(async () => {
    db = await migratedDatabase(dialect);
    ctx = contextFor(db.handle);
    await buildDemo(ctx, { scale: 'city', seed: 77, complete: true });
    campaignId = (await ctx.db.selectFrom('campaigns').select('id').where('review_year', '=', 2017).executeTakeFirstOrThrow()).id;
    office = await TestClient.loggedIn(ctx, 'vanphong', DEMO_PASSWORD);
    const r = await office.get(`/api/campaigns/${campaignId}/statistics`);
    expect(r.status).toBe(200);
    stats = r.body;
  }, 240_000);
  afterAll(async () => db?.drop());

  const kindQuery = () => `kind=summary_report&campaignId=${campaignId}`;

  it('states the progress and the levels as the dashboards count them, with their charts', async () => {
    const r = await office.get(`/api/documents/draft/docx?${kindQuery()}`);
    expect(r.status).toBe(200);
    const doc = await readDocx(Buffer.from(r.body as ArrayBuffer));
    expect(paragraph(doc, 'ĐẢNG BỘ TỈNH HÀ TĨNH')).toBeDefined();
    expect(paragraph(doc, 'THÀNH ỦY HÀ TĨNH')!.runs[0]).toMatchObject({ bold: true, size: 14 });
    expect(paragraph(doc, 'BÁO CÁO')!.runs[0]).toMatchObject({ bold: true, size: 16 });
    expect(paragraph(doc, 'kết quả kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên năm 2017')).toBeDefined();

    // The demo year is complete: every grassroots organization has its result published.
    expect(stats.progress).toMatchObject({ grassroots: 42, done: 42 });
    expect(doc.text).toContain(stats.progress.headline);
    expect(stats.progress.headline).toContain('42/42');
    // Levels as the statistics count them, each with its count.
    const memberLevels = stats.levelNames.member;
    const good = memberLevels.find((l) => l.level === 'good')!;
    expect(stats.members.good).toBeGreaterThan(0);
    expect(doc.text).toContain(`${good.label}: ${stats.members.good.toLocaleString('vi-VN')} đảng viên`);
    const unitGood = stats.levelNames.unit.find((l) => l.level === 'good')!;
    expect(doc.text).toContain(`${unitGood.label}: ${stats.units.good.toLocaleString('vi-VN')} tổ chức`);
    expect(doc.text).toContain(`Tổng số đảng viên được kiểm điểm: ${stats.members.total.toLocaleString('vi-VN')}`);
    // By sector, and 2016 against 2017.
    for (const s of stats.bySector.filter((x) => x.units.total > 0)) expect(doc.text).toContain(s.label);
    expect(stats.yearOverYear.map((y) => y.reviewYear)).toContain(2016);
    expect(doc.text).toContain('Năm 2016 (đảng viên)');
    // Remediation as followed in the demo.
    expect(doc.text).toContain(`số biện pháp: ${stats.remediation.items.total}`);
    // The charts are in the document (Word shows the SVG, others its PNG).
    expect(doc.images).toBeGreaterThanOrEqual(4);
    expect(doc.text).toContain('Kết quả xếp loại đảng viên');
  });

  it('is issued by the office under the next BC number of the Thành ủy', async () => {
    const r = await office.post('/api/documents', { kind: 'summary_report', campaignId, issuedOn: '2018-01-15' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ numberText: 'Số 1-BC/TU', issuerName: 'Thành ủy Hà Tĩnh', kind: 'summary_report' });
    const pdf = await office.get(`/api/documents/${r.body.id}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(pdf.body as ArrayBuffer)
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });

  // Printing is no data path: converted once, in the SQLite pass.
  if (dialect === 'sqlite')
    it('prints through LibreOffice with Liberation fonts only and the Vietnamese text intact', async () => {
      if (!(await requireLibreOffice())) return;
      const list = await office.get(`/api/documents?campaignId=${campaignId}&kind=summary_report`);
      const issued = list.body.items[0];
      const file = await office.get(`/api/documents/${issued.id}/docx`);
      const pdf = await docxToPdf(Buffer.from(file.body as ArrayBuffer), 'summary_report');
      const fonts = pdfFonts(pdf);
      expect(fonts.length).toBeGreaterThan(0);
      for (const f of fonts) {
        expect(f.name).toMatch(/Liberation/);
        expect(f.embedded).toBe(true);
      }
      const text = pdfText(pdf).normalize('NFC');
      for (const s of [
        'ĐẢNG CỘNG SẢN VIỆT NAM',
        'THÀNH ỦY HÀ TĨNH',
        'Số 1-BC/TU',
        'Hà Tĩnh, ngày 15 tháng 01 năm 2018',
        'BÁO CÁO',
        'xếp loại chất lượng tổ chức đảng và đảng viên năm 2017',
        'ĐÁNH GIÁ CHUNG',
      ])
        expect(text).toContain(s);
      pdfPagePng(pdf, 'test-artifacts/documents/summary_report.png', { page: 1, dpi: 60 });
      pdfPagePng(pdf, 'test-artifacts/documents/summary_report-2.png', { page: 2, dpi: 60 });
    });
});
