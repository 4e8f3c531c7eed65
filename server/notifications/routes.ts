import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { and, count, countDistinct, desc, eq, inArray, isNotNull, isNull, ne, notInArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { FastifyInstance } from 'fastify';
import { NotificationList, NotificationsQuery, NotificationSummary, ReadNotificationsBody, UnreadAnswer } from '../../shared/api/notifications.js';
import { FORUM_NOTIFICATION_KINDS, MODERATOR_NOTIFICATION_KINDS, POST_NOTIFICATION_KINDS } from '../../shared/constants.js';
import type { CurrentUser } from '../auth/types.js';
import { isModerator } from '../auth/users.js';
import { isCentreStaff } from '../centre/team.js';
import type { Db } from '../db/client.js';
import { categories, conversationMessageReports, notifications, posts, reports, threads, users } from '../db/schema.js';
import { postTextVisibleTo, threadCondition, viewerKind } from '../forum/visibility.js';
import { badRequest } from '../http/errors.js';
import { decodeCursor, encodeCursor, pageSize } from '../http/pagination.js';
import { renderNotification } from './render.js';

/** The post a notification links to: a forum kind's own, or the one a moderation decision concerns (data.postId). */
const linkPost = alias(posts, 'link_post');
const linkThread = alias(threads, 'link_thread');
const actor = alias(users, 'actor');
const linkPostId = sql`coalesce(${notifications.postId}, (${notifications.data}->>'postId')::int)`;

/**
 * What `user` may see of her notifications, as one condition over notifications left-joined to linkPost and
 * linkThread: a forum notification only while she may read its post in its thread (the visibility module's SQL
 * forms with her as the viewer), so one hidden or deleted later is gone from the list and the count, and back
 * when restored; the moderators' signals only while she is one.
 */
function shownTo(user: CurrentUser): { shown: SQL; linkVisible: SQL } {
  const kind = viewerKind(user);
  const linkVisible = and(isNotNull(linkPost.id), isNotNull(linkThread.id), threadCondition(kind, linkThread), postTextVisibleTo(user, linkPost))!;
  const shown = and(
    or(notInArray(notifications.kind, [...FORUM_NOTIFICATION_KINDS, ...POST_NOTIFICATION_KINDS]), linkVisible),
    isModerator(user) ? undefined : notInArray(notifications.kind, [...MODERATOR_NOTIFICATION_KINDS]),
    // A question to the team only while she is on it (the question itself is the team's to read, helpdesk/access.ts).
    isCentreStaff(user) ? undefined : ne(notifications.kind, 'helpdesk_question'),
  )!;
  return { shown, linkVisible };
}

async function unreadCount(db: Db, user: CurrentUser): Promise<number> {
  const { shown } = shownTo(user);
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .leftJoin(linkPost, eq(linkPost.id, linkPostId))
    .leftJoin(linkThread, eq(linkThread.id, linkPost.threadId))
    .where(and(eq(notifications.userId, user.id), isNull(notifications.readAt), shown));
  return row?.n ?? 0;
}

/** What waits for the moderators: posts with open reports (the queue's items) and confirmed registrations. */
async function waiting(db: Db): Promise<{ openReports: number; pendingRegistrations: number; openMessageReports: number }> {
  const [[reportRow], [userRow], [messageRow]] = await Promise.all([
    db.select({ n: countDistinct(reports.postId) }).from(reports).where(eq(reports.status, 'open')),
    db
      .select({ n: count() })
      .from(users)
      .where(and(eq(users.status, 'pending'), isNotNull(users.emailConfirmedAt))),
    db.select({ n: countDistinct(conversationMessageReports.messageId) }).from(conversationMessageReports).where(eq(conversationMessageReports.status, 'open')),
  ]);
  return { openReports: reportRow?.n ?? 0, pendingRegistrations: userRow?.n ?? 0, openMessageReports: messageRow?.n ?? 0 };
}

/**
 * A user's own notifications, most recently active first. Open to every logged-in user ('user'), so that a
 * suspended or rejected account can still read why. Someone else's notifications are never reachable: every
 * query filters on the asking user.
 */
export default async function notificationRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get('/api/notifications', { config: { auth: 'user' }, schema: { summary: 'Meldingen', tags: ['notifications'], querystring: NotificationsQuery, response: { 200: NotificationList } } }, async (request) => {
    const user = request.user!;
    const size = pageSize(request.query.limit);
    const after = decodeCursor(request.query.cursor, ['date', 'number'] as const);
    const { shown, linkVisible } = shownTo(user);
    // One statement for the page: the texts need the thread, category and writer, joined here rather than per row.
    const rows = await app.db
      .select({
        id: notifications.id,
        kind: notifications.kind,
        message: notifications.message,
        count: notifications.count,
        readAt: notifications.readAt,
        createdAt: notifications.createdAt,
        updatedAt: notifications.updatedAt,
        actorName: actor.displayName,
        threadTitle: linkThread.title,
        categoryName: categories.name,
        linkVisible: sql<boolean>`coalesce(${linkVisible}, false)`,
        linkThreadId: linkThread.id,
        linkPostId: linkPost.id,
        // A training's notifications (server/trainings/) link to its page; whether she may still see it is the page's to say.
        trainingId: sql<number | null>`(${notifications.data}->>'trainingId')::int`,
        conversationId: notifications.conversationId,
        conversationSubject: sql<string | null>`(select c.subject from conversations c where c.id = ${notifications.conversationId})`,
        helpdeskQuestionId: notifications.helpdeskQuestionId,
        helpdeskSubject: sql<string | null>`(select q.subject from helpdesk_questions q where q.id = ${notifications.helpdeskQuestionId})`,
      })
      .from(notifications)
      .leftJoin(linkPost, eq(linkPost.id, linkPostId))
      .leftJoin(linkThread, eq(linkThread.id, linkPost.threadId))
      .leftJoin(categories, eq(categories.id, linkThread.categoryId))
      .leftJoin(actor, eq(actor.id, notifications.actorId))
      .where(
        and(
          eq(notifications.userId, user.id),
          shown,
          after ? sql`(${notifications.updatedAt}, ${notifications.id}) < (${after[0].toISOString()}::timestamptz, ${after[1]})` : undefined,
        ),
      )
      .orderBy(desc(notifications.updatedAt), desc(notifications.id))
      .limit(size + 1);
    const page = rows.slice(0, size);
    const last = page[page.length - 1];
    return {
      notifications: page.map((n) => {
        const visible = n.linkVisible;
        const { message, link } = renderNotification({
          kind: n.kind,
          message: n.message,
          count: n.count,
          actorName: n.actorName,
          threadTitle: visible ? n.threadTitle : null,
          categoryName: visible ? n.categoryName : null,
          linkThreadId: visible ? n.linkThreadId : null,
          linkPostId: visible ? n.linkPostId : null,
          conversationId: n.conversationId,
          conversationSubject: n.conversationSubject,
          helpdeskQuestionId: n.helpdeskQuestionId,
          helpdeskSubject: n.helpdeskSubject,
        });
        return {
          id: n.id,
          kind: n.kind,
          message,
          link: link ?? (n.trainingId !== null ? `/trainingen/${n.trainingId}` : null),
          count: n.count,
          readAt: n.readAt?.toISOString() ?? null,
          createdAt: n.createdAt.toISOString(),
          updatedAt: n.updatedAt.toISOString(),
        };
      }),
      unreadCount: await unreadCount(app.db, user),
      nextCursor: rows.length > size && last ? encodeCursor([last.updatedAt.toISOString(), last.id]) : null,
    };
  });

  api.get('/api/notifications/summary', { config: { auth: 'user' }, schema: { summary: 'Aantal ongelezen meldingen en wat op moderatie wacht', tags: ['notifications'], response: { 200: NotificationSummary } } }, async (request) => {
    const user = request.user!;
    const [unread, waitingNow] = await Promise.all([unreadCount(app.db, user), isModerator(user) ? waiting(app.db) : null]);
    return { unreadCount: unread, waiting: waitingNow };
  });

  api.post('/api/notifications/read', { config: { auth: 'user' }, schema: { summary: 'Meldingen als gelezen markeren', tags: ['notifications'], body: ReadNotificationsBody, response: { 200: UnreadAnswer } } }, async (request) => {
    const user = request.user!;
    const { ids, all } = request.body;
    if (ids === undefined && all === undefined) throw badRequest('invalid_input', 'Geef "ids" of "all": true mee.', 'ids');
    if (ids !== undefined && all !== undefined) throw badRequest('invalid_input', 'Geef "ids" of "all", niet allebei.', 'all');
    // Someone else's ids simply match nothing: the user filter is always there.
    await app.db
      .update(notifications)
      .set({ readAt: sql`now()` })
      .where(and(eq(notifications.userId, user.id), isNull(notifications.readAt), ids ? inArray(notifications.id, ids) : undefined));
    return { unreadCount: await unreadCount(app.db, user) };
  });
}
