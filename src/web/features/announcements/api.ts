// Reads and writes of the announcements (tin mới cập nhật).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client';
import type { AnnouncementView, ListAnnouncementsResponse } from '../../../shared/contracts/announcements.js';

export type { AnnouncementView, ListAnnouncementsResponse, PostingUnit } from '../../../shared/contracts/announcements.js';

export const announcementKeys = {
  all: ['announcements'] as const,
  list: (p: { page?: number; pageSize?: number; limit?: number }) => ['announcements', 'list', p] as const,
};

export function useAnnouncements(p: { page?: number; pageSize?: number; limit?: number }) {
  return useQuery({
    queryKey: announcementKeys.list(p),
    queryFn: () => api.get<ListAnnouncementsResponse>(withQuery('/api/announcements', p)),
    placeholderData: (prev) => prev,
  });
}

export interface AnnouncementInput {
  unitId?: string;
  title: string;
  body: string | null;
  publishedOn: string | null;
}

/** Post, update and withdraw; every one refreshes the lists (the home card included). */
export function useAnnouncementActions() {
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: announcementKeys.all });
  const post = useMutation({
    mutationFn: (body: AnnouncementInput) => api.post<AnnouncementView>('/api/announcements', body),
    onSettled: refresh,
  });
  const update = useMutation({
    mutationFn: ({ id, ...body }: AnnouncementInput & { id: string; version: number }) =>
      api.patch<AnnouncementView>(`/api/announcements/${id}`, body),
    onSettled: refresh,
  });
  const withdraw = useMutation({
    mutationFn: (a: { id: string; version: number }) =>
      api.post<AnnouncementView>(`/api/announcements/${a.id}/withdraw`, { version: a.version }),
    onSettled: refresh,
  });
  return { post, update, withdraw };
}
