// Saves a draft or returned review (reviews.save; the browser saves by itself as the writer types).
// Every save is a new version with its revision kept (design §3: "full revision history"); a save
// over a version the writer did not read is refused with conflict.version and changes nothing. The
// chi bộ secretary writing for a member who cannot is marked and audited as proxy entry (design §2).
import type { ReviewParams, ReviewResult, SaveReviewBody } from '../../../shared/contracts/reviews.js';
import { reviewContent, type ReviewContent } from '../../../shared/contracts/review-content.js';
import { newId } from '../../adapters/clock.js';
import { recordAudit } from '../../adapters/db/audit.repository.js';
import { insertReview, insertRevision, updateReviewAtVersion } from '../../adapters/db/reviews.repository.js';
import type { Principal } from '../../domain/policy.js';
import type { AppContext } from '../context.js';
import { reviewSubjectColumns } from './ensure-review-row.js';
import { openReview } from './review-access.js';
import { checkStep, checkVersion } from './review-steps.js';

/** Points of group I and II (regulations §11.3), stored as a column for the lists; null until both are given. */
export function selfScore(content: ReviewContent): number | null {
  const { general, tasks } = content.scores;
  return general === null || tasks === null ? null : Math.round(general + tasks);
}

export async function saveReview(ctx: AppContext, principal: Principal, params: ReviewParams, body: SaveReviewBody): Promise<ReviewResult> {
  const content = reviewContent.parse(body.content);
  const contentJson = JSON.stringify(content);
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (tx) => {
    const r = await openReview(tx, principal, params, ctx);
    const to = checkStep(r, 'save');
    checkVersion(r, body.version);
    const proxy = r.writer === 'proxy';
    let reviewId: string;
    let version: number;
    if (!r.row) {
      reviewId = newId();
      version = 1;
      await insertReview(tx, {
        id: reviewId,
        ...reviewSubjectColumns(r),
        status: to,
        content_json: contentJson,
        self_level: content.selfLevel,
        self_score: selfScore(content),
        proxy_entered: proxy ? 1 : 0,
        submitted_at: null,
        finalized_at: null,
        status_reason: null,
        updated_by: principal.accountId,
        version,
        created_at: now,
        updated_at: now,
      });
    } else {
      reviewId = r.row.id;
      version = await updateReviewAtVersion(
        tx,
        { id: r.row.id, version: r.version, status: r.status },
        {
          status: to,
          content_json: contentJson,
          self_level: content.selfLevel,
          self_score: selfScore(content),
          // Once entered by proxy, the review stays marked so (design §2: audited proxy entry).
          ...(proxy ? { proxy_entered: 1 } : {}),
          updated_by: principal.accountId,
          updated_at: now,
        },
      );
    }
    await insertRevision(tx, { id: newId(), reviewId, version, status: to, contentJson, savedBy: principal.accountId, proxy, at: now });
    await recordAudit(tx, {
      entityType: 'review',
      entityId: reviewId,
      action: 'review.save',
      actorId: principal.accountId,
      scopePath: r.subject.unitPath,
      at: now,
      after: { campaignId: r.campaign.id, subjectKind: r.subject.kind, subjectKey: r.subject.key, status: to, version, proxy },
      isNew: !r.row,
    });
    return { id: reviewId, status: to, version };
  });
}
