import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { and, asc, eq, max, not, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { CategoryList } from '../../shared/api/forum.js';
import { CATEGORIES, type CategoryAccess, type CategoryColor, type CategoryIcon } from '../../shared/constants.js';
import type { CurrentUser } from '../auth/types.js';
import type { Db } from '../db/client.js';
import { categories, categoryWatches, threads } from '../db/schema.js';
import { conflict } from '../http/errors.js';
import { preparedOnce } from '../db/prepared.js';
import { categoryCondition, categoryOpenTo, perViewerKind, threadVisibleTo, viewerKind } from './visibility.js';

/**
 * Gives a new forum its standard categories; safe to run at every start. Only into an empty table: from then on
 * categories are the admins' (category-admin-routes.ts), and a name they changed or a category they deleted stays so.
 */
export async function seedCategories(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    // Two processes starting at once (the server and `npm run seed`) must not both find the table empty.
    await tx.execute(sql`lock table ${categories} in share row exclusive mode`);
    const [any] = await tx.select({ id: categories.id }).from(categories).limit(1);
    if (!any) await tx.insert(categories).values(CATEGORIES.map((c, position) => ({ ...c, position })));
  });
}

/** The columns every view of a category shows (shared/api/forum.ts CategoryFields). */
export const categoryFields = {
  id: categories.id,
  slug: categories.slug,
  name: categories.name,
  description: categories.description,
  threadCount: categories.threadCount,
  color: categories.color,
  icon: categories.icon,
  access: categories.access,
  archivedAt: categories.archivedAt,
  expectsAnswers: categories.expectsAnswers,
};
type CategoryFieldsRow = Pick<typeof categories.$inferSelect, keyof typeof categoryFields>;

export const toCategoryFields = (c: CategoryFieldsRow) => ({
  id: c.id,
  slug: c.slug,
  name: c.name,
  description: c.description,
  threadCount: c.threadCount,
  // The database holds what the API wrote, from these lists (shared/api/categories.ts).
  color: c.color as CategoryColor,
  icon: c.icon as CategoryIcon | null,
  access: c.access as CategoryAccess,
  archived: c.archivedAt !== null,
  expectsAnswers: c.expectsAnswers,
});

export const categoryArchived = () => conflict('category_archived', 'Deze categorie is gearchiveerd: je kunt er alleen nog in lezen.');

export interface OpenCategory {
  id: number;
  name: string;
  archivedAt: Date | null;
}

/** One prepared statement per kind of viewer: every category page asks it. */
const openCategoryQuery = perViewerKind((kind) =>
  preparedOnce((db: Db) =>
    db
      .select({ id: categories.id, name: categories.name, archivedAt: categories.archivedAt })
      .from(categories)
      .where(and(eq(categories.slug, sql.placeholder('slug')), categoryCondition(kind)))
      .limit(1)
      .prepare(`open_category_${kind}`),
  ),
);

/** The category with this slug if `user` may enter it; one she may not enter is as unknown as one that does not exist. */
export async function findOpenCategory(db: Db, slug: string, user: CurrentUser): Promise<OpenCategory | null> {
  const [row] = await openCategoryQuery[viewerKind(user)](db).execute({ slug });
  return row ?? null;
}

/** The slugs of the categories `user` may not enter, for the search filter; none for moderators (no query). */
export async function closedCategorySlugs(db: Db, user: CurrentUser): Promise<string[]> {
  const open = categoryOpenTo(user);
  if (!open) return [];
  const rows = await db.select({ slug: categories.slug }).from(categories).where(not(open));
  return rows.map((r) => r.slug);
}

export default async function categoryRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get('/api/categories', { config: { auth: 'member' }, schema: { summary: 'Categorieën', tags: ['forum'], response: { 200: CategoryList } } }, async (request) => {
    const user = request.user!;
    // The newest activity among the threads the asker sees, one index lookup per category:
    // threads_category_activity_idx is partial on exactly the member condition.
    const lastPostAt = app.db
      .select({ last: max(threads.lastPostAt) })
      .from(threads)
      .where(and(eq(threads.categoryId, categories.id), threadVisibleTo(user)));
    const rows = await app.db
      .select({
        ...categoryFields,
        lastPostAt: sql<string | null>`(${lastPostAt})`,
        // The asking member's own choice (no row: Normaal), in the same statement.
        watch: categoryWatches.level,
      })
      .from(categories)
      .leftJoin(categoryWatches, and(eq(categoryWatches.categoryId, categories.id), eq(categoryWatches.userId, user.id)))
      .where(categoryOpenTo(user))
      .orderBy(asc(categories.position), asc(categories.id));
    return {
      categories: rows.map((c) => ({
        ...toCategoryFields(c),
        lastPostAt: c.lastPostAt === null ? null : new Date(c.lastPostAt).toISOString(),
        watch: c.watch === 'watching' ? ('watching' as const) : ('normal' as const),
      })),
    };
  });
}
