import { useQuery } from '@tanstack/react-query';
import type { NotificationSummary } from '../../../shared/api/notifications';
import { get } from './http';

/** Every notification query starts with this key, so one live event refreshes the counts and the list together. */
export const notificationKeys = {
  all: ['notifications'] as const,
  summary: ['notifications', 'summary'] as const,
  list: ['notifications', 'list'] as const,
};

/**
 * The header's counts: unread notifications, and for moderators what waits for them (open reports, registrations).
 * Kept tiny: it is part of the first download (the list hooks live in notification-list.ts). The header and the
 * moderation tabs read the same query, so one request serves both.
 */
export function useNotificationSummary(enabled: boolean) {
  return useQuery({
    queryKey: notificationKeys.summary,
    queryFn: () => get<NotificationSummary>('/api/notifications/summary'),
    enabled,
  });
}
