-- H2 only (db/vendor/h2), beside V98.
-- 1,000 ids in hand (V90) still ran out every fourteen messages, and each time H2 wrote its whole
-- store, the saving transaction's pages included, out of turn (docs/benchmark.md). Ids are only
-- ordered within one document or one submission; the ids a restart leaves unused are a gap, no more.
alter table field_value alter column id set cache 100000;
alter table finding alter column id set cache 100000;
