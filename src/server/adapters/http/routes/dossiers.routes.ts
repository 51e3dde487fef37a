// The dossier and the appraisal gate (issue 3 item 7): every transition of design §3 is an
// operation of its own (dossiers.submit, dossiers.return, dossiers.clear, conferences.schedule, …),
// so scripts and integrations find each step by its operationId.
import { z } from 'zod';
import { AppError, type ErrorCode } from '../../../../shared/errors.js';
import { id } from '../../../../shared/contracts/common.js';
import {
  clearDossierBody,
  commentDossierBody,
  dossierParams,
  dossierTransitionBody,
  dossierView,
  listDossiersQuery,
  listDossiersResponse,
  returnDossierBody,
  saveFindingsBody,
  scheduleConferenceBody,
} from '../../../../shared/contracts/dossiers.js';
import { registerAttachmentOwner } from '../../db/attachments.repository.js';
import { scheduleConference } from '../../../features/conferences/schedule-conference.js';
import { beginAppraisal } from '../../../features/dossiers/begin-appraisal.js';
import { clearDossier } from '../../../features/dossiers/clear-dossier.js';
import { commentDossier } from '../../../features/dossiers/comment-dossier.js';
import { attachToDossier, detachFromDossier, dossierAttachmentAccess } from '../../../features/dossiers/dossier-attachments.js';
import { getDossier } from '../../../features/dossiers/get-dossier.js';
import { listDossiers } from '../../../features/dossiers/list-dossiers.js';
import { reopenDossier } from '../../../features/dossiers/reopen-dossier.js';
import { resumeDossier } from '../../../features/dossiers/resume-dossier.js';
import { returnDossier } from '../../../features/dossiers/return-dossier.js';
import { saveFindings } from '../../../features/dossiers/save-findings.js';
import { startDossier } from '../../../features/dossiers/start-dossier.js';
import { submitDossier } from '../../../features/dossiers/submit-dossier.js';
import { route, type RouteDef } from '../route.js';

registerAttachmentOwner('dossier', dossierAttachmentAccess);

const DOSSIER = '/campaigns/:campaignId/units/:unitId/dossier';
const found: ErrorCode[] = ['campaign.not_found', 'dossier.not_found'];
const step: ErrorCode[] = [...found, 'campaign.closed', 'dossier.invalid_transition', 'conflict.version'];

