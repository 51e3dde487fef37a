// Remediation through HTTP on both databases (issue 4 item 6): a plan lists the subject's
// shortcomings of the year from every source and the earlier ones still open; items are validated
// (422, nothing written); filing waits for the decision (or, not classified, the finalized review)
// and moves the unit to "remediating"; progress updates with evidence; overdue against the business
// date; the unit's report notifies the Organization Board; reminders are written once; who may read
// and write what (design §2 row "Remediation"); next year's review shows the items and pre-fills the
// status they suggest; a shortcoming's history across two years, with a merged unit's origin.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId, type Clock } from '../../src/server/adapters/clock.js';
import { loadPrincipal } from '../../src/server/adapters/auth/principal.repository.js';
import { BUSINESS_DATE, setSetting } from '../../src/server/adapters/db/settings.repository.js';
import { createCampaign } from '../../src/server/features/campaigns/create-campaign.js';
import { snapshotPopulation } from '../../src/server/features/campaigns/snapshot-population.js';
import type { AppContext } from '../../src/server/features/context.js';
import { sendDeadlineReminders } from '../../src/server/features/notifications/send-deadline-reminders.js';
import { contextFor } from '../../src/server/main.js';
import { makeCampaignFixture, type CampaignFixture } from '../support/campaign-factories.js';
import { migratedDatabase, type TestDatabase } from '../support/databases.js';
import { describeEachDialect } from '../support/each-dialect.js';
import { makeAccount, makeUnit, TEST_PASSWORD, type UnitRef } from '../support/factories.js';
import { clientsByUsername, TestClient } from '../support/http.js';

const NOW = '2025-01-15T08:00:00.000Z';
const MAX_UPLOAD = 4096;

function fixedClock(iso: string): Clock {
  return { now: () => iso, nowMs: () => Date.parse(iso) };
}

