import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type InfiniteData, type QueryClient } from '@tanstack/react-query';
import type { Bookmark, BookmarkAnswer, BookmarkBody, BookmarkList, MaybeBookmark } from '../../../shared/api/bookmarks';
import { keys, type ThreadData } from './forum';
import { ApiError, del, get, put, qs } from './http';

export const bookmarkKeys = {
  list: ['bookmarks'] as const,
  /** One post's bookmark, looked up for the dialog on the thread page (see useBookmarkOf). */
  ofPost: (postId: number) => ['bookmarks', 'post', postId] as const,
};

type ListData = InfiniteData<BookmarkList, string | null>;

const listPage = (cursor: string | null) => get<BookmarkList>(`/api/bookmarks${qs({ cursor })}`);

/** /bewaard: hers, newest first, a page at a time. */
export function useBookmarks() {
  return useInfiniteQuery({
    queryKey: bookmarkKeys.list,
    queryFn: ({ pageParam }) => listPage(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** The bookmark of a post the thread page shows as saved, for its dialog: the note and reminder she set; null when none. */
export function useBookmarkOf(postId: number, enabled: boolean) {
  return useQuery({
    queryKey: bookmarkKeys.ofPost(postId),
    queryFn: async () => (await get<MaybeBookmark>(`/api/posts/${postId}/bookmark`)).bookmark,
    enabled,
    // Asked again each time the dialog opens: she may have changed it on /bewaard in between.
    staleTime: 0,
    gcTime: 0,
  });
}

/** Sets `bookmarked` on the post wherever a loaded thread shows it (the thread is not always known: an unavailable bookmark has none). */
function markInThreads(client: QueryClient, postId: number, threadId: number | null, bookmarked: boolean) {
  const update = (data: ThreadData | undefined) =>
    data && {
      ...data,
      pages: data.pages.map((page) => (page.posts.some((p) => p.id === postId) ? { ...page, posts: page.posts.map((p) => (p.id === postId ? { ...p, bookmarked } : p)) } : page)),
    };
  if (threadId !== null) client.setQueryData<ThreadData>(keys.thread(threadId), update);
  else client.setQueriesData<ThreadData>({ queryKey: ['thread'] }, update);
}

/** The list without one bookmark, or with it replaced; null from `replace` removes it. */
function updateList(client: QueryClient, postId: number, replace: Bookmark | null) {
  client.setQueryData<ListData>(
    bookmarkKeys.list,
    (data) =>
      data && {
        ...data,
        pages: data.pages.map((page) => ({
          ...page,
          bookmarks: replace ? page.bookmarks.map((b) => (b.postId === postId ? replace : b)) : page.bookmarks.filter((b) => b.postId !== postId),
        })),
      },
  );
}

/**
 * Saves a post, or changes her note and reminder (PUT is both). The thread shows it as saved; the list on /bewaard
 * takes the new version in place, and is asked again for a new one (it belongs at the top).
 */
export function useSaveBookmark() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ postId, body }: { postId: number; threadId: number | null; body: BookmarkBody }) => put<BookmarkAnswer>(`/api/posts/${postId}/bookmark`, body),
    onSuccess: ({ bookmark }, { postId, threadId }) => {
      markInThreads(client, postId, threadId ?? bookmark.threadId, true);
      const listed = client.getQueryData<ListData>(bookmarkKeys.list)?.pages.some((p) => p.bookmarks.some((b) => b.postId === postId));
      if (listed) updateList(client, postId, bookmark);
      else void client.invalidateQueries({ queryKey: bookmarkKeys.list, exact: true });
      client.removeQueries({ queryKey: bookmarkKeys.ofPost(postId) });
    },
  });
}

/** "Niet meer bewaren": off the list at once (its item goes away under her focus: the page moves it), and off in the thread. */
export function useRemoveBookmark() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ postId }: { postId: number; threadId: number | null }) => {
      try {
        await del<void>(`/api/posts/${postId}/bookmark`);
      } catch (error) {
        // Already gone (let go in another tab): what she asked for is so, and this page should say so too.
        if (!(error instanceof ApiError && error.status === 404)) throw error;
      }
    },
    onSuccess: (_answer, { postId, threadId }) => {
      markInThreads(client, postId, threadId, false);
      updateList(client, postId, null);
      client.removeQueries({ queryKey: bookmarkKeys.ofPost(postId) });
    },
  });
}
