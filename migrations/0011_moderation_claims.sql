CREATE TABLE "moderation_claims" (
	"kind" text NOT NULL,
	"target_id" integer NOT NULL,
	"moderator_id" integer NOT NULL,
	"claimed_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "moderation_claims_kind_target_id_pk" PRIMARY KEY("kind","target_id"),
	CONSTRAINT "moderation_claims_kind_check" CHECK ("moderation_claims"."kind" in ('report', 'registration'))
);
--> statement-breakpoint
ALTER TABLE "moderation_claims" ADD CONSTRAINT "moderation_claims_moderator_id_users_id_fk" FOREIGN KEY ("moderator_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;