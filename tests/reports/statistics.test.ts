// The statistics of a campaign (issue 5 item 4) through HTTP on both databases: a committee with a
// 2023 campaign (published) and a 2024 campaign where some results are published and others only
// proposed or decided, a newly admitted member, an exempt one, remediation plans with a late item.
// The figures are checked one by one; unpublished levels are never counted (design §2, office);
// the scope follows the caller's subtree and the chosen unit; a member gets 403, a committee
// outside gets 404, a unit outside the caller's subtree 403.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/server/adapters/clock.js';
import { loadPrincipal } from '../../src/server/adapters/auth/principal.repository.js';
import { setSetting, BUSINESS_DATE } from '../../src/server/adapters/db/settings.repository.js';
import { createCampaign } from '../../src/server/features/campaigns/create-campaign.js';
import { snapshotPopulation } from '../../src/server/features/campaigns/snapshot-population.js';
import type { AppContext } from '../../src/server/features/context.js';
import { campaignStatistics } from '../../src/server/features/reports/campaign-statistics.js';
import { contextFor } from '../../src/server/main.js';
import type { Level } from '../../src/shared/campaign-vocabulary.js';
import { campaignStatisticsResponse, type CampaignStatistics } from '../../src/shared/contracts/reports.js';
import { makeCampaignFixture, type CampaignFixture } from '../support/campaign-factories.js';
import { migratedDatabase, type TestDatabase } from '../support/databases.js';
import { describeEachDialect } from '../support/each-dialect.js';
import { makeAccount, makeMember, makeSmallCommittee, makeUnit, TEST_PASSWORD, type UnitRef } from '../support/factories.js';
import { TestClient } from '../support/http.js';

const NOW = '2025-01-20T08:00:00.000Z';

