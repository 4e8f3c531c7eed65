import { CLOSE, LIVE_PROTOCOL_VERSION, type ClientMessage, type ServerMessage } from '../../shared/live/protocol.js';
import type { CurrentUser } from '../auth/types.js';
import { toPostDto } from '../forum/queries.js';
import { parseClientMessage } from './messages.js';
import type { LiveSocket } from './socket.js';
import type { LiveStore } from './store.js';

export const LIMITS = {
  /** Messages per second per socket; more is a misbehaving client and closes the socket. */
  messagesPerSecond: 20,
  /** Unsent bytes after which a socket is closed (4008); the client catches up when it reconnects. */
  maxBufferedBytes: 1024 * 1024,
  /** Open connections per account on one process (tabs, devices); beyond it the oldest is closed (4409). */
  connectionsPerUser: 10,
  threadSubscriptions: 50,
  categorySubscriptions: 20,
  catchUpPage: 200,
  /** A member's typing is passed on at most this often per thread. */
  typingIntervalMs: 2000,
};

/** What the hub needs from a connection's owner: the index of subscriptions, and publishing typing. */
export interface ConnectionHost {
  store: LiveStore;
  indexThread(connection: Connection, threadId: number, on: boolean): void;
  indexCategory(connection: Connection, categoryId: number, on: boolean): void;
  publishTyping(connection: Connection, threadId: number): void;
  removed(connection: Connection): void;
  warn(error: unknown, message: string): void;
}

/** A message for a thread subscription; `createdPostId` marks a post.created, for de-duplication at the catch-up seam. */
export interface Outgoing {
  message: ServerMessage | string;
  createdPostId?: number;
}

interface ThreadSubscription {
  /** True while the catch-up runs: live events wait in `buffer` so none is lost and none overtakes the catch-up. */
  buffering: boolean;
  buffer: Outgoing[];
  /**
   * Whether a post.created is one she already has: sent by the catch-up, or up to where she started. Kept after the
   * catch-up too: on PostgreSQL a NOTIFY committed before she subscribed can arrive after caughtUp.
   */
  known: (postId: number) => boolean;
}

/** One member's socket: its subscriptions, its message handling and its catch-ups. */
export class Connection {
  readonly threads = new Map<number, ThreadSubscription>();
  /** Subscribed categories: slug → id. */
  readonly categories = new Map<string, number>();
  private readonly lastTyping = new Map<number, number>();
  private queue: Promise<void> = Promise.resolve();
  private windowStart = 0;
  private windowCount = 0;
  private closed = false;

  constructor(
    readonly socket: LiveSocket,
    public user: CurrentUser,
    /** Changes when the session goes on under a new id (a new password in this browser: hub.closeUser). */
    public sessionHash: string,
    private readonly host: ConnectionHost,
  ) {
    socket.onClose(() => this.cleanup());
    socket.onMessage((data) => this.receive(data));
    this.send({ type: 'hello', protocolVersion: LIVE_PROTOCOL_VERSION, userId: user.id });
  }

  /** Sends a message (or a ready JSON string, shared between recipients) and enforces the backpressure limit. */
  send(message: ServerMessage | string): void {
    if (this.closed || !this.socket.isOpen) return;
    this.socket.send(typeof message === 'string' ? message : JSON.stringify(message));
    if (this.socket.bufferedAmount > LIMITS.maxBufferedBytes) this.close(CLOSE.tooSlow, 'De verbinding is te traag; we verbinden opnieuw.');
  }

  /** A live event for one thread: held back while that thread's catch-up runs, sent otherwise. */
  deliver(threadId: number, outgoing: Outgoing): void {
    const subscription = this.threads.get(threadId);
    if (!subscription) return;
    if (subscription.buffering) subscription.buffer.push(outgoing);
    else if (outgoing.createdPostId === undefined || !subscription.known(outgoing.createdPostId)) this.send(outgoing.message);
  }

  isCatchingUp(threadId: number): boolean {
    return this.threads.get(threadId)?.buffering ?? false;
  }

  close(code: number, reason: string): void {
    this.socket.close(code, reason);
    this.cleanup();
  }

  dropThread(threadId: number): void {
    if (this.threads.delete(threadId)) this.host.indexThread(this, threadId, false);
  }

  private dropCategory(slug: string): void {
    const categoryId = this.categories.get(slug);
    if (categoryId === undefined) return;
    this.categories.delete(slug);
    this.host.indexCategory(this, categoryId, false);
  }

  /**
   * After a category's access changed (an admin restricted it): ends, in turn with the member's own messages, every
   * subscription she may no longer hold, exactly as a new subscribe would be refused.
   */
  recheck(): Promise<void> {
    this.queue = this.queue
      .then(async () => {
        for (const threadId of [...this.threads.keys()]) {
          if (await this.host.store.findVisibleThread(threadId, this.user)) continue;
          this.dropThread(threadId);
          this.send({ type: 'thread.removed', threadId });
        }
        for (const slug of [...this.categories.keys()]) {
          if ((await this.host.store.openCategoryId(slug, this.user)) !== null) continue;
          this.dropCategory(slug);
          this.send({ type: 'error', code: 'not_found', message: 'Deze categorie bestaat niet.', categorySlug: slug });
        }
      })
      .catch((error: unknown) => this.host.warn(error, 'live recheck failed'));
    return this.queue;
  }

  /** Resolves when every message received so far is handled (tests use it instead of waiting for time). */
  settled(): Promise<void> {
    return this.queue;
  }

