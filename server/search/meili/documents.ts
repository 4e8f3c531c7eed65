import { analyseText } from '../analysis/index.js';
import type { SearchDocument } from '../types.js';

/** A post as the Meilisearch index holds it. */
export interface MeiliPost {
  postId: number;
  threadId: number;
  categorySlug: string;
  authorId: number;
  /** Milliseconds since the epoch: numbers filter and sort, dates do not. */
  createdAt: number;
  /**
   * The thread is solved (for the solved filter). Documents written before it existed lack it: the filter for
   * unsolved threads is `solved != true`, which matches those too (meili/query.ts).
   */
  solved: boolean;
  /** The analysed terms (analysis/), space-separated, each word's terms in order: what is searched. */
  titleTerms: string;
  bodyTerms: string;
  /** titleTerms on the thread's opening post, empty on a reply: the post's own text (settings.ts). */
  ownTitleTerms: string;
  /** The plain text, not searched: the snippet is cut from it in the app. */
  body: string;
}

/** Space-joined terms of a text, in word order (a compound's root first, then its parts). */
export function termsText(text: string): string {
  return analyseText(text)
    .flatMap((t) => t.terms)
    .join(' ');
}

export function toMeiliPost(doc: SearchDocument, opening: boolean): MeiliPost {
  const titleTerms = termsText(doc.title);
  return {
    postId: doc.postId,
    threadId: doc.threadId,
    categorySlug: doc.categorySlug,
    authorId: doc.authorId,
    createdAt: doc.createdAt.getTime(),
    solved: doc.solved,
    titleTerms,
    bodyTerms: termsText(doc.body),
    ownTitleTerms: opening ? titleTerms : '',
    body: doc.body,
  };
}

export interface ChunkLimits {
  /** Documents per request. */
  maxDocs: number;
  /** JSON bytes per request: well under Meilisearch's payload limit (100 MB by default, often lowered by proxies). */
  maxBytes: number;
}

export const DEFAULT_CHUNKS: ChunkLimits = { maxDocs: 500, maxBytes: 4 * 1024 * 1024 };

/**
 * Splits documents into requests of bounded count and size: a thread event names all of a thread's posts, and a
 * thread of thousands of posts in one request would exceed the server's payload limit and be retried forever.
 * A document larger than maxBytes on its own gets a request of its own (the server decides whether it fits).
 */
export function chunkDocuments<T>(docs: readonly T[], limits: ChunkLimits): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let bytes = 2;
  for (const doc of docs) {
    const size = Buffer.byteLength(JSON.stringify(doc)) + 1;
    if (current.length > 0 && (current.length >= limits.maxDocs || bytes + size > limits.maxBytes)) {
      chunks.push(current);
      current = [];
      bytes = 2;
    }
    current.push(doc);
    bytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
