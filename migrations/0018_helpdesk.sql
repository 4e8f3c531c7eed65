CREATE TABLE "helpdesk_canned_answers" (
	"id" serial PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "helpdesk_messages" (
	"id" serial PRIMARY KEY NOT NULL,
	"question_id" integer NOT NULL,
	"author_id" integer,
	"from_team" boolean NOT NULL,
	"internal" boolean DEFAULT false NOT NULL,
	"body" text NOT NULL,
	"body_html" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "helpdesk_questions" (
	"id" serial PRIMARY KEY NOT NULL,
	"asker_id" integer NOT NULL,
	"subject" text NOT NULL,
	"category_id" integer,
	"status" text DEFAULT 'open' NOT NULL,
	"assignee_id" integer,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"first_response_at" timestamp (3) with time zone,
	"last_activity_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp (3) with time zone,
	"asker_last_read_message_id" integer DEFAULT 0 NOT NULL,
	"publish_consent_at" timestamp (3) with time zone,
	"publish_show_name" boolean DEFAULT false NOT NULL,
	"publish_show_affiliation" boolean DEFAULT false NOT NULL,
	"published_thread_id" integer
);
--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "helpdesk_question_id" integer;--> statement-breakpoint
ALTER TABLE "helpdesk_canned_answers" ADD CONSTRAINT "helpdesk_canned_answers_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "helpdesk_messages" ADD CONSTRAINT "helpdesk_messages_question_id_helpdesk_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."helpdesk_questions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "helpdesk_messages" ADD CONSTRAINT "helpdesk_messages_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "helpdesk_questions" ADD CONSTRAINT "helpdesk_questions_asker_id_users_id_fk" FOREIGN KEY ("asker_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "helpdesk_questions" ADD CONSTRAINT "helpdesk_questions_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "helpdesk_questions" ADD CONSTRAINT "helpdesk_questions_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "helpdesk_questions" ADD CONSTRAINT "helpdesk_questions_published_thread_id_threads_id_fk" FOREIGN KEY ("published_thread_id") REFERENCES "public"."threads"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "helpdesk_messages_question_idx" ON "helpdesk_messages" USING btree ("question_id","id");--> statement-breakpoint
CREATE INDEX "helpdesk_messages_author_idx" ON "helpdesk_messages" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "helpdesk_questions_asker_idx" ON "helpdesk_questions" USING btree ("asker_id","last_activity_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "helpdesk_questions_inbox_idx" ON "helpdesk_questions" USING btree ("status","last_activity_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "helpdesk_questions_assignee_idx" ON "helpdesk_questions" USING btree ("assignee_id");--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_helpdesk_question_id_helpdesk_questions_id_fk" FOREIGN KEY ("helpdesk_question_id") REFERENCES "public"."helpdesk_questions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_open_helpdesk_key" ON "notifications" USING btree ("user_id","kind","helpdesk_question_id") WHERE "notifications"."read_at" is null and "notifications"."kind" in ('helpdesk_answer', 'helpdesk_question');--> statement-breakpoint
CREATE INDEX "notifications_helpdesk_question_id_idx" ON "notifications" USING btree ("helpdesk_question_id");--> statement-breakpoint
-- The helpdesk's two publishing accounts (server/helpdesk/accounts.ts), made like 0016's "Oud-lid": a question the
-- team publishes with the asker's consent is posted by "Lid van een lokale partij" (unless she chose her own name),
-- its answer by "Kenniscentrum". They can never log in and are no member anyone sees or can write to. A member who
-- already carries one of the names gets her id appended, as 0016 did.
UPDATE "users" SET "display_name" = "display_name" || ' ' || "id"
 WHERE display_name_key("display_name") IN (display_name_key('Kenniscentrum'), display_name_key('Lid van een lokale partij'));--> statement-breakpoint
INSERT INTO "users" ("email", "password_hash", "display_name", "party", "municipality", "role", "status", "show_affiliation")
VALUES ('kenniscentrum@plein.invalid', '!', 'Kenniscentrum', '', '', 'member', 'deleted', false),
       ('lid-lokale-partij@plein.invalid', '!', 'Lid van een lokale partij', '', '', 'member', 'deleted', false);
