// Who is assigned to which unit with which duty (issue 3 item 3), scoped in SQL (assignment-scope.ts).
import type { z } from 'zod';
import type { AssignmentDuty } from '../../../shared/campaign-vocabulary.js';
import type { AssignmentView, listAssignmentsQuery } from '../../../shared/contracts/planning.js';
import { loadCampaignAccess } from '../../adapters/db/campaigns.repository.js';
import { canManageCampaign, type CampaignCaller } from '../../domain/campaign-policy.js';
import type { AppContext, Caller, Tx } from '../context.js';
import { assignmentVisible } from './assignment-scope.js';

const DUTY_ORDER: Record<string, number> = { direct: 0, appraise: 1, attend: 2 };

export interface VisibleAssignment extends AssignmentView {
  stage: string;
  needsAppraisal: boolean;
}

/** The assignments of a campaign the caller may see, with their unit's stage. */
export async function visibleAssignments(
  db: Tx,
  campaignId: string,
  caller: CampaignCaller,
  filter: { unitId?: string; accountId?: string } = {},
): Promise<VisibleAssignment[]> {
  let q = db
    .selectFrom('assignments as a')
    .innerJoin('org_units as u', 'u.id', 'a.unit_id')
    .innerJoin('accounts as acc', 'acc.id', 'a.account_id')
    .leftJoin('campaign_units as cu', (j) => j.onRef('cu.campaign_id', '=', 'a.campaign_id').onRef('cu.unit_id', '=', 'a.unit_id'))
    .select([
      'a.id',
      'a.unit_id',
      'a.account_id',
      'a.duty',
      'a.created_at',
      'u.name as unit_name',
      'u.code as unit_code',
      'acc.display_name',
      'acc.username',
      'cu.stage',
      'cu.needs_appraisal',
    ])
    .where('a.campaign_id', '=', campaignId)
    .where((eb) => assignmentVisible(eb, caller));
  if (filter.unitId) q = q.where('a.unit_id', '=', filter.unitId);
  if (filter.accountId) q = q.where('a.account_id', '=', filter.accountId);
  const rows = await q.execute();
  const out = rows.map((r) => ({
    id: r.id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    unitCode: r.unit_code,
    accountId: r.account_id,
    accountName: r.display_name,
    username: r.username,
    duty: r.duty as AssignmentDuty,
    createdAt: r.created_at,
    stage: r.stage ?? 'planned',
    needsAppraisal: r.needs_appraisal === 1,
  }));
  // By unit code, then person (Vietnamese order), then duty in its usual order (direct, appraise, attend).
  const collator = new Intl.Collator('vi');
  return out.sort(
    (x, y) =>
      (x.unitCode < y.unitCode ? -1 : x.unitCode > y.unitCode ? 1 : 0) ||
      collator.compare(x.accountName, y.accountName) ||
      (x.accountId < y.accountId ? -1 : x.accountId > y.accountId ? 1 : 0) ||
      DUTY_ORDER[x.duty] - DUTY_ORDER[y.duty],
  );
}

export async function listAssignments(
  ctx: AppContext,
  principal: Caller,
  campaignId: string,
  query: z.infer<typeof listAssignmentsQuery>,
): Promise<{ items: AssignmentView[]; canManage: boolean }> {
  const { campaign, caller } = await loadCampaignAccess(ctx.db, campaignId, principal);
  const rows = await visibleAssignments(ctx.db, campaign.id, caller, query);
  return {
    items: rows.map(({ stage: _s, needsAppraisal: _n, ...a }) => a),
    canManage: campaign.status === 'open' && canManageCampaign(caller, campaign.owner_path),
  };
}
