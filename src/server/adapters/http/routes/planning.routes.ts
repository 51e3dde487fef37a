// Plan, assignments and suggested points of a campaign (issue 3 items 3 and 4), and the download
// and removal of attachments of every owner kind.
import { z } from 'zod';
import { id, okBody } from '../../../../shared/contracts/common.js';
import {
  approvePlanBody,
  assignmentsBulkBody,
  assignmentsChangeResponse,
  attachmentView,
  createSuggestionBody,
  issueSuggestionBody,
  listAssigneesResponse,
  listAssignmentsQuery,
  listAssignmentsResponse,
  listCampaignUnitsResponse,
  listSuggestionsQuery,
  listSuggestionsResponse,
  myUnitsResponse,
  planView,
  suggestionView,
  updatePlanBody,
  updateSuggestionBody,
  workloadResponse,
} from '../../../../shared/contracts/planning.js';
import { AppError } from '../../../../shared/errors.js';
import { foldForSearch } from '../../../../shared/text.js';
import { approvePlan } from '../../../features/planning/approve-plan.js';
import { attachPlanFile, type FileUpload } from '../../../features/planning/attach-plan-file.js';
import { createSuggestion } from '../../../features/planning/create-suggestion.js';
import { removeAttachment } from '../../../features/planning/delete-attachment.js';
import { deleteSuggestion } from '../../../features/planning/delete-suggestion.js';
import { downloadAttachment } from '../../../features/planning/download-attachment.js';
import { getPlan } from '../../../features/planning/get-plan.js';
import { getSuggestion } from '../../../features/planning/get-suggestion.js';
import { getWorkload } from '../../../features/planning/get-workload.js';
import { issueSuggestion } from '../../../features/planning/issue-suggestion.js';
import { listAssignees } from '../../../features/planning/list-assignees.js';
import { listAssignments } from '../../../features/planning/list-assignments.js';
import { listCampaignUnits } from '../../../features/planning/list-campaign-units.js';
import { listMyUnits } from '../../../features/planning/list-my-units.js';
import { listSuggestions } from '../../../features/planning/list-suggestions.js';
import { removeAssignments } from '../../../features/planning/remove-assignments.js';
import { setAssignments } from '../../../features/planning/set-assignments.js';
import { updatePlan } from '../../../features/planning/update-plan.js';
import { updateSuggestion } from '../../../features/planning/update-suggestion.js';
import { route, type RouteDef } from '../route.js';

const byId = z.object({ id });
const campaignErrors = ['campaign.not_found'] as const;
const campaignWriteErrors = ['campaign.not_found', 'campaign.closed'] as const;

/**
 * RFC 6266 / RFC 5987: an ASCII fallback for old clients (diacritics folded, the extension kept) and
 * the exact Vietnamese name in filename*, percent-encoded, so no quote or line break can get in.
 */
