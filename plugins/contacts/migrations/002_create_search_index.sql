-- The global search index (issue 7 item 6, SPEC §2.12): one row per searchable record (customer,
-- contact, and other plugins' records through search providers). haystack holds, lower case,
-- every text the record is found by (names, phones, emails, numbers) plus the full pinyin, the
-- spaced pinyin and the initials of the Chinese ones. title_key is the lower-case title, for the
-- exact and prefix ranks. Owned by contacts_core's SearchIndex.
CREATE TABLE contacts_search (
    kind       TEXT NOT NULL,
    record_id  {{id}} NOT NULL,
    title      TEXT NOT NULL,
    title_key  TEXT NOT NULL,
    haystack   TEXT NOT NULL
);
CREATE UNIQUE INDEX contacts_search_record ON contacts_search (kind, record_id);
{{if sqlite}}
CREATE INDEX contacts_search_title ON contacts_search (title_key);
-- Substrings of 3+ characters: an FTS5 trigram index over haystack (external content: the text
-- is stored once, in contacts_search). 1-2 character queries cannot use it (see SearchIndex).
CREATE VIRTUAL TABLE contacts_search_fts USING fts5(
    haystack, content='contacts_search', content_rowid='rowid', tokenize='trigram');
CREATE TRIGGER contacts_search_ai AFTER INSERT ON contacts_search BEGIN
    INSERT INTO contacts_search_fts (rowid, haystack) VALUES (new.rowid, new.haystack);
END;
CREATE TRIGGER contacts_search_ad AFTER DELETE ON contacts_search BEGIN
    INSERT INTO contacts_search_fts (contacts_search_fts, rowid, haystack)
        VALUES ('delete', old.rowid, old.haystack);
END;
CREATE TRIGGER contacts_search_au AFTER UPDATE ON contacts_search BEGIN
    INSERT INTO contacts_search_fts (contacts_search_fts, rowid, haystack)
        VALUES ('delete', old.rowid, old.haystack);
    INSERT INTO contacts_search_fts (rowid, haystack) VALUES (new.rowid, new.haystack);
END;
{{end}}
{{if postgresql}}
-- COLLATE "C": the prefix rank is a byte range, whatever the database's collation.
CREATE INDEX contacts_search_title ON contacts_search (title_key COLLATE "C");
-- pg_trgm ships with Debian's postgresql-15; CREATE EXTENSION needs a role allowed to create it
-- in this database (pg_trgm is a trusted extension: the database owner suffices).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX contacts_search_trgm ON contacts_search USING gin (haystack gin_trgm_ops);
{{end}}
