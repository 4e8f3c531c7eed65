import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { CurrentUser } from '../auth/types.js';
import type { DbOrTx } from '../db/client.js';
import { posts, threads } from '../db/schema.js';
import { postTextVisibleTo, threadVisibleTo } from '../forum/visibility.js';
import type { Token } from './mentions.js';

/**
 * Quotes: a blockquote that links to a post of this forum (`/discussie/12#bericht-34`, relative or with the site's
 * origin) quotes that post, and its author hears of it (posts.quoted_post_ids, read by the notification worker).
 * The Markdown form the composer writes: `> [Anna schreef](/discussie/12#bericht-34):` and the quoted lines below.
 * Counted: posts that exist, are not deleted, belong to the thread the link names, and that the writer may see
 * (post and thread, forum/visibility.ts): a link to anything else quotes nothing.
 */

/** Distinct posts one post may quote (and whose authors hear of it). */
export const MAX_QUOTED = 20;
const MAX_ID = 2_147_483_647;
const POST_PATH = /^\/discussie\/(\d{1,10})#bericht-(\d{1,10})$/;

interface PostLink {
  threadId: number;
  postId: number;
}

/** The post a link points at, if it is one of ours. `origin`: the site's own (scheme://host[:port]), if known. */
export function postLinkTarget(href: string, origin: string | undefined): PostLink | null {
  const path = origin && href.startsWith(`${origin}/`) ? href.slice(origin.length) : href;
  const match = POST_PATH.exec(path);
  if (!match) return null;
  const threadId = Number(match[1]);
  const postId = Number(match[2]);
  if (threadId < 1 || postId < 1 || threadId > MAX_ID || postId > MAX_ID) return null;
  return { threadId, postId };
}

/** Links to posts inside blockquotes (at any depth), distinct, in order, at most MAX_QUOTED. */
export function findQuotedLinks(tokens: Token[], origin: string | undefined): PostLink[] {
  const links: PostLink[] = [];
  let depth = 0;
  for (const token of tokens) {
    if (token.type === 'blockquote_open') depth++;
    else if (token.type === 'blockquote_close') depth--;
    else if (depth > 0 && token.type === 'inline') {
      for (const child of token.children ?? []) {
        const href = child.type === 'link_open' ? child.attrGet('href') : null;
        const target = href === null ? null : postLinkTarget(String(href), origin);
        if (target && !links.some((l) => l.postId === target.postId)) links.push(target);
        if (links.length >= MAX_QUOTED) return links;
      }
    }
  }
  return links;
}

/** The quoted posts that count (see above), in the order they were quoted. */
export async function resolveQuotes(db: DbOrTx, writer: CurrentUser, links: readonly PostLink[]): Promise<number[]> {
  if (links.length === 0) return [];
  const rows = await db
    .select({ id: posts.id, threadId: posts.threadId })
    .from(posts)
    .innerJoin(threads, eq(threads.id, posts.threadId))
    .where(
      and(
        inArray(posts.id, links.map((l) => l.postId)),
        isNull(posts.deletedAt),
        postTextVisibleTo(writer),
        threadVisibleTo(writer),
      ),
    );
  const found = new Map(rows.map((r) => [r.id, r.threadId]));
  return links.filter((l) => found.get(l.postId) === l.threadId).map((l) => l.postId);
}
