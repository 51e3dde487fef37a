// Reviews (issue 3 item 6; design §3, Review): the collective report of a unit (Mẫu 01), the report
// of its leadership collective where the rule set reviews one, and each member's self-review, with
// the pre-filled context they start from (last year's shortcomings, the commitment, suggested
// points, the manifestations, the key political tasks). Shared by the server and the browser.
import { z } from 'zod';
import {
  COMMENT_SOURCES,
  FORM_MEANINGS,
  LEVELS,
  REVIEW_STATUSES,
  REVIEW_STATUS_LABELS,
  REVIEW_SUBJECTS,
  SHORTCOMING_SOURCES,
  SHORTCOMING_STATUSES,
  CAUSE_KINDS,
} from '../campaign-vocabulary.js';
import { id, requiredText, text } from './common.js';
import { reviewContent } from './review-content.js';
import { carryOverRemediationView } from './remediation.js';

export const reviewSubjectKind = z.enum(REVIEW_SUBJECTS);
export const reviewStatus = z.enum(REVIEW_STATUSES);

export const reviewParams = z.object({ campaignId: id, subjectKind: reviewSubjectKind, subjectKey: id });
export type ReviewParams = z.infer<typeof reviewParams>;

/** The version read: 0 for a review never saved (it is pre-filled and has no row yet). */
export const reviewVersion = z.number().int().min(0);

export const saveReviewBody = z.object({ version: reviewVersion, content: reviewContent });
export type SaveReviewBody = z.infer<typeof saveReviewBody>;

export const reviewTransitionBody = z.object({ version: reviewVersion });
/** Returning and reopening take a reason (design §3); an empty one is refused with workflow.reason_required. */
export const reviewReasonBody = z.object({ version: reviewVersion, reason: text(2000).default('') });

export const reviewResult = z.object({ id: z.string(), status: reviewStatus, version: z.number().int() });
export type ReviewResult = z.infer<typeof reviewResult>;

export const addReviewCommentBody = z.object({
  sourceKind: z.enum(COMMENT_SOURCES),
  /** "Chi ủy tổ dân phố 5", "Chi bộ Trường THCS Lê Văn Thiêm" … */
  sourceName: requiredText(300),
  text: requiredText(20000),
});
export type AddReviewCommentBody = z.infer<typeof addReviewCommentBody>;

