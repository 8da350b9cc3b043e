-- Approval flows edited by the administrator (SPEC §8). A plugin's YAML declares a flow; a row
-- here replaces it until it is reset. `definition` is the whole flow as YAML, read with the
-- same parser as the plugin's file.
CREATE TABLE core_approval_flow_override (
    id          {{pk}},
    flow_id     TEXT NOT NULL UNIQUE,
    definition  TEXT NOT NULL,
    created_at  {{timestamp}} NOT NULL,
    updated_at  {{timestamp}} NOT NULL,
    version     INTEGER NOT NULL DEFAULT 1
);

-- Each approval keeps the flow it started with, so editing a flow never changes the steps of
-- an approval already in progress. '' for approvals started before this migration: they
-- follow the flow in force.
ALTER TABLE core_approval_instance ADD COLUMN flow_definition TEXT NOT NULL DEFAULT '';
