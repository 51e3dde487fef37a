// The frozen population, with who is left out or not classified and why (issue 3 item 2),
// scoped in SQL to the caller's units and paged in roster order.
import type { z } from 'zod';
import type { listPopulationQuery, populationMemberView } from '../../../shared/contracts/campaigns.js';
import type { PopulationReason } from '../../../shared/campaign-vocabulary.js';
import { loadCampaignAccess, withinPaths } from '../../adapters/db/campaigns.repository.js';
import { requireUnit } from '../../adapters/db/org-units.repository.js';
import { campaignUnitScope } from '../../domain/campaign-policy.js';
import { AppError } from '../../../shared/errors.js';
import { isWithinPath } from '../../domain/org-tree.js';
import type { AppContext, Caller } from '../context.js';

type View = z.infer<typeof populationMemberView>;

export async function listPopulation(
  ctx: AppContext,
  caller: Caller,
  campaignId: string,
  q: z.infer<typeof listPopulationQuery>,
): Promise<{ items: View[]; total: number }> {
  const { campaign, caller: cc } = await loadCampaignAccess(ctx.db, campaignId, caller);
  let paths = campaignUnitScope(cc);
  if (q.unitId) {
    const unit = await requireUnit(ctx.db, q.unitId);
    if (!paths.some((p) => isWithinPath(unit.path, p))) throw new AppError('org_unit.not_found');
    paths = [unit.path];
  }
  const base = ctx.db
    .selectFrom('campaign_members as cm')
    .innerJoin('members as m', 'm.id', 'cm.member_id')
    .innerJoin('org_units as u', 'u.id', 'cm.unit_id')
    .leftJoin('org_units as f', 'f.id', 'cm.former_unit_id')
    .where('cm.campaign_id', '=', campaign.id)
    .where((eb) => withinPaths(eb, 'cm.unit_path', paths))
    .$if(q.filter === 'excluded', (qb) => qb.where('cm.included', '=', 0))
    .$if(q.filter === 'not_classified', (qb) => qb.where('cm.included', '=', 1).where('cm.classified', '=', 0))
    .$if(q.filter === 'manual', (qb) => qb.where('cm.source', '=', 'manual'));
  const [{ total }, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    base
      .select([
        'cm.member_id',
        'm.full_name',
        'cm.unit_id',
        'u.name as unit_name',
        'cm.included',
        'cm.classified',
        'cm.reason',
        'cm.note',
        'f.name as former_unit_name',
        'cm.source',
      ])
      .orderBy('m.sort_key')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
  ]);
  return {
    total: Number(total),
    items: rows.map((r) => ({
      memberId: r.member_id,
      fullName: r.full_name,
      unitId: r.unit_id,
      unitName: r.unit_name,
      included: r.included === 1,
      classified: r.classified === 1,
      reason: r.reason as PopulationReason | null,
      note: r.note,
      formerUnitName: r.former_unit_name,
      source: r.source as 'snapshot' | 'manual',
    })),
  };
}
