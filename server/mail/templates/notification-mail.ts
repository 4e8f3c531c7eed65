import { sql } from 'drizzle-orm';
import { MAIL_KINDS, type ForumNotificationKind, type MailFrequency, type MailKind } from '../../../shared/constants.js';
import { applyStaffTotpPolicy } from '../../auth/totp-policy.js';
import { queryRows } from '../../db/client.js';
import { unreadMailPosts, type MailPost } from '../../notifications/mail-items.js';
import { mailKindOf, mailPreferencesOf, notificationKindsAt } from '../../notifications/mail-preferences.js';
import { postLink } from '../../notifications/render.js';
import { mailLayout, type MailBlock, type MailItem } from '../layout.js';
import type { MailTemplate, TemplateContext } from '../types.js';
import type { UnsubscribeKind } from '../unsubscribe.js';
import { conversationDigestBlocks, digestConversations } from '../../conversations/mail.js';

/**
 * Notification mail ('notifications': one thread's news, queued by notifications/mail-schedule.ts) and the daily or
 * weekly 'digest' (queued by notifications/digest.ts). Both are made from the current state when they are sent:
 * only unread notifications, of kinds she still wants at that frequency, of posts every member may read
 * (notifications/mail-items.ts). Nothing left: null, and the row is dropped.
 */

/** Posts shown in full (an excerpt each) in one thread's mail; the rest are counted. */
const SHOWN_IN_THREAD_MAIL = 10;
/** Threads listed per section of a digest. */
const SHOWN_IN_DIGEST = 30;
const TITLE_IN_SUBJECT = 60;

interface MemberState {
  status: string;
  mail_preferences: unknown;
  last_seen_at: Date | string | null;
}

async function memberState(context: TemplateContext): Promise<MemberState | null> {
  const [row] = await queryRows<MemberState>(context.db, sql`select status, mail_preferences, last_seen_at from users where id = ${context.user.id}`);
  return row ?? null;
}

const dateOrNull = (value: unknown): Date | null => (typeof value === 'string' || value instanceof Date ? new Date(value) : null);
const later = (a: Date | null, b: Date | null): Date | null => (a && b ? (a > b ? a : b) : (a ?? b));

// Dutch quotation marks, low-high, as in the interface.
const quoted = (title: string) => `„${title}”`;
function shortTitle(title: string): string {
  if (title.length <= TITLE_IN_SUBJECT) return title;
  const cut = title.slice(0, TITLE_IN_SUBJECT);
  const space = cut.lastIndexOf(' ');
  return `${(space > TITLE_IN_SUBJECT / 2 ? cut.slice(0, space) : cut).trimEnd()} …`;
}

/** What a post did, after its writer's name. */
const DID: Record<ForumNotificationKind, string> = {
  mention: 'noemde je',
  quote: 'citeerde je',
  reply_to_post: 'reageerde op je bericht',
  thread_activity: 'reageerde',
  new_thread: 'begon een nieuwe discussie',
};

function threadSubject(items: MailPost[]): string {
  const first = items[0]!;
  const title = quoted(shortTitle(first.threadTitle));
  // Posts after the opening one are reactions; a new thread (categories set to direct) is a message of its own.
  if (items.length > 1) return `${items.length} nieuwe ${items.some((i) => i.kind === 'new_thread') ? 'berichten' : 'reacties'} in ${title}`;
  switch (first.kind) {
    case 'thread_activity':
      return `Nieuwe reactie in ${title}`;
    case 'new_thread':
      return `Nieuwe discussie in ${first.categoryName}: ${title}`;
    default:
      return `${first.authorName} ${DID[first.kind]} in ${title}`;
  }
}

/**
 * Which preference the one-click unsubscribe switches off: the mail kind most of it is about (a tie goes to the
 * later, broader kind: watched threads before replies), so "stop this mail" stops what filled it.
 */
