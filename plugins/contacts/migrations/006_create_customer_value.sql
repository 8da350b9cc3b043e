-- What a customer is worth and how far it is trusted (SPEC §2.3, §2.5, §2.6, §2.13): status
-- upgrades waiting for approval, value assessment items and scores, credit flags, VIP tiers and
-- the birthdays already reminded of. Rows hanging off a customer or contact go with it
-- (ON DELETE CASCADE), so deleting or merging customers is never blocked by them.

-- An upgrade asked for (SPEC §2.3): submitted to the approval flow of the customer's type; the
-- status changes when that approval is approved. state: pending, applied, rejected (or
-- returned / abnormal, as the flow ended), void (approved, but the customer had meanwhile been
-- frozen or changed status: `note` says which).
CREATE TABLE contacts_status_request (
    id            {{pk}},
    customer_id   {{id}} NOT NULL REFERENCES contacts_customer (id) ON DELETE CASCADE,
    from_status   TEXT NOT NULL,
    to_status     TEXT NOT NULL,
    approval_id   {{id}} NOT NULL,
    state         TEXT NOT NULL DEFAULT 'pending',
    note          TEXT NOT NULL DEFAULT '',
    requested_by  {{id}} REFERENCES core_user (id),
    requested_at  {{timestamp}} NOT NULL,
    settled_at    {{timestamp}}
);
CREATE INDEX contacts_status_request_customer ON contacts_status_request (customer_id, id);
CREATE INDEX contacts_status_request_pending ON contacts_status_request (state, id);

-- Value assessment (价值评估, SPEC §2.5): items (评估项目) with a weight and a standard
-- (评估标准, how to score); the weights are meant to add up to 100.
CREATE TABLE contacts_assessment_item (
    id            {{pk}},
    name          TEXT NOT NULL,
    weight        INTEGER NOT NULL CHECK (weight >= 0 AND weight <= 100),
    standard      TEXT NOT NULL DEFAULT '',
    position      INTEGER NOT NULL DEFAULT 0,
    created_at    {{timestamp}} NOT NULL,
    updated_at    {{timestamp}} NOT NULL,
    version       INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX contacts_assessment_item_name ON contacts_assessment_item (name);

-- A customer's score (0-100) on one item: the latest scoring; every change is in the audit trail.
CREATE TABLE contacts_assessment_score (
    customer_id   {{id}} NOT NULL REFERENCES contacts_customer (id) ON DELETE CASCADE,
    item_id       {{id}} NOT NULL REFERENCES contacts_assessment_item (id) ON DELETE CASCADE,
    score         INTEGER NOT NULL CHECK (score >= 0 AND score <= 100),
    scored_by     {{id}} REFERENCES core_user (id),
    scored_at     {{timestamp}} NOT NULL,
    PRIMARY KEY (customer_id, item_id)
);

-- Customers over their credit limit in the current period (SPEC §2.6): only flagged customers
-- have a row; the credit review writes and removes them.
CREATE TABLE contacts_credit_flag (
    customer_id   {{id}} NOT NULL PRIMARY KEY REFERENCES contacts_customer (id) ON DELETE CASCADE,
    period_start  {{timestamp}} NOT NULL,
    exposure      {{money}} NOT NULL,
    credit_limit  {{money}} NOT NULL,
    checked_at    {{timestamp}} NOT NULL
);

-- VIP tiers (VIP等级, SPEC §2.13): reached by one purchase of at least `single_purchase` or a
-- cumulative spend of at least `cumulative` (either; NULL = not by that way), kept while the
-- customer spends `yearly_minimum` a year. `position` orders them, lowest first.
CREATE TABLE contacts_vip_tier (
    id              {{pk}},
    name            TEXT NOT NULL,
    position        INTEGER NOT NULL,
    single_purchase {{money}},
    cumulative      {{money}},
    yearly_minimum  {{money}},
    created_at      {{timestamp}} NOT NULL,
    updated_at      {{timestamp}} NOT NULL,
    version         INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX contacts_vip_tier_name ON contacts_vip_tier (name);

-- A customer's tier. `since`: when the tier was reached or last kept for a year; purchases from
-- `counted_from` count towards the next tier (a downgrade starts the count again, or the
-- all-time spend would lift the customer straight back).
CREATE TABLE contacts_customer_vip (
    customer_id   {{id}} NOT NULL PRIMARY KEY REFERENCES contacts_customer (id) ON DELETE CASCADE,
    tier_id       {{id}} REFERENCES contacts_vip_tier (id),
    since         {{timestamp}} NOT NULL,
    counted_from  {{timestamp}} NOT NULL,
    reviewed_at   {{timestamp}} NOT NULL
);
CREATE INDEX contacts_customer_vip_tier ON contacts_customer_vip (tier_id);

-- Birthdays already reminded of: one row per contact and year, so each birthday is reminded
-- exactly once even when two PCs run the job together (the primary key decides).
CREATE TABLE contacts_birthday_reminded (
    contact_id    {{id}} NOT NULL REFERENCES contacts_contact (id) ON DELETE CASCADE,
    birthday_year INTEGER NOT NULL,
    reminder_id   {{id}},
    PRIMARY KEY (contact_id, birthday_year)
);
-- Upcoming birthdays by month and day ("MM-DD" of "YYYY-MM-DD").
CREATE INDEX contacts_contact_birthday ON contacts_contact (substr(birthday, 6, 5)) WHERE birthday IS NOT NULL;
