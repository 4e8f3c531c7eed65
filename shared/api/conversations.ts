import { Type, type Static } from 'typebox';
import { LIMITS, REPORT_REASONS } from '../constants.js';
import { NextCursor, NullableTimestamp, OneOf, Timestamp } from './common.js';
import { PostAuthor } from './forum.js';

/**
 * Private conversations ("Berichten", /berichten): a subject and messages between a few active members, read only by
 * its participants (and, read-only, by a moderator while a report on one of its messages is open). Never indexed by
 * search. A conversation she is not in answers 404 `not_found`, never 403.
 */

const Id = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });
const MessageText = Type.String({ minLength: LIMITS.bodyMin, maxLength: LIMITS.conversationMessageMax, pattern: '\\S' });
const Subject = Type.String({ minLength: LIMITS.conversationSubjectMin, maxLength: LIMITS.conversationSubjectMax, pattern: '\\S' });
const ParticipantIds = Type.Array(Id, { minItems: 1, maxItems: LIMITS.conversationParticipants, uniqueItems: true });

/** A member in a conversation: the shape post authors have (name, role, affiliation if shown, picture). */
export const Participant = PostAuthor;
export type Participant = Static<typeof Participant>;

export const ConversationParams = Type.Object({ id: Id });
export type ConversationParams = Static<typeof ConversationParams>;
export const ConversationMessageParams = Type.Object({ id: Id, messageId: Id });
export type ConversationMessageParams = Static<typeof ConversationMessageParams>;

export const ConversationSummary = Type.Object({
  id: Type.Integer(),
  subject: Type.String(),
  /** Everyone in it, herself included. */
  participants: Type.Array(Participant),
  lastMessageAt: Timestamp,
  messageCount: Type.Integer(),
  /** Messages by others after her read marker. */
  unreadCount: Type.Integer(),
  /** The newest message: its author (null: a former member) and the start of its plain text (empty when deleted). */
  lastMessage: Type.Union([
    Type.Object({ authorName: Type.Union([Type.String(), Type.Null()]), excerpt: Type.String(), deleted: Type.Boolean() }),
    Type.Null(),
  ]),
});
export type ConversationSummary = Static<typeof ConversationSummary>;

export const ConversationList = Type.Object({ items: Type.Array(ConversationSummary), nextCursor: NextCursor });
export type ConversationList = Static<typeof ConversationList>;

export const ConversationListQuery = Type.Object({ cursor: Type.Optional(Type.String({ maxLength: 200 })) });
export type ConversationListQuery = Static<typeof ConversationListQuery>;

/** GET /api/conversations/unread: how many of her conversations have unread messages (the nav badge). */
export const ConversationUnread = Type.Object({ count: Type.Integer() });
export type ConversationUnread = Static<typeof ConversationUnread>;

export const ConversationDetail = Type.Object({
  id: Type.Integer(),
  subject: Type.String(),
  participants: Type.Array(Participant),
  createdAt: Timestamp,
  messageCount: Type.Integer(),
  /** Her read marker (0: nothing read yet; also 0 for a moderator's view). */
  lastReadMessageId: Type.Integer(),
  /** False for a moderator's read-only view. */
  canReply: Type.Boolean(),
  /** Set when a moderator reads it because of an open report: read-only, she is not a participant. */
  moderatorView: Type.Optional(Type.Literal(true)),
});
export type ConversationDetail = Static<typeof ConversationDetail>;

export const ConversationMessage = Type.Object({
  id: Type.Integer(),
  conversationId: Type.Integer(),
  /** Null: her account was deleted (a former member). */
  author: Type.Union([Participant, Type.Null()]),
  /** Sanitized HTML from the Markdown body; empty when deleted. */
  bodyHtml: Type.String(),
  /** The Markdown source, only to its author (for editing), never when deleted. */
  body: Type.Optional(Type.String()),
  createdAt: Timestamp,
  editedAt: NullableTimestamp,
  deleted: Type.Boolean(),
});
export type ConversationMessage = Static<typeof ConversationMessage>;

export const CreateConversationBody = Type.Object(
  { subject: Subject, body: MessageText, participantIds: ParticipantIds },
  { additionalProperties: false },
);
export type CreateConversationBody = Static<typeof CreateConversationBody>;

export const ConversationAnswer = Type.Object({ conversation: ConversationDetail });
export type ConversationAnswer = Static<typeof ConversationAnswer>;

/** GET /api/conversations/:id: the conversation and its newest CONVERSATION_PAGE_SIZE messages, oldest first. */
export const ConversationPage = Type.Object({
  conversation: ConversationDetail,
  messages: Type.Array(ConversationMessage),
  /** Older messages exist: fetch them with `before=<first id>`. */
  hasEarlier: Type.Boolean(),
});
export type ConversationPage = Static<typeof ConversationPage>;

