import { sql } from 'drizzle-orm';
import { queryRows, type Db, type DbOrTx } from '../db/client.js';
import { loadDocuments } from './documents.js';
import { documentTsvector } from './postgres-tsvector.js';
import { searchThreads } from './postgres-search.js';
import { foldWord } from './analysis/fold.js';
import { extractWords } from './text.js';
import type { SearchDocument, SearchIndex, SearchRequest, SearchResult } from './types.js';

export { RANK_WINDOW } from './postgres-search.js';

/** The first key of the advisory locks `sync` takes (the second is the post id); no other lock of the app uses it. */
const SYNC_LOCK_SPACE = 0x5ea4c;

/** Search inside the database (PostgreSQL or PGlite): the application writes each post's tsvector from the Dutch analysis. */
export class PostgresSearchIndex implements SearchIndex {
  readonly name = 'postgres';

  constructor(private readonly db: Db) {}

  async setup(): Promise<void> {}

  /**
   * Loads and writes inside one transaction that holds a lock per post (sorted, so two workers never deadlock): a
   * worker that syncs a post another is syncing waits, then loads the state the other wrote or newer. Without it, a
   * worker that loaded the older text could write it after one that wrote the newer.
   */
  async sync(db: Db, postIds: number[]): Promise<{ indexed: number; removed: number }> {
    if (postIds.length === 0) return { indexed: 0, removed: 0 };
    return db.transaction(async (tx) => {
      await tx.execute(
        sql`select pg_advisory_xact_lock(${SYNC_LOCK_SPACE}, id) from (select distinct jsonb_array_elements_text(${JSON.stringify(postIds)}::jsonb)::int as id order by 1) ids`,
      );
      const { docs, removed } = await loadDocuments(tx, postIds);
      await this.write(tx, docs, removed);
      return { indexed: docs.length, removed: removed.length };
    });
  }

  async index(docs: SearchDocument[]): Promise<void> {
    await this.db.transaction((tx) => this.write(tx, docs, []));
  }

  async remove(postIds: number[]): Promise<void> {
    await this.write(this.db, [], postIds);
  }

  /** Writes documents (their tsvectors and correction words) and deletes those of `removed`. */
  async write(db: DbOrTx, docs: SearchDocument[], removed: number[]): Promise<void> {
    if (removed.length > 0) {
      await db.execute(sql`delete from search_documents where post_id in (select jsonb_array_elements_text(${JSON.stringify(removed)}::jsonb)::int)`);
    }
    if (docs.length === 0) return;
    // The title weighs fully on the thread's opening post only (postgres-tsvector.ts): which post opens each thread.
    const threadIds = [...new Set(docs.map((d) => d.threadId))];
    const openings = new Set(
      (
        await queryRows<{ id: number }>(
          db,
          sql`select min(id)::int as id from posts where thread_id in (select jsonb_array_elements_text(${JSON.stringify(threadIds)}::jsonb)::int) group by thread_id`,
        )
      ).map((r) => r.id),
    );
    const json = JSON.stringify(
      docs.map((d) => ({
        post_id: d.postId,
        thread_id: d.threadId,
        category_slug: d.categorySlug,
        author_id: d.authorId,
        title: d.title,
        body: d.body,
        created_at: d.createdAt.toISOString(),
        solved: d.solved,
        tsv: documentTsvector(d.title, d.body, openings.has(d.postId)),
      })),
    );
    const words = [...new Set(docs.flatMap((d) => extractWords(`${d.title} ${d.body}`)))];
    await db.execute(sql`
      insert into search_documents (post_id, thread_id, category_id, author_id, title, body, created_at, solved, tsv)
      select x.post_id, x.thread_id, c.id, x.author_id, x.title, x.body, x.created_at, x.solved, x.tsv::tsvector
        from jsonb_to_recordset(${json}::jsonb)
             as x(post_id int, thread_id int, category_slug text, author_id int, title text, body text, created_at timestamptz, solved boolean, tsv text)
        join categories c on c.slug = x.category_slug
      on conflict (post_id) do update
        set thread_id = excluded.thread_id, category_id = excluded.category_id, author_id = excluded.author_id,
            title = excluded.title, body = excluded.body, created_at = excluded.created_at, solved = excluded.solved, tsv = excluded.tsv,
            indexed_at = now()`);
    if (words.length > 0) {
      await db.execute(sql`insert into search_words (word) select jsonb_array_elements_text(${JSON.stringify(words)}::jsonb) on conflict do nothing`);
    }
  }

  async health(): Promise<'ok' | 'degraded'> {
    await this.db.execute(sql`select 1 from search_documents limit 1`);
    return 'ok';
  }

  search(request: SearchRequest): Promise<SearchResult> {
    return searchThreads(this.db, request);
  }

  /**
   * "kandidaatsteling" → "kandidaatstelling": each word no indexed post contains, replaced by the most similar known
   * word (trigrams over search_words), in one query. Whether the correction finds anything the member may see is
   * the service's to check (a word of a hidden post must not be revealed).
   */
  async corrections(words: string[]): Promise<Map<string, string>> {
    const typed = [...new Set(words)].slice(0, 8);
    if (typed.length === 0) return new Map();
    const folded = typed.map(foldWord);
    const rows = await queryRows<{ i: number; word: string }>(
      this.db,
      sql`select q.i::int as i, s.word
            from jsonb_array_elements_text(${JSON.stringify(folded)}::jsonb) with ordinality as q(typed, i)
            cross join lateral (
              select w.word from search_words w
               where w.word % q.typed and w.word <> q.typed
               order by similarity(w.word, q.typed) desc, w.word
               limit 1
            ) s
           where not exists (select 1 from search_words k where k.word = q.typed)`,
    );
    return new Map(rows.map((r) => [typed[r.i - 1]!, r.word]));
  }

  /** The synonyms are in each query (analysis/query.ts expands them): nothing to keep here. */
  async setSynonyms(): Promise<void> {}
}
