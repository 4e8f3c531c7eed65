/**
 * The live hub: how a reply reaches every open screen.
 *
 * 1. A write (server/forum/, the only writer) calls publish() (server/events/) inside its transaction: PostgreSQL
 *    sends `{type, threadId, postId, categoryId}` on channel `forum_events` only when it commits. Ids only.
 * 2. Every server process listens (bus.ts: a dedicated pg.Client doing LISTEN, or PGlite's in-process listen)
 *    and hands each event to its hub, which handles events one at a time, in the order they were committed.
 * 3. The hub loads the post/thread ONCE per event, then renders it per recipient (toPostDto differs for the
 *    author, moderators and members) and applies the HTTP visibility rules: a hidden or deleted post becomes a
 *    placeholder where the viewer may not read it, a thread they may no longer see `thread.removed` (and the
 *    subscription ends).
 * 4. Per socket (connection.ts), a thread subscription with `after` first sends the missed posts; live events
 *    for that thread are buffered meanwhile and flushed after it, skipping ids already sent.
 * 5. When the LISTEN connection was lost and comes back, events may have been missed: every socket gets
 *    `resync`, and the client subscribes again with `after` (shared/live/client.ts does this).
 * User events (`user_events`): new notifications (one member's, or the worker's batch of members), account changes (re-check the member, close if no longer
 * active), and session ends (logout, revocation), so sockets on every process close.
 */
import type { FastifyBaseLogger } from 'fastify';
import { CLOSE, type ServerMessage } from '../../shared/live/protocol.js';
import { refusal } from './access.js';
import { addTo, removeFrom } from './multimap.js';
import type { CurrentUser } from '../auth/types.js';
import { isModerator } from '../auth/users.js';
import { toPostDto, toThreadDto, type PostRow } from '../forum/queries.js';
import { Connection, LIMITS, type ConnectionHost } from './connection.js';
import type { ConversationChange, ForumEvent, HelpdeskChange } from '../events/types.js';
import { toMessageDto } from '../conversations/queries.js';
import { questionReader } from '../helpdesk/access.js';
import { toMessageDto as toHelpdeskMessageDto } from '../helpdesk/queries.js';
import type { ForumChannelEvent, SessionMove, TypingEvent, UserEvent } from './notify.js';
import type { LiveSocket } from './socket.js';
import { threadVisible } from '../forum/visibility.js';
import type { LiveStore } from './store.js';

type PostEvent = Extract<ForumEvent, { postId: number }>;

export class LiveHub implements ConnectionHost {
  readonly connections = new Set<Connection>();
  private readonly byThread = new Map<number, Set<Connection>>();
  private readonly byCategory = new Map<number, Set<Connection>>();
  private readonly byUser = new Map<number, Set<Connection>>();
  private queue: Promise<void> = Promise.resolve();

  constructor(
    readonly store: LiveStore,
    private readonly log: FastifyBaseLogger,
    private readonly typingPublisher: (event: TypingEvent) => Promise<void>,
  ) {}

  accept(socket: LiveSocket, user: CurrentUser, sessionHash: string): Connection {
    // A stolen session or a runaway script cannot hold hundreds of sockets (each costs memory and fan-out work);
    // a member with many tabs keeps the newest ones. Sets iterate in insertion order: the first is the oldest.
    const own = this.byUser.get(user.id);
    while (own && own.size >= LIMITS.connectionsPerUser) {
      own.values().next().value!.close(CLOSE.replaced, 'Plein is in te veel vensters tegelijk open; deze verbinding is gesloten.');
    }
    const connection = new Connection(socket, user, sessionHash, this);
    this.connections.add(connection);
    addTo(this.byUser, user.id, connection);
    return connection;
  }

  // ConnectionHost
  indexThread(connection: Connection, threadId: number, on: boolean): void {
    if (on) addTo(this.byThread, threadId, connection);
    else removeFrom(this.byThread, threadId, connection);
  }
  indexCategory(connection: Connection, categoryId: number, on: boolean): void {
    if (on) addTo(this.byCategory, categoryId, connection);
    else removeFrom(this.byCategory, categoryId, connection);
  }
  removed(connection: Connection): void {
    this.connections.delete(connection);
    removeFrom(this.byUser, connection.user.id, connection);
  }
  publishTyping(connection: Connection, threadId: number): void {
    const { id, displayName } = connection.user;
    this.typingPublisher({ type: 'typing', threadId, userId: id, displayName }).catch((error: unknown) => this.warn(error, 'live typing notify failed'));
  }
  warn(error: unknown, message: string): void {
    this.log.warn({ err: error }, message);
  }

  /** Events are handled strictly one after the other, so they reach sockets in commit order. */
  enqueue(task: () => Promise<void> | void): Promise<void> {
    this.queue = this.queue.then(task).catch((error: unknown) => this.log.error({ err: error }, 'live event failed'));
    return this.queue;
  }

  /** Resolves once every event received so far has been delivered. */
  idle(): Promise<void> {
    return this.queue;
  }

