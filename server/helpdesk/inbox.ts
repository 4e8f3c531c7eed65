import { and, asc, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { HelpdeskStats, Inbox, MyQuestionList } from '../../shared/api/helpdesk.js';
import type { HelpdeskView } from '../../shared/constants.js';
import type { CurrentUser } from '../auth/types.js';
import { excerpt } from '../conversations/list.js';
import { queryRows, type DbOrTx } from '../db/client.js';
import { helpdeskQuestions } from '../db/schema.js';
import { decodeCursor, encodeCursor } from '../http/pagination.js';
import { lastPublicMessages, questionViews, toQuestionDto } from './queries.js';

const PAGE = 20;
const q = helpdeskQuestions;

/** Each tab of the team's inbox, as a condition. Open tabs show who waits longest first; the others, newest first. */
function viewCondition(view: HelpdeskView, userId: number): SQL {
  switch (view) {
    case 'unassigned':
      return and(eq(q.status, 'open'), isNull(q.assigneeId))!;
    case 'mine':
      return and(eq(q.status, 'open'), eq(q.assigneeId, userId))!;
    case 'open':
      return eq(q.status, 'open');
    case 'waiting':
      return eq(q.status, 'waiting');
    case 'closed':
      return eq(q.status, 'closed');
  }
}
const oldestFirst = (view: HelpdeskView) => view === 'unassigned' || view === 'mine' || view === 'open';

function cursorCondition(cursor: string | undefined, ascending: boolean): SQL | undefined {
  const after = decodeCursor(cursor, ['date', 'number'] as const);
  if (!after) return undefined;
  const key = sql`(${q.lastActivityAt}, ${q.id})`;
  const at = sql`(${after[0].toISOString()}::timestamptz, ${after[1]})`;
  return ascending ? sql`${key} > ${at}` : sql`${key} < ${at}`;
}

const nextCursor = (rows: { question: { lastActivityAt: Date; id: number } }[]) => {
  const last = rows[PAGE - 1];
  return rows.length > PAGE && last ? encodeCursor([last.question.lastActivityAt.toISOString(), last.question.id]) : null;
};

export async function inbox(db: DbOrTx, user: CurrentUser, view: HelpdeskView, cursor: string | undefined): Promise<Inbox> {
  const ascending = oldestFirst(view);
  const order = ascending ? [asc(q.lastActivityAt), asc(q.id)] : [desc(q.lastActivityAt), desc(q.id)];
  const [views, [counts]] = await Promise.all([
    questionViews(db, and(viewCondition(view, user.id), cursorCondition(cursor, ascending)), order, PAGE + 1),
    queryRows<Inbox['counts']>(
      db,
      sql`select count(*) filter (where status = 'open' and assignee_id is null)::int as unassigned,
                 count(*) filter (where status = 'open' and assignee_id = ${user.id})::int as mine,
                 count(*) filter (where status = 'open')::int as open,
                 count(*) filter (where status = 'waiting')::int as waiting,
                 count(*) filter (where status = 'closed')::int as closed
            from ${q}`,
    ),
  ]);
  const page = views.slice(0, PAGE);
  const last = await lastPublicMessages(db, page.map((v) => v.question.id));
  return {
    items: page.map((v) => {
      const message = last.get(v.question.id);
      return {
        question: toQuestionDto(v, user, true),
        lastMessage: message ? { fromTeam: message.fromTeam, excerpt: excerpt(message.bodyHtml) } : null,
        messageCount: message?.count ?? 0,
      };
    }),
    counts: counts!,
    nextCursor: nextCursor(views),
  };
}

/** Her own questions, most recently active first. */
export async function myQuestions(db: DbOrTx, user: CurrentUser, cursor: string | undefined): Promise<MyQuestionList> {
  const views = await questionViews(db, and(eq(q.askerId, user.id), cursorCondition(cursor, false)), [desc(q.lastActivityAt), desc(q.id)], PAGE + 1);
  return { items: views.slice(0, PAGE).map((v) => toQuestionDto(v, user, false)), nextCursor: nextCursor(views) };
}

/**
 * The response-time figure: per month the question was asked in (Amsterdam time), the last twelve with questions,
 * how many were asked and answered and how long the first answer took, in whole minutes.
 */
export async function helpdeskStats(db: DbOrTx): Promise<HelpdeskStats> {
  const rows = await queryRows<{ month: string; asked: number; answered: number; median: number | null; average: number | null }>(
    db,
    sql`select to_char(created_at at time zone 'Europe/Amsterdam', 'YYYY-MM') as month,
               count(*)::int as asked,
               count(first_response_at)::int as answered,
               round(percentile_cont(0.5) within group (order by extract(epoch from first_response_at - created_at)) / 60)::int as median,
               round(avg(extract(epoch from first_response_at - created_at)) / 60)::int as average
          from ${q}
         group by 1
         order by 1 desc
         limit 12`,
  );
  return { months: rows.map((r) => ({ month: r.month, asked: r.asked, answered: r.answered, medianResponseMinutes: r.median, averageResponseMinutes: r.average })) };
}
