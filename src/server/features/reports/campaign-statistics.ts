// The statistics of a campaign (issue 5 item 4): progress by stage with the "X/Y tổ chức cơ sở
// đảng" headline, levels of the grassroots units, of the units below them and of the members, by
// sector, year over year, HTXS quota use, overdue marks and remediation progress. The dashboards
// chart it and the summary report prints it.
//
// Scoped in SQL (design §4) to the caller's readable subtrees inside the campaign (domain/
// campaign-statistics.ts), narrowed to a unit's subtree on request. A handful of grouped queries
// whatever the size: the campaign's units (one row each, ~10,000 in a province), the members
// grouped by chi bộ, the published member levels grouped by chi bộ, two remediation aggregates and
// three grouped queries over the earlier campaigns. Levels are read only where the classification
// is published (design §2: the office may not read classifications before publication), in the
// SQL itself, so an unpublished level never leaves the database.
import { sql, type ExpressionBuilder, type RawBuilder } from 'kysely';
import {
  LEVELS,
  POPULATION_REASONS,
  POPULATION_REASON_LABELS,
  UNIT_STAGES,
  UNIT_STAGE_LABELS,
} from '../../../shared/campaign-vocabulary.js';
import type { Level, MilestoneKind, PopulationReason, UnitStage } from '../../../shared/campaign-vocabulary.js';
import type { CampaignStatistics, LevelName } from '../../../shared/contracts/reports.js';
import { AppError } from '../../../shared/errors.js';
import { SECTORS, SECTOR_LABELS, type Sector } from '../../../shared/vocabulary.js';
import { loadCampaignAccess, milestonesOf, withinPaths } from '../../adapters/db/campaigns.repository.js';
import type { CampaignRow, Database } from '../../adapters/db/schema.js';
import { businessDate } from '../../adapters/db/settings.repository.js';
import { overdueClauses, reached } from '../../domain/campaign-progress.js';
import {
  addCounts,
  addMembers,
  addSubject,
  asLevel,
  emptyCounts,
  fmt,
  levelsSentence,
  narrowScope,
  overdueByMilestone,
  quotaSummary,
  statisticsScope,
  withinAny,
  type Counts,
  type QuotaGroup,
  type StageGroup,
} from '../../domain/campaign-statistics.js';
import { isWithinPath, pathIds } from '../../domain/org-tree.js';
import type { CampaignCaller } from '../../domain/campaign-policy.js';
import { canReadUnpublished } from '../../domain/classification/policy.js';
import { remediationScope } from '../remediation/list-remediation.js';
import { effectiveConfig, monthsBefore, ruleSetById, type RuleSet } from '../../domain/rule-sets/index.js';
import { campaignConfigOf } from '../../adapters/db/campaigns.repository.js';
import type { AppContext, Caller, Tx } from '../context.js';
import { milestoneViews } from '../campaigns/present-campaign.js';
import { liveClassification } from '../../adapters/db/campaign-subject-joins.js';

export interface StatisticsInput {
  campaignId: string;
  /** Narrow to this unit's subtree: a unit of the campaign, or its owner. */
  unitId?: string;
}

/** Earlier campaigns shown year over year (with this one, five review years). */
const EARLIER_YEARS = 4;
/** Organizations formed less than this many months before the cut-off are not classified (R7, HD 21). */
const NEWLY_FORMED_MONTHS = 6;
/** Units below the grassroots level whose collective is classified by the grassroots committee. */
const SUB_UNIT_KINDS = new Set(['cell', 'sub_party']);

/** Rows meeting a condition, as a column of a grouped query (a pivot that both databases run). */
const count = (condition: RawBuilder<unknown>) => sql<number | string>`sum(case when ${condition} then 1 else 0 end)`;

type CuEb = ExpressionBuilder<Database & { cu: Database['campaign_units'] }, 'cu'>;

interface UnitRow {
  unitId: string;
  path: string;
  kind: string;
  isGrassroots: boolean;
  sector: string | null;
}

