import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../server/db/client.js';
import { createEmptyDatabase } from '../helpers/database.js';
import { migrateTo, migrationsBefore } from '../helpers/migrations.js';

/**
 * Migration 0016: the one "Oud-lid" account that keeps the posts of deleted accounts. A member who already carries
 * that name (in any case or spelling display_name_key() folds together) keeps her account and gets her id appended.
 */
const before0016 = migrationsBefore('0016');
// Up to 0016 and no further: later migrations add accounts of their own (0018).
const through0016 = migrationsBefore('0017');

let database: Awaited<ReturnType<typeof createEmptyDatabase>> | undefined;
afterAll(async () => {
  await database?.drop();
  before0016.remove();
  through0016.remove();
});

describe('migration 0016 on a database in use', () => {
  it('renames a member called "Oud-lid" and adds the former-member account that cannot log in', async () => {
    database = await createEmptyDatabase();
    await migrateTo(database, before0016.folder);
    const { db } = database;
    await db.execute(sql`insert into users (email, password_hash, display_name, party, municipality, status)
                         values ('a@example.nl', 'x', 'OUD-LID', 'P', 'Utrecht', 'active'), ('b@example.nl', 'x', 'Anna', 'P', 'Utrecht', 'active')`);
    await migrateTo(database, through0016.folder);
    const rows = await queryRows<{ id: number; display_name: string; status: string; password_hash: string; email_confirmed_at: Date | null }>(
      db,
      sql`select id, display_name, status, password_hash, email_confirmed_at from users order by id`,
    );
    expect(rows.map((r) => r.display_name)).toEqual([`OUD-LID ${rows[0]!.id}`, 'Anna', 'Oud-lid']);
    expect(rows[2]).toMatchObject({ status: 'deleted', password_hash: '!', email_confirmed_at: null });
  });
});
