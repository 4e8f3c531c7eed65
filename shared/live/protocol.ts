import { Type, type Static } from 'typebox';
import { ConversationMessage } from '../api/conversations.js';
import { HelpdeskMessage } from '../api/helpdesk.js';
import { Post, Thread } from '../api/forum.js';

/**
 * The live websocket protocol (`GET /api/live`), shared by the server and the SPA.
 * Every message is one JSON object tagged by `type`. The server greets each socket with `hello`,
 * which carries the protocol version; a client that finds another version should reload the page.
 */
// The constants are in ./constants.ts, without the schemas, so the browser's live client does not load the schema
// library to learn a close code (the schemas stay the server's and the tests').
export { CLOSE, FINAL_CLOSE_CODES, LIVE_PROTOCOL_VERSION, MAX_CLIENT_MESSAGE_BYTES } from './constants.js';

const Id = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });
const Slug = Type.String({ minLength: 1, maxLength: 80 });

// Client → server. `additionalProperties: false` so a typo in a field is an error, not silently ignored.
const strict = { additionalProperties: false } as const;
export const SubscribeMessage = Type.Object(
  { type: Type.Literal('subscribe'), threadId: Id, after: Type.Optional(Type.Integer({ minimum: 0, maximum: 2_147_483_647 })) },
  strict,
);
export const UnsubscribeMessage = Type.Object({ type: Type.Literal('unsubscribe'), threadId: Id }, strict);
export const SubscribeCategoryMessage = Type.Object({ type: Type.Literal('subscribeCategory'), categorySlug: Slug }, strict);
export const UnsubscribeCategoryMessage = Type.Object({ type: Type.Literal('unsubscribeCategory'), categorySlug: Slug }, strict);
export const TypingMessage = Type.Object({ type: Type.Literal('typing'), threadId: Id }, strict);
export const PingMessage = Type.Object({ type: Type.Literal('ping') }, strict);

export const ClientMessage = Type.Union([
  SubscribeMessage,
  UnsubscribeMessage,
  SubscribeCategoryMessage,
  UnsubscribeCategoryMessage,
  TypingMessage,
  PingMessage,
]);
export type ClientMessage = Static<typeof ClientMessage>;
export const CLIENT_MESSAGE_TYPES: readonly string[] = ['subscribe', 'unsubscribe', 'subscribeCategory', 'unsubscribeCategory', 'typing', 'ping'];

// Server → client.
export const HelloMessage = Type.Object({ type: Type.Literal('hello'), protocolVersion: Type.Integer(), userId: Type.Integer() });
export const PostCreatedMessage = Type.Object({ type: Type.Literal('post.created'), post: Post });
export const PostUpdatedMessage = Type.Object({ type: Type.Literal('post.updated'), post: Post });
export const ThreadCreatedMessage = Type.Object({ type: Type.Literal('thread.created'), thread: Thread });
/** Pinned, locked, moved, renamed, or (for moderators) hidden. */
export const ThreadUpdatedMessage = Type.Object({ type: Type.Literal('thread.updated'), thread: Thread });
/** The thread is gone for this member (hidden or deleted); the server also ends their subscription to it. */
export const ThreadRemovedMessage = Type.Object({ type: Type.Literal('thread.removed'), threadId: Type.Integer() });
export const ServerTypingMessage = Type.Object({
  type: Type.Literal('typing'),
  threadId: Type.Integer(),
  user: Type.Object({ id: Type.Integer(), displayName: Type.String() }),
});
/**
 * The member's notifications changed: count again. `notificationId` names the new one when there is exactly one
 * (a moderation decision); the notification worker's batches (replies, mentions, groups growing) leave it out.
 */
export const NotificationMessage = Type.Object({ type: Type.Literal('notification'), notificationId: Type.Optional(Type.Integer()) });
/** Sent once per `subscribe`, after the catch-up: from here on only live events follow. `lastPostId` is null for an empty thread. */
export const CaughtUpMessage = Type.Object({ type: Type.Literal('caughtUp'), threadId: Type.Integer(), lastPostId: Type.Union([Type.Integer(), Type.Null()]) });
/** The category subscription is in place: threads created from now on are announced (refetch the list once, then rely on events). */
export const CategorySubscribedMessage = Type.Object({ type: Type.Literal('categorySubscribed'), categorySlug: Type.String() });
/** The server may have missed events (its database connection was lost): subscribe again with `after`. */
export const ResyncMessage = Type.Object({ type: Type.Literal('resync') });
export const PongMessage = Type.Object({ type: Type.Literal('pong') });
/**
 * A message in one of her conversations was written, edited or deleted (sent to every participant's sockets, no
 * subscription needed). `message.body` only when she is its author; a deleted one has `deleted: true`, no text.
 */
export const ConversationMessageEvent = Type.Object({
  type: Type.Literal('conversation.message'),
  conversationId: Type.Integer(),
  message: ConversationMessage,
});
/** Who is in one of her conversations changed (someone left or was added): refetch it and the list. */
export const ConversationUpdatedMessage = Type.Object({ type: Type.Literal('conversation.updated'), conversationId: Type.Integer() });
/**
 * A new message on a helpdesk question (server/helpdesk/): sent to the asker's sockets (never an internal note) and
 * to the kenniscentrum's team's. No subscription needed.
 */
export const HelpdeskMessageEvent = Type.Object({ type: Type.Literal('helpdesk.message'), questionId: Type.Integer(), message: HelpdeskMessage });
/** A question's state changed (status, assignee, consent, published, a new question for the team): refetch it and the lists. */
export const HelpdeskUpdatedMessage = Type.Object({ type: Type.Literal('helpdesk.updated'), questionId: Type.Integer() });
export const ErrorMessage = Type.Object({
  type: Type.Literal('error'),
  code: Type.String(),
  message: Type.String(),
  /** Set when the error concerns one subscription (e.g. `not_found` for a thread the member may not see). */
  threadId: Type.Optional(Type.Integer()),
  categorySlug: Type.Optional(Type.String()),
});

export const ServerMessage = Type.Union([
  HelloMessage,
  PostCreatedMessage,
  PostUpdatedMessage,
  ThreadCreatedMessage,
  ThreadUpdatedMessage,
  ThreadRemovedMessage,
  ServerTypingMessage,
  NotificationMessage,
  CaughtUpMessage,
  CategorySubscribedMessage,
  ResyncMessage,
  PongMessage,
  ErrorMessage,
  ConversationMessageEvent,
  ConversationUpdatedMessage,
  HelpdeskMessageEvent,
  HelpdeskUpdatedMessage,
]);
export type ServerMessage = Static<typeof ServerMessage>;
