// Attaches a file to the draft plan (issue 3 item 3: "the plan (text and attachments)"). The bytes
// go into the database (design §3, File), refused above the configured size with nothing stored.
import { AppError } from '../../../shared/errors.js';
import type { AttachmentView } from '../../../shared/contracts/planning.js';
import { storeAttachment } from '../../adapters/db/attachments.repository.js';
import { recordAudit } from '../../adapters/db/audit.repository.js';
import { assertCampaignOpen, loadCampaignAccess } from '../../adapters/db/campaigns.repository.js';
import { canManageCampaign } from '../../domain/campaign-policy.js';
import type { AppContext, Caller } from '../context.js';
import { assertPlanDraft } from './plan-access.js';

export interface FileUpload {
  name: string;
  mime: string;
  content: Buffer;
}

export async function attachPlanFile(ctx: AppContext, principal: Caller, campaignId: string, upload: FileUpload): Promise<AttachmentView> {
  const { campaign, caller } = await loadCampaignAccess(ctx.db, campaignId, principal);
  if (!canManageCampaign(caller, campaign.owner_path)) throw new AppError('auth.forbidden');
  assertCampaignOpen(campaign);
  assertPlanDraft(campaign);
  const now = ctx.clock.now();
  const stored = await ctx.db.transaction().execute(async (tx) => {
    const a = await storeAttachment(tx, {
      ownerKind: 'campaign_plan',
      ownerId: campaign.id,
      name: upload.name,
      mime: upload.mime,
      content: upload.content,
      createdBy: principal.accountId,
      at: now,
      maxBytes: ctx.config.maxUploadBytes,
    });
    await recordAudit(tx, {
      entityType: 'attachment',
      entityId: a.id,
      action: 'attachment.create',
      actorId: principal.accountId,
      scopePath: campaign.owner_path,
      at: now,
      after: { ownerKind: 'campaign_plan', ownerId: campaign.id, name: a.name, mime: a.mime, size: a.size },
      isNew: true,
    });
    return a;
  });
  const me = await ctx.db.selectFrom('accounts').select('display_name').where('id', '=', principal.accountId).executeTakeFirst();
  return {
    id: stored.id,
    name: stored.name,
    mime: stored.mime,
    size: stored.size,
    createdAt: now,
    createdByName: me?.display_name ?? null,
  };
}
