import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Thread } from '../../../shared/api/forum';
import { keys } from '../api/forum';
import { threadHref } from '../api/reading';

/**
 * A thread's title in a list: with unread posts it opens at the first of them (`?vanaf=ongelezen`, pages/thread.tsx).
 * Following it is a new visit, which starts at her read marker as it is now: pages the cache kept from an earlier
 * visit would open where that one began, so they are dropped first (going back to a page keeps them).
 */
export function ThreadLink({ thread, children }: { thread: Pick<Thread, 'id' | 'unreadCount'>; children: ReactNode }) {
  const client = useQueryClient();
  const fresh = thread.unreadCount ? () => client.removeQueries({ queryKey: keys.thread(thread.id), exact: true }) : undefined;
  return (
    <Link to={threadHref(thread)} onClick={fresh}>
      {children}
    </Link>
  );
}
