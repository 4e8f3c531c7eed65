import { and, desc, eq, gt, sql } from 'drizzle-orm';
import type { CurrentUser } from '../auth/types.js';
import { isModerator } from '../auth/users.js';
import type { Db } from '../db/client.js';
import { posts } from '../db/schema.js';
import { conflict, HttpError } from '../http/errors.js';

const DUPLICATE_WINDOW = '5 minutes';
/**
 * How many of her latest posts the duplicate check reads, so its cost does not grow with how much she posts (a
 * member with 1,000 posts in the window cost every reply a scan of all of them). 120 keeps the rule exactly as it
 * was under the default limits: 10 replies and 10 new threads a minute (RATE_LIMIT_POST_MAX), counted in fixed
 * minutes, of which a five-minute span touches at most six, is at most 120 posts. Only with raised limits could a
 * text older than her last 120 posts come back within five minutes, and that is a flood the per-minute limit exists for.
 */
export const DUPLICATE_LOOKBACK = 120;
export const NEW_MEMBER_DAYS = 3;
const NEW_MEMBER_POSTS_PER_HOUR = 10;

/**
 * Checks that need the database, on top of the per-minute rate limit: the same text twice within five
 * minutes (a double click, a copy-paste spammer; surrounding whitespace does not make it new), and a stricter hourly allowance for members in their first days.
 */
export async function assertMayPost(db: Db, user: CurrentUser, body: string): Promise<void> {
  if (isModerator(user)) return;
  // Her latest posts through posts_author_id_created_at_idx, read backwards and stopping at the lookback: only
  // those rows' bodies are fetched and compared. The window's start is a sub-select on purpose: with a plain
  // `now() - interval` the planner multiplies "her posts" by "the last five minutes" as if they were unrelated,
  // expects a few rows, and picks a bitmap scan plus sort that reads every post of a burst (1,000 posts: 490 pages,
  // 1.3 ms). Not knowing the bound, it assumes a third of her posts, so a busy poster gets the backward index scan
  // that stops at the lookback (65 pages, 0.2 ms) and a quiet one a bitmap scan of her few recent rows.
  const trimmed = body.trim();
  const latest = db
    .select({ body: posts.body })
    .from(posts)
    .where(and(eq(posts.authorId, user.id), gt(posts.createdAt, sql`(select now() - ${DUPLICATE_WINDOW}::interval)`)))
    .orderBy(desc(posts.createdAt))
    .limit(DUPLICATE_LOOKBACK)
    .as('latest');
  const [duplicate] = await db
    .select({ one: sql<number>`1` })
    .from(latest)
    .where(sql`btrim(${latest.body}) = ${trimmed}`)
    .limit(1);
  if (duplicate) throw conflict('duplicate_post', 'Je hebt dit bericht net al geplaatst.');

  const newMember = Date.now() - user.createdAt.getTime() < NEW_MEMBER_DAYS * 24 * 3600 * 1000;
  if (!newMember) return;
  // Counting stops at the allowance: whether she reached it is all this needs to know.
  const recent = await db
    .select({ id: posts.id })
    .from(posts)
    .where(and(eq(posts.authorId, user.id), gt(posts.createdAt, sql`now() - interval '1 hour'`)))
    .limit(NEW_MEMBER_POSTS_PER_HOUR);
  if (recent.length >= NEW_MEMBER_POSTS_PER_HOUR) {
    throw new HttpError(429, 'new_member_limit', 'Nieuwe leden kunnen de eerste dagen maximaal 10 berichten per uur plaatsen.', undefined, { 'Retry-After': '600' });
  }
}
