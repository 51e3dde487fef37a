// Who may download a review's files and its comments' files: whoever may read the review (design §2,
// rows "Individual reviews" and "Collective reports"); its writers may remove them while it is being
// written. Registered with the attachments adapter, which serves every download.
import { AppError } from '../../../shared/errors.js';
import { registerAttachmentOwner, type AttachmentOwnerAccess } from '../../adapters/db/attachments.repository.js';
import { findReviewById, reviewOfComment } from '../../adapters/db/reviews.repository.js';
import type { ReviewRow } from '../../adapters/db/schema.js';
import type { Principal } from '../../domain/policy.js';
import type { AppContext } from '../context.js';
import { canCommentReview, openReview, reviewActions } from './review-access.js';
import { reviewSubjectKind } from '../../../shared/contracts/reviews.js';

async function accessTo(
  ctx: AppContext,
  principal: Principal,
  row: ReviewRow | undefined,
  asComment: boolean,
): Promise<AttachmentOwnerAccess> {
  if (!row) return { canRead: false };
  const kind = reviewSubjectKind.safeParse(row.subject_kind);
  if (!kind.success) return { canRead: false };
  try {
    const r = await openReview(ctx.db, principal, { campaignId: row.campaign_id, subjectKind: kind.data, subjectKey: row.subject_key });
    // A comment's files are removed by those who type comments; the review's own by its writers.
    const canDelete = asComment ? canCommentReview(r) : reviewActions(r).has('save');
    return { canRead: true, canDelete, scopePath: r.subject.unitPath };
  } catch (e) {
    if (e instanceof AppError) return { canRead: false };
    throw e;
  }
}

let registered = false;

export function registerReviewAttachmentOwners(): void {
  if (registered) return;
  registered = true;
  registerAttachmentOwner('review', async (ctx, principal, ownerId) =>
    accessTo(ctx, principal, await findReviewById(ctx.db, ownerId), false),
  );
  registerAttachmentOwner('review_comment', async (ctx, principal, ownerId) =>
    accessTo(ctx, principal, await reviewOfComment(ctx.db, ownerId), true),
  );
}
