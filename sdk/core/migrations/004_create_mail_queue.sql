-- Outgoing email (SPEC §11.1). A message stays here until the server accepted it; failures
-- are retried later and never drop a message.
CREATE TABLE core_mail_queue (
    id              {{pk}},
    recipients      TEXT NOT NULL,
    subject         TEXT NOT NULL,
    body            TEXT NOT NULL,
    created_at      {{timestamp}} NOT NULL,
    created_by      {{id}},
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at {{timestamp}} NOT NULL,
    last_error      TEXT NOT NULL DEFAULT '',
    state           TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sent', 'refused')),
    sent_at         {{timestamp}}
);
CREATE INDEX core_mail_queue_due ON core_mail_queue (state, next_attempt_at);
