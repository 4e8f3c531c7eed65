import { sql, type Column, type SQL } from 'drizzle-orm';
import { posts } from '../db/schema.js';
import { postReadByMembersCondition } from './visibility.js';
import { alias } from 'drizzle-orm/pg-core';

/** The best answer's own name in the subquery, apart from any `posts` the outer query uses. */
const answer = alias(posts, 'answer');

/**
 * Whether a thread is solved, the one definition every reader uses (lists, the thread page, search documents):
 * a best answer is marked and every member can read it. A hidden or deleted answer solves nothing (it comes back
 * when a moderator shows it again); `thread` may be an alias of threads, or raw SQL naming its solution_post_id.
 */
export function solvedSql(solutionPostId: Column | SQL): SQL {
  return sql`exists (select 1 from ${posts} ${answer} where ${answer.id} = ${solutionPostId} and ${postReadByMembersCondition(answer)})`;
}
