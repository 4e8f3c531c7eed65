import type { CurrentUser } from '../auth/types.js';
import type { Db } from '../db/client.js';
import { notFound } from '../http/errors.js';
import { findPost, findVisibleThread, type PostRow, type ThreadRow } from './queries.js';
import { postTextVisible } from './visibility.js';

/**
 * A post whose text `user` may read, with its thread (forum/visibility.ts: the thread she may see, the text not
 * deleted, not hidden from her): what she may react to and save. Anything else is "not found", never "forbidden",
 * so the answer tells nothing of a post she may not read.
 */
export async function findReadablePost(db: Db, id: number, user: CurrentUser): Promise<{ post: PostRow; thread: ThreadRow }> {
  const post = await findPost(db, id);
  const thread = post ? await findVisibleThread(db, post.threadId, user) : null;
  if (!post || !thread || !postTextVisible(post, user)) throw notFound('Dit bericht bestaat niet of is verwijderd.');
  return { post, thread };
}
