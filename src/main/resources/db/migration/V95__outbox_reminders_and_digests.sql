-- Reminders and digests go out through the outbox like every other mail: the outbox row of a reminder names
-- its reminder row. Portable between H2 and PostgreSQL.
alter table outbox add column reminder_id bigint;
create index ix_outbox_reminder on outbox (reminder_id);
-- The coordinator's digest goes out through the outbox too: its row keeps the period it covers.
alter table outbox add column digest_since timestamp with time zone;
