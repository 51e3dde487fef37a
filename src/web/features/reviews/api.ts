// Reads and writes of reviews (issue 3 item 6): open pre-filled, save drafts, the steps of the
// review's path, revisions, comments from other places and files.
import { api, apiRequest } from '../../api/client';
import type {
  AddReviewCommentBody,
  AttachmentView,
  ListUnitReviewsResponse,
  MyReviewsResponse,
  ReviewCommentView,
  ReviewResult,
  ReviewView,
} from '../../../shared/contracts/reviews.js';
import type { ReviewContent } from '../../../shared/contracts/review-content.js';
import type { ReviewStatus } from '../../../shared/campaign-vocabulary.js';

export type { AttachmentView, ListUnitReviewsResponse, MyReviewsResponse, ReviewCommentView, ReviewContent, ReviewResult, ReviewView };

export interface ReviewRef {
  campaignId: string;
  subjectKind: string;
  subjectKey: string;
}

export interface RevisionSummary {
  version: number;
  status: ReviewStatus;
  savedAt: string;
  savedByName: string | null;
  proxy: boolean;
}

export const reviewKeys = {
  detail: (r: ReviewRef) => ['review', r.campaignId, r.subjectKind, r.subjectKey] as const,
  revisions: (r: ReviewRef) => ['review', r.campaignId, r.subjectKind, r.subjectKey, 'revisions'] as const,
  revision: (r: ReviewRef, version: number) => ['review', r.campaignId, r.subjectKind, r.subjectKey, 'revisions', version] as const,
  mine: ['reviews', 'mine'] as const,
};

const base = (r: ReviewRef) => `/api/campaigns/${r.campaignId}/reviews/${r.subjectKind}/${r.subjectKey}`;

export const fetchReview = (r: ReviewRef) => api.get<ReviewView>(base(r));
export const saveReview = (r: ReviewRef, version: number, content: ReviewContent) =>
  apiRequest<ReviewResult>('PUT', base(r), { version, content });
export const submitReview = (r: ReviewRef, version: number) => api.post<ReviewResult>(`${base(r)}/submit`, { version });
export const finalizeReview = (r: ReviewRef, version: number) => api.post<ReviewResult>(`${base(r)}/finalize`, { version });
export const returnReview = (r: ReviewRef, version: number, reason: string) =>
  api.post<ReviewResult>(`${base(r)}/return`, { version, reason });
export const reopenReview = (r: ReviewRef, version: number, reason: string) =>
  api.post<ReviewResult>(`${base(r)}/reopen`, { version, reason });
export const fetchRevisions = (r: ReviewRef) => api.get<{ items: RevisionSummary[] }>(`${base(r)}/revisions`);
export const fetchRevision = (r: ReviewRef, version: number) =>
  api.get<RevisionSummary & { content: ReviewContent }>(`${base(r)}/revisions/${version}`);
export const addComment = (r: ReviewRef, body: AddReviewCommentBody) => api.post<ReviewCommentView>(`${base(r)}/comments`, body);

export function attachFile(r: ReviewRef, file: File, commentId?: string): Promise<AttachmentView> {
  const form = new FormData();
  form.append('file', file);
  if (commentId) form.append('commentId', commentId);
  return api.upload<AttachmentView>(`${base(r)}/attachments`, form);
}

export const attachmentUrl = (id: string) => `/api/attachments/${id}`;
export const fetchMyReviews = () => api.get<MyReviewsResponse>('/api/reviews/mine');
