-- People and access (SPEC §1.1, §1.2, §1.7, §1.8): the organisation tree, positions, users,
-- roles with their permissions and data scopes, and the audit trail of every change.

-- Units and departments in one tree; the top unit has no parent.
CREATE TABLE core_department (
    id          {{pk}},
    parent_id   {{id}} REFERENCES core_department (id),
    name        TEXT NOT NULL,
    phone       TEXT NOT NULL DEFAULT '',
    is_unit     {{bool}} NOT NULL DEFAULT 0,
    sort_order  INTEGER NOT NULL DEFAULT 0,
    created_at  {{timestamp}} NOT NULL,
    updated_at  {{timestamp}} NOT NULL,
    version     INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX core_department_parent ON core_department (parent_id);

CREATE TABLE core_position (
    id        {{pk}},
    name      TEXT NOT NULL UNIQUE,
    is_system {{bool}} NOT NULL DEFAULT 0
);
INSERT INTO core_position (name, is_system) VALUES ('General manager', 1);
INSERT INTO core_position (name, is_system) VALUES ('Manager', 1);
INSERT INTO core_position (name, is_system) VALUES ('Staff', 1);

CREATE TABLE core_user (
    id            {{pk}},
    login         TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    phone         TEXT NOT NULL DEFAULT '',
    mobile        TEXT NOT NULL DEFAULT '',
    email         TEXT NOT NULL DEFAULT '',
    department_id {{id}} REFERENCES core_department (id),
    position_id   {{id}} REFERENCES core_position (id),
    extension     TEXT NOT NULL DEFAULT '',
    agent_number  TEXT NOT NULL DEFAULT '',
    password_hash TEXT NOT NULL DEFAULT '',
    active        {{bool}} NOT NULL DEFAULT 1,
    failed_logins INTEGER NOT NULL DEFAULT 0,
    locked_until  {{timestamp}},
    created_at    {{timestamp}} NOT NULL,
    updated_at    {{timestamp}} NOT NULL,
    version       INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX core_user_department ON core_user (department_id);

CREATE TABLE core_role (
    id              {{pk}},
    role_key        TEXT NOT NULL UNIQUE,
    name            TEXT NOT NULL,
    is_builtin      {{bool}} NOT NULL DEFAULT 0,
    all_permissions {{bool}} NOT NULL DEFAULT 0,
    default_scope   TEXT NOT NULL DEFAULT 'own' CHECK (default_scope IN ('own', 'department', 'all'))
);
INSERT INTO core_role (role_key, name, is_builtin, all_permissions, default_scope) VALUES ('administrator', 'Administrator', 1, 1, 'all');
INSERT INTO core_role (role_key, name, is_builtin, all_permissions, default_scope) VALUES ('sales', 'Sales', 1, 0, 'own');
INSERT INTO core_role (role_key, name, is_builtin, all_permissions, default_scope) VALUES ('service', 'Service agent', 1, 0, 'department');
INSERT INTO core_role (role_key, name, is_builtin, all_permissions, default_scope) VALUES ('warehouse', 'Warehouse', 1, 0, 'all');
INSERT INTO core_role (role_key, name, is_builtin, all_permissions, default_scope) VALUES ('finance', 'Finance', 1, 0, 'all');

CREATE TABLE core_role_permission (
    role_id    {{id}} NOT NULL REFERENCES core_role (id) ON DELETE CASCADE,
    permission TEXT NOT NULL,
    PRIMARY KEY (role_id, permission)
);

-- Data scope per role and kind of record; without a row the role's default_scope applies.
CREATE TABLE core_role_scope (
    role_id {{id}} NOT NULL REFERENCES core_role (id) ON DELETE CASCADE,
    entity  TEXT NOT NULL,
    scope   TEXT NOT NULL CHECK (scope IN ('own', 'department', 'all')),
    PRIMARY KEY (role_id, entity)
);

CREATE TABLE core_user_role (
    user_id {{id}} NOT NULL REFERENCES core_user (id) ON DELETE CASCADE,
    role_id {{id}} NOT NULL REFERENCES core_role (id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, role_id)
);

-- Permissions plugins declared, so a new one is granted once to the roles it names.
CREATE TABLE core_permission_seen (
    permission TEXT PRIMARY KEY
);

-- Who changed what, when; written in the same transaction as the change, never updated.
CREATE TABLE core_audit (
    id        {{pk}},
    entity    TEXT NOT NULL,
    record_id {{id}} NOT NULL,
    action    TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete')),
    user_id   {{id}},
    at        {{timestamp}} NOT NULL,
    changes   TEXT NOT NULL
);
CREATE INDEX core_audit_record ON core_audit (entity, record_id, at);

{{if postgresql}}
-- The audit trail is append-only, also for programs that bypass Tiller.
CREATE FUNCTION core_audit_is_append_only() RETURNS trigger LANGUAGE plpgsql AS
$$ BEGIN RAISE EXCEPTION 'the audit trail cannot be changed'; END $$;
CREATE TRIGGER core_audit_no_update BEFORE UPDATE OR DELETE ON core_audit
    FOR EACH ROW EXECUTE FUNCTION core_audit_is_append_only();
{{end}}
{{if sqlite}}
CREATE TRIGGER core_audit_no_update BEFORE UPDATE ON core_audit
BEGIN SELECT RAISE(ABORT, 'the audit trail cannot be changed'); END;
CREATE TRIGGER core_audit_no_delete BEFORE DELETE ON core_audit
BEGIN SELECT RAISE(ABORT, 'the audit trail cannot be changed'); END;
{{end}}
