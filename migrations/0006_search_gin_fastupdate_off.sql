-- Without a pending list every search reads only the GIN tree itself. With fastupdate (the default) new entries
-- wait in a list that every search scans from end to end until VACUUM merges it: about 2–3 ms more per search
-- after 5,000 changed posts (measured on 100,000 posts). Inserts cost about twice as much instead, paid by the
-- outbox worker, never by a member waiting for a page.
ALTER INDEX search_documents_tsv_idx SET (fastupdate = off);
