import { Meilisearch, type Index } from 'meilisearch';
import { cleanText, hasPositiveWord, MARK_END, MARK_START, snippetToHtml } from './text.js';
import type { SearchDocument, SearchFilters, SearchIndex, SearchRequest, SearchResult } from './types.js';

/** A SearchDocument as Meilisearch stores it. */
type MeiliPost = Omit<SearchDocument, 'createdAt'> & {
  /** Milliseconds since the epoch: numbers filter and sort, dates do not. */
  createdAt: number;
};

/** Frequent Dutch words that say nothing about a subject. */
const DUTCH_STOP_WORDS = [
  'de', 'het', 'een', 'en', 'van', 'in', 'op', 'te', 'dat', 'die', 'is', 'voor', 'met', 'aan', 'er', 'als', 'bij', 'om', 'ook',
  'tot', 'uit', 'maar', 'dan', 'of', 'zijn', 'was', 'wordt', 'door', 'naar', 'nog', 'wel', 'niet', 'ze', 'zij', 'hij', 'ik', 'je',
  'we', 'wij', 'u', 'dit', 'deze', 'wat', 'hoe', 'waar', 'al', 'over', 'heb', 'hebben', 'heeft', 'kan', 'kunnen', 'zou', 'moet',
];

const STOP_WORDS = new Set(DUTCH_STOP_WORDS);
const TASK_TIMEOUT_MS = 10_000;

/**
 * Meilisearch, through its official client; settings are applied at start. It holds one document per post that
 * search may show (documents.ts keeps only those, by forum/visibility.ts), so no visibility field or filter here;
 * its hits are checked against the forum tables again before they are shown (routes.ts).
 */
export class MeiliSearchIndex implements SearchIndex {
  readonly name = 'meilisearch';
  readonly suggests = false;
  private readonly client: Meilisearch;
  private readonly posts: Index<MeiliPost>;
  private ready = false;

  constructor(host: string, apiKey: string | null, indexUid = 'posts') {
    this.client = new Meilisearch({ host, ...(apiKey ? { apiKey } : {}), timeout: 5000 });
    this.posts = this.client.index<MeiliPost>(indexUid);
  }

  async setup(): Promise<void> {
    if (this.ready) return;
    // updateSettings creates the index when it does not exist yet.
    await this.posts
      .updateSettings({
        // Order matters: a title match ranks above a body match.
        searchableAttributes: ['title', 'body', 'authorName'],
        filterableAttributes: ['threadId', 'categorySlug', 'authorId', 'createdAt'],
        sortableAttributes: ['createdAt'],
        // Relevance first, recency as the tie-breaker.
        rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness', 'createdAt:desc'],
        stopWords: DUTCH_STOP_WORDS,
        typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 } },
        localizedAttributes: [{ attributePatterns: ['*'], locales: ['nld'] }],
      })
      .waitTask({ timeout: TASK_TIMEOUT_MS });
    this.ready = true;
  }

  async index(docs: SearchDocument[]): Promise<void> {
    if (docs.length === 0) return;
    await this.setup();
    const task = await this.posts
      .addDocuments(
        docs.map((d) => ({ ...d, createdAt: d.createdAt.getTime() })),
        { primaryKey: 'postId' },
      )
      .waitTask({ timeout: TASK_TIMEOUT_MS });
    if (task.status !== 'succeeded') throw new Error(`meilisearch refused documents: ${task.error?.message ?? task.status}`);
  }

  async remove(postIds: number[]): Promise<void> {
    if (postIds.length === 0) return;
    await this.setup();
    const task = await this.posts.deleteDocuments(postIds).waitTask({ timeout: TASK_TIMEOUT_MS });
    if (task.status !== 'succeeded') throw new Error(`meilisearch refused deletion: ${task.error?.message ?? task.status}`);
  }

  async health(): Promise<'ok' | 'degraded'> {
    return (await this.client.isHealthy()) ? 'ok' : 'degraded';
  }

  async search(request: SearchRequest): Promise<SearchResult> {
    // An empty q is Meilisearch's "placeholder search" (everything): a query of operators or stop words finds nothing.
    if (!hasPositiveWord(request.text, STOP_WORDS)) return { hits: [], hasMore: false, usedText: request.text };
    // Meilisearch has no OR operator: with `OF` we drop it and let any of the words match ("last" strategy).
    const hasOr = /(^|\s)OF(\s|$)/.test(request.text);
    const q = cleanText(request.text.replace(/(^|\s)OF(?=\s|$)/g, ' '));
    const response = await this.posts.search(q, {
      filter: filterExpression(request.filters),
      offset: request.offset,
      limit: request.limit + 1,
      matchingStrategy: hasOr ? 'last' : 'all',
      attributesToRetrieve: ['postId', 'threadId'],
      attributesToCrop: ['body'],
      cropLength: 30,
      cropMarker: '…',
      attributesToHighlight: ['body'],
      highlightPreTag: MARK_START,
      highlightPostTag: MARK_END,
    });
    const hits = response.hits.slice(0, request.limit).map((hit) => ({
      postId: hit.postId,
      threadId: hit.threadId,
      snippetHtml: snippetToHtml(String(hit._formatted?.body ?? '')),
    }));
    return { hits, hasMore: response.hits.length > request.limit, usedText: request.text };
  }
}

/** Filter syntax: values are numbers or quoted strings we built, never raw member input. */
export function filterExpression(filters: SearchFilters): string | undefined {
  const parts: string[] = [];
  if (filters.categorySlug !== undefined) parts.push(`categorySlug = ${JSON.stringify(filters.categorySlug)}`);
  if (filters.authorId !== undefined) parts.push(`authorId = ${Math.trunc(filters.authorId)}`);
  if (filters.from !== undefined) parts.push(`createdAt >= ${filters.from.getTime()}`);
  if (filters.to !== undefined) parts.push(`createdAt < ${filters.to.getTime()}`);
  if (filters.threadId !== undefined) parts.push(`threadId = ${Math.trunc(filters.threadId)}`);
  return parts.length > 0 ? parts.join(' AND ') : undefined;
}
