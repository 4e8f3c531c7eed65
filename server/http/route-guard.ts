import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * Refuses to start a server with an API route that does not say who may call it.
 * Access is declared on each route (`config.auth`), never inferred from its URL.
 */
export const requireDeclaredAccess = fp(
  async (app: FastifyInstance) => {
    app.addHook('onRoute', (route) => {
      const url = route.url ?? '';
      if (!url.startsWith('/api')) return;
      const auth = (route.config as { auth?: unknown } | undefined)?.auth;
      if (auth === undefined) throw new Error(`Route ${String(route.method)} ${url} does not declare config.auth`);
    });
  },
  { name: 'route-guard' },
);
