// Edits the plan's text while it is a draft (issue 3 item 3), under the campaign's version: two
// people editing the plan, or the plan and the campaign, at once — the second gets a conflict.
import { sql } from 'kysely';
import type { z } from 'zod';
import { AppError } from '../../../shared/errors.js';
import type { PlanView, updatePlanBody } from '../../../shared/contracts/planning.js';
import { recordAudit } from '../../adapters/db/audit.repository.js';
import { assertCampaignOpen, findCampaign, loadCampaignAccess } from '../../adapters/db/campaigns.repository.js';
import { canManageCampaign } from '../../domain/campaign-policy.js';
import type { AppContext, Caller } from '../context.js';
import { assertPlanDraft, presentPlan } from './plan-access.js';

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
  const updated = await ctx.db.transaction().execute(async (tx) => {
    const before = await findCampaign(tx, campaignId);
    if (!before) throw new AppError('campaign.not_found');
    assertCampaignOpen(before);
    assertPlanDraft(before);
    if (before.version !== input.version) throw new AppError('conflict.version');
    const r = await tx
      .updateTable('campaigns')
      .set({ plan_text: text, version: sql`version + 1`, updated_at: now })
      .where('id', '=', campaignId)
      .where('version', '=', input.version)
      .where('plan_status', '=', 'draft')
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new AppError('conflict.version');
    await recordAudit(tx, {
      entityType: 'campaign',
      entityId: campaignId,
      action: 'plan.update',
      actorId: principal.accountId,
      scopePath: before.owner_path,
      at: now,
      before: { planText: before.plan_text },
      after: { planText: text },
    });
    return (await findCampaign(tx, campaignId))!;
  });
  return presentPlan(ctx.db, updated, caller);
}
