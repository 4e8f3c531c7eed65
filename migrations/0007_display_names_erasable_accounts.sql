-- Display names: one name per member, ignoring case, accents and invisible characters (ASVS).
-- display_name_key() is the one definition of "the same name"; the unique index below applies it to every insert
-- and update, so two concurrent registrations cannot both get a name. Lower-case first, then NFKD (which also turns
-- full-width letters, ligatures and other spaces into plain ones), then drop combining marks (the accents of the
-- decomposed letters) and invisible or format characters (zero-width spaces and joiners, bidi controls, soft
-- hyphens, Hangul fillers, the blank braille pattern, variation selectors, tag characters), then one space for
-- every run of white space. IMMUTABLE: it depends on nothing but its argument (lower() follows the database's
-- LC_CTYPE, which does not change after initdb).
CREATE OR REPLACE FUNCTION display_name_key(value text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$
    SELECT btrim(regexp_replace(
      regexp_replace(
        normalize(lower(value), NFKD),
        '[\u0300-\u036F\u1AB0-\u1AFF\u1DC0-\u1DFF\u20D0-\u20FF\uFE20-\uFE2F\u00AD\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u2800\u3164\uFE00-\uFE0F\uFEFF\uFFA0\uFFF9-\uFFFB\U0001D173-\U0001D17A\U000E0000-\U000E007F\U000E0100-\U000E01EF]',
        '', 'g'),
      '[[:space:]\u0085\u1680\u2028\u2029]+', ' ', 'g'));
  $$;
--> statement-breakpoint
-- Names that were allowed before and are now one name: the oldest account keeps it, every later one gets its id
-- appended ("Anna de Vries 12"). Repeated until no two are left, in case an appended name meets an existing one.
DO $$
BEGIN
  LOOP
    UPDATE users u SET display_name = u.display_name || ' ' || u.id
    FROM (SELECT id, row_number() OVER (PARTITION BY display_name_key(display_name) ORDER BY id) AS n FROM users) later
    WHERE later.id = u.id AND later.n > 1;
    EXIT WHEN NOT FOUND;
  END LOOP;
END;
$$;
--> statement-breakpoint
CREATE UNIQUE INDEX "users_display_name_key" ON "users" USING btree (display_name_key("display_name"));--> statement-breakpoint
ALTER TABLE "moderation_actions" DROP CONSTRAINT "moderation_actions_moderator_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "moderation_actions" DROP CONSTRAINT "moderation_actions_target_user_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "moderation_actions" ADD COLUMN "moderator_deleted" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "moderation_actions" ADD COLUMN "target_user_deleted" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "moderation_actions" ADD CONSTRAINT "moderation_actions_moderator_id_users_id_fk" FOREIGN KEY ("moderator_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moderation_actions" ADD CONSTRAINT "moderation_actions_target_user_id_users_id_fk" FOREIGN KEY ("target_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moderation_actions" ADD CONSTRAINT "moderation_actions_moderator_deleted_check" CHECK (not "moderation_actions"."moderator_deleted" or "moderation_actions"."moderator_id" is null);--> statement-breakpoint
ALTER TABLE "moderation_actions" ADD CONSTRAINT "moderation_actions_target_user_deleted_check" CHECK (not "moderation_actions"."target_user_deleted" or "moderation_actions"."target_user_id" is null);
--> statement-breakpoint
-- Erasable accounts: the log's references to a user become NULL when that account is deleted (ON DELETE SET NULL
-- above), and that is the one UPDATE the append-only log allows. The trigger lets a row through only when nothing
-- but moderator_id and target_user_id changes, each of them only to NULL, and only when the account it pointed at
-- no longer exists (so no one can blank a living moderator's name off the record); it then marks the row
-- moderator_deleted / target_user_deleted, so the log can tell a deleted account from "the system acted"
-- (moderator_id NULL without the flag, as auto_hide writes it). Comparing the rows as jsonb minus those four
-- columns keeps every column added later protected too. DELETE and TRUNCATE stay refused.
CREATE OR REPLACE FUNCTION moderation_actions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  erased constant text[] := ARRAY['moderator_id', 'moderator_deleted', 'target_user_id', 'target_user_deleted'];
BEGIN
  IF TG_OP = 'UPDATE'
    AND (to_jsonb(NEW) - erased) = (to_jsonb(OLD) - erased)
    AND NEW.moderator_deleted = OLD.moderator_deleted
    AND NEW.target_user_deleted = OLD.target_user_deleted
    AND (NEW.moderator_id IS DISTINCT FROM OLD.moderator_id OR NEW.target_user_id IS DISTINCT FROM OLD.target_user_id)
    AND (NEW.moderator_id IS NOT DISTINCT FROM OLD.moderator_id
      OR (NEW.moderator_id IS NULL AND NOT EXISTS (SELECT 1 FROM users WHERE id = OLD.moderator_id)))
    AND (NEW.target_user_id IS NOT DISTINCT FROM OLD.target_user_id
      OR (NEW.target_user_id IS NULL AND NOT EXISTS (SELECT 1 FROM users WHERE id = OLD.target_user_id)))
  THEN
    NEW.moderator_deleted := OLD.moderator_deleted OR NEW.moderator_id IS DISTINCT FROM OLD.moderator_id;
    NEW.target_user_deleted := OLD.target_user_deleted OR NEW.target_user_id IS DISTINCT FROM OLD.target_user_id;
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'moderation_actions is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;