function mainMailKind(items: MailPost[]): MailKind {
  const counts = new Map<MailKind, number>();
  for (const item of items) counts.set(mailKindOf(item.kind), (counts.get(mailKindOf(item.kind)) ?? 0) + 1);
  let best: MailKind = mailKindOf(items[0]!.kind);
  for (const kind of MAIL_KINDS) if ((counts.get(kind) ?? 0) >= (counts.get(best) ?? 0)) best = kind;
  return best;
}

const threadMail: MailTemplate = async (context) => {
  if (context.threadId === null) return null;
  const member = await memberState(context);
  if (!member || member.status !== 'active') return null;
  const kinds = notificationKindsAt(mailPreferencesOf(member.mail_preferences), 'direct');
  // Only what is newer than her last mail about this thread (fixed when this one was queued) and than her last
  // visit: what happened while she was here, she saw live.
  const after = later(dateOrNull(context.data.after), dateOrNull(member.last_seen_at));
  const items = await unreadMailPosts(context.db, applyStaffTotpPolicy(context.user, context.config.staffTotpRequired), { kinds, threadId: context.threadId, after, limit: 100 });
  if (items.length === 0) return null;

  // Recorded now, before the transport has the mail: a failed send keeps this row (retried with the same `after`),
  // and no other mail for the thread can be queued while it waits, so the only cost of a failure is that the next
  // mail's 15 minutes count from this try instead of the successful one.
  await context.db.execute(sql`
    insert into mail_thread_log (user_id, thread_id, last_sent_at) values (${context.user.id}, ${context.threadId}, now())
    on conflict (user_id, thread_id) do update set last_sent_at = excluded.last_sent_at`);

  const first = items[0]!;
  const shown = items.slice(0, SHOWN_IN_THREAD_MAIL);
  const blocks: MailBlock[] = [
    items.length === 1
      ? `${first.authorName} ${DID[first.kind]} in ${quoted(first.threadTitle)} (${first.categoryName}).`
      : `Er zijn ${items.length} nieuwe berichten in ${quoted(first.threadTitle)} (${first.categoryName}).`,
    ...shown.map((item): MailBlock => ({ quote: item.excerpt, by: `${item.authorName} ${DID[item.kind]}` })),
  ];
  if (items.length > shown.length) blocks.push(`En nog ${items.length - shown.length} ${items.length - shown.length === 1 ? 'bericht' : 'berichten'}.`);
  blocks.push({ action: { label: items.length === 1 ? 'Lees het bericht' : 'Lees de berichten', url: context.url(postLink(first.threadId, first.postId)) } });
  return mailLayout(context, { subject: threadSubject(items), blocks, unsubscribe: mainMailKind(items) });
};

// ——— digest ———

/** One part of a digest: the kinds she gets at this frequency, over the window the digest job claimed. */
export interface DigestSection {
  frequency: Extract<MailFrequency, 'daily' | 'weekly'>;
  since: string;
  until: string;
}

