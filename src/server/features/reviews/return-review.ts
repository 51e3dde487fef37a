// Returns a submitted review to its writer for changes, with a reason (design §3: returning always
// takes one); the writer is notified.
import type { ReviewParams, ReviewResult } from '../../../shared/contracts/reviews.js';
import type { Principal } from '../../domain/policy.js';
import type { AppContext } from '../context.js';
import { applyReviewTransition } from './apply-review-transition.js';

export function returnReview(
  ctx: AppContext,
  principal: Principal,
  params: ReviewParams,
  input: { version: number; reason: string },
): Promise<ReviewResult> {
  return applyReviewTransition(ctx, principal, params, 'return', input);
}
