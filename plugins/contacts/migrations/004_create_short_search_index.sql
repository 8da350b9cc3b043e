-- The short-query index of the global search (issue 7 item 6): trigram indexes (migration 002)
-- cannot answer queries of one or two characters, so each contacts_search entry also keeps
-- whole-token keys for them in short_tokens, separated by spaces: each Han character, each pair
-- of adjacent Han characters, and the first two characters of every other word (pinyin,
-- initials, English names, e-mail parts). Computed from the haystack by contacts_core
-- (core/search_tokens.cpp); an entry written without them is still found by 3+ characters.
ALTER TABLE contacts_search ADD COLUMN short_tokens TEXT NOT NULL DEFAULT '';
{{if sqlite}}
-- Which entries hold a token, without positions (no phrase is ever looked up here); external
-- content, kept in step by triggers like the trigram index, so any writer of contacts_search
-- (a delete by the merge included) leaves it right.
CREATE VIRTUAL TABLE contacts_search_short USING fts5(
    short_tokens, content='contacts_search', content_rowid='rowid', tokenize='ascii', detail='none');
CREATE TRIGGER contacts_search_short_ai AFTER INSERT ON contacts_search BEGIN
    INSERT INTO contacts_search_short (rowid, short_tokens) VALUES (new.rowid, new.short_tokens);
END;
CREATE TRIGGER contacts_search_short_ad AFTER DELETE ON contacts_search BEGIN
    INSERT INTO contacts_search_short (contacts_search_short, rowid, short_tokens)
        VALUES ('delete', old.rowid, old.short_tokens);
END;
CREATE TRIGGER contacts_search_short_au AFTER UPDATE ON contacts_search BEGIN
    INSERT INTO contacts_search_short (contacts_search_short, rowid, short_tokens)
        VALUES ('delete', old.rowid, old.short_tokens);
    INSERT INTO contacts_search_short (rowid, short_tokens) VALUES (new.rowid, new.short_tokens);
END;
{{end}}
{{if postgresql}}
-- string_to_array is immutable, so the GIN index can be on the expression and the column stays
-- plain text for every writer on both engines.
CREATE INDEX contacts_search_short ON contacts_search USING gin (string_to_array(short_tokens, ' '));
{{end}}
