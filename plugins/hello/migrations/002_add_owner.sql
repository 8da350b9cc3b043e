-- Greetings belong to whoever made them; the data scope of hello.greeting decides who sees
-- which (own, department, all).
ALTER TABLE hello_greeting ADD COLUMN owner_id {{id}} REFERENCES core_user (id);
CREATE INDEX hello_greeting_owner ON hello_greeting (owner_id);
