// The units of the population in the caller's scope, for pickers (assignments, suggestions).
import type { z } from 'zod';
import type { campaignUnitsResponse } from '../../../shared/contracts/campaigns.js';
import type { UnitStage } from '../../../shared/campaign-vocabulary.js';
import { loadCampaignAccess, withinPaths } from '../../adapters/db/campaigns.repository.js';
import { campaignUnitScope } from '../../domain/campaign-policy.js';
import type { AppContext, Caller } from '../context.js';

export async function listCampaignUnits(
  ctx: AppContext,
  caller: Caller,
  campaignId: string,
): Promise<z.infer<typeof campaignUnitsResponse>> {
  const { campaign, caller: cc } = await loadCampaignAccess(ctx.db, campaignId, caller);
  const rows = await ctx.db
    .selectFrom('campaign_units as cu')
    .innerJoin('org_units as u', 'u.id', 'cu.unit_id')
    .select(['cu.unit_id', 'u.name', 'u.code', 'cu.unit_kind', 'cu.is_grassroots', 'cu.stage'])
    .where('cu.campaign_id', '=', campaign.id)
    .where((eb) => withinPaths(eb, 'cu.unit_path', campaignUnitScope(cc)))
    .orderBy('u.path')
    .execute();
  return {
    items: rows.map((r) => ({
      unitId: r.unit_id,
      name: r.name,
      code: r.code,
      kind: r.unit_kind,
      isGrassroots: r.is_grassroots === 1,
      stage: r.stage as UnitStage,
    })),
  };
}
