import { sql } from 'drizzle-orm';
import { toPlainText } from '../content/render.js';
import { queryRows, type DbOrTx } from '../db/client.js';
import { solvedSql } from '../forum/solved.js';
import { searchableSql } from '../forum/visibility.js';
import { cleanText, decodeEntities } from './text.js';
import type { SearchDocument } from './types.js';

interface Row {
  post_id: number;
  thread_id: number;
  title: string;
  body_html: string;
  category_slug: string;
  author_id: number;
  author_name: string;
  created_at: Date | string;
  visible: boolean;
  solved: boolean;
}

/**
 * The CURRENT state of some posts, split into what the index must hold (visible to members) and
 * what it must drop (hidden, deleted, in a hidden or deleted thread, or gone altogether).
 */
export async function loadDocuments(db: DbOrTx, postIds: number[]): Promise<{ docs: SearchDocument[]; removed: number[] }> {
  if (postIds.length === 0) return { docs: [], removed: [] };
  const rows = await queryRows<Row>(
    db,
    sql`select p.id as post_id, p.thread_id, t.title, p.body_html, c.slug as category_slug, p.author_id,
               u.display_name as author_name, p.created_at,
               (${searchableSql()}) as visible,
               (${solvedSql(sql`t.solution_post_id`)}) as solved
          from posts p
          join threads t on t.id = p.thread_id
          join categories c on c.id = t.category_id
          join users u on u.id = p.author_id
         where p.id in (select jsonb_array_elements_text(${JSON.stringify(postIds)}::jsonb)::int)`,
  );
  const docs: SearchDocument[] = [];
  for (const row of rows) {
    if (!row.visible) continue;
    docs.push({
      postId: row.post_id,
      threadId: row.thread_id,
      title: cleanText(row.title),
      body: cleanText(decodeEntities(toPlainText(row.body_html))),
      categorySlug: row.category_slug,
      authorId: row.author_id,
      authorName: row.author_name,
      createdAt: new Date(row.created_at),
      solved: row.solved,
    });
  }
  const visible = new Set(docs.map((d) => d.postId));
  const removed = postIds.filter((id) => !visible.has(id));
  return { docs, removed };
}

/** Every post id of some threads (a renamed, moved, hidden or deleted thread affects all its posts). */
export async function postIdsOfThreads(db: DbOrTx, threadIds: number[]): Promise<number[]> {
  if (threadIds.length === 0) return [];
  const rows = await queryRows<{ id: number }>(
    db,
    sql`select id from posts where thread_id in (select jsonb_array_elements_text(${JSON.stringify(threadIds)}::jsonb)::int) order by id`,
  );
  return rows.map((r) => r.id);
}
