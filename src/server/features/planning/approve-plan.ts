// The standing role approves the plan (design §2: "RW (approve plan)"; regulations §3.1 bước 1:
// the upper BTV issues the plan). Once approved the plan is read-only.
import { sql } from 'kysely';
import type { z } from 'zod';
import { AppError } from '../../../shared/errors.js';
import type { approvePlanBody, PlanView } from '../../../shared/contracts/planning.js';
import { listAttachments } from '../../adapters/db/attachments.repository.js';
import { recordAudit } from '../../adapters/db/audit.repository.js';
import { assertCampaignOpen, findCampaign, loadCampaignAccess } from '../../adapters/db/campaigns.repository.js';
import { canApprovePlan } from '../../domain/campaign-policy.js';
import type { AppContext, Caller } from '../context.js';
import { assertPlanDraft, presentPlan } from './plan-access.js';

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
  const approved = await ctx.db.transaction().execute(async (tx) => {
    const before = await findCampaign(tx, campaignId);
    if (!before) throw new AppError('campaign.not_found');
    assertCampaignOpen(before);
    assertPlanDraft(before);
    if (input.version !== undefined && before.version !== input.version) throw new AppError('conflict.version');
    const files = await listAttachments(tx, 'campaign_plan', [campaignId]);
    if (!before.plan_text?.trim() && files.length === 0) {
      throw new AppError('plan.invalid_transition', 'Kế hoạch chưa có nội dung hoặc tệp đính kèm; chưa thể phê duyệt.');
    }
    const r = await tx
      .updateTable('campaigns')
      .set({
        plan_status: 'approved',
        plan_approved_by: principal.accountId,
        plan_approved_at: now,
        version: sql`version + 1`,
        updated_at: now,
      })
      .where('id', '=', campaignId)
      .where('version', '=', before.version)
      .where('plan_status', '=', 'draft')
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new AppError('conflict.version');
    await recordAudit(tx, {
      entityType: 'campaign',
      entityId: campaignId,
      action: 'plan.approve',
      actorId: principal.accountId,
      scopePath: before.owner_path,
      at: now,
      before: { planStatus: 'draft' },
      after: { planStatus: 'approved', planApprovedAt: now, attachments: files.map((f) => f.name) },
    });
    return (await findCampaign(tx, campaignId))!;
  });
  return presentPlan(ctx.db, approved, caller);
}
