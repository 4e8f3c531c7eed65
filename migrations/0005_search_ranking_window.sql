-- Search at scale (docs/decisions/004-search-ranking-window.md). A query ranks only the most recent matches, a
-- window at a time, so search_documents must answer "the newest N matches" without visiting every match: an
-- index on (created_at, post_id), and the category and author of each document beside it so that filtered
-- searches walk their own index too. The copies are refreshed by the outbox (a moved thread re-indexes its
-- posts) and every query checks the live tables for the page it returns.
ALTER TABLE search_documents ADD COLUMN category_id integer;
--> statement-breakpoint
ALTER TABLE search_documents ADD COLUMN author_id integer;
--> statement-breakpoint
UPDATE search_documents d SET category_id = t.category_id, author_id = p.author_id
  FROM posts p JOIN threads t ON t.id = p.thread_id
 WHERE p.id = d.post_id;
--> statement-breakpoint
ALTER TABLE search_documents ALTER COLUMN category_id SET NOT NULL;
--> statement-breakpoint
ALTER TABLE search_documents ALTER COLUMN author_id SET NOT NULL;
--> statement-breakpoint
CREATE INDEX search_documents_recent_idx ON search_documents (created_at, post_id);
--> statement-breakpoint
CREATE INDEX search_documents_category_recent_idx ON search_documents (category_id, created_at, post_id);
--> statement-breakpoint
CREATE INDEX search_documents_author_recent_idx ON search_documents (author_id, created_at, post_id);
--> statement-breakpoint
-- The thread filter reads its few rows in recency order too.
DROP INDEX search_documents_thread_idx;
--> statement-breakpoint
CREATE INDEX search_documents_thread_recent_idx ON search_documents (thread_id, created_at, post_id);
--> statement-breakpoint
-- Fresh statistics for the new columns: the planner's choice between walking an index and the GIN index rests on them.
ANALYZE search_documents;
