import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../server/db/client.js';
import { createEmptyDatabase } from '../helpers/database.js';
import { migrateTo, migrationsBefore } from '../helpers/migrations.js';

/**
 * Migration 0010: a thread hidden before it, which was always hidden through its opening post, is shown again
 * (the opening post stays hidden), counted in its category and queued for search again. Run on PGlite and, with
 * DATABASE_URL, on the real PostgreSQL server.
 */
const before0010 = migrationsBefore('0010');

let database: Awaited<ReturnType<typeof createEmptyDatabase>> | undefined;
afterAll(async () => {
  await database?.drop();
  before0010.remove();
});

describe('migration 0010 on a database in use', () => {
  it('shows again the threads hidden through their opening post, keeps the post hidden, recounts and reindexes', async () => {
    database = await createEmptyDatabase();
    await migrateTo(database, before0010.folder);
    const { db } = database;
    await db.execute(sql`insert into users (email, password_hash, display_name, party, municipality, status) values ('lid@example.nl', 'x', 'Lid', 'Partij', 'Utrecht', 'active')`);
    const [category] = await queryRows<{ id: number }>(db, sql`insert into categories (slug, name, description) values ('campagne', 'Campagne', 'Campagne voeren') returning id`);
    const thread = async (hidden: boolean, deleted: boolean) => {
      const [row] = await queryRows<{ id: number }>(
        db,
        sql`insert into threads (category_id, author_id, title, post_count, hidden_at, deleted_at)
            values (${category!.id}, 1, 'Onderwerp', 1, ${hidden ? sql`now()` : null}, ${deleted ? sql`now()` : null}) returning id`,
      );
      await db.execute(sql`insert into posts (thread_id, author_id, body, body_html, hidden_at) values (${row!.id}, 1, 'Tekst', '<p>Tekst</p>', ${hidden ? sql`now()` : null})`);
      return row!.id;
    };
    const visible = await thread(false, false);
    const hidden = await thread(true, false);
    const hiddenAndDeleted = await thread(true, true);
    // The count as it was: the hidden thread not in it.
    await db.execute(sql`update categories set thread_count = 1 where id = ${category!.id}`);

    await migrateTo(database);

    const rows = await queryRows<{ id: number; hidden_at: Date | null }>(db, sql`select id, hidden_at from threads order by id`);
    expect(rows.map((r) => [r.id, r.hidden_at])).toEqual([
      [visible, null],
      [hidden, null],
      [hiddenAndDeleted, null],
    ]);
    const posts = await queryRows<{ thread_id: number; hidden: boolean }>(db, sql`select thread_id, hidden_at is not null as hidden from posts order by id`);
    expect(posts.map((p) => p.hidden)).toEqual([false, true, true]);
    const [counted] = await queryRows<{ thread_count: number }>(db, sql`select thread_count from categories where id = ${category!.id}`);
    expect(counted!.thread_count).toBe(2);
    const outbox = await queryRows<{ kind: string; target_id: number }>(db, sql`select kind, target_id::int from search_outbox`);
    expect(outbox).toEqual([{ kind: 'thread', target_id: hidden }]);
  });
});
