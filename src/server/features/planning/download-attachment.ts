// Serves an attachment of any owner kind, after asking the owner's feature whether the caller may
// read it (attachments.repository.ts, registerAttachmentOwner). One the caller may not see is "not
// found": its existence is not disclosed (design §2: privacy is the default).
import { AppError } from '../../../shared/errors.js';
import { attachmentOwnerAccess, findAttachment, readAttachment, type AttachmentContent } from '../../adapters/db/attachments.repository.js';
import type { AppContext, Caller } from '../context.js';
import './plan-access.js';

export async function downloadAttachment(ctx: AppContext, principal: Caller, id: string): Promise<AttachmentContent> {
  const row = await findAttachment(ctx.db, id);
  if (!row) throw new AppError('attachment.not_found');
  const access = await attachmentOwnerAccess(ctx, principal, row.ownerKind, row.ownerId);
  if (!access.canRead) throw new AppError('attachment.not_found');
  const file = await readAttachment(ctx.db, id);
  if (!file) throw new AppError('attachment.not_found');
  return file;
}
