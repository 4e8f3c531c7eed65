CREATE TABLE "data_exports" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"content" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"ready_at" timestamp (3) with time zone,
	"expires_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "data_exports_status_check" CHECK ("data_exports"."status" in ('pending', 'ready', 'failed'))
);
--> statement-breakpoint
ALTER TABLE "users" DROP CONSTRAINT "users_status_check";--> statement-breakpoint
ALTER TABLE "data_exports" ADD CONSTRAINT "data_exports_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "data_exports_user_idx" ON "data_exports" USING btree ("user_id","id");--> statement-breakpoint
CREATE INDEX "data_exports_pending_idx" ON "data_exports" USING btree ("next_attempt_at","id") WHERE "data_exports"."status" = 'pending';--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_status_check" CHECK ("users"."status" in ('pending', 'active', 'suspended', 'rejected', 'deleted'));--> statement-breakpoint
-- The one "Oud-lid" account (server/privacy/former-member.ts): a member who deletes her account leaves her posts and
-- threads to it, so they stay in place without her name, party or municipality, and her own row can be deleted
-- (migration 0007 keeps the moderation log's rows). It can never log in ('!' is no password hash) and is no member
-- anyone sees: not active, address never confirmed. A member who already carries the name gets her id appended,
-- as 0007 did for names that became one.
UPDATE "users" SET "display_name" = "display_name" || ' ' || "id" WHERE display_name_key("display_name") = display_name_key('Oud-lid');--> statement-breakpoint
INSERT INTO "users" ("email", "password_hash", "display_name", "party", "municipality", "role", "status", "show_affiliation")
VALUES ('oud-lid@plein.invalid', '!', 'Oud-lid', '', '', 'member', 'deleted', false);
