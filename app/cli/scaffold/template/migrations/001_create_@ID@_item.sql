-- Tables are prefixed with the plugin id. Portable SQL: {{pk}}, {{timestamp}} ... are
-- rendered for SQLite or PostgreSQL by Tiller.
CREATE TABLE @ID@_item (
    id         {{pk}},
    name       TEXT NOT NULL,
    created_at {{timestamp}} NOT NULL
);
