-- Duplicate check (SPEC §2.10, issue 7 item 7). name_key is each customer's name reduced to what
-- tells it apart (lower case, no spaces or punctuation, no company suffix such as 有限公司 or
-- Ltd), so "北京华信科技有限公司" and "北京 华信科技" meet on one index probe; name_prefix is its
-- first four characters, where similar names are looked for. Both are written by contacts_core's
-- DuplicateFinder through a record hook; NULL for rows written around the Store (bulk loads)
-- until DuplicateFinder::fillMissingKeys runs. E-mail addresses are compared without case, on
-- an index of LOWER(email) (both engines use an index on that expression).
ALTER TABLE contacts_customer ADD COLUMN name_key TEXT;
ALTER TABLE contacts_customer ADD COLUMN name_prefix TEXT;
CREATE INDEX contacts_customer_name_key ON contacts_customer (name_key, id);
CREATE INDEX contacts_customer_name_prefix ON contacts_customer (name_prefix, id);
CREATE INDEX contacts_customer_email_lower ON contacts_customer (LOWER(email));
CREATE INDEX contacts_contact_email_lower ON contacts_contact (LOWER(email));
