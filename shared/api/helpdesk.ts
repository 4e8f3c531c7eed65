import { Type, type Static } from 'typebox';
import { HELPDESK_STATUSES, HELPDESK_VIEWS, LIMITS } from '../constants.js';
import { NextCursor, NullableTimestamp, OneOf, Timestamp } from './common.js';
import { PostAuthor } from './forum.js';

/**
 * The helpdesk, "Vraag het het kenniscentrum" (server/helpdesk/, /kenniscentrum/vragen): a member asks the
 * kenniscentrum's team privately; the team (admins and `centreTeam` members, `auth: 'centre'`) shares one inbox.
 * A question is read by its asker and the team only: anyone else gets 404 `not_found`. Internal notes (`internal`)
 * are the team's: they never reach the asker, not through the API, live events, notifications or mail.
 * With her consent the team publishes an anonymised version as a public thread, answered by "Kenniscentrum".
 */

const Id = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });
const Subject = Type.String({ minLength: LIMITS.helpdeskSubjectMin, maxLength: LIMITS.helpdeskSubjectMax, pattern: '\\S' });
const Body = Type.String({ minLength: LIMITS.bodyMin, maxLength: LIMITS.helpdeskMessageMax, pattern: '\\S' });

export const HelpdeskParams = Type.Object({ id: Id });
export type HelpdeskParams = Static<typeof HelpdeskParams>;
export const CannedParams = Type.Object({ id: Id });
export type CannedParams = Static<typeof CannedParams>;

/** The category a question is about (optional), as the asker may see it. */
export const HelpdeskCategory = Type.Union([Type.Object({ id: Type.Integer(), slug: Type.String(), name: Type.String() }), Type.Null()]);

/** A team member, as the inbox shows assignees and the team list for assigning. */
export const TeamMember = Type.Object({ id: Type.Integer(), displayName: Type.String() });
export type TeamMember = Static<typeof TeamMember>;

/**
 * Her consent to publish, given on her question's page; null until she chose. `showName`: under her own name (her
 * profile then decides whether party and municipality show); `showAffiliation` without her name: "een lid van
 * {party} uit {municipality}" above the question. Both false: fully anonymous.
 */
export const PublishConsent = Type.Object({ consentedAt: Timestamp, showName: Type.Boolean(), showAffiliation: Type.Boolean() });
export type PublishConsent = Static<typeof PublishConsent>;

/** One question, as its asker or the team reads it. */
export const HelpdeskQuestion = Type.Object({
  id: Type.Integer(),
  subject: Type.String(),
  category: HelpdeskCategory,
  /** open: the team's turn; waiting: the team answered, the member's turn; closed. */
  status: OneOf(HELPDESK_STATUSES),
  /** The asker (null: her account was deleted meanwhile; the question goes with her account, so only briefly). */
  asker: Type.Union([PostAuthor, Type.Null()]),
  /** Team only (null for the asker): who on the team handles it. */
  assignee: Type.Union([TeamMember, Type.Null()]),
  createdAt: Timestamp,
  lastActivityAt: Timestamp,
  firstResponseAt: NullableTimestamp,
  closedAt: NullableTimestamp,
  /** Public messages after the asker's read marker that the team wrote (for the asker; 0 for the team). */
  unreadCount: Type.Integer(),
  consent: Type.Union([PublishConsent, Type.Null()]),
  /** The public thread made of it (only once; the link is public knowledge, as the thread is). */
  publishedThreadId: Type.Union([Type.Integer(), Type.Null()]),
});
export type HelpdeskQuestion = Static<typeof HelpdeskQuestion>;

export const HelpdeskMessage = Type.Object({
  id: Type.Integer(),
  questionId: Type.Integer(),
  /** Null: a deleted account. A team member's message shows her name and `fromTeam`. */
  author: Type.Union([PostAuthor, Type.Null()]),
  fromTeam: Type.Boolean(),
  /** A note for the team only; the asker never receives one. */
  internal: Type.Boolean(),
  bodyHtml: Type.String(),
  /** The Markdown source: to the team always (to reuse it when publishing), to the asker for her own messages. */
  body: Type.Optional(Type.String()),
  createdAt: Timestamp,
});
export type HelpdeskMessage = Static<typeof HelpdeskMessage>;

export const HelpdeskQuestionPage = Type.Object({ question: HelpdeskQuestion, messages: Type.Array(HelpdeskMessage) });
export type HelpdeskQuestionPage = Static<typeof HelpdeskQuestionPage>;
export const HelpdeskQuestionAnswer = Type.Object({ question: HelpdeskQuestion });
export type HelpdeskQuestionAnswer = Static<typeof HelpdeskQuestionAnswer>;
export const HelpdeskMessageAnswer = Type.Object({ message: HelpdeskMessage });
export type HelpdeskMessageAnswer = Static<typeof HelpdeskMessageAnswer>;

/** GET /api/helpdesk/questions: her own questions, most recently active first. */
export const MyQuestionList = Type.Object({ items: Type.Array(HelpdeskQuestion), nextCursor: NextCursor });
export type MyQuestionList = Static<typeof MyQuestionList>;
export const ListQuery = Type.Object({ cursor: Type.Optional(Type.String({ maxLength: 200 })) });
export type ListQuery = Static<typeof ListQuery>;

/** GET /api/helpdesk/unread: how many of her questions have an unread answer (the nav badge). */
export const HelpdeskUnread = Type.Object({ count: Type.Integer() });
export type HelpdeskUnread = Static<typeof HelpdeskUnread>;