  private cleanup(): void {
    if (this.closed) return;
    this.closed = true;
    for (const threadId of [...this.threads.keys()]) this.dropThread(threadId);
    for (const categoryId of this.categories.values()) this.host.indexCategory(this, categoryId, false);
    this.categories.clear();
    this.host.removed(this);
  }

  private receive(data: string): void {
    if (this.closed) return;
    const now = Date.now();
    if (now - this.windowStart >= 1000) {
      this.windowStart = now;
      this.windowCount = 0;
    }
    if (++this.windowCount > LIMITS.messagesPerSecond) {
      this.close(CLOSE.flood, 'Te veel berichten in korte tijd.');
      return;
    }
    const parsed = parseClientMessage(data);
    if ('error' in parsed) {
      this.send(parsed.error);
      return;
    }
    const message = parsed.message;
    // One message at a time per socket, so "subscribe, unsubscribe" can never be handled in the wrong order.
    this.queue = this.queue
      .then(() => this.handle(message))
      .catch((error: unknown) => {
        this.host.warn(error, 'live message failed');
        this.send({ type: 'error', code: 'internal', message: 'Er ging iets mis; probeer het opnieuw.' });
      });
  }

  private async handle(message: ClientMessage): Promise<void> {
    switch (message.type) {
      case 'ping':
        return this.send({ type: 'pong' });
      case 'subscribe':
        return this.subscribe(message.threadId, message.after);
      case 'unsubscribe':
        return this.dropThread(message.threadId);
      case 'subscribeCategory':
        return this.subscribeCategory(message.categorySlug);
      case 'unsubscribeCategory':
        return this.dropCategory(message.categorySlug);
      case 'typing':
        return this.typing(message.threadId);
    }
  }

  /**
   * Catch-up without a gap or a duplicate: the subscription is registered (buffering) BEFORE the catch-up query,
   * so a post committed while the query runs is either in its result, or arrives as a live event into the buffer,
   * or both; the flush skips what the catch-up already sent.
   */
  private async subscribe(threadId: number, after: number | undefined): Promise<void> {
    if (!this.threads.has(threadId) && this.threads.size >= LIMITS.threadSubscriptions) {
      return this.send({ type: 'error', code: 'too_many_subscriptions', message: 'Je volgt te veel discussies tegelijk.', threadId });
    }
    const subscription: ThreadSubscription = { buffering: true, buffer: [], known: () => false };
    this.threads.set(threadId, subscription);
    this.host.indexThread(this, threadId, true);
    const current = () => !this.closed && this.threads.get(threadId) === subscription;

    const thread = await this.host.store.findVisibleThread(threadId, this.user);
    if (!current()) return;
    if (!thread) {
      this.dropThread(threadId);
      return this.send({ type: 'error', code: 'not_found', message: 'Deze discussie bestaat niet of is verwijderd.', threadId });
    }

    const sent = new Set<number>();
    let lastPostId: number | null = after ?? null;
    if (after !== undefined) {
      let cursor = after;
      for (;;) {
        const rows = await this.host.store.postsAfter(threadId, cursor, LIMITS.catchUpPage);
        if (!current()) return;
        for (const row of rows) {
          this.send({ type: 'post.created', post: toPostDto(row, this.user) });
          sent.add(row.id);
          cursor = lastPostId = row.id;
        }
        if (rows.length < LIMITS.catchUpPage) break;
      }
    } else {
      lastPostId = await this.host.store.lastPostId(threadId);
      if (!current()) return;
    }

    // Without `after` the thread's last post at this moment is where she starts (caughtUp says so): a post up to it
    // whose NOTIFY arrives only now (committed before she subscribed) is not news either.
    const seenUpTo = after ?? lastPostId ?? 0;
    subscription.known = (id) => sent.has(id) || id <= seenUpTo;
    for (const item of subscription.buffer) {
      const id = item.createdPostId;
      if (id !== undefined && subscription.known(id)) continue;
      this.send(item.message);
      if (id !== undefined) lastPostId = Math.max(lastPostId ?? 0, id);
    }
    subscription.buffer = [];
    subscription.buffering = false;
    this.send({ type: 'caughtUp', threadId, lastPostId });
  }

  private async subscribeCategory(slug: string): Promise<void> {
    if (!this.categories.has(slug) && this.categories.size >= LIMITS.categorySubscriptions) {
      return this.send({ type: 'error', code: 'too_many_subscriptions', message: 'Je volgt te veel categorieën tegelijk.', categorySlug: slug });
    }
    const categoryId = await this.host.store.openCategoryId(slug, this.user);
    if (this.closed) return;
    if (categoryId === null) {
      this.dropCategory(slug);
      return this.send({ type: 'error', code: 'not_found', message: 'Deze categorie bestaat niet.', categorySlug: slug });
    }
    this.categories.set(slug, categoryId);
    this.host.indexCategory(this, categoryId, true);
    this.send({ type: 'categorySubscribed', categorySlug: slug });
  }

  private typing(threadId: number): void {
    if (!this.threads.has(threadId)) {
      return this.send({ type: 'error', code: 'not_subscribed', message: 'Volg eerst deze discussie.', threadId });
    }
    const now = Date.now();
    if (now - (this.lastTyping.get(threadId) ?? 0) < LIMITS.typingIntervalMs) return;
    this.lastTyping.set(threadId, now);
    this.host.publishTyping(this, threadId);
  }
}
