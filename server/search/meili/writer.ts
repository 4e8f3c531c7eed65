import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { EnqueuedTask, Index, Task } from 'meilisearch';
import { queryRows, type Db } from '../../db/client.js';
import { loadDocuments } from '../documents.js';
import type { SearchDocument } from '../types.js';
import { chunkDocuments, toMeiliPost, type ChunkLimits, type MeiliPost } from './documents.js';
import { refusesDocuments } from './errors.js';

/** Ids per delete request. */
export const DELETE_CHUNK = 1000;

/** Where a refused document is reported (Fastify's logger fits). */
export interface MeiliLog {
  warn(obj: object, msg: string): void;
}

/** What the writer needs of the index (meili-index.ts): its documents, and its way of running a task after setup. */
export interface WriterContext {
  posts(): Index<MeiliPost>;
  /** Runs a write task (once setup is done, repeating it after a new setup when needed); throws when it failed. */
  runTask(what: string, payload: unknown, enqueue: () => Promise<EnqueuedTask>): Promise<Task>;
  db: Db | undefined;
  log: MeiliLog;
  chunks: ChunkLimits;
}

/**
 * The write side of the Meilisearch index: documents in bounded requests, refused documents isolated, and every
 * write checked against the database afterwards.
 */
export class MeiliWriter {
  /** Posts Meilisearch refused on their own (left out of the index and logged), by id. */
  readonly parked = new Set<number>();

  constructor(private readonly ctx: WriterContext) {}

  async index(docs: SearchDocument[]): Promise<void> {
    const sent = await this.toPosts(docs);
    for (const chunk of chunkDocuments([...sent.values()], this.ctx.chunks)) await this.addChunk(chunk);
    await this.verify(new Map([...sent].map(([id, post]) => [id, digest(post)])));
  }

  async remove(postIds: number[]): Promise<void> {
    await this.deleteIds(postIds);
    await this.verify(new Map(postIds.map((id) => [id, null])));
  }

  async deleteIds(ids: number[]): Promise<void> {
    for (let i = 0; i < ids.length; i += DELETE_CHUNK) {
      const part = ids.slice(i, i + DELETE_CHUNK);
      await this.ctx.runTask('deletion', part, () => this.ctx.posts().deleteDocuments(part));
    }
  }

  /**
   * One request of documents. When Meilisearch refuses it because of its documents (a task fails as a whole, or the
   * payload is too large), the request is split in halves until the refused document is alone; that one is left
   * out and logged, so one bad post never blocks the others forever.
   */
  private async addChunk(chunk: MeiliPost[]): Promise<void> {
    try {
      await this.ctx.runTask('documents', chunk, () => this.ctx.posts().addDocuments(chunk, { primaryKey: 'postId' }));
      for (const post of chunk) this.parked.delete(post.postId);
    } catch (err) {
      if (!refusesDocuments(err)) throw err;
      if (chunk.length === 1) {
        const post = chunk[0]!;
        this.parked.add(post.postId);
        this.ctx.log.warn({ postId: post.postId, threadId: post.threadId, err }, 'meilisearch refused a post; it is left out of the index');
        return;
      }
      const half = Math.ceil(chunk.length / 2);
      await this.addChunk(chunk.slice(0, half));
      await this.addChunk(chunk.slice(half));
    }
  }

  private async toPosts(docs: SearchDocument[]): Promise<Map<number, MeiliPost>> {
    const openings = await this.openingPosts(docs.map((d) => d.threadId));
    return new Map(docs.map((d) => [d.postId, toMeiliPost(d, openings.has(d.postId))]));
  }

  /** The opening post of each thread: the thread's first post, as postgres-index.ts decides it. */
  private async openingPosts(threadIds: number[]): Promise<Set<number>> {
    const db = this.ctx.db;
    if (!db || threadIds.length === 0) return new Set();
    const rows = await queryRows<{ id: number }>(
      db,
      sql`select min(id)::int as id from posts where thread_id in (select jsonb_array_elements_text(${JSON.stringify([...new Set(threadIds)])}::jsonb)::int) group by thread_id`,
    );
    return new Set(rows.map((r) => r.id));
  }

  /**
   * After a write: the posts' state now, from the database, against what was sent (a digest, or null for deleted).
   * Several workers may handle the same post: one that loaded a post before an edit can enqueue its older text after
   * another worker enqueued the newer one, and Meilisearch applies tasks in the order they arrive. The worker whose
   * task came last sees here that the text it sent is no longer current and sends the current one; every later
   * change brings its own outbox row. Posts left out as refused are not sent again.
   */
  private async verify(sent: Map<number, string | null>): Promise<void> {
    const db = this.ctx.db;
    if (!db) return;
    for (let round = 0; round < 2; round++) {
      const { docs, removed } = await loadDocuments(db, [...sent.keys()]);
      const current = await this.toPosts(docs);
      const stale = [...current.values()].filter((p) => !this.parked.has(p.postId) && sent.get(p.postId) !== digest(p));
      const gone = removed.filter((id) => sent.get(id) !== null);
      if (stale.length === 0 && gone.length === 0) return;
      for (const chunk of chunkDocuments(stale, this.ctx.chunks)) await this.addChunk(chunk);
      await this.deleteIds(gone);
      for (const p of stale) sent.set(p.postId, digest(p));
      for (const id of gone) sent.set(id, null);
    }
  }
}

export function digest(value: unknown): string {
  return createHash('sha1').update(JSON.stringify(value)).digest('hex');
}
