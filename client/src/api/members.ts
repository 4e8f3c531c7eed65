import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { MemberDirectory, MemberProfileBody } from '../../../shared/api/members';
import type { MemberSuggestions } from '../../../shared/api/notifications';
import { get, qs } from './http';

/** The @-autocomplete: active members whose name holds `q` (writers in `threadId` first). Off while `q` is empty. */
export function useMemberSuggestions(q: string, threadId: number | undefined) {
  return useQuery({
    queryKey: ['member-suggest', q, threadId ?? null] as const,
    queryFn: () => get<MemberSuggestions>(`/api/members/suggest${qs({ q, threadId })}`),
    enabled: q !== '',
    staleTime: 30_000,
    // The list stays while the next answer comes, instead of closing and opening at every letter.
    placeholderData: keepPreviousData,
  });
}

export function useMember(id: number) {
  return useQuery({ queryKey: ['member', id] as const, queryFn: () => get<MemberProfileBody>(`/api/members/${id}`), enabled: id > 0 });
}

/** The directory's filters as the API takes them; an empty string is no filter. */
export interface DirectoryFilters {
  q: string;
  municipality: string;
  province: string;
  role: string;
}

/** /leden: active members by name, a page at a time, for these filters. */
export function useMemberDirectory(filters: DirectoryFilters) {
  return useInfiniteQuery({
    queryKey: ['member-directory', filters] as const,
    queryFn: ({ pageParam }) => get<MemberDirectory>(`/api/members${qs({ ...filters, cursor: pageParam })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}
