import type { ForumNotificationKind, ModeratorNotificationKind, PostNotificationKind } from '../../shared/constants.js';
import { askerPath, teamPath } from '../helpdesk/mail.js';

/**
 * The Dutch text and the link of a notification, made when it is read (forum and moderator kinds store ids and a
 * count only), so it always names the thread as it is called now and never shows what the receiver may no longer
 * see: the list query (routes.ts) leaves out forum notifications whose post she may not see, and passes a post
 * link only when she may see it.
 */

/** What the list query loads per notification, joined in one statement. */
export interface NotificationView {
  kind: string;
  /** The stored text: moderation and account notifications. */
  message: string;
  count: number;
  actorName: string | null;
  threadTitle: string | null;
  categoryName: string | null;
  /** The post it links to (for a group: the first unread), when the receiver may see it. */
  linkThreadId: number | null;
  linkPostId: number | null;
  /** Kind 'message': the private conversation and its subject (she is in it: leaving deletes the notification). */
  conversationId?: number | null;
  conversationSubject?: string | null;
  /** Kinds 'helpdesk_answer' (to the asker) and 'helpdesk_question' (to the team): the question and its subject. */
  helpdeskQuestionId?: number | null;
  helpdeskSubject?: string | null;
}

const quoted = (title: string | null) => `„${title ?? ''}”`;
const someone = (name: string | null) => name ?? 'Iemand';

const FORUM_TEXT: Record<ForumNotificationKind, (v: NotificationView) => string> = {
  mention: (v) => `${someone(v.actorName)} noemde je in ${quoted(v.threadTitle)}`,
  quote: (v) => `${someone(v.actorName)} citeerde je in ${quoted(v.threadTitle)}`,
  reply_to_post: (v) => `${someone(v.actorName)} reageerde op je bericht in ${quoted(v.threadTitle)}`,
  thread_activity: (v) =>
    v.count === 1 ? `${someone(v.actorName)} reageerde in ${quoted(v.threadTitle)}` : `${v.count} nieuwe reacties in ${quoted(v.threadTitle)}`,
  new_thread: (v) => `Nieuwe discussie in ${v.categoryName ?? 'een categorie'}: ${quoted(v.threadTitle)}`,
};

/** About her own post or bookmark; a reminder's stored message is her own note. */
const POST_TEXT: Record<PostNotificationKind, (v: NotificationView) => string> = {
  answer_marked: (v) => `${someone(v.actorName)} markeerde je reactie als beste antwoord in ${quoted(v.threadTitle)}`,
  thanked: (v) =>
    v.count === 1 ? `${someone(v.actorName)} waardeerde je bericht in ${quoted(v.threadTitle)}` : `${v.count} waarderingen voor je berichten in ${quoted(v.threadTitle)}`,
  bookmark_reminder: (v) => `Herinnering: je bewaarde een bericht in ${quoted(v.threadTitle)}${v.message ? ` („${v.message}”)` : ''}`,
};

const MODERATOR_TEXT: Record<ModeratorNotificationKind, { text: (count: number) => string; link: string }> = {
  registration_waiting: {
    text: (n) => (n === 1 ? 'Een aanmelding wacht op goedkeuring' : `${n} aanmeldingen wachten op goedkeuring`),
    link: '/moderatie/aanmeldingen',
  },
  report_open: {
    text: (n) => (n === 1 ? 'Nieuw rapport over een bericht' : `${n} nieuwe rapporten over berichten`),
    link: '/moderatie',
  },
};

export const isForumKind = (kind: string): kind is ForumNotificationKind => Object.hasOwn(FORUM_TEXT, kind);
const isPostKind = (kind: string): kind is PostNotificationKind => Object.hasOwn(POST_TEXT, kind);
export const isModeratorKind = (kind: string): kind is ModeratorNotificationKind => Object.hasOwn(MODERATOR_TEXT, kind);

export const postLink = (threadId: number, postId: number) => `/discussie/${threadId}#bericht-${postId}`;

export function renderNotification(v: NotificationView): { message: string; link: string | null } {
  const link = v.linkThreadId !== null && v.linkPostId !== null ? postLink(v.linkThreadId, v.linkPostId) : null;
  if (isForumKind(v.kind)) return { message: FORUM_TEXT[v.kind](v), link };
  if (isPostKind(v.kind)) return { message: POST_TEXT[v.kind](v), link };
  if (isModeratorKind(v.kind)) return { message: MODERATOR_TEXT[v.kind].text(v.count), link: MODERATOR_TEXT[v.kind].link };
  // Never the message's text: the subject and who wrote, like a thread's title and its writer.
  if (v.kind === 'message' && v.conversationId) {
    const text = v.count === 1 ? `${v.actorName ?? 'Een oud-lid'} stuurde je een bericht: ${quoted(v.conversationSubject ?? null)}` : `${v.count} nieuwe berichten in ${quoted(v.conversationSubject ?? null)}`;
    return { message: text, link: `/berichten/${v.conversationId}` };
  }
  if (v.kind === 'helpdesk_answer' && v.helpdeskQuestionId) {
    const text = v.count === 1 ? `Het kenniscentrum heeft je vraag beantwoord: ${quoted(v.helpdeskSubject ?? null)}` : `${v.count} nieuwe antwoorden op je vraag ${quoted(v.helpdeskSubject ?? null)}`;
    return { message: text, link: askerPath(v.helpdeskQuestionId) };
  }
  if (v.kind === 'helpdesk_question' && v.helpdeskQuestionId) {
    const text = v.count === 1 ? `${v.actorName ?? 'Een lid'} vraagt het kenniscentrum: ${quoted(v.helpdeskSubject ?? null)}` : `${v.count} nieuwe berichten bij de vraag ${quoted(v.helpdeskSubject ?? null)}`;
    return { message: text, link: teamPath(v.helpdeskQuestionId) };
  }
  // Moderation and account decisions: their own text; a link to the post they concern while she may see it.
  return { message: v.message, link };
}