const isSection = (value: unknown): value is DigestSection => {
  const s = value as Partial<DigestSection> | null;
  return !!s && (s.frequency === 'daily' || s.frequency === 'weekly') && typeof s.since === 'string' && typeof s.until === 'string';
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function digestBlocks(context: TemplateContext, items: MailPost[]): MailBlock[] {
  const blocks: MailBlock[] = [];
  const newThreads = items.filter((i) => i.kind === 'new_thread');
  const rest = items.filter((i) => i.kind !== 'new_thread');
  if (newThreads.length > 0) {
    blocks.push({ heading: 'Nieuwe discussies' });
    blocks.push({
      list: newThreads.slice(0, SHOWN_IN_DIGEST).map((i): MailItem => ({
        text: i.threadTitle,
        url: context.url(postLink(i.threadId, i.postId)),
        detail: `${i.categoryName} · door ${i.authorName}`,
      })),
    });
    if (newThreads.length > SHOWN_IN_DIGEST) blocks.push(`En nog ${plural(newThreads.length - SHOWN_IN_DIGEST, 'discussie', 'discussies')}.`);
  }
  // Replies, mentions and watched threads: one line per thread, linking to its first post she has not seen.
  const byThread = new Map<number, MailPost[]>();
  for (const item of rest) byThread.set(item.threadId, [...(byThread.get(item.threadId) ?? []), item]);
  if (byThread.size > 0) {
    blocks.push({ heading: 'In discussies die je volgt of waarin je genoemd wordt' });
    const threads = [...byThread.values()];
    blocks.push({
      list: threads.slice(0, SHOWN_IN_DIGEST).map((posts): MailItem => {
        const first = posts[0]!;
        const mentions = posts.filter((p) => p.kind !== 'thread_activity').map((p) => `${p.authorName} ${DID[p.kind]}`);
        const detail = [plural(posts.length, 'nieuw bericht', 'nieuwe berichten'), ...[...new Set(mentions)].slice(0, 3)].join(' · ');
        return { text: first.threadTitle, url: context.url(postLink(first.threadId, first.postId)), detail };
      }),
    });
    if (threads.length > SHOWN_IN_DIGEST) blocks.push(`En nog ${plural(threads.length - SHOWN_IN_DIGEST, 'discussie', 'discussies')}.`);
  }
  return blocks;
}

const digest: MailTemplate = async (context) => {
  const member = await memberState(context);
  if (!member || member.status !== 'active') return null;
  const preferences = mailPreferencesOf(member.mail_preferences);
  const sections = (Array.isArray(context.data.sections) ? context.data.sections : []).filter(isSection);
  const items: MailPost[] = [];
  for (const section of sections) {
    // Her choice now: a kind switched to direct or never since the digest was queued is left out.
    const kinds = notificationKindsAt(preferences, section.frequency);
    items.push(...(await unreadMailPosts(context.db, applyStaffTotpPolicy(context.user, context.config.staffTotpRequired), { kinds, after: new Date(section.since), until: new Date(section.until), limit: 500 })));
  }
  // Private conversations with unread messages, when she wants those at a digest's frequency (conversations/mail.ts).
  const messageSections = sections.filter((s) => preferences.messages === s.frequency);
  const talks = (await Promise.all(messageSections.map((s) => digestConversations(context.db, context.user.id, new Date(s.since), new Date(s.until))))).flat();
  if (items.length === 0 && talks.length === 0) return null;
  items.sort((a, b) => a.postId - b.postId);

  const daily = sections.some((s) => s.frequency === 'daily');
  const newThreads = items.filter((i) => i.kind === 'new_thread').length;
  const posts = items.length - newThreads;
  const summary = [
    newThreads > 0 ? plural(newThreads, 'nieuwe discussie', 'nieuwe discussies') : null,
    posts > 0 ? plural(posts, 'nieuw bericht', 'nieuwe berichten') : null,
    talks.length > 0 ? plural(talks.length, 'gesprek met nieuwe berichten', 'gesprekken met nieuwe berichten') : null,
  ]
    .filter((part) => part !== null)
    .join(' en ');
  // A digest about one kind of mail unsubscribes from that kind; one about several from all notification mail
  // (the footer says so), because "stop this mail" must stop the whole digest.
  const kinds = new Set<MailKind>(items.map((i) => mailKindOf(i.kind)));
  if (talks.length > 0) kinds.add('messages');
  const unsubscribe: UnsubscribeKind = kinds.size === 1 ? [...kinds][0]! : 'all';
  return mailLayout(context, {
    subject: `${daily ? 'Je dagelijkse overzicht' : 'Je weekoverzicht'}: ${summary}`,
    title: daily ? 'Wat er vandaag nieuw is op Plein' : 'Wat er deze week nieuw is op Plein',
    blocks: [
      daily ? 'Dit is er sinds je vorige overzicht gebeurd:' : 'Dit is er de afgelopen week gebeurd:',
      ...digestBlocks(context, items),
      ...conversationDigestBlocks(context, talks),
      { action: { label: 'Naar je meldingen', url: context.url('/meldingen') } },
    ],
    unsubscribe,
  });
};

export const notificationTemplates: Record<string, MailTemplate> = { notifications: threadMail, digest };