export async function campaignStatistics(ctx: AppContext, caller: Caller, input: StatisticsInput): Promise<CampaignStatistics> {
  const { campaign, caller: cc } = await loadCampaignAccess(ctx.db, input.campaignId, caller);
  const ruleSet = ruleSetById(campaign.rule_set_id);
  if (!ruleSet) throw new AppError('rule_set.not_found');

  // Who reads what: the caller's readable subtrees, kept inside the campaign's owner.
  let scope = narrowScope(statisticsScope(cc), campaign.owner_path);
  if (scope.length === 0) throw new AppError('auth.forbidden', 'Đồng chí không có quyền xem số liệu thống kê của đợt kiểm điểm này.');
  let scopeUnit: { id: string; name: string; kind: string; path: string } | null = null;
  if (input.unitId) {
    const unit = await findScopeUnit(ctx.db, campaign, input.unitId);
    if (!unit) throw new AppError('campaign.not_in_population');
    scope = narrowScope(scope, unit.path);
    if (scope.length === 0) throw new AppError('auth.forbidden', 'Đơn vị đã chọn nằm ngoài phạm vi đồng chí được xem số liệu.');
    scopeUnit = unit;
  }

  const bd = (await businessDate(ctx.db, ctx.clock.now())).date;
  const config = effectiveConfig(ruleSet, campaignConfigOf(campaign));
  const quotaPct = config.htxsQuotaPct;
  const newlyFormedAfter = monthsBefore(campaign.cutoff_date, NEWLY_FORMED_MONTHS);
  const inScope = (eb: CuEb) => eb.and([eb('cu.campaign_id', '=', campaign.id), withinPaths(eb, 'cu.unit_path', scope)]);

  // Earlier campaigns of the same owner, for the year-over-year comparison.
  const earlier = await ctx.db
    .selectFrom('campaigns')
    .select(['id', 'review_year', 'title', 'rule_set_id', 'cutoff_date'])
    .where('owner_unit_id', '=', campaign.owner_unit_id)
    .where('review_year', '<', campaign.review_year)
    .orderBy('review_year', 'desc')
    .limit(EARLIER_YEARS)
    .execute();
  const [names, unitRows, ancestorRows, memberPopulation, memberLevels, plans, items, history] = await Promise.all([
    // Names of the owner and of the scope's roots, for the title of the figures.
    ctx.db
      .selectFrom('org_units')
      .select(['id', 'name'])
      .where('id', 'in', [campaign.owner_unit_id, ...scope.map((p) => pathIds(p).at(-1) ?? '')])
      .execute(),
    // 1. Every unit of the campaign in scope with its stage, sector and published level.
    ctx.db
      .selectFrom('campaign_units as cu')
      .innerJoin('org_units as u', 'u.id', 'cu.unit_id')
      .leftJoin('classifications as c', (j) => liveClassification('c', 'unit', 'cu')(j).on('c.status', '=', 'published'))
      .select([
        'cu.unit_id',
        'cu.unit_path',
        'cu.unit_kind',
        'cu.is_grassroots',
        'cu.stage',
        'cu.needs_appraisal',
        'u.sector',
        'u.valid_from',
        'c.decided_level as published_level',
      ])
      .where(inScope)
      .execute(),
    // 2. The grassroots units above the scope's roots (a chi bộ secretary's members count in their
    //    grassroots unit's quota group and sector).
    ctx.db
      .selectFrom('campaign_units as cu')
      .innerJoin('org_units as u', 'u.id', 'cu.unit_id')
      .select(['cu.unit_id', 'cu.unit_path', 'cu.unit_kind', 'u.sector'])
      .where('cu.campaign_id', '=', campaign.id)
      .where('cu.is_grassroots', '=', 1)
      .where('cu.unit_id', 'in', [...new Set(scope.flatMap((p) => pathIds(p)))])
      .execute(),
    // 3. Members by chi bộ, one row each: in the review or not, classified or not, and why not.
    ctx.db
      .selectFrom('campaign_members as cm')
      .select([
        'cm.unit_id',
        count(sql`cm.included = 1 and cm.classified = 1`).as('classified'),
        count(sql`cm.included = 1 and cm.classified = 0`).as('not_classified'),
        count(sql`cm.included = 0`).as('excluded'),
        ...POPULATION_REASONS.map((r) => count(sql`cm.reason = ${r} and (cm.included = 0 or cm.classified = 0)`).as(`r_${r}`)),
      ])
      .where('cm.campaign_id', '=', campaign.id)
      .where((eb) => withinPaths(eb, 'cm.unit_path', scope))
      .groupBy('cm.unit_id')
      .execute(),
    // 4. Published member levels by chi bộ, one row each (classifications.unit_id is the member's chi bộ).
    ctx.db
      .selectFrom('classifications as c')
      .select(['c.unit_id', ...LEVELS.map((l) => count(sql`c.decided_level = ${l}`).as(l))])
      .where('c.campaign_id', '=', campaign.id)
      .where('c.subject_kind', '=', 'member')
      .where('c.annulled_at', 'is', null)
      .where('c.status', '=', 'published')
      .where((eb) => withinPaths(eb, 'c.scope_path', scope))
      .groupBy('c.unit_id')
      .execute(),
    // 5–6. Remediation: plans, then items against the business date (remediation-policy isOverdue).
    ctx.db
      .selectFrom('remediation_plans as p')
      .select((eb) => [
        eb.fn.countAll<number | string>().as('total'),
        eb.fn.sum<number | string | null>(sql`case when p.status = 'filed' then 1 else 0 end`).as('filed'),
        eb.fn.sum<number | string | null>(sql`case when p.reported_at is not null then 1 else 0 end`).as('reported'),
      ])
      .where('p.campaign_id', '=', campaign.id)
      .where((eb) => withinPaths(eb, 'p.scope_path', scope))
      .executeTakeFirstOrThrow(),
    ctx.db
      .selectFrom('remediation_plans as p')
      .innerJoin('remediation_items as i', 'i.plan_id', 'p.id')
      .select((eb) => {
        const overdue = sql`i.status <> 'done' and i.deadline < ${bd}`;
        return [
          eb.fn.countAll<number | string>().as('total'),
          eb.fn.sum<number | string | null>(sql`case when i.status = 'done' then 1 else 0 end`).as('done'),
          eb.fn.sum<number | string | null>(sql`case when ${overdue} then 1 else 0 end`).as('overdue'),
          eb.fn
            .sum<number | string | null>(sql`case when i.status = 'in_progress' and not (${overdue}) then 1 else 0 end`)
            .as('in_progress'),
          eb.fn.sum<number | string | null>(sql`case when i.status = 'planned' and not (${overdue}) then 1 else 0 end`).as('planned'),
          sql<number | string>`count(distinct case when ${overdue} then i.plan_id end)`.as('plans_overdue'),
        ];
      })
      .where('p.campaign_id', '=', campaign.id)
      .where((eb) => withinPaths(eb, 'p.scope_path', scope))
      .executeTakeFirstOrThrow(),
    // 7. The same distributions in the earlier campaigns, read alongside.
    earlierYears(ctx.db, earlier, scope),
  ]);

  const nameOf = new Map(names.map((r) => [r.id, r.name]));
  const ownerName = nameOf.get(campaign.owner_unit_id) ?? '';
  const wholeCampaign = scope.length === 1 && scope[0] === campaign.owner_path;
  const scopeName =
    scopeUnit?.name ??
    (wholeCampaign
      ? ownerName
      : scope
          .map((p) => nameOf.get(pathIds(p).at(-1) ?? ''))
          .filter(Boolean)
          .join('; '));

  // ── Units: grassroots and below, by stage and by level ──────────────────────────────────────
  const units = new Map<string, UnitRow>();
  const grassrootsById = new Map<string, UnitRow>();
  for (const a of ancestorRows) {
    const row = { unitId: a.unit_id, path: a.unit_path, kind: a.unit_kind, isGrassroots: true, sector: a.sector };
    grassrootsById.set(a.unit_id, row);
  }
  const stageGroups = new Map<string, StageGroup>();
  const subStages = new Map<UnitStage, number>();
  const unitCounts = emptyCounts();
  const subUnitCounts = emptyCounts();
  const unitsBySector = new Map<string | null, Counts>();
  const unitQuota = new Map<string, QuotaGroup>();
  let subUnitTotal = 0;
  for (const r of unitRows) {
    const row: UnitRow = {
      unitId: r.unit_id,
      path: r.unit_path,
      kind: r.unit_kind,
      isGrassroots: r.is_grassroots === 1,
      sector: r.sector,
    };
    units.set(r.unit_id, row);
    if (row.isGrassroots) grassrootsById.set(r.unit_id, row);
    const level = asLevel(r.published_level);
    const newlyFormed = r.valid_from !== null && r.valid_from > newlyFormedAfter;
    const stage = r.stage as UnitStage;
    if (row.isGrassroots) {
      const needs = r.needs_appraisal === 1;
      const key = `${stage}|${needs ? 1 : 0}`;
      const g = stageGroups.get(key) ?? { stage, needsAppraisal: needs, n: 0 };
      g.n++;
      stageGroups.set(key, g);
      addSubject(unitCounts, level, newlyFormed);
      const bySector = unitsBySector.get(row.sector) ?? emptyCounts();
      addSubject(bySector, level, newlyFormed);
      unitsBySector.set(row.sector, bySector);
      // The quota group of a grassroots unit: units of its kind decided by the committee above
      // (load-subjects.ts: `${kind}@${deciding unit}`; regulations §9b). Complete when that
      // committee's subtree is in scope.
      const parentPath = parentPathOf(row.path);
      const groupKey = `${row.kind}@${parentPath ?? ''}`;
      const q = unitQuota.get(groupKey) ?? { good: 0, excellent: 0, complete: parentPath !== null && withinAny(parentPath, scope) };
      if (level === 'good') q.good++;
      if (level === 'excellent') q.excellent++;
      unitQuota.set(groupKey, q);
    } else if (SUB_UNIT_KINDS.has(row.kind)) {
      subUnitTotal++;
      subStages.set(stage, (subStages.get(stage) ?? 0) + 1);
      addSubject(subUnitCounts, level, newlyFormed);
    }
  }

  // The grassroots unit holding a chi bộ: its deepest grassroots ancestor-or-self.
  const holder = new Map<string, UnitRow | null>();
  const grassrootsOf = (unitId: string): UnitRow | null => {
    if (holder.has(unitId)) return holder.get(unitId)!;
    const u = units.get(unitId);
    let found: UnitRow | null = null;
    if (u) {
      const ids = pathIds(u.path);
      for (let i = ids.length - 1; i >= 0 && !found; i--) found = grassrootsById.get(ids[i]) ?? null;
    }
    holder.set(unitId, found);
    return found;
  };

  // ── Members by chi bộ, then rolled up ────────────────────────────────────────────────────────
  interface Cell {
    classified: number;
    notClassified: number;
    published: Partial<Record<Level, number>>;
  }
  const cells = new Map<string, Cell>();
  const cell = (unitId: string) => {
    let c = cells.get(unitId);
    if (!c) {
      c = { classified: 0, notClassified: 0, published: {} };
      cells.set(unitId, c);
    }
    return c;
  };
  let excluded = 0;
  const reasons = new Map<PopulationReason, number>();
  const num = (v: unknown) => Number(v ?? 0);
  for (const r of memberPopulation as unknown as Record<string, unknown>[]) {
    const c = cell(String(r.unit_id));
    c.classified += num(r.classified);
    c.notClassified += num(r.not_classified);
    excluded += num(r.excluded);
    for (const reason of POPULATION_REASONS) {
      const n = num(r[`r_${reason}`]);
      if (n > 0) reasons.set(reason, (reasons.get(reason) ?? 0) + n);
    }
  }
  for (const r of memberLevels as unknown as Record<string, unknown>[]) {
    const published = cell(String(r.unit_id)).published;
    for (const l of LEVELS) published[l] = (published[l] ?? 0) + num(r[l]);
  }
  const memberCounts = emptyCounts();
  const membersBySector = new Map<string | null, Counts>();
  const memberQuota = new Map<string, QuotaGroup>();
  for (const [unitId, c] of cells) {
    const g = grassrootsOf(unitId);
    const here = emptyCounts();
    addMembers(here, c.classified, c.notClassified, c.published);
    addCounts(memberCounts, here);
    const sector = g?.sector ?? units.get(unitId)?.sector ?? null;
    const bySector = membersBySector.get(sector) ?? emptyCounts();
    addCounts(bySector, here);
    membersBySector.set(sector, bySector);
    // HD 21: the members' quota is counted within each grassroots organization (regulations §9b).
    const groupKey = g?.unitId ?? unitId;
    const q = memberQuota.get(groupKey) ?? { good: 0, excellent: 0, complete: g !== null && withinAny(g.path, scope) };
    q.good += here.good;
    q.excellent += here.excellent;
    memberQuota.set(groupKey, q);
  }

  // ── Progress and overdue (the cockpit's rules, domain/campaign-progress.ts) ──────────────────
  const groups = [...stageGroups.values()];
  const byStage = new Map<UnitStage, number>();
  const reachedCounts = { submitted: 0, needsAppraisal: 0, appraised: 0, conferenceHeld: 0, decided: 0, published: 0 };
  let grassroots = 0;
  for (const g of groups) {
    grassroots += g.n;
    byStage.set(g.stage, (byStage.get(g.stage) ?? 0) + g.n);
    if (reached(g.stage, 'submitted')) reachedCounts.submitted += g.n;
    if (g.needsAppraisal) reachedCounts.needsAppraisal += g.n;
    if (g.needsAppraisal && reached(g.stage, 'cleared')) reachedCounts.appraised += g.n;
    if (reached(g.stage, 'conference_held')) reachedCounts.conferenceHeld += g.n;
    if (reached(g.stage, 'decided')) reachedCounts.decided += g.n;
    if (reached(g.stage, 'published')) reachedCounts.published += g.n;
  }
  const done = reachedCounts.published;
  const milestones = milestonesOf(campaign);
  const late = overdueByMilestone(groups, milestones, bd);
  const milestoneRows = milestoneViews(milestones, bd).map((m) => ({
    kind: m.kind,
    label: m.label,
    dueDate: m.dueDate,
    daysLeft: m.daysLeft,
    passed: m.overdue,
    unitsLate: late.byMilestone.get(m.kind as MilestoneKind) ?? 0,
    // A milestone tracks a stage when it would yield a clause once past (the plan and the report do not).
    tracked: overdueClauses([{ kind: m.kind, dueDate: m.dueDate }], '9999-12-31').length > 0,
  }));

  // ── Year over year ───────────────────────────────────────────────────────────────────────────
  const levelNames = (subject: 'member' | 'unit'): LevelName[] =>
    (subject === 'member' ? ruleSet.memberLevels : ruleSet.unitLevels).map((l) => ({ level: l.level, label: l.label, short: l.short }));
  const yearOverYear: CampaignStatistics['yearOverYear'] = [
    ...history,
    {
      campaignId: campaign.id,
      reviewYear: campaign.review_year,
      title: campaign.title,
      ruleSetName: ruleSet.name,
      current: true,
      units: unitCounts,
      members: memberCounts,
    },
  ];

  // ── Remediation ──────────────────────────────────────────────────────────────────────────────
  const n = (v: number | string | null | undefined) => Number(v ?? 0);
  const plansTotal = n(plans.total);
  const remediation = {
    plans: { total: plansTotal, filed: n(plans.filed), draft: plansTotal - n(plans.filed), reported: n(plans.reported) },
    items: {
      total: n(items.total),
      done: n(items.done),
      inProgress: n(items.in_progress),
      planned: n(items.planned),
      overdue: n(items.overdue),
    },
  };

  const bySector = sectorRows(unitsBySector, membersBySector);
  const quota = { pct: quotaPct, members: quotaSummary(memberQuota.values(), quotaPct), units: quotaSummary(unitQuota.values(), quotaPct) };
  const headline =
    grassroots === 0
      ? 'Không có tổ chức cơ sở đảng nào trong phạm vi'
      : `${fmt(done)}/${fmt(grassroots)} tổ chức cơ sở đảng đã hoàn thành kiểm điểm, xếp loại và công bố kết quả`;

  const result: CampaignStatistics = {
    campaign: {
      id: campaign.id,
      title: campaign.title,
      reviewYear: campaign.review_year,
      ownerUnitId: campaign.owner_unit_id,
      ownerUnitName: ownerName,
      ruleSetId: ruleSet.id,
      ruleSetName: ruleSet.name,
      status: campaign.status === 'closed' ? 'closed' : 'open',
    },
    scope: { unitId: scopeUnit?.id ?? null, name: scopeName, kind: scopeUnit?.kind ?? null, wholeCampaign },
    abilities: clickThrough(cc, scope, scopeUnit),
    businessDate: bd,
    generatedAt: ctx.clock.now(),
    levelNames: { member: levelNames('member'), unit: levelNames('unit') },
    progress: {
      grassroots,
      done,
      headline,
      byStage: UNIT_STAGES.map((s) => ({ stage: s, label: UNIT_STAGE_LABELS[s], units: byStage.get(s) ?? 0 })),
      reached: reachedCounts,
      subUnits: {
        total: subUnitTotal,
        byStage: UNIT_STAGES.map((s) => ({ stage: s, label: UNIT_STAGE_LABELS[s], units: subStages.get(s) ?? 0 })),
      },
    },
    units: unitCounts,
    subUnits: subUnitCounts,
    members: {
      ...memberCounts,
      excluded,
      reasons: POPULATION_REASONS.filter((r) => reasons.has(r)).map((r) => ({
        reason: r,
        label: POPULATION_REASON_LABELS[r],
        members: reasons.get(r)!,
      })),
    },
    bySector,
    yearOverYear,
    quota,
    overdue: {
      milestones: milestoneRows,
      units: late.units,
      remediationItems: remediation.items.overdue,
      remediationPlans: n(items.plans_overdue),
    },
    remediation,
    headlines: [],
  };
  result.headlines = headlines(result);
  return result;
}