export const dossiersRoutes: RouteDef[] = [
  route({
    operationId: 'dossiers.list',
    method: 'get',
    path: '/campaigns/:campaignId/dossiers',
    summary: 'Danh sách hồ sơ kiểm điểm của các đơn vị (hàng chờ thẩm định), lọc theo giai đoạn và diện thẩm định',
    tag: 'dossiers',
    params: z.object({ campaignId: id }),
    query: listDossiersQuery,
    response: listDossiersResponse,
    errors: ['campaign.not_found'],
    handler: ({ app, auth, params, query }) => listDossiers(app, auth.principal, params.campaignId, query),
  }),
  route({
    operationId: 'dossiers.get',
    method: 'get',
    path: DOSSIER,
    summary: 'Hồ sơ kiểm điểm của một đơn vị: giai đoạn, báo cáo, bản kiểm điểm chủ chốt, tài liệu, các vòng thẩm định',
    tag: 'dossiers',
    params: dossierParams,
    response: dossierView,
    errors: found,
    handler: ({ app, auth, params }) => getDossier(app, auth.principal, params.campaignId, params.unitId),
  }),
  route({
    operationId: 'dossiers.start',
    method: 'post',
    path: `${DOSSIER}/start`,
    summary: 'Bắt đầu chuẩn bị hồ sơ kiểm điểm (chưa bắt đầu → đang chuẩn bị)',
    tag: 'dossiers',
    params: dossierParams,
    body: dossierTransitionBody,
    response: dossierView,
    errors: step,
    handler: ({ app, auth, params, body }) => startDossier(app, auth.principal, params.campaignId, params.unitId, body),
  }),
  route({
    operationId: 'dossiers.submit',
    method: 'post',
    path: `${DOSSIER}/submit`,
    summary: 'Nộp hồ sơ kiểm điểm (cần báo cáo tập thể và bản kiểm điểm của các đồng chí chủ chốt đã nộp)',
    tag: 'dossiers',
    params: dossierParams,
    body: dossierTransitionBody,
    response: dossierView,
    errors: [...step, 'dossier.incomplete'],
    handler: ({ app, auth, params, body }) => submitDossier(app, auth.principal, params.campaignId, params.unitId, body),
  }),
  route({
    operationId: 'dossiers.resume',
    method: 'post',
    path: `${DOSSIER}/resume`,
    summary: 'Tiếp tục chuẩn bị hồ sơ đã bị trả lại (trả lại → đang chuẩn bị)',
    tag: 'dossiers',
    params: dossierParams,
    body: dossierTransitionBody,
    response: dossierView,
    errors: step,
    handler: ({ app, auth, params, body }) => resumeDossier(app, auth.principal, params.campaignId, params.unitId, body),
  }),
  route({
    operationId: 'dossiers.begin-appraisal',
    method: 'post',
    path: `${DOSSIER}/begin-appraisal`,
    summary: 'Ban Tổ chức bắt đầu một vòng thẩm định hồ sơ (đã nộp → đang thẩm định)',
    tag: 'dossiers',
    params: dossierParams,
    body: dossierTransitionBody,
    response: dossierView,
    errors: step,
    handler: ({ app, auth, params, body }) => beginAppraisal(app, auth.principal, params.campaignId, params.unitId, body),
  }),
  route({
    operationId: 'appraisals.save-findings',
    method: 'put',
    path: '/campaigns/:campaignId/units/:unitId/appraisal',
    summary: 'Lưu ý kiến thẩm định theo từng mục của vòng thẩm định đang mở',
    tag: 'dossiers',
    params: dossierParams,
    body: saveFindingsBody,
    response: dossierView,
    errors: step,
    handler: ({ app, auth, params, body }) => saveFindings(app, auth.principal, params.campaignId, params.unitId, body),
  }),
  route({
    operationId: 'dossiers.clear',
    method: 'post',
    path: `${DOSSIER}/clear`,
    summary: 'Xác nhận hồ sơ thẩm định đạt yêu cầu (đang thẩm định → đã thẩm định đạt); đơn vị được lên lịch hội nghị',
    tag: 'dossiers',
    params: dossierParams,
    body: clearDossierBody,
    response: dossierView,
    errors: step,
    handler: ({ app, auth, params, body }) => clearDossier(app, auth.principal, params.campaignId, params.unitId, body),
  }),
  route({
    operationId: 'dossiers.return',
    method: 'post',
    path: `${DOSSIER}/return`,
    summary: 'Trả lại hồ sơ để bổ sung, kèm lý do và ý kiến theo từng mục',
    tag: 'dossiers',
    params: dossierParams,
    body: returnDossierBody,
    response: dossierView,
    errors: [...step, 'workflow.reason_required'],
    handler: ({ app, auth, params, body }) => returnDossier(app, auth.principal, params.campaignId, params.unitId, body),
  }),
  route({
    operationId: 'dossiers.reopen',
    method: 'post',
    path: `${DOSSIER}/reopen`,
    summary: 'Mở lại hồ sơ về giai đoạn chuẩn bị, kèm lý do (hủy kết quả thẩm định và lịch hội nghị đã có)',
    tag: 'dossiers',
    params: dossierParams,
    body: dossierTransitionBody,
    response: dossierView,
    errors: [...step, 'workflow.reason_required'],
    handler: ({ app, auth, params, body }) => reopenDossier(app, auth.principal, params.campaignId, params.unitId, body),
  }),
  route({
    operationId: 'dossiers.comment',
    method: 'post',
    path: `${DOSSIER}/comments`,
    summary: 'Ghi ý kiến của đồng chí phụ trách, chỉ đạo về hồ sơ',
    tag: 'dossiers',
    params: dossierParams,
    body: commentDossierBody,
    response: dossierView,
    errors: [...found, 'campaign.closed', 'conflict.version'],
    handler: ({ app, auth, params, body }) => commentDossier(app, auth.principal, params.campaignId, params.unitId, body),
  }),
  route({
    operationId: 'dossiers.attach',
    method: 'post',
    path: `${DOSSIER}/attachments`,
    summary: 'Thêm tài liệu vào hồ sơ (trường "file")',
    tag: 'dossiers',
    params: dossierParams,
    body: 'multipart',
    response: dossierView,
    errors: [...found, 'campaign.closed', 'dossier.invalid_transition', 'attachment.too_large', 'request.too_large'],
    async handler({ app, auth, params, body }) {
      const file = (body as Record<string, unknown>).file;
      if (!(file instanceof Blob)) throw new AppError('request.invalid', 'Chưa chọn tệp để tải lên (trường "file").');
      return attachToDossier(app, auth.principal, params.campaignId, params.unitId, {
        content: Buffer.from(await file.arrayBuffer()),
        fileName: (file as File).name || 'tai-lieu',
        mime: file.type,
      });
    },
  }),
  route({
    operationId: 'dossiers.detach',
    method: 'delete',
    path: `${DOSSIER}/attachments/:attachmentId`,
    summary: 'Bỏ một tài liệu khỏi hồ sơ',
    tag: 'dossiers',
    params: dossierParams.extend({ attachmentId: id }),
    response: dossierView,
    errors: [...found, 'campaign.closed', 'dossier.invalid_transition', 'attachment.not_found'],
    handler: ({ app, auth, params }) => detachFromDossier(app, auth.principal, params.campaignId, params.unitId, params.attachmentId),
  }),
  route({
    operationId: 'conferences.schedule',
    method: 'post',
    path: '/campaigns/:campaignId/units/:unitId/conference',
    summary: 'Lên lịch hội nghị kiểm điểm (chỉ khi hồ sơ đã được thẩm định đạt, hoặc đã nộp với đơn vị không thuộc diện thẩm định)',
    tag: 'conferences',
    params: dossierParams,
    body: scheduleConferenceBody,
    response: dossierView,
    errors: [...step, 'conference.dossier_not_cleared'],
    handler: ({ app, auth, params, body }) => scheduleConference(app, auth.principal, params.campaignId, params.unitId, body),
  }),
];
