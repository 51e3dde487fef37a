// The people who may be assigned in a campaign (regulations §3.1 bước 1: BTV members and heads of
// party boards), for the assignment form: accounts holding standing or organizer over the owner.
import { AppError } from '../../../shared/errors.js';
import type { AssigneeView } from '../../../shared/contracts/planning.js';
import { loadCampaignAccess } from '../../adapters/db/campaigns.repository.js';
import { canManageCampaign } from '../../domain/campaign-policy.js';
import type { AppContext, Caller } from '../context.js';
import { eligibleAssignees } from './assignment-rules.js';

export async function listAssignees(ctx: AppContext, principal: Caller, campaignId: string): Promise<{ items: AssigneeView[] }> {
  const { campaign, caller } = await loadCampaignAccess(ctx.db, campaignId, principal);
  if (!canManageCampaign(caller, campaign.owner_path)) throw new AppError('auth.forbidden');
  return { items: await eligibleAssignees(ctx.db, campaign.owner_path) };
}