  forumEvent(event: ForumChannelEvent): Promise<void> {
    return this.enqueue(() => this.dispatchForum(event));
  }

  userEvent(event: UserEvent): Promise<void> {
    return this.enqueue(() => this.dispatchUser(event));
  }

  /** Events may have been missed (the LISTEN connection dropped): every client re-subscribes with `after`. */
  resync(): void {
    for (const connection of this.connections) connection.send({ type: 'resync' });
  }

  closeSession(sessionHash: string, reason: string): void {
    for (const connection of [...this.connections]) if (connection.sessionHash === sessionHash) connection.close(CLOSE.unauthenticated, reason);
  }

  /** Closes every socket of a user, except those of a session that goes on under a new id (`kept`): they move to it. */
  closeUser(userId: number, code: number, reason: string, kept?: SessionMove): void {
    for (const connection of [...(this.byUser.get(userId) ?? [])]) {
      if (kept && connection.sessionHash === kept.from) connection.sessionHash = kept.to;
      else if (!kept || connection.sessionHash !== kept.to) connection.close(code, reason);
    }
  }

  closeAll(code: number, reason: string): void {
    for (const connection of [...this.connections]) connection.close(code, reason);
  }

  private async dispatchForum(event: ForumChannelEvent): Promise<void> {
    if (event.type === 'typing') return this.dispatchTyping(event);
    if (event.type === 'category.updated') {
      // Rare (an admin's act): every socket with a subscription checks each again, as a new subscribe would be.
      for (const connection of this.connections) if (connection.threads.size > 0 || connection.categories.size > 0) void connection.recheck();
      return;
    }
    if (event.type === 'thread.created' || event.type === 'thread.updated') {
      const watched = (id: number | undefined) => id !== undefined && !!this.byCategory.get(id)?.size;
      if (!this.byThread.get(event.threadId)?.size && !watched(event.categoryId) && !watched(event.previousCategoryId)) return; // no query for nobody
      const thread = await this.store.loadThread(event.threadId);
      const recipients = new Set([...(this.byThread.get(event.threadId) ?? []), ...(this.byCategory.get(event.categoryId) ?? [])]);
      if (event.previousCategoryId !== undefined) for (const c of this.byCategory.get(event.previousCategoryId) ?? []) recipients.add(c);
      const dto = thread ? JSON.stringify({ type: event.type, thread: toThreadDto(thread) } satisfies ServerMessage) : null;
      for (const connection of recipients) {
        if (threadVisible(thread, connection.user)) {
          if (connection.threads.has(event.threadId)) connection.deliver(event.threadId, { message: dto! });
          else connection.send(dto!);
        } else if (event.type === 'thread.updated') {
          connection.dropThread(event.threadId);
          connection.send({ type: 'thread.removed', threadId: event.threadId });
        }
      }
      return;
    }

    if (event.type === 'conversation.message' || event.type === 'conversation.updated') return this.dispatchConversation(event);
    if (event.type === 'helpdesk.message' || event.type === 'helpdesk.updated') return this.dispatchHelpdesk(event);
    return this.dispatchPost(event as PostEvent);
  }

  /**
   * A private conversation changed: only its participants' sockets hear of it, whoever is in it when the event is
   * handled (loaded now, after the commit: someone who left meanwhile gets nothing). No subscription is needed.
   */
  private async dispatchConversation(event: ConversationChange): Promise<void> {
    if (event.type === 'conversation.updated') {
      const message = JSON.stringify({ type: 'conversation.updated', conversationId: event.conversationId } satisfies ServerMessage);
      // Those who left hear it too (their other screens drop it); they learn nothing but that they are out.
      const removed = event.removedUserIds ?? [];
      const connected = (id: number) => !!this.byUser.get(id)?.size;
      const userIds = new Set(removed.filter(connected));
      for (const id of await this.store.conversationParticipantIds(event.conversationId)) userIds.add(id);
      for (const id of userIds) for (const connection of this.byUser.get(id) ?? []) connection.send(message);
      return;
    }
    const participants = (await this.store.conversationParticipantIds(event.conversationId)).filter((id) => this.byUser.get(id)?.size);
    if (participants.length === 0) return; // nobody in it is here: no message query
    const row = await this.store.loadConversationMessage(event.messageId);
    if (!row || row.conversationId !== event.conversationId) return;
    // Rendered twice at most: for its author (with the Markdown, to edit) and for everyone else.
    const forAuthor = JSON.stringify({ type: 'conversation.message', conversationId: event.conversationId, message: toMessageDto(row, row.authorId) } satisfies ServerMessage);
    const forOthers = JSON.stringify({ type: 'conversation.message', conversationId: event.conversationId, message: toMessageDto(row, null) } satisfies ServerMessage);
    for (const id of participants) {
      for (const connection of this.byUser.get(id) ?? []) connection.send(id === row.authorId ? forAuthor : forOthers);
    }
  }

