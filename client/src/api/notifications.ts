import { useQuery } from '@tanstack/react-query';
import type { NotificationList } from '../../../shared/api/notifications';
import { get } from './http';

/** Every notification query starts with this key, so one live event refreshes the count and the list together. */
export const notificationKeys = {
  all: ['notifications'] as const,
  unread: ['notifications', 'unread'] as const,
  list: ['notifications', 'list'] as const,
};

/** The header's unread count. Kept tiny: it is part of the first download (the list hooks live in notification-list.ts). */
export function useUnreadCount(enabled: boolean) {
  return useQuery({
    queryKey: notificationKeys.unread,
    queryFn: async () => (await get<NotificationList>('/api/notifications?limit=1')).unreadCount,
    enabled,
  });
}
