import { Meilisearch, type EnqueuedTask, type Index, type Task } from 'meilisearch';
import type { Db } from '../db/client.js';
import type { SynonymSet } from './analysis/types.js';
import { loadDocuments } from './documents.js';
import { DEFAULT_CHUNKS, type ChunkLimits, type MeiliPost } from './meili/documents.js';
import { needsSetup, taskError } from './meili/errors.js';
import { canManageKeys, deriveAppKey } from './meili/keys.js';
import { searchThreads } from './meili/search.js';
import { indexSettings, synonymSetting } from './meili/settings.js';
import { TaskRunner } from './meili/tasks.js';
import { DELETE_CHUNK, digest, MeiliWriter, type MeiliLog } from './meili/writer.js';
import type { SearchDocument, SearchIndex, SearchRequest, SearchResult } from './types.js';

export { filterExpression } from './meili/query.js';
export type { MeiliLog } from './meili/writer.js';

export interface MeiliIndexOptions {
  /**
   * The forum database: which post opens each thread (its title counts as the post's own text), and a check after
   * every write that the index holds the posts' current state (meili/writer.ts). Without it every post is a reply and
   * writes are not checked.
   */
  db?: Db;
  log?: MeiliLog;
  /** How long to wait for one task before reporting the engine unavailable (the task is then waited on next time). */
  taskTimeoutMs?: number;
  /** How long one HTTP request may take. */
  requestTimeoutMs?: number;
  chunks?: Partial<ChunkLimits>;
  /**
   * When the given key may manage keys (it is the master key), create a key that may only use this index
   * (meili/keys.ts) and use that from then on. Default true; MEILI_API_KEY (already scoped) is used as given.
   */
  deriveScopedKey?: boolean;
}

/**
 * Meilisearch, through its official client. It holds one document per post that search may show (documents.ts keeps
 * only those, by forum/visibility.ts); hits are checked against the forum tables again before they are shown
 * (visible-hits.ts). Documents and queries are analysed by analysis/ (Dutch roots and compound parts) before they
 * reach Meilisearch, so both engines match the same terms. Settings: meili/settings.ts; queries: meili/query.ts.
 */
export class MeiliSearchIndex implements SearchIndex {
  readonly name = 'meilisearch';
  private client: Meilisearch;
  private readonly given: Meilisearch;
  private readonly tasks: TaskRunner;
  private readonly writer: MeiliWriter;
  private ready = false;
  private setupRun: Promise<void> | null = null;
  /** The admins' list in term space; null until setSynonyms was called (the index's setting is then left alone). */
  private synonyms: Record<string, string[]> | null = null;
  private synonymsInIndex = false;
  private scopedKey = false;

  constructor(
    private readonly host: string,
    private readonly apiKey: string | null,
    readonly indexUid = 'posts',
    private readonly options: MeiliIndexOptions = {},
  ) {
    this.given = this.makeClient(apiKey);
    this.client = this.given;
    this.tasks = new TaskRunner(() => this.client, options.taskTimeoutMs ?? 10_000);
    this.writer = new MeiliWriter({
      posts: () => this.posts(),
      runTask: (what, payload, enqueue) => this.withSetup(() => this.runTask(what, payload, enqueue)),
      db: options.db,
      log: options.log ?? { warn: (obj, msg) => console.warn(msg, obj) },
      chunks: { ...DEFAULT_CHUNKS, ...options.chunks },
    });
  }

  /** Posts Meilisearch refused on their own (left out of the index and logged), by id. */
  get parked(): ReadonlySet<number> {
    return this.writer.parked;
  }

  /** Whether the app works with a key derived for this index rather than the key it was given. */
  get usesScopedKey(): boolean {
    return this.scopedKey;
  }

  /**
   * Derives the scoped key (once), then applies the settings and waits until Meilisearch has (a failed settings task
   * is an error, not a success). Concurrent callers share one run; after a failure the next call tries again, and
   * every search and write calls it first, so an engine that was down at start is set up once it is back.
   */
  setup(): Promise<void> {
    if (this.ready) return Promise.resolve();
    this.setupRun ??= this.runSetup().finally(() => {
      this.setupRun = null;
    });
    return this.setupRun;
  }

