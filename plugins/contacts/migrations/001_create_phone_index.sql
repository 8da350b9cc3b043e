-- The phone index (issue 7 item 5): every phone number of a customer, contact or lead, as typed
-- (raw) and by its lookup key (E.164 digits, or the digits typed when the number is not valid),
-- so every way of writing a number finds its owner, and the dialer's screen pop is one index
-- probe. Owned by contacts_core's PhoneIndex; owner_kind names the table of the owner.
CREATE TABLE contacts_phone (
    id          {{pk}},
    owner_kind  TEXT NOT NULL,
    owner_id    {{id}} NOT NULL,
    sort_order  INTEGER NOT NULL,
    raw         TEXT NOT NULL,
    lookup_key  TEXT NOT NULL,
    e164        TEXT,
    valid       {{bool}} NOT NULL,
    created_at  {{timestamp}} NOT NULL
);
CREATE INDEX contacts_phone_lookup ON contacts_phone (lookup_key);
CREATE INDEX contacts_phone_owner ON contacts_phone (owner_kind, owner_id);
