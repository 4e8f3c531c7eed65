import type { Tx } from '../db/client.js';
import { searchOutbox } from '../db/schema.js';
import type { ForumChange, ThreadAspect } from './types.js';

/**
 * What the search index stores of a thread on each of its posts: a change to any of these reindexes them all.
 * 'solution': every post carries whether its thread is solved, for the solved filter.
 */
const INDEXED_THREAD_ASPECTS: ReadonlySet<ThreadAspect> = new Set(['title', 'category', 'hidden', 'solution']);

/**
 * The search consumer: an outbox row for the worker (server/search/outbox.ts), which indexes the post's (or every
 * post of the thread's) state as it is when it runs. Any change to a post reindexes it; a new thread is indexed
 * through its opening post's own `post.created`.
 */
export async function writeSearchOutbox(tx: Tx, changes: readonly ForumChange[]): Promise<void> {
  const rows = changes.flatMap(searchWork);
  if (rows.length > 0) await tx.insert(searchOutbox).values(rows);
}

function searchWork(change: ForumChange): { kind: 'post' | 'thread'; targetId: number }[] {
  switch (change.type) {
    case 'post.created':
    case 'post.updated':
    case 'post.removed':
      return [{ kind: 'post', targetId: change.postId }];
    case 'thread.updated':
      return change.changed.some((aspect) => INDEXED_THREAD_ASPECTS.has(aspect)) ? [{ kind: 'thread', targetId: change.threadId }] : [];
    // The index holds a category's slug only, which never changes; who may enter it is filtered on every search.
    // The index holds no reaction counts. Private conversations and helpdesk questions are never indexed (a
    // published question is a thread, indexed as every thread is).
    case 'post.reacted':
    case 'category.updated':
    case 'conversation.message':
    case 'conversation.updated':
    case 'helpdesk.message':
    case 'helpdesk.updated':
    case 'thread.created':
      return [];
  }
}
