// The suggestion letter, the collective report, the individual review and the appraisal findings
// as documents (issue 5 item 1; HD 36-HD/VPTW, regulations §6; forms of regulations §3.3, §4, §11.6),
// through HTTP on both databases: each built from what was entered in Tự soi through the use case
// that shows it on screen, read back from the .docx (header, type name, summary, sections, bold and
// size of the key lines, tables, signatures, recipients), refused to whoever the screen refuses
// (design §2), and — once per kind, on SQLite — converted to PDF by LibreOffice to check the fonts
// and the Vietnamese text, page 1 kept as test-artifacts/documents/<kind>.png.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId, type Clock } from '../../src/server/adapters/clock.js';
import { loadPrincipal } from '../../src/server/adapters/auth/principal.repository.js';
import { BUSINESS_DATE, setSetting } from '../../src/server/adapters/db/settings.repository.js';
import { createCampaign } from '../../src/server/features/campaigns/create-campaign.js';
import { snapshotPopulation } from '../../src/server/features/campaigns/snapshot-population.js';
import type { AppContext } from '../../src/server/features/context.js';
import { contextFor } from '../../src/server/main.js';
import type { DialectName } from '../../src/server/adapters/db/dialect.js';
import { makeCampaignFixture, type CampaignFixture } from '../support/campaign-factories.js';
import { migratedDatabase, type TestDatabase } from '../support/databases.js';
import { docxToPdf, paragraph, readDocx, requireLibreOffice, type DocxContent } from '../support/docx.js';
import { describeEachDialect } from '../support/each-dialect.js';
import { TEST_PASSWORD, type UnitRef } from '../support/factories.js';
import { clientsByUsername } from '../support/http.js';
import { pdfFonts, pdfPagePng, pdfText, pdfToolsAvailable } from '../support/pdf-tools.js';

const NOW = '2024-11-20T08:00:00.000Z';
const DOTS = /…{10,}/;

function fixedClock(iso: string): Clock {
  return { now: () => iso, nowMs: () => Date.parse(iso) };
}

/** Whitespace collapsed, NFC: pdftotext -layout pads justified lines. */
const flat = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ');

/**
 * Once per kind on SQLite: the .docx through LibreOffice, only Liberation Serif embedded (no
 * fallback font), the Vietnamese text intact, page 1 written as a PNG to look at. Outside CI a
 * missing LibreOffice or poppler skips this part (requireLibreOffice fails it in CI).
 */
async function checkPdf(dialect: DialectName, kind: string, docx: Buffer, phrases: string[]): Promise<void> {
  if (dialect !== 'sqlite') return;
  if (!(await requireLibreOffice()) || !pdfToolsAvailable()) return;
  const pdf = await docxToPdf(docx, kind);
  const fonts = pdfFonts(pdf);
  expect(fonts.length).toBeGreaterThan(0);
  for (const f of fonts) {
    expect(f.name).toMatch(/^[A-Z]{6}\+LiberationSerif(-Bold|-Italic|-BoldItalic)?$/);
    expect(f.embedded).toBe(true);
  }
  const text = flat(pdfText(pdf));
  for (const phrase of phrases) expect(text).toContain(phrase.normalize('NFC'));
  pdfPagePng(pdf, path.join('test-artifacts', 'documents', `${kind}.png`), { dpi: 80 });
}

