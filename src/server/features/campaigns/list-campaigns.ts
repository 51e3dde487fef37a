// The campaigns the caller takes part in, newest year first. Scoped in SQL (design §4): campaigns
// owned at or above one of the caller's units (their part of a committee's review), owned inside a
// subtree the caller holds a committee-wide grant over, or where the caller is assigned as director.
import { ancestorPaths } from '../../domain/org-tree.js';
import { CAMPAIGN_WIDE } from '../../domain/campaign-policy.js';
import { withinPaths } from '../../adapters/db/campaigns.repository.js';
import type { CampaignSummary } from '../../../shared/contracts/campaigns.js';
import type { AppContext, Caller } from '../context.js';
import { presentCampaignSummary } from './present-campaign.js';

export async function listCampaigns(ctx: AppContext, caller: Caller): Promise<{ items: CampaignSummary[] }> {
  const ownPaths = caller.grants.map((g) => g.unitPath);
  if (caller.memberUnitPath) ownPaths.push(caller.memberUnitPath);
  const above = [...new Set(ownPaths.flatMap(ancestorPaths))];
  const wide = caller.grants.filter((g) => CAMPAIGN_WIDE.includes(g.role)).map((g) => g.unitPath);
  const rows = await ctx.db
    .selectFrom('campaigns as c')
    .innerJoin('org_units as u', 'u.id', 'c.owner_unit_id')
    .selectAll('c')
    .select('u.name as owner_name')
    .where((eb) =>
      eb.or([
        above.length ? eb('c.owner_path', 'in', above) : eb.lit(false),
        withinPaths(eb, 'c.owner_path', wide),
        eb('c.id', 'in', eb.selectFrom('assignments').select('campaign_id').where('account_id', '=', caller.accountId)),
      ]),
    )
    .orderBy('c.review_year', 'desc')
    .orderBy('u.path')
    .execute();
  return { items: rows.map((r) => presentCampaignSummary(r, r.owner_name)) };
}
