// Reads and writes of commitments and the facts of the year (issue 3 item 5), shared by the
// member's commitment page, the unit committee's facts page and the member page.
import type { QueryClient } from '@tanstack/react-query';
import { api, apiRequest, withQuery } from '../../api/client';
import type {
  CommitmentListResponse,
  CommitmentView,
  ImportYearFactsResponse,
  ListYearFactsResponse,
  MemberYearFactsHistory,
  SaveCommitmentBody,
  SaveYearFactsBody,
  YearFactsView,
} from '../../../shared/contracts/member-year.js';

export type {
  CommitmentListResponse,
  CommitmentView,
  ImportYearFactsResponse,
  ListYearFactsResponse,
  MemberYearFactsHistory,
  YearFactsView,
};
export type { CommitmentItem, Discipline, YearFacts, YearFactsRow } from '../../../shared/contracts/member-year.js';

export interface YearFactsListParams {
  unitId?: string | null;
  year: number;
  page: number;
  pageSize: number;
}

export const memberYearKeys = {
  commitments: (memberId: string) => ['commitments', memberId] as const,
  factsHistory: (memberId: string) => ['year-facts', 'member', memberId] as const,
  facts: (memberId: string, year: number) => ['year-facts', 'member', memberId, year] as const,
  list: (p: YearFactsListParams) => ['year-facts', 'list', p] as const,
};

export const fetchCommitments = (memberId: string) => api.get<CommitmentListResponse>(`/api/members/${memberId}/commitments`);

export const saveCommitment = (memberId: string, year: number, body: SaveCommitmentBody) =>
  apiRequest<CommitmentView>('PUT', `/api/members/${memberId}/commitments/${year}`, body);

export const fetchFactsHistory = (memberId: string) => api.get<MemberYearFactsHistory>(`/api/members/${memberId}/year-facts`);

export const fetchYearFacts = (memberId: string, year: number) => api.get<YearFactsView>(`/api/members/${memberId}/year-facts/${year}`);

export const saveYearFacts = (memberId: string, year: number, body: SaveYearFactsBody) =>
  apiRequest<YearFactsView>('PUT', `/api/members/${memberId}/year-facts/${year}`, body);

export const fetchYearFactsList = (p: YearFactsListParams) => api.get<ListYearFactsResponse>(withQuery('/api/year-facts', { ...p }));

export function importYearFacts(file: File, unitId: string, year: number): Promise<ImportYearFactsResponse> {
  const form = new FormData();
  form.append('file', file);
  form.append('unitId', unitId);
  form.append('year', String(year));
  return api.upload<ImportYearFactsResponse>('/api/year-facts/import', form);
}

export async function invalidateYearFacts(qc: QueryClient): Promise<void> {
  await qc.invalidateQueries({ queryKey: ['year-facts'] });
}