/** POST /api/helpdesk/questions */
export const AskBody = Type.Object(
  { subject: Subject, body: Body, categoryId: Type.Optional(Type.Union([Id, Type.Null()])) },
  { additionalProperties: false },
);
export type AskBody = Static<typeof AskBody>;

/** POST /api/helpdesk/questions/:id/messages: the asker's reply, or the team's answer or (`internal`) note. */
export const HelpdeskMessageBody = Type.Object({ body: Body, internal: Type.Optional(Type.Boolean()) }, { additionalProperties: false });
export type HelpdeskMessageBody = Static<typeof HelpdeskMessageBody>;

/** POST /api/helpdesk/questions/:id/read: the asker read up to and including this message. */
export const HelpdeskReadBody = Type.Object({ messageId: Id }, { additionalProperties: false });
export type HelpdeskReadBody = Static<typeof HelpdeskReadBody>;

/** PUT /api/helpdesk/questions/:id/consent: give (or change) consent; DELETE takes it back (until published). */
export const ConsentBody = Type.Object({ showName: Type.Boolean(), showAffiliation: Type.Boolean() }, { additionalProperties: false });
export type ConsentBody = Static<typeof ConsentBody>;

/** POST /api/helpdesk/questions/:id/close: the asker closes her own question (the team: PATCH status). */

/** PATCH /api/helpdesk/questions/:id (team): any of assignee (a team member, or null), status, category. */
export const TriageBody = Type.Object(
  {
    assigneeId: Type.Optional(Type.Union([Id, Type.Null()])),
    status: Type.Optional(OneOf(HELPDESK_STATUSES)),
    categoryId: Type.Optional(Type.Union([Id, Type.Null()])),
  },
  { additionalProperties: false },
);
export type TriageBody = Static<typeof TriageBody>;

/**
 * GET /api/helpdesk/inbox?view= (team): unassigned (open, nobody on it), mine (open, assigned to her), open (all
 * open), waiting (for the member), closed. `counts` has every view's number, for the tabs.
 */
export const InboxQuery = Type.Object({ view: Type.Optional(OneOf(HELPDESK_VIEWS)), cursor: Type.Optional(Type.String({ maxLength: 200 })) });
export type InboxQuery = Static<typeof InboxQuery>;
export const InboxItem = Type.Object({
  question: HelpdeskQuestion,
  /** The newest public message: who (asker or team) and the start of its plain text. */
  lastMessage: Type.Union([Type.Object({ fromTeam: Type.Boolean(), excerpt: Type.String() }), Type.Null()]),
  messageCount: Type.Integer(),
});
export type InboxItem = Static<typeof InboxItem>;
export const Inbox = Type.Object({
  items: Type.Array(InboxItem),
  counts: Type.Object({ unassigned: Type.Integer(), mine: Type.Integer(), open: Type.Integer(), waiting: Type.Integer(), closed: Type.Integer() }),
  nextCursor: NextCursor,
});
export type Inbox = Static<typeof Inbox>;

/** GET /api/helpdesk/team: who may be assigned (admins and the team, active). */
export const TeamList = Type.Object({ items: Type.Array(TeamMember) });
export type TeamList = Static<typeof TeamList>;

/** Canned answers ("standaardantwoorden"): Markdown texts the team inserts into an answer. */
export const CannedAnswer = Type.Object({ id: Type.Integer(), title: Type.String(), body: Type.String(), updatedAt: Timestamp });
export type CannedAnswer = Static<typeof CannedAnswer>;
export const CannedList = Type.Object({ items: Type.Array(CannedAnswer) });
export type CannedList = Static<typeof CannedList>;
export const CannedBody = Type.Object(
  { title: Type.String({ minLength: 2, maxLength: LIMITS.helpdeskCannedTitleMax, pattern: '\\S' }), body: Body },
  { additionalProperties: false },
);
export type CannedBody = Static<typeof CannedBody>;
export const CannedAnswerAnswer = Type.Object({ cannedAnswer: CannedAnswer });
export type CannedAnswerAnswer = Static<typeof CannedAnswerAnswer>;

/**
 * GET /api/helpdesk/stats (team): per calendar month (Europe/Amsterdam), the last 12 with questions, newest first:
 * questions asked, how many got a first answer, and the median and average time to it, in minutes (null: none).
 */
export const HelpdeskStats = Type.Object({
  months: Type.Array(
    Type.Object({
      month: Type.String({ description: 'YYYY-MM' }),
      asked: Type.Integer(),
      answered: Type.Integer(),
      medianResponseMinutes: Type.Union([Type.Integer(), Type.Null()]),
      averageResponseMinutes: Type.Union([Type.Integer(), Type.Null()]),
    }),
  ),
});
export type HelpdeskStats = Static<typeof HelpdeskStats>;

/**
 * POST /api/helpdesk/questions/:id/publish (team): with the asker's consent, a public thread in `categoryId`: the
 * question (`question`, edited by the team to leave out what identifies her) and the answer (`answer`), posted by
 * "Kenniscentrum" and marked the best answer. Once per question: 409 `already_published` after.
 */
export const PublishBody = Type.Object(
  {
    categoryId: Id,
    title: Type.String({ minLength: LIMITS.titleMin, maxLength: LIMITS.titleMax, pattern: '\\S' }),
    question: Type.String({ minLength: LIMITS.bodyMin, maxLength: LIMITS.bodyMax, pattern: '\\S' }),
    answer: Type.String({ minLength: LIMITS.bodyMin, maxLength: LIMITS.bodyMax, pattern: '\\S' }),
  },
  { additionalProperties: false },
);
export type PublishBody = Static<typeof PublishBody>;
export const PublishAnswer = Type.Object({ threadId: Type.Integer() });
export type PublishAnswer = Static<typeof PublishAnswer>;
