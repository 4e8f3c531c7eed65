import { useInfiniteQuery } from '@tanstack/react-query';
import { get, qs } from './http';

// The search answer as API.md gives it; shared/api/search.ts replaces this once the search concern ships it.
export interface SearchHit {
  threadId: number;
  postId: number;
  title: string;
  /** Sanitized by the server: the matched words in <mark>. */
  snippetHtml: string;
  categorySlug: string;
  author: { id: number; displayName: string } | string;
  createdAt: string;
}
export interface SearchAnswer {
  hits: SearchHit[];
  nextCursor: string | null;
  suggestion?: string | null;
}

export function useSearch(q: string, category: string) {
  return useInfiniteQuery({
    queryKey: ['search', q, category],
    queryFn: ({ pageParam }) => get<SearchAnswer>(`/api/search${qs({ q, category, cursor: pageParam })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled: q.trim().length > 0,
  });
}