export const CONVERSATION_PAGE_SIZE = 50;

/** `before`: the page of older messages; `after`: everything newer (catch-up after a reconnect). Not both. */
export const ConversationMessagesQuery = Type.Object({
  before: Type.Optional(Id),
  after: Type.Optional(Type.Integer({ minimum: 0, maximum: 2_147_483_647 })),
});
export type ConversationMessagesQuery = Static<typeof ConversationMessagesQuery>;

/** Messages oldest first. With `before`: hasEarlier says whether even older ones exist; with `after`: always false. */
export const ConversationMessageList = Type.Object({ items: Type.Array(ConversationMessage), hasEarlier: Type.Boolean() });
export type ConversationMessageList = Static<typeof ConversationMessageList>;

export const ConversationMessageBody = Type.Object({ body: MessageText }, { additionalProperties: false });
export type ConversationMessageBody = Static<typeof ConversationMessageBody>;

export const ConversationMessageAnswer = Type.Object({ message: ConversationMessage });
export type ConversationMessageAnswer = Static<typeof ConversationMessageAnswer>;

export const ConversationReadBody = Type.Object({ messageId: Id }, { additionalProperties: false });
export type ConversationReadBody = Static<typeof ConversationReadBody>;

export const AddParticipantsBody = Type.Object({ userIds: ParticipantIds }, { additionalProperties: false });
export type AddParticipantsBody = Static<typeof AddParticipantsBody>;

export const MessageReportBody = Type.Object(
  { reason: OneOf(REPORT_REASONS), note: Type.Optional(Type.String({ maxLength: LIMITS.reportNoteMax })) },
  { additionalProperties: false },
);
export type MessageReportBody = Static<typeof MessageReportBody>;

// Drafts: one per member and conversation, saved as she types (like a thread's reply draft).

export const ConversationDraftBody = Type.Object({ body: Type.String({ maxLength: LIMITS.conversationMessageMax }) }, { additionalProperties: false });
export type ConversationDraftBody = Static<typeof ConversationDraftBody>;
export const ConversationDraft = Type.Object({ body: Type.String(), updatedAt: Timestamp });
export type ConversationDraft = Static<typeof ConversationDraft>;
export const ConversationDraftAnswer = Type.Object({ draft: Type.Union([ConversationDraft, Type.Null()]) });
export type ConversationDraftAnswer = Static<typeof ConversationDraftAnswer>;

// Blocks: a member she blocked cannot start or add her to a conversation, and she is not notified of his messages.

export const BlockList = Type.Object({ items: Type.Array(Participant) });
export type BlockList = Static<typeof BlockList>;

// Moderation of reported messages (GET /api/moderation/message-reports, auth 'moderator').

const Ref = Type.Object({ id: Type.Integer(), displayName: Type.String() });

export const MESSAGE_REPORT_ACTIONS = ['delete_message', 'dismiss'] as const;
export type MessageReportAction = (typeof MESSAGE_REPORT_ACTIONS)[number];

export const MessageReport = Type.Object({
  id: Type.Integer(),
  messageId: Type.Integer(),
  conversationId: Type.Integer(),
  reason: OneOf(REPORT_REASONS),
  note: Type.Union([Type.String(), Type.Null()]),
  status: OneOf(['open', 'resolved', 'dismissed'] as const),
  resolution: Type.Union([OneOf(MESSAGE_REPORT_ACTIONS), Type.Null()]),
  resolutionNote: Type.Union([Type.String(), Type.Null()]),
  reporter: Type.Union([Ref, Type.Null()]),
  resolvedBy: Type.Union([Ref, Type.Null()]),
  resolvedAt: NullableTimestamp,
  createdAt: Timestamp,
  /** The reported message as it is now (bodyHtml empty once deleted); only moderators receive this list. */
  message: ConversationMessage,
  /** The conversation's subject: open it read-only at /berichten/:conversationId while the report is open. */
  subject: Type.String(),
});
export type MessageReport = Static<typeof MessageReport>;

export const MessageReportAnswer = Type.Object({ report: MessageReport });
export type MessageReportAnswer = Static<typeof MessageReportAnswer>;

export const MessageReportListQuery = Type.Object({
  status: Type.Optional(OneOf(['open', 'resolved', 'dismissed'] as const)),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
});
export type MessageReportListQuery = Static<typeof MessageReportListQuery>;

export const MessageReportList = Type.Object({ reports: Type.Array(MessageReport), nextCursor: NextCursor });
export type MessageReportList = Static<typeof MessageReportList>;

export const ResolveMessageReportBody = Type.Object(
  { action: OneOf(MESSAGE_REPORT_ACTIONS), note: Type.Optional(Type.String({ maxLength: LIMITS.reportNoteMax })) },
  { additionalProperties: false },
);
export type ResolveMessageReportBody = Static<typeof ResolveMessageReportBody>;
