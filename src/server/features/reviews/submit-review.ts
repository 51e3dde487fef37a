// Submits a review (reviews.submit): only with every suggested point answered (issue 3 item 4), every
// earlier shortcoming marked and the self level given (regulations §3.1 step 3 and 6).
import type { ReviewParams, ReviewResult } from '../../../shared/contracts/reviews.js';
import type { Principal } from '../../domain/policy.js';
import type { AppContext } from '../context.js';
import { applyReviewTransition } from './apply-review-transition.js';

export function submitReview(
  ctx: AppContext,
  principal: Principal,
  params: ReviewParams,
  input: { version: number },
): Promise<ReviewResult> {
  return applyReviewTransition(ctx, principal, params, 'submit', input);
}
