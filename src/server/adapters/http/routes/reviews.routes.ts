// Reviews (issue 3 item 6): the collective report, the leadership collective's report and each
// member's self-review — read pre-filled, saved as drafts, submitted, returned, finalized, reopened —
// with their revisions, comments from other places and files.
import { z } from 'zod';
import { id } from '../../../../shared/contracts/common.js';
import {
  addReviewCommentBody,
  attachmentView,
  listUnitReviewsQuery,
  listUnitReviewsResponse,
  myReviewsResponse,
  reviewCommentView,
  reviewParams,
  reviewReasonBody,
  reviewResult,
  reviewRevisionDetail,
  reviewRevisionList,
  reviewTransitionBody,
  reviewView,
  saveReviewBody,
} from '../../../../shared/contracts/reviews.js';
import { AppError, type ErrorCode } from '../../../../shared/errors.js';
import { addReviewComment } from '../../../features/reviews/add-review-comment.js';
import { attachReviewFile } from '../../../features/reviews/attach-review-file.js';
import { finalizeReview } from '../../../features/reviews/finalize-review.js';
import { getReview } from '../../../features/reviews/get-review.js';
import { getReviewRevision } from '../../../features/reviews/get-review-revision.js';
import { listMyReviews } from '../../../features/reviews/list-my-reviews.js';
import { listReviewRevisions } from '../../../features/reviews/list-review-revisions.js';
import { listUnitReviews } from '../../../features/reviews/list-unit-reviews.js';
import { reopenReview } from '../../../features/reviews/reopen-review.js';
import { returnReview } from '../../../features/reviews/return-review.js';
import { registerReviewAttachmentOwners } from '../../../features/reviews/review-attachment-owners.js';
import { saveReview } from '../../../features/reviews/save-review.js';
import { submitReview } from '../../../features/reviews/submit-review.js';
import { route, type RouteDef } from '../route.js';

// The attachments adapter serves every download; it asks the reviews feature who may read these files.
registerReviewAttachmentOwners();

const BASE = '/campaigns/:campaignId/reviews/:subjectKind/:subjectKey';
const readErrors: ErrorCode[] = ['campaign.not_found', 'review.not_found', 'campaign.not_in_population', 'rule_set.not_found'];
const stepErrors: ErrorCode[] = [...readErrors, 'campaign.closed', 'review.invalid_transition', 'conflict.version'];

const optionalId = z.preprocess((v) => (v === '' || v === undefined ? null : v), id.nullable());

