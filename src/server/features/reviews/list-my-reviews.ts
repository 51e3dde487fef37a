// The caller's own reviews in the open campaigns that include them (the "Bản kiểm điểm của tôi" page
// of a member on a phone, design §4).
import type { MyReviewsResponse } from '../../../shared/contracts/reviews.js';
import { listMyReviews as listRows } from '../../adapters/db/reviews.repository.js';
import type { Principal } from '../../domain/policy.js';
import type { AppContext } from '../context.js';

export async function listMyReviews(ctx: AppContext, principal: Principal): Promise<MyReviewsResponse> {
  if (!principal.memberId) return { items: [] };
  return { items: await listRows(ctx.db, principal.memberId) };
}
