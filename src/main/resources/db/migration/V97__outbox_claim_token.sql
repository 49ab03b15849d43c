-- A sender claims a round of outbox rows in one statement; the token of that claim tells which of
-- the rows it asked for it holds, and lets it extend or give back exactly those.
alter table outbox add column claim_token varchar(36);
