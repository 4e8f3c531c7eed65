import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { and, count, eq, inArray, isNotNull, min, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { Queue, QueueQuery, type QueueItem } from '../../shared/api/moderation.js';
import type { ReportReason } from '../../shared/constants.js';
import { categories, posts, reports, threads, users } from '../db/schema.js';
import { selectPosts, toPostDto } from '../forum/queries.js';
import { decodeCursor, encodeCursor, pageSize } from '../http/pagination.js';
import { claimsOn } from './claims.js';
import { findReports } from './reports.js';

/**
 * The review queue: open reports grouped per post, oldest first (the post whose first open report came in first:
 * the one that has waited longest), each with who handles it (claims.ts). Keyset on (first report id, post id).
 */
export default async function queueRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get('/api/moderation/queue', { config: { auth: 'moderator' }, schema: { summary: 'Wachtrij: gerapporteerde berichten en aanmeldingen', tags: ['moderation'], querystring: QueueQuery, response: { 200: Queue } } }, async (request) => {
    const viewer = request.user!;
    const size = pageSize(request.query.limit);
    const after = decodeCursor(request.query.cursor, ['number', 'number'] as const);
    const grouped = app.db
      .select({ postId: reports.postId, reportCount: count().as('report_count'), firstId: min(reports.id).as('first_id') })
      .from(reports)
      .where(eq(reports.status, 'open'))
      .groupBy(reports.postId)
      .as('grouped');
    const groups = await app.db
      .select()
      .from(grouped)
      .where(after ? sql`(${grouped.firstId}, ${grouped.postId}) > (${after[0]}, ${after[1]})` : undefined)
      .orderBy(sql`${grouped.firstId} asc, ${grouped.postId} asc`)
      .limit(size + 1);
    const page = groups.slice(0, size);
    const postIds = page.map((g) => g.postId);
    if (postIds.length === 0) return { items: [], nextCursor: null };

    const postRows = await selectPosts(app.db).where(inArray(posts.id, postIds));
    const threadRows = await app.db
      .select({ id: threads.id, title: threads.title, categorySlug: categories.slug })
      .from(threads)
      .innerJoin(categories, eq(categories.id, threads.categoryId))
      .where(inArray(threads.id, postRows.map((p) => p.threadId)));
    const authorIds = [...new Set(postRows.map((p) => p.authorId))];
    const authorRows = await app.db.select({ id: users.id, status: users.status }).from(users).where(inArray(users.id, authorIds));
    const hiddenCounts = await app.db
      .select({ authorId: posts.authorId, n: count() })
      .from(posts)
      .where(and(inArray(posts.authorId, authorIds), isNotNull(posts.hiddenAt)))
      .groupBy(posts.authorId);
    const openReports = await findReports(app.db, and(inArray(reports.postId, postIds), eq(reports.status, 'open')));
    const claims = await claimsOn(app.db, 'report', postIds, viewer);

    const items: QueueItem[] = page.map((g) => {
      const post = postRows.find((p) => p.id === g.postId)!;
      const thread = threadRows.find((t) => t.id === post.threadId)!;
      const list = openReports.filter((r) => r.postId === g.postId);
      return {
        post: toPostDto(post, viewer),
        thread,
        author: {
          id: post.authorId,
          displayName: post.authorName,
          status: authorRows.find((a) => a.id === post.authorId)?.status ?? 'active',
          hiddenPostCount: hiddenCounts.find((h) => h.authorId === post.authorId)?.n ?? 0,
        },
        reportCount: g.reportCount,
        reasons: [...new Set(list.map((r) => r.reason))] as ReportReason[],
        firstReportedAt: list[0]?.createdAt ?? new Date(0).toISOString(),
        reports: list,
        claim: claims.get(g.postId) ?? null,
      };
    });
    const last = page[page.length - 1]!;
    return { items, nextCursor: groups.length > size ? encodeCursor([last.firstId ?? 0, last.postId]) : null };
  });
}