describeEachDialect('remediation', (dialect) => {
  let db: TestDatabase;
  let ctx: AppContext;
  let f: CampaignFixture;
  let predecessor: UnitRef;
  const as = clientsByUsername(() => ctx, TEST_PASSWORD);
  const plan = (kind: string, key: string, rest = '', campaignId = f.id) =>
    `/api/campaigns/${campaignId}/remediation/${kind}/${key}${rest}`;
  const put = (c: TestClient, path: string, body: unknown) => c.request('PUT', path, body);
  const ids = {
    declared: newId(),
    conference: newId(),
    decision: newId(),
    earlierOpen: newId(),
    fixedThisYear: newId(),
    fixedBefore: newId(),
    nextYear: newId(),
    dangOwn: newId(),
    wardOwn: newId(),
    cellBOwn: newId(),
    predecessorOwn: newId(),
  };

  async function shortcoming(
    id: string,
    subjectKind: string,
    subjectKey: string,
    unit: UnitRef,
    yearFound: number,
    text: string,
    source: string,
    resolvedYear: number | null = null,
  ) {
    await ctx.db
      .insertInto('shortcomings')
      .values({
        id,
        subject_kind: subjectKind,
        subject_key: subjectKey,
        unit_id: unit.id,
        member_id: subjectKind === 'member' ? subjectKey : null,
        scope_path: unit.path,
        campaign_id: yearFound === 2024 ? f.id : null,
        year_found: yearFound,
        text,
        cause_kind: 'subjective',
        cause: 'Chưa quyết liệt',
        source,
        resolved_year: resolvedYear,
        version: 1,
        created_at: NOW,
        updated_at: NOW,
      })
      .execute();
  }

  /** A classification of the subject (the decision of issue 4 item 5, written by other helpers). */
  async function classify(subjectKind: string, subjectKey: string, unit: UnitRef, status: string) {
    await ctx.db
      .deleteFrom('classifications')
      .where('campaign_id', '=', f.id)
      .where('subject_kind', '=', subjectKind)
      .where('subject_key', '=', subjectKey)
      .execute();
    await ctx.db
      .insertInto('classifications')
      .values({
        id: newId(),
        campaign_id: f.id,
        subject_kind: subjectKind,
        subject_key: subjectKey,
        unit_id: unit.id,
        member_id: subjectKind === 'member' ? subjectKey : null,
        scope_path: unit.path,
        status,
        self_level: 'good',
        proposed_level: 'good',
        decided_level: status === 'decided' || status === 'published' ? 'good' : null,
        decision_number: null,
        decision_date: null,
        published_at: null,
        acknowledged_at: null,
        version: 1,
        created_at: NOW,
        updated_at: NOW,
      })
      .execute();
  }

  const count = async (table: 'remediation_plans' | 'remediation_items' | 'remediation_updates') =>
    Number(
      (
        await ctx.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const setBusinessDate = (date: string) => setSetting(ctx.db, BUSINESS_DATE, date, NOW);
  const notices = (accountId: string, kind: string) =>
    ctx.db
      .selectFrom('notifications')
      .select(['title', 'body', 'link', 'dedupe_key'])
      .where('account_id', '=', accountId)
      .where('kind', '=', kind)
      .orderBy('title')
      .execute();

  beforeAll(async () => {
    db = await migratedDatabase(dialect);
    ctx = contextFor(db.handle, { maxUploadBytes: MAX_UPLOAD }, fixedClock(NOW));
    f = await makeCampaignFixture(ctx, { year: 2024 });
    const { tree } = f;
    await setBusinessDate('2025-01-15');
    const thuy = tree.members.thuy.id;
    // Thúy's record: the three sources of 2024, one earlier still open, and ones that are closed or later.
    await shortcoming(ids.declared, 'member', thuy, tree.cellA, 2024, 'Còn ngại va chạm trong đấu tranh tự phê bình', 'declared');
    await shortcoming(ids.conference, 'member', thuy, tree.cellA, 2024, 'Chưa gương mẫu ở nơi cư trú', 'concluded_conference');
    await shortcoming(ids.decision, 'member', thuy, tree.cellA, 2024, 'Chậm hoàn thành nhiệm vụ được giao', 'concluded_decision');
    await shortcoming(ids.earlierOpen, 'member', thuy, tree.cellA, 2023, 'Chưa thường xuyên nghiên cứu nghị quyết', 'declared');
    await shortcoming(ids.fixedThisYear, 'member', thuy, tree.cellA, 2023, 'Đã khắc phục trong năm 2024', 'declared', 2024);
    await shortcoming(ids.fixedBefore, 'member', thuy, tree.cellA, 2022, 'Đã khắc phục từ 2023', 'declared', 2023);
    await shortcoming(ids.nextYear, 'member', thuy, tree.cellA, 2025, 'Của năm sau', 'declared');
    await shortcoming(ids.dangOwn, 'member', tree.members.dang.id, tree.cellA, 2024, 'Chưa tích cực phát biểu', 'concluded_conference');
    await shortcoming(ids.wardOwn, 'unit', tree.ward.id, tree.ward, 2024, 'Công tác kiểm tra, giám sát còn hình thức', 'declared');
    // Chi bộ 2 absorbed chi bộ 5 in 2024: its open shortcoming joins chi bộ 2's plan (regulations §11.8).
    predecessor = await makeUnit(ctx.db, { parent: tree.ward, kind: 'cell', code: 'P01.C5', name: 'Chi bộ khối phố 5 (cũ)' });
    await ctx.db
      .updateTable('org_units')
      .set({ merged_into_id: tree.cellB.id, valid_to: '2024-07-01' })
      .where('id', '=', predecessor.id)
      .execute();
    await shortcoming(ids.cellBOwn, 'unit', tree.cellB.id, tree.cellB, 2024, 'Sinh hoạt chi bộ chưa đều', 'concluded_decision');
    await shortcoming(ids.predecessorOwn, 'unit', predecessor.id, predecessor, 2023, 'Chất lượng sinh hoạt chuyên đề chưa cao', 'declared');
    // Lan (chi bộ 2) has an account; a committee elsewhere has its own unit committee.
    await makeAccount(ctx.db, { username: 'dangvien.lan', memberId: tree.members.lan.id, grants: [{ role: 'member', unit: tree.cellB }] });
    const other = await makeUnit(ctx.db, { kind: 'committee', code: 'HK', name: 'Huyện ủy Hương Khê' });
    const otherUnit = await makeUnit(ctx.db, { parent: other, kind: 'grassroots_party', code: 'HK01', name: 'Đảng bộ xã Hương Trà' });
    await makeAccount(ctx.db, { username: 'capuy.hk01', grants: [{ role: 'unit_committee', unit: otherUnit }] });
    await makeAccount(ctx.db, { username: 'bithu.c2', grants: [{ role: 'cell_secretary', unit: tree.cellB }] });
  });
  afterAll(async () => db?.drop());

  describe('the plan and its items', () => {
    it("lists the subject's shortcomings of the review year from every source and the earlier ones still open", async () => {
      const r = await (await as('dangvien.thuy')).get(plan('member', f.tree.members.thuy.id));
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({
        id: null,
        status: 'draft',
        version: 0,
        items: [],
        subject: { kind: 'member', name: 'Nguyễn Thị Thúy' },
      });
      const listed = r.body.shortcomings as { id: string; source: string; earlier: boolean; own: boolean }[];
      expect(listed.map((s) => s.id)).toEqual([ids.earlierOpen, ids.declared, ids.conference, ids.decision]);
      expect(listed.map((s) => s.source)).toEqual(['declared', 'declared', 'concluded_conference', 'concluded_decision']);
      expect(listed.map((s) => s.earlier)).toEqual([true, false, false, false]);
      expect(r.body.fileBlocker).toMatch(/chưa quyết định xếp loại/);
      expect(r.body.abilities).toMatchObject({ save: true, file: false, addUpdate: false, report: false });
    });

    it("lists a merged unit's predecessors' open shortcomings in its collective's plan", async () => {
      const r = await (await as('capuy.p01')).get(plan('unit', f.tree.cellB.id));
      expect(r.status).toBe(200);
      const listed = r.body.shortcomings as { id: string; own: boolean; subjectName: string }[];
      expect(listed.map((s) => s.id)).toEqual([ids.predecessorOwn, ids.cellBOwn]);
      expect(listed[0]).toMatchObject({ own: false, subjectName: 'Chi bộ khối phố 5 (cũ)' });
    });

    it('refuses a plan with an empty action or a bad deadline with 422, naming each problem, and writes nothing', async () => {
      const c = await as('dangvien.thuy');
      const r = await put(c, plan('member', f.tree.members.thuy.id), {
        version: 0,
        items: [
          { shortcomingId: ids.declared, action: '   ', owner: 'Bản thân', deadline: '2025-06-30' },
          { shortcomingId: ids.conference, action: 'Tham gia sinh hoạt nơi cư trú', owner: 'Bản thân', deadline: '2025-02-30' },
          { shortcomingId: ids.dangOwn, action: 'Không phải của tôi', owner: 'Bản thân', deadline: '2025-06-30' },
          { shortcomingId: ids.decision, action: 'Hạn trước năm đánh giá', owner: 'Bản thân', deadline: '2023-12-31' },
        ],
      });
      expect(r.status).toBe(422);
      expect(r.body.error.code).toBe('remediation.invalid_items');
      expect(r.body.error.details.problems.map((p: { field: string }) => p.field)).toEqual([
        'items.0.action',
        'items.1.deadline',
        'items.2.shortcomingId',
        'items.3.deadline',
      ]);
      expect(r.body.error.message).toMatch(/Biện pháp 1: cần ghi nội dung biện pháp/);
      expect(await count('remediation_plans')).toBe(0);
      expect(await count('remediation_items')).toBe(0);
    });

    it('saves valid items (planned, 0 %), keeps their ids on the next save, and refuses a stale version', async () => {
      const c = await as('dangvien.thuy');
      const first = await put(c, plan('member', f.tree.members.thuy.id), {
        version: 0,
        items: [
          { shortcomingId: ids.declared, action: 'Thẳng thắn góp ý tại sinh hoạt chi bộ', owner: 'Bản thân', deadline: '2025-06-30' },
        ],
      });
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ status: 'draft', version: 1 });
      expect(first.body.items).toMatchObject([{ status: 'planned', progressPct: 0, deadline: '2025-06-30', overdue: false }]);
      const keptId = first.body.items[0].id;
      const second = await put(c, plan('member', f.tree.members.thuy.id), {
        version: 1,
        items: [
          {
            id: keptId,
            shortcomingId: ids.declared,
            action: 'Thẳng thắn góp ý tại sinh hoạt chi bộ hằng tháng',
            owner: 'Bản thân',
            deadline: '2025-06-30',
          },
          { shortcomingId: ids.conference, action: 'Tham gia sinh hoạt tổ dân phố nơi cư trú', owner: 'Bản thân', deadline: '2025-01-20' },
        ],
      });
      expect(second.status).toBe(200);
      expect(second.body.version).toBe(2);
      expect(second.body.items.map((i: { id: string }) => i.id)[0]).toBe(keptId);
      const stale = await put(c, plan('member', f.tree.members.thuy.id), { version: 1, items: [] });
      expect(stale.status).toBe(409);
      expect(stale.body.error.code).toBe('conflict.version');
      const audit = await ctx.db.selectFrom('audit_events').select('action').where('entity_type', '=', 'remediation_plan').execute();
      expect(audit.map((a) => a.action)).toEqual(['remediation.save', 'remediation.save']);
    });
  });

  describe('filing', () => {
    it('is refused before the decision and accepted once the classification is decided, every shortcoming covered', async () => {
      const c = await as('dangvien.thuy');
      const p = plan('member', f.tree.members.thuy.id);
      const before = await c.post(`${p}/file`, { version: 2 });
      expect(before.status).toBe(409);
      expect(before.body.error.code).toBe('remediation.not_decided');
      await classify('member', f.tree.members.thuy.id, f.tree.cellA, 'proposed');
      expect((await c.post(`${p}/file`, { version: 2 })).body.error.code).toBe('remediation.not_decided');
      await classify('member', f.tree.members.thuy.id, f.tree.cellA, 'decided');
      // Two shortcomings still have no item.
      const incomplete = await c.post(`${p}/file`, { version: 2 });
      expect(incomplete.status).toBe(422);
      expect(incomplete.body.error.code).toBe('remediation.incomplete');
      expect(incomplete.body.error.details.shortcomings.map((s: { id: string }) => s.id)).toEqual([ids.earlierOpen, ids.decision]);
      const current = (await c.get(p)).body;
      const saved = await put(c, p, {
        version: current.version,
        items: [
          ...current.items.map((i: Record<string, unknown>) => ({
            id: i.id,
            shortcomingId: i.shortcomingId,
            action: i.action,
            owner: i.owner,
            deadline: i.deadline,
          })),
          { shortcomingId: ids.earlierOpen, action: 'Học tập nghị quyết theo lịch của chi bộ', owner: 'Bản thân', deadline: '2025-09-30' },
          { shortcomingId: ids.decision, action: 'Lập tiến độ công việc hằng tuần', owner: 'Bản thân', deadline: '2025-03-31' },
        ],
      });
      expect(saved.status).toBe(200);
      const filed = await c.post(`${p}/file`, { version: saved.body.version });
      expect(filed.status).toBe(200);
      expect(filed.body).toMatchObject({ status: 'filed', filedAt: NOW, fileBlocker: null });
      expect(filed.body.abilities).toMatchObject({ addUpdate: true, file: false });
      expect((await c.post(`${p}/file`, { version: filed.body.version })).body.error.code).toBe('remediation.already_filed');
      // Amending the filed plan may not leave a shortcoming without an item; nothing is written.
      const dropped = await put(c, p, {
        version: filed.body.version,
        items: filed.body.items
          .filter((i: { shortcomingId: string }) => i.shortcomingId !== ids.decision)
          .map((i: Record<string, unknown>) => ({
            id: i.id,
            shortcomingId: i.shortcomingId,
            action: i.action,
            owner: i.owner,
            deadline: i.deadline,
          })),
      });
      expect(dropped.status).toBe(422);
      expect(dropped.body.error.code).toBe('remediation.incomplete');
      expect((await c.get(p)).body.items).toHaveLength(filed.body.items.length);
    });

    it('lets a member who is not classified (newly admitted) file once their review is finalized', async () => {
      const dang = f.tree.members.dang.id;
      await ctx.db
        .updateTable('campaign_members')
        .set({ classified: 0, reason: 'newly_admitted' })
        .where('campaign_id', '=', f.id)
        .where('member_id', '=', dang)
        .execute();
      const c = await as('dangvien.dang');
      const p = plan('member', dang);
      const saved = await put(c, p, {
        version: 0,
        items: [
          { shortcomingId: ids.dangOwn, action: 'Chuẩn bị ý kiến trước mỗi kỳ sinh hoạt', owner: 'Bản thân', deadline: '2025-05-31' },
        ],
      });
      expect(saved.status).toBe(200);
      const early = await c.post(`${p}/file`, { version: saved.body.version });
      expect(early.status).toBe(409);
      expect(early.body.error.message).toMatch(/không xếp loại năm nay/);
      await ctx.db
        .insertInto('reviews')
        .values({
          id: newId(),
          campaign_id: f.id,
          subject_kind: 'member',
          subject_key: dang,
          unit_id: f.tree.cellA.id,
          member_id: dang,
          scope_path: f.tree.cellA.path,
          form_meaning: 'member_no_post',
          status: 'finalized',
          content_json: '{}',
          self_level: null,
          self_score: null,
          proxy_entered: 0,
          submitted_at: NOW,
          finalized_at: NOW,
          status_reason: null,
          updated_by: null,
          version: 3,
          created_at: NOW,
          updated_at: NOW,
        })
        .execute();
      expect((await c.post(`${p}/file`, { version: saved.body.version })).status).toBe(200);
    });

    it("moves the unit from published to remediating when its collective's plan is filed, audited", async () => {
      const c = await as('capuy.p01');
      const p = plan('unit', f.tree.ward.id);
      await classify('unit', f.tree.ward.id, f.tree.ward, 'published');
      await ctx.db
        .updateTable('campaign_units')
        .set({ stage: 'published' })
        .where('campaign_id', '=', f.id)
        .where('unit_id', '=', f.tree.ward.id)
        .execute();
      const saved = await put(c, p, {
        version: 0,
        items: [
          {
            shortcomingId: ids.wardOwn,
            action: 'Xây dựng chương trình kiểm tra, giám sát sát thực tế',
            owner: 'Ủy ban Kiểm tra Đảng ủy',
            deadline: '2025-06-30',
          },
        ],
      });
      expect(saved.status).toBe(200);
      const filed = await c.post(`${p}/file`, { version: saved.body.version });
      expect(filed.status).toBe(200);
      const cu = await ctx.db
        .selectFrom('campaign_units')
        .select(['id', 'stage'])
        .where('campaign_id', '=', f.id)
        .where('unit_id', '=', f.tree.ward.id)
        .executeTakeFirstOrThrow();
      expect(cu.stage).toBe('remediating');
      const audit = await ctx.db.selectFrom('audit_events').select('action').where('entity_id', '=', cu.id).execute();
      expect(audit.map((a) => a.action)).toContain('dossier.begin_remediation');
    });
  });

  describe('progress', () => {
    it('adds updates with evidence, keeps their history, and refuses inconsistent or stale ones', async () => {
      const c = await as('dangvien.thuy');
      const p = plan('member', f.tree.members.thuy.id);
      const view = (await c.get(p)).body;
      const item = view.items.find((i: { shortcomingId: string }) => i.shortcomingId === ids.declared);
      const url = `/api/campaigns/${f.id}/remediation-items/${item.id}/updates`;
      const form = (fields: Record<string, string>, file?: Blob) => {
        const fd = new FormData();
        for (const [k, v] of Object.entries(fields)) fd.append(k, v);
        if (file) fd.append('file', file, 'bien-ban-sinh-hoat.pdf');
        return fd;
      };
      const bad = await c.post(url, form({ version: String(item.version), note: 'Xong', progressPct: '60', status: 'done' }));
      expect(bad.status).toBe(422);
      expect(bad.body.error.code).toBe('remediation.invalid_update');
      const empty = await c.post(url, form({ version: String(item.version), note: ' ', progressPct: '10', status: 'in_progress' }));
      expect(empty.status).toBe(422);
      const first = await c.post(
        url,
        form(
          { version: String(item.version), note: 'Đã góp ý tại 2 kỳ sinh hoạt', progressPct: '50', status: 'in_progress' },
          new Blob([new Uint8Array(800).fill(66)], { type: 'application/pdf' }),
        ),
      );
      expect(first.status).toBe(200);
      const after = first.body.items.find((i: { id: string }) => i.id === item.id);
      expect(after).toMatchObject({ status: 'in_progress', progressPct: 50, version: item.version + 1 });
      expect(after.updates).toHaveLength(1);
      expect(after.updates[0]).toMatchObject({
        note: 'Đã góp ý tại 2 kỳ sinh hoạt',
        progressPct: 50,
        evidence: { name: 'bien-ban-sinh-hoat.pdf', size: 800 },
      });
      const evidence = after.updates[0].evidence.id;
      expect((await c.get(`/api/attachments/${evidence}`)).status).toBe(200);
      expect((await (await as('bithu.c1')).get(`/api/attachments/${evidence}`)).status).toBe(200);
      expect((await (await as('bithu.c2')).get(`/api/attachments/${evidence}`)).status).toBe(404);
      const stale = await c.post(url, form({ version: String(item.version), note: 'Lần nữa', progressPct: '60', status: 'in_progress' }));
      expect(stale.status).toBe(409);
      const done = await c.post(url, form({ version: String(item.version + 1), note: 'Hoàn thành', progressPct: '100', status: 'done' }));
      expect(done.status).toBe(200);
      const finished = done.body.items.find((i: { id: string }) => i.id === item.id);
      expect(finished).toMatchObject({ status: 'done', progressPct: 100 });
      expect(finished.completedAt.slice(0, 10)).toBe('2025-01-15');
      expect(finished.updates.map((u: { status: string }) => u.status)).toEqual(['in_progress', 'done']);
      expect(await count('remediation_updates')).toBe(2);
      const audit = await ctx.db.selectFrom('audit_events').select('action').where('entity_id', '=', item.id).execute();
      expect(audit.map((a) => a.action)).toEqual(['remediation.update', 'remediation.update']);
    });

    it('refuses progress on a plan not yet filed', async () => {
      const c = await as('bithu.c2');
      const saved = await put(c, plan('unit', f.tree.cellB.id), {
        version: 0,
        items: [
          { shortcomingId: ids.predecessorOwn, action: 'Đổi mới nội dung sinh hoạt chuyên đề', owner: 'Chi ủy', deadline: '2025-04-30' },
          {
            shortcomingId: ids.cellBOwn,
            action: 'Sinh hoạt định kỳ đúng ngày 5 hằng tháng',
            owner: 'Bí thư chi bộ',
            deadline: '2025-01-10',
          },
        ],
      });
      expect(saved.status).toBe(200);
      const item = saved.body.items[0];
      const fd = new FormData();
      for (const [k, v] of Object.entries({ version: String(item.version), note: 'Bắt đầu', progressPct: '10', status: 'in_progress' }))
        fd.append(k, v);
      const r = await c.post(`/api/campaigns/${f.id}/remediation-items/${item.id}/updates`, fd);
      expect(r.status).toBe(409);
      expect(r.body.error.code).toBe('remediation.not_filed');
    });

    it('marks items overdue against the business date, not the real clock, and filters the tracking list by it', async () => {
      const c = await as('capuy.p01');
      // Business date 15/01/2025: Thúy's item due 20/01 is not overdue yet; chi bộ 2's item due 10/01 is.
      let thuy = (await c.get(plan('member', f.tree.members.thuy.id))).body;
      expect(thuy.items.find((i: { deadline: string }) => i.deadline === '2025-01-20').overdue).toBe(false);
      const cellB = (await c.get(plan('unit', f.tree.cellB.id))).body;
      expect(cellB.items.find((i: { deadline: string }) => i.deadline === '2025-01-10').overdue).toBe(true);
      await setBusinessDate('2025-04-01');
      thuy = (await c.get(plan('member', f.tree.members.thuy.id))).body;
      const byDeadline = (d: string) => thuy.items.find((i: { deadline: string }) => i.deadline === d);
      expect(byDeadline('2025-01-20').overdue).toBe(true);
      expect(byDeadline('2025-03-31').overdue).toBe(true);
      // Done before its deadline passed: never overdue.
      expect(byDeadline('2025-06-30')).toMatchObject({ status: 'done', overdue: false });
      const overdue = await c.get(`/api/campaigns/${f.id}/remediation?overdue=true`);
      expect(overdue.status).toBe(200);
      expect(overdue.body.items.map((r: { subjectKey: string }) => r.subjectKey).sort()).toEqual(
        [f.tree.members.thuy.id, f.tree.cellB.id].sort(),
      );
      const thuyRow = overdue.body.items.find((r: { subjectKey: string }) => r.subjectKey === f.tree.members.thuy.id);
      expect(thuyRow).toMatchObject({ itemCount: 4, doneCount: 1, overdueCount: 2, status: 'filed' });
      const notOverdue = await c.get(`/api/campaigns/${f.id}/remediation?overdue=false`);
      expect(notOverdue.body.items.map((r: { subjectKey: string }) => r.subjectKey).sort()).toEqual(
        [f.tree.members.dang.id, f.tree.ward.id].sort(),
      );
      const all = await c.get(`/api/campaigns/${f.id}/remediation`);
      expect(all.body.summary).toMatchObject({ plans: 4, filed: 3, reported: 0, items: 8, done: 1, overdue: 3 });
      const drafts = await c.get(`/api/campaigns/${f.id}/remediation?status=draft`);
      expect(drafts.body.items.map((r: { subjectKey: string }) => r.subjectKey)).toEqual([f.tree.cellB.id]);
      const inCellA = await c.get(`/api/campaigns/${f.id}/remediation?unitId=${f.tree.cellA.id}`);
      expect(inCellA.body.items.map((r: { subjectName: string }) => r.subjectName)).toEqual(['Đặng Văn Hùng', 'Nguyễn Thị Thúy']);
      await setBusinessDate('2025-01-15');
    });
  });

  describe('report and reminders', () => {
    it('reports the unit remediation to the competent level: reported_at set, audited, the Organization Board notified', async () => {
      const c = await as('capuy.p01');
      const refused = await (
        await as('bithu.c2')
      ).post(`/api/campaigns/${f.id}/units/${f.tree.cellB.id}/remediation/report`, { version: 1 });
      expect(refused.status).toBe(409);
      expect(refused.body.error.code).toBe('remediation.not_filed');
      const current = (await c.get(plan('unit', f.tree.ward.id))).body;
      expect(current.abilities.report).toBe(true);
      const r = await c.post(`/api/campaigns/${f.id}/units/${f.tree.ward.id}/remediation/report`, {
        version: current.version,
        note: 'Báo cáo quý I',
      });
      expect(r.status).toBe(200);
      expect(r.body.reportedAt).toBe(NOW);
      const got = await notices(f.accounts.organizer.id, 'submitted');
      expect(got).toHaveLength(1);
      expect(got[0].title).toBe('Đảng bộ phường Bắc Hà báo cáo kết quả khắc phục hạn chế, khuyết điểm năm 2024');
      expect(got[0].body).toMatch(/3\/4 kế hoạch đã ban hành; 1\/8 biện pháp đã hoàn thành; 1 biện pháp quá hạn\./);
      expect(got[0].body).toMatch(/Báo cáo quý I/);
      expect(got[0].link).toBe(`/khac-phuc/${f.id}?unitId=${f.tree.ward.id}`);
      const audit = await ctx.db
        .selectFrom('audit_events')
        .select(['action', 'actor_id'])
        .where('action', '=', 'remediation.report')
        .execute();
      expect(audit).toEqual([{ action: 'remediation.report', actor_id: f.accounts.unitCommittee.id }]);
      const reported = await c.get(`/api/campaigns/${f.id}/remediation?status=reported`);
      expect(reported.body.items.map((x: { subjectKey: string }) => x.subjectKey)).toEqual([f.tree.ward.id]);
      expect(reported.body.summary.reported).toBe(1);
      // The director reads, but does not report.
      const director = await (
        await as('chidao.p01')
      ).post(`/api/campaigns/${f.id}/units/${f.tree.ward.id}/remediation/report`, {
        version: r.body.version,
      });
      expect(director.status).toBe(403);
    });

    it('reminds the owners N days before a deadline and when overdue, once however often the scheduler runs', async () => {
      // 15/01/2025: Thúy's item due 20/01 is within 7 days; chi bộ 2's plan is a draft (no reminders).
      await sendDeadlineReminders(ctx);
      await sendDeadlineReminders(ctx);
      const thuy = await notices(f.accounts.member.id, 'remediation_due');
      expect(thuy.map((n) => n.title)).toEqual(['Sắp đến hạn khắc phục (hạn 20/01/2025): Tham gia sinh hoạt tổ dân phố nơi cư trú']);
      expect(thuy[0].link).toBe(`/khac-phuc/${f.id}/member/${f.tree.members.thuy.id}`);
      // The ward's item (due 30/06) is far: nothing yet. Past its deadline: one overdue notice for its committee.
      expect(await notices(f.accounts.unitCommittee.id, 'remediation_due')).toEqual([]);
      await setBusinessDate('2025-07-02');
      await sendDeadlineReminders(ctx);
      await sendDeadlineReminders(ctx);
      const ward = await notices(f.accounts.unitCommittee.id, 'remediation_due');
      expect(ward.map((n) => n.title)).toEqual([
        'Quá hạn khắc phục (hạn 30/06/2025): Xây dựng chương trình kiểm tra, giám sát sát thực tế',
      ]);
      // Thúy: her items due 20/01 and 31/03 are now overdue (one notice each); 30/09 is far; a done item never.
      const again = await notices(f.accounts.member.id, 'remediation_due');
      expect(again.map((n) => n.title).sort()).toEqual(
        [
          'Quá hạn khắc phục (hạn 20/01/2025): Tham gia sinh hoạt tổ dân phố nơi cư trú',
          'Quá hạn khắc phục (hạn 31/03/2025): Lập tiến độ công việc hằng tuần',
          'Sắp đến hạn khắc phục (hạn 20/01/2025): Tham gia sinh hoạt tổ dân phố nơi cư trú',
        ].sort(),
      );
      const keys = again.map((n) => n.dedupe_key);
      expect(new Set(keys).size).toBe(keys.length);
      await setBusinessDate('2025-01-15');
    });
  });

  describe('who may read and write (design §2 row "Remediation")', () => {
    it('member: own plan only; another chi bộ: not found; director and the upper level read only; admin and others: not found', async () => {
      const thuyPlan = plan('member', f.tree.members.thuy.id);
      expect((await (await as('dangvien.thuy')).get(plan('member', f.tree.members.dang.id))).status).toBe(404);
      expect((await (await as('dangvien.lan')).get(thuyPlan)).status).toBe(404);
      expect((await (await as('bithu.c2')).get(thuyPlan)).status).toBe(404);
      expect((await (await as('capuy.hk01')).get(thuyPlan)).status).toBe(404);
      expect((await (await as('admin')).get(thuyPlan)).status).toBe(404);
      for (const reader of ['thuongtruc', 'bantochuc', 'vanphong', 'chidao.p01']) {
        const r = await (await as(reader)).get(thuyPlan);
        expect(r.status, reader).toBe(200);
        expect(r.body.abilities, reader).toEqual({ save: false, file: false, addUpdate: false, report: false });
        const w = await put(await as(reader), plan('unit', f.tree.ward.id), { version: 99, items: [] });
        expect(w.status, reader).toBe(403);
      }
      // The school's committee is outside the ward: not found.
      expect((await (await as('capuy.s01')).get(plan('unit', f.tree.ward.id))).status).toBe(404);
      // The chi bộ secretary writes for a member of the chi bộ (proxy, audited as such).
      const proxy = await (await as('bithu.c1')).get(thuyPlan);
      expect(proxy.body.abilities.addUpdate).toBe(true);
    });

    it('scopes the tracking list in SQL: a member sees their own plan, a secretary their chi bộ, another committee nothing', async () => {
      const mine = await (await as('dangvien.thuy')).get(`/api/campaigns/${f.id}/remediation`);
      expect(mine.body.items.map((r: { subjectKey: string }) => r.subjectKey)).toEqual([f.tree.members.thuy.id]);
      const cellA = await (await as('bithu.c1')).get(`/api/campaigns/${f.id}/remediation`);
      expect(cellA.body.items.map((r: { subjectKey: string }) => r.subjectKey).sort()).toEqual(
        [f.tree.members.thuy.id, f.tree.members.dang.id].sort(),
      );
      expect((await (await as('capuy.hk01')).get(`/api/campaigns/${f.id}/remediation`)).status).toBe(404);
      const standing = await (await as('thuongtruc')).get(`/api/campaigns/${f.id}/remediation?subjectKind=unit`);
      expect(standing.body.items.map((r: { subjectKey: string }) => r.subjectKey).sort()).toEqual([f.tree.ward.id, f.tree.cellB.id].sort());
      const minePlans = await (await as('dangvien.thuy')).get('/api/remediation/mine');
      expect(minePlans.body.items).toEqual([
        expect.objectContaining({ campaignId: f.id, reviewYear: 2024, memberId: f.tree.members.thuy.id, planStatus: 'filed' }),
      ]);
    });
  });

  describe('next year and the history', () => {
    let next: string;
    beforeAll(async () => {
      const organizer = await loadPrincipal(ctx.db, f.accounts.organizer.id);
      next = (
        await createCampaign(ctx, organizer, {
          ownerUnitId: f.tree.committee.id,
          reviewYear: 2025,
          config: {},
          milestones: [{ kind: 'reviews_due', dueDate: '2025-12-01' }],
        })
      ).id;
      await snapshotPopulation(ctx, organizer, next);
      // Thúy's 2024 plan: one item done, one in progress, the others planned.
      const item = await ctx.db
        .selectFrom('remediation_items')
        .select(['id', 'version'])
        .where('shortcoming_id', '=', ids.conference)
        .executeTakeFirstOrThrow();
      await ctx.db.updateTable('remediation_items').set({ status: 'in_progress', progress_pct: 40 }).where('id', '=', item.id).execute();
    });

    it("shows each carried-over shortcoming's remediation items in the 2025 review and pre-fills the status they suggest", async () => {
      const r = await (await as('dangvien.thuy')).get(`/api/campaigns/${next}/reviews/member/${f.tree.members.thuy.id}`);
      expect(r.status).toBe(200);
      const carry = r.body.prefill.carryOver as {
        id: string;
        remediation: { action: string; status: string; reviewYear: number }[];
        suggestedStatus: string;
      }[];
      const byId = new Map(carry.map((s) => [s.id, s]));
      expect(byId.get(ids.declared)).toMatchObject({
        suggestedStatus: 'fixed',
        remediation: [{ reviewYear: 2024, action: 'Thẳng thắn góp ý tại sinh hoạt chi bộ hằng tháng', status: 'done', progressPct: 100 }],
      });
      expect(byId.get(ids.conference)).toMatchObject({
        suggestedStatus: 'being_fixed',
        remediation: [{ status: 'in_progress', progressPct: 40 }],
      });
      expect(byId.get(ids.decision)).toMatchObject({ suggestedStatus: 'not_fixed', remediation: [{ status: 'planned' }] });
      const content = new Map(
        (r.body.content.carryOver as { shortcomingId: string; status: string }[]).map((c) => [c.shortcomingId, c.status]),
      );
      expect(content.get(ids.declared)).toBe('fixed');
      expect(content.get(ids.conference)).toBe('being_fixed');
      expect(content.get(ids.decision)).toBe('not_fixed');
    });

    it("shows a shortcoming's history across two years: statuses, both years' items and updates", async () => {
      await ctx.db
        .insertInto('shortcoming_statuses')
        .values({
          id: newId(),
          shortcoming_id: ids.conference,
          year: 2025,
          status: 'being_fixed',
          cause_kind: 'objective',
          note: 'Chuyển nơi ở',
          review_id: null,
          updated_at: NOW,
        })
        .execute();
      const c = await as('dangvien.thuy');
      const saved = await put(c, plan('member', f.tree.members.thuy.id, '', next), {
        version: 0,
        items: [{ shortcomingId: ids.conference, action: 'Đăng ký sinh hoạt nơi cư trú mới', owner: 'Bản thân', deadline: '2026-03-31' }],
      });
      expect(saved.status).toBe(200);
      const h = await c.get(`/api/shortcomings/${ids.conference}/history`);
      expect(h.status).toBe(200);
      expect(h.body.shortcoming).toMatchObject({
        yearFound: 2024,
        source: 'concluded_conference',
        text: 'Chưa gương mẫu ở nơi cư trú',
        cause: 'Chưa quyết liệt',
      });
      expect(h.body.statuses).toEqual([{ year: 2025, status: 'being_fixed', causeKind: 'objective', note: 'Chuyển nơi ở' }]);
      expect(h.body.plans.map((p: { reviewYear: number }) => p.reviewYear)).toEqual([2024, 2025]);
      expect(h.body.plans[0].items[0]).toMatchObject({ action: 'Tham gia sinh hoạt tổ dân phố nơi cư trú', status: 'in_progress' });
      expect(h.body.plans[1].items[0]).toMatchObject({ action: 'Đăng ký sinh hoạt nơi cư trú mới', status: 'planned' });
      expect(h.body.origin).toBeNull();
      const withUpdates = await c.get(`/api/shortcomings/${ids.declared}/history`);
      expect(withUpdates.body.plans[0].items[0].updates.map((u: { status: string }) => u.status)).toEqual(['in_progress', 'done']);
      // Member: own only; the chi bộ's secretary and the upper level read; another chi bộ and committee: not found.
      expect((await (await as('dangvien.dang')).get(`/api/shortcomings/${ids.conference}/history`)).status).toBe(404);
      expect((await (await as('bithu.c2')).get(`/api/shortcomings/${ids.conference}/history`)).status).toBe(404);
      expect((await (await as('capuy.hk01')).get(`/api/shortcomings/${ids.conference}/history`)).status).toBe(404);
      expect((await (await as('bithu.c1')).get(`/api/shortcomings/${ids.conference}/history`)).status).toBe(200);
      expect((await (await as('thuongtruc')).get(`/api/shortcomings/${ids.conference}/history`)).status).toBe(200);
    });

    it('tells where a merged unit’s shortcoming came from, to those over the unit it was merged into', async () => {
      const h = await (await as('bithu.c2')).get(`/api/shortcomings/${ids.predecessorOwn}/history`);
      expect(h.status).toBe(200);
      expect(h.body.origin).toEqual({
        unitId: predecessor.id,
        unitName: 'Chi bộ khối phố 5 (cũ)',
        mergedIntoId: f.tree.cellB.id,
        mergedIntoName: 'Chi bộ khối phố 2',
      });
      expect(h.body.plans.map((p: { subjectName: string }) => p.subjectName)).toEqual(['Chi bộ khối phố 2']);
      expect((await (await as('bithu.c1')).get(`/api/shortcomings/${ids.predecessorOwn}/history`)).status).toBe(404);
    });
  });
});