/** The unit a caller narrows to: the campaign's owner or one of its units (frozen path). */
async function findScopeUnit(
  db: Tx,
  campaign: CampaignRow,
  unitId: string,
): Promise<{ id: string; name: string; kind: string; path: string } | undefined> {
  if (unitId === campaign.owner_unit_id) {
    const owner = await db.selectFrom('org_units').select(['id', 'name', 'kind']).where('id', '=', unitId).executeTakeFirst();
    return owner && { id: owner.id, name: owner.name, kind: owner.kind, path: campaign.owner_path };
  }
  const row = await db
    .selectFrom('campaign_units as cu')
    .innerJoin('org_units as u', 'u.id', 'cu.unit_id')
    .select(['u.id', 'u.name', 'cu.unit_kind', 'cu.unit_path'])
    .where('cu.campaign_id', '=', campaign.id)
    .where('cu.unit_id', '=', unitId)
    .executeTakeFirst();
  return row && { id: row.id, name: row.name, kind: row.unit_kind, path: row.unit_path };
}

/**
 * Where the dashboards may send the caller: the calibration board of the scope's one unit where
 * the caller reads classifications before publication (design §2; classification-access.ts
 * boardScope takes the owner or a campaign unit), and the remediation list where they read plans.
 */
function clickThrough(
  cc: CampaignCaller,
  scope: readonly string[],
  unit: { id: string; path: string } | null,
): CampaignStatistics['abilities'] {
  const board = unit ?? (scope.length === 1 ? { id: pathIds(scope[0]).at(-1) ?? '', path: scope[0] } : null);
  const classificationCaller = { grants: cc.principal.grants, directorPaths: cc.directorPaths, memberId: cc.principal.memberId };
  const remediation = remediationScope(cc);
  return {
    boardUnitId: board && canReadUnpublished(classificationCaller, board.path) ? board.id : null,
    readRemediation: remediation.some((r) => scope.some((p) => isWithinPath(p, r) || isWithinPath(r, p))),
  };
}

