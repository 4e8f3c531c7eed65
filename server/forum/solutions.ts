import { and, eq, isNull, ne, or, sql } from 'drizzle-orm';
import type { CurrentUser } from '../auth/types.js';
import { isModerator } from '../auth/users.js';
import type { DbOrTx, Tx } from '../db/client.js';
import { threads } from '../db/schema.js';
import { publish } from '../events/publish.js';
import { logAction } from '../moderation/record.js';
import type { ThreadRow } from './queries.js';

/**
 * The best answer ("beste antwoord") of a thread: one reply, marked by the thread's starter or a moderator, changed
 * or undone by them too. Whether the thread then counts as solved is forum/solved.ts's rule (members must be able to
 * read the answer). Each change is one transaction that announces `thread.updated` with 'solution': lists and the
 * thread page update live, search reindexes the thread's posts, and the answer's author is told (notifications).
 * A moderator marking in someone else's thread is a moderator's act and goes into the log.
 */

/** Whether `user` may mark, change or undo the best answer of `thread`. */
export function mayMarkSolution(user: CurrentUser, thread: Pick<ThreadRow, 'authorId' | 'categoryExpectsAnswers' | 'categoryArchivedAt'>): boolean {
  return (thread.authorId === user.id || isModerator(user)) && thread.categoryExpectsAnswers && thread.categoryArchivedAt === null;
}

type ThreadRef = Pick<ThreadRow, 'id' | 'categoryId' | 'authorId'>;

/** Marks `postId` (checked by the caller: a readable reply in this thread). Returns false when it already was. */
export async function markSolution(db: DbOrTx, actor: CurrentUser, thread: ThreadRef, postId: number): Promise<boolean> {
  return db.transaction(async (tx) => {
    const changed = await tx
      .update(threads)
      .set({ solutionPostId: postId, solutionMarkedBy: actor.id, solutionMarkedAt: sql`now()` })
      .where(and(eq(threads.id, thread.id), or(isNull(threads.solutionPostId), ne(threads.solutionPostId, postId))))
      .returning({ id: threads.id });
    if (changed.length === 0) return false;
    await announce(tx, actor, thread, 'mark_solution', postId);
    return true;
  });
}

/** Undoes the mark. Returns false when there was none. */
export async function clearSolution(db: DbOrTx, actor: CurrentUser, thread: ThreadRef): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [cleared] = await tx
      .update(threads)
      .set({ solutionPostId: null, solutionMarkedBy: null, solutionMarkedAt: null })
      .where(and(eq(threads.id, thread.id), sql`${threads.solutionPostId} is not null`))
      .returning({ id: threads.id });
    if (!cleared) return false;
    await announce(tx, actor, thread, 'clear_solution', null);
    return true;
  });
}

async function announce(tx: Tx, actor: CurrentUser, thread: ThreadRef, action: 'mark_solution' | 'clear_solution', postId: number | null) {
  await publish(tx, { type: 'thread.updated', threadId: thread.id, categoryId: thread.categoryId, changed: ['solution'] });
  if (thread.authorId !== actor.id) {
    await logAction(tx, { moderatorId: actor.id, action, targetThreadId: thread.id, targetPostId: postId });
  }
}

/**
 * A post was hidden, shown again or deleted: when it is its thread's best answer, whether the thread is solved may
 * have changed with it, which lists and search must learn (the post's own event only reindexes that post).
 */
export async function announceIfSolution(tx: Tx, threadId: number, categoryId: number, postId: number): Promise<void> {
  const [thread] = await tx
    .select({ id: threads.id })
    .from(threads)
    .where(and(eq(threads.id, threadId), eq(threads.solutionPostId, postId)));
  if (thread) await publish(tx, { type: 'thread.updated', threadId, categoryId, changed: ['solution'] });
}
