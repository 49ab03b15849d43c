-- A message brings some 70 field values and a few findings. H2 writes its store to disk each time a
-- table's identity runs out of the ids it keeps in hand (32 by default): for field_value that was
-- twice a message, as costly as the message's own commit (docs/benchmark.md). These rows are only
-- ever ordered within one document or one submission, inserted by one transaction, so ids taken
-- 1,000 at a time (per connection on PostgreSQL) keep every order that is read.
alter table field_value alter column id set cache 1000;
alter table finding alter column id set cache 1000;