export const attachmentView = z.object({
  id: z.string(),
  name: z.string(),
  size: z.number().int(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
});
export type AttachmentView = z.infer<typeof attachmentView>;

export const reviewCommentView = z.object({
  id: z.string(),
  sourceKind: z.enum(COMMENT_SOURCES),
  sourceName: z.string(),
  text: z.string(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
  attachments: z.array(attachmentView),
});
export type ReviewCommentView = z.infer<typeof reviewCommentView>;

export const formCriterionView = z.object({
  key: z.string(),
  label: z.string(),
  maxPoints: z.number().nullable(),
  leadersOnly: z.boolean(),
});
export const formSectionView = z.object({
  key: z.string(),
  number: z.string(),
  title: z.string(),
  graded: z.boolean(),
  criteria: z.array(formCriterionView),
});
export type FormSectionView = z.infer<typeof formSectionView>;

export const carryOverView = z.object({
  id: z.string(),
  text: z.string(),
  yearFound: z.number().int(),
  source: z.enum(SHORTCOMING_SOURCES),
  causeKind: z.enum(CAUSE_KINDS).nullable(),
  /** The status marked in an earlier year, if any (one status per later year, design §3). */
  lastStatus: z.enum(SHORTCOMING_STATUSES).nullable(),
  /** Whose shortcoming: the subject itself, or a predecessor unit merged into it (regulations §11.8). */
  own: z.boolean(),
  subjectName: z.string(),
  /** The items of the earlier year's remediation plan tied to it, with their progress (issue 4 item 6). */
  remediation: z.array(carryOverRemediationView).default([]),
  /** The status those items suggest (contracts/remediation.ts); pre-filled, the writer decides. */
  suggestedStatus: z.enum(SHORTCOMING_STATUSES).nullable().default(null),
});
export type CarryOverView = z.infer<typeof carryOverView>;

export const suggestionItemView = z.object({ id: z.string(), suggestionId: z.string(), position: z.number().int(), text: z.string() });

export const reviewAbilities = z.object({
  save: z.boolean(),
  submit: z.boolean(),
  return: z.boolean(),
  finalize: z.boolean(),
  reopen: z.boolean(),
  /** The caller writes for a member who cannot (the chi bộ secretary): saves are marked as proxy entry. */
  proxy: z.boolean(),
  comment: z.boolean(),
  attach: z.boolean(),
});
export type ReviewAbilities = z.infer<typeof reviewAbilities>;

export const reviewView = z.object({
  campaign: z.object({
    id: z.string(),
    title: z.string(),
    reviewYear: z.number().int(),
    status: z.string(),
    ruleSetId: z.string(),
    ruleSetName: z.string(),
  }),
  subject: z.object({
    kind: reviewSubjectKind,
    key: z.string(),
    name: z.string(),
    unitId: z.string(),
    unitName: z.string(),
    memberId: z.string().nullable(),
    formMeaning: z.enum(FORM_MEANINGS),
    isKeyLeader: z.boolean(),
    classified: z.boolean(),
    /** A transferred member's former chi bộ, whose comments the receiving chi bộ collects (regulations §2.1). */
    formerUnit: z.object({ id: z.string(), name: z.string() }).nullable(),
    /** Units merged into this one whose open shortcomings are carried over (regulations §11.8). */
    predecessors: z.array(z.object({ id: z.string(), name: z.string() })),
  }),
  form: z.object({ code: z.string(), title: z.string(), sections: z.array(formSectionView) }),
  id: z.string().nullable(),
  status: reviewStatus,
  version: z.number().int(),
  content: reviewContent,
  proxyEntered: z.boolean(),
  statusReason: z.string().nullable(),
  submittedAt: z.string().nullable(),
  finalizedAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
  prefill: z.object({
    carryOver: z.array(carryOverView),
    commitment: z.object({ year: z.number().int(), items: z.array(z.object({ id: z.string(), text: z.string() })) }).nullable(),
    suggestionItems: z.array(suggestionItemView),
    manifestations: z.array(z.object({ code: z.string(), text: z.string() })),
    politicalTasks: z.array(z.object({ key: z.string(), label: z.string() })),
  }),
  scoring: z.object({
    kind: z.enum(['qualitative', 'grades', 'points']),
    grades: z.array(z.object({ key: z.string(), label: z.string() })),
    points: z.object({ general: z.number(), tasks: z.number() }).nullable(),
    levels: z.array(z.object({ level: z.enum(LEVELS), label: z.string(), short: z.string() })),
  }),
  comments: z.array(reviewCommentView),
  attachments: z.array(attachmentView),
  revisionCount: z.number().int(),
  abilities: reviewAbilities,
});
export type ReviewView = z.infer<typeof reviewView>;

export const reviewRevisionSummary = z.object({
  version: z.number().int(),
  status: reviewStatus,
  savedAt: z.string(),
  savedByName: z.string().nullable(),
  proxy: z.boolean(),
});
export const reviewRevisionList = z.object({ items: z.array(reviewRevisionSummary) });
export const reviewRevisionDetail = reviewRevisionSummary.extend({ content: reviewContent });

/** Progress of a review in a list: "not started" is a review that has never been saved. */
export const REVIEW_PROGRESS = ['not_started', ...REVIEW_STATUSES] as const;
export type ReviewProgress = (typeof REVIEW_PROGRESS)[number];
export const REVIEW_PROGRESS_LABELS: Record<ReviewProgress, string> = { not_started: 'Chưa viết', ...REVIEW_STATUS_LABELS };

export const listUnitReviewsQuery = z.object({
  progress: z.enum(REVIEW_PROGRESS).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListUnitReviewsQuery = z.infer<typeof listUnitReviewsQuery>;

const collectiveProgress = z.object({ kind: reviewSubjectKind, progress: z.enum(REVIEW_PROGRESS), version: z.number().int() });

export const unitReviewRow = z.object({
  memberId: z.string(),
  fullName: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  isKeyLeader: z.boolean(),
  classified: z.boolean(),
  progress: z.enum(REVIEW_PROGRESS),
  proxyEntered: z.boolean(),
  updatedAt: z.string().nullable(),
});
export type UnitReviewRow = z.infer<typeof unitReviewRow>;

export const listUnitReviewsResponse = z.object({
  unitId: z.string(),
  unitName: z.string(),
  /** The unit's collective (and leadership) reports, when the caller may read them. */
  collective: z.array(collectiveProgress),
  items: z.array(unitReviewRow),
  total: z.number().int(),
  /** True when the caller sees only the key leaders (an assigned director, design §2). */
  keyLeadersOnly: z.boolean(),
});
export type ListUnitReviewsResponse = z.infer<typeof listUnitReviewsResponse>;

export const myReviewItem = z.object({
  campaignId: z.string(),
  campaignTitle: z.string(),
  reviewYear: z.number().int(),
  memberId: z.string(),
  unitName: z.string(),
  progress: z.enum(REVIEW_PROGRESS),
  version: z.number().int(),
});
export const myReviewsResponse = z.object({ items: z.array(myReviewItem) });
export type MyReviewsResponse = z.infer<typeof myReviewsResponse>;
