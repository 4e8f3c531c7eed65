import { and, eq, isNull, sql } from 'drizzle-orm';
import type { CurrentUser } from '../auth/types.js';
import { renderPost, type RenderOptions } from '../content/render.js';
import { queryRows, type Db, type DbOrTx } from '../db/client.js';
import { postRevisions, posts, threadReads, threads } from '../db/schema.js';
import { discardDraft } from '../drafts/discard.js';
import { publish } from '../events/publish.js';
import { countReply, countThread, NEW_THREAD_COUNTS, uncountPost, uncountThread } from './counters.js';
import { announceIfSolution } from './solutions.js';

/**
 * The forum's writes by members. Each is one transaction that also announces the change (publish: the search
 * outbox row and the live NOTIFY), so a reply is either there with everything or not at all. Moderation's changes
 * of forum state are in post-hiding.ts (hide, restore) and thread-changes.ts (lock, pin, rename, move); the counters
 * in counters.ts. Each takes a transaction or a `tx` (then it runs as a savepoint inside the caller's).
 * The text is rendered first, outside the transaction (renderPost: Markdown, @mentions resolved against the members,
 * quotes against the posts; reads only), so the transaction holds its locks only for the writes. The post keeps
 * whom it mentions and quotes (mentioned_user_ids, quoted_post_ids) for the notification worker; an edit replaces them.
 * Posting also deletes the writer's draft of it (drafts/), in the same transaction.
 * `options.origin` is the site's own origin (config.mail.siteUrl), so a quote's absolute link counts too.
 */

async function markRead(tx: Parameters<Parameters<Db['transaction']>[0]>[0], userId: number, threadId: number, postId: number) {
  await tx
    .insert(threadReads)
    .values({ userId, threadId, lastReadPostId: postId })
    .onConflictDoUpdate({
      target: [threadReads.userId, threadReads.threadId],
      set: { lastReadPostId: sql`greatest(${threadReads.lastReadPostId}, excluded.last_read_post_id)`, updatedAt: sql`now()` },
    });
}

export async function createThread(db: DbOrTx, author: CurrentUser, categoryId: number, title: string, body: string, options: RenderOptions = {}) {
  const { html: bodyHtml, mentionedUserIds, quotedPostIds } = await renderPost(db, author, body, options);
  return db.transaction(async (tx) => {
    const [thread] = await tx.insert(threads).values({ categoryId, authorId: author.id, title, ...NEW_THREAD_COUNTS }).returning();
    const [post] = await tx.insert(posts).values({ threadId: thread!.id, authorId: author.id, body, bodyHtml, mentionedUserIds, quotedPostIds }).returning({ id: posts.id });
    await countThread(tx, categoryId);
    await markRead(tx, author.id, thread!.id, post!.id);
    await discardDraft(tx, author.id, null);
    await publish(tx, { type: 'thread.created', threadId: thread!.id, categoryId });
    await publish(tx, { type: 'post.created', threadId: thread!.id, postId: post!.id, categoryId });
    return { threadId: thread!.id, postId: post!.id };
  });
}

export async function createReply(
  db: DbOrTx,
  author: CurrentUser,
  threadId: number,
  categoryId: number,
  body: string,
  replyToPostId: number | null,
  options: RenderOptions = {},
) {
  const { html: bodyHtml, mentionedUserIds, quotedPostIds } = await renderPost(db, author, body, options);
  return db.transaction(async (tx) => {
    // Bump the thread first: the UPDATE locks its row before the post gets its id, so replies to one thread commit
    // in id order, and a live client that reconnects with `after = newest id seen` can never skip a reply that
    // committed later (live concern). now() is the transaction's start, so it is also the post's created_at.
    await countReply(tx, threadId);
    const [post] = await tx.insert(posts).values({ threadId, authorId: author.id, body, bodyHtml, replyToPostId, mentionedUserIds, quotedPostIds }).returning({ id: posts.id });
    await markRead(tx, author.id, threadId, post!.id);
    await discardDraft(tx, author.id, threadId);
    await publish(tx, { type: 'post.created', threadId, postId: post!.id, categoryId });
    return post!.id;
  });
}

/**
 * Keeps the previous text as a revision, then replaces it. Returns the revision's id, so a moderator's edit can
 * point its log row at the text it replaced.
 */
export async function editPost(
  db: DbOrTx,
  editor: CurrentUser,
  postId: number,
  threadId: number,
  categoryId: number,
  body: string,
  options: RenderOptions = {},
): Promise<number> {
  // Quotes count as the editor may see them: a moderator editing someone's post may link what members cannot.
  const { html: bodyHtml, mentionedUserIds, quotedPostIds } = await renderPost(db, editor, body, options);
  return db.transaction(async (tx) => {
    const [revision] = await queryRows<{ id: number }>(
      tx,
      sql`insert into ${postRevisions} (post_id, body, edited_by) select id, body, ${editor.id} from ${posts} where id = ${postId} returning id`,
    );
    await tx.update(posts).set({ body, bodyHtml, mentionedUserIds, quotedPostIds, editedAt: sql`now()` }).where(eq(posts.id, postId));
    await publish(tx, { type: 'post.updated', threadId, postId, categoryId });
    return revision!.id;
  });
}

/**
 * Soft delete: the row stays (moderators can still read it), members see a placeholder without text.
 * A thread none of whose posts is left undeleted is deleted with its last one (a hidden post still holds its
 * thread: a moderator may show it again). Returns false when it was already deleted.
 */
export async function deletePost(db: DbOrTx, actor: CurrentUser, postId: number, threadId: number, categoryId: number, wasVisible: boolean): Promise<boolean> {
  return db.transaction(async (tx) => {
    // Deletes in one thread take turns, so that of two deleting its last posts at once the second sees the first.
    await tx.select({ id: threads.id }).from(threads).where(eq(threads.id, threadId)).for('update');
    const [deleted] = await tx
      .update(posts)
      .set({ deletedAt: sql`now()`, deletedBy: actor.id })
      .where(and(eq(posts.id, postId), sql`${posts.deletedAt} is null`))
      .returning({ id: posts.id });
    // Deleted meanwhile by someone else: nothing changed, so the caller logs and tells nothing either.
    if (!deleted) return false;
    if (wasVisible) await uncountPost(tx, threadId, postId);
    const [emptied] = await tx
      .update(threads)
      .set({ deletedAt: sql`now()` })
      .where(
        and(
          eq(threads.id, threadId),
          isNull(threads.deletedAt),
          sql`not exists (select 1 from ${posts} where ${posts.threadId} = ${threadId} and ${posts.deletedAt} is null)`,
        ),
      )
      .returning({ hiddenAt: threads.hiddenAt });
    if (emptied) {
      // A hidden thread was already out of its category's count.
      if (emptied.hiddenAt === null) await uncountThread(tx, categoryId);
      await publish(tx, { type: 'thread.updated', threadId, categoryId, changed: ['deleted', 'counts'] });
    }
    await publish(tx, { type: 'post.removed', threadId, postId, categoryId });
    await announceIfSolution(tx, threadId, categoryId, postId);
    return true;
  });
}

export { markRead };
