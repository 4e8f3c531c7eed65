import { useInfiniteQuery, useMutation, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import type { NotificationList, NotificationSummary, ReadNotificationsBody } from '../../../shared/api/notifications';
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
 * Marks notifications read. The header count takes the server's answer at once, then asks again: a count fetched
 * while this request ran (the header refreshes on every navigation, and following a notification navigates) could
 * otherwise arrive later and show the old number. The list on screen keeps its "new" marks for notifications shown
 * without a link (the reader should still see what was new this visit); a followed one and "all" are marked read
 * in the cached list, so going back shows them read.
 */
export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ReadNotificationsBody & { followed?: boolean }) =>
      post<{ unreadCount: number }>('/api/notifications/read', body.all ? { all: true } : { ids: body.ids }),
    onSuccess: ({ unreadCount }, body) => {
      client.setQueryData<NotificationSummary>(notificationKeys.summary, (summary) => summary && { ...summary, unreadCount });
      void client.invalidateQueries({ queryKey: notificationKeys.summary });
      if (!body.all && !body.followed) return;
      const ids = new Set(body.ids);
      const now = new Date().toISOString();
      client.setQueryData<ListData>(notificationKeys.list, (data) =>
        data && {
          ...data,
          pages: data.pages.map((page) => ({
            ...page,
            unreadCount,
            notifications: page.notifications.map((n) => (body.all || ids.has(n.id) ? { ...n, readAt: n.readAt ?? now } : n)),
          })),
        },
      );
    },
  });
}
