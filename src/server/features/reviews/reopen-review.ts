// Reopens a finalized review, with a reason (design §3: reopening always takes one).
import type { ReviewParams, ReviewResult } from '../../../shared/contracts/reviews.js';
import type { Principal } from '../../domain/policy.js';
import type { AppContext } from '../context.js';
import { applyReviewTransition } from './apply-review-transition.js';

export function reopenReview(
  ctx: AppContext,
  principal: Principal,
  params: ReviewParams,
  input: { version: number; reason: string },
): Promise<ReviewResult> {
  return applyReviewTransition(ctx, principal, params, 'reopen', input);
}
