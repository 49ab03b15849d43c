-- A name seen for the first time is matched against the roster (the spellings of the expected
-- enterprises): without an index that read every enterprise, and each new one made the next mail slower.
create index ix_enterprise_on_roster on enterprise (on_roster);
