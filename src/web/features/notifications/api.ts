// Reads and writes of the caller's notifications, preferences and "việc cần làm".
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, apiRequest, withQuery } from '../../api/client';
import type {
  InboxResponse,
  ListNotificationsResponse,
  NotificationPreferences,
  NotificationView,
} from '../../../shared/contracts/notifications.js';

export type { InboxItem, InboxResponse, NotificationView, NotificationPreferences } from '../../../shared/contracts/notifications.js';

export const notificationKeys = {
  all: ['notifications'] as const,
  list: (p: { unread: boolean; page: number; pageSize: number }) => ['notifications', 'list', p] as const,
  unreadCount: ['notifications', 'unread-count'] as const,
  preferences: ['notifications', 'preferences'] as const,
  inbox: ['inbox'] as const,
};

/** The bell's number: polled every minute (issue 3 item 9), and refreshed after every change. */
export function useUnreadCount() {
  return useQuery({
    queryKey: notificationKeys.unreadCount,
    queryFn: () => api.get<{ count: number }>('/api/notifications/unread-count'),
    refetchInterval: 60_000,
    staleTime: 30_000,
  });
}

export function useNotifications(p: { unread: boolean; page: number; pageSize: number }) {
  return useQuery({
    queryKey: notificationKeys.list(p),
    queryFn: () =>
      api.get<ListNotificationsResponse>(
        withQuery('/api/notifications', { unread: p.unread ? 1 : null, page: p.page, pageSize: p.pageSize }),
      ),
    placeholderData: (prev) => prev,
  });
}

export function useInbox() {
  return useQuery({ queryKey: notificationKeys.inbox, queryFn: () => api.get<InboxResponse>('/api/inbox'), refetchInterval: 5 * 60_000 });
}

export function usePreferences() {
  return useQuery({
    queryKey: notificationKeys.preferences,
    queryFn: () => api.get<NotificationPreferences>('/api/notifications/preferences'),
  });
}

const refresh = (qc: QueryClient) => qc.invalidateQueries({ queryKey: notificationKeys.all });

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<NotificationView>(`/api/notifications/${id}/read`),
    onSuccess: () => refresh(qc),
  });
}

export function useMarkAllRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ updated: number }>('/api/notifications/read-all'),
    onSuccess: () => refresh(qc),
  });
}

export function useSavePreferences() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { dailyDigest: boolean; email: string | null }) =>
      apiRequest<NotificationPreferences>('PUT', '/api/notifications/preferences', body),
    onSuccess: (data) => qc.setQueryData(notificationKeys.preferences, data),
  });
}
