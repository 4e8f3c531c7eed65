import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

/** Below this a response is sent as it is: the headers and the CPU would cost more than the bytes saved. */
export const COMPRESSION_THRESHOLD = 1024;

/**
 * What is worth compressing: HTML, JSON (also the manifest's application/manifest+json), scripts, styles, SVG and
 * plain text. Pictures (avatars are WebP or PNG) are compressed already.
 */
const COMPRESSIBLE = /^(?:text\/(?:html|css|plain|javascript)|application\/(?:json|javascript|manifest\+json|problem\+json)|image\/svg\+xml)\s*(?:;|$)/i;

/**
 * The fastest settings (brotli quality 1, gzip level 1): a thread page's 23 KB of JSON becomes about 4 KB either way
 * in about 80 µs of CPU, where brotli 3 took some 165 µs for the same size, brotli 4 265 µs and gzip 6 520 µs (3.2 KB).
 */
const BROTLI = { params: { [constants.BROTLI_PARAM_QUALITY]: 1, [constants.BROTLI_PARAM_LGWIN]: 18 } };
const GZIP = { level: 1 };
const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** "br" where the browser accepts it, else "gzip", else null; an encoding with q=0 is refused. */
export function chooseEncoding(header: string | undefined): 'br' | 'gzip' | null {
  if (!header) return null;
  const accepted = new Set<string>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (q === undefined || Number(q.slice(2)) > 0) accepted.add(name.trim());
  }
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip') || accepted.has('*')) return 'gzip';
  return null;
}

function addVary(reply: FastifyReply): void {
  const vary = reply.getHeader('vary');
  const current = Array.isArray(vary) ? vary.join(', ') : typeof vary === 'string' ? vary : '';
  if (!/(^|,)\s*(accept-encoding|\*)\s*(,|$)/i.test(current)) reply.header('vary', current ? `${current}, Accept-Encoding` : 'Accept-Encoding');
}

/**
 * Brotli (preferred) or gzip for dynamic answers above the threshold, in one onSend hook. Not @fastify/compress:
 * it turns every answer into a stream piped through a zlib stream, which cost the thread page about 40 % of its
 * requests a second even at these settings (docs/benchmarks.md); here a string or buffer is compressed in one call
 * on libuv's thread pool, off the event loop. Streams (files from @fastify/static, which sends their .br/.gz built
 * beside them by vite.config.ts) and websocket upgrades never reach this with a string or buffer, so they go as
 * they are.
 */
export default fp(
  async (app: FastifyInstance) => {
    app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
      if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
      if (Buffer.byteLength(payload) < COMPRESSION_THRESHOLD || reply.hasHeader('content-encoding')) return payload;
      const type = reply.getHeader('content-type');
      if (typeof type !== 'string' || !COMPRESSIBLE.test(type)) return payload;
      addVary(reply);
      const encoding = request.method === 'HEAD' ? null : chooseEncoding(request.headers['accept-encoding']);
      if (encoding === null) return payload;
      const body = encoding === 'br' ? await brotli(payload, BROTLI) : await gzipped(payload, GZIP);
      reply.header('content-encoding', encoding);
      reply.removeHeader('content-length');
      return body;
    });
  },
  { name: 'compression' },
);
