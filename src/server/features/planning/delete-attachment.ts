// Removes an attachment while its owner is still editable (a draft plan, a review being written),
// as the owner's feature decides; audited with what was removed.
import { AppError } from '../../../shared/errors.js';
import { attachmentOwnerAccess, deleteAttachment, findAttachment } from '../../adapters/db/attachments.repository.js';
import { recordAudit } from '../../adapters/db/audit.repository.js';
import type { AppContext, Caller } from '../context.js';
import './plan-access.js';

export async function removeAttachment(ctx: AppContext, principal: Caller, id: string): Promise<void> {
  const row = await findAttachment(ctx.db, id);
  if (!row) throw new AppError('attachment.not_found');
  const access = await attachmentOwnerAccess(ctx, principal, row.ownerKind, row.ownerId);
  if (!access.canRead) throw new AppError('attachment.not_found');
  if (!access.canDelete) throw new AppError(access.deleteRefusal ?? 'auth.forbidden');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (tx) => {
    if (!(await deleteAttachment(tx, id))) throw new AppError('attachment.not_found');
    await recordAudit(tx, {
      entityType: 'attachment',
      entityId: id,
      action: 'attachment.delete',
      actorId: principal.accountId,
      scopePath: access.scopePath ?? null,
      at: now,
      before: { ownerKind: row.ownerKind, ownerId: row.ownerId, name: row.name, mime: row.mime, size: row.size },
    });
  });
}
