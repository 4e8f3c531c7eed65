-- Search (issue 5). The PostgreSQL search index lives in its own table, filled only by the outbox worker
-- (server/search/outbox.ts) and `npm run reindex`; it holds posts members may see, and every query re-checks
-- visibility against posts/threads anyway. pg_trgm and unaccent were created by 0001.

-- Dutch stemming with accents folded (café = cafe). unaccent() itself is not IMMUTABLE, but a text search
-- configuration that uses the unaccent dictionary is, so it can feed a generated column and its index.
CREATE TEXT SEARCH CONFIGURATION plein_dutch (COPY = dutch);
--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION plein_dutch
  ALTER MAPPING FOR hword, hword_part, word, asciihword, asciiword, hword_asciipart WITH unaccent, dutch_stem;
--> statement-breakpoint
CREATE TABLE search_documents (
  post_id integer PRIMARY KEY REFERENCES posts(id) ON DELETE CASCADE,
  thread_id integer NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
  title text NOT NULL,
  body text NOT NULL,
  created_at timestamp(3) with time zone NOT NULL,
  indexed_at timestamp(3) with time zone NOT NULL DEFAULT now(),
  -- The title weighs more than the body: a thread about "fusie" ranks above a reply that mentions it.
  tsv tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('plein_dutch'::regconfig, title), 'A') || setweight(to_tsvector('plein_dutch'::regconfig, body), 'B')
  ) STORED
);
--> statement-breakpoint
CREATE INDEX search_documents_tsv_idx ON search_documents USING gin (tsv);
--> statement-breakpoint
CREATE INDEX search_documents_thread_idx ON search_documents (thread_id);
--> statement-breakpoint
-- Known words (lower-cased, unaccented) for "bedoelde je ...?": a suggestion is only offered when searching
-- with it finds visible posts, so a word that only ever appeared in a hidden post is never revealed.
CREATE TABLE search_words (
  word text PRIMARY KEY
);
--> statement-breakpoint
CREATE INDEX search_words_trgm_idx ON search_words USING gin (word gin_trgm_ops);
