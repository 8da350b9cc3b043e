-- Customers, their contacts and addresses (SPEC §2.1, §2.4). A customer without an owner is in
-- the public pool (公海池, §2.7). Phones are kept as typed here; the phone index
-- (contacts_phone) holds their normalised lookup keys.
CREATE TABLE contacts_customer (
    id            {{pk}},
    name          TEXT NOT NULL,
    category_id   {{id}} REFERENCES core_dictionary_value (id),
    type_id       {{id}} REFERENCES core_dictionary_value (id),
    status        TEXT NOT NULL DEFAULT 'basic',
    frozen        {{bool}} NOT NULL DEFAULT 0,
    region_id     {{id}} REFERENCES core_dictionary_value (id),
    industry_id   {{id}} REFERENCES core_dictionary_value (id),
    size_id       {{id}} REFERENCES core_dictionary_value (id),
    source_id     {{id}} REFERENCES core_dictionary_value (id),
    owner_id      {{id}} REFERENCES core_user (id),
    phone         TEXT,
    mobile        TEXT,
    email         TEXT,
    fax           TEXT,
    website       TEXT,
    credit_limit  {{money}},
    notes         TEXT,
    state         TEXT NOT NULL DEFAULT 'draft',
    last_follow_up_at {{timestamp}},
    created_at    {{timestamp}} NOT NULL,
    updated_at    {{timestamp}} NOT NULL,
    version       INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX contacts_customer_name ON contacts_customer (name, id);
CREATE INDEX contacts_customer_owner ON contacts_customer (owner_id, id);
CREATE INDEX contacts_customer_status ON contacts_customer (status, id);
CREATE INDEX contacts_customer_created ON contacts_customer (created_at, id);

CREATE TABLE contacts_contact (
    id            {{pk}},
    customer_id   {{id}} NOT NULL REFERENCES contacts_customer (id),
    name          TEXT NOT NULL,
    salutation_id {{id}} REFERENCES core_dictionary_value (id),
    gender        TEXT,
    title         TEXT,
    phone         TEXT,
    mobile        TEXT,
    email         TEXT,
    birthday      TEXT,
    notes         TEXT,
    owner_id      {{id}} REFERENCES core_user (id),
    created_at    {{timestamp}} NOT NULL,
    updated_at    {{timestamp}} NOT NULL,
    version       INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX contacts_contact_customer ON contacts_contact (customer_id, id);
CREATE INDEX contacts_contact_name ON contacts_contact (name, id);

CREATE TABLE contacts_address (
    id            {{pk}},
    customer_id   {{id}} NOT NULL REFERENCES contacts_customer (id),
    type_id       {{id}} REFERENCES core_dictionary_value (id),
    address       TEXT NOT NULL,
    postcode      TEXT,
    created_at    {{timestamp}} NOT NULL,
    updated_at    {{timestamp}} NOT NULL,
    version       INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX contacts_address_customer ON contacts_address (customer_id, id);
