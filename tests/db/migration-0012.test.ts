import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { afterAll, describe, expect, it } from 'vitest';
import { migrationsFolder, queryRows, type Database } from '../../server/db/client.js';
import { seedCategories } from '../../server/forum/categories.js';
import { CATEGORIES } from '../../shared/constants.js';
import { createEmptyDatabase } from '../helpers/database.js';

/**
 * Migration 0012: the categories of a forum in use become the admins' data, the standard ones with the colour and
 * icon a new forum starts with, open to every member; and seeding no longer writes over what an admin changed.
 */
const before0012 = mkdtempSync(join(tmpdir(), 'plein-migrations-'));
cpSync(migrationsFolder, before0012, { recursive: true });
const journalFile = join(before0012, 'meta', '_journal.json');
const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
journal.entries = journal.entries.filter((e) => e.tag < '0012');
writeFileSync(journalFile, JSON.stringify(journal));

let database: Awaited<ReturnType<typeof createEmptyDatabase>> | undefined;
afterAll(async () => {
  await database?.drop();
  rmSync(before0012, { recursive: true, force: true });
});

const migrateTo = (db: Database, folder: string) =>
  db.kind === 'pglite' ? migratePglite(db.db as never, { migrationsFolder: folder }) : migratePg(db.db as never, { migrationsFolder: folder });

describe('migration 0012 on a database in use', () => {
  it('gives the standard categories their colour and icon, opens every category to members, and seeding keeps an admin’s names', async () => {
    database = await createEmptyDatabase();
    await migrateTo(database, before0012);
    const { db } = database;
    await db.execute(sql`insert into categories (slug, name, description, position) values ('fuseren', 'Fuseren', 'Samengaan', 0), ('eigen', 'Eigen categorie', 'Zelf gemaakt', 1)`);
    await migrateTo(database, migrationsFolder);
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
