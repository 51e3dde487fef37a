// Every saved version of a review, newest first (design §3: "full revision history"), with who saved
// it and whether it was entered by proxy.
import type { ReviewParams } from '../../../shared/contracts/reviews.js';
import type { ReviewStatus } from '../../../shared/campaign-vocabulary.js';
import { listRevisions } from '../../adapters/db/reviews.repository.js';
import type { Principal } from '../../domain/policy.js';
import type { AppContext } from '../context.js';
import { openReview } from './review-access.js';

export async function listReviewRevisions(ctx: AppContext, principal: Principal, params: ReviewParams) {
  const r = await openReview(ctx.db, principal, params);
  if (!r.row) return { items: [] };
  const rows = await listRevisions(ctx.db, r.row.id);
  return { items: rows.map((x) => ({ ...x, status: x.status as ReviewStatus })) };
}
