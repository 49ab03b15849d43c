-- Lookups made for every incoming mail, which scanned the whole table before and so grew with it:
-- the reply limits (replies to one address, and all replies, over a recent window), and the
-- enterprise an address has sent for before.
create index ix_outbox_recipient on outbox (recipient, created_at);
create index ix_outbox_created on outbox (created_at);
create index ix_file_document_sender on file_document (sender);
