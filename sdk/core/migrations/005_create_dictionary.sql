-- The data dictionary (SPEC §1.3): picklists users maintain, one kind per list (customer
-- category, source, region, industry ...), flat or a tree.
CREATE TABLE core_dictionary_value (
    id         {{pk}},
    kind       TEXT NOT NULL,
    parent_id  {{id}} REFERENCES core_dictionary_value (id),
    code       TEXT NOT NULL,
    name       TEXT NOT NULL,
    is_system  {{bool}} NOT NULL DEFAULT 0,
    sort_order INTEGER NOT NULL DEFAULT 0,
    created_at {{timestamp}} NOT NULL,
    updated_at {{timestamp}} NOT NULL,
    version    INTEGER NOT NULL DEFAULT 1,
    UNIQUE (kind, code)
);
CREATE INDEX core_dictionary_value_kind ON core_dictionary_value (kind, parent_id, sort_order);

-- A value's name in other languages (the name above is the one typed or shipped).
CREATE TABLE core_dictionary_name (
    value_id {{id}} NOT NULL REFERENCES core_dictionary_value (id) ON DELETE CASCADE,
    language TEXT NOT NULL,
    name     TEXT NOT NULL,
    PRIMARY KEY (value_id, language)
);
