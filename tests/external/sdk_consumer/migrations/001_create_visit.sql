CREATE TABLE consumer_visit (id {{pk}}, note TEXT NOT NULL, at {{timestamp}} NOT NULL);
