// "Việc cần làm" through HTTP on both databases (issue 3 item 8): what waits on each role of the small
// committee now, scoped to the caller (a director sees assigned units only; nobody outside the
// committee sees anything), with deadlines and overdue marks by the business date.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { contextFor } from '../../src/server/main.js';
import type { AppContext } from '../../src/server/features/context.js';
import { newId } from '../../src/server/adapters/clock.js';
import { BUSINESS_DATE, setSetting } from '../../src/server/adapters/db/settings.repository.js';
import type { InboxItem } from '../../src/shared/contracts/notifications.js';
import { makeCampaignFixture, type CampaignFixture } from '../support/campaign-factories.js';
import { migratedDatabase, type TestDatabase } from '../support/databases.js';
import { describeEachDialect } from '../support/each-dialect.js';
import { makeAccount, makeUnit, TEST_PASSWORD, type UnitRef } from '../support/factories.js';
import { TestClient } from '../support/http.js';

describeEachDialect('inbox (việc cần làm)', (dialect) => {
  let db: TestDatabase;
  let ctx: AppContext;
  let f: CampaignFixture;
  const NOW = '2024-12-01T08:00:00.000Z';

  const inboxOf = async (username: string): Promise<InboxItem[]> => {
    const c = await TestClient.loggedIn(ctx, username, TEST_PASSWORD);
    const r = await c.get('/api/inbox');
    expect(r.status).toBe(200);
    expect(r.body.businessDate).toBe('2024-12-05');
    return r.body.items;
  };
  const kinds = (items: InboxItem[]) => items.map((i) => i.kind).sort();
  const setStage = (unit: UnitRef, stage: string, needsAppraisal = 0) =>
    ctx.db
      .updateTable('campaign_units')
      .set({ stage, needs_appraisal: needsAppraisal })
      .where('campaign_id', '=', f.id)
      .where('unit_id', '=', unit.id)
      .execute();
  const addReview = (memberId: string, unit: UnitRef, status: string) =>
    ctx.db
      .insertInto('reviews')
      .values({
        id: newId(),
        campaign_id: f.id,
        subject_kind: 'member',
        subject_key: memberId,
        unit_id: unit.id,
        member_id: memberId,
        scope_path: unit.path,
        form_meaning: 'member_no_post',
        status,
        content_json: '{}',
        self_level: null,
        self_score: null,
        proxy_entered: 0,
        submitted_at: status === 'submitted' ? NOW : null,
        finalized_at: null,
        status_reason: null,
        updated_by: null,
        version: 1,
        created_at: NOW,
        updated_at: NOW,
      })
      .execute();

  beforeAll(async () => {
    db = await migratedDatabase(dialect);
    ctx = contextFor(db.handle);
    f = await makeCampaignFixture(ctx, { year: 2024 });
    // The business date is inside the 2024 campaign, after the review deadline (01/12).
    await setSetting(ctx.db, BUSINESS_DATE, '2024-12-05', NOW);
    await addReview(f.tree.members.thuy.id, f.tree.cellA, 'draft');
    await addReview(f.tree.members.dang.id, f.tree.cellA, 'submitted');
    // Hùng has written his 2024 commitment; Thúy has not.
    await ctx.db
      .insertInto('commitments')
      .values({
        id: newId(),
        member_id: f.tree.members.dang.id,
        year: 2024,
        items_json: '[]',
        updated_by: null,
        version: 1,
        created_at: NOW,
        updated_at: NOW,
      })
      .execute();
    await setStage(f.tree.ward, 'submitted', 1);
    await setStage(f.tree.school, 'submitted', 1);
    await ctx.db
      .insertInto('suggestions')
      .values({
        id: newId(),
        campaign_id: f.id,
        target_kind: 'unit',
        unit_id: f.tree.school.id,
        member_id: null,
        scope_path: f.tree.school.path,
        title: 'Gợi ý kiểm điểm',
        status: 'draft',
        issued_at: null,
        created_by: null,
        version: 1,
        created_at: NOW,
        updated_at: NOW,
      })
      .execute();
  });
  afterAll(async () => db.drop());

  it('answers 401 without a session', async () => {
    expect((await TestClient.for(ctx).get('/api/inbox')).status).toBe(401);
  });

  it('a member with a draft review sees "Hoàn thành bản kiểm điểm", overdue by the business date, and the missing commitment', async () => {
    const items = await inboxOf('dangvien.thuy');
    expect(kinds(items)).toEqual(['commitment', 'own_review']);
    const review = items.find((i) => i.kind === 'own_review')!;
    expect(review).toMatchObject({
      title: 'Hoàn thành bản kiểm điểm',
      count: 1,
      link: '/ban-kiem-diem-cua-toi',
      campaignId: f.id,
      dueDate: '2024-12-01',
      overdue: true,
    });
    // Overdue work first.
    expect(items[0].kind).toBe('own_review');
    expect(items.find((i) => i.kind === 'commitment')).toMatchObject({
      title: 'Viết bản cam kết tu dưỡng, rèn luyện, phấn đấu năm 2024',
      link: '/cam-ket-cua-toi',
      dueDate: null,
      overdue: false,
    });
  });

  it('a member who submitted and wrote the commitment has nothing waiting; a returned review asks to be fixed', async () => {
    expect(await inboxOf('dangvien.dang')).toEqual([]);
    await ctx.db.updateTable('reviews').set({ status: 'returned' }).where('subject_key', '=', f.tree.members.dang.id).execute();
    const items = await inboxOf('dangvien.dang');
    expect(items.map((i) => [i.kind, i.title])).toEqual([['own_review_returned', 'Sửa bản kiểm điểm bị trả lại']]);
    await ctx.db.updateTable('reviews').set({ status: 'submitted' }).where('subject_key', '=', f.tree.members.dang.id).execute();
  });

  it('the cell secretary sees the chi bộ’s submitted reviews and the members not yet submitted, not chi bộ 2', async () => {
    const items = await inboxOf('bithu.c1');
    expect(items.map((i) => [i.kind, i.count])).toEqual([
      ['reviews_to_finalize', 1],
      ['reviews_not_submitted', 1],
    ]);
    expect(items[0].link).toBe(`/kiem-diem/${f.id}/don-vi/${f.tree.cellA.id}`);
    expect(items[0].detail).toContain('Chi bộ khối phố 1');
  });

  it('the organizer sees submitted dossiers and draft suggestions in scope; the plan to write', async () => {
    const items = await inboxOf('bantochuc');
    expect(items.map((i) => [i.kind, i.count]).sort()).toEqual([
      ['dossiers_submitted', 2],
      ['plan_to_write', 1],
      ['suggestions_draft', 1],
    ]);
    const dossiers = items.find((i) => i.kind === 'dossiers_submitted')!;
    expect(dossiers).toMatchObject({
      title: 'Hồ sơ đã nộp, chờ thẩm định',
      link: `/kiem-diem/${f.id}`,
      dueDate: '2024-12-10',
      overdue: false,
    });
  });

  it('the director sees the assigned ward’s dossier only, not the school’s', async () => {
    const items = await inboxOf('chidao.p01');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      kind: 'assigned_dossiers',
      count: 1,
      link: `/kiem-diem/${f.id}/don-vi/${f.tree.ward.id}`,
    });
    expect(items[0].detail).toContain('Đảng bộ phường Bắc Hà');
  });

  it('the unit committee sees its own dossier to prepare, a returned one to fix, a cleared one to schedule', async () => {
    expect(await inboxOf('capuy.p01')).toEqual([]);
    await setStage(f.tree.ward, 'returned', 1);
    await setStage(f.tree.school, 'cleared', 1);
    const ward = await inboxOf('capuy.p01');
    expect(ward.map((i) => [i.kind, i.title, i.link])).toEqual([
      ['dossier_returned', 'Bổ sung hồ sơ bị trả lại và nộp lại', `/kiem-diem/${f.id}/don-vi/${f.tree.ward.id}`],
    ]);
    const school = await inboxOf('capuy.s01');
    expect(school.map((i) => [i.kind, i.title, i.dueDate])).toEqual([
      ['conference_to_schedule', 'Lên lịch hội nghị kiểm điểm', '2024-12-20'],
    ]);
    await setStage(f.tree.ward, 'drafting', 1);
    expect((await inboxOf('capuy.p01')).map((i) => [i.kind, i.title, i.overdue])).toEqual([
      ['dossier_to_prepare', 'Chuẩn bị và nộp hồ sơ kiểm điểm của đơn vị', true],
    ]);
    // The director's submitted dossier is gone with it.
    expect(await inboxOf('chidao.p01')).toEqual([]);
  });

  it('the standing role is asked to approve a written plan, and not once it is approved', async () => {
    expect(await inboxOf('thuongtruc')).toEqual([]);
    await ctx.db.updateTable('campaigns').set({ plan_text: 'Kế hoạch số 01-KH/TU' }).where('id', '=', f.id).execute();
    const items = await inboxOf('thuongtruc');
    expect(items.map((i) => [i.kind, i.title, i.overdue])).toEqual([['plan_to_approve', 'Phê duyệt kế hoạch kiểm điểm', true]]);
    expect(kinds(await inboxOf('bantochuc'))).not.toContain('plan_to_write');
    await ctx.db.updateTable('campaigns').set({ plan_status: 'approved' }).where('id', '=', f.id).execute();
    expect(await inboxOf('thuongtruc')).toEqual([]);
  });

  it('nobody outside the committee, nor the office, sees any of its work; a closed campaign asks nothing', async () => {
    const other = await makeUnit(ctx.db, { kind: 'committee', code: 'HK', name: 'Thị ủy Hồng Lĩnh' });
    await makeAccount(ctx.db, { username: 'bantochuc.hl', grants: [{ role: 'organizer', unit: other }] });
    await makeAccount(ctx.db, { username: 'capuy.hl', grants: [{ role: 'unit_committee', unit: other }] });
    expect(await inboxOf('bantochuc.hl')).toEqual([]);
    expect(await inboxOf('capuy.hl')).toEqual([]);
    expect(await inboxOf('vanphong')).toEqual([]);
    await ctx.db.updateTable('campaigns').set({ status: 'closed' }).where('id', '=', f.id).execute();
    expect(kinds(await inboxOf('dangvien.thuy'))).toEqual(['commitment']);
    expect(await inboxOf('bantochuc')).toEqual([]);
    expect(await inboxOf('bithu.c1')).toEqual([]);
  });
});
