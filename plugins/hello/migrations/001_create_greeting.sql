CREATE TABLE hello_greeting (
    id         {{pk}},
    name       TEXT NOT NULL,
    greeting   TEXT NOT NULL,
    created_at {{timestamp}} NOT NULL
);
CREATE INDEX hello_greeting_name ON hello_greeting (name);
