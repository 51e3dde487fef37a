// Edits the plan's text while it is a draft (issue 3 item 3), under the campaign's version: two
// people editing the plan, or the plan and the campaign, at once — the second gets a conflict.
import type { z } from 'zod';
import { AppError } from '../../../shared/errors.js';
import type { PlanView, updatePlanBody } from '../../../shared/contracts/planning.js';
import { assertCampaignOpen, loadCampaignAccess } from '../../adapters/db/campaigns.repository.js';
import { canManageCampaign } from '../../domain/campaign-policy.js';
import type { AppContext, Caller } from '../context.js';
import { assertPlanDraft, changeDraftPlan, presentPlan } from './plan-access.js';

export async function updatePlan(
  ctx: AppContext,
  principal: Caller,
  campaignId: string,
  input: z.infer<typeof updatePlanBody>,
): Promise<PlanView> {
  const { campaign, caller } = await loadCampaignAccess(ctx.db, campaignId, principal);
  if (!canManageCampaign(caller, campaign.owner_path)) throw new AppError('auth.forbidden');
  assertCampaignOpen(campaign);
  assertPlanDraft(campaign);
  const now = ctx.clock.now();
  const text = input.text === '' ? null : input.text;
  const updated = await changeDraftPlan(ctx, principal, campaignId, { version: input.version, now }, async (_tx, before) => ({
    set: { plan_text: text },
    action: 'plan.update',
    before: { planText: before.plan_text },
    after: { planText: text },
  }));
  return presentPlan(ctx.db, updated, caller);
}
