// Edits a campaign's title, adaptations of the rule set, milestones and cut-off date, or closes it.
// Version-locked (design §3: every mutable record has a version) and audited with before/after.
import { sql } from 'kysely';
import type { z } from 'zod';
import { AppError } from '../../../shared/errors.js';
import type { updateCampaignBody } from '../../../shared/contracts/campaigns.js';
import { recordAudit } from '../../adapters/db/audit.repository.js';
import { campaignConfigOf, loadCampaignAccess, milestonesOf } from '../../adapters/db/campaigns.repository.js';
import { canManageCampaign } from '../../domain/campaign-policy.js';
import type { AppContext, Caller } from '../context.js';

export async function updateCampaign(
  ctx: AppContext,
  caller: Caller,
  campaignId: string,
  input: z.infer<typeof updateCampaignBody>,
): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const { campaign, caller: cc } = await loadCampaignAccess(tx, campaignId, caller);
    if (!canManageCampaign(cc, campaign.owner_path)) throw new AppError('auth.forbidden');
    // A closed campaign is the record of its year: only reopening it (status → open) is allowed.
    if (campaign.status !== 'open' && input.status !== 'open') throw new AppError('campaign.closed');
    if (campaign.snapshot_at && input.cutoffDate && input.cutoffDate !== campaign.cutoff_date) {
      throw new AppError('campaign.snapshot_exists', 'Danh sách đã được chốt theo ngày mốc cũ; không thể đổi ngày mốc.');
    }
    const now = ctx.clock.now();
    const before = {
      title: campaign.title,
      config: campaignConfigOf(campaign),
      milestones: milestonesOf(campaign),
      cutoffDate: campaign.cutoff_date,
      status: campaign.status,
    };
    const after = {
      title: input.title ?? before.title,
      config: input.config ?? before.config,
      milestones: input.milestones ?? before.milestones,
      cutoffDate: input.cutoffDate ?? before.cutoffDate,
      status: input.status ?? before.status,
    };
    const r = await tx
      .updateTable('campaigns')
      .set({
        title: after.title,
        config_json: JSON.stringify(after.config),
        milestones_json: JSON.stringify(after.milestones),
        cutoff_date: after.cutoffDate,
        status: after.status,
        updated_at: now,
        version: sql`version + 1`,
      })
      .where('id', '=', campaign.id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new AppError('conflict.version');
    await recordAudit(tx, {
      entityType: 'campaign',
      entityId: campaign.id,
      action: 'campaign.update',
      actorId: caller.accountId,
      scopePath: campaign.owner_path,
      at: now,
      before,
      after,
    });
  });
}
