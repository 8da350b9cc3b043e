-- Bulk writes to the search index (imports, demo data, issue 7 item 8): FTS5 keeps the terms of
-- the current transaction in a hash table and writes a segment each time it passes its size
-- (1 MB by default), so an import of a million customers wrote thousands of small segments and
-- merged them over and over. At 16 MB, writing 200,000 entries took 2.8 s instead of 3.7 s.
-- Small transactions are unaffected: the table is flushed at every commit whatever its size.
-- Nothing changes on PostgreSQL.
{{if sqlite}}
INSERT INTO contacts_search_fts (contacts_search_fts, rank) VALUES ('hashsize', 16777216);
INSERT INTO contacts_search_short (contacts_search_short, rank) VALUES ('hashsize', 16777216);
{{end}}
