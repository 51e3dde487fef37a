// One step of a review's path (design §3: draft → submitted → returned → submitted → finalized, and
// reopening), checked by the transition table and persisted as UPDATE … WHERE id, status and version
// match, with its revision, its audit event (with the reason) and its notice, in one transaction.
import type { ReviewAction, ReviewStatus } from '../../../shared/campaign-vocabulary.js';
import type { ReviewParams, ReviewResult } from '../../../shared/contracts/reviews.js';
import { AppError } from '../../../shared/errors.js';
import { newId } from '../../adapters/clock.js';
import { recordAudit } from '../../adapters/db/audit.repository.js';
import { accountsWithRoles, notify } from '../../adapters/db/notifications.repository.js';
import { accountsOfMember, insertRevision, updateReviewAtVersion } from '../../adapters/db/reviews.repository.js';
import { recordShortcomingStatuses, replaceDeclaredShortcomings } from '../../adapters/db/shortcomings.repository.js';
import type { Principal } from '../../domain/policy.js';
import type { AppContext, Tx } from '../context.js';
import { storedContent } from './get-review.js';
import { assertSubmittable, loadPrefill, mergePrefill } from './prefill.js';
import { openReview, shortcomingSubjectKind, type OpenedReview } from './review-access.js';
import { checkStep, checkVersion } from './review-steps.js';

export type ReviewStep = Exclude<ReviewAction, 'save'>;

/** The review's page in the browser (PATHS.review of src/web/app/menu.ts). */
export function reviewLink(r: Pick<OpenedReview, 'campaign' | 'subject'>): string {
  return `/kiem-diem/${r.campaign.id}/ban-kiem-diem/${r.subject.kind}/${r.subject.key}`;
}

export async function applyReviewTransition(
  ctx: AppContext,
  principal: Principal,
  params: ReviewParams,
  action: ReviewStep,
  input: { version: number; reason?: string | null },
): Promise<ReviewResult> {
  const now = ctx.clock.now();
  const reason = input.reason?.trim() ? input.reason.trim() : null;
  return ctx.db.transaction().execute(async (tx) => {
    const r = await openReview(tx, principal, params);
    const to = checkStep(r, action, reason);
    checkVersion(r, input.version);
    const row = r.row;
    const content = storedContent(row);
    if (action === 'submit' || action === 'finalize') {
      const prefill = await loadPrefill(tx, r);
      const merged = mergePrefill(content, prefill);
      if (action === 'submit') assertSubmittable(merged, prefill, r.ruleSet.scoring);
      if (!row || row.version === 0) throw new AppError('review.incomplete', 'Bản kiểm điểm chưa được viết.');
      if (action === 'finalize') await writeShortcomings(tx, r, row.id, merged, new Set(prefill.carryOver.map((s) => s.id)), now);
    }
    if (!row || row.version === 0) throw new AppError('review.invalid_transition');
    const proxy = action === 'submit' && r.writer === 'proxy';
    const version = await updateReviewAtVersion(
      tx,
      { id: row.id, version: r.version, status: r.status },
      {
        status: to,
        status_reason: reason,
        ...(action === 'submit' ? { submitted_at: now } : {}),
        ...(action === 'finalize' ? { finalized_at: now } : {}),
        ...(action === 'reopen' ? { finalized_at: null } : {}),
        ...(proxy ? { proxy_entered: 1 } : {}),
        updated_by: principal.accountId,
        updated_at: now,
      },
    );
    await insertRevision(tx, {
      id: newId(),
      reviewId: row.id,
      version,
      status: to,
      contentJson: row.content_json,
      savedBy: principal.accountId,
      proxy,
      at: now,
    });
    await recordAudit(tx, {
      entityType: 'review',
      entityId: row.id,
      action: `review.${action}`,
      actorId: principal.accountId,
      scopePath: r.subject.unitPath,
      at: now,
      before: { status: r.status, version: r.version },
      after: { status: to, version, reason, proxy, subjectKind: r.subject.kind, subjectKey: r.subject.key },
    });
    if (action === 'return') await notifyReturned(tx, r, reason ?? '', now);
    return { id: row.id, status: to as ReviewStatus, version };
  });
}

/**
 * Finalizing writes the thread of design §3 (Shortcoming): this year's status of every earlier
 * shortcoming the review marked (form section III; "fixed" closes it), and the shortcomings it
 * declares (section II), found in the review year, for next year's review to start from.
 */
async function writeShortcomings(
  tx: Tx,
  r: OpenedReview,
  reviewId: string,
  content: ReturnType<typeof mergePrefill>,
  carryOverIds: ReadonlySet<string>,
  now: string,
): Promise<void> {
  const year = r.campaign.review_year;
  await recordShortcomingStatuses(tx, {
    reviewId,
    year,
    at: now,
    entries: content.carryOver
      .filter((c) => carryOverIds.has(c.shortcomingId) && c.status !== null)
      .map((c) => ({ shortcomingId: c.shortcomingId, status: c.status!, causeKind: c.causeKind, note: c.note || null })),
  });
  await replaceDeclaredShortcomings(tx, {
    campaignId: r.campaign.id,
    subjectKind: shortcomingSubjectKind(r.subject.kind),
    subjectKey: r.subject.key,
    unitId: r.subject.unitId,
    memberId: r.subject.memberId,
    scopePath: r.subject.unitPath,
    year,
    at: now,
    entries: content.shortcomings.map((s) => ({ text: s.text, causeKind: s.causeKind, cause: s.cause || null })),
  });
}

/** A returned review goes back to its writer: the member (design §1), or the unit committee for a collective. */
async function notifyReturned(tx: Tx, r: OpenedReview, reason: string, at: string): Promise<void> {
  const accountIds = r.subject.memberId
    ? await accountsOfMember(tx, r.subject.memberId)
    : await accountsWithRoles(tx, r.subject.unitPath, ['unit_committee']);
  await notify(tx, {
    accountIds: accountIds.filter((id) => id !== r.principal.accountId),
    kind: 'returned',
    title: r.subject.memberId
      ? `Bản kiểm điểm năm ${r.campaign.review_year} của đồng chí được trả lại để sửa`
      : `Báo cáo kiểm điểm của ${r.subject.name} được trả lại để sửa`,
    body: reason,
    link: reviewLink(r),
    campaignId: r.campaign.id,
    at,
  });
}
