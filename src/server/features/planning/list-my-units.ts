// "A director sees their units first" (issue 3 item 3): the caller's own assigned units in the
// campaign, with their duties and stage; an empty list for someone not assigned.
import type { AssignedUnitView } from '../../../shared/contracts/planning.js';
import { loadCampaignAccess } from '../../adapters/db/campaigns.repository.js';
import type { AppContext, Caller } from '../context.js';
import { unitsOf } from './get-workload.js';
import { visibleAssignments } from './list-assignments.js';

export async function listMyUnits(ctx: AppContext, principal: Caller, campaignId: string): Promise<{ items: AssignedUnitView[] }> {
  const { campaign, caller } = await loadCampaignAccess(ctx.db, campaignId, principal);
  const rows = await visibleAssignments(ctx.db, campaign.id, caller, { accountId: principal.accountId });
  return { items: unitsOf(rows) };
}
