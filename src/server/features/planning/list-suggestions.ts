// Suggested points of a campaign the caller may see (issue 3 item 4), scoped in SQL by the target's
// unit path and, for a member, their own (suggestion-access.ts).
import type { z } from 'zod';
import type { listSuggestionsQuery, SuggestionView } from '../../../shared/contracts/planning.js';
import { loadCampaignAccess } from '../../adapters/db/campaigns.repository.js';
import { canManageCampaign } from '../../domain/campaign-policy.js';
import type { AppContext, Caller } from '../context.js';
import { presentSuggestions, suggestionVisible } from './suggestion-access.js';

export async function listSuggestions(
  ctx: AppContext,
  principal: Caller,
  campaignId: string,
  query: z.infer<typeof listSuggestionsQuery>,
): Promise<{ items: SuggestionView[]; canCreate: boolean }> {
  const { campaign, caller } = await loadCampaignAccess(ctx.db, campaignId, principal);
  let q = ctx.db
    .selectFrom('suggestions as s')
    .selectAll('s')
    .where('s.campaign_id', '=', campaign.id)
    .where((eb) => suggestionVisible(eb, caller));
  if (query.status) q = q.where('s.status', '=', query.status);
  if (query.targetKind) q = q.where('s.target_kind', '=', query.targetKind);
  if (query.unitId) q = q.where('s.unit_id', '=', query.unitId);
  if (query.memberId) q = q.where('s.member_id', '=', query.memberId);
  const rows = await q.orderBy('s.created_at').orderBy('s.id').execute();
  return {
    items: await presentSuggestions(ctx.db, campaign, caller, rows),
    canCreate: campaign.status === 'open' && canManageCampaign(caller, campaign.owner_path),
  };
}
