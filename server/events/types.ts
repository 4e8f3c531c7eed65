/**
 * What changed in the forum, as announced by publish(). Ids only: every consumer loads the current state itself
 * (the live hub per socket, the search worker per post), so an event can never carry text a reader may not see.
 */

/**
 * The aspects of a thread a `thread.updated` can be about, so each consumer can tell whether it concerns it:
 * the search index holds the title, the category and whether members may see the thread; the live lists show all.
 */
export type ThreadAspect =
  | 'title'
  | 'category'
  /** hidden or shown again as a whole by a moderator (forum/thread-hiding.ts) */
  | 'hidden'
  /** gone with its last undeleted post; that post's own event reindexes it, the thread has nothing else indexed */
  | 'deleted'
  | 'locked'
  | 'pinned'
  /** post count or last activity */
  | 'counts'
  /** its best answer: marked, changed or undone, or that post hidden, shown again or deleted (forum/solutions.ts) */
  | 'solution';

export type PostChange = { type: 'post.created' | 'post.updated' | 'post.removed'; threadId: number; postId: number; categoryId: number };

export type ThreadChange =
  | { type: 'thread.created'; threadId: number; categoryId: number }
  | { type: 'thread.updated'; threadId: number; categoryId: number; previousCategoryId?: number; changed: readonly ThreadAspect[] };

/**
 * A member reacted to a post ("Bedankt", "Nuttig") or took her reaction back: its counts changed. The author hears of
 * an added one (notifications), live readers see the new counts; search holds no counts.
 */
export type ReactionChange = { type: 'post.reacted'; threadId: number; postId: number; categoryId: number; reactorId: number; added: boolean };

/** An admin changed a category (its access, name, archive state): live subscriptions are checked again. */
export type CategoryChange = { type: 'category.updated'; categoryId: number };

/**
 * A private conversation changed (server/conversations/): a message written, edited or deleted, or who is in it
 * (`removedUserIds`: who left or whose account went, so their other screens learn it too). Never indexed by search;
 * the live hub sends it to the participants' sockets only; a new message notifies the other participants.
 */
export type ConversationChange =
  | { type: 'conversation.message'; conversationId: number; messageId: number; created: boolean }
  | { type: 'conversation.updated'; conversationId: number; removedUserIds?: number[] };

/**
 * A helpdesk question changed (server/helpdesk/): a message written (`internal`: a note for the team only), or its
 * state (asked, status, assignee, consent, published). `askerId` routes it without a query, also after the question
 * is gone. Never indexed; the live hub sends it to the asker (never an internal note) and the team; a new message
 * notifies the other side (notifications/helpdesk.ts).
 */
export type HelpdeskChange =
  | { type: 'helpdesk.message'; questionId: number; messageId: number; askerId: number; internal: boolean }
  | { type: 'helpdesk.updated'; questionId: number; askerId: number };

/** Everything publish() announces. */
export type ForumChange = PostChange | ReactionChange | ThreadChange | CategoryChange | ConversationChange | HelpdeskChange;

/**
 * The live wire form on channel `forum_events` (what the hub receives): a change without the consumer-only
 * details (`changed`), exactly the payload the live hub has always been sent.
 */
export type ForumEvent =
  | PostChange
  | { type: 'post.reacted'; threadId: number; postId: number; categoryId: number }
  | CategoryChange
  | ConversationChange
  | HelpdeskChange
  | { type: 'thread.created' | 'thread.updated'; threadId: number; categoryId: number; previousCategoryId?: number };

export const FORUM_CHANNEL = 'forum_events';