export const reviewsRoutes: RouteDef[] = [
  route({
    operationId: 'reviews.mine',
    method: 'get',
    path: '/reviews/mine',
    summary: 'Bản kiểm điểm của tôi trong các đợt kiểm điểm đang thực hiện',
    tag: 'reviews',
    response: myReviewsResponse,
    errors: [],
    handler: ({ app, auth }) => listMyReviews(app, auth.principal),
  }),
  route({
    operationId: 'reviews.list',
    method: 'get',
    path: '/campaigns/:campaignId/units/:unitId/reviews',
    summary: 'Tiến độ bản kiểm điểm của đảng viên trong đơn vị (theo phạm vi được xem) và báo cáo của tập thể',
    tag: 'reviews',
    params: z.object({ campaignId: id, unitId: id }),
    query: listUnitReviewsQuery,
    response: listUnitReviewsResponse,
    errors: ['campaign.not_found', 'org_unit.not_found'],
    handler: ({ app, auth, params, query }) => listUnitReviews(app, auth.principal, params.campaignId, params.unitId, query),
  }),
  route({
    operationId: 'reviews.get',
    method: 'get',
    path: BASE,
    summary: 'Mở bản kiểm điểm (tập thể, tập thể lãnh đạo hoặc đảng viên), điền sẵn từ kỳ trước, cam kết và gợi ý kiểm điểm',
    tag: 'reviews',
    params: reviewParams,
    response: reviewView,
    errors: readErrors,
    handler: ({ app, auth, params }) => getReview(app, auth.principal, params),
  }),
  route({
    operationId: 'reviews.save',
    method: 'put',
    path: BASE,
    summary: 'Lưu bản nháp (mỗi lần lưu là một phiên bản; phiên bản cũ được giữ lại)',
    tag: 'reviews',
    params: reviewParams,
    body: saveReviewBody,
    response: reviewResult,
    errors: stepErrors,
    // A draft's text: no session, grant or unit changes, and the cockpit's counts (submitted,
    // finalized) stay the same (a returned review saved becomes a draft, counted in neither).
    keepsCaches: true,
    handler: ({ app, auth, params, body }) => saveReview(app, auth.principal, params, body),
  }),
  route({
    operationId: 'reviews.submit',
    method: 'post',
    path: `${BASE}/submit`,
    summary: 'Nộp bản kiểm điểm (cần giải trình đủ các vấn đề được gợi ý, đánh dấu kết quả khắc phục, tự nhận mức xếp loại)',
    tag: 'reviews',
    params: reviewParams,
    body: reviewTransitionBody,
    response: reviewResult,
    errors: [...stepErrors, 'review.unanswered_suggestions', 'review.incomplete'],
    handler: ({ app, auth, params, body }) => submitReview(app, auth.principal, params, body),
  }),
  route({
    operationId: 'reviews.return',
    method: 'post',
    path: `${BASE}/return`,
    summary: 'Trả lại bản kiểm điểm để sửa (kèm lý do)',
    tag: 'reviews',
    params: reviewParams,
    body: reviewReasonBody,
    response: reviewResult,
    errors: [...stepErrors, 'workflow.reason_required'],
    handler: ({ app, auth, params, body }) => returnReview(app, auth.principal, params, body),
  }),
  route({
    operationId: 'reviews.finalize',
    method: 'post',
    path: `${BASE}/finalize`,
    summary: 'Hoàn thiện bản kiểm điểm sau hội nghị (ghi kết quả khắc phục và hạn chế, khuyết điểm của năm)',
    tag: 'reviews',
    params: reviewParams,
    body: reviewTransitionBody,
    response: reviewResult,
    errors: [...stepErrors, 'review.incomplete'],
    handler: ({ app, auth, params, body }) => finalizeReview(app, auth.principal, params, body),
  }),
  route({
    operationId: 'reviews.reopen',
    method: 'post',
    path: `${BASE}/reopen`,
    summary: 'Mở lại bản kiểm điểm đã hoàn thiện (kèm lý do)',
    tag: 'reviews',
    params: reviewParams,
    body: reviewReasonBody,
    response: reviewResult,
    errors: [...stepErrors, 'workflow.reason_required'],
    handler: ({ app, auth, params, body }) => reopenReview(app, auth.principal, params, body),
  }),
  route({
    operationId: 'reviews.revisions',
    method: 'get',
    path: `${BASE}/revisions`,
    summary: 'Các phiên bản đã lưu của bản kiểm điểm',
    tag: 'reviews',
    params: reviewParams,
    response: reviewRevisionList,
    errors: readErrors,
    handler: ({ app, auth, params }) => listReviewRevisions(app, auth.principal, params),
  }),
  route({
    operationId: 'reviews.revision',
    method: 'get',
    path: `${BASE}/revisions/:revision`,
    summary: 'Nội dung một phiên bản đã lưu của bản kiểm điểm',
    tag: 'reviews',
    params: reviewParams.extend({ revision: z.coerce.number().int().min(1) }),
    response: reviewRevisionDetail,
    errors: readErrors,
    handler: ({ app, auth, params }) => getReviewRevision(app, auth.principal, params, params.revision),
  }),
  route({
    operationId: 'reviews.comment-add',
    method: 'post',
    path: `${BASE}/comments`,
    summary: 'Thêm ý kiến nhận xét của nơi khác (chi ủy nơi cư trú, chi bộ cũ, chi bộ sinh hoạt tạm thời, nơi công tác khác)',
    tag: 'reviews',
    params: reviewParams,
    body: addReviewCommentBody,
    response: reviewCommentView,
    errors: [...readErrors, 'campaign.closed'],
    handler: ({ app, auth, params, body }) => addReviewComment(app, auth.principal, params, body),
  }),
  route({
    operationId: 'reviews.attach',
    method: 'post',
    path: `${BASE}/attachments`,
    summary: 'Đính kèm tệp vào bản kiểm điểm (trường "file"; "commentId" để đính kèm vào một ý kiến của nơi khác)',
    tag: 'reviews',
    params: reviewParams,
    body: 'multipart',
    response: attachmentView,
    errors: [...readErrors, 'campaign.closed', 'attachment.too_large', 'request.too_large'],
    async handler({ app, auth, params, body }) {
      const b = body as Record<string, unknown>;
      const file = b.file;
      if (!(file instanceof Blob)) throw new AppError('request.invalid', 'Chưa chọn tệp để đính kèm (trường "file").');
      const commentId = optionalId.safeParse(typeof b.commentId === 'string' ? b.commentId : undefined);
      if (!commentId.success) throw new AppError('request.invalid', 'Mã ý kiến (commentId) không hợp lệ.');
      return attachReviewFile(app, auth.principal, params, {
        content: Buffer.from(await file.arrayBuffer()),
        name: (file as File).name || 'tep-dinh-kem',
        mime: file.type,
        commentId: commentId.data,
      });
    },
  }),
];
