// The campaign cockpit (issue 3 item 8): every unit in the caller's scope with its stage, counts
// ("12/42 đơn vị đã được thẩm định"), overdue marks against the milestones at the business date, and
// filters by director, sector and stage: one scoped list of the units, filtered, sorted and paged here.
import type { z } from 'zod';
import type { CockpitResponse, CockpitUnit, cockpitQuery } from '../../../shared/contracts/campaigns.js';
import { UNIT_STAGES, type MilestoneKind, type UnitStage } from '../../../shared/campaign-vocabulary.js';
import { loadCampaignAccess, milestonesOf, withinPaths } from '../../adapters/db/campaigns.repository.js';
import { subtreeRange } from '../../adapters/db/dialect.js';
import type { CampaignRow } from '../../adapters/db/schema.js';
import { businessDate } from '../../adapters/db/settings.repository.js';
import { campaignUnitScope, type CampaignCaller } from '../../domain/campaign-policy.js';
import { reached, unitOverdue } from '../../domain/campaign-progress.js';
import type { AppContext, Caller } from '../context.js';
import type { CockpitScopeUnit, UnitReviewProgress } from '../../adapters/short-lived-cache.js';
import { milestoneViews } from './present-campaign.js';
import { subjectReview } from '../../adapters/db/campaign-subject-joins.js';

type Query = z.infer<typeof cockpitQuery>;

export async function getCockpit(ctx: AppContext, caller: Caller, campaignId: string, q: Query): Promise<CockpitResponse> {
  const { campaign, caller: cc } = await loadCampaignAccess(ctx.db, campaignId, caller, ctx);
  const scope = campaignUnitScope(cc);
  const bd = (await businessDate(ctx.db, ctx.clock.now())).date;
  // Same campaign, day, scope, own units and query: the same cockpit (RequestCaches.cockpits).
  const key = JSON.stringify([campaign.id, bd, scope, cc.directorPaths, q]);
  const nowMs = ctx.clock.nowMs();
  const cached = ctx.caches.cockpits.get(key, nowMs);
  if (cached) return cached;
  const cockpit = await buildCockpit(ctx, campaign, cc, scope, bd, q);
  ctx.caches.cockpits.set(key, cockpit, nowMs);
  return cockpit;
}

/** Code order as SQLite's BINARY and PostgreSQL's "C" collation sort it (UTF-16 code units for these codes). */
const byCode = (a: CockpitScopeUnit, b: CockpitScopeUnit) =>
  a.code < b.code ? -1 : a.code > b.code ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * Every campaign unit of the caller's scope, with its name, code and sector, read in one scoped
 * statement, put in code order and kept five seconds (RequestCaches.cockpitUnits); each cockpit
 * counts, filters and pages this list. A province office's cockpit joined, counted and sorted the
 * ten thousand units of its scope for every filter and page: those statements were a third of
 * PostgreSQL's time in the season's load, and the list of a whole province is read in 20 ms.
 */
async function scopeUnits(ctx: AppContext, campaignId: string, scope: string[]): Promise<CockpitScopeUnit[]> {
  return ctx.caches.cockpitUnits.getOrLoad(JSON.stringify([campaignId, scope]), ctx.clock.nowMs(), async () =>
    (
      await ctx.db
        .selectFrom('campaign_units as cu')
        .innerJoin('org_units as u', 'u.id', 'cu.unit_id')
        .select([
          'cu.id',
          'cu.unit_id',
          'cu.unit_path',
          'cu.unit_kind',
          'cu.stage',
          'cu.stage_changed_at',
          'cu.needs_appraisal',
          'cu.appraisal_round',
          'cu.is_grassroots',
          'u.name',
          'u.code',
          'u.sector',
        ])
        .where('cu.campaign_id', '=', campaignId)
        .where((eb) => withinPaths(eb, 'cu.unit_path', scope))
        .execute()
    ).sort(byCode),
  );
}

