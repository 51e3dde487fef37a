// The province dataset's campaigns (issue 3 item 10), on the small province the generator offers for
// tests (the city and two small districts; the full province is for `npm run bench`): 2024 closed
// under HD 25, the merger of units on 1 July 2025 (regulations §7.2, §11.8), 2025 closed and 2026 open
// under HD 43 — and a merged unit's 2025 review carries over its predecessors' 2024 shortcomings.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { contextFor } from '../../src/server/main.js';
import type { AppContext } from '../../src/server/features/context.js';
import { buildDemo, DEMO_PASSWORD, type DemoResult } from '../../src/server/features/demo/build-demo.js';
import { BUSINESS_DATE, getSetting } from '../../src/server/adapters/db/settings.repository.js';
import { subtreeRange } from '../../src/server/adapters/db/dialect.js';
import { reviewContent } from '../../src/shared/contracts/review-content.js';
import { levelBandForPoints, ruleSetById } from '../../src/server/domain/rule-sets/index.js';
import { migratedDatabase, type TestDatabase } from '../support/databases.js';
import { describeEachDialect } from '../support/each-dialect.js';
import { TestClient } from '../support/http.js';

describeEachDialect('demo province (small): campaigns 2024–2026 and the merger of 1 July 2025', (dialect) => {
  let db: TestDatabase;
  let ctx: AppContext;
  let result: DemoResult;

  beforeAll(async () => {
    db = await migratedDatabase(dialect);
    ctx = contextFor(db.handle);
    result = await buildDemo(ctx, { scale: 'province', provinceSize: 'small', seed: 77 });
  });
  afterAll(async () => db?.drop());

  const campaign = (year: number) => ctx.db.selectFrom('campaigns').selectAll().where('review_year', '=', year).executeTakeFirstOrThrow();
  const successors = () => ctx.db.selectFrom('org_units').selectAll().where('valid_from', '=', '2025-07-01').orderBy('code').execute();
  const predecessorsOf = (id: string) =>
    ctx.db.selectFrom('org_units').selectAll().where('merged_into_id', '=', id).orderBy('code').execute();

  it('has the campaigns of 2024 and 2025 closed and of 2026 open, each under the rule set of its year', async () => {
    const rows = await ctx.db.selectFrom('campaigns').selectAll().orderBy('review_year').execute();
    expect(rows.map((c) => [c.review_year, c.status, c.rule_set_id, c.plan_status, c.owner_unit_id])).toEqual([
      [2024, 'closed', 'hd25-2023', 'approved', result.committeeId],
      [2025, 'closed', 'hd43-2025', 'approved', result.committeeId],
      [2026, 'open', 'hd43-2025', 'approved', result.committeeId],
    ]);
    expect(await getSetting(ctx.db, BUSINESS_DATE)).toBe('2026-12-05');
    expect(result.members).toBeGreaterThan(4000);
  });

  it('merges localities on 01/7/2025 into new units, in groups of two or three, through the audited merger', async () => {
    const news = await successors();
    expect(news.length).toBeGreaterThanOrEqual(4);
    for (const u of news) {
      expect(u.kind).toBe('grassroots_party');
      expect(u.valid_to).toBeNull();
      const preds = await predecessorsOf(u.id);
      expect(preds.length, u.name).toBeGreaterThanOrEqual(2);
      expect(preds.length, u.name).toBeLessThanOrEqual(3);
      for (const p of preds) {
        expect(p.valid_to).toBe('2025-07-01');
        expect(p.parent_id).toBe(u.parent_id);
        const active = await ctx.db
          .selectFrom('org_units')
          .select('id')
          .where('parent_id', '=', p.id)
          .where('valid_to', 'is', null)
          .execute();
        expect(active, p.name).toHaveLength(0);
      }
      // The predecessors' chi bộ sit under the new unit, their paths and their members' paths rebased.
      const cells = await ctx.db.selectFrom('org_units').select(['id', 'path']).where('parent_id', '=', u.id).execute();
      expect(cells.length).toBeGreaterThanOrEqual(preds.length * 5);
      const r = subtreeRange(u.path);
      for (const c of cells) expect(c.path >= r.from && c.path < r.to).toBe(true);
      const stale = await ctx.db
        .selectFrom('members as m')
        .innerJoin('org_units as c', 'c.id', 'm.unit_id')
        .select('m.id')
        .where('c.parent_id', '=', u.id)
        .whereRef('m.unit_path', '!=', 'c.path')
        .execute();
      expect(stale).toHaveLength(0);
    }
    const merges = await ctx.db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action', '=', 'org_unit.merge')
      .executeTakeFirstOrThrow();
    const predecessorCount = (await Promise.all(news.map((u) => predecessorsOf(u.id)))).flat().length;
    expect(Number(merges.n)).toBe(predecessorCount);
  });

  it('reviews the predecessors in 2024 and the new units from 2025 on', async () => {
    const news = await successors();
    const preds = (await Promise.all(news.map((u) => predecessorsOf(u.id)))).flat();
    const unitsOf = async (year: number) =>
      new Set(
        (
          await ctx.db
            .selectFrom('campaign_units')
            .select('unit_id')
            .where('campaign_id', '=', (await campaign(year)).id)
            .execute()
        ).map((r) => r.unit_id),
      );
    const [y2024, y2025, y2026] = [await unitsOf(2024), await unitsOf(2025), await unitsOf(2026)];
    for (const p of preds) {
      expect(y2024.has(p.id)).toBe(true);
      expect(y2025.has(p.id) || y2026.has(p.id)).toBe(false);
    }
    for (const u of news) {
      expect(y2024.has(u.id)).toBe(false);
      expect(y2025.has(u.id) && y2026.has(u.id)).toBe(true);
    }
  });

  it("carries the predecessors' 2024 shortcomings into the merged unit's 2025 review, each given its 2025 status there", async () => {
    const c2025 = await campaign(2025);
    for (const u of await successors()) {
      const preds = await predecessorsOf(u.id);
      const theirs = await ctx.db
        .selectFrom('shortcomings')
        .select(['id', 'year_found', 'resolved_year'])
        .where('subject_kind', '=', 'unit')
        .where(
          'subject_key',
          'in',
          preds.map((p) => p.id),
        )
        .execute();
      expect(theirs.length, u.name).toBeGreaterThanOrEqual(preds.length);
      expect(theirs.every((s) => s.year_found === 2024)).toBe(true);
      const review = await ctx.db
        .selectFrom('reviews')
        .selectAll()
        .where('campaign_id', '=', c2025.id)
        .where('subject_kind', '=', 'collective')
        .where('subject_key', '=', u.id)
        .executeTakeFirstOrThrow();
      expect(review.status).toBe('finalized');
      const content = reviewContent.parse(JSON.parse(review.content_json));
      expect(content.carryOver.map((e) => e.shortcomingId).sort()).toEqual(theirs.map((s) => s.id).sort());
      expect(content.carryOver.every((e) => e.status !== null)).toBe(true);
      const statuses = await ctx.db
        .selectFrom('shortcoming_statuses')
        .selectAll()
        .where(
          'shortcoming_id',
          'in',
          theirs.map((s) => s.id),
        )
        .where('year', '=', 2025)
        .execute();
      expect(statuses).toHaveLength(theirs.length);
      for (const st of statuses) {
        expect(st.review_id).toBe(review.id);
        const s = theirs.find((x) => x.id === st.shortcoming_id)!;
        expect(s.resolved_year).toBe(st.status === 'fixed' ? 2025 : null);
      }
    }
  });

  it("shows a merged unit's review with its predecessors' shortcomings through the API", async () => {
    const organizer = await TestClient.loggedIn(ctx, 'bantochuc', DEMO_PASSWORD);
    const [u] = await successors();
    const preds = await predecessorsOf(u.id);
    const c2025 = await campaign(2025);
    const r2025 = await organizer.get(`/api/campaigns/${c2025.id}/reviews/collective/${u.id}`);
    expect(r2025.status).toBe(200);
    expect(r2025.body.status).toBe('finalized');
    expect(r2025.body.subject.predecessors.map((p: { id: string }) => p.id).sort()).toEqual(preds.map((p) => p.id).sort());
    const carried = r2025.body.prefill.carryOver as { yearFound: number; own: boolean; subjectName: string }[];
    expect(carried.length).toBeGreaterThanOrEqual(preds.length);
    expect(carried.every((s) => s.yearFound === 2024 && !s.own && preds.some((p) => p.name === s.subjectName))).toBe(true);
    // In 2026 the merged unit starts from its own 2025 shortcomings and what its predecessors left open.
    const c2026 = await campaign(2026);
    const r2026 = await organizer.get(`/api/campaigns/${c2026.id}/reviews/collective/${u.id}`);
    expect(r2026.status).toBe(200);
    const later = r2026.body.prefill.carryOver as { yearFound: number; own: boolean }[];
    expect(later.some((s) => s.yearFound === 2025 && s.own)).toBe(true);
  });

  it('publishes the levels of 2024 and 2025 and gives every 2024 shortcoming of the 2025 population its 2025 status', async () => {
    for (const year of [2024, 2025]) {
      const c = await campaign(year);
      const counts = await ctx.db
        .selectFrom('classifications')
        .select(['subject_kind', 'status', (eb) => eb.fn.countAll<number>().as('n')])
        .where('campaign_id', '=', c.id)
        .groupBy(['subject_kind', 'status'])
        .execute();
      const classified = await ctx.db
        .selectFrom('campaign_members')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('campaign_id', '=', c.id)
        .where('included', '=', 1)
        .where('classified', '=', 1)
        .executeTakeFirstOrThrow();
      expect(counts.every((r) => r.status === 'published')).toBe(true);
      expect(Number(counts.find((r) => r.subject_kind === 'member')!.n)).toBe(Number(classified.n));
      // Under QĐ 366 (2025) every level rests on a 100-point total within its band (R16); QĐ 124 scores nothing.
      const rows = await ctx.db.selectFrom('classifications').select(['decided_level', 'score']).where('campaign_id', '=', c.id).execute();
      const ruleSet = ruleSetById(c.rule_set_id)!;
      for (const r of rows) {
        if (year === 2024) expect(r.score).toBeNull();
        else expect(levelBandForPoints(ruleSet, Number(r.score))).toBe(r.decided_level);
      }
    }
    const c2025 = await campaign(2025);
    const open2024 = await ctx.db
      .selectFrom('shortcomings as s')
      .innerJoin('campaign_members as cm', (j) => j.onRef('cm.member_id', '=', 's.subject_key').on('cm.campaign_id', '=', c2025.id))
      .leftJoin('shortcoming_statuses as st', (j) => j.onRef('st.shortcoming_id', '=', 's.id').on('st.year', '=', 2025))
      .select(['s.id', 'st.status'])
      .where('s.subject_kind', '=', 'member')
      .where('s.year_found', '=', 2024)
      .where('cm.included', '=', 1)
      .execute();
    expect(open2024.length).toBeGreaterThan(100);
    expect(open2024.every((s) => s.status !== null)).toBe(true);
  });

  it('runs 2026 with units at every stage, one in six with suggested points, and reviews pre-filled from 2025', async () => {
    const c = await campaign(2026);
    const units = await ctx.db
      .selectFrom('campaign_units')
      .select(['unit_id', 'stage', 'needs_appraisal'])
      .where('campaign_id', '=', c.id)
      .where('is_grassroots', '=', 1)
      .execute();
    const stages = new Set(units.map((u) => u.stage));
    for (const s of ['planned', 'drafting', 'submitted', 'conference_scheduled']) expect(stages.has(s), s).toBe(true);
    const suggested = units.filter((u) => u.needs_appraisal === 1).length;
    expect(suggested).toBeGreaterThanOrEqual(2);
    expect(suggested).toBeLessThan(units.length / 2);
    const reviews = await ctx.db
      .selectFrom('reviews')
      .select(['subject_kind', 'status', 'content_json'])
      .where('campaign_id', '=', c.id)
      .where('subject_kind', '=', 'member')
      .execute();
    expect(reviews.length).toBeGreaterThan(100);
    const submitted = reviews.filter((r) => r.status === 'submitted').map((r) => reviewContent.parse(JSON.parse(r.content_json)));
    expect(submitted.length).toBeGreaterThan(0);
    // QĐ 366 scores: 30 + 70 points, the self-proposed level in the band of the total (regulations §11.3–11.4).
    for (const content of submitted) {
      const total = content.scores.general! + content.scores.tasks!;
      const band = total >= 90 ? 'excellent' : total >= 70 ? 'good' : total >= 50 ? 'satisfactory' : 'unsatisfactory';
      expect(content.selfLevel).toBe(band);
    }
    expect(submitted.some((x) => x.carryOver.length > 0)).toBe(true);
  });
});
