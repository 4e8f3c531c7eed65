CREATE TABLE "search_state" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_synonyms" (
	"id" serial PRIMARY KEY NOT NULL,
	"terms" text[] NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- Search that understands Dutch (docs/decisions/006-dutch-search.md). The tsvector is no longer computed by
-- PostgreSQL's dutch stemmer: the application analyses every post (server/search/analysis/: word forms, word
-- families such as fuseren/fusie/gefuseerd, compound parts) and writes the tsvector itself, so PGlite, PostgreSQL
-- and Meilisearch see the same terms. The search plugin refills it at start (search_state.analyzer is unset).
DROP INDEX IF EXISTS search_documents_tsv_idx;
--> statement-breakpoint
ALTER TABLE search_documents DROP COLUMN tsv;
--> statement-breakpoint
ALTER TABLE search_documents ADD COLUMN tsv tsvector NOT NULL DEFAULT ''::tsvector;
--> statement-breakpoint
CREATE INDEX search_documents_tsv_idx ON search_documents USING gin (tsv) WITH (fastupdate = off);
--> statement-breakpoint
-- A first list for this field; admins keep it from here.
INSERT INTO search_synonyms (terms) VALUES
  ('{alv,"algemene ledenvergadering",ledenvergadering}'),
  ('{vog,"verklaring omtrent het gedrag"}'),
  ('{raadslid,gemeenteraadslid}'),
  ('{"b en w","burgemeester en wethouders","college van b en w"}'),
  ('{avg,"algemene verordening gegevensbescherming",privacywet}'),
  ('{kieslijst,kandidatenlijst}'),
  ('{fractievoorzitter,fractieleider}'),
  ('{penningmeester,thesaurier}'),
  ('{pr,publiciteit}');
