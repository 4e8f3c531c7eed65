import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { and, asc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { IdParams } from '../../shared/api/common.js';
import { ReactionAnswer, ReactionParams, ReactorList } from '../../shared/api/reactions.js';
import { postReactions, users } from '../db/schema.js';
import { forbidden } from '../http/errors.js';
import { categoryArchived } from './categories.js';
import { findPostFor } from './queries.js';
import { setReaction } from './reactions.js';
import { findReadablePost } from './readable-post.js';

/** Reactions are cheap to send and each added one can notify: a member thanking faster than this is not reading. */
const reactionLimit = { max: 60, timeWindow: '1 minute' };

/**
 * "Bedankt" and "Nuttig" on a post: once per member, kind and post, undoable. Only on posts every member reads (not
 * a hidden one, which its author and moderators still read), never on your own, not in an archived category (read-only).
 */
export default async function reactionRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  for (const on of [true, false]) {
    api.route({
      method: on ? 'PUT' : 'DELETE',
      url: '/api/posts/:id/reactions/:kind',
      config: { auth: 'member', rateLimit: reactionLimit },
      schema: { summary: on ? 'Bedanken of nuttig vinden' : 'Bedankje of nuttig intrekken', tags: ['forum'], params: ReactionParams, response: { 200: ReactionAnswer } },
      handler: async (request) => {
        const user = request.user!;
        const { post, thread } = await findReadablePost(app.db, request.params.id, user);
        if (post.hiddenAt) throw forbidden('not_reactable', 'Op een verborgen bericht kun je niet reageren.');
        if (post.authorId === user.id) throw forbidden('own_post', 'Je kunt je eigen bericht niet bedanken of nuttig vinden.');
        if (thread.categoryArchivedAt) throw categoryArchived();
        await setReaction(app.db, user, { id: post.id, threadId: thread.id, categoryId: thread.categoryId }, request.params.kind, on);
        const now = (await findPostFor(app.db, user.id, post.id))!;
        return { reactions: { thanks: now.thanksCount, useful: now.usefulCount }, myReactions: now.myReactions };
      },
    });
  }

  api.get(
    '/api/posts/:id/reactions',
    { config: { auth: 'member' }, schema: { summary: 'Wie bedankte of het nuttig vond', tags: ['forum'], params: IdParams, response: { 200: ReactorList } } },
    async (request) => {
      const { post } = await findReadablePost(app.db, request.params.id, request.user!);
      // Only active members are named: a suspended or removed account is not shown, though its reaction still counts.
      const rows = await app.db
        .select({ kind: postReactions.kind, id: users.id, displayName: users.displayName })
        .from(postReactions)
        .innerJoin(users, and(eq(users.id, postReactions.userId), eq(users.status, 'active')))
        .where(eq(postReactions.postId, post.id))
        .orderBy(asc(postReactions.createdAt), asc(users.id));
      const named = (kind: string) => rows.filter((r) => r.kind === kind).map(({ id, displayName }) => ({ id, displayName }));
      return { thanks: named('thanks'), useful: named('useful') };
    },
  );
}
