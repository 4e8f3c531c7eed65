ALTER TABLE "categories" ADD COLUMN "color" text DEFAULT 'blauw' NOT NULL;--> statement-breakpoint
ALTER TABLE "categories" ADD COLUMN "icon" text;--> statement-breakpoint
ALTER TABLE "categories" ADD COLUMN "access" text DEFAULT 'members' NOT NULL;--> statement-breakpoint
ALTER TABLE "categories" ADD COLUMN "archived_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "categories" ADD CONSTRAINT "categories_access_check" CHECK ("categories"."access" in ('members', 'representatives', 'moderators'));--> statement-breakpoint
-- The standard categories get the colour and icon a new forum starts with (shared/constants.ts CATEGORIES).
UPDATE "categories" SET "color" = v.color, "icon" = v.icon
  FROM (VALUES ('fuseren', 'paars', 'fusie'), ('campagne', 'oranje', 'megafoon'), ('kandidaatstelling', 'blauw', 'lijst'),
               ('ledenwerving', 'groen', 'mensen'), ('verkiezingsprogramma', 'turkoois', 'document'), ('fondsenwerving', 'geel', 'euro'),
               ('bestuur-en-organisatie', 'grijs', 'gebouw'), ('fractie-en-raadswerk', 'rood', 'vergadering'), ('algemeen', 'blauw', 'vraag'))
       AS v(slug, color, icon)
 WHERE "categories"."slug" = v.slug;
