// The tracking view of a campaign's remediation (remediation.list): plans and their items in the
// caller's scope, for the unit following its members and for the upper level following its units,
// with overdue marks against the committee's business date. Scoped in SQL (design §4) to the
// subtrees where the caller reads remediation (design §2 row "Remediation"), plus a member's own.
import { sql } from 'kysely';
import type { RemediationItemStatus } from '../../../shared/campaign-vocabulary.js';
import type {
  ListRemediationResponse,
  RemediationListRow,
  RemediationSubject,
  listRemediationQuery,
} from '../../../shared/contracts/remediation.js';
import { loadCampaignAccess, withinPaths } from '../../adapters/db/campaigns.repository.js';
import { businessDate } from '../../adapters/db/settings.repository.js';
import { minimalPaths, type Principal } from '../../domain/policy.js';
import { isOverdue, REMEDIATION_READERS } from '../../domain/remediation-policy.js';
import type { CampaignCaller } from '../../domain/campaign-policy.js';
import type { AppContext } from '../context.js';
import type { z } from 'zod';

/** Subtrees where the caller reads every plan: the reading roles' grants and the assigned directors' units. */
export function remediationScope(caller: CampaignCaller): string[] {
  const paths = caller.principal.grants.filter((g) => REMEDIATION_READERS.includes(g.role)).map((g) => g.unitPath);
  return minimalPaths([...paths, ...caller.directorPaths]);
}

export async function listRemediation(
  ctx: AppContext,
  principal: Principal,
  campaignId: string,
  query: z.output<typeof listRemediationQuery>,
): Promise<ListRemediationResponse> {
  const { campaign, caller } = await loadCampaignAccess(ctx.db, campaignId, principal);
  const { date: today } = await businessDate(ctx.db, ctx.clock.now());
  const scope = remediationScope(caller);
  const ownMember = principal.memberId;
  let unitPath: string | null = null;
  if (query.unitId) {
    const u = await ctx.db.selectFrom('org_units').select('path').where('id', '=', query.unitId).executeTakeFirst();
    unitPath = u?.path ?? '';
  }

  let base = ctx.db
    .selectFrom('remediation_plans as p')
    .where('p.campaign_id', '=', campaign.id)
    .where((eb) => {
      const parts = [withinPaths(eb, 'p.scope_path', scope)];
      if (ownMember) parts.push(eb.and([eb('p.subject_kind', '=', 'member'), eb('p.member_id', '=', ownMember)]));
      return eb.or(parts);
    });
  if (unitPath !== null) base = base.where((eb) => (unitPath ? withinPaths(eb, 'p.scope_path', [unitPath]) : eb.lit(false)));
  if (query.subjectKind) base = base.where('p.subject_kind', '=', query.subjectKind);
  if (query.status === 'reported') base = base.where('p.reported_at', 'is not', null);
  else if (query.status) base = base.where('p.status', '=', query.status);
  if (query.overdue !== undefined) {
    base = base.where(({ exists, not, selectFrom }) => {
      const overdueItem = exists(
        selectFrom('remediation_items as oi')
          .select('oi.id')
          .whereRef('oi.plan_id', '=', 'p.id')
          .where('oi.status', '<>', 'done')
          .where('oi.deadline', '<', today),
      );
      return query.overdue ? overdueItem : not(overdueItem);
    });
  }

  const [rows, planCounts, itemCounts] = await Promise.all([
    base
      .innerJoin('org_units as u', 'u.id', 'p.unit_id')
      .leftJoin('members as m', 'm.id', 'p.member_id')
      .select([
        'p.id',
        'p.subject_kind',
        'p.subject_key',
        'p.unit_id',
        'p.status',
        'p.filed_at',
        'p.reported_at',
        'u.name as unit_name',
        'm.full_name',
      ])
      .orderBy('p.scope_path')
      .orderBy(sql`case p.subject_kind when 'unit' then 0 when 'leadership' then 1 else 2 end`)
      .orderBy('m.sort_key')
      .orderBy('p.id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    base
      .select((eb) => [
        eb.fn.countAll<string | number>().as('plans'),
        eb.fn.sum<string | number | null>(sql`case when p.status = 'filed' then 1 else 0 end`).as('filed'),
        eb.fn.sum<string | number | null>(sql`case when p.reported_at is not null then 1 else 0 end`).as('reported'),
      ])
      .executeTakeFirstOrThrow(),
    base
      .innerJoin('remediation_items as i', 'i.plan_id', 'p.id')
      .select((eb) => [
        eb.fn.countAll<string | number>().as('items'),
        eb.fn.sum<string | number | null>(sql`case when i.status = 'done' then 1 else 0 end`).as('done'),
        eb.fn.sum<string | number | null>(sql`case when i.status <> 'done' and i.deadline < ${today} then 1 else 0 end`).as('overdue'),
      ])
      .executeTakeFirstOrThrow(),
  ]);

  const items = rows.length
    ? await ctx.db
        .selectFrom('remediation_items as i')
        .leftJoin('shortcomings as s', 's.id', 'i.shortcoming_id')
        .select(['i.id', 'i.plan_id', 'i.action', 'i.owner', 'i.deadline', 'i.status', 'i.progress_pct', 's.text as shortcoming_text'])
        .where(
          'i.plan_id',
          'in',
          rows.map((r) => r.id),
        )
        .orderBy('i.plan_id')
        .orderBy('i.position')
        .execute()
    : [];
  const byPlan = new Map<string, RemediationListRow['items']>();
  for (const i of items) {
    const list = byPlan.get(i.plan_id) ?? [];
    list.push({
      id: i.id,
      shortcomingText: i.shortcoming_text ?? null,
      action: i.action,
      owner: i.owner,
      deadline: i.deadline,
      status: i.status as RemediationItemStatus,
      progressPct: i.progress_pct,
      overdue: isOverdue(i, today),
    });
    byPlan.set(i.plan_id, list);
  }
  const n = (v: string | number | null | undefined) => Number(v ?? 0);
  return {
    campaign: { id: campaign.id, title: campaign.title, reviewYear: campaign.review_year, status: campaign.status },
    businessDate: today,
    summary: {
      plans: n(planCounts.plans),
      filed: n(planCounts.filed),
      reported: n(planCounts.reported),
      items: n(itemCounts.items),
      done: n(itemCounts.done),
      overdue: n(itemCounts.overdue),
    },
    items: rows.map((r) => {
      const list = byPlan.get(r.id) ?? [];
      const kind = r.subject_kind as RemediationSubject;
      return {
        planId: r.id,
        subjectKind: kind,
        subjectKey: r.subject_key,
        subjectName:
          kind === 'member' ? (r.full_name ?? '') : kind === 'leadership' ? `Tập thể lãnh đạo, quản lý – ${r.unit_name}` : r.unit_name,
        unitId: r.unit_id,
        unitName: r.unit_name,
        status: r.status === 'filed' ? 'filed' : 'draft',
        filedAt: r.filed_at,
        reportedAt: r.reported_at,
        itemCount: list.length,
        doneCount: list.filter((i) => i.status === 'done').length,
        overdueCount: list.filter((i) => i.overdue).length,
        items: list,
      };
    }),
    total: n(planCounts.plans),
  };
}
