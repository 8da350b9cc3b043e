-- The record model (tiller/record): fields the administrator adds to an entity (SPEC §1.4),
-- files attached to records, and the queries people save on a list.

-- A custom field's column (cf_<name>) is added to the entity's own table when it is created;
-- this row describes it.
CREATE TABLE core_custom_field (
    id         {{pk}},
    entity     TEXT NOT NULL,
    name       TEXT NOT NULL,
    type       TEXT NOT NULL,
    labels     TEXT NOT NULL DEFAULT '{}',
    group_name TEXT NOT NULL DEFAULT '',
    sort_order INTEGER NOT NULL DEFAULT 0,
    enabled    {{bool}} NOT NULL DEFAULT 1,
    required   {{bool}} NOT NULL DEFAULT 0,
    searchable {{bool}} NOT NULL DEFAULT 0,
    dictionary TEXT NOT NULL DEFAULT '',
    refers_to  TEXT NOT NULL DEFAULT '',
    max_length INTEGER NOT NULL DEFAULT 0,
    created_at {{timestamp}} NOT NULL,
    updated_at {{timestamp}} NOT NULL,
    version    INTEGER NOT NULL DEFAULT 1,
    UNIQUE (entity, name)
);

CREATE TABLE core_attachment (
    id        {{pk}},
    entity    TEXT NOT NULL,
    record_id {{id}} NOT NULL,
    field     TEXT NOT NULL,
    file_name TEXT NOT NULL,
    size      {{id}} NOT NULL,
    content   TEXT NOT NULL,          -- base64: one portable column type on both engines
    added_by  {{id}} REFERENCES core_user (id),
    added_at  {{timestamp}} NOT NULL
);
CREATE INDEX core_attachment_record ON core_attachment (entity, record_id, field);

-- A list's filters, search text and sort, saved under a name by one person.
CREATE TABLE core_saved_query (
    id         {{pk}},
    user_id    {{id}} REFERENCES core_user (id) ON DELETE CASCADE,
    list       TEXT NOT NULL,
    name       TEXT NOT NULL,
    query      TEXT NOT NULL,
    created_at {{timestamp}} NOT NULL,
    UNIQUE (user_id, list, name)
);
