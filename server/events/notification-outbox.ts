import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { categoryWatches, notificationOutbox, posts, threadWatches, users } from '../db/schema.js';
import type { ForumChange } from './types.js';

/**
 * The notification consumer: an outbox row for the notification worker (server/notifications/worker.ts), which
 * works out who hears of the change once it has committed. Only what can notify anyone writes a row:
 * - post.created: always (mentions, quotes, the replied-to author, the thread's watchers); in the same statement the
 *   writer starts following the thread, unless her account says otherwise or she already chose a level;
 * - thread.created: only when someone follows its category (new_thread);
 * - post.updated: only when the post mentions or quotes someone (an edit can add them; the worker notifies each
 *   member once per post). Hiding and restoring publish post.updated too, and write nothing unless the same holds.
 * - post.reacted (added) and thread.updated about its solution: the post's author (notifications/acknowledgements.ts).
 * - conversation.message (created): the other participants (notifications/messages.ts).
 * - helpdesk.message (not an internal note): the asker or the team (notifications/helpdesk.ts).
 * Removals and other thread changes notify nobody: a notification of something hidden later disappears when read.
 */
export async function writeNotificationOutbox(tx: Tx, changes: readonly ForumChange[]): Promise<void> {
  // Edits come many at once when an account is deleted (her posts, the mentions of her): one statement for them all.
  const edits = changes.filter((change) => change.type === 'post.updated');
  if (edits.length > 0) {
    await tx.execute(sql`
      insert into ${notificationOutbox} (change)
      select edit.change
        from jsonb_array_elements(${JSON.stringify(edits)}::jsonb) as edit(change)
        join ${posts} p on p.id = (edit.change->>'postId')::bigint
       where cardinality(p.mentioned_user_ids) > 0 or cardinality(p.quoted_post_ids) > 0`);
  }
  for (const change of changes) await writeOne(tx, change);
}

async function writeOne(tx: Tx, change: ForumChange): Promise<void> {
  const json = JSON.stringify(change);
  switch (change.type) {
    case 'post.created':
      // One statement for both: a reply's cost in the request stays one round trip.
      await tx.execute(sql`
        with watch as (
          insert into ${threadWatches} (user_id, thread_id, level)
          select p.author_id, p.thread_id, 'watching'
            from ${posts} p join ${users} u on u.id = p.author_id
           where p.id = ${change.postId} and u.auto_watch
          on conflict (user_id, thread_id) do nothing
        )
        insert into ${notificationOutbox} (change) values (${json}::jsonb)`);
      return;
    case 'thread.created':
      await tx.execute(sql`
        insert into ${notificationOutbox} (change)
        select ${json}::jsonb
         where exists (select 1 from ${categoryWatches} where category_id = ${change.categoryId} and level = 'watching')`);
      return;
    case 'post.reacted':
      // Only an added reaction tells its author; the worker groups them per thread (acknowledgements.ts).
      if (change.added) await tx.insert(notificationOutbox).values({ change });
      return;
    case 'thread.updated':
      // A best answer marked (or its post shown again): the worker tells the answer's author once, if it still stands.
      if (change.changed.includes('solution')) await tx.insert(notificationOutbox).values({ change });
      return;
    case 'conversation.message':
      // A new message tells the other participants (notifications/messages.ts); edits and deletions tell nobody.
      if (change.created) await tx.insert(notificationOutbox).values({ change });
      return;
    case 'helpdesk.message':
      // An internal note is the team's own working; it tells nobody.
      if (!change.internal) await tx.insert(notificationOutbox).values({ change });
      return;
    case 'post.updated': // above, all at once
    case 'post.removed':
    case 'category.updated':
    case 'conversation.updated':
    case 'helpdesk.updated':
      return;
  }
}
