import { useInfiniteQuery } from '@tanstack/react-query';
import type { SearchResponse } from '../../../shared/api/search';
import { get, qs } from './http';

export interface SearchFilters {
  q: string;
  category: string;
  /** YYYY-MM-DD, whole days; empty for no bound. */
  from: string;
  to: string;
}

export function useSearch({ q, category, from, to }: SearchFilters) {
  return useInfiniteQuery({
    queryKey: ['search', q, category, from, to],
    queryFn: ({ pageParam }) => get<SearchResponse>(`/api/search${qs({ q, category, from, to, cursor: pageParam })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled: q.trim().length > 0,
  });
}
