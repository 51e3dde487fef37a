// Attaches a file to a review, or to one of its comments from other places (issue 3 item 6). The bytes
// are stored in the database (design §3, File), each file at most ctx.config.maxUploadBytes (20 MB by
// default); a larger one is refused with attachment.too_large and nothing is written.
import type { AttachmentView, ReviewParams } from '../../../shared/contracts/reviews.js';
import { AppError } from '../../../shared/errors.js';
import { recordAudit } from '../../adapters/db/audit.repository.js';
import { storeAttachment } from '../../adapters/db/attachments.repository.js';
import { findComment, setCommentFile } from '../../adapters/db/reviews.repository.js';
import type { Principal } from '../../domain/policy.js';
import type { AppContext } from '../context.js';
import { reviewRowFor } from './ensure-review-row.js';
import { canCommentReview, openReview, reviewActions } from './review-access.js';
import { assertCampaignOpen } from '../../adapters/db/campaigns.repository.js';

export interface ReviewUpload {
  content: Buffer;
  name: string;
  mime: string;
  /** Attach to this comment of the review instead of the review itself. */
  commentId: string | null;
}

export async function attachReviewFile(
  ctx: AppContext,
  principal: Principal,
  params: ReviewParams,
  upload: ReviewUpload,
): Promise<AttachmentView> {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (tx) => {
    const r = await openReview(tx, principal, params);
    assertCampaignOpen(r.campaign);
    const comment = canCommentReview(r);
    if (upload.commentId) {
      if (!comment) throw new AppError('auth.forbidden');
      const found = await findComment(tx, upload.commentId);
      if (!found || found.reviewId !== r.row?.id) throw new AppError('review.not_found', 'Không tìm thấy ý kiến này trong bản kiểm điểm.');
    } else if (!reviewActions(r).has('save')) {
      // The review's own files are its writers' (design §2: the member, the secretary by proxy; the
      // unit committee "R, decide"). Those who type the comments of other places attach the letters
      // to those comments (commentId), never to the review itself.
      throw new AppError('auth.forbidden');
    }
    const row = await reviewRowFor(tx, r, principal.accountId, now);
    const stored = await storeAttachment(tx, {
      ownerKind: upload.commentId ? 'review_comment' : 'review',
      ownerId: upload.commentId ?? row.id,
      name: upload.name,
      mime: upload.mime,
      content: upload.content,
      createdBy: principal.accountId,
      at: now,
      maxBytes: ctx.config.maxUploadBytes,
    });
    if (upload.commentId) await setCommentFile(tx, upload.commentId, stored.fileId);
    await recordAudit(tx, {
      entityType: 'review',
      entityId: row.id,
      action: 'review.attach',
      actorId: principal.accountId,
      scopePath: r.subject.unitPath,
      at: now,
      after: { attachmentId: stored.id, name: stored.name, size: stored.size, commentId: upload.commentId, proxy: r.writer === 'proxy' },
    });
    const name = await tx.selectFrom('accounts').select('display_name').where('id', '=', principal.accountId).executeTakeFirst();
    return { id: stored.id, name: stored.name, size: stored.size, createdAt: now, createdByName: name?.display_name ?? null };
  });
}
