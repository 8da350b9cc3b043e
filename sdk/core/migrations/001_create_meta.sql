-- Marks the database as Tiller's: restore looks for the 'product' row before it replaces
-- anything, so a stray SQLite file or dump is never taken for a backup.
CREATE TABLE core_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
INSERT INTO core_meta (key, value) VALUES ('product', 'tiller');
