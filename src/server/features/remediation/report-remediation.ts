// The unit reports its remediation to the competent level (remediation.report; regulations §3.1
// bước 9; §8 Hà Tĩnh 2017: "results and the remediation plan reported upward"). Made on the unit's
// own (collective) plan once it is filed, as often as the unit reports during the year: each report
// sets reported_at, is audited with the figures it reported, and notifies the Organization Board of
// the committee that runs the campaign, in the same transaction.
import { sql } from 'kysely';
import type { RemediationPlanView } from '../../../shared/contracts/remediation.js';
import { AppError } from '../../../shared/errors.js';
import { recordAudit } from '../../adapters/db/audit.repository.js';
import { withinPaths } from '../../adapters/db/campaigns.repository.js';
import { accountsWithRoles, notify } from '../../adapters/db/notifications.repository.js';
import { businessDate } from '../../adapters/db/settings.repository.js';
import type { Principal } from '../../domain/policy.js';
import type { AppContext } from '../context.js';
import { presentPlan } from './get-remediation.js';
import { businessStamp, canFollowPlan, findPlanRow, openPlan } from './remediation-access.js';
import { bumpPlan } from './save-remediation.js';

/** The tracking list of the campaign in the browser, on one unit (web PATHS.remediationCampaign). */
export function trackingLink(campaignId: string, unitId: string): string {
  return `/khac-phuc/${campaignId}?unitId=${unitId}`;
}

export async function reportRemediation(
  ctx: AppContext,
  principal: Principal,
  params: { campaignId: string; unitId: string },
  body: { version: number; note: string },
): Promise<RemediationPlanView> {
  const now = ctx.clock.now();
  const opened = await ctx.db.transaction().execute(async (tx) => {
    const p = await openPlan(tx, principal, { campaignId: params.campaignId, subjectKind: 'unit', subjectKey: params.unitId });
    if (p.writer !== 'committee') throw new AppError('auth.forbidden');
    if (!p.row || !canFollowPlan(p)) {
      throw new AppError('remediation.not_filed', 'Kế hoạch khắc phục của tập thể chưa được ban hành: chưa thể báo cáo cấp trên.');
    }
    if (body.version !== p.row.version) throw new AppError('conflict.version');
    const { date: today } = await businessDate(tx, now);
    // The figures of the report: every plan of the unit's subtree in this campaign.
    const figures = await tx
      .selectFrom('remediation_plans as pl')
      .leftJoin('remediation_items as i', 'i.plan_id', 'pl.id')
      .select((eb) => [
        eb.fn.count<string | number>('pl.id').distinct().as('plans'),
        eb.fn.count<string | number>(sql`distinct case when pl.status = 'filed' then pl.id end`).as('filed'),
        eb.fn.count<string | number>('i.id').as('items'),
        eb.fn.sum<string | number | null>(sql`case when i.status = 'done' then 1 else 0 end`).as('done'),
        eb.fn
          .sum<string | number | null>(sql`case when i.id is not null and i.status <> 'done' and i.deadline < ${today} then 1 else 0 end`)
          .as('overdue'),
      ])
      .where('pl.campaign_id', '=', p.campaign.id)
      .where((eb) => withinPaths(eb, 'pl.scope_path', [p.subject.unitPath]))
      .executeTakeFirstOrThrow();
    const n = (v: string | number | null | undefined) => Number(v ?? 0);
    const report = {
      plans: n(figures.plans),
      filed: n(figures.filed),
      items: n(figures.items),
      done: n(figures.done),
      overdue: n(figures.overdue),
    };
    const reportedAt = await businessStamp(tx, now);
    const version = await bumpPlan(tx, p.row, { reported_at: reportedAt }, principal.accountId, now);
    await recordAudit(tx, {
      entityType: 'remediation_plan',
      entityId: p.row.id,
      action: 'remediation.report',
      actorId: principal.accountId,
      scopePath: p.subject.unitPath,
      at: now,
      before: { reportedAt: p.row.reported_at, version: p.row.version },
      after: { reportedAt, version, note: body.note || null, ...report },
    });
    // The competent level's staff: the Organization Board over the committee that runs the campaign.
    const organizers = await accountsWithRoles(tx, p.campaign.owner_path, ['organizer']);
    const lines = [
      `${report.filed}/${report.plans} kế hoạch đã ban hành; ${report.done}/${report.items} biện pháp đã hoàn thành` +
        (report.overdue > 0 ? `; ${report.overdue} biện pháp quá hạn.` : '.'),
    ];
    if (body.note) lines.push(body.note);
    await notify(tx, {
      accountIds: organizers.filter((id) => id !== principal.accountId),
      kind: 'submitted',
      title: `${p.subject.unitName} báo cáo kết quả khắc phục hạn chế, khuyết điểm năm ${p.campaign.review_year}`,
      body: lines.join('\n'),
      link: trackingLink(p.campaign.id, p.subject.unitId),
      campaignId: p.campaign.id,
      at: now,
    });
    return { ...p, row: await findPlanRow(tx, p.campaign.id, p.subject.kind, p.subject.key) };
  });
  return presentPlan(ctx.db, opened, now);
}
