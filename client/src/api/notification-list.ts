import { useInfiniteQuery, useMutation, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import type { NotificationList, ReadNotificationsBody } from '../../../shared/api/notifications';
import { get, post, qs } from './http';
import { notificationKeys } from './notifications';

type ListData = InfiniteData<NotificationList, string | null>;

export function useNotifications() {
  return useInfiniteQuery({
    queryKey: notificationKeys.list,
    queryFn: ({ pageParam }) => get<NotificationList>(`/api/notifications${qs({ cursor: pageParam })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/**
 * Marks notifications read. The list on screen keeps its "new" marks for this visit (the reader should still
 * see what was new); only "all" also marks every loaded row, as the button promises. The count updates at once.
 */
export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ReadNotificationsBody) => post<{ unreadCount: number }>('/api/notifications/read', body),
    onSuccess: ({ unreadCount }, body) => {
      client.setQueryData(notificationKeys.unread, unreadCount);
      if (!body.all) return;
      const now = new Date().toISOString();
      client.setQueryData<ListData>(notificationKeys.list, (data) =>
        data && {
          ...data,
          pages: data.pages.map((page) => ({ ...page, unreadCount, notifications: page.notifications.map((n) => ({ ...n, readAt: n.readAt ?? now })) })),
        },
      );
    },
  });
}
