// Comments and files from other places may arrive before the member writes a word: they hang on a
// review row created for them at version 0 (still "not started"; the first save takes it to 1).
import { emptyReviewContent } from '../../../shared/contracts/review-content.js';
import { newId } from '../../adapters/clock.js';
import { ensureReviewRow } from '../../adapters/db/reviews.repository.js';
import type { ReviewRow } from '../../adapters/db/schema.js';
import type { Tx } from '../context.js';
import type { OpenedReview } from './review-access.js';

/** The columns of a new review row that say whose review it is and where it sits (the subject's unit). */
export function reviewSubjectColumns(r: OpenedReview) {
  return {
    campaign_id: r.campaign.id,
    subject_kind: r.subject.kind,
    subject_key: r.subject.key,
    unit_id: r.subject.unitId,
    member_id: r.subject.memberId,
    scope_path: r.subject.unitPath,
    form_meaning: r.subject.formMeaning,
  };
}

export async function reviewRowFor(tx: Tx, r: OpenedReview, actorId: string, now: string): Promise<ReviewRow> {
  if (r.row) return r.row;
  return ensureReviewRow(tx, {
    id: newId(),
    ...reviewSubjectColumns(r),
    status: 'draft',
    content_json: JSON.stringify(emptyReviewContent()),
    self_level: null,
    self_score: null,
    proxy_entered: 0,
    submitted_at: null,
    finalized_at: null,
    status_reason: null,
    updated_by: actorId,
    version: 0,
    created_at: now,
    updated_at: now,
  });
}
