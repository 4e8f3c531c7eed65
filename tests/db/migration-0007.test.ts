import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { queryRows, type Database } from '../../server/db/client.js';
import { createEmptyDatabase } from '../helpers/database.js';
import { migrateTo, migrationsBefore } from '../helpers/migrations.js';

/**
 * Migration 0007 (unique display names, erasable accounts) must apply to a database that is already in use: names
 * that are now one name made distinct first, log rows written before it kept and then erasable. Run on PGlite and,
 * with DATABASE_URL, on the real PostgreSQL server.
 */
const before0007 = migrationsBefore('0007');

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  before0007.remove();
});

async function emptyDatabase(): Promise<Database> {
  const database = await createEmptyDatabase();
  cleanups.push(() => database.drop());
  return database;
}

describe('migration 0007 on a database in use', () => {
  it('makes duplicate names distinct (the oldest keeps it), keeps the log, and then lets an approved member be deleted', async () => {
    const database = await emptyDatabase();
    await migrateTo(database, before0007.folder);
    const { db } = database;
    const names = ['Anna de Vries', 'ANNA DE VRIES', 'Änna de Vries\u200B', 'Bert', 'bert', 'Anna de Vries 2', 'Chris'];
    for (const [i, name] of names.entries()) {
      await db.execute(sql`insert into users (email, password_hash, display_name, party, municipality, role, status)
        values (${`lid${i}@example.nl`}, 'x', ${name}, 'Partij', 'Utrecht', ${i === 6 ? 'admin' : 'member'}, 'active')`);
    }
    const ids = (await queryRows<{ id: number }>(db, sql`select id from users order by id`)).map((r) => r.id);
    // A fresh database: the second Anna is id 2, so her new name "ANNA DE VRIES 2" meets the existing "Anna de Vries 2".
    expect(ids[1]).toBe(2);
    // Chris (admin) approved Bert; the log row was written under migration 0001's append-only trigger.
    await db.execute(sql`insert into moderation_actions (moderator_id, action, target_user_id) values (${ids[6]}, 'approve_user', ${ids[3]})`);

    await migrateTo(database);

    // Migration 0016 adds the one "Oud-lid" account (status deleted) that deleted members' posts move to: not one of these.
    const after = await queryRows<{ id: number; display_name: string }>(db, sql`select id, display_name from users where status <> 'deleted' order by id`);
    expect(after.map((u) => u.display_name)).toEqual([
      'Anna de Vries',
      `ANNA DE VRIES ${ids[1]}`,
      `Änna de Vries\u200B ${ids[2]}`,
      'Bert',
      `bert ${ids[4]}`,
      // Met by an appended name: made distinct in the next round.
      `Anna de Vries 2 ${ids[5]}`,
      'Chris',
    ]);
    const keys = await queryRows<{ k: string }>(db, sql`select display_name_key(display_name) as k from users where status <> 'deleted'`);
    expect(new Set(keys.map((r) => r.k)).size).toBe(names.length);
    await expect(db.execute(sql`insert into users (email, password_hash, display_name, party, municipality) values ('nog1@example.nl', 'x', 'chris', 'P', 'U')`)).rejects.toThrow();

    // Bert, approved and without posts, can now be deleted; the log row stays and says an account was deleted.
    await db.execute(sql`delete from users where id = ${ids[3]}`);
    const log = await queryRows<{ moderator_id: number | null; target_user_id: number | null; target_user_deleted: boolean; moderator_deleted: boolean; action: string }>(
      db,
      sql`select moderator_id, target_user_id, target_user_deleted, moderator_deleted, action from moderation_actions`,
    );
    expect(log).toEqual([{ moderator_id: ids[6], target_user_id: null, target_user_deleted: true, moderator_deleted: false, action: 'approve_user' }]);
    await expect(db.execute(sql`delete from moderation_actions`)).rejects.toThrow();
  });
});
