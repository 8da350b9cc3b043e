-- The occasion of a greeting, from the hello.occasion dictionary.
ALTER TABLE hello_greeting ADD COLUMN occasion_id {{id}} REFERENCES core_dictionary_value (id);
