import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CategoryList } from '../../../shared/api/forum';
import type { CategoryWatchAnswer, ThreadWatchAnswer } from '../../../shared/api/notifications';
import type { CategoryWatchLevel, ThreadWatchLevel } from '../../../shared/constants';
import { keys, type ThreadData } from './forum';
import { put } from './http';

/** Volgen / Normaal / Negeren for one thread. The saved level goes into the cached thread, so the page shows what is in force. */
export function useWatchThread(threadId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (level: ThreadWatchLevel) => put<ThreadWatchAnswer>(`/api/threads/${threadId}/watch`, { level }),
    onSuccess: ({ level }) =>
      client.setQueryData<ThreadData>(keys.thread(threadId), (data) => data && { ...data, pages: data.pages.map((page) => ({ ...page, watch: level })) }),
  });
}

/** Volgen / Normaal for new threads in one category (the category page reads its category from the categories list). */
export function useWatchCategory(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (level: CategoryWatchLevel) => put<CategoryWatchAnswer>(`/api/categories/${encodeURIComponent(slug)}/watch`, { level }),
    onSuccess: ({ level }) =>
      client.setQueryData<CategoryList>(keys.categories, (data) => data && { categories: data.categories.map((c) => (c.slug === slug ? { ...c, watch: level } : c)) }),
  });
}
