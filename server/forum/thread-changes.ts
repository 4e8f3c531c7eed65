import { eq } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { threads } from '../db/schema.js';
import { publish } from '../events/publish.js';
import type { ThreadAspect } from '../events/types.js';
import { countThread, uncountThread } from './counters.js';
import { threadCounted } from './visibility.js';

/** What may change about a thread (moderation's lock, pin, rename and move). Absent: leave as it is. */
export interface ThreadPatch {
  locked?: boolean;
  pinned?: boolean;
  title?: string;
  categoryId?: number;
}

/** What actually changed: a field only when its new value differs from the one the row held. */
export interface ThreadChanges {
  locked?: boolean;
  pinned?: boolean;
  title?: { from: string; to: string };
  categoryId?: { from: number; to: number };
}

/**
 * Applies a patch to a thread, in the caller's transaction, and announces it once if anything changed.
 * The row is locked first, so concurrent changes of one thread take turns and each compares against the latest.
 */
export async function changeThread(tx: Tx, threadId: number, patch: ThreadPatch): Promise<ThreadChanges> {
  const [current] = await tx.select().from(threads).where(eq(threads.id, threadId)).for('update');
  const changes: ThreadChanges = {};
  const changed: ThreadAspect[] = [];
  const set: ThreadPatch = {};
  if (patch.locked !== undefined && patch.locked !== current!.locked) {
    set.locked = changes.locked = patch.locked;
    changed.push('locked');
  }
  if (patch.pinned !== undefined && patch.pinned !== current!.pinned) {
    set.pinned = changes.pinned = patch.pinned;
    changed.push('pinned');
  }
  if (patch.title !== undefined && patch.title !== current!.title) {
    set.title = patch.title;
    changes.title = { from: current!.title, to: patch.title };
    changed.push('title');
  }
  const from = current!.categoryId;
  if (patch.categoryId !== undefined && patch.categoryId !== from) {
    set.categoryId = patch.categoryId;
    // Only a thread members can see is counted in its category.
    if (threadCounted(current!)) {
      await uncountThread(tx, from);
      await countThread(tx, patch.categoryId);
    }
    changes.categoryId = { from, to: patch.categoryId };
    changed.push('category');
  }
  // One UPDATE for whatever changed.
  if (changed.length > 0) await tx.update(threads).set(set).where(eq(threads.id, threadId));
  if (changed.length > 0) {
    await publish(tx, {
      type: 'thread.updated',
      threadId,
      categoryId: changes.categoryId?.to ?? from,
      ...(changes.categoryId ? { previousCategoryId: from } : {}),
      changed,
    });
  }
  return changes;
}
