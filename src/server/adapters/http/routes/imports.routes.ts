// Excel templates, imports and exports of members and org units, and the jobs that run large
// imports (issue 2 item 5).
import { Readable } from 'node:stream';
import { z } from 'zod';
import { id } from '../../../../shared/contracts/common.js';
import { importResponse, jobView } from '../../../../shared/contracts/jobs.js';
import { AppError } from '../../../../shared/errors.js';
import { downloadTemplate } from '../../../features/imports/download-template.js';
import { exportMembers } from '../../../features/imports/export-members.js';
import { getJob } from '../../../features/imports/get-job.js';
import { importMembers, XLSX_MIME } from '../../../features/imports/import-members.js';
import { importOrgUnits } from '../../../features/imports/import-org-units.js';
import type { Upload } from '../../../features/imports/read-upload.js';
import { fileDownload } from '../download.js';
import { route, type RouteDef } from '../route.js';

const XLSX = { mediaType: XLSX_MIME };

export { contentDisposition } from '../download.js';

function download(body: BodyInit, fileName: string): Response {
  return fileDownload(body, fileName, XLSX_MIME);
}

const optionalId = z.preprocess((v) => (v === '' || v === undefined ? null : v), id.nullable());

/** The uploaded .xlsx of a multipart body (field "file"); also used by the year-facts import. */
export async function uploadOf(body: Record<string, unknown>): Promise<Upload> {
  const file = body.file;
  if (!(file instanceof Blob)) throw new AppError('request.invalid', 'Chưa chọn tệp Excel (.xlsx) để tải lên (trường "file").');
  const name = (file as File).name || 'tep-tai-len.xlsx';
  return { content: Buffer.from(await file.arrayBuffer()), fileName: name.slice(0, 200) };
}

function field(body: Record<string, unknown>, name: string): string | null {
  const parsed = optionalId.safeParse(typeof body[name] === 'string' ? body[name] : undefined);
  if (!parsed.success) throw new AppError('request.invalid', `Mã tổ chức đảng (${name}) không hợp lệ.`);
  return parsed.data;
}

const importErrors = [
  'import.invalid_file',
  'import.too_large',
  'import.invalid_rows',
  'import.wrong_headers',
  'import.empty_file',
  'org_unit.not_found',
  'conflict.version',
  'request.too_large',
] as const;

export const importRoutes: RouteDef[] = [
  route({
    operationId: 'imports.members-template',
    method: 'get',
    path: '/imports/members/template',
    summary: 'Tải mẫu Excel nhập đảng viên',
    tag: 'imports',
    response: XLSX,
    errors: [],
    async handler({ app, auth }) {
      const t = await downloadTemplate(app, auth.principal, 'members');
      return download(new Uint8Array(t.content), t.fileName);
    },
  }),
  route({
    operationId: 'imports.org-units-template',
    method: 'get',
    path: '/imports/org-units/template',
    summary: 'Tải mẫu Excel nhập tổ chức đảng',
    tag: 'imports',
    response: XLSX,
    errors: [],
    async handler({ app, auth }) {
      const t = await downloadTemplate(app, auth.principal, 'org-units');
      return download(new Uint8Array(t.content), t.fileName);
    },
  }),
  route({
    operationId: 'members.import',
    method: 'post',
    path: '/imports/members',
    summary: 'Nhập đảng viên từ tệp Excel (trường "file"; "unitId" giới hạn các chi bộ được nhập)',
    tag: 'imports',
    body: 'multipart',
    response: importResponse,
    errors: [...importErrors],
    async handler({ app, auth, body }) {
      const b = body as Record<string, unknown>;
      return importMembers(app, auth.principal, { upload: await uploadOf(b), unitId: field(b, 'unitId') });
    },
  }),
  route({
    operationId: 'org-units.import',
    method: 'post',
    path: '/imports/org-units',
    summary: 'Nhập cây tổ chức đảng từ tệp Excel (trường "file"; "parentId" là cấp trên của các dòng không ghi mã cấp trên)',
    tag: 'imports',
    body: 'multipart',
    response: importResponse,
    errors: [...importErrors],
    async handler({ app, auth, body }) {
      const b = body as Record<string, unknown>;
      return importOrgUnits(app, auth.principal, { upload: await uploadOf(b), parentId: field(b, 'parentId') });
    },
  }),
  route({
    operationId: 'members.export',
    method: 'get',
    path: '/members/export',
    summary: 'Xuất danh sách đảng viên của một tổ chức đảng (cả các cấp dưới) ra tệp Excel',
    tag: 'members',
    query: z.object({ unit: id }),
    response: XLSX,
    errors: ['org_unit.not_found'],
    async handler({ app, auth, query }) {
      const out = await exportMembers(app, auth.principal, { unitId: query.unit });
      return download(Readable.toWeb(out.stream) as ReadableStream<Uint8Array>, out.fileName);
    },
  }),
  route({
    operationId: 'jobs.get',
    method: 'get',
    path: '/jobs/:id',
    summary: 'Tiến độ và kết quả của một tác vụ (chỉ người tạo hoặc quản trị xem được)',
    tag: 'jobs',
    params: z.object({ id }),
    response: jobView,
    errors: ['job.not_found'],
    handler: ({ app, auth, params }) => getJob(app, auth.principal, params.id),
  }),
];