describeEachDialect('reports.statistics', (dialect) => {
  let db: TestDatabase;
  let ctx: AppContext;
  let fx: CampaignFixture;
  let earlierId: string;
  let otherUnit: UnitRef;
  const as = (username: string) => TestClient.loggedIn(ctx, username, TEST_PASSWORD);
  const url = (unitId?: string) => `/api/campaigns/${fx.id}/statistics${unitId ? `?unitId=${unitId}` : ''}`;
  async function stats(username: string, unitId?: string): Promise<CampaignStatistics> {
    const r = await (await as(username)).get(url(unitId));
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return campaignStatisticsResponse.parse(r.body);
  }

  async function classify(
    campaignId: string,
    kind: 'member' | 'unit',
    key: string,
    unit: UnitRef,
    status: 'proposed' | 'decided' | 'published',
    level: Level,
  ): Promise<void> {
    await ctx.db
      .insertInto('classifications')
      .values({
        id: newId(),
        campaign_id: campaignId,
        subject_kind: kind,
        subject_key: key,
        unit_id: unit.id,
        member_id: kind === 'member' ? key : null,
        scope_path: unit.path,
        status,
        proposed_level: level,
        decided_level: status === 'proposed' ? null : level,
        published_at: status === 'published' ? NOW : null,
        version: 1,
        created_at: NOW,
        updated_at: NOW,
      })
      .execute();
  }

  async function plan(
    subjectKind: 'member' | 'unit',
    key: string,
    unit: UnitRef,
    filed: boolean,
    items: { deadline: string; status: string }[],
  ) {
    const id = newId();
    await ctx.db
      .insertInto('remediation_plans')
      .values({
        id,
        campaign_id: fx.id,
        subject_kind: subjectKind,
        subject_key: key,
        unit_id: unit.id,
        member_id: subjectKind === 'member' ? key : null,
        scope_path: unit.path,
        status: filed ? 'filed' : 'draft',
        filed_at: filed ? NOW : null,
        reported_at: null,
        updated_by: null,
        version: 1,
        created_at: NOW,
        updated_at: NOW,
      })
      .execute();
    for (const [i, it] of items.entries()) {
      await ctx.db
        .insertInto('remediation_items')
        .values({
          id: newId(),
          plan_id: id,
          shortcoming_id: null,
          scope_path: unit.path,
          position: i,
          action: 'Nghiêm túc khắc phục',
          owner: 'Đồng chí Bí thư',
          deadline: it.deadline,
          status: it.status,
          progress_pct: it.status === 'done' ? 100 : it.status === 'in_progress' ? 50 : 0,
          completed_at: it.status === 'done' ? NOW : null,
          version: 1,
          created_at: NOW,
          updated_at: NOW,
        })
        .execute();
    }
  }

  beforeAll(async () => {
    db = await migratedDatabase(dialect);
    ctx = contextFor(db.handle);
    const tree = await makeSmallCommittee(ctx.db);
    // Admitted less than 6 months before the cut-off: reviewed, not classified (QĐ 124, regulations §2.4 R7).
    await makeMember(ctx.db, tree.cellB, 'Võ Văn Mới', { admissionDate: '2024-10-01', officialDate: null });
    fx = await makeCampaignFixture(ctx, { tree, year: 2024 });
    const organizer = await loadPrincipal(ctx.db, tree.accounts.organizer.id);
    earlierId = (await createCampaign(ctx, organizer, { ownerUnitId: tree.committee.id, reviewYear: 2023, config: {}, milestones: [] })).id;
    await snapshotPopulation(ctx, organizer, earlierId);
    await ctx.db.updateTable('campaigns').set({ status: 'closed' }).where('id', '=', earlierId).execute();
    await setSetting(ctx.db, BUSINESS_DATE, '2025-02-01', NOW);

    const m = tree.members;
    // 2024: published, decided-not-published, proposed.
    await classify(fx.id, 'member', m.thuy.id, tree.cellA, 'published', 'excellent');
    await classify(fx.id, 'member', m.dang.id, tree.cellA, 'published', 'good');
    await classify(fx.id, 'member', m.lan.id, tree.cellB, 'decided', 'satisfactory');
    await classify(fx.id, 'member', m.school1.id, tree.school, 'published', 'good');
    await classify(fx.id, 'unit', tree.ward.id, tree.ward, 'published', 'good');
    await classify(fx.id, 'unit', tree.school.id, tree.school, 'proposed', 'excellent');
    await classify(fx.id, 'unit', tree.cellA.id, tree.cellA, 'published', 'excellent');
    await classify(fx.id, 'unit', tree.cellB.id, tree.cellB, 'decided', 'unsatisfactory');
    const stage = (unit: UnitRef, s: string) =>
      ctx.db.updateTable('campaign_units').set({ stage: s }).where('campaign_id', '=', fx.id).where('unit_id', '=', unit.id).execute();
    await stage(tree.ward, 'published');
    await stage(tree.school, 'proposed');
    // 2023: everything published.
    await classify(earlierId, 'member', m.thuy.id, tree.cellA, 'published', 'good');
    await classify(earlierId, 'member', m.dang.id, tree.cellA, 'published', 'good');
    await classify(earlierId, 'member', m.lan.id, tree.cellB, 'published', 'satisfactory');
    await classify(earlierId, 'member', m.school1.id, tree.school, 'published', 'excellent');
    await classify(earlierId, 'unit', tree.ward.id, tree.ward, 'published', 'excellent');
    await classify(earlierId, 'unit', tree.school.id, tree.school, 'published', 'good');
    // Remediation: Thúy's plan filed, one item done, one late; the ward's plan in draft, not yet due.
    await plan('member', m.thuy.id, tree.cellA, true, [
      { deadline: '2025-01-15', status: 'done' },
      { deadline: '2025-01-31', status: 'in_progress' },
    ]);
    await plan('unit', tree.ward.id, tree.ward, false, [{ deadline: '2025-06-30', status: 'planned' }]);

    // Another committee with its own Organization Board: outside the campaign's subtree.
    const other = await makeUnit(ctx.db, { kind: 'committee', code: 'HU2', name: 'Huyện ủy Can Lộc' });
    otherUnit = await makeUnit(ctx.db, { parent: other, kind: 'grassroots_cell', code: 'HU2.X', name: 'Chi bộ xã Thượng Lộc' });
    await makeAccount(ctx.db, { username: 'bantochuc.hu2', grants: [{ role: 'organizer', unit: other }] });
  });
  afterAll(async () => db?.drop());

  it('counts the whole campaign for the committee: stages, levels, sectors, quota, overdue, remediation', async () => {
    const s = await stats('vanphong');
    expect(s.campaign).toMatchObject({ id: fx.id, reviewYear: 2024, ownerUnitName: 'Thành ủy Hà Tĩnh', ruleSetId: 'hd25-2023' });
    expect(s.scope).toMatchObject({ unitId: null, name: 'Thành ủy Hà Tĩnh', wholeCampaign: true });
    expect(s.businessDate).toBe('2025-02-01');

    // Progress: the ward published, the school at "proposed".
    expect(s.progress.grassroots).toBe(2);
    expect(s.progress.done).toBe(1);
    expect(s.progress.headline).toBe('1/2 tổ chức cơ sở đảng đã hoàn thành kiểm điểm, xếp loại và công bố kết quả');
    const byStage = Object.fromEntries(s.progress.byStage.map((x) => [x.stage, x.units]));
    expect(byStage).toMatchObject({ published: 1, proposed: 1, planned: 0 });
    expect(s.progress.byStage).toHaveLength(13);
    expect(s.progress.reached).toEqual({ submitted: 2, needsAppraisal: 0, appraised: 0, conferenceHeld: 2, decided: 1, published: 1 });
    expect(s.progress.subUnits.total).toBe(2);

    // Levels: only what is published; the rest counted without its level.
    expect(s.units).toEqual({ excellent: 0, good: 1, satisfactory: 0, unsatisfactory: 0, notClassified: 0, unpublished: 1, total: 2 });
    expect(s.subUnits).toEqual({ excellent: 1, good: 0, satisfactory: 0, unsatisfactory: 0, notClassified: 0, unpublished: 1, total: 2 });
    expect(s.members).toMatchObject({
      excellent: 1,
      good: 2,
      satisfactory: 0,
      unsatisfactory: 0,
      notClassified: 1,
      unpublished: 1,
      total: 5,
      excluded: 1,
    });
    expect(s.members.reasons).toEqual([
      { reason: 'exempt', label: 'Miễn công tác và sinh hoạt đảng', members: 1 },
      { reason: 'newly_admitted', label: 'Mới kết nạp chưa đủ 6 tháng', members: 1 },
    ]);
    expect(s.levelNames.member.map((l) => l.short)).toEqual(['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV']);

    // By sector: the ward's members (Thúy, Hùng, Lan, the newcomer) and the school's one.
    const sectors = Object.fromEntries(s.bySector.map((r) => [r.sector, r]));
    expect(Object.keys(sectors)).toEqual(['ward', 'school']);
    expect(sectors.ward.label).toBe('Phường');
    expect(sectors.ward.units).toMatchObject({ good: 1, total: 1 });
    expect(sectors.ward.members).toMatchObject({ excellent: 1, good: 1, unpublished: 1, notClassified: 1, total: 4 });
    expect(sectors.school.units).toMatchObject({ unpublished: 1, total: 1 });
    expect(sectors.school.members).toMatchObject({ good: 1, total: 1 });

    // Quota (20 % of HTT, per grassroots unit): the ward has 1 HTXS for 1 HTT (cap 0): over.
    expect(s.quota.pct).toBe(20);
    expect(s.quota.members).toEqual({ excellent: 1, good: 2, cap: 0, sharePct: 50, groups: 2, groupsOver: 1 });
    expect(s.quota.units).toEqual({ excellent: 0, good: 1, cap: 0, sharePct: 0, groups: 1, groupsOver: 0 });

    // Overdue at 01/02/2025: the school has not been decided by the 10/01/2025 milestone; one item late.
    const decisions = s.overdue.milestones.find((m) => m.kind === 'decisions')!;
    expect(decisions).toMatchObject({ passed: true, tracked: true, unitsLate: 1, dueDate: '2025-01-10' });
    expect(s.overdue.milestones.find((m) => m.kind === 'plan')).toMatchObject({ tracked: false, unitsLate: 0 });
    expect(s.overdue).toMatchObject({ units: 1, remediationItems: 1, remediationPlans: 1 });
    expect(s.remediation).toEqual({
      plans: { total: 2, draft: 1, filed: 1, reported: 0 },
      items: { total: 3, done: 1, inProgress: 0, planned: 1, overdue: 1 },
    });

    // Year over year: 2023 then 2024.
    expect(s.yearOverYear.map((y) => [y.reviewYear, y.current])).toEqual([
      [2023, false],
      [2024, true],
    ]);
    const y2023 = s.yearOverYear[0];
    expect(y2023.campaignId).toBe(earlierId);
    expect(y2023.units).toEqual({ excellent: 1, good: 1, satisfactory: 0, unsatisfactory: 0, notClassified: 0, unpublished: 0, total: 2 });
    // The newcomer (admitted 01/10/2024) was reviewed in 2023's snapshot as newly admitted: no classification.
    expect(y2023.members).toEqual({
      excellent: 1,
      good: 2,
      satisfactory: 1,
      unsatisfactory: 0,
      notClassified: 1,
      unpublished: 0,
      total: 5,
    });
    expect(s.yearOverYear[1].members).toEqual(
      (({ excellent, good, satisfactory, unsatisfactory, notClassified, unpublished, total }) => ({
        excellent,
        good,
        satisfactory,
        unsatisfactory,
        notClassified,
        unpublished,
        total,
      }))(s.members),
    );

    expect(s.headlines[0]).toBe(s.progress.headline);
    expect(s.headlines).toContain('1 tổ chức cơ sở đảng có số đảng viên HTXSNV vượt tỷ lệ 20 % số HTTNV');
    expect(s.headlines).toContain('1 biện pháp khắc phục đã quá hạn mà chưa hoàn thành');
    // The office reads no board before publication; it reads the remediation list.
    expect(s.abilities).toEqual({ boardUnitId: null, readRemediation: true });
  });

  it('never counts an unpublished level, and counts it once published', async () => {
    const before = await stats('bantochuc');
    // Lan's "satisfactory" is decided, the school's "excellent" proposed: neither shows.
    expect(before.members.satisfactory).toBe(0);
    expect(before.units.excellent).toBe(0);
    expect(JSON.stringify(before.bySector)).not.toContain('"satisfactory":1');
    // The Organization Board reads the committee's board before publication.
    expect(before.abilities.boardUnitId).toBe(fx.tree.committee.id);
    await ctx.db
      .updateTable('classifications')
      .set({ status: 'published', published_at: NOW })
      .where('campaign_id', '=', fx.id)
      .where('subject_key', '=', fx.tree.members.lan.id)
      .execute();
    try {
      const after = await stats('bantochuc');
      expect(after.members.satisfactory).toBe(1);
      expect(after.members.unpublished).toBe(0);
      expect(after.members.total).toBe(before.members.total);
    } finally {
      await ctx.db
        .updateTable('classifications')
        .set({ status: 'decided', published_at: null })
        .where('campaign_id', '=', fx.id)
        .where('subject_key', '=', fx.tree.members.lan.id)
        .execute();
    }
  });

  it('narrows to a unit’s subtree with unitId', async () => {
    const s = await stats('bantochuc', fx.tree.ward.id);
    expect(s.scope).toMatchObject({
      unitId: fx.tree.ward.id,
      name: 'Đảng bộ phường Bắc Hà',
      kind: 'grassroots_party',
      wholeCampaign: false,
    });
    expect(s.progress.grassroots).toBe(1);
    expect(s.units).toMatchObject({ good: 1, total: 1 });
    expect(s.members).toMatchObject({ excellent: 1, good: 1, unpublished: 1, notClassified: 1, total: 4, excluded: 1 });
    expect(s.bySector.map((r) => r.sector)).toEqual(['ward']);
    expect(s.quota.members).toMatchObject({ excellent: 1, good: 1, groups: 1, groupsOver: 1 });
    // The ward's units are decided by the committee above it, outside the chosen subtree: no complete group.
    expect(s.quota.units).toMatchObject({ good: 1, groups: 0 });
    expect(s.remediation.plans.total).toBe(2);
    expect(s.yearOverYear[0].members).toMatchObject({ good: 2, satisfactory: 1, notClassified: 1, total: 4 });
    expect(s.abilities.boardUnitId).toBe(fx.tree.ward.id);

    const cell = await stats('bantochuc', fx.tree.cellA.id);
    expect(cell.progress.grassroots).toBe(0);
    expect(cell.members).toMatchObject({ excellent: 1, good: 1, total: 2 });
    // Members of a chi bộ count under their grassroots unit's sector.
    expect(cell.bySector.map((r) => [r.sector, r.members.total])).toEqual([['ward', 2]]);
    expect(cell.remediation.plans.total).toBe(1);
  });

  it('follows the caller’s subtree: unit committee, cell secretary, director, admin', async () => {
    const school = await stats('capuy.s01');
    expect(school.scope).toMatchObject({ unitId: null, name: 'Chi bộ Trường THPT Phan Đình Phùng', wholeCampaign: false });
    expect(school.units).toMatchObject({ unpublished: 1, total: 1 });
    expect(school.members).toMatchObject({ good: 1, total: 1 });
    expect(school.remediation.plans.total).toBe(0);

    const secretary = await stats('bithu.c1');
    expect(secretary.members).toMatchObject({ excellent: 1, good: 1, total: 2 });
    expect(secretary.progress.grassroots).toBe(0);
    // Thúy's plan is in the chi bộ; the ward's is not.
    expect(secretary.remediation.plans.total).toBe(1);

    const director = await stats('chidao.p01');
    expect(director.scope.name).toBe('Đảng bộ phường Bắc Hà');
    expect(director.members.total).toBe(4);

    const admin = await stats('admin');
    expect(admin.members.total).toBe(5);
  });

  it('refuses a member (403), a unit outside the caller’s subtree (403), a committee outside (404)', async () => {
    const member = await (await as('dangvien.thuy')).get(url());
    expect(member.status).toBe(403);
    expect(member.body.error.code).toBe('auth.forbidden');

    const outside = await (await as('capuy.s01')).get(url(fx.tree.ward.id));
    expect(outside.status).toBe(403);
    expect(outside.body.error.code).toBe('auth.forbidden');

    const otherCommittee = await (await as('bantochuc.hu2')).get(url());
    expect(otherCommittee.status).toBe(404);
    expect(otherCommittee.body.error.code).toBe('campaign.not_found');

    const notInCampaign = await (await as('bantochuc')).get(url(otherUnit.id));
    expect(notInCampaign.status).toBe(404);
    expect(notInCampaign.body.error.code).toBe('campaign.not_in_population');

    const bad = await (await as('bantochuc')).get(`/api/campaigns/${fx.id}/statistics?unitId=..%2F`);
    expect(bad.status).toBe(400);
  });

  describe('the use case', () => {
    it('is the same object the route answers, for the report builder', async () => {
      const organizer = await loadPrincipal(ctx.db, fx.tree.accounts.organizer.id);
      const direct = await campaignStatistics(ctx, organizer, { campaignId: fx.id });
      const viaHttp = await stats('bantochuc');
      expect({ ...direct, generatedAt: '' }).toEqual({ ...viaHttp, generatedAt: '' });
    });
  });
});
