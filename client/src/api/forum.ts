import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import type { CategoryList, Post, PreviewAnswer, RevisionList, Thread, ThreadList, ThreadPage, ThreadWithPost } from '../../../shared/api/forum';
import { del, get, patch, post, qs } from './http';
import type { NotificationSummary } from '../../../shared/api/notifications';
import { notificationKeys } from './notifications';

export const keys = {
  categories: ['categories'] as const,
  threads: (slug: string) => ['threads', slug] as const,
  thread: (id: number) => ['thread', id] as const,
};

export function useCategories() {
  return useQuery({ queryKey: keys.categories, queryFn: () => get<CategoryList>('/api/categories') });
}

export function useThreads(slug: string) {
  return useInfiniteQuery({
    queryKey: keys.threads(slug),
    queryFn: ({ pageParam }) => get<ThreadList>(`/api/categories/${encodeURIComponent(slug)}/threads${qs({ cursor: pageParam })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** A post's earlier versions (its author and moderators), asked for when the history opens. */
export function useRevisions(postId: number, enabled: boolean) {
  return useQuery({ queryKey: ['revisions', postId], queryFn: () => get<RevisionList>(`/api/posts/${postId}/revisions`), enabled, staleTime: 0 });
}

export function useThread(id: number) {
  const client = useQueryClient();
  return useInfiniteQuery({
    queryKey: keys.thread(id),
    queryFn: async ({ pageParam }) => {
      const page = await get<ThreadPage>(`/api/threads/${id}${qs({ cursor: pageParam })}`);
      // Loading posts reads the notifications about them (server: thread-routes.ts), so the header's count follows.
      if ((client.getQueryData<NotificationSummary>(notificationKeys.summary)?.unreadCount ?? 0) > 0) void client.invalidateQueries({ queryKey: notificationKeys.summary });
      return page;
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export type ThreadData = InfiniteData<ThreadPage, string | null>;

/** Adds or replaces a post in a loaded thread. A new post is only appended when the reader has every page (otherwise "meer laden" brings it). */
export function upsertPost(data: ThreadData | undefined, incoming: Post): ThreadData | undefined {
  if (!data) return data;
  let found = false;
  const pages = data.pages.map((page) => ({
    ...page,
    posts: page.posts.map((p) => {
      if (p.id !== incoming.id) return p;
      found = true;
      return incoming;
    }),
  }));
  const last = pages[pages.length - 1];
  if (!found && last && last.nextCursor === null) {
    const newest = last.posts[last.posts.length - 1];
    if (!newest || newest.id < incoming.id) {
      last.posts = [...last.posts, incoming];
      // The page header reads the thread from the first page: count the new post on every page.
      return { ...data, pages: pages.map((page) => ({ ...page, thread: { ...page.thread, postCount: page.thread.postCount + 1, lastPostAt: incoming.createdAt } })) };
    }
  }
  return { ...data, pages };
}

export function updateThreadInfo(data: ThreadData | undefined, thread: Thread): ThreadData | undefined {
  if (!data) return data;
  // The server leaves `hidden` out when it is false: a thread shown again must lose the flag it had here.
  return { ...data, pages: data.pages.map((page) => ({ ...page, thread: { ...page.thread, hidden: undefined, ...thread } })) };
}

export function useCreateThread() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { categorySlug: string; title: string; body: string }) => post<ThreadWithPost>('/api/threads', body),
    onSuccess: ({ thread }) => {
      void client.invalidateQueries({ queryKey: keys.threads(thread.categorySlug) });
      void client.invalidateQueries({ queryKey: keys.categories });
    },
  });
}

export function useReply(threadId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { body: string; replyToPostId: number | null }) => post<{ post: Post }>(`/api/threads/${threadId}/posts`, body),
    onSuccess: ({ post: created }) => client.setQueryData<ThreadData>(keys.thread(threadId), (data) => upsertPost(data, created)),
  });
}

export function useEditPost(threadId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: string }) => patch<{ post: Post }>(`/api/posts/${id}`, { body }),
    onSuccess: ({ post: edited }) => client.setQueryData<ThreadData>(keys.thread(threadId), (data) => upsertPost(data, edited)),
  });
}

export function useDeletePost(threadId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => del<void>(`/api/posts/${id}`),
    // The server keeps a "removed" placeholder; refetching shows exactly what it shows.
    onSuccess: () => client.invalidateQueries({ queryKey: keys.thread(threadId) }),
  });
}

/**
 * The server's own rendering of a draft (the renderer and sanitizer that posting uses), asked for only while the
 * preview is shown. Kept per text, so looking again at an unchanged draft asks nothing.
 */
export function usePreview(body: string, enabled: boolean) {
  return useQuery({
    queryKey: ['preview', body] as const,
    queryFn: () => post<PreviewAnswer>('/api/posts/preview', { body }),
    enabled: enabled && body.trim() !== '',
    staleTime: Infinity,
    gcTime: 60_000,
  });
}

export function useReport() {
  return useMutation({
    mutationFn: ({ postId, reason, note }: { postId: number; reason: string; note: string }) =>
      post<unknown>(`/api/posts/${postId}/reports`, note.trim() ? { reason, note: note.trim() } : { reason }),
  });
}