describeEachDialect('suggestion letter, collective report, individual review, appraisal findings', (dialect) => {
  let db: TestDatabase;
  let ctx: AppContext;
  let f: CampaignFixture;
  let c2025: string;
  const as = clientsByUsername(() => ctx, TEST_PASSWORD);
  const query = (kind: string, subjectId: string, campaignId = f.id) => `kind=${kind}&campaignId=${campaignId}&subjectId=${subjectId}`;
  const draft = async (username: string, kind: string, subjectId: string, campaignId?: string) =>
    (await as(username)).get(`/api/documents/draft?${query(kind, subjectId, campaignId)}`);
  const docxFile = async (username: string, kind: string, subjectId: string, campaignId?: string): Promise<[DocxContent, Buffer]> => {
    const r = await (await as(username)).get(`/api/documents/draft/docx?${query(kind, subjectId, campaignId)}`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('wordprocessingml');
    const buffer = Buffer.from(r.body as ArrayBuffer);
    return [await readDocx(buffer), buffer];
  };
  const paragraphText = (doc: DocxContent, start: string) => doc.paragraphs.find((p) => p.text.startsWith(start));
  const ids = { wardOld: newId(), lanOld: newId() };

  /** Opens a review as `username`, lets `change` edit its content, and saves it (reviews.save). */
  async function saveReview(
    username: string,
    kind: 'collective' | 'member',
    key: string,
    change: (content: any, view: any) => void,
    campaignId = f.id,
  ): Promise<void> {
    const c = await as(username);
    const url = `/api/campaigns/${campaignId}/reviews/${kind}/${key}`;
    const r = await c.get(url);
    expect(r.status).toBe(200);
    const content = r.body.content;
    change(content, r.body);
    const saved = await c.request('PUT', url, { version: r.body.version, content });
    expect(saved.status).toBe(200);
  }

  async function classify(memberId: string, unit: UnitRef, set: Record<string, string | null>): Promise<void> {
    await ctx.db.deleteFrom('classifications').where('campaign_id', '=', f.id).where('subject_key', '=', memberId).execute();
    await ctx.db
      .insertInto('classifications')
      .values({
        id: newId(),
        campaign_id: f.id,
        subject_kind: 'member',
        subject_key: memberId,
        unit_id: unit.id,
        member_id: memberId,
        scope_path: unit.path,
        status: 'proposed',
        self_level: 'good',
        proposed_level: 'good',
        decided_level: null,
        decision_number: null,
        decision_date: null,
        published_at: null,
        acknowledged_at: null,
        version: 1,
        created_at: NOW,
        updated_at: NOW,
        ...set,
      })
      .execute();
  }

  beforeAll(async () => {
    db = await migratedDatabase(dialect);
    ctx = contextFor(db.handle, {}, fixedClock(NOW));
    f = await makeCampaignFixture(ctx, { year: 2024 });
    const { tree } = f;
    await setSetting(ctx.db, BUSINESS_DATE, '2024-11-20', NOW);
    // Lan (chi bộ khối phố 2) is a key leader of the ward and writes the leaders' form (Mẫu 02B).
    await ctx.db.updateTable('members').set({ party_posts: 'Phó Bí thư Đảng ủy phường' }).where('id', '=', tree.members.lan.id).execute();
    await ctx.db
      .updateTable('campaign_members')
      .set({ is_key_leader: 1, form_meaning: 'member_leader' })
      .where('campaign_id', '=', f.id)
      .where('member_id', '=', tree.members.lan.id)
      .execute();
    await ctx.db.updateTable('members').set({ party_posts: 'Đảng viên' }).where('id', '=', tree.members.thuy.id).execute();

    // Last year's campaign, a shortcoming the ward declared then and the remediation item filed for it.
    const organizer = await loadPrincipal(ctx.db, f.accounts.organizer.id);
    const c2023 = (await createCampaign(ctx, organizer, { ownerUnitId: tree.committee.id, reviewYear: 2023, config: {}, milestones: [] }))
      .id;
    await ctx.db
      .insertInto('shortcomings')
      .values({
        id: ids.wardOld,
        subject_kind: 'unit',
        subject_key: tree.ward.id,
        unit_id: tree.ward.id,
        member_id: null,
        scope_path: tree.ward.path,
        campaign_id: c2023,
        year_found: 2023,
        text: 'Công tác kiểm tra, giám sát còn hình thức',
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
    await ctx.db
      .insertInto('remediation_plans')
      .values({
        id: plan,
        campaign_id: c2023,
        subject_kind: 'unit',
        subject_key: tree.ward.id,
        unit_id: tree.ward.id,
        member_id: null,
        scope_path: tree.ward.path,
        status: 'filed',
        filed_at: NOW,
        reported_at: null,
        updated_by: null,
        version: 1,
        created_at: NOW,
        updated_at: NOW,
      })
      .execute();
    await ctx.db
      .insertInto('remediation_items')
      .values({
        id: newId(),
        plan_id: plan,
        shortcoming_id: ids.wardOld,
        scope_path: tree.ward.path,
        position: 1,
        action: 'Xây dựng chương trình kiểm tra, giám sát theo chuyên đề',
        owner: 'Ủy ban Kiểm tra Đảng ủy',
        deadline: '2024-06-30',
        status: 'in_progress',
        progress_pct: 60,
        completed_at: null,
        version: 1,
        created_at: NOW,
        updated_at: NOW,
      })
      .execute();

    // Thúy's yearly commitment (the baseline of her review).
    await ctx.db
      .insertInto('commitments')
      .values({
        id: newId(),
        member_id: tree.members.thuy.id,
        year: 2024,
        items_json: JSON.stringify([{ id: 'cam-ket-1', text: 'Gương mẫu thực hiện những điều đảng viên không được làm' }]),
        updated_by: null,
        version: 1,
        created_at: NOW,
        updated_at: NOW,
      })
      .execute();

    // The plan issued through the register: the letters cite its number.
    const board = await as(f.accounts.organizer.username);
    const planDoc = await board.post('/api/documents', { kind: 'campaign_plan', campaignId: f.id, issuedOn: '2024-11-05' });
    expect(planDoc.body.numberText).toBe('Số 1-KH/TU');

    // Suggested points (issue 3 item 4), drafted and issued by the Organization Board.
    const suggest = async (target: object, items: string[], issue = true) => {
      const created = await board.post(`/api/campaigns/${f.id}/suggestions`, { target, items });
      expect(created.status).toBe(200);
      if (issue)
        expect((await board.post(`/api/suggestions/${created.body.id}/issue`, { version: created.body.version })).status).toBe(200);
    };
    await suggest({ kind: 'unit', unitId: tree.ward.id }, [
      'Làm rõ trách nhiệm của tập thể Đảng ủy trong việc để xảy ra đơn thư khiếu nại kéo dài về đất đai',
      'Việc lãnh đạo thực hiện công tác giải phóng mặt bằng dự án đường Hà Huy Tập còn chậm',
    ]);
    await suggest({ kind: 'member', memberId: tree.members.lan.id }, [
      'Trách nhiệm cá nhân trong việc chỉ đạo công tác cải cách hành chính',
    ]);
    await suggest({ kind: 'member', memberId: tree.members.school1.id }, ['Điểm gợi ý của trường, không thuộc phường']);
    await suggest({ kind: 'unit', unitId: tree.ward.id }, ['Một dự thảo chưa ban hành'], false);

    // Next year's campaign (QĐ 366 + HD 43): forms 2A / 2B / 2C, scored out of 100.
    c2025 = (
      await createCampaign(ctx, organizer, {
        ownerUnitId: tree.committee.id,
        reviewYear: 2025,
        config: {},
        milestones: [{ kind: 'reviews_due', dueDate: '2025-12-01' }],
      })
    ).id;
    await snapshotPopulation(ctx, organizer, c2025);
  });
  afterAll(async () => db?.drop());

  describe('suggestion letter (công văn gợi ý kiểm điểm)', () => {
    it("is the owner's letter: no type name, “V/v …” under the number, the addressees, the points numbered per target", async () => {
      const r = await draft(f.accounts.organizer.username, 'suggestion_letter', f.tree.ward.id);
      expect(r.status).toBe(200);
      const { model } = r.body;
      expect(model.header).toMatchObject({ upperBody: null, issuer: 'THÀNH ỦY HÀ TĨNH', place: 'Hà Tĩnh', date: null, year: 2024 });
      expect(model.header.numberText).toMatch(/^Số\s+-CV\/TU$/);
      expect(model.typeName).toBeNull();
      expect(model.summary).toBe('V/v gợi ý kiểm điểm năm 2024 đối với Đảng ủy phường Bắc Hà');
      expect(model.addressees).toEqual(['Đảng ủy phường Bắc Hà', 'Đồng chí Trần Thị Lan, Phó Bí thư Đảng ủy phường']);
      expect(model.signatures).toEqual([{ authority: 'T/M BAN THƯỜNG VỤ', title: 'BÍ THƯ', name: '' }]);
      expect(r.body.fileBase).toBe('Gợi ý kiểm điểm năm 2024 - Đảng ủy phường Bắc Hà');
      expect(r.body.canIssue).toBe(true);
    });

    it('writes the .docx with the letter layout and only the issued points of the unit and of those reviewed there', async () => {
      const [doc, buffer] = await docxFile(f.accounts.organizer.username, 'suggestion_letter', f.tree.ward.id);
      const vv = paragraph(doc, 'V/v gợi ý kiểm điểm năm 2024 đối với Đảng ủy phường Bắc Hà')!;
      expect(vv.runs[0]).toMatchObject({ italic: true, size: 12 });
      expect(paragraph(doc, 'THÀNH ỦY HÀ TĨNH')!.runs[0]).toMatchObject({ bold: true, size: 14 });
      expect(doc.paragraphs.some((p) => /^Số\s+-CV\/TU$/.test(p.text))).toBe(true);
      const to = paragraph(doc, 'Kính gửi: Đảng ủy phường Bắc Hà')!;
      expect(to.runs[0]).toMatchObject({ text: 'Kính gửi: ', italic: true });
      expect(paragraph(doc, 'Đồng chí Trần Thị Lan, Phó Bí thư Đảng ủy phường')).toBeDefined();
      // A letter has no type name line.
      expect(paragraph(doc, 'CÔNG VĂN')).toBeUndefined();
      expect(doc.text).toContain(
        'Thực hiện Kế hoạch số 1-KH/TU ngày 05/11/2024 của Ban Thường vụ Thành ủy Hà Tĩnh về kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên năm 2024, Ban Thường vụ Thành ủy Hà Tĩnh gợi ý những vấn đề cần tập trung kiểm điểm, làm rõ đối với tập thể Đảng ủy phường Bắc Hà và đồng chí Trần Thị Lan, Phó Bí thư Đảng ủy phường như sau:',
      );
      expect(paragraph(doc, 'I. ĐỐI VỚI TẬP THỂ ĐẢNG ỦY PHƯỜNG BẮC HÀ')!.runs[0]!.bold).toBe(true);
      expect(
        paragraph(doc, '1. Làm rõ trách nhiệm của tập thể Đảng ủy trong việc để xảy ra đơn thư khiếu nại kéo dài về đất đai'),
      ).toBeDefined();
      expect(paragraph(doc, '2. Việc lãnh đạo thực hiện công tác giải phóng mặt bằng dự án đường Hà Huy Tập còn chậm')).toBeDefined();
      expect(paragraph(doc, 'II. ĐỐI VỚI CÁ NHÂN')!.runs[0]!.bold).toBe(true);
      expect(paragraph(doc, '1. Đối với đồng chí Trần Thị Lan, Phó Bí thư Đảng ủy phường')!.runs[0]!.bold).toBe(true);
      expect(paragraph(doc, 'a) Trách nhiệm cá nhân trong việc chỉ đạo công tác cải cách hành chính')).toBeDefined();
      // Another unit's points and a draft never issued are not in it.
      expect(doc.text).not.toContain('không thuộc phường');
      expect(doc.text).not.toContain('Một dự thảo chưa ban hành');
      // What the unit must do, with the campaign's deadlines; the appraisal gate issuing turned on; the director.
      expect(doc.text).toContain('giải trình đầy đủ từng vấn đề được gợi ý tại phần “Giải trình những vấn đề được gợi ý kiểm điểm”');
      expect(doc.text).toContain('thời hạn hoàn thành bản kiểm điểm: trước ngày 01/12/2024');
      expect(doc.text).toContain(
        'Hồ sơ kiểm điểm của Đảng ủy phường Bắc Hà được Ban Tổ chức Thành ủy Hà Tĩnh thẩm định trước khi tổ chức hội nghị kiểm điểm (thời hạn thẩm định: trước ngày 10/12/2024)',
      );
      expect(doc.text).toContain('phân công đồng chí chidao.p01 dự, chỉ đạo hội nghị kiểm điểm của Đảng ủy phường Bắc Hà.');
      expect(paragraph(doc, 'T/M BAN THƯỜNG VỤ')!.runs[0]!.bold).toBe(true);
      expect(paragraph(doc, 'BÍ THƯ')).toBeDefined();
      expect(doc.text).toContain('- Như trên,');
      expect(doc.text).toContain('- Ban Tổ chức Thành ủy Hà Tĩnh,');
      expect(doc.text).toContain('- Lưu Văn phòng Thành ủy Hà Tĩnh.');
      // Body lines only: the header's two columns may wrap and interleave in the PDF's text.
      await checkPdf(dialect, 'suggestion_letter', buffer, [
        'Kính gửi: Đảng ủy phường Bắc Hà',
        'ĐỐI VỚI TẬP THỂ ĐẢNG ỦY PHƯỜNG BẮC HÀ',
        'Đối với đồng chí Trần Thị Lan, Phó Bí thư Đảng ủy phường',
      ]);
    });

    it("counts a key leader's points in her own chi bộ's letter too (the members reviewed at its meeting)", async () => {
      const r = await draft(f.accounts.organizer.username, 'suggestion_letter', f.tree.cellB.id);
      expect(r.status).toBe(200);
      expect(r.body.model.addressees).toEqual(['Chi bộ khối phố 2', 'Đồng chí Trần Thị Lan, Phó Bí thư Đảng ủy phường']);
      const texts = JSON.stringify(r.body.model.body);
      expect(texts).toContain('1. Trách nhiệm cá nhân trong việc chỉ đạo công tác cải cách hành chính');
      expect(texts).not.toContain('giải phóng mặt bằng');
    });

    it('answers 404 with a Vietnamese message for a unit without issued points', async () => {
      const r = await draft(f.accounts.organizer.username, 'suggestion_letter', f.tree.cellA.id);
      expect(r.status).toBe(404);
      expect(r.body.error).toMatchObject({ code: 'document.not_found' });
      expect(r.body.error.message).toMatch(/Chưa có gợi ý kiểm điểm nào được ban hành đối với Chi bộ khối phố 1/);
    });

    it('issues with the next CV number of the committee', async () => {
      const r = await (
        await as(f.accounts.office.username)
      ).post('/api/documents', {
        kind: 'suggestion_letter',
        campaignId: f.id,
        subjectId: f.tree.ward.id,
      });
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({
        numberText: 'Số 1-CV/TU',
        subjectId: f.tree.ward.id,
        title: 'V/v gợi ý kiểm điểm năm 2024 đối với Đảng ủy phường Bắc Hà',
      });
    });

    it('refuses those who may not read the points or the committee’s register (design §2)', async () => {
      const school = await draft(f.accounts.schoolCommittee.username, 'suggestion_letter', f.tree.ward.id);
      expect(school.status).toBe(404);
      expect(school.body.error.code).toBe('suggestion.not_found');
      expect((await draft(f.accounts.member.username, 'suggestion_letter', f.tree.ward.id)).status).toBe(404);
      // The ward's committee reads its points on screen, but the letter is in the city's register.
      expect([403, 404]).toContain((await draft(f.accounts.unitCommittee.username, 'suggestion_letter', f.tree.ward.id)).status);
    });
  });

  describe('collective report (Mẫu 01)', () => {
    beforeAll(async () => {
      await saveReview(f.accounts.unitCommittee.username, 'collective', f.tree.ward.id, (content, view) => {
        const texts: Record<string, string> = {
          principles: 'Duy trì nghiêm nguyên tắc tập trung dân chủ; ban hành quy chế làm việc nhiệm kỳ 2020–2025.',
          resolution_results: 'Hoàn thành 14/15 chỉ tiêu nghị quyết năm 2024.',
        };
        for (const s of content.strengths) {
          s.text = texts[s.criterionKey] ?? '';
          s.grade = s.criterionKey === 'principles' ? 'good' : null;
        }
        content.politicalTasks[0].text = 'Kết nạp 12 đảng viên mới, đạt 120 % kế hoạch.';
        content.politicalTasks[0].grade = 'excellent';
        content.shortcomings = [
          {
            key: 's1',
            text: 'Công tác giải phóng mặt bằng còn chậm',
            causeKind: 'subjective',
            cause: 'Sự phối hợp giữa các ngành chưa chặt chẽ',
          },
        ];
        content.carryOver = content.carryOver.map((c: any) => ({ ...c, status: 'being_fixed', note: 'Đã kiểm tra 3/5 chi bộ.' }));
        content.suggestionAnswers = content.suggestionAnswers.map((a: any, i: number) => ({
          ...a,
          answer: i === 0 ? 'Tập thể Đảng ủy nhận trách nhiệm do chậm chỉ đạo giải quyết đơn thư.' : '',
        }));
        content.directions = 'Tập trung giải quyết dứt điểm đơn thư tồn đọng trong quý I năm 2025.';
        content.manifestations = content.manifestations.map((m: any) => ({ ...m, present: false }));
        content.selfLevel = 'good';
        expect(view.form.code).toBe('Mẫu 01-HD KĐ.ĐG 2023');
      });
    });

    it("is the unit's own report: its đảng ủy's header and number, BÁO CÁO and the summary", async () => {
      const r = await draft(f.accounts.unitCommittee.username, 'collective_report', f.tree.ward.id);
      expect(r.status).toBe(200);
      const { model } = r.body;
      expect(model.header).toMatchObject({ upperBody: 'ĐẢNG BỘ THÀNH PHỐ HÀ TĨNH', issuer: 'ĐẢNG ỦY PHƯỜNG BẮC HÀ' });
      expect(model.header.numberText).toMatch(/^Số\s+-BC\/ĐU$/);
      expect(model.typeName).toBe('BÁO CÁO');
      expect(model.summary).toBe('kiểm điểm, tự đánh giá, xếp loại chất lượng tập thể Đảng ủy phường Bắc Hà năm 2024');
      expect(model.signatures).toEqual([{ authority: 'T/M ĐẢNG ỦY', title: 'BÍ THƯ', name: '' }]);
      expect(r.body.canIssue).toBe(true);
    });

    it('lays the report out in the sections of the form, with the grades, the carry-over and its remediation, the answers and the level', async () => {
      const [doc, buffer] = await docxFile(f.accounts.unitCommittee.username, 'collective_report', f.tree.ward.id);
      expect(paragraph(doc, 'ĐẢNG BỘ THÀNH PHỐ HÀ TĨNH')!.runs[0]).toMatchObject({ bold: false, size: 14 });
      expect(paragraph(doc, 'ĐẢNG ỦY PHƯỜNG BẮC HÀ')!.runs[0]).toMatchObject({ bold: true, size: 14 });
      expect(paragraph(doc, 'BÁO CÁO')!.runs[0]).toMatchObject({ bold: true, size: 16 });
      expect(paragraph(doc, 'kiểm điểm, tự đánh giá, xếp loại chất lượng tập thể Đảng ủy phường Bắc Hà năm 2024')!.runs[0]!.bold).toBe(
        true,
      );
      expect(paragraphText(doc, 'Thực hiện Kế hoạch số 1-KH/TU ngày 05/11/2024 của Ban Thường vụ Thành ủy Hà Tĩnh')).toBeDefined();

      const heading = (text: string) => {
        const p = paragraph(doc, text);
        expect(p, text).toBeDefined();
        expect(p!.runs[0]!.bold).toBe(true);
      };
      heading('I. Ưu điểm, kết quả đạt được');
      heading('1. Việc thực hiện nguyên tắc tổ chức và hoạt động của Đảng, nhất là nguyên tắc tập trung dân chủ; quy chế làm việc');
      expect(paragraph(doc, 'Duy trì nghiêm nguyên tắc tập trung dân chủ; ban hành quy chế làm việc nhiệm kỳ 2020–2025.')!.align).toBe(
        'both',
      );
      const grade = paragraph(doc, 'Tự đánh giá cấp độ: Tốt')!;
      expect(grade.runs.map((r) => [r.text, r.bold])).toEqual([
        ['Tự đánh giá cấp độ: ', false],
        ['Tốt', true],
      ]);
      // The key political tasks detail item I.2.
      heading('a) Xây dựng Đảng và hệ thống chính trị');
      expect(paragraph(doc, 'Kết nạp 12 đảng viên mới, đạt 120 % kế hoạch.')).toBeDefined();
      expect(paragraph(doc, 'Tự đánh giá cấp độ: Xuất sắc')).toBeDefined();
      heading('II. Hạn chế, khuyết điểm và nguyên nhân');
      expect(paragraph(doc, '1. Công tác giải phóng mặt bằng còn chậm')).toBeDefined();
      expect(paragraph(doc, 'Nguyên nhân: chủ quan – Sự phối hợp giữa các ngành chưa chặt chẽ')).toBeDefined();
      heading(
        'III. Kết quả khắc phục những hạn chế, khuyết điểm đã được cấp có thẩm quyền kết luận hoặc được chỉ ra ở các kỳ kiểm điểm trước',
      );
      expect(paragraph(doc, '1. Công tác kiểm tra, giám sát còn hình thức (chỉ ra năm 2023)')).toBeDefined();
      expect(
        paragraph(
          doc,
          '- Biện pháp khắc phục năm 2023: Xây dựng chương trình kiểm tra, giám sát theo chuyên đề; người thực hiện: Ủy ban Kiểm tra Đảng ủy; thời hạn: 30/06/2024 – đang thực hiện (60 %).',
        ),
      ).toBeDefined();
      expect(paragraph(doc, 'Kết quả khắc phục: Đang khắc phục')!.runs[1]).toMatchObject({ text: 'Đang khắc phục', bold: true });
      expect(paragraph(doc, 'Đã kiểm tra 3/5 chi bộ.')).toBeDefined();
      heading('IV. Giải trình những vấn đề được gợi ý kiểm điểm (nếu có)');
      const asked = paragraph(
        doc,
        '1. Vấn đề được gợi ý: Làm rõ trách nhiệm của tập thể Đảng ủy trong việc để xảy ra đơn thư khiếu nại kéo dài về đất đai',
      )!;
      expect(asked.runs[1]!.italic).toBe(true);
      expect(paragraph(doc, 'Tập thể Đảng ủy nhận trách nhiệm do chậm chỉ đạo giải quyết đơn thư.')).toBeDefined();
      // What was not written is left as a dotted line for the hand, never invented.
      const v = doc.paragraphs.findIndex((p) => p.text.startsWith('V. Trách nhiệm của tập thể và cá nhân'));
      expect(v).toBeGreaterThan(0);
      expect(doc.paragraphs[v + 1]!.text).toMatch(DOTS);
      expect(paragraph(doc, 'Tập trung giải quyết dứt điểm đơn thư tồn đọng trong quý I năm 2025.')).toBeDefined();
      heading('VII. Tự nhận mức xếp loại chất lượng');
      expect(paragraph(doc, 'Tự nhận mức xếp loại: Hoàn thành tốt nhiệm vụ')!.runs[1]).toMatchObject({ bold: true });
      // Signed for the collective; sent up to the city's Standing Committee.
      expect(paragraph(doc, 'T/M ĐẢNG ỦY')!.runs[0]!.bold).toBe(true);
      expect(doc.text).toContain('- Ban Thường vụ Thành ủy Hà Tĩnh (để báo cáo),');
      expect(doc.text).toContain('- Các đồng chí dự hội nghị kiểm điểm,');
      // The 27 manifestations as an annexed table.
      expect(paragraph(doc, 'PHỤ LỤC')!.runs[0]!.bold).toBe(true);
      expect(doc.tables).toBeGreaterThanOrEqual(1);
      expect(doc.text).toMatch(/A1\n[^\n]+\nKhông/);
      await checkPdf(dialect, 'collective_report', buffer, [
        'kiểm điểm, tự đánh giá, xếp loại chất lượng tập thể Đảng ủy phường Bắc Hà năm 2024',
        'Kết quả khắc phục: Đang khắc phục',
        'Tự nhận mức xếp loại: Hoàn thành tốt nhiệm vụ',
      ]);
    });

    it('is read where the report is read, and refused elsewhere (design §2, "Collective reports, dossiers")', async () => {
      expect((await draft(f.accounts.office.username, 'collective_report', f.tree.ward.id)).status).toBe(200);
      expect((await draft(f.accounts.director.username, 'collective_report', f.tree.ward.id)).status).toBe(200);
      const school = await draft(f.accounts.schoolCommittee.username, 'collective_report', f.tree.ward.id);
      expect(school.status).toBe(404);
      expect(school.body.error.code).toBe('review.not_found');
      expect((await draft(f.accounts.member.username, 'collective_report', f.tree.ward.id)).status).toBe(404);
      expect((await draft(f.accounts.director.username, 'collective_report', f.tree.school.id)).status).toBe(404);
    });

    it("issues in the ward's own register", async () => {
      const r = await (
        await as(f.accounts.unitCommittee.username)
      ).post('/api/documents', {
        kind: 'collective_report',
        campaignId: f.id,
        subjectId: f.tree.ward.id,
      });
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ numberText: 'Số 1-BC/ĐU', issuerName: 'Đảng bộ phường Bắc Hà' });
    });
  });

  describe('individual review (Mẫu 02A / 02B; 2A / 2B / 2C)', () => {
    const thuy = () => f.tree.members.thuy.id;
    beforeAll(async () => {
      await saveReview(f.accounts.member.username, 'member', thuy(), (content) => {
        content.strengths[0].text = 'Luôn giữ vững lập trường chính trị, chấp hành nghiêm chủ trương của Đảng.';
        content.strengths[0].grade = 'good';
        content.commitment = content.commitment.map((c: any) => ({ ...c, result: 'kept', note: '' }));
        content.shortcomings = [{ key: 's1', text: 'Có lúc chưa mạnh dạn góp ý', causeKind: 'subjective', cause: '' }];
        content.selfLevel = 'good';
      });
    });

    it("is the member's own paper: the chi bộ's header without a number, the form's title", async () => {
      const r = await draft(f.accounts.member.username, 'individual_review', thuy());
      expect(r.status).toBe(200);
      const { model } = r.body;
      expect(model.header).toMatchObject({ upperBody: 'ĐẢNG BỘ PHƯỜNG BẮC HÀ', issuer: 'CHI BỘ KHỐI PHỐ 1', numberText: null, date: null });
      expect(model.typeName).toBe('BẢN KIỂM ĐIỂM CÁ NHÂN');
      expect(model.summary).toBe('Năm 2024');
      expect(model.recipients).toEqual([]);
      expect(r.body.canIssue).toBe(false);
      const issue = await (
        await as(f.accounts.cellSecretaryA.username)
      ).post('/api/documents', {
        kind: 'individual_review',
        campaignId: f.id,
        subjectId: thuy(),
      });
      expect(issue.status).toBe(409);
      expect(issue.body.error.code).toBe('document.not_numbered');
    });

    it('writes the identity, the sections, the commitment and the sign-off with the confirmation blocks left dotted', async () => {
      const [doc, buffer] = await docxFile(f.accounts.member.username, 'individual_review', thuy());
      expect(paragraph(doc, 'CHI BỘ KHỐI PHỐ 1')!.runs[0]!.bold).toBe(true);
      expect(paragraph(doc, '*')).toBeDefined();
      expect(doc.paragraphs.some((p) => p.text.startsWith('Số'))).toBe(false);
      expect(paragraph(doc, 'BẢN KIỂM ĐIỂM CÁ NHÂN')!.runs[0]).toMatchObject({ bold: true, size: 16 });
      expect(paragraph(doc, 'Năm 2024')!.runs[0]!.bold).toBe(true);
      expect(paragraph(doc, 'Họ và tên: Nguyễn Thị Thúy')).toBeDefined();
      expect(paragraph(doc, 'Ngày sinh: 01/05/1980')).toBeDefined();
      expect(paragraph(doc, 'Chức vụ Đảng: Đảng viên')).toBeDefined();
      expect(paragraphText(doc, 'Đơn vị công tác: ')!.text).toMatch(DOTS);
      expect(paragraph(doc, 'Chi bộ: Chi bộ khối phố 1')).toBeDefined();
      // Mẫu 02A (no post): two items in section I, then the commitment as item 3.
      expect(
        paragraph(doc, '1. Phẩm chất chính trị, đạo đức, lối sống; ý thức tổ chức kỷ luật; tác phong, lề lối làm việc')!.runs[0]!.bold,
      ).toBe(true);
      expect(paragraph(doc, 'Luôn giữ vững lập trường chính trị, chấp hành nghiêm chủ trương của Đảng.')).toBeDefined();
      expect(paragraph(doc, '3. Việc thực hiện bản cam kết tu dưỡng, rèn luyện, phấn đấu hằng năm')).toBeDefined();
      expect(paragraph(doc, 'a) Gương mẫu thực hiện những điều đảng viên không được làm: Đã thực hiện.')).toBeDefined();
      expect(doc.text).not.toContain('Kết quả lãnh đạo, quản lý');
      expect(paragraph(doc, '1. Có lúc chưa mạnh dạn góp ý')).toBeDefined();
      expect(paragraph(doc, 'Nguyên nhân: chủ quan')).toBeDefined();
      // HD 25's section VII asks for the level as a party member (she is not a civil servant).
      expect(paragraph(doc, 'Là đảng viên: Hoàn thành tốt nhiệm vụ')).toBeDefined();
      expect(doc.text).not.toContain('Là cán bộ, công chức, viên chức');
      // The sign-off: the member signs; the chi bộ's and the competent level's blocks are dotted.
      expect(paragraph(doc, 'NGƯỜI TỰ KIỂM ĐIỂM')!.runs[0]!.bold).toBe(true);
      expect(paragraph(doc, 'Nguyễn Thị Thúy')!.runs[0]!.bold).toBe(true);
      const cell = paragraphText(doc, 'Nhận xét, đánh giá của chi ủy (chi bộ):')!;
      expect(cell.text).toMatch(/Đề nghị xếp loại: …{10,}\.$/);
      expect(cell.runs[0]!.italic).toBe(true);
      expect(paragraph(doc, 'T/M CHI ỦY (CHI BỘ)')!.runs[0]!.bold).toBe(true);
      expect(paragraphText(doc, 'Đánh giá, xếp loại của cấp có thẩm quyền:')!.text).toMatch(/: …{10,}\.$/);
      expect(paragraph(doc, 'T/M ĐẢNG ỦY')).toBeDefined();
      expect(paragraph(doc, 'Nơi nhận:')).toBeUndefined();
      await checkPdf(dialect, 'individual_review', buffer, [
        'BẢN KIỂM ĐIỂM CÁ NHÂN',
        'Họ và tên: Nguyễn Thị Thúy',
        'Luôn giữ vững lập trường chính trị, chấp hành nghiêm chủ trương của Đảng.',
        'Là đảng viên: Hoàn thành tốt nhiệm vụ',
      ]);
    });

    it('fills the blocks with what the reader may see: the secretary before publication, the member only once published', async () => {
      await classify(thuy(), f.tree.cellA, {
        status: 'decided',
        decided_level: 'good',
        decision_number: '15-QĐ/ĐU',
        decision_date: '2024-12-25',
      });
      const secretary = await draft(f.accounts.cellSecretaryA.username, 'individual_review', thuy());
      expect(secretary.status).toBe(200);
      const [left, , under] = secretary.body.model.signatures;
      expect(left.note).toMatch(/Đề nghị xếp loại: Hoàn thành tốt nhiệm vụ\.$/);
      expect(under.note).toBe(
        'Đánh giá, xếp loại của cấp có thẩm quyền: Hoàn thành tốt nhiệm vụ (Quyết định số 15-QĐ/ĐU ngày 25/12/2024).',
      );
      // Not yet published: the member sees her own level only, so both blocks stay dotted for her.
      const before = await draft(f.accounts.member.username, 'individual_review', thuy());
      expect(before.body.model.signatures[0].note).toMatch(/Đề nghị xếp loại: …{10,}\.$/);
      expect(before.body.model.signatures[2].note).toMatch(/cấp có thẩm quyền: …{10,}\.$/);

      await classify(thuy(), f.tree.cellA, {
        status: 'published',
        decided_level: 'good',
        decision_number: '15-QĐ/ĐU',
        decision_date: '2024-12-25',
        published_at: '2024-12-26T08:00:00.000Z',
      });
      const [doc] = await docxFile(f.accounts.member.username, 'individual_review', thuy());
      expect(
        paragraph(doc, 'Đánh giá, xếp loại của cấp có thẩm quyền: Hoàn thành tốt nhiệm vụ (Quyết định số 15-QĐ/ĐU ngày 25/12/2024).'),
      ).toBeDefined();
      // The chi bộ's proposal is not among what a member reads of her result.
      expect(paragraphText(doc, 'Nhận xét, đánh giá của chi ủy (chi bộ):')!.text).toMatch(/Đề nghị xếp loại: …{10,}\.$/);
    });

    it("gives a key leader the leaders' form (Mẫu 02B), with items 3–5 and the commitment as item 6", async () => {
      const r = await draft(f.accounts.organizer.username, 'individual_review', f.tree.members.lan.id);
      expect(r.status).toBe(200);
      const { model } = r.body;
      expect(model.typeName).toBe('BẢN KIỂM ĐIỂM CÁ NHÂN');
      expect(model.summary).toBe('Năm 2024 (cá nhân giữ chức vụ lãnh đạo, quản lý)');
      expect(model.header.issuer).toBe('CHI BỘ KHỐI PHỐ 2');
      const headings = model.body.filter((b: any) => b.type === 'heading').map((b: any) => b.text);
      expect(headings).toContain(
        '3. Kết quả lãnh đạo, quản lý và mức độ hoàn thành nhiệm vụ của các tổ chức, đơn vị thuộc phạm vi phụ trách; năng lực tập hợp, đoàn kết',
      );
      expect(headings).toContain('6. Việc thực hiện bản cam kết tu dưỡng, rèn luyện, phấn đấu hằng năm');
      // Her suggested point is printed for her to answer.
      expect(JSON.stringify(model.body)).toContain('Trách nhiệm cá nhân trong việc chỉ đạo công tác cải cách hành chính');
    });

    it('follows HD 43 from 2025: Mẫu 2C for a member outside the political system, parts A and B, the scores', async () => {
      await saveReview(
        f.accounts.member.username,
        'member',
        thuy(),
        (content, view) => {
          expect(view.form.code).toBe('Mẫu 2C (02C-HD KĐ.ĐG 2025)');
          content.scores = { general: 25, tasks: 60.5 };
          content.selfLevel = 'good';
        },
        c2025,
      );
      const r = await draft(f.accounts.member.username, 'individual_review', thuy(), c2025);
      expect(r.status).toBe(200);
      const { model } = r.body;
      expect(model.typeName).toBe('BẢN KIỂM ĐIỂM, TỰ ĐÁNH GIÁ, XẾP LOẠI CÁ NHÂN');
      expect(model.summary).toBe('Năm 2025 (đảng viên không làm việc trong hệ thống chính trị)');
      const [doc] = await docxFile(f.accounts.member.username, 'individual_review', thuy(), c2025);
      const order = [
        'A. NỘI DUNG KIỂM ĐIỂM',
        'I. Ưu điểm, kết quả đạt được',
        'B. NỘI DUNG TỰ ĐÁNH GIÁ, XẾP LOẠI',
        'I. Tự chấm điểm theo nhóm tiêu chí',
      ];
      const at = order.map((t) => doc.paragraphs.findIndex((p) => p.text === t));
      expect(at.every((i) => i >= 0)).toBe(true);
      expect([...at].sort((a, b) => a - b)).toEqual(at);
      expect(paragraph(doc, 'Nhóm I – Tiêu chí chung (Phụ lục 5): 25/30 điểm')).toBeDefined();
      expect(paragraph(doc, 'Nhóm II – Kết quả thực hiện nhiệm vụ (Phụ lục 5): 60,5/70 điểm')).toBeDefined();
      expect(paragraph(doc, 'Tổng điểm: 85,5/100 điểm')!.runs[1]!.bold).toBe(true);
      expect(paragraph(doc, 'II. Tự nhận mức xếp loại chất lượng')).toBeDefined();
      expect(paragraph(doc, 'Tự nhận mức xếp loại: Hoàn thành tốt nhiệm vụ')).toBeDefined();
    });

    it('is refused where the review is refused (design §2, "Individual reviews")', async () => {
      // The office reads documents but no individual review.
      const office = await draft(f.accounts.office.username, 'individual_review', thuy());
      expect(office.status).toBe(404);
      expect(office.body.error.code).toBe('review.not_found');
      // Another member of the same chi bộ.
      expect((await draft(f.accounts.memberDang.username, 'individual_review', thuy())).status).toBe(404);
      // The ward's director reads the key leaders' reviews only …
      expect((await draft(f.accounts.director.username, 'individual_review', thuy())).status).toBe(404);
      const lan = await draft(f.accounts.director.username, 'individual_review', f.tree.members.lan.id);
      expect(lan.status).toBe(200);
      // … and a profile the member page refuses him stays blank.
      const birth = lan.body.model.body.find((b: any) => b.type === 'paragraph' && b.runs[0]?.text === 'Ngày sinh: ');
      expect(birth.runs[1].text).toMatch(DOTS);
    });
  });

  describe('appraisal findings (thông báo kết quả thẩm định)', () => {
    const url = (tail: string) => `/api/campaigns/${f.id}/units/${f.tree.ward.id}/dossier${tail}`;
    const version = async () => (await (await as(f.accounts.organizer.username)).get(url(''))).body.version as number;
    const submitted = async () => {
      await ctx.db
        .updateTable('campaign_units')
        .set({ stage: 'submitted', submitted_at: '2024-11-18T08:00:00.000Z' })
        .where('id', '=', await f.campaignUnitId(f.tree.ward))
        .execute();
    };

    it('answers 404 before any appraisal', async () => {
      const r = await draft(f.accounts.organizer.username, 'appraisal_findings', f.tree.ward.id);
      expect(r.status).toBe(404);
      expect(r.body.error.message).toBe('Hồ sơ kiểm điểm của Đảng ủy phường Bắc Hà chưa được thẩm định.');
    });

    it('notifies a returned dossier: the parts checked, the findings by section, what to add', async () => {
      await submitted();
      const board = await as(f.accounts.organizer.username);
      expect((await board.post(url('/begin-appraisal'), { version: await version() })).status).toBe(200);
      const returned = await board.post(url('/return'), {
        version: await version(),
        reason: 'Báo cáo chưa giải trình đủ các vấn đề được gợi ý.',
        findings: [
          { section: 'IV', text: 'Chưa giải trình vấn đề thứ hai về giải phóng mặt bằng.' },
          { section: 'member_reviews', text: 'Bản kiểm điểm của đồng chí Trần Thị Lan chưa nộp.' },
        ],
      });
      expect(returned.status).toBe(200);

      const r = await draft(f.accounts.organizer.username, 'appraisal_findings', f.tree.ward.id);
      expect(r.status).toBe(200);
      const { model } = r.body;
      expect(model.header).toMatchObject({ issuer: 'THÀNH ỦY HÀ TĨNH' });
      expect(model.header.numberText).toMatch(/^Số\s+-TB\/TU$/);
      expect(model.typeName).toBe('THÔNG BÁO');
      expect(model.summary).toBe('kết quả thẩm định hồ sơ kiểm điểm, đánh giá, xếp loại chất lượng năm 2024 của Đảng ủy phường Bắc Hà');
      expect(model.signatures).toEqual([{ authority: 'T/L BAN THƯỜNG VỤ', title: 'TRƯỞNG BAN TỔ CHỨC', name: '' }]);

      const [doc, buffer] = await docxFile(f.accounts.organizer.username, 'appraisal_findings', f.tree.ward.id);
      expect(paragraph(doc, 'THÔNG BÁO')!.runs[0]).toMatchObject({ bold: true, size: 16 });
      expect(doc.text).toContain(
        'Thực hiện Kế hoạch số 1-KH/TU ngày 05/11/2024 của Ban Thường vụ Thành ủy Hà Tĩnh về kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên năm 2024; ngày 18/11/2024 Đảng ủy phường Bắc Hà gửi hồ sơ kiểm điểm. Ban Tổ chức Thành ủy Hà Tĩnh đã thẩm định hồ sơ (lần thứ 1, ngày 20/11/2024). Ban Thường vụ Thành ủy Hà Tĩnh thông báo kết quả thẩm định như sau:',
      );
      expect(paragraph(doc, 'I. HỒ SƠ ĐƯỢC THẨM ĐỊNH')!.runs[0]!.bold).toBe(true);
      // The table of the dossier's parts: the collective report as saved, the key leader's review.
      expect(doc.text).toMatch(/TT\nThành phần hồ sơ\nTình trạng/);
      expect(doc.text).toMatch(/1\nBáo cáo kiểm điểm tập thể\nĐang soạn/);
      expect(doc.text).toContain('Bản kiểm điểm của đồng chí Trần Thị Lan, Phó Bí thư Đảng ủy phường (Chi bộ khối phố 2)');
      expect(paragraph(doc, 'II. Ý KIẾN THẨM ĐỊNH')!.runs[0]!.bold).toBe(true);
      expect(paragraph(doc, '1. Báo cáo kiểm điểm tập thể, phần giải trình những vấn đề được gợi ý kiểm điểm')!.runs[0]!.bold).toBe(true);
      expect(paragraph(doc, '- Chưa giải trình vấn đề thứ hai về giải phóng mặt bằng.')).toBeDefined();
      expect(paragraph(doc, '2. Bản kiểm điểm của các đồng chí chủ chốt')).toBeDefined();
      expect(paragraph(doc, 'III. KẾT LUẬN')).toBeDefined();
      expect(
        paragraph(doc, 'Hồ sơ kiểm điểm của Đảng ủy phường Bắc Hà chưa đạt yêu cầu: Báo cáo chưa giải trình đủ các vấn đề được gợi ý.'),
      ).toBeDefined();
      expect(doc.text).toContain('gửi lại Ban Tổ chức Thành ủy Hà Tĩnh trước ngày ………… để thẩm định lại');
      expect(paragraph(doc, 'T/L BAN THƯỜNG VỤ')!.runs[0]!.bold).toBe(true);
      expect(paragraph(doc, 'TRƯỞNG BAN TỔ CHỨC')!.runs[0]!.bold).toBe(true);
      expect(doc.text).toContain('- Đảng ủy phường Bắc Hà,');
      expect(doc.text).toContain('- Các đồng chí được phân công phụ trách, chỉ đạo,');
      await checkPdf(dialect, 'appraisal_findings', buffer, [
        'THÔNG BÁO',
        'kết quả thẩm định hồ sơ kiểm điểm, đánh giá, xếp loại chất lượng năm 2024 của Đảng ủy phường Bắc Hà',
        'Chưa giải trình vấn đề thứ hai về giải phóng mặt bằng.',
      ]);
    });

    it('notifies the cleared second round, naming the first', async () => {
      await submitted();
      const board = await as(f.accounts.organizer.username);
      expect((await board.post(url('/begin-appraisal'), { version: await version() })).status).toBe(200);
      const cleared = await board.post(url('/clear'), {
        version: await version(),
        findings: [{ section: 'general', text: 'Hồ sơ đã bổ sung đầy đủ theo yêu cầu.' }],
      });
      expect(cleared.status).toBe(200);
      const r = await draft(f.accounts.office.username, 'appraisal_findings', f.tree.ward.id);
      expect(r.status).toBe(200);
      const text = JSON.stringify(r.body.model.body);
      expect(text).toContain('(lần thứ 2, ngày 20/11/2024); lần thứ 1 (ngày 20/11/2024): trả lại để bổ sung.');
      expect(text).toContain('1. Nhận xét chung');
      expect(text).toContain('Hồ sơ kiểm điểm của Đảng ủy phường Bắc Hà đạt yêu cầu.');
      expect(text).toContain(
        'Đề nghị Đảng ủy phường Bắc Hà tiếp thu các ý kiến nêu trên, hoàn chỉnh báo cáo, bản kiểm điểm trước khi tổ chức hội nghị và tổ chức hội nghị kiểm điểm theo kế hoạch.',
      );
      expect(text).not.toContain('chưa đạt yêu cầu');
      const issued = await (
        await as(f.accounts.organizer.username)
      ).post('/api/documents', {
        kind: 'appraisal_findings',
        campaignId: f.id,
        subjectId: f.tree.ward.id,
      });
      expect(issued.body).toMatchObject({ numberText: 'Số 1-TB/TU' });
    });

    it('is refused to those who may not read the dossier (design §2)', async () => {
      const school = await draft(f.accounts.schoolCommittee.username, 'appraisal_findings', f.tree.ward.id);
      expect(school.status).toBe(404);
      expect(school.body.error.code).toBe('dossier.not_found');
      expect((await draft(f.accounts.member.username, 'appraisal_findings', f.tree.ward.id)).status).toBe(404);
      expect((await draft(f.accounts.cellSecretaryA.username, 'appraisal_findings', f.tree.ward.id)).status).toBe(404);
    });
  });
});
