import { constants } from 'node:zlib';
import compress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** Below this a response is sent as it is: the headers and the CPU would cost more than the bytes saved. */
export const COMPRESSION_THRESHOLD = 1024;

/**
 * What is worth compressing: HTML, JSON (also the manifest's application/manifest+json), scripts, styles, SVG and
 * plain text. Pictures (avatars are WebP or PNG) are compressed already; @fastify/compress leaves them alone because
 * mime-db calls them incompressible, and this list does not add them.
 */
const COMPRESSIBLE = /^(?:text\/(?:html|css|plain|javascript)|application\/(?:json|javascript|manifest\+json|problem\+json)|image\/svg\+xml)\s*(?:;|$)/i;

/**
 * Brotli (preferred) or gzip for dynamic answers above the threshold. Brotli at quality 3 with a 256 KB window, not
 * the maximum 11 nor @fastify/compress's 4: a thread page's 10 KB of JSON becomes 1.9 KB in about 50 µs of CPU, where
 * quality 4 took 80 µs for 1.8 KB and quality 11 some 15 ms for 1.6 KB. At the thread page's 1,200 requests a second
 * (0.8 ms each) that keeps compression near 6 % of its time, under the 10 % it may cost (docs/benchmarks.md). Built
 * files are compressed once at build time at the maximum instead (vite.config.ts) and served as they are
 * (http/client-files.ts), so their routes opt out here.
 *
 * Registered before every route: @fastify/compress attaches itself to each route as it is added.
 */
export default fp(
  async (app: FastifyInstance) => {
    app.addHook('onRoute', (route) => {
      // A websocket upgrade is hijacked before any onSend, and its messages are not HTTP bodies: nothing to compress.
      // Static files have their .br/.gz beside them; compressing them again on every request is what we avoid.
      const file = (route.config as { file?: unknown } | undefined)?.file !== undefined;
      if (route.websocket === true || file) route.compress = false;
    });
    await app.register(compress, {
      encodings: ['br', 'gzip'],
      threshold: COMPRESSION_THRESHOLD,
      brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 3, [constants.BROTLI_PARAM_LGWIN]: 18 } },
      customTypes: COMPRESSIBLE,
      // Request bodies are small JSON; a compressed one would only be a way around the body limit.
      globalDecompression: false,
    });
  },
  { name: 'compression' },
);
