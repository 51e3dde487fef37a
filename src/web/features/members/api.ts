// Reads of members, shared by the lists, the member page and the unit page.
import type { QueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client';
import type { MemberDetail, MemberSummary, Page } from '../../api/types';

export interface MemberListParams {
  q?: string;
  unit?: string;
  status?: string;
  page: number;
  pageSize: number;
}

export const memberKeys = {
  list: (p: MemberListParams) => ['members', 'list', p] as const,
  detail: (id: string) => ['member', id] as const,
};

export const fetchMembers = (p: MemberListParams) => api.get<Page<MemberSummary>>(withQuery('/api/members', { ...p }));
export const fetchMember = (id: string) => api.get<MemberDetail>(`/api/members/${id}`);

export async function invalidateMembers(qc: QueryClient): Promise<void> {
  await Promise.all([
    qc.invalidateQueries({ queryKey: ['members'] }),
    qc.invalidateQueries({ queryKey: ['member'] }),
    qc.invalidateQueries({ queryKey: ['org-unit'] }),
    qc.invalidateQueries({ queryKey: ['history'] }),
  ]);
}
