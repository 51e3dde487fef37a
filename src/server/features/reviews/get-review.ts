// Opens a review (reviews.get): saved content, or — never saved — a pre-filled draft at version 0
// that is not written anywhere until its first save. Comes with what it was pre-filled from, the
// form of the rule set, the comments from other places, the files and the caller's abilities.
import type { AttachmentView, ReviewParams, ReviewView } from '../../../shared/contracts/reviews.js';
import { emptyReviewContent, reviewContent, type ReviewContent } from '../../../shared/contracts/review-content.js';
import type { CommentSource } from '../../../shared/campaign-vocabulary.js';
import { listAttachments, type AttachmentListItem } from '../../adapters/db/attachments.repository.js';
import { listComments } from '../../adapters/db/reviews.repository.js';
import type { ReviewRow } from '../../adapters/db/schema.js';
import type { Principal } from '../../domain/policy.js';
import type { AppContext } from '../context.js';
import { loadPrefill, mergePrefill } from './prefill.js';
import { canCommentReview, openReview, reviewActions, type OpenedReview } from './review-access.js';

/** The stored content, read through the contract (older rows gain the fields added since). */
export function storedContent(row: ReviewRow | undefined): ReviewContent {
  if (!row || row.version === 0) return emptyReviewContent();
  return reviewContent.parse(JSON.parse(row.content_json));
}

const attachmentOf = (a: AttachmentListItem): AttachmentView => ({
  id: a.id,
  name: a.name,
  size: a.size,
  createdAt: a.createdAt,
  createdByName: a.createdByName,
});

export function abilitiesOf(r: OpenedReview): ReviewView['abilities'] {
  const actions = reviewActions(r);
  const comment = canCommentReview(r);
  return {
    save: actions.has('save'),
    submit: actions.has('submit'),
    return: actions.has('return'),
    finalize: actions.has('finalize'),
    reopen: actions.has('reopen'),
    proxy: r.writer === 'proxy',
    comment,
    // Files of the review itself; a comment's files go with the `comment` ability.
    attach: actions.has('save'),
  };
}

export async function getReview(ctx: AppContext, principal: Principal, params: ReviewParams): Promise<ReviewView> {
  const r = await openReview(ctx.db, principal, params, ctx);
  const reviewId = r.row?.id ?? null;
  const [prefill, comments, reviewFiles] = await Promise.all([
    loadPrefill(ctx.db, r),
    reviewId ? listComments(ctx.db, reviewId) : Promise.resolve([]),
    reviewId ? listAttachments(ctx.db, 'review', [reviewId]) : Promise.resolve([]),
  ]);
  const commentFiles = comments.length
    ? await listAttachments(
        ctx.db,
        'review_comment',
        comments.map((c) => c.id),
      )
    : [];
  const { ruleSet, form, subject, campaign, row } = r;
  const scoring = ruleSet.scoring;
  const levels = subject.kind === 'member' ? ruleSet.memberLevels : ruleSet.unitLevels;
  const saved = row !== undefined && row.version > 0;
  return {
    campaign: {
      id: campaign.id,
      title: campaign.title,
      reviewYear: campaign.review_year,
      status: campaign.status,
      ruleSetId: ruleSet.id,
      ruleSetName: ruleSet.name,
    },
    subject: {
      kind: subject.kind,
      key: subject.key,
      name: subject.name,
      unitId: subject.unitId,
      unitName: subject.unitName,
      memberId: subject.memberId,
      formMeaning: subject.formMeaning,
      isKeyLeader: subject.isKeyLeader,
      classified: subject.classified,
      formerUnit: subject.formerUnit,
      predecessors: prefill.predecessors,
    },
    form: {
      code: form.code,
      title: form.title,
      sections: form.sections.map((s) => ({
        key: s.key,
        number: s.number,
        title: s.title,
        graded: s.graded === true && scoring === 'grades',
        criteria: (s.key === 'strengths' ? prefill.criteria : (s.criteria ?? [])).map((c) => ({
          key: c.key,
          label: c.label,
          maxPoints: c.maxPoints ?? null,
          leadersOnly: c.leadersOnly === true,
        })),
      })),
    },
    id: saved ? row.id : null,
    status: r.status,
    version: r.version,
    content: mergePrefill(storedContent(row), prefill),
    proxyEntered: row?.proxy_entered === 1,
    statusReason: saved ? row.status_reason : null,
    submittedAt: saved ? row.submitted_at : null,
    finalizedAt: saved ? row.finalized_at : null,
    updatedAt: saved ? row.updated_at : null,
    prefill: {
      carryOver: prefill.carryOver,
      commitment: prefill.commitment,
      suggestionItems: prefill.suggestionItems,
      manifestations: prefill.manifestations,
      politicalTasks: prefill.politicalTasks,
    },
    scoring: {
      kind: scoring,
      grades: ruleSet.grades.map((g) => ({ key: g.key, label: g.label })),
      points: ruleSet.points ? { general: ruleSet.points.general, tasks: ruleSet.points.tasks } : null,
      levels: levels.map((l) => ({ level: l.level, label: l.label, short: l.short })),
    },
    comments: comments.map((c) => ({
      id: c.id,
      sourceKind: c.sourceKind as CommentSource,
      sourceName: c.sourceName,
      text: c.text,
      createdAt: c.createdAt,
      createdByName: c.createdByName,
      attachments: commentFiles.filter((f) => f.ownerId === c.id).map(attachmentOf),
    })),
    attachments: reviewFiles.map(attachmentOf),
    // Every change of version appends a revision (saves and transitions alike).
    revisionCount: r.version,
    abilities: abilitiesOf(r),
  };
}
