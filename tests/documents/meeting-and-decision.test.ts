// The documents written after the review meeting, through HTTP on both databases (issue 5 item 1;
// HD 36-HD/VPTW, regulations §6): a chi bộ holds its meeting in Tự soi (agenda, attendance, guests,
// criticism, an answer to a suggested point, conclusions, tallies), proposes, its grassroots
// committee decides in two batches and publishes one, and plans are written to remedy what was
// found. From that one record: the minutes (biên bản hội nghị), the vote tally (biên bản kiểm
// phiếu), the proposals of the chi bộ and of the Organization Board (tờ trình), the decision
// (quyết định, with the publication rule: the office reads it only once published) and the
// remediation plan (kế hoạch khắc phục) — each read back from the draft JSON and the .docx, each
// refused to whoever the page showing its content refuses (design §2), and once per kind (SQLite
// pass) printed to PDF with LibreOffice: Liberation Serif only, embedded, the Vietnamese intact.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/server/adapters/clock.js';
import { newId } from '../../src/server/adapters/clock.js';
import { BUSINESS_DATE, setSetting } from '../../src/server/adapters/db/settings.repository.js';
import type { AppContext } from '../../src/server/features/context.js';
import { contextFor } from '../../src/server/main.js';
import type { DocumentKind, DocumentModel } from '../../src/shared/contracts/documents.js';
import { heldConference } from '../classification/seed.js';
import { makeCampaignFixture, scheduledConference, type CampaignFixture } from '../support/campaign-factories.js';
import { migratedDatabase, type TestDatabase } from '../support/databases.js';
import { docxToPdf, paragraph, readDocx, requireLibreOffice, type DocxContent } from '../support/docx.js';
import { describeEachDialect } from '../support/each-dialect.js';
import { makeAccount, makeMember, makeSmallCommittee, makeUnit, TEST_PASSWORD } from '../support/factories.js';
import { clientsByUsername } from '../support/http.js';
import { pdfFonts, pdfPagePng, pdfText } from '../support/pdf-tools.js';

const KEY = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
/** The meeting opens at 08:30 and closes at 11:45, Hà Nội time (UTC+7). */
const OPENED = '2024-12-15T01:30:00.000Z';
const CLOSED = '2024-12-15T04:45:00.000Z';
const DOTS = '…………………………';

/** Whitespace collapsed, NFC: pdftotext -layout pads and breaks lines. */
const flat = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ');

