import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../server/db/client.js';
import { seedCategories } from '../../server/forum/categories.js';
import { CATEGORIES } from '../../shared/constants.js';
import { createEmptyDatabase } from '../helpers/database.js';
import { migrateTo, migrationsBefore } from '../helpers/migrations.js';

/**
 * Migration 0012: the categories of a forum in use become the admins' data, the standard ones with the colour and
 * icon a new forum starts with, open to every member; and seeding no longer writes over what an admin changed.
 */
const before0012 = migrationsBefore('0012');

let database: Awaited<ReturnType<typeof createEmptyDatabase>> | undefined;
afterAll(async () => {
  await database?.drop();
  before0012.remove();
});

describe('migration 0012 on a database in use', () => {
  it('gives the standard categories their colour and icon, opens every category to members, and seeding keeps an admin’s names', async () => {
    database = await createEmptyDatabase();
    await migrateTo(database, before0012.folder);
    const { db } = database;
    await db.execute(sql`insert into categories (slug, name, description, position) values ('fuseren', 'Fuseren', 'Samengaan', 0), ('eigen', 'Eigen categorie', 'Zelf gemaakt', 1)`);
    await migrateTo(database);
    const rows = await queryRows<{ slug: string; color: string; icon: string | null; access: string; archived_at: Date | null }>(
      db,
      sql`select slug, color, icon, access, archived_at from categories order by position`,
    );
    const fuseren = CATEGORIES.find((c) => c.slug === 'fuseren')!;
    expect(rows).toEqual([
      { slug: 'fuseren', color: fuseren.color, icon: fuseren.icon, access: 'members', archived_at: null },
      { slug: 'eigen', color: 'blauw', icon: null, access: 'members', archived_at: null },
    ]);

    await db.execute(sql`update categories set name = 'Samengaan' where slug = 'fuseren'`);
    await seedCategories(db);
    expect(await queryRows(db, sql`select slug, name from categories order by position`)).toEqual([
      { slug: 'fuseren', name: 'Samengaan' },
      { slug: 'eigen', name: 'Eigen categorie' },
    ]);
  });
});
