import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { and, asc, count, eq, isNull, ne, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { AdminCategoryList, CategoryOrderBody, CreateCategoryBody, UpdateCategoryBody, type AdminCategory } from '../../shared/api/categories.js';
import { IdParams } from '../../shared/api/common.js';
import { CORE_CATEGORY_SLUGS, LIMITS } from '../../shared/constants.js';
import type { Db, Tx } from '../db/client.js';
import { categories, threads } from '../db/schema.js';
import { publish } from '../events/publish.js';
import { badRequest, conflict, notFound, someCause } from '../http/errors.js';
import { logAction } from '../moderation/record.js';
import { categoryFields, toCategoryFields } from './categories.js';
import { insertCategory } from './category-writes.js';

/**
 * Admins keep the categories: create, rename, describe, colour, restrict, archive, order and (only when it holds no
 * thread) delete. Every change is one transaction with its line in the log, and announces itself
 * (category.updated) so that live subscriptions are checked against a new restriction at once.
 */

/** The address part of a name: "Fractie & raadswerk" → "fractie-raadswerk". */
export function slugOf(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, LIMITS.categoryNameMax);
}

async function adminList(db: Db | Tx): Promise<AdminCategory[]> {
  const total = db.select({ n: count() }).from(threads).where(and(eq(threads.categoryId, categories.id), isNull(threads.deletedAt)));
  const rows = await db
    .select({ ...categoryFields, position: categories.position, threadsTotal: sql<number>`(${total})::int` })
    .from(categories)
    .orderBy(asc(categories.position), asc(categories.id));
  return rows.map((r) => ({ ...toCategoryFields(r), position: r.position, threadsTotal: r.threadsTotal, core: CORE_CATEGORY_SLUGS.includes(r.slug) }));
}

const nameTaken = () => conflict('category_exists', 'Er is al een categorie met deze naam.');
const isUniqueViolation = (error: unknown) => someCause(error, (e) => e.code === '23505');

