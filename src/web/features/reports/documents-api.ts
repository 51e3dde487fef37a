// The documents API as the Báo cáo pages use it (issue 5 item 1).
import type { DocumentKind, DocumentModel, IssueDocumentBody, RegisterEntry } from '../../../shared/contracts/documents';
import { api, withQuery } from '../../api/client';

export interface DraftResponse {
  model: DocumentModel;
  fileBase: string;
  canIssue: boolean;
  issuerName: string;
}

export interface DocumentChoice {
  kind: DocumentKind;
  campaignId: string;
  subjectId?: string;
}

export const documentKeys = {
  draft: (c: DocumentChoice) => ['documents', 'draft', c.kind, c.campaignId, c.subjectId ?? ''] as const,
  register: (campaignId: string, q: object) => ['documents', 'register', campaignId, q] as const,
  issued: (id: string) => ['documents', 'issued', id] as const,
};

export const draftQuery = (c: DocumentChoice) => ({ kind: c.kind, campaignId: c.campaignId, subjectId: c.subjectId });

export const fetchDraft = (c: DocumentChoice) => api.get<DraftResponse>(withQuery('/api/documents/draft', draftQuery(c)));
export const draftFileUrl = (c: DocumentChoice, as: 'docx' | 'pdf') => withQuery(`/api/documents/draft/${as}`, draftQuery(c));
export const issueDocument = (body: IssueDocumentBody) => api.post<RegisterEntry>('/api/documents', body);
export const fetchRegister = (q: { campaignId: string; kind?: string; limit: number; offset: number }) =>
  api.get<{ items: RegisterEntry[]; total: number }>(withQuery('/api/documents', q));
export const fetchIssued = (id: string) => api.get<{ entry: RegisterEntry; model: DocumentModel }>(`/api/documents/${id}`);
export const issuedFileUrl = (id: string, as: 'docx' | 'pdf') => `/api/documents/${id}/${as}`;
