import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { ErrorBody } from '../../shared/api/common.js';
import { UnsubscribeAnswer, UnsubscribeBody, UnsubscribeQuery } from '../../shared/api/mail.js';
import { MAIL_KINDS } from '../../shared/constants.js';
import type { Config } from '../config.js';
import { badRequest } from '../http/errors.js';
import { readUnsubscribeToken, type UnsubscribeTarget } from './unsubscribe.js';

/**
 * One-click unsubscribe, without logging in: the signed token is the proof of who and what.
 *
 * - `POST /api/mail/unsubscribe` switches the kind off. It is the List-Unsubscribe target mail clients post to
 *   (RFC 8058: form body `List-Unsubscribe=One-Click`, token in the query string, no cookies) and what the client
 *   page /afmelden posts (JSON `{ token }`). No CSRF token: a forged request can only do what the signed token in
 *   it already allows, and a mail client has no CSRF cookie. The global per-address rate limit applies; no tighter
 *   one, since mail providers post one-click unsubscribes for many members from few addresses.
 * - `GET /api/mail/unsubscribe/preview` says what the POST would switch off and changes nothing: link scanners
 *   follow every GET in a mail, and must not unsubscribe anyone.
 */
export default async function unsubscribeRoutes(app: FastifyInstance, opts: { config: Config }) {
  // RFC 8058 posts are forms. Registered here (encapsulated), so no other route accepts form bodies.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 4096 }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });

  const target = (token: string | undefined): UnsubscribeTarget => {
    const found = token === undefined ? null : readUnsubscribeToken(opts.config.sessionSecret, token);
    if (!found) throw badRequest('invalid_token', 'Deze afmeldlink klopt niet. Je kunt je mailinstellingen ook op je profiel aanpassen.', 'token');
    return found;
  };

  app.get<{ Querystring: UnsubscribeQuery }>(
    '/api/mail/unsubscribe/preview',
    { config: { auth: 'public' }, schema: { summary: 'Afmeldlink controleren', tags: ['mail'], querystring: UnsubscribeQuery, response: { 200: UnsubscribeAnswer, 400: ErrorBody } } },
    async (request) => ({ kind: target(request.query.token).kind }),
  );

  app.post<{ Querystring: UnsubscribeQuery; Body: UnsubscribeBody }>(
    '/api/mail/unsubscribe',
    {
      config: { auth: 'public', csrf: false },
      schema: { summary: 'Afmelden met één klik', tags: ['mail'], querystring: UnsubscribeQuery, body: UnsubscribeBody, response: { 200: UnsubscribeAnswer, 400: ErrorBody } },
      // A post with the token in the query string may have no body at all; the schema expects an object.
      preValidation: async (request) => {
        request.body ??= {};
      },
    },
    async (request) => {
      const { userId, kind } = target(request.query.token ?? request.body.token);
      const off = Object.fromEntries((kind === 'all' ? MAIL_KINDS : [kind]).map((k) => [k, 'never']));
      // Merged into what she chose before; a member who no longer exists has nothing to switch off, and that is fine.
      await app.db.execute(sql`update users set mail_preferences = mail_preferences || ${JSON.stringify(off)}::jsonb where id = ${userId}`);
      return { kind };
    },
  );
}