export default async function categoryAdminRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const route = { config: { auth: 'admin' as const } };

  async function existing(db: Db | Tx, id: number) {
    const [row] = await db.select().from(categories).where(eq(categories.id, id)).for('update');
    if (!row) throw notFound('Deze categorie bestaat niet.');
    return row;
  }

  /** Another category whose name reads the same (case and accents aside). */
  async function sameName(db: Db | Tx, name: string, except: number | null): Promise<boolean> {
    const rows = await db.select({ id: categories.id, name: categories.name }).from(categories);
    return rows.some((r) => r.id !== except && slugOf(r.name) === slugOf(name));
  }

  api.get('/api/admin/categories', { ...route, schema: { summary: 'Alle categorieën, ook gearchiveerde', tags: ['admin'], response: { 200: AdminCategoryList } } }, async () => ({ categories: await adminList(app.db) }));

  api.post('/api/admin/categories', { ...route, schema: { summary: 'Categorie toevoegen', tags: ['admin'], body: CreateCategoryBody, response: { 201: AdminCategoryList } } }, async (request, reply) => {
    const admin = request.user!;
    const body = request.body;
    const name = body.name.trim();
    const slug = slugOf(name);
    if (slug.length < LIMITS.categoryNameMin) throw badRequest('invalid_name', 'Gebruik in de naam minstens twee letters of cijfers.', 'name');
    try {
      await app.db.transaction(async (tx) => {
        // One admin at a time: the count and the next position are read and written under the lock.
        await tx.execute(sql`lock table ${categories} in share row exclusive mode`);
        const [{ n, last }] = (await tx.select({ n: count(), last: sql<number>`coalesce(max(${categories.position}), -1)` }).from(categories)) as [{ n: number; last: number }];
        if (n >= LIMITS.categoriesMax) throw conflict('too_many_categories', `Er kunnen hoogstens ${LIMITS.categoriesMax} categorieën zijn.`);
        if (await sameName(tx, name, null)) throw nameTaken();
        await insertCategory(tx, { slug, name, description: body.description.trim(), color: body.color, icon: body.icon, access: body.access, expectsAnswers: body.expectsAnswers ?? true, position: last + 1 });
        await logAction(tx, { moderatorId: admin.id, action: 'create_category', details: { slug, name, access: body.access } });
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw nameTaken();
      throw error;
    }
    return reply.code(201).send({ categories: await adminList(app.db) });
  });

  api.patch('/api/admin/categories/:id', { ...route, schema: { summary: 'Categorie wijzigen', tags: ['admin'], params: IdParams, body: UpdateCategoryBody, response: { 200: AdminCategoryList } } }, async (request) => {
    const admin = request.user!;
    const body = request.body;
    if (Object.keys(body).length === 0) throw badRequest('nothing_to_change', 'Geef minstens één wijziging mee.');
    await app.db.transaction(async (tx) => {
      const current = await existing(tx, request.params.id);
      const set: Partial<typeof categories.$inferInsert> = {};
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      const change = <K extends 'name' | 'description' | 'color' | 'icon' | 'access' | 'expectsAnswers'>(key: K, to: (typeof current)[K] | undefined) => {
        if (to === undefined || to === current[key]) return;
        set[key] = to;
        changes[key] = { from: current[key], to };
      };
      const name = body.name?.trim();
      if (name !== undefined && slugOf(name).length < LIMITS.categoryNameMin) throw badRequest('invalid_name', 'Gebruik in de naam minstens twee letters of cijfers.', 'name');
      if (name !== undefined && (await sameName(tx, name, current.id))) throw nameTaken();
      change('name', name);
      change('description', body.description?.trim());
      change('color', body.color);
      change('icon', body.icon);
      change('access', body.access);
      change('expectsAnswers', body.expectsAnswers);
      if (body.archived !== undefined && body.archived !== (current.archivedAt !== null)) {
        set.archivedAt = body.archived ? new Date() : null;
        changes.archived = { from: !body.archived, to: body.archived };
      }
      if (Object.keys(changes).length === 0) return;
      await tx.update(categories).set(set).where(eq(categories.id, current.id));
      await logAction(tx, { moderatorId: admin.id, action: 'update_category', details: { slug: current.slug, changes } });
      await publish(tx, { type: 'category.updated', categoryId: current.id });
    });
    return { categories: await adminList(app.db) };
  });

  api.put('/api/admin/categories/order', { ...route, schema: { summary: 'Volgorde van de categorieën', tags: ['admin'], body: CategoryOrderBody, response: { 200: AdminCategoryList } } }, async (request) => {
    const ids = request.body.ids;
    await app.db.transaction(async (tx) => {
      await tx.execute(sql`lock table ${categories} in share row exclusive mode`);
      const all = await tx.select({ id: categories.id, slug: categories.slug }).from(categories);
      if (all.length !== ids.length || !all.every((c) => ids.includes(c.id))) {
        throw badRequest('invalid_order', 'Geef elke categorie precies één keer op; de lijst is intussen misschien veranderd. Laad de pagina opnieuw.', 'ids');
      }
      for (const [position, id] of ids.entries()) await tx.update(categories).set({ position }).where(eq(categories.id, id));
      const slugs = ids.map((id) => all.find((c) => c.id === id)!.slug);
      await logAction(tx, { moderatorId: request.user!.id, action: 'order_categories', details: { order: slugs } });
    });
    return { categories: await adminList(app.db) };
  });

  api.delete('/api/admin/categories/:id', { ...route, schema: { summary: 'Lege categorie verwijderen', tags: ['admin'], params: IdParams } }, async (request, reply) => {
    await app.db.transaction(async (tx) => {
      const current = await existing(tx, request.params.id);
      if (CORE_CATEGORY_SLUGS.includes(current.slug)) {
        throw conflict('core_category', `${current.name} is een van de drie vaste categorieën: je kunt hem hernoemen of archiveren, niet verwijderen.`);
      }
      // Hidden threads count: a moderator can still open and move them. Deleted ones nobody opens; they stay on
      // record (their reports and log lines point at them) in the first category, where nobody sees them either.
      const [{ n }] = (await tx.select({ n: count() }).from(threads).where(and(eq(threads.categoryId, current.id), isNull(threads.deletedAt)))) as [{ n: number }];
      if (n > 0) {
        throw conflict(
          'category_not_empty',
          `Deze categorie bevat nog ${n === 1 ? '1 discussie' : `${n} discussies`} (verborgen discussies meegeteld). Verplaats ze of archiveer de categorie.`,
        );
      }
      const [first] = await tx.select({ id: categories.id }).from(categories).where(ne(categories.id, current.id)).orderBy(asc(categories.position), asc(categories.id)).limit(1);
      await tx.update(threads).set({ categoryId: first!.id }).where(eq(threads.categoryId, current.id));
      await tx.delete(categories).where(eq(categories.id, current.id));
      await logAction(tx, { moderatorId: request.user!.id, action: 'delete_category', details: { slug: current.slug, name: current.name } });
    });
    return reply.code(204).send();
  });
}
