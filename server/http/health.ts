import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { Type } from 'typebox';

const Health = Type.Object({ ok: Type.Boolean() });
const Ready = Type.Object({
  ok: Type.Boolean(),
  database: Type.String(),
  search: Type.String(),
  /** 'degraded' while sending fails or due mail waits; mail waits in its outbox, so never a 503. */
  mail: Type.String(),
});

/** Readiness checks each dependency; concerns that have one (search, mail) report through this list. */
export type ReadinessCheck = () => Promise<{ name: 'search' | 'mail'; status: 'ok' | 'degraded' }>;

declare module 'fastify' {
  interface FastifyInstance {
    readinessChecks: ReadinessCheck[];
  }
}

export default async function healthRoutes(app: FastifyInstance) {
  // Liveness: no database, so a benchmark can use it as the ceiling of what the server does.
  app.get('/api/health', { config: { auth: 'public', rateLimit: false }, schema: { summary: 'Leeft de server?', tags: ['site'], response: { 200: Health } } }, async () => ({ ok: true }));

  app.get('/api/ready', { config: { auth: 'public', rateLimit: false }, schema: { summary: 'Klaar voor verkeer: database, zoekmachine en mail', tags: ['site'], response: { 200: Ready, 503: Ready } } }, async (_request, reply) => {
    let database = 'ok';
    try {
      await Promise.race([
        app.db.execute(sql`select 1`),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000).unref()),
      ]);
    } catch {
      database = 'unavailable';
    }
    const lines = { search: 'ok', mail: 'ok' };
    for (const check of app.readinessChecks) {
      const result = await check().catch(() => ({ name: 'search' as const, status: 'degraded' as const }));
      if (result.status !== 'ok') lines[result.name] = result.status;
    }
    const ok = database === 'ok';
    return reply.code(ok ? 200 : 503).send({ ok, database, ...lines });
  });
}
