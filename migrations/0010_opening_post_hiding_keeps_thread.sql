-- Until now hiding an opening post hid its whole thread (threads.hidden_at), replies included. From now on it
-- hides that post only, and hiding a thread is a moderator's own act. Every thread hidden so far was hidden
-- through its opening post, which stays hidden: show the threads again, with their replies.
-- Search indexes the thread's posts again (their thread is visible now).
INSERT INTO "search_outbox" ("kind", "target_id") SELECT 'thread', "id" FROM "threads" WHERE "hidden_at" IS NOT NULL AND "deleted_at" IS NULL;--> statement-breakpoint
UPDATE "threads" SET "hidden_at" = NULL WHERE "hidden_at" IS NOT NULL;--> statement-breakpoint
UPDATE "categories" c SET "thread_count" = (SELECT count(*) FROM "threads" t WHERE t."category_id" = c."id" AND t."hidden_at" IS NULL AND t."deleted_at" IS NULL);
