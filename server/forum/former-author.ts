import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../db/client.js';
import { publish } from '../events/publish.js';

/** What a deleted member's posts show instead of their text, when she chose to remove it. */
export const REMOVED_TEXT = 'Dit bericht is verwijderd op verzoek van de schrijver.';

interface PostRef {
  id: number;
  thread_id: number;
  category_id: number;
}

/** Regular-expression metacharacters of PostgreSQL's ARE flavour, escaped, so her name matches only itself. */
const regexLiteral = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface HandOver {
  userId: number;
  /** Her display name, as others' posts mention it. */
  displayName: string;
  /** The "Oud-lid" account (server/privacy/former-member.ts). */
  formerId: number;
  formerName: string;
  /** Replace the text of her posts by REMOVED_TEXT and delete their earlier versions. */
  removeText: boolean;
}

/**
 * The forum's part of deleting an account (server/privacy/account-deletion.ts), in the caller's transaction: her
 * posts and threads move to the "Oud-lid" account (by her choice without their text and earlier versions), other
 * members' @-mentions of her become "@Oud-lid" (the stored link, the Markdown as written, and the list of who was
 * mentioned), and every post that changed is announced, so search documents lose her name and live readers follow.
 * Answers how many posts of hers there were.
 */
export async function handOverAuthorship(tx: Tx, input: HandOver): Promise<number> {
  const { userId, formerId } = input;
  if (input.removeText) {
    await tx.execute(sql`delete from post_revisions where post_id in (select id from posts where author_id = ${userId})`);
    const html = `<p>${REMOVED_TEXT}</p>`;
    await tx.execute(sql`update posts set body = ${REMOVED_TEXT}, body_html = ${html}, mentioned_user_ids = '{}', quoted_post_ids = '{}'
                          where author_id = ${userId}`);
  }
  const own = await queryRows<PostRef>(
    tx,
    sql`update posts p set author_id = ${formerId} from threads t
         where p.author_id = ${userId} and t.id = p.thread_id
     returning p.id, p.thread_id, t.category_id`,
  );
  await tx.execute(sql`update threads set author_id = ${formerId} where author_id = ${userId}`);

  // content/mentions.ts writes <a class="mention" href="/leden/<id>">; the Markdown holds her name in any case.
  const link = `<a [^>]*href="/leden/${userId}"[^>]*>[^<]*</a>`;
  const mentioned = await queryRows<PostRef>(
    tx,
    sql`update posts p
           set body_html = regexp_replace(p.body_html, ${link}, ${'@' + input.formerName}, 'g'),
               body = regexp_replace(p.body, ${'@' + regexLiteral(input.displayName)}, ${'@' + input.formerName}, 'gi'),
               mentioned_user_ids = array_remove(p.mentioned_user_ids, ${userId})
          from threads t
         where ${userId} = any(p.mentioned_user_ids) and t.id = p.thread_id
     returning p.id, p.thread_id, t.category_id`,
  );
  await publish(
    tx,
    [...own, ...mentioned].map((p) => ({ type: 'post.updated', threadId: p.thread_id, postId: p.id, categoryId: p.category_id }) as const),
  );
  return own.length;
}
