-- Approval flows (SPEC §8): one row per record sent for approval, and every step taken.
CREATE TABLE core_approval_instance (
    id           {{pk}},
    flow_id      TEXT NOT NULL,
    entity       TEXT NOT NULL,
    record_id    {{id}} NOT NULL,
    submitter_id {{id}} REFERENCES core_user (id),
    owner_id     {{id}} REFERENCES core_user (id),
    state        TEXT NOT NULL CHECK (state IN ('pending', 'approved', 'rejected', 'returned', 'abnormal')),
    current_step INTEGER NOT NULL,
    fields       TEXT NOT NULL,
    created_at   {{timestamp}} NOT NULL,
    updated_at   {{timestamp}} NOT NULL,
    version      INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX core_approval_instance_record ON core_approval_instance (entity, record_id);
CREATE INDEX core_approval_instance_state ON core_approval_instance (state);

CREATE TABLE core_approval_history (
    id          {{pk}},
    instance_id {{id}} NOT NULL REFERENCES core_approval_instance (id),
    step        INTEGER NOT NULL,
    step_name   TEXT NOT NULL,
    actor_id    {{id}} REFERENCES core_user (id),
    action      TEXT NOT NULL CHECK (action IN ('submit', 'approve', 'reject', 'return')),
    comment     TEXT NOT NULL DEFAULT '',
    at          {{timestamp}} NOT NULL
);
CREATE INDEX core_approval_history_instance ON core_approval_history (instance_id, id);
