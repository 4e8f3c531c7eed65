CREATE TABLE "bookmarks" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"post_id" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"remind_at" timestamp (3) with time zone,
	"reminded_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "drafts" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"thread_id" integer,
	"category_id" integer,
	"title" text DEFAULT '' NOT NULL,
	"body" text NOT NULL,
	"reply_to_post_id" integer,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "post_reactions" (
	"post_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "post_reactions_post_id_user_id_kind_pk" PRIMARY KEY("post_id","user_id","kind"),
	CONSTRAINT "post_reactions_kind_check" CHECK ("post_reactions"."kind" in ('thanks', 'useful'))
);
--> statement-breakpoint
DROP INDEX "notifications_open_group_key";--> statement-breakpoint
DROP INDEX "notifications_once_per_post_key";--> statement-breakpoint
ALTER TABLE "categories" ADD COLUMN "expects_answers" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "posts" ADD COLUMN "thanks_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "posts" ADD COLUMN "useful_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "threads" ADD COLUMN "solution_post_id" integer;--> statement-breakpoint
ALTER TABLE "threads" ADD COLUMN "solution_marked_by" integer;--> statement-breakpoint
ALTER TABLE "threads" ADD COLUMN "solution_marked_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "threads" ADD COLUMN "reaction_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "bookmarks" ADD CONSTRAINT "bookmarks_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookmarks" ADD CONSTRAINT "bookmarks_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drafts" ADD CONSTRAINT "drafts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drafts" ADD CONSTRAINT "drafts_thread_id_threads_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."threads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drafts" ADD CONSTRAINT "drafts_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drafts" ADD CONSTRAINT "drafts_reply_to_post_id_posts_id_fk" FOREIGN KEY ("reply_to_post_id") REFERENCES "public"."posts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_reactions" ADD CONSTRAINT "post_reactions_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_reactions" ADD CONSTRAINT "post_reactions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "bookmarks_user_post_key" ON "bookmarks" USING btree ("user_id","post_id");--> statement-breakpoint
CREATE INDEX "bookmarks_user_created_idx" ON "bookmarks" USING btree ("user_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "bookmarks_due_idx" ON "bookmarks" USING btree ("remind_at") WHERE "bookmarks"."remind_at" is not null and "bookmarks"."reminded_at" is null;--> statement-breakpoint
CREATE INDEX "bookmarks_post_id_idx" ON "bookmarks" USING btree ("post_id");--> statement-breakpoint
CREATE UNIQUE INDEX "drafts_user_thread_key" ON "drafts" USING btree ("user_id",coalesce("thread_id", 0));--> statement-breakpoint
CREATE INDEX "post_reactions_user_id_idx" ON "post_reactions" USING btree ("user_id");--> statement-breakpoint
ALTER TABLE "threads" ADD CONSTRAINT "threads_solution_post_id_posts_id_fk" FOREIGN KEY ("solution_post_id") REFERENCES "public"."posts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "threads" ADD CONSTRAINT "threads_solution_marked_by_users_id_fk" FOREIGN KEY ("solution_marked_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_open_group_key" ON "notifications" USING btree ("user_id","kind",coalesce("thread_id", 0)) WHERE "notifications"."read_at" is null and "notifications"."kind" in ('thread_activity', 'thanked', 'registration_waiting', 'report_open');--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_once_per_post_key" ON "notifications" USING btree ("user_id","kind","post_id") WHERE "notifications"."kind" in ('mention', 'quote', 'reply_to_post', 'new_thread', 'answer_marked');--> statement-breakpoint
ALTER TABLE "posts" ADD CONSTRAINT "posts_reaction_counts_check" CHECK ("posts"."thanks_count" >= 0 and "posts"."useful_count" >= 0);--> statement-breakpoint
ALTER TABLE "threads" ADD CONSTRAINT "threads_reaction_count_check" CHECK ("threads"."reaction_count" >= 0);--> statement-breakpoint
-- Search (kept outside the drizzle schema, as in 0002): whether a post's thread is solved, for the solved filter.
-- Existing documents are unsolved, as every thread is until this release.
ALTER TABLE "search_documents" ADD COLUMN "solved" boolean DEFAULT false NOT NULL;