function parentPathOf(path: string): string | null {
  const ids = pathIds(path);
  return ids.length <= 1 ? null : `/${ids.slice(0, -1).join('/')}/`;
}

/** Sectors in the order of the vocabulary, "not recorded" last; only those with any unit or member. */
function sectorRows(units: Map<string | null, Counts>, members: Map<string | null, Counts>): CampaignStatistics['bySector'] {
  const keys = new Set<string | null>([...units.keys(), ...members.keys()]);
  const order = (k: string | null) =>
    k === null ? SECTORS.length + 1 : SECTORS.indexOf(k as Sector) === -1 ? SECTORS.length : SECTORS.indexOf(k as Sector);
  return [...keys]
    .sort((a, b) => order(a) - order(b) || String(a).localeCompare(String(b)))
    .map((k) => ({
      sector: k,
      label: k === null ? 'Chưa phân loại' : (SECTOR_LABELS[k as Sector] ?? k),
      units: units.get(k) ?? emptyCounts(),
      members: members.get(k) ?? emptyCounts(),
    }))
    .filter((r) => r.units.total > 0 || r.members.total > 0);
}

/**
 * The same distributions for earlier campaigns of the owner, over the same subtrees: the units the
 * caller follows this year, whose earlier published results their reviews start from (design §1
 * step 3). Three grouped queries over all the earlier campaigns at once.
 */
