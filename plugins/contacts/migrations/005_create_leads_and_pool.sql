-- Leads (销售线索, SPEC §2.8) and the public pool (公海池, §2.7). A lead or customer without an
-- owner is in the pool. assigned_at is when the present owner got it (claimed or assigned);
-- the automatic recall measures "no follow-up for N days" from the last follow-up, else from
-- assigned_at, else from created_at, and an index on that expression (owned rows only) lets
-- the recall find its candidates without reading the whole table.
CREATE TABLE contacts_lead (
    id                    {{pk}},
    name                  TEXT NOT NULL,
    contact_name          TEXT,
    gender                TEXT,
    title                 TEXT,
    phone                 TEXT,
    mobile                TEXT,
    email                 TEXT,
    source_id             {{id}} REFERENCES core_dictionary_value (id),
    status_id             {{id}} REFERENCES core_dictionary_value (id),
    owner_id              {{id}} REFERENCES core_user (id),
    notes                 TEXT,
    last_follow_up_at     {{timestamp}},
    assigned_at           {{timestamp}},
    -- A converted lead keeps pointing at its customer; deleting that customer forgets the link.
    converted_customer_id {{id}} REFERENCES contacts_customer (id) ON DELETE SET NULL,
    created_at            {{timestamp}} NOT NULL,
    updated_at            {{timestamp}} NOT NULL,
    version               INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX contacts_lead_name ON contacts_lead (name, id);
CREATE INDEX contacts_lead_owner ON contacts_lead (owner_id, id);
CREATE INDEX contacts_lead_created ON contacts_lead (created_at, id);
CREATE INDEX contacts_lead_customer ON contacts_lead (converted_customer_id);
CREATE INDEX contacts_lead_recall ON contacts_lead ((COALESCE(last_follow_up_at, assigned_at, created_at)))
    WHERE owner_id IS NOT NULL;

ALTER TABLE contacts_customer ADD COLUMN assigned_at {{timestamp}};
CREATE INDEX contacts_customer_recall ON contacts_customer ((COALESCE(last_follow_up_at, assigned_at, created_at)))
    WHERE owner_id IS NOT NULL;
