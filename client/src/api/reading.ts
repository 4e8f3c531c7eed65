import { useInfiniteQuery, type QueryClient } from '@tanstack/react-query';
import type { RecentTab, Thread, ThreadList } from '../../../shared/api/forum';
import type { NotificationSummary } from '../../../shared/api/notifications';
import { get, post, qs } from './http';
import { notificationKeys } from './notifications';

/**
 * "Where you left off" (issue 14): the lists of what is new to her (GET /api/threads/recent) and the report of what
 * she saw of a thread (POST /api/threads/:id/read), which is what moves her read marker; loading a page does not.
 */

export const readingKeys = {
  all: ['recent'] as const,
  recent: (tab: RecentTab) => ['recent', tab] as const,
};

/** One tab of "Nieuw en ongelezen", across every category she may enter. */
export function useRecentThreads(tab: RecentTab) {
  return useInfiniteQuery({
    queryKey: readingKeys.recent(tab),
    queryFn: ({ pageParam }) => get<ThreadList>(`/api/threads/recent${qs({ tab, cursor: pageParam })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** Tells the server she saw the thread up to `postId`; then what counts her unread things is asked again. */
export async function reportRead(client: QueryClient, threadId: number, postId: number): Promise<void> {
  await post<void>(`/api/threads/${threadId}/read`, { postId });
  // The notifications about the posts she saw are read now (server/forum/reading.ts): the header's count follows.
  if ((client.getQueryData<NotificationSummary>(notificationKeys.summary)?.unreadCount ?? 0) > 0) void client.invalidateQueries({ queryKey: notificationKeys.summary });
  // The lists' unread counts are behind now. Hidden while she reads, they are asked again when next shown; one shown
  // already (the report sent as she left the thread for it) is asked again now.
  void client.invalidateQueries({ queryKey: ['threads'] });
  void client.invalidateQueries({ queryKey: readingKeys.all });
}

/** Where a link to a thread goes: straight to her first unread post when it has unread posts, else to its start. */
export const threadHref = (thread: Pick<Thread, 'id' | 'unreadCount'>): string => `/discussie/${thread.id}${thread.unreadCount ? '?vanaf=ongelezen' : ''}`;
