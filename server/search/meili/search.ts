import type { Meilisearch, MultiSearchQueryWithFederation } from 'meilisearch';
import type { EngineThreadHit, SearchRequest, SearchResult } from '../types.js';
import type { MeiliPost } from './documents.js';
import { filterExpression, meiliQueries } from './query.js';
import { OWN_SEARCH_ON, THREAD_SEARCH_ON } from './settings.js';

/**
 * match 'most' (no post has every word): Meilisearch drops words until posts match and ranks posts with more of
 * the words first ('words' is the first ranking rule). 'last' drops words from the end of the query (the first word
 * is always kept), 'frequency' drops the most common words first. Measured on the judged relevance set
 * (`npm run bench:relevance`, 78 queries): 'last' 78/78 in the first three, nDCG@10 0.949; 'frequency' 76/78, 0.923
 * (it missed "nieuwe naam na fusie" and "jongeren lid maken", both answered with 'most').
 */
export const MOST_STRATEGY: 'last' | 'frequency' = 'last';

type Found = Pick<MeiliPost, 'postId' | 'threadId' | 'body'>;
const RETRIEVE = ['postId', 'threadId', 'body'];

/**
 * One search, grouped per thread, in two round trips:
 * 1. the page of threads: every query (one per OR choice, query.ts) as one federated multi-search over title and
 *    body, one hit per thread (`distinct: threadId`), ranked by Meilisearch (or by date for 'newest');
 * 2. for the page's threads only, by the posts' own text (body, or the title on the opening post): the best post
 *    of each thread, and how many posts match (a facet count per thread). A thread found by its title alone (a
 *    reply whose thread is called so) keeps the post step 1 found and counts as one.
 */
export async function searchThreads(client: Meilisearch, indexUid: string, request: SearchRequest, synonymsInIndex: boolean): Promise<SearchResult> {
  const texts = meiliQueries(request.query, synonymsInIndex);
  if (texts.length === 0) return { hits: [], hasMore: false };
  const matchingStrategy = request.match === 'all' ? 'all' : MOST_STRATEGY;
  const queries = (filter: string | undefined, on: string[], extra: Partial<MultiSearchQueryWithFederation> = {}): MultiSearchQueryWithFederation[] =>
    texts.map((q) => ({ indexUid, q, filter, matchingStrategy, attributesToSearchOn: on, attributesToRetrieve: RETRIEVE, ...extra }));

  const sort = request.sort === 'newest' ? ['createdAt:desc'] : undefined;
  const threads = await client.multiSearch<{ federation: { offset: number; limit: number; distinct: string }; queries: MultiSearchQueryWithFederation[] }, Found>({
    federation: { offset: request.offset, limit: request.limit + 1, distinct: 'threadId' },
    queries: queries(filterExpression(request.filters), THREAD_SEARCH_ON, sort ? { sort } : {}),
  });
  const page = threads.hits.slice(0, request.limit);
  if (page.length === 0) return { hits: [], hasMore: false };

  const ids = page.map((h) => h.threadId);
  const ownFilter = filterExpression(request.filters, ids);
  const [best, counts] = await Promise.all([
    client.multiSearch<{ federation: { limit: number; distinct: string }; queries: MultiSearchQueryWithFederation[] }, Found>({
      federation: { limit: ids.length, distinct: 'threadId' },
      queries: queries(ownFilter, OWN_SEARCH_ON),
    }),
    client.multiSearch<{ federation: { limit: number; facetsByIndex: Record<string, string[]> }; queries: MultiSearchQueryWithFederation[] }, Found>({
      federation: { limit: 0, facetsByIndex: { [indexUid]: ['threadId'] } },
      queries: queries(ownFilter, OWN_SEARCH_ON, { attributesToRetrieve: [] }),
    }),
  ]);
  const bestOf = new Map(best.hits.map((h) => [h.threadId, h]));
  const countOf = counts.facetsByIndex?.[indexUid]?.distribution.threadId ?? {};
  const hits: EngineThreadHit[] = page.map((h) => {
    const post = bestOf.get(h.threadId) ?? h;
    return { threadId: h.threadId, postId: post.postId, matchingPosts: Math.max(1, countOf[String(h.threadId)] ?? 0), body: post.body };
  });
  return { hits, hasMore: threads.hits.length > request.limit };
}
