-- A greeting becomes a declared record (entities/greeting.yaml): the columns every record has
-- (updated_at, version) and one field of each type, so the example plugin exercises the whole
-- record model: forms, lists, filters, export, custom fields and approvals.
ALTER TABLE hello_greeting ADD COLUMN updated_at {{timestamp}} NOT NULL DEFAULT 0;
ALTER TABLE hello_greeting ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE hello_greeting ADD COLUMN kind_id {{id}} REFERENCES core_dictionary_value (id);
ALTER TABLE hello_greeting ADD COLUMN amount {{money}};
ALTER TABLE hello_greeting ADD COLUMN visit_on TEXT;
ALTER TABLE hello_greeting ADD COLUMN follow_up_at {{timestamp}};
ALTER TABLE hello_greeting ADD COLUMN vip {{bool}};
ALTER TABLE hello_greeting ADD COLUMN phone TEXT;
ALTER TABLE hello_greeting ADD COLUMN email TEXT;
ALTER TABLE hello_greeting ADD COLUMN website TEXT;
ALTER TABLE hello_greeting ADD COLUMN reply_to_id {{id}} REFERENCES hello_greeting (id);
ALTER TABLE hello_greeting ADD COLUMN state TEXT NOT NULL DEFAULT 'draft';
ALTER TABLE hello_greeting ADD COLUMN note TEXT;
UPDATE hello_greeting SET updated_at = created_at;
CREATE INDEX hello_greeting_amount ON hello_greeting (amount, id);
CREATE INDEX hello_greeting_visit_on ON hello_greeting (visit_on, id);
CREATE INDEX hello_greeting_created ON hello_greeting (created_at, id);
