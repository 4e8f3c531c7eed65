import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Access } from '../auth/types.js';

export interface RouteAccess {
  method: string;
  url: string;
  auth: Access;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every API route with the access it declared; tests walk it to prove each one is enforced. */
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
      for (const method of [route.method].flat()) if (method !== 'HEAD') table.push({ method, url, auth });
    });
  },
  { name: 'route-guard' },
);
