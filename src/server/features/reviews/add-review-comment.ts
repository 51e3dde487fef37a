// A written comment from another place on a member's review (issue 3 item 6): the residence chi ủy
// (QĐ 213-QĐ/TW 2020; regulations §3.3), the former chi bộ of a transferred member (regulations §2.1),
// the temporary chi bộ (HD 43 §7.6; regulations §11.7), another post. Entered by the chi bộ
// secretary or the unit committee over the member; shown with the review.
import type { AddReviewCommentBody, ReviewCommentView, ReviewParams } from '../../../shared/contracts/reviews.js';
import { AppError } from '../../../shared/errors.js';
import { newId } from '../../adapters/clock.js';
import { recordAudit } from '../../adapters/db/audit.repository.js';
import { assertCampaignOpen } from '../../adapters/db/campaigns.repository.js';
import { insertComment } from '../../adapters/db/reviews.repository.js';
import type { Principal } from '../../domain/policy.js';
import type { AppContext } from '../context.js';
import { reviewRowFor } from './ensure-review-row.js';
import { canCommentReview, openReview } from './review-access.js';

export async function addReviewComment(
  ctx: AppContext,
  principal: Principal,
  params: ReviewParams,
  body: AddReviewCommentBody,
): Promise<ReviewCommentView> {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (tx) => {
    const r = await openReview(tx, principal, params);
    if (r.subject.kind !== 'member') throw new AppError('request.invalid', 'Ý kiến của nơi khác chỉ gắn với bản kiểm điểm của đảng viên.');
    assertCampaignOpen(r.campaign);
    if (!canCommentReview(r)) throw new AppError('auth.forbidden');
    const row = await reviewRowFor(tx, r, principal.accountId, now);
    const id = newId();
    await insertComment(tx, {
      id,
      reviewId: row.id,
      sourceKind: body.sourceKind,
      sourceName: body.sourceName,
      text: body.text,
      createdBy: principal.accountId,
      at: now,
    });
    await recordAudit(tx, {
      entityType: 'review',
      entityId: row.id,
      action: 'review.comment',
      actorId: principal.accountId,
      scopePath: r.subject.unitPath,
      at: now,
      after: { commentId: id, sourceKind: body.sourceKind, sourceName: body.sourceName, text: body.text },
    });
    const name = await tx.selectFrom('accounts').select('display_name').where('id', '=', principal.accountId).executeTakeFirst();
    return {
      id,
      sourceKind: body.sourceKind,
      sourceName: body.sourceName,
      text: body.text,
      createdAt: now,
      createdByName: name?.display_name ?? null,
      attachments: [],
    };
  });
}
