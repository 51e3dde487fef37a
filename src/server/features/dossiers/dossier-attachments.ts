// Files of a dossier (issue 3 item 7: "collective report, the reviews of its key leaders,
// attachments"): added and removed by the unit committee while it prepares the dossier, read by
// every reader of the dossier. The bytes live in the database (design §3, File).
import { AppError } from '../../../shared/errors.js';
import type { DossierView } from '../../../shared/contracts/dossiers.js';
import { deleteAttachment, findAttachment, storeAttachment, type AttachmentOwnerAccess } from '../../adapters/db/attachments.repository.js';
import { recordAudit } from '../../adapters/db/audit.repository.js';
import { assertCampaignOpen, loadCampaignAccess } from '../../adapters/db/campaigns.repository.js';
import { canReadDossier, canWriteDossier } from '../../domain/campaign-policy.js';
import type { Principal } from '../../domain/policy.js';
import type { AppContext, Caller } from '../context.js';
import { loadDossier, type LoadedDossier } from './dossier-access.js';
import { EDITABLE_STAGES, getDossier } from './get-dossier.js';

function assertEditable(d: LoadedDossier): void {
  assertCampaignOpen(d.campaign);
  if (!canWriteDossier(d.caller, d.dossier.unit_path)) throw new AppError('auth.forbidden');
  if (!EDITABLE_STAGES.includes(d.dossier.stage)) {
    throw new AppError(
      'dossier.invalid_transition',
      'Chỉ thêm, bớt tài liệu khi hồ sơ đang được chuẩn bị (chưa nộp hoặc đã được trả lại).',
    );
  }
}

export interface DossierUpload {
  content: Buffer;
  fileName: string;
  mime: string;
}

export async function attachToDossier(
  ctx: AppContext,
  caller: Caller,
  campaignId: string,
  unitId: string,
  upload: DossierUpload,
): Promise<DossierView> {
  const d = await loadDossier(ctx.db, caller, campaignId, unitId);
  assertEditable(d);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (tx) => {
    const stored = await storeAttachment(tx, {
      ownerKind: 'dossier',
      ownerId: d.dossier.id,
      name: upload.fileName,
      mime: upload.mime,
      content: upload.content,
      createdBy: caller.accountId,
      at: now,
      maxBytes: ctx.config.maxUploadBytes,
    });
    await recordAudit(tx, {
      entityType: 'campaign_unit',
      entityId: d.dossier.id,
      action: 'dossier.attach',
      actorId: caller.accountId,
      scopePath: d.dossier.unit_path,
      at: now,
      after: { attachmentId: stored.id, name: stored.name, size: stored.size },
    });
  });
  return getDossier(ctx, caller, campaignId, unitId);
}

export async function detachFromDossier(
  ctx: AppContext,
  caller: Caller,
  campaignId: string,
  unitId: string,
  attachmentId: string,
): Promise<DossierView> {
  const d = await loadDossier(ctx.db, caller, campaignId, unitId);
  const attachment = await findAttachment(ctx.db, attachmentId);
  if (!attachment || attachment.ownerKind !== 'dossier' || attachment.ownerId !== d.dossier.id) throw new AppError('attachment.not_found');
  assertEditable(d);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (tx) => {
    if (!(await deleteAttachment(tx, attachmentId))) throw new AppError('attachment.not_found');
    await recordAudit(tx, {
      entityType: 'campaign_unit',
      entityId: d.dossier.id,
      action: 'dossier.detach',
      actorId: caller.accountId,
      scopePath: d.dossier.unit_path,
      at: now,
      before: { attachmentId, name: attachment.name, size: attachment.size },
    });
  });
  return getDossier(ctx, caller, campaignId, unitId);
}

/** Who may download a dossier's files (attachments.repository registerAttachmentOwner, kind 'dossier'). */
export async function dossierAttachmentAccess(
  ctx: AppContext,
  principal: Principal,
  campaignUnitId: string,
): Promise<AttachmentOwnerAccess> {
  const row = await ctx.db
    .selectFrom('campaign_units')
    .select(['campaign_id', 'unit_path', 'stage'])
    .where('id', '=', campaignUnitId)
    .executeTakeFirst();
  if (!row) return { canRead: false };
  let access;
  try {
    access = await loadCampaignAccess(ctx.db, row.campaign_id, principal);
  } catch (e) {
    if (e instanceof AppError && e.code === 'campaign.not_found') return { canRead: false };
    throw e;
  }
  return {
    canRead: canReadDossier(access.caller, row.unit_path),
    canDelete: access.campaign.status === 'open' && canWriteDossier(access.caller, row.unit_path) && EDITABLE_STAGES.includes(row.stage),
    scopePath: row.unit_path,
  };
}
