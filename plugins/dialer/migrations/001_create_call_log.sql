-- The call log (通话记录, SPEC §7.4): one row per call this PC's phone took part in, written when
-- the call ends. remote_number is the caller ID or the number dialled as the network had it;
-- lookup_key is its phone-index key (the contacts plugin's), so a customer's calls are found
-- even when a number was logged before the customer existed. entity/record_id: the record the
-- number belonged to at the time (the customer's 360° view lists them). Times are UTC epoch ms.
CREATE TABLE dialer_call (
    id              {{pk}},
    call_id         TEXT NOT NULL,
    direction       TEXT NOT NULL,          -- incoming / outgoing
    account         TEXT NOT NULL DEFAULT '',
    agent_id        {{id}} REFERENCES core_user (id),
    remote_number   TEXT NOT NULL DEFAULT '',
    remote_name     TEXT NOT NULL DEFAULT '',
    lookup_key      TEXT NOT NULL DEFAULT '',
    entity          TEXT,
    record_id       {{id}},
    started_at      {{timestamp}} NOT NULL,
    answered_at     {{timestamp}},
    ended_at        {{timestamp}} NOT NULL,
    ring_ms         BIGINT NOT NULL DEFAULT 0,
    talk_ms         BIGINT NOT NULL DEFAULT 0,
    result          TEXT NOT NULL,          -- answered, missed, rejected, busy, no_answer, cancelled, failed, transferred
    reason          TEXT NOT NULL DEFAULT '',
    transfer_target TEXT NOT NULL DEFAULT '',
    recording       TEXT                    -- a file beside the database, when recorded
);
CREATE INDEX dialer_call_record ON dialer_call (entity, record_id, started_at);
CREATE INDEX dialer_call_agent ON dialer_call (agent_id, started_at);
CREATE INDEX dialer_call_started ON dialer_call (started_at);
CREATE INDEX dialer_call_lookup ON dialer_call (lookup_key, started_at);