  /**
   * A helpdesk question changed: its asker's sockets and the kenniscentrum team's hear of it, judged per socket by
   * the one rule (helpdesk/access.ts questionReader). An internal note goes to the team only, never to the asker.
   * Helpdesk events are few (a handful of questions a day), so every socket is judged rather than kept in an index.
   */
  private async dispatchHelpdesk(event: HelpdeskChange): Promise<void> {
    const readers = [...this.connections].filter((c) => {
      const team = questionReader({ askerId: event.askerId }, c.user);
      return team !== null && (team || event.type === 'helpdesk.updated' || !event.internal);
    });
    if (readers.length === 0) return;
    if (event.type === 'helpdesk.updated') {
      const message = JSON.stringify({ type: 'helpdesk.updated', questionId: event.questionId } satisfies ServerMessage);
      for (const connection of readers) connection.send(message);
      return;
    }
    const row = await this.store.loadHelpdeskMessage(event.messageId);
    if (!row || row.questionId !== event.questionId) return;
    for (const connection of readers) {
      const team = questionReader({ askerId: event.askerId }, connection.user)!;
      if (row.internal && !team) continue;
      connection.send({ type: 'helpdesk.message', questionId: event.questionId, message: toHelpdeskMessageDto(row, connection.user.id, team) });
    }
  }

  private async dispatchPost(event: PostEvent): Promise<void> {
    // A new or removed post changes its thread's count and activity in the category list too.
    const listed = event.type === 'post.created' || event.type === 'post.removed';
    if (!this.byThread.get(event.threadId)?.size && !(listed && this.byCategory.get(event.categoryId)?.size)) return; // nobody here watches: no query at all
    const [post, thread] = await Promise.all([this.store.loadPost(event.postId), this.store.loadThread(event.threadId)]);
    if (listed && thread) {
      const update = JSON.stringify({ type: 'thread.updated', thread: toThreadDto(thread) } satisfies ServerMessage);
      for (const connection of this.byCategory.get(event.categoryId) ?? []) {
        if (!threadVisible(thread, connection.user)) continue;
        if (connection.threads.has(event.threadId)) connection.deliver(event.threadId, { message: update });
        else connection.send(update);
      }
    }
    // Read after the load: a socket that subscribed meanwhile is buffering and must get this event too.
    const recipients = this.byThread.get(event.threadId) ?? new Set<Connection>();
    const rendered = new Map<string, string>();
    // Three kinds of viewer see a post differently (toPostDto): render each kind once, not once per socket.
    const render = (row: PostRow, user: CurrentUser, type: 'post.created' | 'post.updated') => {
      const key = `${type}:${isModerator(user) ? 'moderator' : user.id === row.authorId ? 'author' : 'member'}`;
      let json = rendered.get(key);
      if (json === undefined) rendered.set(key, (json = JSON.stringify({ type, post: toPostDto(row, user) } satisfies ServerMessage)));
      return json;
    };
    for (const connection of [...recipients]) {
      const user = connection.user;
      if (!threadVisible(thread, user)) {
        connection.dropThread(event.threadId);
        connection.send({ type: 'thread.removed', threadId: event.threadId });
        continue;
      }
      if (!post) continue;
      if (event.type === 'post.created') {
        connection.deliver(event.threadId, { message: render(post, user, 'post.created'), createdPostId: post.id });
      } else {
        // Edited, hidden, restored or deleted: as the HTTP thread page shows it now (toPostDto), a placeholder
        // without text where this viewer may not read it.
        connection.deliver(event.threadId, { message: render(post, user, 'post.updated') });
      }
    }
  }

  private dispatchTyping(event: TypingEvent): void {
    const message = JSON.stringify({
      type: 'typing',
      threadId: event.threadId,
      user: { id: event.userId, displayName: event.displayName },
    } satisfies ServerMessage);
    for (const connection of this.byThread.get(event.threadId) ?? []) {
      if (connection.user.id !== event.userId && !connection.isCatchingUp(event.threadId)) connection.send(message);
    }
  }

  private async dispatchUser(event: UserEvent): Promise<void> {
    if (event.type === 'notifications.changed') {
      const message = JSON.stringify({ type: 'notification' } satisfies ServerMessage);
      for (const userId of event.userIds) for (const connection of this.byUser.get(userId) ?? []) connection.send(message);
      return;
    }
    const connections = this.byUser.get(event.userId);
    if (!connections?.size) return;
    switch (event.type) {
      case 'notification.created':
        for (const connection of connections) connection.send({ type: 'notification', notificationId: event.notificationId });
        return;
      case 'session.ended':
        return this.closeSession(event.sessionHash, 'Je bent uitgelogd.');
      case 'sessions.revoked':
        return this.closeUser(event.userId, CLOSE.unauthenticated, 'Je bent overal uitgelogd.', event.kept);
      case 'account.changed': {
        const user = await this.store.findUser(event.userId);
        const refused = refusal(user);
        if (refused) return this.closeUser(event.userId, refused.code, refused.reason);
        // Still active, perhaps with another role or verification: later events are filtered with the fresh
        // account, and what she already follows is checked again (a category she may no longer enter).
        for (const connection of this.byUser.get(event.userId) ?? []) {
          connection.user = user!;
          void connection.recheck();
        }
        return;
      }
    }
  }
}
