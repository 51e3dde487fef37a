// Official documents (issue 5 item 1): drafts built from the campaign's data, previewed as JSON and
// downloaded as Word or PDF; issuing takes a number from the register; the register lists and
// re-downloads what was issued.
import { z } from 'zod';
import { id } from '../../../../shared/contracts/common.js';
import {
  documentKind,
  documentModel,
  documentRequest,
  documentSettings,
  documentSettingsView,
  issueDocumentBody,
  registerEntry,
} from '../../../../shared/contracts/documents.js';
import { TYPE_CODES } from '../../../domain/documents/party-format.js';
import { canIssueDocumentsFor } from '../../../domain/documents/document-policy.js';
import { buildDocument } from '../../../features/documents/build-document.js';
import { getDocument } from '../../../features/documents/get-document.js';
import { getDocumentSettings, updateDocumentSettings } from '../../../features/documents/document-settings.js';
import { issueDocument } from '../../../features/documents/issue-document.js';
import { listDocuments } from '../../../features/documents/list-documents.js';
import { DOCX_MIME, issuedFileBase, PDF_MIME, renderDocumentFile } from '../../../features/documents/render-document.js';
import { fileDownload } from '../download.js';
import { route, type RouteDef } from '../route.js';

const draftResponse = z.object({
  model: documentModel,
  fileBase: z.string(),
  /** The kind takes a number and the caller may issue it for this issuer. */
  canIssue: z.boolean(),
  issuerName: z.string(),
});

const listQuery = z.object({
  campaignId: id.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  kind: documentKind.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

/** What a builder may answer: its own refusals and those of the use cases it reads through. */
const DRAFT_ERRORS = [
  'campaign.not_found',
  'campaign.not_in_population',
  'document.subject_required',
  'document.not_found',
  'auth.forbidden',
  'org_unit.not_found',
  'member.not_found',
  'review.not_found',
  'dossier.not_found',
  'suggestion.not_found',
  'conference.not_found',
  'decision.not_found',
  'remediation.not_found',
] as const;
const fileParam = z.object({ as: z.enum(['docx', 'pdf']) });
const idFileParams = z.object({ id, as: z.enum(['docx', 'pdf']) });

export const documentsRoutes: RouteDef[] = [
  // Before /documents/:id, which "settings" would otherwise match.
  route({
    operationId: 'documents.settings',
    method: 'get',
    path: '/documents/settings',
    summary: 'Thể thức văn bản: lề, cỡ chữ, số trang, tên cơ quan cấp trên, địa danh',
    tag: 'Văn bản',
    response: documentSettingsView,
    errors: ['auth.forbidden'],
    handler: ({ app, auth }) => getDocumentSettings(app, auth.principal),
  }),
  route({
    operationId: 'documents.update-settings',
    method: 'put',
    path: '/documents/settings',
    summary: 'Sửa thể thức văn bản (quản trị hoặc Văn phòng cấp ủy cao nhất)',
    tag: 'Văn bản',
    body: documentSettings,
    response: documentSettingsView,
    errors: ['auth.forbidden'],
    handler: ({ app, auth, body }) => updateDocumentSettings(app, auth.principal, body),
  }),
  route({
    operationId: 'documents.draft',
    method: 'get',
    path: '/documents/draft',
    summary: 'Dự thảo một văn bản của đợt kiểm điểm, để xem trước',
    tag: 'Văn bản',
    query: documentRequest,
    response: draftResponse,
    errors: [...DRAFT_ERRORS],
    async handler({ app, auth, query }) {
      const built = await buildDocument(app, auth.principal, query);
      return {
        model: built.model,
        fileBase: built.fileBase,
        canIssue: TYPE_CODES[query.kind] !== null && canIssueDocumentsFor(auth.principal, built.issuer.unit.path),
        issuerName: built.issuer.bodyName,
      };
    },
  }),
  route({
    operationId: 'documents.draft-file',
    method: 'get',
    path: '/documents/draft/:as',
    summary: 'Tải dự thảo văn bản (Word .docx hoặc PDF)',
    tag: 'Văn bản',
    params: fileParam,
    query: documentRequest,
    response: { mediaType: `${DOCX_MIME}, ${PDF_MIME}` },
    errors: [...DRAFT_ERRORS],
    async handler({ app, auth, params, query }) {
      const built = await buildDocument(app, auth.principal, query);
      const file = await renderDocumentFile(app.db, built.model, `Dự thảo - ${built.fileBase}`, params.as);
      return fileDownload(new Uint8Array(file.body), file.fileName, file.mediaType);
    },
  }),
  route({
    operationId: 'documents.issue',
    method: 'post',
    path: '/documents',
    summary: 'Ban hành văn bản: lấy số trong sổ văn bản của cơ quan ban hành',
    tag: 'Văn bản',
    body: issueDocumentBody,
    response: registerEntry,
    errors: [...DRAFT_ERRORS, 'document.not_numbered'],
    handler: ({ app, auth, body }) => issueDocument(app, auth.principal, body),
  }),
  route({
    operationId: 'documents.list',
    method: 'get',
    path: '/documents',
    summary: 'Sổ văn bản: các văn bản đã ban hành trong phạm vi của người dùng',
    tag: 'Văn bản',
    query: listQuery,
    response: z.object({ items: z.array(registerEntry), total: z.number().int() }),
    errors: [],
    handler: ({ app, auth, query }) => listDocuments(app, auth.principal, query),
  }),
  route({
    operationId: 'documents.get',
    method: 'get',
    path: '/documents/:id',
    summary: 'Một văn bản đã ban hành, như lưu trong sổ văn bản',
    tag: 'Văn bản',
    params: z.object({ id }),
    response: z.object({ entry: registerEntry, model: documentModel }),
    errors: ['document.not_found'],
    handler: ({ app, auth, params }) => getDocument(app, auth.principal, params.id),
  }),
  route({
    operationId: 'documents.file',
    method: 'get',
    path: '/documents/:id/:as',
    summary: 'Tải văn bản đã ban hành (Word .docx hoặc PDF)',
    tag: 'Văn bản',
    params: idFileParams,
    response: { mediaType: `${DOCX_MIME}, ${PDF_MIME}` },
    errors: ['document.not_found'],
    async handler({ app, auth, params }) {
      const { entry, model } = await getDocument(app, auth.principal, params.id);
      const file = await renderDocumentFile(app.db, model, issuedFileBase(entry.numberText, entry.title), params.as);
      return fileDownload(new Uint8Array(file.body), file.fileName, file.mediaType);
    },
  }),
];
