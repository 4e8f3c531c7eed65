import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import type { CategoryList, Post, PreviewAnswer, RevisionList, Thread, ThreadFilter, ThreadList, ThreadPage, ThreadSort, ThreadWithPost } from '../../../shared/api/forum';
import type { ReportReason } from '../../../shared/constants';
import { del, get, patch, post, qs } from './http';

export const keys = {
  categories: ['categories'] as const,
  threads: (slug: string) => ['threads', slug] as const,
  thread: (id: number) => ['thread', id] as const,
};

export function useCategories() {
  return useQuery({ queryKey: keys.categories, queryFn: () => get<CategoryList>('/api/categories') });
}

/** One category's threads, optionally only solved or unsolved ones, in either order; each choice is its own list under keys.threads(slug). */
export function useThreads(slug: string, { filter, sort }: { filter?: ThreadFilter; sort?: ThreadSort } = {}) {
  return useInfiniteQuery({
    queryKey: [...keys.threads(slug), { filter, sort }] as const,
    queryFn: ({ pageParam }) => get<ThreadList>(`/api/categories/${encodeURIComponent(slug)}/threads${qs({ cursor: pageParam, filter, sort })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** A post's earlier versions (its author and moderators), asked for when the history opens. */
export function useRevisions(postId: number, enabled: boolean) {
  return useQuery({ queryKey: ['revisions', postId], queryFn: () => get<RevisionList>(`/api/posts/${postId}/revisions`), enabled, staleTime: 0 });
}

/**
 * Where one page of a thread starts: the beginning ({}), her first unread post (`?vanaf=ongelezen`), after a page
 * (a cursor), or before the first post held ("Eerdere berichten laden", prepended).
 */
export type ThreadPageParam = { start?: 'unread'; cursor?: string; before?: number };

/**
 * A thread's pages. Loading them reads nothing: what she saw is reported apart (api/reading.ts useReadMarker).
 * `fromUnread`: a visit that starts at her first unread post, with the earlier posts one button away.
 */
export function useThread(id: number, { fromUnread = false }: { fromUnread?: boolean } = {}) {
  const client = useQueryClient();
  return useInfiniteQuery({
    queryKey: keys.thread(id),
    queryFn: ({ pageParam }) => {
      let param: ThreadPageParam & { after?: number } = pageParam;
      // Asked again (a refetch of the pages held), a page that began at her first unread post begins where it did:
      // her marker has moved on as she read, and starting after it would pull the posts she reads from under her.
      const first = pageParam.start ? client.getQueryData<ThreadData>(keys.thread(id))?.pages[0]?.posts[0] : undefined;
      if (first) param = { after: first.id - 1 };
      return get<ThreadPage>(`/api/threads/${id}${qs(param)}`);
    },
    initialPageParam: (fromUnread ? { start: 'unread' } : {}) as ThreadPageParam,
    getNextPageParam: (last): ThreadPageParam | undefined => (last.nextCursor ? { cursor: last.nextCursor } : undefined),
    getPreviousPageParam: (first): ThreadPageParam | undefined => (first.hasEarlier && first.posts[0] ? { before: first.posts[0].id } : undefined),
  });
}

export type ThreadData = InfiniteData<ThreadPage, ThreadPageParam>;

/** Adds or replaces a post in a loaded thread. A new post is only appended when the reader has every page (otherwise "meer laden" brings it). */
export function upsertPost(data: ThreadData | undefined, incoming: Post): ThreadData | undefined {
  if (!data) return data;
  let found = false;
  const pages = data.pages.map((page) => ({
    ...page,
    posts: page.posts.map((p) => {
      if (p.id !== incoming.id) return p;
      found = true;
      return mergePost(p, incoming);
    }),
    // The best answer is shown under the question too: an edit (or new counts) reaches that copy as well.
    solution: page.solution && page.solution.id === incoming.id ? mergePost(page.solution, incoming) : page.solution,
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

/**
 * A post as it now is, with what only this reader's own answers tell (shared/api/forum.ts Post): live events and
 * some answers leave her reactions and bookmark out, and leaving them out must not read as "none".
 */
function mergePost(cached: Post, incoming: Post): Post {
  return { ...incoming, myReactions: incoming.myReactions ?? cached.myReactions, bookmarked: incoming.bookmarked ?? cached.bookmarked };
}

/**
 * The best answer to show once the thread changed: none when it is no longer solved, else the post we hold. When
 * another reply became the answer and it is not loaded, the old one stays until the page is asked again
 * (use-thread-live.ts notices the difference).
 */
function solutionAfter(data: ThreadData, thread: Thread): Post | null {
  const current = data.pages[0]?.solution ?? null;
  if (!thread.solved || thread.solutionPostId === undefined) return null;
  if (current?.id === thread.solutionPostId) return current;
  return data.pages.flatMap((page) => page.posts).find((p) => p.id === thread.solutionPostId) ?? current;
}

export function updateThreadInfo(data: ThreadData | undefined, thread: Thread): ThreadData | undefined {
  if (!data) return data;
  const solution = solutionAfter(data, thread);
  // The server leaves `hidden` out when it is false, and `solutionPostId` when nothing is marked: a thread shown
  // again, or no longer solved, must lose what it had here.
  return { ...data, pages: data.pages.map((page) => ({ ...page, thread: { ...page.thread, hidden: undefined, solutionPostId: undefined, ...thread }, solution })) };
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

/** Reports a post to the moderators (components/report-dialog.tsx asks why). */
export const reportPost = (postId: number) => (reason: ReportReason, note: string) =>
  post<unknown>(`/api/posts/${postId}/reports`, note.trim() ? { reason, note: note.trim() } : { reason });
