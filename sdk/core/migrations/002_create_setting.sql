-- Settings kept in the company database (shared by every PC), per owner: "core" or a plugin.
CREATE TABLE core_setting (
    owner      TEXT NOT NULL,
    key        TEXT NOT NULL,
    value      TEXT NOT NULL,
    updated_at {{timestamp}} NOT NULL,
    PRIMARY KEY (owner, key)
);
