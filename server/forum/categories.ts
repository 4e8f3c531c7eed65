import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { and, asc, eq, max, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { CategoryList } from '../../shared/api/forum.js';
import { CATEGORIES } from '../../shared/constants.js';
import type { Db } from '../db/client.js';
import { categories, categoryWatches, threads } from '../db/schema.js';
import { threadCondition } from './visibility.js';

/** Makes sure every standard category exists with its current name and description; safe to run at every start. */
export async function seedCategories(db: Db): Promise<void> {
  await db
    .insert(categories)
    .values(CATEGORIES.map((c, position) => ({ ...c, position })))
    .onConflictDoUpdate({
      target: categories.slug,
      set: { name: sql`excluded.name`, description: sql`excluded.description`, position: sql`excluded.position` },
    });
}

export default async function categoryRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get('/api/categories', { config: { auth: 'member' }, schema: { response: { 200: CategoryList } } }, async (request) => {
    // The newest activity among the threads members see (the list is the same for everyone), one index lookup per
    // category: threads_category_activity_idx is partial on exactly the member condition.
    const lastPostAt = app.db
      .select({ last: max(threads.lastPostAt) })
      .from(threads)
      .where(and(eq(threads.categoryId, categories.id), threadCondition('member')));
    const rows = await app.db
      .select({
        id: categories.id,
        slug: categories.slug,
        name: categories.name,
        description: categories.description,
        threadCount: categories.threadCount,
        lastPostAt: sql<string | null>`(${lastPostAt})`,
        // The asking member's own choice (no row: Normaal), in the same statement.
        watch: categoryWatches.level,
      })
      .from(categories)
      .leftJoin(categoryWatches, and(eq(categoryWatches.categoryId, categories.id), eq(categoryWatches.userId, request.user!.id)))
      .orderBy(asc(categories.position), asc(categories.id));
    return {
      categories: rows.map((c) => ({
        id: c.id,
        slug: c.slug,
        name: c.name,
        description: c.description,
        threadCount: c.threadCount,
        lastPostAt: c.lastPostAt === null ? null : new Date(c.lastPostAt).toISOString(),
        watch: c.watch === 'watching' ? ('watching' as const) : ('normal' as const),
      })),
    };
  });
}
