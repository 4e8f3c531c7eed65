import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CentreTeamBody, LogList, ModeratedThread, Queue, ThreadImpact, ResolveBody, RoleBody, ThreadPatchBody } from '../../../shared/api/moderation';
import type { ClaimKind } from '../../../shared/api/claims';
import type { User, UserList, UserSort } from '../../../shared/api/users';
import type { UserStatus } from '../../../shared/constants';
import { keys, updateThreadInfo, type ThreadData } from './forum';
import { del, get, patch, post, put, qs } from './http';

const modKeys = {
  queue: ['moderation', 'queue'] as const,
  users: (filter: UserFilter) => ['moderation', 'users', filter] as const,
  log: ['moderation', 'log'] as const,
};

export function useQueue() {
  return useInfiniteQuery({
    queryKey: modKeys.queue,
    queryFn: ({ pageParam }) => get<Queue>(`/api/moderation/queue${qs({ cursor: pageParam })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useResolve() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ reportId, ...body }: ResolveBody & { reportId: number }) => post<unknown>(`/api/moderation/reports/${reportId}/resolve`, body),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['moderation'] });
      // A hidden or deleted post changes threads the moderator may have open.
      void client.invalidateQueries({ queryKey: ['thread'] });
    },
  });
}

/** Which members to list: a status ('' for all), a search text and an order. */
export interface UserFilter {
  status: UserStatus | '';
  q?: string;
  sort?: UserSort;
}

export function useUsers(filter: UserFilter) {
  return useInfiniteQuery({
    queryKey: modKeys.users(filter),
    queryFn: ({ pageParam }) => get<UserList>(`/api/admin/users${qs({ status: filter.status, q: filter.q?.trim(), sort: filter.sort, cursor: pageParam })}`),
    // Typing a search keeps the last answer on screen until the next one arrives.
    placeholderData: keepPreviousData,
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useApprove() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => post<{ user: User }>(`/api/admin/users/${id}/approve`),
    // Not awaited: the caller's own onSuccess must run while the row that asked is still on screen.
    onSuccess: () => void client.invalidateQueries({ queryKey: ['moderation'] }),
  });
}

export function useLog() {
  return useInfiniteQuery({
    queryKey: modKeys.log,
    queryFn: ({ pageParam }) => get<LogList>(`/api/moderation/log${qs({ cursor: pageParam })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export type UserAction =
  | { action: 'reject'; body: { reason: string } }
  | { action: 'suspend'; body: { reason: string; days?: number } }
  | { action: 'lift'; body: Record<string, never> }
  | { action: 'representative'; body: { verified: boolean } }
  | { action: 'role'; body: RoleBody }
  | { action: 'centre-team'; body: CentreTeamBody };

/** The membership decisions besides approval; every one answers with the changed account. */
export function useUserAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, body }: UserAction & { id: number }) => post<{ user: User }>(`/api/admin/users/${id}/${action}`, body),
    // Not awaited: the caller's own onSuccess must run while the row that asked is still on screen.
    onSuccess: () => void client.invalidateQueries({ queryKey: ['moderation'] }),
  });
}

/** Pin, lock, move or rename a thread (moderators). The answer is the changed thread: it goes straight into the cache. */
export function useThreadPatch(threadId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ThreadPatchBody) => patch<ModeratedThread>(`/api/moderation/threads/${threadId}`, body),
    onSuccess: ({ thread }, body) => {
      client.setQueryData<ThreadData>(keys.thread(threadId), (data) => updateThreadInfo(data, thread));
      // A move or rename changes the lists the thread appears in (the old category's and the new one's) and the counts.
      if (body.categorySlug !== undefined || body.title !== undefined) {
        void client.invalidateQueries({ queryKey: ['threads'] });
        void client.invalidateQueries({ queryKey: keys.categories });
      }
    },
  });
}

/** Put a hidden post back (moderators). */
export function useRestorePost(threadId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (postId: number) => post<unknown>(`/api/moderation/posts/${postId}/restore`, {}),
    onSuccess: () => client.invalidateQueries({ queryKey: ['thread', threadId] }),
  });
}

/** Hide or delete someone's post (moderators), with the reason its author reads. */
export function usePostRemoval(threadId: number, action: 'hide' | 'delete') {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ postId, reason }: { postId: number; reason: string }) => post<unknown>(`/api/moderation/posts/${postId}/${action}`, { reason }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['thread', threadId] }),
  });
}

/** What hiding the whole thread would take from members; asked when the confirmation opens, not before. */
export function useThreadImpact(threadId: number, enabled: boolean) {
  return useQuery({
    queryKey: ['moderation', 'thread-impact', threadId],
    queryFn: () => get<ThreadImpact>(`/api/moderation/threads/${threadId}/impact`),
    enabled,
    staleTime: 0,
  });
}

/** Hide the whole thread from members (reason required), or show it again. */
export function useThreadHiding(threadId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ hide, reason }: { hide: boolean; reason?: string }) =>
      post<ModeratedThread>(`/api/moderation/threads/${threadId}/${hide ? 'hide' : 'restore'}`, reason ? { reason } : {}),
    onSuccess: ({ thread }) => {
      client.setQueryData<ThreadData>(keys.thread(threadId), (data) => updateThreadInfo(data, thread));
      void client.invalidateQueries({ queryKey: ['threads'] });
      void client.invalidateQueries({ queryKey: keys.categories });
    },
  });
}

/** Take an item of waiting work, or let it go (claims: two moderators do not handle one item at once). */
export function useClaim(kind: ClaimKind, id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (take: boolean) => (take ? put<unknown>(`/api/moderation/claims/${kind}/${id}`, {}) : del<unknown>(`/api/moderation/claims/${kind}/${id}`)),
    onSettled: () => client.invalidateQueries({ queryKey: ['moderation'] }),
  });
}
