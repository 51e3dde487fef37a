// The campaign's plan: its text, status, approval and files (issue 3 item 3; regulations §3.1 bước 1).
import { AppError } from '../../../shared/errors.js';
import type { PlanView } from '../../../shared/contracts/planning.js';
import { loadCampaignAccess } from '../../adapters/db/campaigns.repository.js';
import type { AppContext, Caller } from '../context.js';
import { canReadPlan, presentPlan } from './plan-access.js';

export async function getPlan(ctx: AppContext, principal: Caller, campaignId: string): Promise<PlanView> {
  const { campaign, caller } = await loadCampaignAccess(ctx.db, campaignId, principal);
  if (!canReadPlan(caller, campaign))
    throw new AppError('auth.forbidden', 'Kế hoạch của đợt kiểm điểm chưa được ban hành tới đơn vị của đồng chí.');
  return presentPlan(ctx.db, campaign, caller);
}