async function buildCockpit(
  ctx: AppContext,
  campaign: CampaignRow,
  cc: CampaignCaller,
  scope: string[],
  bd: string,
  q: Query,
): Promise<CockpitResponse> {
  const milestones = milestonesOf(campaign);
  const all = await scopeUnits(ctx, campaign.id, scope);
  const units = q.level === 'grassroots' ? all.filter((u) => u.is_grassroots === 1) : all;
  const overdueOf = (u: CockpitScopeUnit) =>
    unitOverdue({ stage: u.stage as UnitStage, needsAppraisal: u.needs_appraisal === 1 }, milestones, bd) as MilestoneKind[];

  // Totals over the scope, whatever the filters.
  const byStage: Record<string, number> = Object.fromEntries(UNIT_STAGES.map((s) => [s, 0]));
  const totals = { units: 0, byStage, submitted: 0, needsAppraisal: 0, appraised: 0, conferenceScheduled: 0, overdue: 0 };
  for (const u of units) {
    const stage = u.stage as UnitStage;
    const needs = u.needs_appraisal === 1;
    totals.units += 1;
    byStage[stage] += 1;
    if (reached(stage, 'submitted')) totals.submitted += 1;
    if (needs) totals.needsAppraisal += 1;
    if (needs && reached(stage, 'cleared')) totals.appraised += 1;
    if (reached(stage, 'conference_scheduled')) totals.conferenceScheduled += 1;
    if (overdueOf(u).length > 0) totals.overdue += 1;
  }

  // The filters; a director's own units (issue 3 item 3) come first, then the units by code.
  const directed =
    q.directorId === undefined
      ? null
      : new Set(
          (
            await ctx.db
              .selectFrom('assignments')
              .select('unit_id')
              .where('campaign_id', '=', campaign.id)
              .where('account_id', '=', q.directorId)
              .execute()
          ).map((a) => a.unit_id),
        );
  const filtered = units.filter(
    (u) =>
      (q.stage === undefined || u.stage === q.stage) &&
      (q.needsAppraisal === undefined || (u.needs_appraisal === 1) === q.needsAppraisal) &&
      (q.overdueOnly !== true || overdueOf(u).length > 0) &&
      (directed === null || directed.has(u.unit_id)) &&
      (q.sector === undefined || u.sector === q.sector),
  );
  // The scope's list is in code order already; the caller's own units are moved to the front.
  const mine = cc.directorPaths;
  const isMine = (u: CockpitScopeUnit) => mine.some((p) => u.unit_path.startsWith(p));
  const sorted = mine.length === 0 ? filtered : [...filtered.filter(isMine), ...filtered.filter((u) => !isMine(u))];
  const total = sorted.length;
  const rows = sorted.slice((q.page - 1) * q.pageSize, q.page * q.pageSize);

  const unitIds = rows.map((r) => r.unit_id);
  const [assigned, progress, directorList] = await Promise.all([
    unitIds.length
      ? ctx.db
          .selectFrom('assignments as a')
          .innerJoin('accounts as acc', 'acc.id', 'a.account_id')
          .select(['a.unit_id', 'a.account_id', 'a.duty', 'acc.display_name'])
          .where('a.campaign_id', '=', campaign.id)
          .where('a.unit_id', 'in', unitIds)
          .execute()
      : [],
    reviewProgress(ctx, campaign, rows),
    ctx.caches.campaignDirectors.getOrLoad(campaign.id, ctx.clock.nowMs(), async () =>
      (
        await ctx.db
          .selectFrom('assignments as a')
          .innerJoin('accounts as acc', 'acc.id', 'a.account_id')
          .select(['a.account_id', 'acc.display_name'])
          .distinct()
          .where('a.campaign_id', '=', campaign.id)
          .orderBy('acc.display_name')
          .execute()
      ).map((d) => ({ accountId: d.account_id, name: d.display_name })),
    ),
  ]);

  const items: CockpitUnit[] = rows.map((r) => {
    const reviews = progress.get(r.unit_id)!;
    const stage = r.stage as UnitStage;
    return {
      campaignUnitId: r.id,
      unitId: r.unit_id,
      name: r.name,
      code: r.code,
      kind: r.unit_kind,
      sector: r.sector,
      stage,
      stageChangedAt: r.stage_changed_at,
      needsAppraisal: r.needs_appraisal === 1,
      appraisalRound: r.appraisal_round,
      overdue: overdueOf(r),
      directors: assigned
        .filter((a) => a.unit_id === r.unit_id)
        .map((a) => ({ accountId: a.account_id, name: a.display_name, duty: a.duty })),
      reviews,
    };
  });

  const n = totals.units;
  const headlines = [
    `${totals.submitted}/${n} đơn vị đã nộp hồ sơ kiểm điểm`,
    `${totals.appraised}/${totals.needsAppraisal} đơn vị có gợi ý kiểm điểm đã được thẩm định`,
    `${totals.conferenceScheduled}/${n} đơn vị đã lên lịch hoặc tổ chức hội nghị`,
    ...(totals.overdue > 0 ? [`${totals.overdue} đơn vị chậm so với mốc thời gian`] : []),
  ];
  return {
    campaignId: campaign.id,
    businessDate: bd,
    totals,
    headlines,
    milestones: milestoneViews(milestones, bd),
    directors: directorList,
    items,
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/**
 * The members' reviews by status under each listed unit, counted for a whole group of units at
 * once and kept thirty seconds (RequestCaches.reviewProgress): a group is the unit's ancestor one
 * level below the campaign's owner (a district of the province, a grassroots unit of a city).
 * One grouped pass per group, over its members by reviewing chi bộ, then summed up the paths.
 *
 * Counting each listed unit on its own was 23 % of PostgreSQL's time in the season's load (about
 * 70 statements a second, each planned anew: its range's size changes the plan's estimate). A
 * district's pass reads some ten thousand members: 20–30 ms, at most once in thirty seconds. The
 * whole campaign in one pass (140 ms on PostgreSQL, 370 ms on SQLite) would hold SQLite's one
 * thread that long. One statement for a page of units was no cheaper than its units one by one.
 */
async function reviewProgress(
  ctx: AppContext,
  campaign: CampaignRow,
  units: { unit_id: string; unit_path: string }[],
): Promise<Map<string, UnitReviewProgress>> {
  const ownerDepth = pathSegments(campaign.owner_path).length;
  const groups = new Set(
    units.map(
      (u) =>
        `/${pathSegments(u.unit_path)
          .slice(0, ownerDepth + 1)
          .join('/')}/`,
    ),
  );
  const nowMs = ctx.clock.nowMs();
  const counted = await Promise.all(
    [...groups].map((group) =>
      ctx.caches.reviewProgress.getOrLoad(`${campaign.id}|${group}`, nowMs, () => groupReviewProgress(ctx, campaign.id, group)),
    ),
  );
  const byPath = new Map(counted.flatMap((m) => [...m]));
  const none: UnitReviewProgress = { members: 0, submitted: 0, finalized: 0 };
  return new Map(units.map((u) => [u.unit_id, byPath.get(u.unit_path) ?? none]));
}

const pathSegments = (path: string) => path.split('/').filter(Boolean);

/** Every unit path under `group` (itself included) → its subtree's included members by review status. */
async function groupReviewProgress(ctx: AppContext, campaignId: string, group: string): Promise<Map<string, UnitReviewProgress>> {
  const r = subtreeRange(group);
  const rows = await ctx.db
    .selectFrom('campaign_members as cm')
    .leftJoin('reviews as r', subjectReview('r', 'member', 'cm'))
    .select(['cm.unit_path', 'r.status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('cm.campaign_id', '=', campaignId)
    .where('cm.unit_path', '>=', r.from)
    .where('cm.unit_path', '<', r.to)
    .where('cm.included', '=', 1)
    .groupBy(['cm.unit_path', 'r.status'])
    .execute();
  const byPath = new Map<string, UnitReviewProgress>();
  for (const row of rows) {
    const n = Number(row.n);
    // The members of a chi bộ count in every unit above it up to the group: each "/"-ended prefix.
    for (let end = group.length; end > 0; end = row.unit_path.indexOf('/', end) + 1) {
      const prefix = row.unit_path.slice(0, end);
      let p = byPath.get(prefix);
      if (!p) byPath.set(prefix, (p = { members: 0, submitted: 0, finalized: 0 }));
      p.members += n;
      if (row.status === 'submitted') p.submitted += n;
      if (row.status === 'finalized') p.finalized += n;
    }
  }
  return byPath;
}
