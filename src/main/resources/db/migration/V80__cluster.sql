-- Several instances on one database: the lock table of ShedLock (the mailbox leader's lease and
-- the schedules' firings) and the claim an instance puts on an outbox row while it sends it.
create table cluster_lock (
    name       varchar(64)  not null primary key,
    lock_until timestamp(3) not null,
    locked_at  timestamp(3) not null,
    locked_by  varchar(255) not null
);

alter table outbox add column claimed_by varchar(100);
alter table outbox add column claimed_until timestamp with time zone;
