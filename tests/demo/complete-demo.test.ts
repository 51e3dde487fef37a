// `tusoi demo --complete` on both databases (issue 4 item 7; reference-scenario.md: "carries the
// 2017 campaign to the end state of the report: 42 of 42 units reviewed, levels decided,
// remediation plans filed"), and the 2016 remediation items "some fixed and some not".
import { afterAll, beforeAll, expect, it } from 'vitest';
import { contextFor } from '../../src/server/main.js';
import type { AppContext } from '../../src/server/features/context.js';
import { buildDemo } from '../../src/server/features/demo/build-demo.js';
import { BUSINESS_DATE, getSetting } from '../../src/server/adapters/db/settings.repository.js';
import { proposedLevelFromTally, tallyProblems } from '../../src/server/domain/classification/tally.js';
import type { Level } from '../../src/shared/campaign-vocabulary.js';
import { migratedDatabase, type TestDatabase } from '../support/databases.js';
import { describeEachDialect } from '../support/each-dialect.js';

describeEachDialect('demo --complete (city, 2017 carried to its end)', (dialect) => {
  let db: TestDatabase;
  let ctx: AppContext;
  let campaignId: string;

  beforeAll(async () => {
    db = await migratedDatabase(dialect);
    ctx = contextFor(db.handle);
    await buildDemo(ctx, { scale: 'city', seed: 77, complete: true });
    campaignId = (await ctx.db.selectFrom('campaigns').select('id').where('review_year', '=', 2017).executeTakeFirstOrThrow()).id;
  }, 180_000);
  afterAll(async () => db?.drop());

  it('has 42 of 42 grassroots units, and every other unit, past the decision and into remediation', async () => {
    const units = await ctx.db
      .selectFrom('campaign_units')
      .select(['stage', 'is_grassroots'])
      .where('campaign_id', '=', campaignId)
      .execute();
    expect(units.filter((u) => u.is_grassroots === 1)).toHaveLength(42);
    expect(new Set(units.map((u) => u.stage))).toEqual(new Set(['remediating']));
    expect(await getSetting(ctx.db, BUSINESS_DATE)).toBe('2018-02-01');
  });

  it('finalizes every review, and holds every conference with minutes, attendance and the agenda done', async () => {
    const reviews = await ctx.db.selectFrom('reviews').select('status').where('campaign_id', '=', campaignId).execute();
    expect(reviews.length).toBeGreaterThan(3500);
    expect(new Set(reviews.map((r) => r.status))).toEqual(new Set(['finalized']));
    const conferences = await ctx.db.selectFrom('conferences').selectAll().where('campaign_id', '=', campaignId).execute();
    const units = await ctx.db.selectFrom('campaign_units').select('unit_id').where('campaign_id', '=', campaignId).execute();
    expect(new Set(conferences.map((c) => c.unit_id))).toEqual(new Set(units.map((u) => u.unit_id)));
    for (const c of conferences) {
      expect(c.status).toBe('closed');
      const minutes = JSON.parse(c.minutes_json ?? '{}') as { chair?: string; secretary?: string };
      expect(minutes.chair).toMatch(/^Đồng chí /);
      expect(minutes.secretary).toMatch(/^Đồng chí /);
    }
    const agenda = await ctx.db.selectFrom('conference_agenda').selectAll().execute();
    expect(new Set(agenda.map((a) => a.status))).toEqual(new Set(['done']));
    // The collective first (regulations §9b order) at every meeting.
    for (const a of agenda.filter((x) => x.position === 1)) expect(a.subject_kind).toBe('unit');
    const attendance = await ctx.db.selectFrom('conference_attendance').select(['present', 'absence_reason']).execute();
    expect(attendance.length).toBeGreaterThan(3500);
    for (const a of attendance) if (a.present === 0) expect(a.absence_reason).toBeTruthy();
  });

  it('publishes a level for every classified member, decided as the chi bộ tally proposes, under a decision', async () => {
    const classified = await ctx.db
      .selectFrom('campaign_members')
      .select('member_id')
      .where('campaign_id', '=', campaignId)
      .where('included', '=', 1)
      .where('classified', '=', 1)
      .execute();
    const rows = await ctx.db
      .selectFrom('classifications as c')
      .innerJoin('vote_tallies as t', 't.id', 'c.tally_id')
      .innerJoin('decisions as d', 'd.id', 'c.decision_id')
      .selectAll('t')
      .select(['c.decided_level', 'c.status', 'c.published_at', 'd.number'])
      .where('c.campaign_id', '=', campaignId)
      .where('c.subject_kind', '=', 'member')
      .execute();
    expect(rows).toHaveLength(classified.length);
    for (const r of rows) {
      expect(r.status).toBe('published');
      expect(r.published_at).not.toBeNull();
      const tally = {
        present: r.present,
        valid: r.valid,
        invalid: r.invalid,
        votes: {
          excellent: r.votes_excellent,
          good: r.votes_good,
          satisfactory: r.votes_satisfactory,
          unsatisfactory: r.votes_unsatisfactory,
        },
      };
      expect(tallyProblems(tally)).toEqual([]);
      expect(proposedLevelFromTally(tally)).toBe(r.decided_level as Level);
    }
    // Members disciplined in 2017 are not rated above the lowest level.
    const disciplined = await ctx.db
      .selectFrom('member_year_facts')
      .select(['member_id', 'disciplines_json'])
      .where('year', '=', 2017)
      .execute();
    const ids = disciplined.filter((d) => d.disciplines_json !== '[]').map((d) => d.member_id);
    expect(ids.length).toBeGreaterThan(0);
    const levels = await ctx.db
      .selectFrom('classifications')
      .select('decided_level')
      .where('campaign_id', '=', campaignId)
      .where('member_id', 'in', ids)
      .execute();
    expect(levels.length).toBeGreaterThan(0);
    for (const l of levels) expect(l.decided_level).toBe('unsatisfactory');
  });

  it('files a remediation plan for every subject with a 2017 shortcoming, reported by the units', async () => {
    const shortcomings = await ctx.db
      .selectFrom('shortcomings')
      .select(['id', 'subject_kind', 'subject_key'])
      .where('campaign_id', '=', campaignId)
      .execute();
    const items = await ctx.db
      .selectFrom('remediation_items as i')
      .innerJoin('remediation_plans as p', 'p.id', 'i.plan_id')
      .select(['i.shortcoming_id', 'p.status', 'p.subject_kind', 'p.reported_at'])
      .where('p.campaign_id', '=', campaignId)
      .execute();
    expect(new Set(items.map((i) => i.shortcoming_id))).toEqual(new Set(shortcomings.map((s) => s.id)));
    for (const i of items) {
      expect(i.status).toBe('filed');
      if (i.subject_kind === 'unit') expect(i.reported_at).not.toBeNull();
    }
    // Some shortcomings were concluded by the conferences and are in their minutes.
    const concluded = await ctx.db.selectFrom('conference_entries').select('text').where('kind', '=', 'conclusion').execute();
    expect(concluded.length).toBeGreaterThan(0);
  });

  it('keeps the 2016 remediation items, some done and some not', async () => {
    const c2016 = await ctx.db.selectFrom('campaigns').select('id').where('review_year', '=', 2016).executeTakeFirstOrThrow();
    const items = await ctx.db
      .selectFrom('remediation_items as i')
      .innerJoin('remediation_plans as p', 'p.id', 'i.plan_id')
      .select(['i.status'])
      .where('p.campaign_id', '=', c2016.id)
      .execute();
    const statuses = new Set(items.map((i) => i.status));
    expect(statuses.has('done')).toBe(true);
    expect(statuses.has('in_progress') || statuses.has('planned')).toBe(true);
  });
});
