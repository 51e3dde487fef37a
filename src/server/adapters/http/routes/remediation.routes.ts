// Remediation (issue 4 item 6): a subject's plan (remediation.get / save / file), progress updates
// with evidence (remediation.add-update), the tracking list of a campaign (remediation.list), the
// unit's report to the competent level (remediation.report), the member's own plans
// (remediation.mine) and a shortcoming's history across years (shortcomings.history).
import { z } from 'zod';
import { id } from '../../../../shared/contracts/common.js';
import {
  listRemediationQuery,
  listRemediationResponse,
  myRemediationResponse,
  remediationParams,
  remediationPlanView,
  remediationUpdateInput,
  remediationVersionBody,
  reportRemediationBody,
  saveRemediationBody,
  shortcomingHistoryParams,
  shortcomingHistoryView,
} from '../../../../shared/contracts/remediation.js';
import { AppError, type ErrorCode } from '../../../../shared/errors.js';
import { addRemediationUpdate } from '../../../features/remediation/add-remediation-update.js';
import { fileRemediation } from '../../../features/remediation/file-remediation.js';
import { getRemediation } from '../../../features/remediation/get-remediation.js';
import { getShortcomingHistory } from '../../../features/remediation/get-shortcoming-history.js';
import { listMyRemediation } from '../../../features/remediation/list-my-remediation.js';
import { listRemediation } from '../../../features/remediation/list-remediation.js';
import { registerRemediationAttachmentOwner } from '../../../features/remediation/remediation-attachments.js';
import { reportRemediation } from '../../../features/remediation/report-remediation.js';
import { saveRemediation } from '../../../features/remediation/save-remediation.js';
import { route, type RouteDef } from '../route.js';

// The attachments adapter serves every download; it asks the remediation feature who may read evidence.
registerRemediationAttachmentOwner();

const PLAN = '/campaigns/:campaignId/remediation/:subjectKind/:subjectKey';
const found: ErrorCode[] = ['campaign.not_found', 'remediation.not_found', 'campaign.not_in_population'];
const write: ErrorCode[] = [...found, 'campaign.closed', 'conflict.version'];

export const remediationRoutes: RouteDef[] = [
  route({
    operationId: 'remediation.mine',
    method: 'get',
    path: '/remediation/mine',
    summary: 'Kế hoạch khắc phục của tôi theo từng năm kiểm điểm',
    tag: 'remediation',
    response: myRemediationResponse,
    errors: [],
    handler: ({ app, auth }) => listMyRemediation(app, auth.principal),
  }),
  route({
    operationId: 'remediation.list',
    method: 'get',
    path: '/campaigns/:campaignId/remediation',
    summary: 'Theo dõi kế hoạch khắc phục của đợt kiểm điểm trong phạm vi được xem: trạng thái, tiến độ, biện pháp quá hạn',
    tag: 'remediation',
    params: z.object({ campaignId: id }),
    query: listRemediationQuery,
    response: listRemediationResponse,
    errors: ['campaign.not_found'],
    handler: ({ app, auth, params, query }) => listRemediation(app, auth.principal, params.campaignId, query),
  }),
  route({
    operationId: 'remediation.get',
    method: 'get',
    path: PLAN,
    summary: 'Kế hoạch khắc phục của một đảng viên, một tập thể: hạn chế, khuyết điểm cần khắc phục, biện pháp và tiến độ',
    tag: 'remediation',
    params: remediationParams,
    response: remediationPlanView,
    errors: found,
    handler: ({ app, auth, params }) => getRemediation(app, auth.principal, params),
  }),
  route({
    operationId: 'remediation.save',
    method: 'put',
    path: PLAN,
    summary: 'Lưu các biện pháp khắc phục (nội dung, người thực hiện, thời hạn) gắn với từng hạn chế, khuyết điểm',
    tag: 'remediation',
    params: remediationParams,
    body: saveRemediationBody,
    response: remediationPlanView,
    errors: [...write, 'remediation.invalid_items', 'remediation.incomplete'],
    handler: ({ app, auth, params, body }) => saveRemediation(app, auth.principal, params, body),
  }),
  route({
    operationId: 'remediation.file',
    method: 'post',
    path: `${PLAN}/file`,
    summary: 'Ban hành kế hoạch khắc phục (sau khi cấp có thẩm quyền quyết định xếp loại)',
    tag: 'remediation',
    params: remediationParams,
    body: remediationVersionBody,
    response: remediationPlanView,
    errors: [...write, 'remediation.not_decided', 'remediation.incomplete', 'remediation.already_filed'],
    handler: ({ app, auth, params, body }) => fileRemediation(app, auth.principal, params, body),
  }),
  route({
    operationId: 'remediation.add-update',
    method: 'post',
    path: '/campaigns/:campaignId/remediation-items/:itemId/updates',
    summary:
      'Cập nhật tiến độ một biện pháp khắc phục (multipart: version, note, progressPct, status; tệp minh chứng trong trường "file", không bắt buộc)',
    tag: 'remediation',
    params: z.object({ campaignId: id, itemId: id }),
    body: 'multipart',
    response: remediationPlanView,
    errors: [
      'campaign.not_found',
      'remediation.not_found',
      'remediation.not_filed',
      'remediation.invalid_update',
      'conflict.version',
      'attachment.too_large',
      'request.too_large',
    ],
    async handler({ app, auth, params, body }) {
      const b = body as Record<string, unknown>;
      const fields = remediationUpdateInput.safeParse({
        version: b.version,
        note: typeof b.note === 'string' ? b.note : '',
        progressPct: b.progressPct,
        status: b.status,
      });
      if (!fields.success) {
        const problems = fields.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
        throw new AppError('remediation.invalid_update', `Cập nhật tiến độ chưa hợp lệ: ${updateMessages(problems)}`, { problems });
      }
      const file = b.file instanceof Blob && b.file.size > 0 ? b.file : null;
      return addRemediationUpdate(
        app,
        auth.principal,
        params,
        fields.data,
        file ? { content: Buffer.from(await file.arrayBuffer()), name: (file as File).name || 'minh-chung', mime: file.type } : null,
      );
    },
  }),
  route({
    operationId: 'remediation.report',
    method: 'post',
    path: '/campaigns/:campaignId/units/:unitId/remediation/report',
    summary: 'Đơn vị báo cáo kết quả thực hiện kế hoạch khắc phục lên cấp có thẩm quyền (thông báo cho Ban Tổ chức)',
    tag: 'remediation',
    params: z.object({ campaignId: id, unitId: id }),
    body: reportRemediationBody,
    response: remediationPlanView,
    errors: [...write, 'remediation.not_filed'],
    handler: ({ app, auth, params, body }) => reportRemediation(app, auth.principal, params, body),
  }),
  route({
    operationId: 'shortcomings.history',
    method: 'get',
    path: '/shortcomings/:id/history',
    summary: 'Quá trình của một hạn chế, khuyết điểm qua các năm: kết quả khắc phục từng năm, biện pháp và tiến độ, nguồn gốc khi hợp nhất',
    tag: 'remediation',
    params: shortcomingHistoryParams,
    response: shortcomingHistoryView,
    errors: ['shortcoming.not_found'],
    handler: ({ app, auth, params }) => getShortcomingHistory(app, auth.principal, params.id),
  }),
];

function updateMessages(problems: { field: string; message: string }[]): string {
  const labels: Record<string, string> = {
    note: 'nội dung cập nhật',
    progressPct: 'tiến độ (%)',
    status: 'trạng thái',
    version: 'phiên bản',
  };
  return problems.map((p) => `${labels[p.field] ?? p.field}: ${p.message}`).join('; ');
}