describeEachDialect('documents after the review meeting', (dialect) => {
  let db: TestDatabase;
  let ctx: AppContext;
  let fx: CampaignFixture;
  let now = OPENED;
  const clock: Clock = { now: () => now, nowMs: () => Date.parse(now) };
  const m = {} as Record<'binh' | 'cuc' | 'hung' | 'thuy', string>;
  let conferenceId: string;
  let pointId: string;
  const as = clientsByUsername(() => ctx, TEST_PASSWORD);
  const api = (tail: string) => `/api/campaigns/${fx.id}${tail}`;
  const conf = (tail = '') => `/api/conferences/${conferenceId}${tail}`;
  const query = (kind: DocumentKind, subjectId: string) => `kind=${kind}&campaignId=${fx.id}&subjectId=${subjectId}`;
  async function draft(username: string, kind: DocumentKind, subjectId: string): Promise<DocumentModel> {
    const r = await (await as(username)).get(`/api/documents/draft?${query(kind, subjectId)}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body.model as DocumentModel;
  }
  async function status(username: string, kind: DocumentKind, subjectId: string): Promise<number> {
    return (await (await as(username)).get(`/api/documents/draft?${query(kind, subjectId)}`)).status;
  }
  async function docx(username: string, kind: DocumentKind, subjectId: string): Promise<{ doc: DocxContent; buffer: Buffer }> {
    const r = await (await as(username)).get(`/api/documents/draft/docx?${query(kind, subjectId)}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.headers.get('content-type')).toContain('wordprocessingml');
    const buffer = Buffer.from(r.body as ArrayBuffer);
    return { doc: await readDocx(buffer), buffer };
  }
  /** The model's running text, for assertions on what it says. */
  const textOf = (model: DocumentModel) =>
    [...model.body, ...(model.annexes ?? []).flatMap((a) => [{ type: 'heading', text: a.title, level: 1 } as const, ...a.body])]
      .map((b) =>
        b.type === 'paragraph'
          ? b.runs.map((r) => r.text).join('')
          : b.type === 'heading'
            ? b.text
            : b.type === 'list'
              ? b.items.join('\n')
              : b.type === 'table'
                ? [b.columns.map((c) => c.header).join(' | '), ...b.rows.map((r) => r.join(' | '))].join('\n')
                : '',
      )
      .join('\n');
  const rowOf = (doc: DocxContent, first: string) => doc.paragraphs.findIndex((p) => p.text === first);

  /**
   * Once per kind, in the SQLite pass: the .docx printed by LibreOffice embeds Liberation Serif only
   * and gives the Vietnamese back intact; page 1 is kept as a PNG for a person to look at.
   */
  async function checkPdf(kind: DocumentKind, buffer: Buffer, phrases: string[]): Promise<void> {
    if (dialect !== 'sqlite' || !(await requireLibreOffice())) return;
    const pdf = await docxToPdf(buffer, kind);
    const fonts = pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) {
      expect(f.name).toMatch(/^[A-Z]{6}\+LiberationSerif(-Bold|-Italic|-BoldItalic)?$/);
      expect(f.embedded).toBe(true);
    }
    const text = flat(pdfText(pdf));
    for (const phrase of phrases) expect(text).toContain(phrase.normalize('NFC'));
    pdfPagePng(pdf, `test-artifacts/documents/${kind}.png`);
  }

  beforeAll(async () => {
    db = await migratedDatabase(dialect);
    ctx = contextFor(db.handle, {}, clock);
    const tree = await makeSmallCommittee(ctx.db);
    m.binh = (await makeMember(ctx.db, tree.cellA, 'Hoàng Văn Bình', { isHead: true, partyPosts: 'Bí thư chi bộ', gender: 'male' })).id;
    m.cuc = (await makeMember(ctx.db, tree.cellA, 'Võ Thị Cúc', { partyPosts: 'Phó Bí thư chi bộ' })).id;
    m.hung = tree.members.dang.id;
    m.thuy = tree.members.thuy.id;
    fx = await makeCampaignFixture(ctx, { tree });
    await setSetting(ctx.db, BUSINESS_DATE, '2024-12-15', now);
    await makeAccount(ctx.db, { username: 'bithu.c2', grants: [{ role: 'cell_secretary', unit: tree.cellB }] });
    const other = await makeUnit(ctx.db, { kind: 'committee', code: 'HK', name: 'Huyện ủy Hương Khê' });
    await makeAccount(ctx.db, { username: 'thuongtruc.hk', grants: [{ role: 'standing', unit: other }] });
    conferenceId = await scheduledConference(ctx, fx, tree.cellA);

    // A point the upper level suggested to Bình (issued), which he answers at the meeting (regulations §4).
    const sid = newId();
    await ctx.db
      .insertInto('suggestions')
      .values({
        id: sid,
        campaign_id: fx.id,
        target_kind: 'member',
        unit_id: tree.cellA.id,
        member_id: m.binh,
        scope_path: tree.cellA.path,
        title: null,
        status: 'issued',
        issued_at: now,
        created_by: null,
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
    pointId = newId();
    await ctx.db
      .insertInto('suggestion_items')
      .values({ id: pointId, suggestion_id: sid, position: 1, text: 'Việc chậm thu, nộp đảng phí năm 2024' })
      .execute();
    // Self levels of the reviews (the collective's report and Thúy's own review).
    for (const [kind, key, memberId, level] of [
      ['collective', tree.cellA.id, null, 'good'],
      ['member', m.thuy, m.thuy, 'excellent'],
    ] as const) {
      await ctx.db
        .insertInto('reviews')
        .values({
          id: newId(),
          campaign_id: fx.id,
          subject_kind: kind,
          subject_key: key,
          unit_id: tree.cellA.id,
          member_id: memberId,
          scope_path: tree.cellA.path,
          form_meaning: kind === 'member' ? 'member_no_post' : 'collective',
          status: 'finalized',
          content_json: '{}',
          self_level: level,
          self_score: null,
          proxy_entered: 0,
          submitted_at: now,
          finalized_at: now,
          status_reason: null,
          updated_by: null,
          version: 1,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }

    // The meeting, as the chi bộ's secretary records it.
    const s = await as('bithu.c1');
    const ok = (r: { status: number; body: unknown }) => {
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return r.body as Record<string, any>;
    };
    let view = ok(await s.post(conf('/start'), { version: 1 }));
    view = ok(
      await s.request('PUT', conf('/minutes'), {
        version: view.version,
        minutes: {
          chair: 'Đồng chí Hoàng Văn Bình',
          secretary: 'Võ Thị Cúc',
          opening: 'Đồng chí Bí thư chi bộ khai mạc, nêu mục đích, yêu cầu của hội nghị.',
          closing: 'Hội nghị nhất trí thông qua biên bản.',
        },
      }),
    );
    ok(
      await s.request('PUT', conf('/attendance'), {
        items: [
          { memberId: m.binh, present: true },
          { memberId: m.cuc, present: true },
          { memberId: m.thuy, present: true },
          { memberId: m.hung, present: false, absenceReason: 'Ốm, điều trị tại bệnh viện' },
        ],
      }),
    );
    const director = (view.guests as { kind: string; accountId: string }[]).find((g) => g.kind === 'director')!;
    ok(
      await s.request('PUT', conf('/guests'), {
        directors: [{ accountId: director.accountId, attended: true }],
        upper: [{ name: 'Trần Văn Hải', title: 'Phó Trưởng Ban Tổ chức Thành ủy' }],
      }),
    );
    let key = 0;
    const entry = (body: Record<string, unknown>) => s.post(conf('/entries'), { clientKey: KEY(++key), ...body });
    const tally = (memberId: string, present: number, valid: number, invalid: number, v: number[]) =>
      s.request('PUT', conf('/tallies'), {
        memberId,
        version: null,
        present,
        valid,
        invalid,
        votes: { excellent: v[0], good: v[1], satisfactory: v[2], unsatisfactory: v[3] },
      });
    const agenda = view.agenda as { id: string; subjectKey: string }[];
    const done = async (subjectKey: string) =>
      ok(await s.post(conf('/agenda/complete'), { itemId: agenda.find((a) => a.subjectKey === subjectKey)!.id }));

    ok(await entry({ kind: 'note', text: 'Hội nghị thảo luận dân chủ, thẳng thắn.' }));
    const unit = { subjectKind: 'unit', subjectKey: tree.cellA.id };
    ok(await entry({ ...unit, kind: 'criticism', speaker: 'Nguyễn Thị Thúy', text: 'Sinh hoạt chi bộ có tháng chưa đúng định kỳ.' }));
    ok(await entry({ ...unit, kind: 'conclusion', text: 'Sinh hoạt chi bộ chưa đều đặn.' }));
    await done(tree.cellA.id);
    const binh = { subjectKind: 'member', subjectKey: m.binh };
    ok(
      await entry({
        ...binh,
        kind: 'criticism',
        speaker: 'Đồng chí Võ Thị Cúc',
        text: 'Đồng chí còn chậm đôn đốc thu đảng phí.',
        reply: 'Tiếp thu, sẽ khắc phục trong quý I.',
      }),
    );
    ok(await entry({ ...binh, kind: 'suggestion_answer', text: 'Đã thu đủ đảng phí từ tháng 10.', suggestionItemId: pointId }));
    ok(await entry({ ...binh, kind: 'conclusion', text: 'Chưa sâu sát việc thu đảng phí.' }));
    ok(await tally(m.binh, 3, 3, 0, [1, 2, 0, 0]));
    await done(m.binh);
    ok(await tally(m.cuc, 3, 3, 0, [0, 3, 0, 0]));
    await done(m.cuc);
    ok(await tally(m.hung, 3, 2, 1, [0, 1, 1, 0]));
    await done(m.hung);
    ok(await tally(m.thuy, 3, 3, 0, [2, 1, 0, 0]));
    view = await done(m.thuy);
    now = CLOSED;
    ok(await s.post(conf('/close'), { version: view.version }));

    // The chi bộ proposes its members from the tallies and its collective (regulations §2.5, §9b).
    ok(
      await s.post(api('/classification/proposals'), {
        unitId: tree.cellA.id,
        items: [
          ...[m.binh, m.cuc, m.hung, m.thuy].map((id) => ({ subjectKind: 'member', subjectKey: id, version: 0 })),
          { subjectKind: 'unit', subjectKey: tree.cellA.id, level: 'good', version: 0 },
        ],
      }),
    );
    // The ward has met too (seeded): the Organization Board proposes it to the Ban Thường vụ.
    await heldConference(ctx, fx, tree.ward);
    ok(
      await (
        await as('bantochuc')
      ).post(api('/classification/proposals'), {
        unitId: tree.committee.id,
        items: [{ subjectKind: 'unit', subjectKey: tree.ward.id, level: 'good', reason: 'Kết quả thẩm định đạt', version: 0 }],
      }),
    );
  });
  afterAll(async () => db?.drop());

  describe('biên bản hội nghị (conference_minutes)', () => {
    it('drafts the minutes issued by the chi bộ, signed by the secretary and the chair side by side', async () => {
      const model = await draft('bithu.c1', 'conference_minutes', conferenceId);
      expect(model.header).toMatchObject({ upperBody: 'ĐẢNG BỘ PHƯỜNG BẮC HÀ', issuer: 'CHI BỘ KHỐI PHỐ 1', date: null, year: 2024 });
      expect(model.header.numberText).toMatch(/^Số\s+-BB\/CB$/);
      expect(model.typeName).toBe('BIÊN BẢN');
      expect(model.summary).toBe('hội nghị kiểm điểm, đánh giá, xếp loại chất lượng năm 2024');
      expect(model.signatures).toEqual([
        { authority: null, title: 'THƯ KÝ HỘI NGHỊ', name: 'Võ Thị Cúc' },
        { authority: null, title: 'CHỦ TRÌ HỘI NGHỊ', name: 'Hoàng Văn Bình' },
      ]);
      expect(model.recipients).toEqual(['Đảng ủy phường Bắc Hà (để báo cáo)', 'Lưu hồ sơ kiểm điểm']);
      const text = textOf(model);
      // The agenda in its enforced order, each subject with what was said about it.
      expect(text).toContain(
        [
          '1. Tập thể Chi bộ khối phố 1',
          '2. Đồng chí Hoàng Văn Bình (Bí thư chi bộ)',
          '3. Đồng chí Võ Thị Cúc (Phó Bí thư chi bộ)',
          '4. Đồng chí Đặng Văn Hùng',
          '5. Đồng chí Nguyễn Thị Thúy',
        ].join('\n'),
      );
      expect(text.indexOf('1. Kiểm điểm tập thể Chi bộ khối phố 1')).toBeLessThan(text.indexOf('2. Kiểm điểm đồng chí Hoàng Văn Bình'));
    });

    it('writes in the .docx the time, place, chair, attendance with reasons, guests, entries, votes and the close', async () => {
      const { doc, buffer } = await docx('bithu.c1', 'conference_minutes', conferenceId);
      expect(paragraph(doc, 'CHI BỘ KHỐI PHỐ 1')!.runs[0]).toMatchObject({ bold: true, size: 14 });
      expect(paragraph(doc, 'ĐẢNG BỘ PHƯỜNG BẮC HÀ')!.runs[0]!.bold).toBe(false);
      expect(paragraph(doc, 'BIÊN BẢN')!.runs[0]).toMatchObject({ bold: true, size: 16 });
      expect(paragraph(doc, 'hội nghị kiểm điểm, đánh giá, xếp loại chất lượng năm 2024')!.runs[0]!.bold).toBe(true);
      expect(doc.text).toContain(
        'Hôm nay, lúc 08 giờ 30 phút, ngày 15/12/2024, tại Nhà văn hóa khối phố 1, Chi bộ khối phố 1 tổ chức hội nghị kiểm điểm, đánh giá, xếp loại chất lượng tập thể và cá nhân năm 2024.',
      );
      expect(paragraph(doc, 'I. THÀNH PHẦN HỘI NGHỊ')!.runs[0]!.bold).toBe(true);
      const chair = paragraph(doc, 'Chủ trì hội nghị: đồng chí Hoàng Văn Bình')!;
      expect(chair.runs.map((r) => [r.text, r.bold])).toEqual([
        ['Chủ trì hội nghị: ', true],
        ['đồng chí Hoàng Văn Bình', false],
      ]);
      expect(paragraph(doc, 'Thư ký hội nghị: đồng chí Võ Thị Cúc')).toBeDefined();
      expect(paragraph(doc, 'Đảng viên được triệu tập: 4 đồng chí; có mặt 3 đồng chí; vắng mặt 1 đồng chí.')).toBeDefined();
      expect(paragraph(doc, '- Đồng chí Đặng Văn Hùng: Ốm, điều trị tại bệnh viện')).toBeDefined();
      expect(paragraph(doc, 'Có mặt 3/4 đảng viên chính thức được triệu tập (cần trên 2): đủ số lượng để hội nghị hợp lệ.')).toBeDefined();
      expect(paragraph(doc, '- Đồng chí Trần Văn Hải, Phó Trưởng Ban Tổ chức Thành ủy')).toBeDefined();
      expect(paragraph(doc, '- Đồng chí chidao.p01, phụ trách, chỉ đạo')).toBeDefined();
      expect(paragraph(doc, 'Đồng chí Bí thư chi bộ khai mạc, nêu mục đích, yêu cầu của hội nghị.')).toBeDefined();
      // Criticism with the speaker in bold and the reply; the answer to the point suggested to Bình.
      const criticism = paragraph(
        doc,
        'Đồng chí Võ Thị Cúc: Đồng chí còn chậm đôn đốc thu đảng phí. Tiếp thu, giải trình: Tiếp thu, sẽ khắc phục trong quý I.',
      )!;
      expect(criticism.runs[0]).toMatchObject({ text: 'Đồng chí Võ Thị Cúc: ', bold: true });
      expect(criticism.runs[2]!.italic).toBe(true);
      expect(
        paragraph(doc, 'Giải trình vấn đề được gợi ý kiểm điểm «Việc chậm thu, nộp đảng phí năm 2024»: Đã thu đủ đảng phí từ tháng 10.'),
      ).toBeDefined();
      expect(paragraph(doc, '- Chưa sâu sát việc thu đảng phí.')).toBeDefined();
      expect(paragraph(doc, '- Sinh hoạt chi bộ chưa đều đặn.')).toBeDefined();
      expect(
        paragraph(
          doc,
          'Kết quả biểu quyết: có mặt 3, phiếu hợp lệ 2, không hợp lệ 1; HTXSNV 0 phiếu, HTTNV 1 phiếu, HTNV 1 phiếu, KHTNV 0 phiếu. Chi bộ đề nghị mức: Hoàn thành nhiệm vụ.',
        ),
      ).toBeDefined();
      expect(paragraph(doc, 'Hội nghị thảo luận dân chủ, thẳng thắn.')).toBeDefined();
      // The tallies by member, in agenda order, as a table.
      const header = rowOf(doc, 'TT');
      expect(doc.paragraphs.slice(header, header + 9).map((p) => p.text)).toEqual([
        'TT',
        'Họ và tên',
        'Có mặt',
        'Hợp lệ',
        'HTXSNV',
        'HTTNV',
        'HTNV',
        'KHTNV',
        'Đề nghị',
      ]);
      expect(doc.paragraphs.slice(header + 9, header + 18).map((p) => p.text)).toEqual([
        '1',
        'Hoàng Văn Bình',
        '3',
        '3',
        '1',
        '2',
        '0',
        '0',
        'HTTNV',
      ]);
      expect(paragraph(doc, 'Hội nghị nhất trí thông qua biên bản.')).toBeDefined();
      expect(paragraph(doc, 'Hội nghị kết thúc lúc 11 giờ 45 phút, ngày 15/12/2024.')).toBeDefined();
      // Two signatures side by side: the secretary left, the chair right, names in bold.
      const sec = rowOf(doc, 'THƯ KÝ HỘI NGHỊ');
      expect(sec).toBeGreaterThan(0);
      expect(doc.paragraphs[sec]!.runs[0]!.bold).toBe(true);
      expect(rowOf(doc, 'CHỦ TRÌ HỘI NGHỊ')).toBeGreaterThan(sec);
      // (The names appear first in the tally table; the signature block comes last.)
      const last = (name: string) => doc.paragraphs.filter((x) => x.text === name).at(-1)!;
      expect(doc.paragraphs.indexOf(last('Võ Thị Cúc'))).toBeGreaterThan(sec);
      expect(last('Võ Thị Cúc').runs[0]!.bold).toBe(true);
      expect(last('Hoàng Văn Bình').runs[0]!.bold).toBe(true);
      await checkPdf('conference_minutes', buffer, [
        'BIÊN BẢN',
        'Hội nghị kết thúc lúc 11 giờ 45 phút, ngày 15/12/2024.',
        'Ốm, điều trị tại bệnh viện',
        'THƯ KÝ HỘI NGHỊ',
        'CHỦ TRÌ HỘI NGHỊ',
      ]);
    }, 240_000);

    it('is for the staff who read the meeting: a member reads her chi bộ’s minutes on screen but gets no document (design §2)', async () => {
      for (const username of ['vanphong', 'thuongtruc', 'bantochuc', 'capuy.p01', 'chidao.p01']) {
        expect([username, await status(username, 'conference_minutes', conferenceId)]).toEqual([username, 200]);
      }
      const member = await as('dangvien.thuy');
      const page = await member.get(conf());
      expect(page.status).toBe(200);
      // The minutes page keeps the point suggested to Bình from her; the register is staff only.
      expect(page.body.suggestionItems).toEqual([]);
      const refused = await member.get(`/api/documents/draft?${query('conference_minutes', conferenceId)}`);
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('auth.forbidden');
      expect((await member.get(`/api/documents/draft/docx?${query('conference_minutes', conferenceId)}`)).status).toBe(403);
      // Another chi bộ, the administrator, another grassroots unit and another committee: not found.
      for (const username of ['bithu.c2', 'admin', 'capuy.s01', 'thuongtruc.hk']) {
        expect([username, await status(username, 'conference_minutes', conferenceId)]).toEqual([username, 404]);
      }
      // A meeting is a document of its own campaign only.
      expect(await status('bithu.c1', 'conference_minutes', newId())).toBe(404);
    });
  });

  describe('biên bản kiểm phiếu (vote_tally)', () => {
    it('sets out each member’s count and the level it proposes (regulations §9b), the committee’s names left dotted', async () => {
      const model = await draft('bithu.c1', 'vote_tally', conferenceId);
      expect(model.header.numberText).toMatch(/^Số\s+-BB\/CB$/);
      expect(model.typeName).toBe('BIÊN BẢN');
      expect(model.summary).toBe('kiểm phiếu biểu quyết đề nghị xếp loại chất lượng đảng viên năm 2024');
      expect(model.signatures.map((s) => [s.title, s.name])).toEqual([
        ['CÁC ỦY VIÊN BAN KIỂM PHIẾU', DOTS],
        ['TRƯỞNG BAN KIỂM PHIẾU', DOTS],
      ]);
      const table = model.body.find((b) => b.type === 'table')!;
      expect(table.type === 'table' && table.rows).toEqual([
        [1, 'Hoàng Văn Bình', 3, 3, 1, 2, 0, 0, 'HTTNV'],
        [2, 'Võ Thị Cúc', 3, 3, 0, 3, 0, 0, 'HTTNV'],
        [3, 'Đặng Văn Hùng', 3, 2, 0, 1, 1, 0, 'HTNV'],
        [4, 'Nguyễn Thị Thúy', 3, 3, 2, 1, 0, 0, 'HTXSNV'],
      ]);
      const text = textOf(model);
      expect(text).toContain('Số đảng viên chính thức được triệu tập: 4; số đảng viên chính thức có mặt: 3.');
      expect(text).toContain(
        'Đồng chí Nguyễn Thị Thúy: 3 phiếu phát ra, thu vào 3 (3 hợp lệ, 0 không hợp lệ); 2/3 phiếu hợp lệ ở mức «Hoàn thành xuất sắc nhiệm vụ» trở lên, đề nghị mức này.',
      );
      expect(text).toContain(
        'Đồng chí Đặng Văn Hùng: 3 phiếu phát ra, thu vào 3 (2 hợp lệ, 1 không hợp lệ); 2/2 phiếu hợp lệ ở mức «Hoàn thành nhiệm vụ» trở lên, đề nghị mức này.',
      );
      expect(text).toContain(`Đồng chí ${DOTS} – Trưởng ban`);
    });

    it('writes the count as a table in the .docx, with the counting committee’s signatures', async () => {
      const { doc, buffer } = await docx('bithu.c1', 'vote_tally', conferenceId);
      const header = rowOf(doc, 'Phiếu phát ra');
      expect(doc.paragraphs[header]!.runs[0]).toMatchObject({ bold: true, size: 11 });
      const thuy = rowOf(doc, 'Nguyễn Thị Thúy');
      expect(doc.paragraphs.slice(thuy - 1, thuy + 8).map((p) => p.text)).toEqual([
        '4',
        'Nguyễn Thị Thúy',
        '3',
        '3',
        '2',
        '1',
        '0',
        '0',
        'HTXSNV',
      ]);
      expect(paragraph(doc, 'KẾT QUẢ KIỂM PHIẾU')!.runs[0]!.bold).toBe(true);
      expect(paragraph(doc, 'TRƯỞNG BAN KIỂM PHIẾU')!.runs[0]!.bold).toBe(true);
      expect(rowOf(doc, 'CÁC ỦY VIÊN BAN KIỂM PHIẾU')).toBeLessThan(rowOf(doc, 'TRƯỞNG BAN KIỂM PHIẾU'));
      await checkPdf('vote_tally', buffer, ['KẾT QUẢ KIỂM PHIẾU', 'Nguyễn Thị Thúy', 'TRƯỞNG BAN KIỂM PHIẾU']);
    }, 240_000);

    it('is refused to a member, who never reads tallies (403), and outside the subtree (404)', async () => {
      expect(await status('dangvien.thuy', 'vote_tally', conferenceId)).toBe(403);
      for (const username of ['bithu.c2', 'admin', 'thuongtruc.hk']) {
        expect([username, await status(username, 'vote_tally', conferenceId)]).toEqual([username, 404]);
      }
      expect(await status('vanphong', 'vote_tally', conferenceId)).toBe(200);
    });
  });

  describe('tờ trình đề nghị xếp loại (classification_proposal)', () => {
    it('puts the chi bộ’s proposals to its đảng ủy: the collective, the members by level and the quota arithmetic', async () => {
      const model = await draft('bithu.c1', 'classification_proposal', fx.tree.cellA.id);
      expect(model.header).toMatchObject({ issuer: 'CHI BỘ KHỐI PHỐ 1', upperBody: 'ĐẢNG BỘ PHƯỜNG BẮC HÀ' });
      expect(model.header.numberText).toMatch(/^Số\s+-TTr\/CB$/);
      expect(model.typeName).toBe('TỜ TRÌNH');
      expect(model.summary).toBe('đề nghị xếp loại chất lượng chi bộ và đảng viên năm 2024');
      expect(model.addressees).toEqual(['Đảng ủy phường Bắc Hà']);
      expect(model.signatures).toEqual([{ authority: 'T/M CHI BỘ', title: 'BÍ THƯ', name: '' }]);
      expect(model.recipients).toEqual(['Như kính gửi', 'Lưu']);
      const text = textOf(model);
      expect(text).toContain(
        'Thực hiện Quy định số 124-QĐ/TW, ngày 04/10/2023 của Bộ Chính trị; Hướng dẫn số 25-HD/BTCTW, ngày 10/11/2023 của Ban Tổ chức Trung ương; ' +
          'Kế hoạch của Ban Thường vụ Thành ủy Hà Tĩnh về kiểm điểm',
      );
      expect(text).toContain('Chi bộ khối phố 1 tự đánh giá, đề nghị xếp loại: «Hoàn thành tốt nhiệm vụ».');
      expect(text).toContain(
        'Tổng số đảng viên: 4 đồng chí; không kiểm điểm: 0; kiểm điểm nhưng không xếp loại: 0; thuộc diện xếp loại: 4 đồng chí.',
      );
      expect(text).toContain(
        [
          'Hoàn thành xuất sắc nhiệm vụ: 1 đồng chí, chiếm 25 %.',
          'Hoàn thành tốt nhiệm vụ: 2 đồng chí, chiếm 50 %.',
          'Hoàn thành nhiệm vụ: 1 đồng chí, chiếm 25 %.',
          'Không hoàn thành nhiệm vụ: 0 đồng chí, chiếm 0 %.',
        ].join('\n'),
      );
      // R9 as the checks count it, over the whole grassroots unit (regulations §2.4, §9b).
      expect(text).toContain(
        'Về tỷ lệ HTXSNV: không quá 20 % số HTTNV trong nhóm đảng viên Đảng bộ phường Bắc Hà theo QĐ 124-QĐ/TW, 04/10/2023, lấy phần nguyên ' +
          '(mặc định của Tự soi): 2 đảng viên HTTNV × 20 % = 0,4 → tối đa 0 HTXSNV; cả nhóm đề nghị 1, vượt 1.',
      );
      expect(text).toContain('Chi bộ khối phố 1 kính trình Đảng ủy phường Bắc Hà xem xét, quyết định./.');
      const annex = model.annexes![0]!;
      expect(annex.title).toBe('PHỤ LỤC');
      const table = annex.body[0]!;
      expect(table.type === 'table' && table.columns.map((c) => c.header)).toEqual([
        'STT',
        'Họ và tên',
        'Chi bộ',
        'Tự xếp loại',
        'Chi bộ đề nghị',
        'Ghi chú',
      ]);
      expect(table.type === 'table' && table.rows).toEqual([
        [1, 'Hoàng Văn Bình', 'Chi bộ khối phố 1', '', 'HTTNV', ''],
        [2, 'Võ Thị Cúc', 'Chi bộ khối phố 1', '', 'HTTNV', ''],
        [3, 'Đặng Văn Hùng', 'Chi bộ khối phố 1', '', 'HTNV', ''],
        [4, 'Nguyễn Thị Thúy', 'Chi bộ khối phố 1', 'HTXSNV', 'HTXSNV', ''],
      ]);
    });

    it('writes the .docx with "Kính gửi", the body and the annexed list', async () => {
      const { doc, buffer } = await docx('capuy.p01', 'classification_proposal', fx.tree.cellA.id);
      const to = paragraph(doc, 'Kính gửi: Đảng ủy phường Bắc Hà')!;
      expect(to.runs.map((r) => [r.text, r.italic])).toEqual([
        ['Kính gửi: ', true],
        ['Đảng ủy phường Bắc Hà', false],
      ]);
      expect(paragraph(doc, 'TỜ TRÌNH')!.runs[0]).toMatchObject({ bold: true, size: 16 });
      expect(paragraph(doc, 'III. ĐỐI VỚI ĐẢNG VIÊN') ?? paragraph(doc, 'II. ĐỐI VỚI ĐẢNG VIÊN')).toBeDefined();
      expect(paragraph(doc, 'PHỤ LỤC')!.runs[0]!.bold).toBe(true);
      const thuy = rowOf(doc, 'Nguyễn Thị Thúy');
      expect(doc.paragraphs.slice(thuy - 1, thuy + 4).map((p) => p.text)).toEqual([
        '4',
        'Nguyễn Thị Thúy',
        'Chi bộ khối phố 1',
        'HTXSNV',
        'HTXSNV',
      ]);
      expect(paragraph(doc, 'T/M CHI BỘ')!.runs[0]!.bold).toBe(true);
      await checkPdf('classification_proposal', buffer, ['TỜ TRÌNH', 'Kính gửi: Đảng ủy phường Bắc Hà', '× 20 % = 0,4 → tối đa 0 HTXSNV']);
    }, 240_000);

    it('at the committee, is the Organization Board’s proposal of the grassroots units to the Ban Thường vụ', async () => {
      const model = await draft('bantochuc', 'classification_proposal', fx.tree.committee.id);
      expect(model.header).toMatchObject({ upperBody: 'THÀNH ỦY HÀ TĨNH', issuer: 'BAN TỔ CHỨC' });
      expect(model.header.numberText).toMatch(/^Số\s+-TTr\/BTCTU$/);
      expect(model.addressees).toEqual(['Ban Thường vụ Thành ủy Hà Tĩnh']);
      expect(model.summary).toMatch(/^đề nghị xếp loại chất lượng tổ chức cơ sở đảng/);
      expect(model.signatures).toEqual([{ authority: null, title: 'TRƯỞNG BAN', name: '' }]);
      const table = model.annexes![0]!.body[0]!;
      expect(table.type === 'table' && table.rows.map((r) => r.slice(1))).toContainEqual([
        'Đảng bộ phường Bắc Hà',
        '',
        'HTTNV',
        'Kết quả thẩm định đạt',
      ]);
      // The chi bộ below a grassroots unit are the grassroots committee's, not the Board's.
      expect(JSON.stringify(table)).not.toContain('Chi bộ khối phố 1');
    });

    it('follows the board’s refusals: the office (before publication), another chi bộ, a member, another committee', async () => {
      for (const username of ['vanphong', 'bithu.c2', 'dangvien.thuy', 'thuongtruc.hk', 'admin']) {
        expect([username, await status(username, 'classification_proposal', fx.tree.cellA.id)]).toEqual([username, 404]);
      }
      expect(await status('thuongtruc', 'classification_proposal', fx.tree.cellA.id)).toBe(200);
    });
  });

  describe('quyết định xếp loại (classification_decision)', () => {
    let membersDecision: { id: string; version: number };

    beforeAll(async () => {
      // The ward's committee decides its members and its chi bộ in two batches (decide.ts).
      const committee = await as('capuy.p01');
      const live = async (kind: string, key: string) =>
        ctx.db
          .selectFrom('classifications')
          .select('version')
          .where('campaign_id', '=', fx.id)
          .where('subject_kind', '=', kind)
          .where('subject_key', '=', key)
          .where('annulled_at', 'is', null)
          .executeTakeFirstOrThrow();
      const levels: [string, string, string | undefined][] = [
        [m.binh, 'good', 'Cần sâu sát hơn trong việc thu, nộp đảng phí.'],
        [m.cuc, 'good', undefined],
        [m.hung, 'satisfactory', undefined],
        [m.thuy, 'good', undefined],
      ];
      const members = await committee.post(api('/decisions'), {
        unitId: fx.tree.ward.id,
        number: '15-QĐ/ĐU',
        date: '2024-12-20',
        signerName: 'Nguyễn Văn Cường',
        signerTitle: 'Bí thư',
        items: await Promise.all(
          levels.map(async ([id, level, conclusion]) => ({
            subjectKind: 'member',
            subjectKey: id,
            level,
            version: (await live('member', id)).version,
            ...(conclusion ? { conclusion } : {}),
          })),
        ),
      });
      expect(members.status, JSON.stringify(members.body)).toBe(200);
      membersDecision = { id: members.body.id, version: members.body.version };
      const units = await committee.post(api('/decisions'), {
        unitId: fx.tree.ward.id,
        number: '16-QĐ/ĐU',
        date: '2024-12-20',
        signerName: 'Nguyễn Văn Cường',
        signerTitle: 'Bí thư',
        items: [
          { subjectKind: 'unit', subjectKey: fx.tree.cellA.id, level: 'good', version: (await live('unit', fx.tree.cellA.id)).version },
        ],
      });
      expect(units.status, JSON.stringify(units.body)).toBe(200);
    });

    it('sets out the decision of the đảng ủy: Căn cứ, Xét đề nghị, QUYẾT ĐỊNH, Điều 1–3, signed for the committee', async () => {
      const model = await draft('thuongtruc', 'classification_decision', fx.tree.ward.id);
      expect(model.header).toMatchObject({ upperBody: 'ĐẢNG BỘ THÀNH PHỐ HÀ TĨNH', issuer: 'ĐẢNG ỦY PHƯỜNG BẮC HÀ' });
      expect(model.header.numberText).toMatch(/^Số\s+-QĐ\/ĐU$/);
      expect(model.typeName).toBe('QUYẾT ĐỊNH');
      expect(model.summary).toBe('về việc xếp loại chất lượng tổ chức đảng và đảng viên năm 2024');
      expect(model.signatures).toEqual([{ authority: 'T/M ĐẢNG ỦY', title: 'BÍ THƯ', name: 'Nguyễn Văn Cường' }]);
      expect(model.recipients).toEqual(['Như Điều 3', 'Ban Thường vụ Thành ủy Hà Tĩnh (để báo cáo)', 'Lưu']);
      const text = textOf(model);
      expect(text).toContain(
        [
          'ĐẢNG ỦY PHƯỜNG BẮC HÀ',
          'Căn cứ Điều lệ Đảng Cộng sản Việt Nam;',
          `Căn cứ Quy chế làm việc của Ban Chấp hành Đảng bộ phường Bắc Hà nhiệm kỳ ${DOTS};`,
          'Căn cứ Quy định số 124-QĐ/TW, ngày 04/10/2023 của Bộ Chính trị về kiểm điểm và đánh giá, xếp loại chất lượng tập thể, cá nhân;',
          'Căn cứ Hướng dẫn số 25-HD/BTCTW, ngày 10/11/2023 của Ban Tổ chức Trung ương về kiểm điểm và đánh giá, xếp loại chất lượng tập thể, cá nhân;',
          'Xét đề nghị của Chi bộ khối phố 1,',
          'QUYẾT ĐỊNH:',
          'Điều 1. Xếp loại chất lượng năm 2024 đối với 1 tổ chức đảng, 4 đảng viên như sau (có danh sách kèm theo):',
          'a) Đối với tổ chức đảng:',
          'Hoàn thành tốt nhiệm vụ: 1 tổ chức đảng.',
          'b) Đối với đảng viên:',
          'Hoàn thành tốt nhiệm vụ: 3 đồng chí.\nHoàn thành nhiệm vụ: 1 đồng chí.',
        ].join('\n'),
      );
      expect(text).toContain('Điều 3. Quyết định có hiệu lực kể từ ngày ký.');
      expect(model.annexes!.map((a) => a.title)).toEqual([
        'DANH SÁCH TỔ CHỨC ĐẢNG HOÀN THÀNH TỐT NHIỆM VỤ NĂM 2024',
        'DANH SÁCH ĐẢNG VIÊN HOÀN THÀNH TỐT NHIỆM VỤ NĂM 2024',
        'DANH SÁCH ĐẢNG VIÊN HOÀN THÀNH NHIỆM VỤ NĂM 2024',
      ]);
      const good = model.annexes![1]!.body[0]!;
      expect(good.type === 'table' && good.rows).toEqual([
        [1, 'Hoàng Văn Bình', 'Chi bộ khối phố 1', 'Cần sâu sát hơn trong việc thu, nộp đảng phí.'],
        [2, 'Võ Thị Cúc', 'Chi bộ khối phố 1', ''],
        [3, 'Nguyễn Thị Thúy', 'Chi bộ khối phố 1', ''],
      ]);
    });

    it('writes the .docx: the deciding body and "QUYẾT ĐỊNH:" centred in bold, articles with bold labels, the lists per level', async () => {
      const { doc, buffer } = await docx('capuy.p01', 'classification_decision', fx.tree.ward.id);
      expect(paragraph(doc, 'QUYẾT ĐỊNH')!.runs[0]).toMatchObject({ bold: true, size: 16 });
      const colon = paragraph(doc, 'QUYẾT ĐỊNH:')!;
      expect(colon.align).toBe('center');
      expect(colon.runs[0]!.bold).toBe(true);
      const body = doc.paragraphs.filter((p) => p.text === 'ĐẢNG ỦY PHƯỜNG BẮC HÀ');
      // Once in the header, once as the deciding body above "Căn cứ".
      expect(body).toHaveLength(2);
      expect(body[1]!.align).toBe('center');
      const art = doc.paragraphs.find((p) => p.text.startsWith('Điều 1. '))!;
      expect(art.runs[0]).toMatchObject({ text: 'Điều 1. ', bold: true });
      expect(art.runs[1]!.bold).toBe(false);
      expect(paragraph(doc, 'T/M ĐẢNG ỦY')!.runs[0]!.bold).toBe(true);
      expect(paragraph(doc, 'Nguyễn Văn Cường')!.runs[0]!.bold).toBe(true);
      expect(paragraph(doc, 'DANH SÁCH ĐẢNG VIÊN HOÀN THÀNH NHIỆM VỤ NĂM 2024')!.runs[0]!.bold).toBe(true);
      const hung = rowOf(doc, 'Đặng Văn Hùng');
      expect(doc.paragraphs.slice(hung - 1, hung + 2).map((p) => p.text)).toEqual(['1', 'Đặng Văn Hùng', 'Chi bộ khối phố 1']);
      await checkPdf('classification_decision', buffer, ['QUYẾT ĐỊNH', 'Căn cứ Điều lệ Đảng Cộng sản Việt Nam;', 'DANH SÁCH ĐẢNG VIÊN']);
    }, 240_000);

    it('cuts the grassroots decision to a chi bộ asked for, issued by the đảng ủy that decided', async () => {
      const model = await draft('capuy.p01', 'classification_decision', fx.tree.cellA.id);
      expect(model.header.issuer).toBe('ĐẢNG ỦY PHƯỜNG BẮC HÀ');
      expect(textOf(model)).toContain(
        'Điều 1. Xếp loại chất lượng năm 2024 đối với 1 tổ chức đảng, 4 đảng viên thuộc Chi bộ khối phố 1 như sau',
      );
    });

    it('shows the office only what is published (design §2 "Classification before publication")', async () => {
      const before = await (await as('vanphong')).get(`/api/documents/draft?${query('classification_decision', fx.tree.ward.id)}`);
      expect(before.status).toBe(404);
      expect(before.body.error.code).toBe('decision.not_found');
      const published = await (
        await as('capuy.p01')
      ).post(api(`/decisions/${membersDecision.id}/publish`), { version: membersDecision.version });
      expect(published.status, JSON.stringify(published.body)).toBe(200);
      const model = await draft('vanphong', 'classification_decision', fx.tree.ward.id);
      // The members' decision is published; the chi bộ's is not, and stays out of the office's document.
      expect(model.summary).toBe('về việc xếp loại chất lượng đảng viên năm 2024');
      expect(model.annexes!.map((a) => a.title)).toEqual([
        'DANH SÁCH ĐẢNG VIÊN HOÀN THÀNH TỐT NHIỆM VỤ NĂM 2024',
        'DANH SÁCH ĐẢNG VIÊN HOÀN THÀNH NHIỆM VỤ NĂM 2024',
      ]);
      expect(textOf(model)).not.toContain('tổ chức đảng:');
      // Those who read before publication still see both.
      expect((await draft('capuy.p01', 'classification_decision', fx.tree.ward.id)).annexes).toHaveLength(3);
    });

    it('issues with the next number of the đảng ủy’s register, the annexed lists kept', async () => {
      const r = await (
        await as('capuy.p01')
      ).post('/api/documents', { kind: 'classification_decision', campaignId: fx.id, subjectId: fx.tree.ward.id });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body).toMatchObject({
        numberText: 'Số 1-QĐ/ĐU',
        typeCode: 'QĐ',
        issuerName: 'Đảng bộ phường Bắc Hà',
        subjectId: fx.tree.ward.id,
      });
      const file = await (await as('capuy.p01')).get(`/api/documents/${r.body.id}/docx`);
      const doc = await readDocx(Buffer.from(file.body as ArrayBuffer));
      expect(paragraph(doc, 'Số 1-QĐ/ĐU')).toBeDefined();
      expect(paragraph(doc, 'DỰ THẢO')).toBeUndefined();
      expect(paragraph(doc, 'DANH SÁCH ĐẢNG VIÊN HOÀN THÀNH NHIỆM VỤ NĂM 2024')).toBeDefined();
    });

    it('at the committee, is the Ban Thường vụ’s decision on the grassroots units, on the Organization Board’s proposal', async () => {
      const ward = await ctx.db
        .selectFrom('classifications')
        .select('version')
        .where('campaign_id', '=', fx.id)
        .where('subject_kind', '=', 'unit')
        .where('subject_key', '=', fx.tree.ward.id)
        .where('annulled_at', 'is', null)
        .executeTakeFirstOrThrow();
      const decided = await (
        await as('thuongtruc')
      ).post(api('/decisions'), {
        unitId: fx.tree.committee.id,
        number: '120-QĐ/TU',
        date: '2025-01-08',
        signerName: 'Trần Tú Anh',
        signerTitle: 'Phó Bí thư Thường trực',
        items: [
          {
            subjectKind: 'unit',
            subjectKey: fx.tree.ward.id,
            level: 'good',
            version: ward.version,
            overrideReason: 'Ban Thường vụ thống nhất',
          },
        ],
      });
      expect(decided.status, JSON.stringify(decided.body)).toBe(200);
      const model = await draft('thuongtruc', 'classification_decision', fx.tree.committee.id);
      expect(model.header).toMatchObject({ issuer: 'THÀNH ỦY HÀ TĨNH' });
      expect(model.header.numberText).toMatch(/^Số\s+-QĐ\/TU$/);
      expect(model.summary).toBe('về việc xếp loại chất lượng tổ chức đảng năm 2024');
      expect(model.signatures).toEqual([{ authority: 'T/M BAN THƯỜNG VỤ', title: 'PHÓ BÍ THƯ THƯỜNG TRỰC', name: 'Trần Tú Anh' }]);
      expect(model.recipients).toEqual(['Như Điều 3', 'Lưu Văn phòng Thành ủy Hà Tĩnh']);
      const text = textOf(model);
      expect(text).toContain('BAN THƯỜNG VỤ THÀNH ỦY HÀ TĨNH\nCăn cứ Điều lệ Đảng Cộng sản Việt Nam;');
      expect(text).toContain(`Căn cứ Quy chế làm việc của Ban Chấp hành Đảng bộ thành phố Hà Tĩnh nhiệm kỳ ${DOTS};`);
      expect(text).toContain('Xét đề nghị của Ban Tổ chức Thành ủy Hà Tĩnh,');
      expect(text).toContain('Điều 1. Xếp loại chất lượng năm 2024 đối với 1 tổ chức đảng như sau (có danh sách kèm theo):');
      expect(text).toContain('Văn phòng Thành ủy Hà Tĩnh, Ban Tổ chức Thành ủy Hà Tĩnh, các tổ chức đảng');
      // The ward's own decisions on its members and chi bộ are the ward's, not in the committee's.
      expect(model.annexes!.map((a) => a.title)).toEqual(['DANH SÁCH TỔ CHỨC ĐẢNG HOÀN THÀNH TỐT NHIỆM VỤ NĂM 2024']);
      const table = model.annexes![0]!.body[0]!;
      expect(table.type === 'table' && table.rows).toEqual([[1, 'Đảng bộ phường Bắc Hà', '']]);
      // Before publication the ward's committee does not read the upper level's decision on it (policy.ts).
      expect(await status('capuy.p01', 'classification_decision', fx.tree.committee.id)).toBe(404);
    });

    it('is refused to a member, to the chi bộ secretary (the đảng ủy’s register) and outside the subtree', async () => {
      expect([403, 404]).toContain(await status('dangvien.thuy', 'classification_decision', fx.tree.ward.id));
      for (const username of ['bithu.c1', 'capuy.s01', 'thuongtruc.hk', 'admin']) {
        expect([username, await status(username, 'classification_decision', fx.tree.ward.id)]).toEqual([username, 404]);
      }
    });
  });

  describe('kế hoạch khắc phục (remediation_plan)', () => {
    beforeAll(async () => {
      await setSetting(ctx.db, BUSINESS_DATE, '2025-01-15', now);
      const s = await as('bithu.c1');
      const plan = (kind: string, key: string, tail = '') => api(`/remediation/${kind}/${key}${tail}`);
      const unit = (await s.get(plan('unit', fx.tree.cellA.id))).body;
      expect(unit.shortcomings.map((x: { text: string }) => x.text)).toEqual(['Sinh hoạt chi bộ chưa đều đặn.']);
      const saved = await s.request('PUT', plan('unit', fx.tree.cellA.id), {
        version: 0,
        items: [
          {
            shortcomingId: unit.shortcomings[0].id,
            action: 'Duy trì sinh hoạt chi bộ định kỳ vào ngày 05 hằng tháng',
            owner: 'Đồng chí Bí thư chi bộ',
            deadline: '2025-06-30',
          },
          { shortcomingId: null, action: 'Phân công chi ủy viên theo dõi việc khắc phục', owner: 'Chi ủy', deadline: '2025-01-10' },
        ],
      });
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      const filed = await s.post(plan('unit', fx.tree.cellA.id, '/file'), { version: saved.body.version });
      expect(filed.status, JSON.stringify(filed.body)).toBe(200);
      const first = filed.body.items[0];
      const form = new FormData();
      form.set('version', String(first.version));
      form.set('note', 'Đã họp đúng kỳ tháng 01/2025');
      form.set('progressPct', '40');
      form.set('status', 'in_progress');
      const update = await s.request('POST', api(`/remediation-items/${first.id}/updates`), form);
      expect(update.status, JSON.stringify(update.body)).toBe(200);
      // Bình's own plan, written for him by the secretary (remediation-policy.ts: 'committee').
      const binh = (await s.get(plan('member', m.binh))).body;
      const own = await s.request('PUT', plan('member', m.binh), {
        version: 0,
        items: [
          {
            shortcomingId: binh.shortcomings[0].id,
            action: 'Trực tiếp đôn đốc thu, nộp đảng phí hằng tháng',
            owner: 'Bản thân',
            deadline: '2025-03-31',
          },
        ],
      });
      expect(own.status, JSON.stringify(own.body)).toBe(200);
    });

    it('drafts the chi bộ’s plan: each shortcoming, where it comes from, its actions with owner, deadline and progress', async () => {
      const model = await draft('bithu.c1', 'remediation_plan', fx.tree.cellA.id);
      expect(model.header).toMatchObject({ issuer: 'CHI BỘ KHỐI PHỐ 1', upperBody: 'ĐẢNG BỘ PHƯỜNG BẮC HÀ' });
      expect(model.header.numberText).toMatch(/^Số\s+-KH\/CB$/);
      expect(model.typeName).toBe('KẾ HOẠCH');
      expect(model.summary).toBe('khắc phục hạn chế, khuyết điểm qua kiểm điểm, đánh giá, xếp loại chất lượng năm 2024');
      expect(model.signatures).toEqual([{ authority: 'T/M CHI BỘ', title: 'BÍ THƯ', name: '' }]);
      expect(model.recipients).toEqual(['Đảng ủy phường Bắc Hà (để báo cáo)', 'Các đồng chí đảng viên', 'Lưu']);
      const text = textOf(model);
      expect(text).toContain('1. Sinh hoạt chi bộ chưa đều đặn.\n(Hội nghị kiểm điểm chỉ ra)');
      const tables = model.body.filter((b) => b.type === 'table');
      expect(tables.map((t) => t.type === 'table' && t.rows)).toEqual([
        [[1, 'Duy trì sinh hoạt chi bộ định kỳ vào ngày 05 hằng tháng', 'Đồng chí Bí thư chi bộ', '30/06/2025', 'Đang thực hiện (40 %)']],
        // Past its deadline on the business date (15/01/2025) and not done.
        [[1, 'Phân công chi ủy viên theo dõi việc khắc phục', 'Chi ủy', '10/01/2025', 'Chưa thực hiện (0 %), quá hạn']],
      ]);
      expect(text).toContain('2. Biện pháp chung');
      expect(text).toContain('1 đảng viên đã xây dựng kế hoạch khắc phục của cá nhân (có danh sách kèm theo)');
      const annex = model.annexes![0]!;
      expect(annex.subtitle).toBe('Kế hoạch khắc phục hạn chế, khuyết điểm của đảng viên Chi bộ khối phố 1 năm 2024');
      const rows = annex.body[0]!;
      expect(rows.type === 'table' && rows.rows).toEqual([
        [
          1,
          'Hoàng Văn Bình',
          'Chưa sâu sát việc thu đảng phí.',
          'Trực tiếp đôn đốc thu, nộp đảng phí hằng tháng',
          'Bản thân',
          '31/03/2025',
          'Chưa thực hiện (0 %)',
        ],
      ]);
    });

    it('writes the .docx with the plan’s tables and the members’ annex', async () => {
      const { doc, buffer } = await docx('capuy.p01', 'remediation_plan', fx.tree.cellA.id);
      expect(paragraph(doc, 'KẾ HOẠCH')!.runs[0]).toMatchObject({ bold: true, size: 16 });
      expect(paragraph(doc, 'II. HẠN CHẾ, KHUYẾT ĐIỂM VÀ BIỆN PHÁP KHẮC PHỤC CỦA TẬP THỂ')!.runs[0]!.bold).toBe(true);
      expect(paragraph(doc, '1. Sinh hoạt chi bộ chưa đều đặn.')!.runs[0]!.bold).toBe(true);
      expect(paragraph(doc, '(Hội nghị kiểm điểm chỉ ra)')!.runs[0]!.italic).toBe(true);
      expect(paragraph(doc, 'Đang thực hiện (40 %)')).toBeDefined();
      expect(paragraph(doc, '30/06/2025')).toBeDefined();
      expect(paragraph(doc, 'PHỤ LỤC')!.runs[0]!.bold).toBe(true);
      expect(paragraph(doc, 'Trực tiếp đôn đốc thu, nộp đảng phí hằng tháng')).toBeDefined();
      await checkPdf('remediation_plan', buffer, ['KẾ HOẠCH', 'Sinh hoạt chi bộ chưa đều đặn.', 'III. TỔ CHỨC THỰC HIỆN', '30/06/2025']);
    }, 240_000);

    it('follows the remediation page’s refusals (design §2 row "Remediation")', async () => {
      expect(await status('vanphong', 'remediation_plan', fx.tree.cellA.id)).toBe(200);
      expect(await status('chidao.p01', 'remediation_plan', fx.tree.cellA.id)).toBe(200);
      for (const username of ['admin', 'bithu.c2', 'capuy.s01', 'thuongtruc.hk', 'dangvien.thuy']) {
        expect([username, await status(username, 'remediation_plan', fx.tree.cellA.id)]).toEqual([username, 404]);
      }
    });
  });
});
