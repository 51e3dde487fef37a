// Campaigns over HTTP on both databases (issue 3 item 2): creation under the rule set of the
// review year, the population snapshot with reasons, explicit changes after it, scoping, and the
// cockpit's counts and overdue marks against the business date (item 8).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { contextFor } from '../../src/server/main.js';
import type { AppContext } from '../../src/server/features/context.js';
import { BUSINESS_DATE, setSetting } from '../../src/server/adapters/db/settings.repository.js';
import { migratedDatabase, type TestDatabase } from '../support/databases.js';
import { describeEachDialect } from '../support/each-dialect.js';
import { makeAccount, makeMember, makeSmallCommittee, makeUnit, TEST_PASSWORD } from '../support/factories.js';
import { makeCampaignFixture, type CampaignFixture } from '../support/campaign-factories.js';
import { TestClient } from '../support/http.js';
import { plainReviewCounts, type ReviewCounts } from '../support/review-counts.js';
import { effectiveConfig, formMeaningFor, populationTreatment, ruleSetById } from '../../src/server/domain/rule-sets/index.js';
import type { MemberStatus } from '../../src/shared/vocabulary.js';

describeEachDialect('campaigns', (dialect) => {
  let db: TestDatabase;
  let ctx: AppContext;
  let f: CampaignFixture;
  let newcomer: { id: string };
  let transferred: { id: string };
  const as = (username: string) => TestClient.loggedIn(ctx, username, TEST_PASSWORD);

  beforeAll(async () => {
    db = await migratedDatabase(dialect);
    ctx = contextFor(db.handle);
    const tree = await makeSmallCommittee(ctx.db);
    // Admitted in September 2024: less than 6 months before 31/12/2024 (regulations §9b).
    newcomer = await makeMember(ctx.db, tree.cellB, 'Võ Minh Khoa', { admissionDate: '2024-09-10', officialDate: null, isLeader: false });
    // Moved from chi bộ khối phố 1 to khối phố 2 in March 2024: the receiving chi bộ reviews him.
    transferred = await makeMember(ctx.db, tree.cellB, 'Bùi Quang Minh', { isHead: true });
    await ctx.db
      .updateTable('member_unit_history')
      .set({ unit_id: tree.cellA.id, to_date: '2024-03-15' })
      .where('member_id', '=', transferred.id)
      .execute();
    await ctx.db
      .insertInto('member_unit_history')
      .values({
        id: 'hist' + transferred.id,
        member_id: transferred.id,
        unit_id: tree.cellB.id,
        from_date: '2024-03-15',
        to_date: null,
        reason: null,
        created_at: '2024-03-15T00:00:00.000Z',
      })
      .execute();
    await setSetting(ctx.db, BUSINESS_DATE, '2024-12-05', ctx.clock.now());
    f = await makeCampaignFixture(ctx, { year: 2024, tree });
  });
  afterAll(async () => db.drop());

  it('opens a campaign under the rule set of its review year, with a default title and cut-off', async () => {
    const c = await as('bantochuc');
    const r = await c.get(`/api/campaigns/${f.id}`);
    expect(r.status).toBe(200);
    expect(r.body.ruleSetId).toBe('hd25-2023');
    expect(r.body.reviewYear).toBe(2024);
    expect(r.body.title).toMatch(/năm 2024/);
    expect(r.body.cutoffDate).toBe('2024-12-31');
    expect(r.body.abilities).toMatchObject({ manage: true, approvePlan: false, seesWholeCampaign: true });
    const standing = await as('thuongtruc');
    expect((await standing.get(`/api/campaigns/${f.id}`)).body.abilities.approvePlan).toBe(true);
  });

  it('refuses a second campaign for the same committee and year, an owner that is a chi bộ, and the office', async () => {
    const c = await as('bantochuc');
    const dup = await c.post('/api/campaigns', { ownerUnitId: f.tree.committee.id, reviewYear: 2024 });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('campaign.exists');
    const bad = await c.post('/api/campaigns', { ownerUnitId: f.tree.cellA.id, reviewYear: 2024 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('campaign.invalid_owner');
    const office = await as('vanphong');
    const denied = await office.post('/api/campaigns', { ownerUnitId: f.tree.committee.id, reviewYear: 2023 });
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toMatch(/không có quyền/);
  });

  it('freezes the population: exempt left out with the reason, newcomer in but not classified, transfer keeps the former chi bộ', async () => {
    const c = await as('bantochuc');
    const detail = (await c.get(`/api/campaigns/${f.id}`)).body;
    // Units: the ward, its two chi bộ and the school's chi bộ cơ sở.
    expect(detail.population.units).toBe(4);
    expect(detail.population.excluded).toBe(1);
    expect(detail.population.notClassified).toBe(1);
    const excluded = (await c.get(`/api/campaigns/${f.id}/population?filter=excluded`)).body;
    expect(excluded.items.map((m: { fullName: string; reason: string }) => [m.fullName, m.reason])).toEqual([['Lê Thủy', 'exempt']]);
    const notClassified = (await c.get(`/api/campaigns/${f.id}/population?filter=not_classified`)).body;
    expect(notClassified.items.map((m: { memberId: string }) => m.memberId)).toEqual([newcomer.id]);
    expect(notClassified.items[0].reason).toBe('newly_admitted');
    const all = (await c.get(`/api/campaigns/${f.id}/population?pageSize=200`)).body;
    const moved = all.items.find((m: { memberId: string }) => m.memberId === transferred.id);
    expect(moved).toMatchObject({ unitName: 'Chi bộ khối phố 2', formerUnitName: 'Chi bộ khối phố 1', included: true });
  });

  it("the snapshot statement gives every member what the rule set's own functions give", async () => {
    const campaign = await ctx.db.selectFrom('campaigns').selectAll().where('id', '=', f.id).executeTakeFirstOrThrow();
    const ruleSet = ruleSetById(campaign.rule_set_id)!;
    const config = effectiveConfig(ruleSet, JSON.parse(campaign.config_json));
    const members = await ctx.db.selectFrom('members').selectAll().execute();
    const frozen = await ctx.db
      .selectFrom('campaign_members')
      .selectAll()
      .where('campaign_id', '=', f.id)
      .where('source', '=', 'snapshot')
      .execute();
    expect(frozen).toHaveLength(members.length);
    for (const row of frozen) {
      const m = members.find((x) => x.id === row.member_id)!;
      const t = populationTreatment(
        ruleSet,
        config,
        { status: m.status as MemberStatus, admissionDate: m.admission_date },
        campaign.cutoff_date,
      );
      expect({ member: m.full_name, included: row.included, classified: row.classified, reason: row.reason }).toEqual({
        member: m.full_name,
        included: t.treatment === 'excluded' ? 0 : 1,
        classified: t.treatment === 'reviewed' ? 1 : 0,
        reason: t.reason,
      });
      expect(row.form_meaning).toBe(
        formMeaningFor(ruleSet, {
          isLeader: m.is_leader === 1,
          isCivilServant: m.is_civil_servant === 1,
          governmentPosts: m.government_posts,
        }),
      );
      expect(row.is_key_leader).toBe(m.is_leader === 1 || m.is_head === 1 ? 1 : 0);
    }
  });

  it('leaves newly admitted members out altogether from 2025 on (QĐ 366, regulations §11.7)', async () => {
    const c = await as('bantochuc');
    const created = await c.post('/api/campaigns', { ownerUnitId: f.tree.committee.id, reviewYear: 2025, cutoffDate: '2025-03-01' });
    expect(created.status).toBe(200);
    const snap = await c.post(`/api/campaigns/${created.body.id}/snapshot`);
    expect(snap.status).toBe(200);
    expect(snap.body.notClassified).toBe(0);
    const excluded = (await c.get(`/api/campaigns/${created.body.id}/population?filter=excluded`)).body;
    expect(excluded.items.find((m: { memberId: string }) => m.memberId === newcomer.id)?.reason).toBe('newly_admitted');
    const again = await c.post(`/api/campaigns/${created.body.id}/snapshot`);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('campaign.snapshot_exists');
  });

  it('changes after the snapshot are explicit, noted and audited', async () => {
    const c = await as('bantochuc');
    const r = await c.post(`/api/campaigns/${f.id}/population`, {
      memberId: f.tree.members.lan.id,
      included: false,
      reason: 'suspended',
      note: 'Quyết định đình chỉ sinh hoạt ngày 10/12/2024',
    });
    expect(r.status).toBe(200);
    const manual = (await c.get(`/api/campaigns/${f.id}/population?filter=manual`)).body;
    expect(manual.items).toHaveLength(1);
    expect(manual.items[0]).toMatchObject({ fullName: 'Trần Thị Lan', included: false, reason: 'suspended', source: 'manual' });
    const audit = await ctx.db
      .selectFrom('audit_events')
      .select('after_json')
      .where('entity_id', '=', f.id)
      .where('action', '=', 'campaign.population_change')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].after_json!).memberId).toBe(f.tree.members.lan.id);
    const denied = await (
      await as('capuy.p01')
    ).post(`/api/campaigns/${f.id}/population`, {
      memberId: f.tree.members.lan.id,
      included: true,
      note: 'x',
    });
    expect(denied.status).toBe(403);
  });

  it('edits are version-locked: a stale version gets a conflict and changes nothing', async () => {
    const c = await as('bantochuc');
    const before = (await c.get(`/api/campaigns/${f.id}`)).body;
    const ok = await c.patch(`/api/campaigns/${f.id}`, {
      version: before.version,
      config: { politicalTasks: [{ key: 'urban', label: 'Xây dựng đô thị văn minh' }] },
    });
    expect(ok.status).toBe(200);
    const stale = await c.patch(`/api/campaigns/${f.id}`, { version: before.version, title: 'Tên khác' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('conflict.version');
    const after = (await c.get(`/api/campaigns/${f.id}`)).body;
    expect(after.title).toBe(before.title);
    expect(after.config.politicalTasks).toEqual([{ key: 'urban', label: 'Xây dựng đô thị văn minh' }]);
  });

  it('lists campaigns to the committee and to units inside it, and to nobody outside', async () => {
    const other = await makeUnit(ctx.db, { kind: 'committee', code: 'HU', name: 'Huyện ủy Can Lộc' });
    await makeAccount(ctx.db, { username: 'bantochuc.hu', grants: [{ role: 'organizer', unit: other }] });
    const outsider = await as('bantochuc.hu');
    expect((await outsider.get('/api/campaigns')).body.items).toEqual([]);
    expect((await outsider.get(`/api/campaigns/${f.id}`)).status).toBe(404);
    expect((await outsider.get(`/api/campaigns/${f.id}/cockpit`)).status).toBe(404);
    const inside = await as('capuy.s01');
    expect((await inside.get('/api/campaigns')).body.items.map((x: { reviewYear: number }) => x.reviewYear)).toContain(2024);
    const director = await as('chidao.p01');
    expect((await director.get('/api/campaigns')).body.items.map((x: { id: string }) => x.id)).toEqual([f.id]);
  });

  it('the cockpit counts units by stage, headlines the progress and marks overdue units at the business date', async () => {
    const c = await as('bantochuc');
    const cu = await f.campaignUnitId(f.tree.ward);
    await ctx.db.updateTable('campaign_units').set({ stage: 'submitted', needs_appraisal: 1 }).where('id', '=', cu).execute();
    // Two reviews of the ward's members, one submitted and one finalized, for the counts per unit below.
    const reviewed = await ctx.db
      .selectFrom('campaign_members')
      .select(['member_id', 'unit_id', 'unit_path', 'form_meaning'])
      .where('campaign_id', '=', f.id)
      .where('included', '=', 1)
      .where('unit_path', '>=', f.tree.ward.path)
      .where('unit_path', '<', `${f.tree.ward.path.slice(0, -1)}0`)
      .limit(2)
      .execute();
    expect(reviewed).toHaveLength(2);
    const now = new Date().toISOString();
    await ctx.db
      .insertInto('reviews')
      .values(
        reviewed.map((m, i) => ({
          id: `cockpit-review-${i}`,
          campaign_id: f.id,
          subject_kind: 'member',
          subject_key: m.member_id,
          unit_id: m.unit_id,
          member_id: m.member_id,
          scope_path: m.unit_path,
          form_meaning: m.form_meaning ?? 'member',
          status: i === 0 ? 'submitted' : 'finalized',
          content_json: '{}',
          self_level: null,
          self_score: null,
          proxy_entered: 0,
          submitted_at: now,
          finalized_at: i === 0 ? null : now,
          status_reason: null,
          updated_by: f.accounts.organizer.id,
          version: 1,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
    const r = await c.get(`/api/campaigns/${f.id}/cockpit`);
    expect(r.status).toBe(200);
    expect(r.body.totals.units).toBe(2); // grassroots: the ward's đảng bộ and the school's chi bộ cơ sở
    expect(r.body.totals.byStage).toMatchObject({ submitted: 1, planned: 1 });
    expect(r.body.headlines).toContain('1/2 đơn vị đã nộp hồ sơ kiểm điểm');
    expect(r.body.headlines).toContain('0/1 đơn vị có gợi ý kiểm điểm đã được thẩm định');
    // Business date 05/12/2024: "reviews due 01/12" has passed, so the school (still planned) is late.
    const school = r.body.items.find((u: { unitId: string }) => u.unitId === f.tree.school.id);
    expect(school.overdue).toEqual(['reviews_due']);
    expect(r.body.items.find((u: { unitId: string }) => u.unitId === f.tree.ward.id).overdue).toEqual([]);
    const late = (await c.get(`/api/campaigns/${f.id}/cockpit?overdueOnly=true`)).body;
    expect(late.items.map((u: { unitId: string }) => u.unitId)).toEqual([f.tree.school.id]);
    expect(late.total).toBe(1);
    // Moving the business date back before the deadline clears the mark.
    await setSetting(ctx.db, BUSINESS_DATE, '2024-11-20', ctx.clock.now());
    // Set behind the server's back: it reads the date again once it forgets what it read (a second,
    // or its next write: RequestCaches.settings).
    ctx.caches.clear();
    const early = (await c.get(`/api/campaigns/${f.id}/cockpit?overdueOnly=true`)).body;
    expect(early.items).toEqual([]);
    expect(early.total).toBe(0);
    await setSetting(ctx.db, BUSINESS_DATE, '2024-12-05', ctx.clock.now());
    ctx.caches.clear();
    const all = (await c.get(`/api/campaigns/${f.id}/cockpit?level=all`)).body;
    expect(all.totals.units).toBe(4);
    const ward = all.items.find((u: { unitId: string }) => u.unitId === f.tree.ward.id);
    expect(ward.directors).toEqual([{ accountId: f.accounts.director.id, name: 'chidao.p01', duty: 'direct' }]);
    expect(ward.reviews.members).toBeGreaterThanOrEqual(3);
    // Each unit's review counts are those of a plain count over its subtree's included members.
    const countsOf = await plainReviewCounts(ctx.db, f.id);
    for (const item of all.items as { unitId: string; reviews: ReviewCounts }[]) expect(item.reviews).toEqual(countsOf(item.unitId));
    expect(ward.reviews).toMatchObject({ submitted: 1, finalized: 1 });
    await ctx.db.deleteFrom('reviews').where('id', 'in', ['cockpit-review-0', 'cockpit-review-1']).execute();
  });

  it('filters the cockpit by director and shows a director only their assigned units', async () => {
    const c = await as('bantochuc');
    const byDirector = (await c.get(`/api/campaigns/${f.id}/cockpit?level=all&directorId=${f.accounts.director.id}`)).body;
    expect(byDirector.items.map((u: { unitId: string }) => u.unitId)).toEqual([f.tree.ward.id]);
    const director = await as('chidao.p01');
    const own = (await director.get(`/api/campaigns/${f.id}/cockpit?level=all`)).body;
    // The ward and its two chi bộ: the assignment covers the ward's subtree; the school is not shown.
    expect(own.items.map((u: { unitId: string }) => u.unitId).sort()).toEqual([f.tree.ward.id, f.tree.cellA.id, f.tree.cellB.id].sort());
    const unitCommittee = (await (await as('capuy.s01')).get(`/api/campaigns/${f.id}/cockpit`)).body;
    expect(unitCommittee.items.map((u: { unitId: string }) => u.unitId)).toEqual([f.tree.school.id]);
  });

  it("sorts the cockpit by code with the caller's own units first, pages it, and filters by sector and appraisal need", async () => {
    const c = await as('bantochuc');
    const office = await as('vanphong');
    const codes = async (query: string) => {
      const body = (await c.get(`/api/campaigns/${f.id}/cockpit?level=all${query}`)).body;
      return { codes: body.items.map((u: { code: string }) => u.code), total: body.total };
    };
    const units = await ctx.db.selectFrom('campaign_units').select(['id', 'unit_id']).where('campaign_id', '=', f.id).execute();
    await ctx.db.updateTable('campaign_units').set({ needs_appraisal: 0 }).where('campaign_id', '=', f.id).execute();
    await ctx.db
      .updateTable('campaign_units')
      .set({ needs_appraisal: 1 })
      .where('id', '=', units.find((u) => u.unit_id === f.tree.ward.id)!.id)
      .execute();
    // Changed behind the server's back: a write through it (a logout) makes it count again.
    expect((await office.post('/api/auth/logout', {})).status).toBe(200);
    expect(await codes('')).toEqual({ codes: ['P01', 'P01.C1', 'P01.C2', 'S01'], total: 4 });
    expect(await codes('&pageSize=3&page=2')).toEqual({ codes: ['S01'], total: 4 });
    expect(await codes('&sector=school')).toEqual({ codes: ['S01'], total: 1 });
    expect(await codes('&needsAppraisal=true')).toEqual({ codes: ['P01'], total: 1 });
    expect(await codes('&needsAppraisal=false&pageSize=2')).toEqual({ codes: ['P01.C1', 'P01.C2'], total: 3 });
    // Assigned to direct the school, the Ban Tổ chức sees it first (issue 3 item 3).
    await ctx.db
      .insertInto('assignments')
      .values({
        id: 'cockpit-own-school',
        campaign_id: f.id,
        unit_id: f.tree.school.id,
        account_id: f.accounts.organizer.id,
        duty: 'direct',
        created_by: null,
        created_at: new Date().toISOString(),
      })
      .execute();
    try {
      expect((await (await as('vanphong')).post('/api/auth/logout', {})).status).toBe(200);
      expect(await codes('')).toEqual({ codes: ['S01', 'P01', 'P01.C1', 'P01.C2'], total: 4 });
      // Pages across the end of the own units: the others follow them in code order.
      expect(await codes('&pageSize=2')).toEqual({ codes: ['S01', 'P01'], total: 4 });
      expect(await codes('&pageSize=1&page=2')).toEqual({ codes: ['P01'], total: 4 });
      expect(await codes('&pageSize=2&page=2')).toEqual({ codes: ['P01.C1', 'P01.C2'], total: 4 });
      expect(await codes('&pageSize=3&page=2')).toEqual({ codes: ['P01.C2'], total: 4 });
      expect(await codes('&sector=ward&pageSize=1&page=2')).toEqual({ codes: ['P01.C1'], total: 3 });
    } finally {
      await ctx.db.deleteFrom('assignments').where('id', '=', 'cockpit-own-school').execute();
    }
  });

  it('keeps a cockpit five seconds: kept over a draft save, forgotten on any other write through this server', async () => {
    // Logged in first: a login is a write, and would empty the caches itself.
    const c = await as('bantochuc');
    const member = await as('dangvien.thuy');
    const office = await as('vanphong');
    const schoolCu = await f.campaignUnitId(f.tree.school);
    const stageOf = async () =>
      (await c.get(`/api/campaigns/${f.id}/cockpit`)).body.items.find((u: { unitId: string }) => u.unitId === f.tree.school.id).stage;
    const setStage = (stage: string) => ctx.db.updateTable('campaign_units').set({ stage }).where('id', '=', schoolCu).execute();
    const before = await stageOf();
    // Changed behind the server's back, as another app server would: this one still shows what it counted.
    await setStage('drafting');
    expect(await stageOf()).toBe(before);
    // A draft's text changes nothing the cockpit counts: the cockpit stays as counted.
    const p = `/api/campaigns/${f.id}/reviews/member/${f.tree.members.thuy.id}`;
    const review = (await member.get(p)).body;
    expect((await member.request('PUT', p, { version: review.version, content: review.content })).status).toBe(200);
    expect(await stageOf()).toBe(before);
    // Any other write through this server (here a logout) forgets it.
    expect((await office.post('/api/auth/logout', {})).status).toBe(200);
    expect(await stageOf()).toBe('drafting');
    // And five seconds later it is counted again without any write.
    await setStage('planned');
    expect(await stageOf()).toBe('drafting');
    const realClock = ctx.clock;
    try {
      ctx.clock = { now: realClock.now, nowMs: () => realClock.nowMs() + 5_001 };
      expect(await stageOf()).toBe('planned');
    } finally {
      ctx.clock = realClock;
    }
  });

  it("remembers a director's assignments as long as grants, and forgets them on any other write", async () => {
    const director = await as('chidao.p01');
    const office = await as('vanphong');
    // The ward's reviews, which the director reads through the assignment alone.
    const review = `/api/campaigns/${f.id}/units/${f.tree.ward.id}/reviews`;
    expect((await director.get(review)).status).toBe(200);
    const assignments = await ctx.db.selectFrom('assignments').selectAll().where('account_id', '=', f.accounts.director.id).execute();
    expect(assignments.length).toBeGreaterThan(0);
    await ctx.db.deleteFrom('assignments').where('account_id', '=', f.accounts.director.id).execute();
    try {
      // Taken away behind the server's back, as on another app server: still honoured here for a moment…
      expect((await director.get(review)).status).toBe(200);
      // …and no more once this server serves a write.
      expect((await office.post('/api/auth/logout', {})).status).toBe(200);
      expect((await director.get(review)).body.error?.code).toBe('campaign.not_found');
    } finally {
      await ctx.db.insertInto('assignments').values(assignments).execute();
    }
  });

  it('a member sees no cockpit rows', async () => {
    const member = await as('dangvien.thuy');
    const r = await member.get(`/api/campaigns/${f.id}/cockpit`);
    expect(r.status).toBe(200);
    expect(r.body.items).toEqual([]);
    expect(r.body.totals.units).toBe(0);
  });
});
