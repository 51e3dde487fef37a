// The standing role approves the plan (design §2: "RW (approve plan)"; regulations §3.1 bước 1:
// the upper BTV issues the plan). Once approved the plan is read-only.
import type { z } from 'zod';
import { AppError } from '../../../shared/errors.js';
import type { approvePlanBody, PlanView } from '../../../shared/contracts/planning.js';
import { listAttachments } from '../../adapters/db/attachments.repository.js';
import { assertCampaignOpen, loadCampaignAccess } from '../../adapters/db/campaigns.repository.js';
import { canApprovePlan } from '../../domain/campaign-policy.js';
import type { AppContext, Caller } from '../context.js';
import { assertPlanDraft, changeDraftPlan, presentPlan } from './plan-access.js';

export async function approvePlan(
  ctx: AppContext,
  principal: Caller,
  campaignId: string,
  input: z.infer<typeof approvePlanBody>,
): Promise<PlanView> {
  const { campaign, caller } = await loadCampaignAccess(ctx.db, campaignId, principal);
  if (!canApprovePlan(caller, campaign.owner_path)) {
    throw new AppError('auth.forbidden', 'Chỉ Thường trực, Ban Thường vụ cấp ủy được phê duyệt kế hoạch kiểm điểm.');
  }
  assertCampaignOpen(campaign);
  assertPlanDraft(campaign);
  const now = ctx.clock.now();
  const approved = await changeDraftPlan(ctx, principal, campaignId, { version: input.version, now }, async (tx, before) => {
    const files = await listAttachments(tx, 'campaign_plan', [campaignId]);
    if (!before.plan_text?.trim() && files.length === 0) {
      throw new AppError('plan.invalid_transition', 'Kế hoạch chưa có nội dung hoặc tệp đính kèm; chưa thể phê duyệt.');
    }
    return {
      set: { plan_status: 'approved', plan_approved_by: principal.accountId, plan_approved_at: now },
      action: 'plan.approve',
      before: { planStatus: 'draft' },
      after: { planStatus: 'approved', planApprovedAt: now, attachments: files.map((f) => f.name) },
    };
  });
  return presentPlan(ctx.db, approved, caller);
}
