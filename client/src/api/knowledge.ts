import { hashKey, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import type { SolutionAnswer } from '../../../shared/api/forum';
import type { ReactionAnswer, ReactorList } from '../../../shared/api/reactions';
import type { ReactionKind } from '../../../shared/constants';
import { keys, updateThreadInfo, type ThreadData } from './forum';
import { del, get, put, request } from './http';

/**
 * Best answers and reactions (issue 14): the routes of server/forum (solution, reactions), and the thread page's
 * cache as the buttons inside a post read it.
 */

export const reactorsKey = (postId: number) => ['reactors', postId] as const;

/**
 * The thread page as the cache holds it, for the parts of a post that depend on the whole page (is this the opening
 * post, may she mark the answer). Only read: the page itself (useThread) loads it, so no post asks for it again.
 */
export function useThreadData(threadId: number): ThreadData | undefined {
  const client = useQueryClient();
  const hash = hashKey(keys.thread(threadId));
  const subscribe = useCallback(
    (onChange: () => void) =>
      client.getQueryCache().subscribe((event) => {
        if (event.query.queryHash === hash) onChange();
      }),
    [client, hash],
  );
  return useSyncExternalStore(subscribe, () => client.getQueryData<ThreadData>(keys.thread(threadId)));
}

/** Her reactions and the counts, as the server answered, on the post wherever the page shows it. */
function applyReactions(data: ThreadData | undefined, postId: number, answer: ReactionAnswer): ThreadData | undefined {
  if (!data) return data;
  const change = <P extends { id: number }>(p: P): P => (p.id === postId ? { ...p, reactions: answer.reactions, myReactions: answer.myReactions } : p);
  return {
    ...data,
    pages: data.pages.map((page) => ({ ...page, posts: page.posts.map(change), solution: page.solution && change(page.solution) })),
  };
}

/** "Bedankt" or "Nuttig" given (on) or taken back on someone else's post. */
export function useReaction(threadId: number, postId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, on }: { kind: ReactionKind; on: boolean }) =>
      // No body: the route is all in the address.
      request<ReactionAnswer>(on ? 'PUT' : 'DELETE', `/api/posts/${postId}/reactions/${kind}`),
    onSuccess: (answer) => {
      client.setQueryData<ThreadData>(keys.thread(threadId), (data) => applyReactions(data, postId, answer));
      void client.invalidateQueries({ queryKey: reactorsKey(postId) });
      // The lists count reactions ("Meest gewaardeerd"); only one on screen is asked again.
      void client.invalidateQueries({ queryKey: ['threads'] });
    },
  });
}

/** Who reacted, per kind: asked for when "wie?" opens, and again each time (the names change as members react). */
export function useReactors(postId: number, enabled: boolean) {
  return useQuery({ queryKey: reactorsKey(postId), queryFn: () => get<ReactorList>(`/api/posts/${postId}/reactions`), enabled, staleTime: 0 });
}

/** The thread and its best answer as the server answered, on every loaded page (each carries both). */
export function applySolution(data: ThreadData | undefined, answer: SolutionAnswer): ThreadData | undefined {
  const updated = updateThreadInfo(data, answer.thread);
  if (!updated) return updated;
  return { ...updated, pages: updated.pages.map((page) => ({ ...page, solution: answer.solution })) };
}

/** Marks a reply as the best answer (a post id), or undoes the mark (null). */
export function useSolution(threadId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (postId: number | null) =>
      postId === null ? del<SolutionAnswer>(`/api/threads/${threadId}/solution`) : put<SolutionAnswer>(`/api/threads/${threadId}/solution`, { postId }),
    onSuccess: (answer) => {
      client.setQueryData<ThreadData>(keys.thread(threadId), (data) => applySolution(data, answer));
      // "Opgelost" shows in the category's lists and in search hits: those loaded are stale now.
      void client.invalidateQueries({ queryKey: keys.threads(answer.thread.categorySlug) });
      void client.invalidateQueries({ queryKey: ['search'] });
    },
  });
}
