// Finalizes a review after the conference (regulations §3.1 step 8), writing this year's status of
// each earlier shortcoming and the shortcomings it declares (design §3, Shortcoming).
import type { ReviewParams, ReviewResult } from '../../../shared/contracts/reviews.js';
import type { Principal } from '../../domain/policy.js';
import type { AppContext } from '../context.js';
import { applyReviewTransition } from './apply-review-transition.js';

export function finalizeReview(
  ctx: AppContext,
  principal: Principal,
  params: ReviewParams,
  input: { version: number },
): Promise<ReviewResult> {
  return applyReviewTransition(ctx, principal, params, 'finalize', input);
}
