// The campaign cockpit (issue 3 item 8): every unit in the caller's scope with its stage, counts
// ("12/42 đơn vị đã được thẩm định"), overdue marks against the milestones at the business date, and
// filters by director, sector and stage. A few grouped queries, whatever the size of the province.
import { sql, type Expression, type ExpressionBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { z } from 'zod';
import type { CockpitResponse, CockpitUnit, cockpitQuery } from '../../../shared/contracts/campaigns.js';
import { UNIT_STAGES, type MilestoneKind, type UnitStage } from '../../../shared/campaign-vocabulary.js';
import { loadCampaignAccess, milestonesOf, withinPaths } from '../../adapters/db/campaigns.repository.js';
import { subtreeRange, unplannedValue } from '../../adapters/db/dialect.js';
import type { CampaignRow, Database } from '../../adapters/db/schema.js';
import { businessDateCached } from '../../adapters/db/settings.repository.js';
import { campaignUnitScope, type CampaignCaller } from '../../domain/campaign-policy.js';
import { overdueClauses, reached, unitOverdue } from '../../domain/campaign-progress.js';
import type { AppContext, Caller } from '../context.js';
import type { UnitReviewProgress } from '../../adapters/short-lived-cache.js';
import { milestoneViews } from './present-campaign.js';
import { subjectReview } from '../../adapters/db/campaign-subject-joins.js';

type Query = z.infer<typeof cockpitQuery>;

/** Up to this many own units, the sort lists their ids; past it (a whole district), it tests the paths. */
const MINE_IDS_MAX = 2_000;
type CuEb = ExpressionBuilder<Database & { cu: Database['campaign_units'] }, 'cu'>;

export async function getCockpit(ctx: AppContext, caller: Caller, campaignId: string, q: Query): Promise<CockpitResponse> {
  const { campaign, caller: cc } = await loadCampaignAccess(ctx.db, campaignId, caller, ctx);
  const scope = campaignUnitScope(cc);
  const bd = (await businessDateCached(ctx)).date;
  // Same campaign, day, scope, own units and query: the same cockpit (RequestCaches.cockpits).
  const key = JSON.stringify([campaign.id, bd, scope, cc.directorPaths, q]);
  const nowMs = ctx.clock.nowMs();
  const cached = ctx.caches.cockpits.get(key, nowMs);
  if (cached) return cached;
  const cockpit = await buildCockpit(ctx, campaign, cc, scope, bd, q);
  ctx.caches.cockpits.set(key, cockpit, nowMs);
  return cockpit;
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
  const clauses = overdueClauses(milestones, bd);

  const inScope = (eb: CuEb) =>
    eb.and([
      eb('cu.campaign_id', '=', campaign.id),
      withinPaths(eb, 'cu.unit_path', scope),
      ...(q.level === 'grassroots' ? [eb('cu.is_grassroots', '=', 1)] : []),
    ]);
  const overdueCondition = (eb: CuEb) =>
    clauses.length === 0
      ? eb.lit(false)
      : eb.or(
          clauses.map((c) =>
            eb.and([eb('cu.stage', 'in', c.stages), ...(c.onlyIfNeedsAppraisal ? [eb('cu.needs_appraisal', '=', 1)] : [])]),
          ),
        );

  // Totals over the scope: one grouped pass by stage, appraisal need and sector, shared by every
  // filter and page. With the sector in it, a sector's total is no count of its own (7.6 ms of
  // PostgreSQL's time for each sector page of a province).
  const groups = await ctx.caches.cockpitStages.getOrLoad(JSON.stringify([campaign.id, scope, q.level]), ctx.clock.nowMs(), async () =>
    (
      await ctx.db
        .selectFrom('campaign_units as cu')
        .innerJoin('org_units as u', 'u.id', 'cu.unit_id')
        .select(['cu.stage', 'cu.needs_appraisal', 'u.sector', (eb) => eb.fn.countAll<number>().as('n')])
        .where(inScope)
        .groupBy(['cu.stage', 'cu.needs_appraisal', 'u.sector'])
        .execute()
    ).map((g) => ({ stage: g.stage, needsAppraisal: g.needs_appraisal === 1, sector: g.sector, n: Number(g.n) })),
  );
  const byStage: Record<string, number> = Object.fromEntries(UNIT_STAGES.map((s) => [s, 0]));
  const totals = { units: 0, byStage, submitted: 0, needsAppraisal: 0, appraised: 0, conferenceScheduled: 0, overdue: 0 };
  for (const g of groups) {
    const n = g.n;
    const stage = g.stage as UnitStage;
    const needs = g.needsAppraisal;
    totals.units += n;
    byStage[stage] += n;
    if (reached(stage, 'submitted')) totals.submitted += n;
    if (needs) totals.needsAppraisal += n;
    if (needs && reached(stage, 'cleared')) totals.appraised += n;
    if (reached(stage, 'conference_scheduled')) totals.conferenceScheduled += n;
    if (unitOverdue({ stage, needsAppraisal: needs }, milestones, bd).length > 0) totals.overdue += n;
  }

  // The filters on the campaign's units; the sector is the unit's own, read with its name and code.
  const filtered = ctx.db
    .selectFrom('campaign_units as cu')
    .where(inScope)
    .$if(q.stage !== undefined, (qb) => qb.where('cu.stage', '=', q.stage!))
    .$if(q.needsAppraisal !== undefined, (qb) => qb.where('cu.needs_appraisal', '=', q.needsAppraisal ? 1 : 0))
    .$if(q.overdueOnly === true, (qb) => qb.where(overdueCondition))
    .$if(q.directorId !== undefined, (qb) =>
      qb.where('cu.unit_id', 'in', (eb) =>
        eb.selectFrom('assignments').select('unit_id').where('campaign_id', '=', campaign.id).where('account_id', '=', q.directorId!),
      ),
    );
  const list = filtered
    .innerJoin('org_units as u', 'u.id', 'cu.unit_id')
    .$if(q.sector !== undefined, (qb) => qb.where('u.sector', '=', q.sector!));
  // A director sees their own units first (issue 3 item 3). Their units are looked up once through
  // the unit_path index: testing each of the province's ten thousand units against 75 assigned
  // subtrees took PostgreSQL 100 ms.
  const mine = cc.directorPaths;
  const mineIds =
    mine.length === 0
      ? []
      : (
          await ctx.db
            .selectFrom('campaign_units as cu')
            .select('cu.id')
            .where('cu.campaign_id', '=', campaign.id)
            .where((eb) => withinPaths(eb, 'cu.unit_path', mine))
            .execute()
        ).map((r) => r.id);
  // Filtered by stage, appraisal need, sector or overdue mark, the list's total is already in the
  // totals' groups (a unit is overdue by its stage and appraisal need alone); by director, it is counted.
  const countFromGroups = q.directorId === undefined;
  const [total, rows] = await Promise.all([
    countFromGroups
      ? groups
          .filter(
            (g) =>
              (q.stage === undefined || g.stage === q.stage) &&
              (q.needsAppraisal === undefined || g.needsAppraisal === q.needsAppraisal) &&
              (q.sector === undefined || g.sector === q.sector) &&
              (q.overdueOnly !== true ||
                unitOverdue({ stage: g.stage as UnitStage, needsAppraisal: g.needsAppraisal }, milestones, bd).length > 0),
          )
          .reduce((sum, g) => sum + g.n, 0)
      : (q.sector !== undefined ? list : filtered)
          .select((eb) => eb.fn.countAll<number>().as('total'))
          .executeTakeFirstOrThrow()
          .then((r) => Number(r.total)),
    mineIds.length === 0
      ? pageByCode(list, q.pageSize, (q.page - 1) * q.pageSize).execute()
      : ownUnitsFirst(
          list,
          (eb) => (mineIds.length <= MINE_IDS_MAX ? eb('cu.id', 'in', mineIds) : withinPaths(eb, 'cu.unit_path', mine)),
          q.pageSize,
          (q.page - 1) * q.pageSize,
        ),
  ]);

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
    // Member reviews of each listed unit's subtree: one indexed range per unit (campaign_id,
    // unit_path), glued with UNION ALL — an OR of fifty ranges makes the planners scan the campaign.
    reviewProgress(ctx, campaign.id, rows),
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
      overdue: unitOverdue({ stage, needsAppraisal: r.needs_appraisal === 1 }, milestones, bd) as MilestoneKind[],
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

/** The cockpit's list: the filtered campaign units joined to their units (name, code, sector). */
type CockpitDb = Database & { cu: Database['campaign_units']; u: Database['org_units'] };
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- nothing selected yet
type CockpitList = SelectQueryBuilder<CockpitDb, 'cu' | 'u', {}>;
type ListEb = ExpressionBuilder<CockpitDb, 'cu' | 'u'>;

/** A page of the list in unit code order. */
function pageByCode(list: CockpitList, limit: number, offset: number) {
  return list
    .select([
      'cu.id',
      'cu.unit_id',
      'cu.unit_path',
      'cu.unit_kind',
      'cu.stage',
      'cu.stage_changed_at',
      'cu.needs_appraisal',
      'cu.appraisal_round',
      'u.name',
      'u.code',
      'u.sector',
    ])
    .orderBy('u.code')
    .limit(limit)
    .offset(offset);
}

/**
 * A page of the list with the director's own units first, each part in code order: the own units'
 * page, then, where it runs past them, the others'. One statement sorted by "own or not" tested
 * every unit of the scope against the list of own ids: in the season's load, a province director's
 * page took PostgreSQL 110 ms on average and up to 490 ms (16 s of its time in a 40-second run).
 * Now the own units are read by their ids and the others in the unit code index's order (1–2 ms).
 */
async function ownUnitsFirst(list: CockpitList, isOwn: (eb: ListEb) => Expression<SqlBool>, limit: number, offset: number) {
  const own = await pageByCode(list.where(isOwn), limit, offset).execute();
  if (own.length === limit) return own;
  // The page runs past the own units: their number places the others after them (known from this
  // page unless the page starts after the last of them).
  const ownCount =
    own.length > 0 || offset === 0
      ? offset + own.length
      : Number(
          (
            await list
              .where(isOwn)
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
  const others = await pageByCode(
    list.where((eb) => eb.not(isOwn(eb))),
    limit - own.length,
    Math.max(0, offset - ownCount),
  ).execute();
  return [...own, ...others];
}

/**
 * The members' reviews by status under each unit, kept thirty seconds per unit (any cockpit listing
 * the unit uses them). Each unit's subtree is one indexed range of (campaign_id, unit_path). One
 * statement over all of a page's units was slower on both engines: joined by computed bounds,
 * SQLite first built a Bloom filter over the campaign's reviews and PostgreSQL walked every unit of
 * the campaign; glued with UNION ALL as plain values, PostgreSQL planned fifty ranges anew each time
 * (25 ms); given as a VALUES list, PostgreSQL compared the bounds in the default collation, not the
 * index's "C", and read the whole campaign (1.3 s). The bounds are unplanned values, so PostgreSQL
 * plans a statement once per connection and reuses it (planned anew, a unit's count took 0.4 ms to
 * plan, more than to run). Counted by district in one pass instead, PostgreSQL's share fell
 * further, but SQLite's one thread was held 30 ms a district and the season's p99 on SQLite went
 * from 170 ms to 0.9 s. Counted one statement per unit, a page of fifty took fifty round trips and
 * the whole connection pool; now ten units share a statement of one fixed shape.
 */
async function reviewProgress(
  ctx: AppContext,
  campaignId: string,
  units: { unit_id: string; unit_path: string }[],
): Promise<Map<string, UnitReviewProgress>> {
  const cache = ctx.caches.unitReviewProgress;
  const nowMs = ctx.clock.nowMs();
  const keyOf = (u: { unit_id: string }) => `${campaignId}|${u.unit_id}`;
  const missing = units.filter((u) => cache.get(keyOf(u), nowMs) === null);
  // The units not in the cache, counted REVIEW_BATCH at a time: one round trip, one pooled
  // connection and one plan per batch, where a page of fifty units took fifty of each.
  const batches = new Map<string, Promise<UnitReviewProgress>>();
  for (let i = 0; i < missing.length; i += REVIEW_BATCH) {
    const batch = missing.slice(i, i + REVIEW_BATCH);
    const counting = countReviews(ctx, campaignId, batch);
    batch.forEach((u, k) => {
      const one = counting.then((all) => all[k]);
      // Unheard when another caller's count of the unit was used instead: never an unhandled rejection.
      one.catch(() => undefined);
      batches.set(u.unit_id, one);
    });
  }
  const counted = await Promise.all(
    // A unit another caller is counting already waits for that count (getOrLoad); its own is then unused.
    units.map((u) =>
      cache.getOrLoad(keyOf(u), nowMs, () => batches.get(u.unit_id) ?? countReviews(ctx, campaignId, [u]).then((r) => r[0])),
    ),
  );
  return new Map(units.map((u, i) => [u.unit_id, counted[i]]));
}

/** Units counted by one statement; the last batch is padded to this many, so there is one statement shape. */
const REVIEW_BATCH = 10;

/**
 * Member reviews by status under each unit's subtree: one indexed range per unit, REVIEW_BATCH of
 * them glued with UNION ALL, each range's bounds unplanned (see above); a padding range is empty.
 */
async function countReviews(ctx: AppContext, campaignId: string, units: { unit_path: string }[]): Promise<UnitReviewProgress[]> {
  const ranges = units.map((u) => subtreeRange(u.unit_path));
  while (ranges.length < REVIEW_BATCH) ranges.push({ from: '', to: '' });
  const branch = (r: { from: string; to: string }, k: number) =>
    ctx.db
      .selectFrom('campaign_members as cm')
      .leftJoin('reviews as r', subjectReview('r', 'member', 'cm'))
      .select([sql.lit(k).as('k'), 'r.status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('cm.campaign_id', '=', campaignId)
      .where('cm.unit_path', '>=', unplannedValue(r.from))
      .where('cm.unit_path', '<', unplannedValue(r.to))
      .where('cm.included', '=', 1)
      .groupBy('r.status');
  let query = branch(ranges[0], 0);
  for (let k = 1; k < ranges.length; k++) query = query.unionAll(branch(ranges[k], k));
  const progress = units.map(() => ({ members: 0, submitted: 0, finalized: 0 }));
  for (const row of await query.execute()) {
    const p = progress[Number(row.k)];
    if (!p) continue;
    const n = Number(row.n);
    p.members += n;
    if (row.status === 'submitted') p.submitted += n;
    if (row.status === 'finalized') p.finalized += n;
  }
  return progress;
}
