import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { AvatarQuery } from '../../shared/api/avatars.js';
import { IdParams } from '../../shared/api/common.js';
import { UserBody } from '../../shared/api/users.js';
import { toUserDto } from '../auth/users.js';
import { avatars, users } from '../db/schema.js';
import { notFound, tooManyRequests } from '../http/errors.js';
import { AVATAR_CONTENT_TYPE, AVATAR_MAX_BYTES, AVATAR_UPLOAD_TYPES, avatarTooLarge, processAvatar, unsupportedAvatarType } from './avatar.js';

/** Uploads per member per hour: a few tries to get the picture right, not a way to make the server re-encode all day. */
const UPLOADS_PER_HOUR = 10;
const ACCEPTED = new Set<string>(AVATAR_UPLOAD_TYPES);

/**
 * A member's picture (issue 14): she uploads or removes her own, members see each other's. The picture is
 * re-encoded on the server (members/avatar.ts) and served from Plein itself, so the CSP keeps `img-src 'self'`
 * and no other site learns who reads what.
 *
 * - `PUT /api/me/avatar` takes the raw image as the body (Content-Type image/jpeg, image/png or image/webp, at
 *   most 5 MB) and answers `{ user }` with the new `avatarUrl`.
 * - `DELETE /api/me/avatar` goes back to her initials (204).
 * - `GET /api/members/:id/avatar` serves an active member's picture to members; anyone else's is "not found".
 */
export default async function avatarRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  // Encapsulated in this plugin: no other route accepts image bodies. The bytes go to the handler untouched, up to
  // the upload route's bodyLimit.
  app.addContentTypeParser([...AVATAR_UPLOAD_TYPES], { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  api.put(
    '/api/me/avatar',
    {
      config: {
        auth: 'member',
        rateLimit: { max: UPLOADS_PER_HOUR, timeWindow: '1 hour', errorResponseBuilder: (_request, context) => tooManyRequests(context.ttl, 'Je hebt je profielfoto te vaak gewijzigd.') },
      },
      bodyLimit: AVATAR_MAX_BYTES,
      schema: { summary: 'Eigen profielfoto uploaden', tags: ['members'], response: { 200: UserBody } },
      // Before the body is read (and after the session, CSRF and rate-limit checks of onRequest): a wrong type or a
      // declared size over the limit is refused with its own message, without taking in megabytes first. A body
      // without a declared length is still cut off at the limit by the parser (Fastify's own 413).
      preParsing: async (request) => {
        const type = String(request.headers['content-type'] ?? '')
          .split(';')[0]!
          .trim()
          .toLowerCase();
        if (!ACCEPTED.has(type)) throw unsupportedAvatarType();
        if (Number(request.headers['content-length'] ?? 0) > AVATAR_MAX_BYTES) throw avatarTooLarge();
      },
    },
    async (request) => {
      const me = request.user!;
      // Only this plugin's parser gives a Buffer; the check keeps TypeScript and a future parser honest.
      const image = await processAvatar(Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0));
      // One transaction: a picture without the time on her row (or the reverse) would show the wrong thing. Her users
      // row first, in both routes: its lock puts an upload and a removal at the same moment one after the other.
      // now() is the transaction's time, the same in both rows.
      const saved = await app.db.transaction(async (tx) => {
        const [row] = await tx.update(users).set({ avatarUpdatedAt: sql`now()` }).where(eq(users.id, me.id)).returning({ avatarUpdatedAt: users.avatarUpdatedAt });
        await tx
          .insert(avatars)
          .values({ userId: me.id, image, contentType: AVATAR_CONTENT_TYPE, updatedAt: sql`now()` })
          .onConflictDoUpdate({ target: avatars.userId, set: { image, contentType: AVATAR_CONTENT_TYPE, updatedAt: sql`now()` } });
        return row!;
      });
      return { user: toUserDto({ ...me, avatarUpdatedAt: saved.avatarUpdatedAt }, true) };
    },
  );

  api.delete('/api/me/avatar', { config: { auth: 'member' }, schema: { summary: 'Eigen profielfoto verwijderen', tags: ['members'] } }, async (request, reply) => {
    const me = request.user!;
    await app.db.transaction(async (tx) => {
      // Only a row that had a picture is written: removing nothing changes nothing.
      await tx.update(users).set({ avatarUpdatedAt: null }).where(and(eq(users.id, me.id), isNotNull(users.avatarUpdatedAt)));
      await tx.delete(avatars).where(eq(avatars.userId, me.id));
    });
    return reply.code(204).send();
  });

  api.get(
    '/api/members/:id/avatar',
    // Members only, like every member's page: the <img> sends the session cookie, so this needs no token of its own.
    { config: { auth: 'member' }, schema: { summary: 'Profielfoto van een lid', tags: ['members'], params: IdParams, querystring: AvatarQuery } },
    async (request, reply) => {
      const [row] = await app.db
        .select({ image: avatars.image, contentType: avatars.contentType, at: users.avatarUpdatedAt })
        .from(avatars)
        .innerJoin(users, eq(users.id, avatars.userId))
        // A pending, suspended or rejected account shows no picture, as it has no page (members/routes.ts).
        .where(and(eq(avatars.userId, request.params.id), eq(users.status, 'active'), isNotNull(users.avatarUpdatedAt)))
        .limit(1);
      if (!row) throw notFound('Dit lid heeft geen profielfoto.');
      // The address of the current picture never shows another one (a new picture gets a new ?v=), so the browser
      // keeps it. An old address still answers with the current picture, but the browser must ask again next time.
      const current = request.query.v === String(row.at!.getTime());
      return reply
        .header('Cache-Control', current ? 'private, max-age=31536000, immutable' : 'private, no-cache')
        .header('X-Content-Type-Options', 'nosniff')
        .header('Content-Disposition', 'inline')
        .type(row.contentType)
        .send(row.image);
    },
  );
}