async function earlierYears(
  db: Tx,
  earlier: readonly { id: string; review_year: number; title: string; rule_set_id: string; cutoff_date: string }[],
  scope: readonly string[],
): Promise<CampaignStatistics['yearOverYear']> {
  if (earlier.length === 0) return [];
  const ids = earlier.map((e) => e.id);
  // Newly formed against each campaign's own cut-off; in a derived table, so PostgreSQL groups by
  // the column rather than comparing two differently parameterized CASE expressions.
  const newly = sql<number>`case ${sql.join(
    earlier.map((e) => sql`when cu.campaign_id = ${e.id} and u.valid_from > ${monthsBefore(e.cutoff_date, NEWLY_FORMED_MONTHS)} then 1`),
    sql` `,
  )} else 0 end`;
  const unitLevels = db
    .selectFrom('campaign_units as cu')
    .innerJoin('org_units as u', 'u.id', 'cu.unit_id')
    .leftJoin('classifications as c', (j) => liveClassification('c', 'unit', 'cu')(j).on('c.status', '=', 'published'))
    .select(['cu.campaign_id', 'c.decided_level as level', newly.as('newly')])
    .where('cu.campaign_id', 'in', ids)
    .where('cu.is_grassroots', '=', 1)
    .where((eb) => withinPaths(eb, 'cu.unit_path', scope));
  const published = sql<string | null>`case when c.status = 'published' then c.decided_level end`;
  const [unitRows, populationRows, levelRows] = await Promise.all([
    db
      .selectFrom(unitLevels.as('t'))
      .select(['t.campaign_id', 't.level', 't.newly', (eb) => eb.fn.countAll<number | string>().as('n')])
      .groupBy(['t.campaign_id', 't.level', 't.newly'])
      .execute(),
    // Members in each review: from the scope index alone (campaign_id, unit_path, included), no row read.
    db
      .selectFrom('campaign_members as cm')
      .select(['cm.campaign_id', 'cm.included', (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('cm.campaign_id', 'in', ids)
      .where((eb) => withinPaths(eb, 'cm.unit_path', scope))
      .groupBy(['cm.campaign_id', 'cm.included'])
      .execute(),
    // Every live member classification: the published ones with their level, the others counted
    // without it. A reviewed member with no classification at all in an earlier year was not
    // classified (newly admitted): this spares reading 150,000 population rows a year.
    db
      .selectFrom('classifications as c')
      .select(['c.campaign_id', published.as('level'), (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('c.campaign_id', 'in', ids)
      .where('c.subject_kind', '=', 'member')
      .where('c.annulled_at', 'is', null)
      .where((eb) => withinPaths(eb, 'c.scope_path', scope))
      .groupBy(['c.campaign_id', published])
      .execute(),
  ]);
  return [...earlier]
    .sort((a, b) => a.review_year - b.review_year)
    .map((e) => {
      const unitsCounts = emptyCounts();
      for (const r of unitRows) if (r.campaign_id === e.id) addSubject(unitsCounts, asLevel(r.level), Number(r.newly) === 1, Number(r.n));
      let reviewed = 0;
      for (const r of populationRows) if (r.campaign_id === e.id && r.included === 1) reviewed += Number(r.n);
      let rows = 0;
      const levels: Partial<Record<Level, number>> = {};
      for (const r of levelRows) {
        if (r.campaign_id !== e.id) continue;
        rows += Number(r.n);
        const level = asLevel(r.level);
        if (level) levels[level] = (levels[level] ?? 0) + Number(r.n);
      }
      const membersCounts = emptyCounts();
      addMembers(membersCounts, rows, Math.max(0, reviewed - rows), levels);
      const rs: RuleSet | undefined = ruleSetById(e.rule_set_id);
      return {
        campaignId: e.id,
        reviewYear: e.review_year,
        title: e.title,
        ruleSetName: rs?.name ?? e.rule_set_id,
        current: false,
        units: unitsCounts,
        members: membersCounts,
      };
    });
}

/** The sentences of the report (regulations §3.1 bước 9: the committee reports the results upward). */
function headlines(s: CampaignStatistics): string[] {
  const out = [s.progress.headline];
  const published = (c: Counts) => LEVELS.reduce((sum, l) => sum + c[l], 0);
  if (published(s.units) > 0)
    out.push(`Tổ chức cơ sở đảng đã công bố kết quả: ${fmt(published(s.units))}; ${levelsSentence(s.units, s.levelNames.unit)}`);
  if (published(s.members) > 0)
    out.push(`Đảng viên đã công bố kết quả: ${fmt(published(s.members))}; ${levelsSentence(s.members, s.levelNames.member)}`);
  if (s.members.notClassified > 0) out.push(`${fmt(s.members.notClassified)} đảng viên được kiểm điểm nhưng không xếp loại`);
  if (s.members.unpublished > 0) out.push(`${fmt(s.members.unpublished)} đảng viên chưa có kết quả xếp loại được công bố`);
  const short = (l: Level) => s.levelNames.member.find((n) => n.level === l)?.short ?? l;
  if (s.quota.pct !== null && s.quota.members.groupsOver > 0)
    out.push(
      `${fmt(s.quota.members.groupsOver)} tổ chức cơ sở đảng có số đảng viên ${short('excellent')} vượt tỷ lệ ${s.quota.pct} % số ${short('good')}`,
    );
  if (s.overdue.units > 0) out.push(`${fmt(s.overdue.units)} tổ chức cơ sở đảng chậm so với mốc thời gian của kế hoạch`);
  if (s.overdue.remediationItems > 0) out.push(`${fmt(s.overdue.remediationItems)} biện pháp khắc phục đã quá hạn mà chưa hoàn thành`);
  return out;
}
