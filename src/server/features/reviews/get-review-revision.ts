// One earlier version of a review with its content, to read what was written then.
import type { ReviewParams } from '../../../shared/contracts/reviews.js';
import { reviewContent } from '../../../shared/contracts/review-content.js';
import type { ReviewStatus } from '../../../shared/campaign-vocabulary.js';
import { AppError } from '../../../shared/errors.js';
import { findRevision } from '../../adapters/db/reviews.repository.js';
import type { Principal } from '../../domain/policy.js';
import type { AppContext } from '../context.js';
import { openReview } from './review-access.js';

export async function getReviewRevision(ctx: AppContext, principal: Principal, params: ReviewParams, version: number) {
  const r = await openReview(ctx.db, principal, params);
  const found = r.row ? await findRevision(ctx.db, r.row.id, version) : undefined;
  if (!found) throw new AppError('review.not_found', `Không tìm thấy phiên bản ${version} của bản kiểm điểm.`);
  const { contentJson, ...summary } = found;
  return { ...summary, status: summary.status as ReviewStatus, content: reviewContent.parse(JSON.parse(contentJson)) };
}
