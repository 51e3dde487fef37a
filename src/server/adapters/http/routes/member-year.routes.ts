// Commitments and the facts of the year (issue 3 item 5): the member writes their own commitment;
// the unit committee records each member's facts by hand or from .xlsx.
import { z } from 'zod';
import { id } from '../../../../shared/contracts/common.js';
import {
  commitmentListResponse,
  commitmentView,
  importYearFactsResponse,
  listYearFactsQuery,
  listYearFactsResponse,
  memberYearFactsHistory,
  reviewYear,
  saveCommitmentBody,
  saveYearFactsBody,
  yearFactsView,
} from '../../../../shared/contracts/member-year.js';
import { AppError } from '../../../../shared/errors.js';
import { XLSX_MIME } from '../../../features/imports/queue-import-job.js';
import { downloadYearFactsTemplate } from '../../../features/member-year/download-year-facts-template.js';
import { getYearFacts } from '../../../features/member-year/get-year-facts.js';
import { importYearFacts } from '../../../features/member-year/import-year-facts.js';
import { listCommitments } from '../../../features/member-year/list-commitments.js';
import { listMemberYearFacts } from '../../../features/member-year/list-member-year-facts.js';
import { listYearFacts } from '../../../features/member-year/list-year-facts.js';
import { saveCommitment } from '../../../features/member-year/save-commitment.js';
import { saveYearFacts } from '../../../features/member-year/save-year-facts.js';
import { route, type RouteDef } from '../route.js';
import { contentDisposition, uploadOf } from './imports.routes.js';

const byMember = z.object({ id });
const byMemberYear = z.object({ id, year: reviewYear });

const importErrors = [
  'import.invalid_file',
  'import.too_large',
  'import.invalid_rows',
  'import.wrong_headers',
  'import.empty_file',
  'org_unit.not_found',
  'facts.invalid',
  'conflict.version',
  'request.too_large',
] as const;

const importFields = z.object({
  unitId: id,
  year: reviewYear,
});

function fieldsOf(body: Record<string, unknown>): z.infer<typeof importFields> {
  const r = importFields.safeParse({ unitId: body.unitId, year: body.year });
  if (!r.success) {
    const problems = r.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
    throw new AppError('request.invalid', 'Cần chọn đơn vị (unitId) và năm (year) hợp lệ để nhập.', { problems });
  }
  return r.data;
}

export const memberYearRoutes: RouteDef[] = [
  route({
    operationId: 'commitments.list',
    method: 'get',
    path: '/members/:id/commitments',
    summary: 'Bản cam kết tu dưỡng, rèn luyện, phấn đấu của đảng viên qua các năm (năm gần nhất trước)',
    tag: 'member-year',
    params: byMember,
    response: commitmentListResponse,
    errors: ['member.not_found', 'commitment.not_found'],
    handler: ({ app, auth, params }) => listCommitments(app, auth.principal, params.id),
  }),
  route({
    operationId: 'commitments.save',
    method: 'put',
    path: '/members/:id/commitments/:year',
    summary: 'Đảng viên viết hoặc sửa bản cam kết của năm hiện tại (các năm trước chỉ xem)',
    tag: 'member-year',
    params: byMemberYear,
    body: saveCommitmentBody,
    response: commitmentView,
    errors: ['member.not_found', 'commitment.not_found', 'commitment.past_year', 'conflict.version'],
    handler: ({ app, auth, params, body }) => saveCommitment(app, auth.principal, params.id, params.year, body),
  }),
  route({
    operationId: 'year-facts.template',
    method: 'get',
    path: '/year-facts/template',
    summary: 'Tải mẫu Excel nhập thông tin trong năm của đảng viên',
    tag: 'member-year',
    response: { mediaType: XLSX_MIME },
    errors: [],
    async handler({ app, auth }) {
      const t = await downloadYearFactsTemplate(app, auth.principal);
      return new Response(new Uint8Array(t.content), {
        headers: {
          'content-type': XLSX_MIME,
          'content-disposition': contentDisposition(t.fileName),
          'cache-control': 'no-store',
          'x-content-type-options': 'nosniff',
        },
      });
    },
  }),
  route({
    operationId: 'year-facts.import',
    method: 'post',
    path: '/year-facts/import',
    summary: 'Nhập thông tin trong năm của đảng viên từ tệp Excel (trường "file", "unitId", "year"); có dòng sai thì không ghi gì',
    tag: 'member-year',
    body: 'multipart',
    response: importYearFactsResponse,
    errors: [...importErrors],
    async handler({ app, auth, body }) {
      const b = body as Record<string, unknown>;
      const fields = fieldsOf(b);
      return importYearFacts(app, auth.principal, { upload: await uploadOf(b), ...fields });
    },
  }),
  route({
    operationId: 'year-facts.list',
    method: 'get',
    path: '/year-facts',
    summary: 'Đảng viên của một đơn vị (cả các cấp dưới) với thông tin trong năm, theo thứ tự danh sách đảng viên',
    tag: 'member-year',
    query: listYearFactsQuery,
    response: listYearFactsResponse,
    errors: ['org_unit.not_found'],
    handler: ({ app, auth, query }) => listYearFacts(app, auth.principal, query),
  }),
  route({
    operationId: 'year-facts.by-member',
    method: 'get',
    path: '/members/:id/year-facts',
    summary: 'Thông tin trong năm của một đảng viên qua các năm (năm gần nhất trước)',
    tag: 'member-year',
    params: byMember,
    response: memberYearFactsHistory,
    errors: ['member.not_found', 'facts.not_found'],
    handler: ({ app, auth, params }) => listMemberYearFacts(app, auth.principal, params.id),
  }),
  route({
    operationId: 'year-facts.get',
    method: 'get',
    path: '/members/:id/year-facts/:year',
    summary: 'Thông tin trong năm của đảng viên (kỷ luật, xếp loại công chức, chỉ tiêu, nghỉ ốm, thai sản, suy thoái, tín nhiệm)',
    tag: 'member-year',
    params: byMemberYear,
    response: yearFactsView,
    errors: ['member.not_found', 'facts.not_found'],
    handler: ({ app, auth, params }) => getYearFacts(app, auth.principal, params.id, params.year),
  }),
  route({
    operationId: 'year-facts.save',
    method: 'put',
    path: '/members/:id/year-facts/:year',
    summary: 'Cấp ủy cơ sở ghi thông tin trong năm của đảng viên',
    tag: 'member-year',
    params: byMemberYear,
    body: saveYearFactsBody,
    response: yearFactsView,
    errors: ['member.not_found', 'facts.not_found', 'facts.invalid', 'campaign.closed', 'conflict.version'],
    handler: ({ app, auth, params, body }) => saveYearFacts(app, auth.principal, params.id, params.year, body),
  }),
];
