-- Reminders go out through the outbox like every other mail: the outbox row of a reminder names
-- its reminder row. Portable between H2 and PostgreSQL.
alter table outbox add column reminder_id bigint;
create index ix_outbox_reminder on outbox (reminder_id);
