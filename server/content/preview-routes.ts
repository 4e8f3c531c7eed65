import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { PreviewAnswer, PreviewBody } from '../../shared/api/forum.js';
import type { Config } from '../config.js';
import { renderPost } from './render.js';

/** Previews a post may take for each post a member may place per minute: a few looks at a draft before sending it. */
export const PREVIEWS_PER_POST = 6;

/**
 * The composer's preview: the draft goes through the very renderer and sanitizer that posting uses, so the
 * preview is exactly what will be shown (mentions linked), and nothing is stored. A POST (a draft can be 50,000 characters, too
 * long for a URL) and so with a CSRF token like every other; members only, like writing itself.
 */
export default async function previewRoutes(app: FastifyInstance, opts: { config: Config }) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  // Rendering is cheap but not free: limited per member, in proportion to how fast they may post.
  const previewLimit = { max: opts.config.rateLimit.postMax * PREVIEWS_PER_POST, timeWindow: '1 minute' };

  api.post(
    '/api/posts/preview',
    { config: { auth: 'member', rateLimit: previewLimit }, schema: { summary: 'Voorbeeld van een bericht', tags: ['forum'], body: PreviewBody, response: { 200: PreviewAnswer } } },
    // Mentions are resolved as posting would (linked names); quotes change nothing in the HTML and are skipped.
    async (request) => ({ bodyHtml: (await renderPost(app.db, request.user!, request.body.body, { quotes: false })).html }),
  );
}
