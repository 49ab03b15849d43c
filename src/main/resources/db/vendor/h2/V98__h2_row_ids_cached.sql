-- H2 only (db/vendor/h2; PostgreSQL has no such file). H2 writes its store to disk each time an
-- identity runs out of the ids it keeps in hand (32 by default). With every mail of a deadline morning
-- a new enterprise, a new submission, two or three documents, their filing and a reply row, that was
-- a store write every few mails beside the mail's own commit (docs/benchmark.md). An H2 sequence is
-- one for the whole database, not per connection, so ids taken 1,000 at a time still come in the
-- order they are taken (after a crash the next ones start above the lost block): every "order by id"
-- keeps its meaning. On PostgreSQL a cache is per connection and would interleave the ids of two
-- connections, so it is not set there.
alter table submission alter column id set cache 1000;
alter table document alter column id set cache 1000;
alter table file_document alter column id set cache 1000;
alter table enterprise alter column id set cache 1000;
alter table outbox alter column id set cache 1000;
