import { and, count, eq, gt, sql } from 'drizzle-orm';
import type { CurrentUser } from '../auth/types.js';
import { isModerator } from '../auth/users.js';
import type { Db } from '../db/client.js';
import { posts } from '../db/schema.js';
import { conflict, HttpError } from '../http/errors.js';

const DUPLICATE_WINDOW = '5 minutes';
const NEW_MEMBER_DAYS = 3;
const NEW_MEMBER_POSTS_PER_HOUR = 10;

/**
 * Checks that need the database, on top of the per-minute rate limit: the same text twice within five
 * minutes (a double click, a copy-paste spammer; surrounding whitespace does not make it new), and a stricter hourly allowance for members in their first days.
 */
export async function assertMayPost(db: Db, user: CurrentUser, body: string): Promise<void> {
  if (isModerator(user)) return;
  const [duplicate] = await db
    .select({ id: posts.id })
    .from(posts)
    .where(and(eq(posts.authorId, user.id), gt(posts.createdAt, sql`now() - ${DUPLICATE_WINDOW}::interval`), sql`btrim(${posts.body}) = ${body.trim()}`))
    .limit(1);
  if (duplicate) throw conflict('duplicate_post', 'Je hebt dit bericht net al geplaatst.');

  const newMember = Date.now() - user.createdAt.getTime() < NEW_MEMBER_DAYS * 24 * 3600 * 1000;
  if (!newMember) return;
  const [recent] = await db
    .select({ n: count() })
    .from(posts)
    .where(and(eq(posts.authorId, user.id), gt(posts.createdAt, sql`now() - interval '1 hour'`)));
  if ((recent?.n ?? 0) >= NEW_MEMBER_POSTS_PER_HOUR) {
    throw new HttpError(429, 'new_member_limit', 'Nieuwe leden kunnen de eerste dagen maximaal 10 berichten per uur plaatsen.', undefined, { 'Retry-After': '600' });
  }
}
