// Who reads and edits a campaign's plan (design §2, row "Campaign, plan, assignments, suggestions":
// standing and organizer RW, only standing approves; office, admin, directors R; the unit
// committees and chi bộ secretaries read the plan once it is approved and issued to them).
// The plan's files are attachments of owner kind 'campaign_plan', registered here.
import { sql, type Updateable } from 'kysely';
import { AppError } from '../../../shared/errors.js';
import type { PlanView } from '../../../shared/contracts/planning.js';
import { listAttachments, registerAttachmentOwner } from '../../adapters/db/attachments.repository.js';
import { recordAudit } from '../../adapters/db/audit.repository.js';
import { assertCampaignOpen, findCampaign, loadCampaignAccess } from '../../adapters/db/campaigns.repository.js';
import type { CampaignRow, CampaignTable } from '../../adapters/db/schema.js';
import { canApprovePlan, canManageCampaign, seesWholeCampaign, type CampaignCaller } from '../../domain/campaign-policy.js';
import { isWithinPath } from '../../domain/org-tree.js';
import type { AppContext, Caller, Tx } from '../context.js';

export function canReadPlan(caller: CampaignCaller, campaign: Pick<CampaignRow, 'owner_path' | 'plan_status'>): boolean {
  if (seesWholeCampaign(caller, campaign.owner_path) || caller.directorPaths.length > 0) return true;
  // A draft plan is the committee's work in progress; once approved it is issued downwards
  // (regulations §3.1 bước 1: "upper BTV issues a plan").
  if (campaign.plan_status !== 'approved') return false;
  return caller.principal.grants.some((g) => g.role !== 'member' && isWithinPath(g.unitPath, campaign.owner_path));
}

/** Organizer and standing edit the plan while it is a draft of an open campaign. */
export function canEditPlan(caller: CampaignCaller, campaign: Pick<CampaignRow, 'owner_path' | 'plan_status' | 'status'>): boolean {
  return campaign.status === 'open' && campaign.plan_status === 'draft' && canManageCampaign(caller, campaign.owner_path);
}

/** "RW (approve plan)": the standing role only, once. */
export function canApproveNow(caller: CampaignCaller, campaign: Pick<CampaignRow, 'owner_path' | 'plan_status' | 'status'>): boolean {
  return campaign.status === 'open' && campaign.plan_status === 'draft' && canApprovePlan(caller, campaign.owner_path);
}

/** An approved plan is the record the campaign runs on: no more edits (regulations §3.1 bước 1). */
export function assertPlanDraft(campaign: Pick<CampaignRow, 'plan_status'>): void {
  if (campaign.plan_status !== 'draft') throw new AppError('plan.invalid_transition');
}

/** One change to the draft plan: the plan's columns to set and what its audit event records. */
export interface DraftPlanChange {
  set: Pick<Updateable<CampaignTable>, 'plan_text' | 'plan_status' | 'plan_approved_by' | 'plan_approved_at'>;
  action: 'plan.update' | 'plan.approve';
  before: unknown;
  after: unknown;
}

/**
 * Changes the draft plan in one transaction: the campaign re-read (still open, the plan still a
 * draft, at the version the caller read when one is given), `change` decides what to write, the
 * row is updated under its version (`conflict.version` when someone got there first) with its
 * audit event, and the campaign is returned as it now is.
 */
export async function changeDraftPlan(
  ctx: AppContext,
  principal: Caller,
  campaignId: string,
  read: { version: number | undefined; now: string },
  change: (tx: Tx, before: CampaignRow) => Promise<DraftPlanChange>,
): Promise<CampaignRow> {
  const { now } = read;
  return ctx.db.transaction().execute(async (tx) => {
    const before = await findCampaign(tx, campaignId);
    if (!before) throw new AppError('campaign.not_found');
    assertCampaignOpen(before);
    assertPlanDraft(before);
    if (read.version !== undefined && before.version !== read.version) throw new AppError('conflict.version');
    const c = await change(tx, before);
    const r = await tx
      .updateTable('campaigns')
      .set({ ...c.set, version: sql`version + 1`, updated_at: now })
      .where('id', '=', campaignId)
      .where('version', '=', before.version)
      .where('plan_status', '=', 'draft')
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new AppError('conflict.version');
    await recordAudit(tx, {
      entityType: 'campaign',
      entityId: campaignId,
      action: c.action,
      actorId: principal.accountId,
      scopePath: before.owner_path,
      at: now,
      before: c.before,
      after: c.after,
    });
    return (await findCampaign(tx, campaignId))!;
  });
}

export async function presentPlan(db: Tx, campaign: CampaignRow, caller: CampaignCaller): Promise<PlanView> {
  const [attachments, approver] = await Promise.all([
    listAttachments(db, 'campaign_plan', [campaign.id]),
    campaign.plan_approved_by
      ? db.selectFrom('accounts').select('display_name').where('id', '=', campaign.plan_approved_by).executeTakeFirst()
      : Promise.resolve(undefined),
  ]);
  return {
    campaignId: campaign.id,
    version: campaign.version,
    text: campaign.plan_text ?? '',
    status: campaign.plan_status === 'approved' ? 'approved' : 'draft',
    approvedAt: campaign.plan_approved_at,
    approvedByName: approver?.display_name ?? null,
    attachments: attachments.map((a) => ({
      id: a.id,
      name: a.name,
      mime: a.mime,
      size: a.size,
      createdAt: a.createdAt,
      createdByName: a.createdByName,
    })),
    abilities: { edit: canEditPlan(caller, campaign), approve: canApproveNow(caller, campaign) },
  };
}

registerAttachmentOwner('campaign_plan', async (ctx, principal, campaignId) => {
  try {
    const { campaign, caller } = await loadCampaignAccess(ctx.db, campaignId, principal);
    return {
      canRead: canReadPlan(caller, campaign),
      canDelete: canEditPlan(caller, campaign),
      deleteRefusal:
        campaign.status !== 'open' ? 'campaign.closed' : campaign.plan_status !== 'draft' ? 'plan.invalid_transition' : 'auth.forbidden',
      scopePath: campaign.owner_path,
    };
  } catch (e) {
    if (e instanceof AppError && e.code === 'campaign.not_found') return false;
    throw e;
  }
});