export function attachmentDisposition(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  const ext = dot > 0 && fileName.length - dot <= 10 ? foldForSearch(fileName.slice(dot)).replace(/[^a-z0-9.]/g, '') : '';
  const stem = dot > 0 && ext ? fileName.slice(0, dot) : fileName;
  const ascii =
    foldForSearch(stem)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 120) || 'tep-dinh-kem';
  const encoded = encodeURIComponent(fileName).replace(/['()*!]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}${ext}"; filename*=UTF-8''${encoded}`;
}

async function fileOf(body: Record<string, unknown>): Promise<FileUpload> {
  const file = body.file;
  if (!(file instanceof Blob)) throw new AppError('request.invalid', 'Chưa chọn tệp để đính kèm (trường "file").');
  return {
    name: (file as File).name || 'tep-dinh-kem',
    mime: file.type || 'application/octet-stream',
    content: Buffer.from(await file.arrayBuffer()),
  };
}

export const planningRoutes: RouteDef[] = [
  // ------------------------------------------------------------------ plan
  route({
    operationId: 'plans.get',
    method: 'get',
    path: '/campaigns/:id/plan',
    summary: 'Kế hoạch kiểm điểm của đợt: nội dung, trạng thái phê duyệt, tệp đính kèm',
    tag: 'planning',
    params: byId,
    response: planView,
    errors: [...campaignErrors],
    handler: ({ app, auth, params }) => getPlan(app, auth.principal, params.id),
  }),
  route({
    operationId: 'plans.update',
    method: 'put',
    path: '/campaigns/:id/plan',
    summary: 'Sửa nội dung kế hoạch (khi chưa phê duyệt; theo phiên bản của đợt)',
    tag: 'planning',
    params: byId,
    body: updatePlanBody,
    response: planView,
    errors: [...campaignWriteErrors, 'plan.invalid_transition', 'conflict.version'],
    handler: ({ app, auth, params, body }) => updatePlan(app, auth.principal, params.id, body),
  }),
  route({
    operationId: 'plans.approve',
    method: 'post',
    path: '/campaigns/:id/plan/approve',
    summary: 'Phê duyệt kế hoạch (Thường trực, Ban Thường vụ)',
    tag: 'planning',
    params: byId,
    body: approvePlanBody,
    response: planView,
    errors: [...campaignWriteErrors, 'plan.invalid_transition', 'conflict.version'],
    handler: ({ app, auth, params, body }) => approvePlan(app, auth.principal, params.id, body),
  }),
  route({
    operationId: 'plans.attach',
    method: 'post',
    path: '/campaigns/:id/plan/attachments',
    summary: 'Đính kèm tệp vào kế hoạch (trường "file"; tối đa theo cấu hình, mặc định 20 MB)',
    tag: 'planning',
    params: byId,
    body: 'multipart',
    response: attachmentView,
    errors: [...campaignWriteErrors, 'plan.invalid_transition', 'attachment.too_large', 'request.too_large'],
    async handler({ app, auth, params, body }) {
      return attachPlanFile(app, auth.principal, params.id, await fileOf(body as Record<string, unknown>));
    },
  }),
  route({
    operationId: 'attachments.download',
    method: 'get',
    path: '/attachments/:id',
    summary: 'Tải tệp đính kèm (kế hoạch, bản kiểm điểm, hồ sơ, ý kiến)',
    tag: 'attachments',
    params: byId,
    // The file's own type as uploaded (a PDF, a scan, a Word file …), always as a sandboxed attachment.
    response: { mediaType: '*/*' },
    errors: ['attachment.not_found'],
    async handler({ app, auth, params }) {
      const f = await downloadAttachment(app, auth.principal, params.id);
      return new Response(new Uint8Array(f.content), {
        headers: {
          'content-type': f.mime,
          'content-length': String(f.content.length),
          'content-disposition': attachmentDisposition(f.name),
          // Party documents and personal data: no shared or stored copies; never rendered inline.
          'cache-control': 'private, no-store',
          'x-content-type-options': 'nosniff',
          'content-security-policy': "sandbox; default-src 'none'",
        },
      });
    },
  }),
  route({
    operationId: 'attachments.delete',
    method: 'delete',
    path: '/attachments/:id',
    summary: 'Xóa tệp đính kèm (khi nơi chứa tệp còn được sửa)',
    tag: 'attachments',
    params: byId,
    response: okBody,
    errors: ['attachment.not_found', 'plan.invalid_transition', 'campaign.closed'],
    async handler({ app, auth, params }) {
      await removeAttachment(app, auth.principal, params.id);
      return { ok: true as const };
    },
  }),

  // ------------------------------------------------------------------ assignments
  route({
    operationId: 'assignments.list',
    method: 'get',
    path: '/campaigns/:id/assignments',
    summary: 'Phân công phụ trách, chỉ đạo các đơn vị (theo phạm vi của người xem)',
    tag: 'planning',
    params: byId,
    query: listAssignmentsQuery,
    response: listAssignmentsResponse,
    errors: [...campaignErrors],
    handler: ({ app, auth, params, query }) => listAssignments(app, auth.principal, params.id, query),
  }),
  route({
    operationId: 'assignments.set',
    method: 'post',
    path: '/campaigns/:id/assignments/bulk',
    summary: 'Phân công hàng loạt: mọi tổ hợp đơn vị × người × nhiệm vụ (đã có thì giữ nguyên)',
    tag: 'planning',
    params: byId,
    body: assignmentsBulkBody,
    response: assignmentsChangeResponse,
    errors: [...campaignWriteErrors, 'assignment.invalid', 'conflict.duplicate'],
    handler: ({ app, auth, params, body }) => setAssignments(app, auth.principal, params.id, body),
  }),
  route({
    operationId: 'assignments.remove',
    method: 'post',
    path: '/campaigns/:id/assignments/remove',
    summary: 'Bỏ phân công hàng loạt: mọi tổ hợp đơn vị × người × nhiệm vụ đã có',
    tag: 'planning',
    params: byId,
    body: assignmentsBulkBody,
    response: assignmentsChangeResponse,
    errors: [...campaignWriteErrors],
    handler: ({ app, auth, params, body }) => removeAssignments(app, auth.principal, params.id, body),
  }),
  route({
    operationId: 'assignments.units',
    method: 'get',
    path: '/campaigns/:id/assignments/units',
    summary: 'Các đơn vị của đợt kiểm điểm (trong phạm vi người xem) với giai đoạn hiện tại',
    tag: 'planning',
    params: byId,
    response: listCampaignUnitsResponse,
    errors: [...campaignErrors],
    handler: ({ app, auth, params }) => listCampaignUnits(app, auth.principal, params.id),
  }),
  route({
    operationId: 'assignments.assignees',
    method: 'get',
    path: '/campaigns/:id/assignments/assignees',
    summary: 'Những người có thể được phân công (Thường trực, Ban Thường vụ, Ban Tổ chức của cấp ủy chủ trì)',
    tag: 'planning',
    params: byId,
    response: listAssigneesResponse,
    errors: [...campaignErrors],
    handler: ({ app, auth, params }) => listAssignees(app, auth.principal, params.id),
  }),
  route({
    operationId: 'assignments.workload',
    method: 'get',
    path: '/campaigns/:id/workload',
    summary: 'Khối lượng phụ trách của từng người: đơn vị theo nhiệm vụ và giai đoạn',
    tag: 'planning',
    params: byId,
    response: workloadResponse,
    errors: [...campaignErrors],
    handler: ({ app, auth, params }) => getWorkload(app, auth.principal, params.id),
  }),
  route({
    operationId: 'assignments.mine',
    method: 'get',
    path: '/campaigns/:id/my-units',
    summary: 'Các đơn vị tôi được phân công phụ trách trong đợt, với giai đoạn hiện tại',
    tag: 'planning',
    params: byId,
    response: myUnitsResponse,
    errors: [...campaignErrors],
    handler: ({ app, auth, params }) => listMyUnits(app, auth.principal, params.id),
  }),

  // ------------------------------------------------------------------ suggestions
  route({
    operationId: 'suggestions.list',
    method: 'get',
    path: '/campaigns/:id/suggestions',
    summary: 'Các gợi ý kiểm điểm của đợt (theo phạm vi người xem)',
    tag: 'planning',
    params: byId,
    query: listSuggestionsQuery,
    response: listSuggestionsResponse,
    errors: [...campaignErrors],
    handler: ({ app, auth, params, query }) => listSuggestions(app, auth.principal, params.id, query),
  }),
  route({
    operationId: 'suggestions.create',
    method: 'post',
    path: '/campaigns/:id/suggestions',
    summary: 'Soạn gợi ý kiểm điểm cho một đơn vị hoặc một đảng viên',
    tag: 'planning',
    params: byId,
    body: createSuggestionBody,
    response: suggestionView,
    errors: [...campaignWriteErrors, 'campaign.not_in_population'],
    handler: ({ app, auth, params, body }) => createSuggestion(app, auth.principal, params.id, body),
  }),
  route({
    operationId: 'suggestions.get',
    method: 'get',
    path: '/suggestions/:id',
    summary: 'Một gợi ý kiểm điểm và các vấn đề của nó',
    tag: 'planning',
    params: byId,
    response: suggestionView,
    errors: ['suggestion.not_found'],
    handler: ({ app, auth, params }) => getSuggestion(app, auth.principal, params.id),
  }),
  route({
    operationId: 'suggestions.update',
    method: 'patch',
    path: '/suggestions/:id',
    summary: 'Sửa gợi ý kiểm điểm (khi còn là dự thảo; theo phiên bản)',
    tag: 'planning',
    params: byId,
    body: updateSuggestionBody,
    response: suggestionView,
    errors: ['suggestion.not_found', 'suggestion.invalid_transition', 'conflict.version', 'campaign.closed'],
    handler: ({ app, auth, params, body }) => updateSuggestion(app, auth.principal, params.id, body),
  }),
  route({
    operationId: 'suggestions.issue',
    method: 'post',
    path: '/suggestions/:id/issue',
    summary: 'Ban hành gợi ý kiểm điểm (đơn vị được gợi ý phải được Ban Tổ chức thẩm định trước hội nghị)',
    tag: 'planning',
    params: byId,
    body: issueSuggestionBody,
    response: suggestionView,
    errors: ['suggestion.not_found', 'suggestion.invalid_transition', 'conflict.version', 'campaign.closed'],
    handler: ({ app, auth, params, body }) => issueSuggestion(app, auth.principal, params.id, body),
  }),
  route({
    operationId: 'suggestions.delete',
    method: 'delete',
    path: '/suggestions/:id',
    summary: 'Xóa gợi ý kiểm điểm còn là dự thảo',
    tag: 'planning',
    params: byId,
    response: okBody,
    errors: ['suggestion.not_found', 'suggestion.invalid_transition', 'campaign.closed'],
    async handler({ app, auth, params }) {
      await deleteSuggestion(app, auth.principal, params.id);
      return { ok: true as const };
    },
  }),
];