  private async runSetup(): Promise<void> {
    // Every setup (they are rare: at start, and after the index or the key went missing) derives again: a key that
    // was revoked, or a Meilisearch started on an empty data folder, gets it back.
    if (this.apiKey !== null && this.options.deriveScopedKey !== false && (await canManageKeys(this.given))) {
      this.client = this.makeClient(await deriveAppKey(this.given, this.indexUid));
      this.scopedKey = true;
    }
    const synonyms = this.synonyms;
    const settings = indexSettings(synonyms ?? {});
    if (synonyms === null) delete settings.synonyms;
    await this.runTask('settings', settings, () => this.posts().updateSettings(settings));
    // The list may have changed while the task ran (setSynonyms during setup): then it is applied on the next setup.
    this.synonymsInIndex = synonyms !== null && synonyms === this.synonyms;
    this.ready = this.synonyms === synonyms;
  }

  async setSynonyms(groups: readonly SynonymSet[]): Promise<void> {
    this.synonyms = synonymSetting(groups);
    this.synonymsInIndex = false;
    if (!this.ready) return this.setup();
    const synonyms = this.synonyms;
    try {
      await this.runTask('synonyms', synonyms, () => this.posts().updateSynonyms(synonyms));
      this.synonymsInIndex = true;
    } catch (err) {
      // Until they are in place, queries carry the synonyms themselves (query.ts); the next setup applies them.
      this.ready = false;
      throw err;
    }
  }

  /** Loads and writes; the writer then checks what it wrote against the database again (meili/writer.ts). */
  async sync(db: Db, postIds: number[]): Promise<{ indexed: number; removed: number }> {
    const { docs, removed } = await loadDocuments(db, postIds);
    await this.index(docs);
    await this.remove(removed);
    return { indexed: docs.length, removed: removed.length };
  }

  async index(docs: SearchDocument[]): Promise<void> {
    if (docs.length === 0) return;
    await this.setup();
    await this.writer.index(docs);
  }

  async remove(postIds: number[]): Promise<void> {
    if (postIds.length === 0) return;
    await this.setup();
    await this.writer.remove(postIds);
  }

  async search(request: SearchRequest): Promise<SearchResult> {
    if (request.query.required.length === 0) return { hits: [], hasMore: false };
    await this.setup();
    return this.withSetup(() => searchThreads(this.client, this.indexUid, request, this.synonymsInIndex));
  }

  /** Meilisearch tolerates typos itself: the typed words are answered as typed (SearchResponse.resultsFor). */
  corrections(): Promise<Map<string, string>> {
    return Promise.resolve(new Map());
  }

  /**
   * Checked with the key the app uses, on the index it uses: /health answers without any key, so it says nothing
   * about a revoked key or a missing index.
   */
  async health(): Promise<'ok' | 'degraded'> {
    try {
      await this.setup();
      await this.withSetup(() => this.posts().search('', { limit: 0 }));
      return 'ok';
    } catch {
      return 'degraded';
    }
  }

  /**
   * Deletes documents whose posts no longer exist or may no longer be shown: what reindexing through the outbox
   * cannot do, since it only visits posts the database still has. Needs the database. Returns how many went.
   */
  async pruneStale(): Promise<number> {
    const db = this.options.db;
    if (!db) throw new Error('meilisearch: pruneStale needs the database');
    await this.setup();
    const ids: number[] = [];
    for (let offset = 0; ; offset += 1000) {
      const page = await this.withSetup(() => this.posts().getDocuments({ fields: ['postId'], offset, limit: 1000 }));
      ids.push(...page.results.map((d) => d.postId));
      if (page.results.length < 1000) break;
    }
    const stale: number[] = [];
    for (let i = 0; i < ids.length; i += DELETE_CHUNK) stale.push(...(await loadDocuments(db, ids.slice(i, i + DELETE_CHUNK))).removed);
    await this.writer.deleteIds(stale);
    return stale.length;
  }

  private posts(): Index<MeiliPost> {
    return this.client.index<MeiliPost>(this.indexUid);
  }

  private makeClient(apiKey: string | null): Meilisearch {
    return new Meilisearch({ host: this.host, ...(apiKey ? { apiKey } : {}), timeout: this.options.requestTimeoutMs ?? 5000 });
  }

  /** A call that Meilisearch refuses because the index is not as setup() left it is repeated once after setup. */
  private async withSetup<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (err) {
      if (!needsSetup(err)) throw err;
      this.ready = false;
      await this.setup();
      return call();
    }
  }

  /** Enqueues a write and waits for it; throws when it failed (waitForTask resolves with failed tasks). */
  private async runTask(what: string, payload: unknown, enqueue: () => Promise<EnqueuedTask>): Promise<Task> {
    const task = await this.tasks.run(`${what}:${digest(payload)}`, enqueue);
    const error = taskError(task, what);
    if (error) throw error;
    return task;
  }
}
