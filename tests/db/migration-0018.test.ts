import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../server/db/client.js';
import { ANONYMOUS_MEMBER_EMAIL, CENTRE_ACCOUNT_EMAIL } from '../../server/helpdesk/accounts.js';
import { createEmptyDatabase } from '../helpers/database.js';
import { migrateTo, migrationsBefore } from '../helpers/migrations.js';

/**
 * Migration 0018: the helpdesk's two publishing accounts, "Kenniscentrum" and "Lid van een lokale partij". A member who
 * already carries one of those names (in any spelling display_name_key() folds together) keeps her account and gets
 * her id appended, as 0016 did for "Oud-lid".
 */
const before0018 = migrationsBefore('0018');

let database: Awaited<ReturnType<typeof createEmptyDatabase>> | undefined;
afterAll(async () => {
  await database?.drop();
  before0018.remove();
});

describe('migration 0018 on a database in use', () => {
  it('renames members carrying the names and adds the two accounts that cannot log in', async () => {
    database = await createEmptyDatabase();
    await migrateTo(database, before0018.folder);
    const { db } = database;
    await db.execute(sql`insert into users (email, password_hash, display_name, party, municipality, status)
                         values ('a@example.nl', 'x', 'KENNISCENTRUM', 'P', 'Utrecht', 'active'), ('b@example.nl', 'x', 'Anna', 'P', 'Utrecht', 'active')`);
    await migrateTo(database);
    const rows = await queryRows<{ id: number; email: string; display_name: string; status: string; password_hash: string; email_confirmed_at: Date | null }>(
      db,
      sql`select id, email, display_name, status, password_hash, email_confirmed_at from users where email not like 'oud-lid@%' order by id`,
    );
    expect(rows.map((r) => r.display_name)).toEqual([`KENNISCENTRUM ${rows[0]!.id}`, 'Anna', 'Kenniscentrum', 'Lid van een lokale partij']);
    expect(rows.slice(2).map((r) => r.email)).toEqual([CENTRE_ACCOUNT_EMAIL, ANONYMOUS_MEMBER_EMAIL]);
    for (const account of rows.slice(2)) expect(account).toMatchObject({ status: 'deleted', password_hash: '!', email_confirmed_at: null });
  });
});
