import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { SearchResponse, SearchSort, SimilarResponse } from '../../../shared/api/search';
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
}

export function useSearch({ q, category, from, to, author, sort }: SearchFilters) {
  return useInfiniteQuery({
    queryKey: ['search', q, category, from, to, author, sort],
    queryFn: ({ pageParam }) =>
      // relevance is the server's default: left out, so the address of a plain search stays short.
      get<SearchResponse>(`/api/search${qs({ q, category, from, to, author, sort: sort === 'relevance' ? null : sort, cursor: pageParam })}`),
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
