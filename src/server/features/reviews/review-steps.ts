// The checks every review change shares: the transition table (design §3: one pure function decides),
// the campaign still open, the version the writer read.
import type { ReviewAction, ReviewStatus } from '../../../shared/campaign-vocabulary.js';
import { AppError } from '../../../shared/errors.js';
import { assertCampaignOpen } from '../../adapters/db/campaigns.repository.js';
import { transition } from '../../domain/workflow.js';
import type { OpenedReview } from './review-access.js';

/** The step's target status, or the refusal as an error: wrong status 409, role 403, missing reason 400. */
export function checkStep(r: OpenedReview, action: ReviewAction, reason?: string | null): ReviewStatus {
  assertCampaignOpen(r.campaign);
  const outcome = transition(r.table, r.status, action, r.roles, { reason });
  if (outcome.ok) return outcome.to;
  if (outcome.problem === 'forbidden') throw new AppError('auth.forbidden');
  if (outcome.problem === 'reason_required') throw new AppError('workflow.reason_required');
  throw new AppError(
    'review.invalid_transition',
    `Không thể ${ACTION_LABELS[action]} bản kiểm điểm đang ở trạng thái "${STATUS_WORDS[r.status]}".`,
  );
}

/** The writer read an older version: someone saved in between (their text stays in their browser). */
export function checkVersion(r: OpenedReview, version: number): void {
  if (version !== r.version) {
    throw new AppError(
      'conflict.version',
      'Bản kiểm điểm vừa được người khác lưu. Nội dung bạn đang viết vẫn còn trên màn hình; hãy tải lại để xem bản mới rồi nhập lại phần thay đổi.',
    );
  }
}

const ACTION_LABELS: Record<ReviewAction, string> = {
  save: 'lưu',
  submit: 'nộp',
  return: 'trả lại',
  finalize: 'hoàn thiện',
  reopen: 'mở lại',
};

const STATUS_WORDS: Record<ReviewStatus, string> = {
  draft: 'đang soạn',
  submitted: 'đã nộp',
  returned: 'trả lại để sửa',
  finalized: 'đã hoàn thiện',
};
