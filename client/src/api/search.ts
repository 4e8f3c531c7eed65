import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { SearchResponse, SearchSort, SearchStatus, SimilarResponse } from '../../../shared/api/search';
import { get, qs } from './http';

export interface SearchFilters {
  q: string;
  category: string;
  /** YYYY-MM-DD, whole days; empty for no bound. */
  from: string;
  to: string;
  /** A member's id; null for every writer. */
  author: number | null;
  sort: SearchSort;
  /** Only solved or only unsolved threads; null for all of them. */
  status: SearchStatus | null;
}

export function useSearch({ q, category, from, to, author, sort, status }: SearchFilters) {
  return useInfiniteQuery({
    queryKey: ['search', q, category, from, to, author, sort, status],
    queryFn: ({ pageParam }) =>
      // relevance is the server's default: left out, so the address of a plain search stays short. The filters go
      // with every page: the cursor does not carry them.
      get<SearchResponse>(`/api/search${qs({ q, category, from, to, author, sort: sort === 'relevance' ? null : sort, status, cursor: pageParam })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled: q.trim().length > 0,
  });
}

/**
 * "Vergelijkbare discussies" for the title being typed (the caller debounces it; empty: off). The last answer stays
 * while the next one comes, so the list does not flicker away at every pause.
 */
export function useSimilarThreads(title: string, category = '') {
  return useQuery({
    queryKey: ['search-similar', title, category] as const,
    queryFn: () => get<SimilarResponse>(`/api/search/similar${qs({ title, category })}`),
    enabled: title !== '',
    staleTime: 60_000,
    placeholderData: keepPreviousData,
    // A failure here must never stand in the way of writing the thread: no retries, no error shown.
    retry: false,
  });
}
