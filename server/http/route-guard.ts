import type { FastifyInstance, FastifySchema } from 'fastify';
import fp from 'fastify-plugin';
import type { Access } from '../auth/types.js';

export interface RouteAccess {
  method: string;
  url: string;
  auth: Access;
  /** The schemas it declared, as registered. */
  schema: FastifySchema | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * Every API route with the access and schemas it declared: the one list of routes. Tests walk it to prove each
     * is enforced (access), answers broken input in Dutch (validation messages) and is documented (OpenAPI).
     */
    accessTable: RouteAccess[];
  }
}

/**
 * Refuses to start a server with an API route that does not say who may call it.
 * Access is declared on each route (`config.auth`), never inferred from its URL.
 */
export const requireDeclaredAccess = fp(
  async (app: FastifyInstance) => {
    const table: RouteAccess[] = [];
    app.decorate('accessTable', table);
    app.addHook('onRoute', (route) => {
      const url = route.url ?? '';
      if (!url.startsWith('/api')) return;
      const auth = (route.config as { auth?: Access } | undefined)?.auth;
      if (auth === undefined) throw new Error(`Route ${String(route.method)} ${url} does not declare config.auth`);
      for (const method of [route.method].flat()) if (method !== 'HEAD') table.push({ method, url, auth, schema: route.schema });
    });
  },
  { name: 'route-guard' },
);
