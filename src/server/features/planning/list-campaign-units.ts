// The campaign's units (its frozen population) the caller may see, with their stage: what the
// assignment form picks from and the workload shows (issue 3 item 3).
import type { CampaignUnitView } from '../../../shared/contracts/planning.js';
import type { UnitStage } from '../../../shared/campaign-vocabulary.js';
import { loadCampaignAccess, withinPaths } from '../../adapters/db/campaigns.repository.js';
import { campaignUnitScope } from '../../domain/campaign-policy.js';
import { depthOf } from '../../domain/org-tree.js';
import type { AppContext, Caller } from '../context.js';

export async function listCampaignUnits(ctx: AppContext, principal: Caller, campaignId: string): Promise<{ items: CampaignUnitView[] }> {
  const { campaign, caller } = await loadCampaignAccess(ctx.db, campaignId, principal);
  const scope = campaignUnitScope(caller);
  const rows = await ctx.db
    .selectFrom('campaign_units as cu')
    .innerJoin('org_units as u', 'u.id', 'cu.unit_id')
    .select(['cu.unit_id', 'cu.unit_path', 'cu.unit_kind', 'cu.is_grassroots', 'cu.stage', 'cu.needs_appraisal', 'u.name', 'u.code'])
    .where('cu.campaign_id', '=', campaign.id)
    .where((eb) => withinPaths(eb, 'cu.unit_path', scope))
    .orderBy('u.code')
    .execute();
  const ownerDepth = depthOf(campaign.owner_path);
  return {
    items: rows.map((r) => ({
      unitId: r.unit_id,
      name: r.name,
      code: r.code,
      kind: r.unit_kind,
      isGrassroots: r.is_grassroots === 1,
      stage: r.stage as UnitStage,
      needsAppraisal: r.needs_appraisal === 1,
      depth: depthOf(r.unit_path) - ownerDepth,
    })),
  };
}
