-- The message box, announcements and reminders (SPEC §1.6). A reminder is fired exactly once:
-- fired_at is set by a conditional UPDATE, and its message is unique per reminder.

-- "Remind this person about this record at this time" (提醒).
CREATE TABLE core_reminder (
    id         {{pk}},
    entity     TEXT NOT NULL,
    record_id  {{id}} NOT NULL,
    user_id    {{id}} NOT NULL REFERENCES core_user (id),
    due_at     {{timestamp}} NOT NULL,
    note       TEXT NOT NULL,
    created_by {{id}} REFERENCES core_user (id),
    created_at {{timestamp}} NOT NULL,
    fired_at   {{timestamp}}
);
-- What fireDue looks for: due and not fired yet.
CREATE INDEX core_reminder_due ON core_reminder (due_at) WHERE fired_at IS NULL;
CREATE INDEX core_reminder_user ON core_reminder (user_id, due_at);

-- Something to read for one person (消息): a fired reminder, a notice from the system.
CREATE TABLE core_message (
    id          {{pk}},
    user_id     {{id}} NOT NULL REFERENCES core_user (id),
    kind        TEXT NOT NULL CHECK (kind IN ('reminder', 'announcement', 'system')),
    title       TEXT NOT NULL,
    body        TEXT NOT NULL DEFAULT '',
    entity      TEXT,
    record_id   {{id}},
    reminder_id {{id}} UNIQUE REFERENCES core_reminder (id),
    created_at  {{timestamp}} NOT NULL,
    read_at     {{timestamp}}
);
CREATE INDEX core_message_user ON core_message (user_id, created_at);
-- "My unread": the count in the status bar.
CREATE INDEX core_message_unread ON core_message (user_id) WHERE read_at IS NULL;

-- A notice for everyone, one role or one department (and the departments below it), shown
-- between starts_at and ends_at (公告通知).
CREATE TABLE core_announcement (
    id            {{pk}},
    title         TEXT NOT NULL,
    body          TEXT NOT NULL DEFAULT '',
    audience      TEXT NOT NULL CHECK (audience IN ('everyone', 'role', 'department')),
    role_key      TEXT,
    department_id {{id}} REFERENCES core_department (id),
    starts_at     {{timestamp}} NOT NULL,
    ends_at       {{timestamp}} NOT NULL,
    created_by    {{id}} REFERENCES core_user (id),
    created_at    {{timestamp}} NOT NULL,
    CHECK (ends_at > starts_at)
);
CREATE INDEX core_announcement_window ON core_announcement (ends_at, starts_at);

-- Who has read which announcement.
CREATE TABLE core_announcement_read (
    announcement_id {{id}} NOT NULL REFERENCES core_announcement (id) ON DELETE CASCADE,
    user_id         {{id}} NOT NULL REFERENCES core_user (id) ON DELETE CASCADE,
    read_at         {{timestamp}} NOT NULL,
    PRIMARY KEY (announcement_id, user_id)
);
