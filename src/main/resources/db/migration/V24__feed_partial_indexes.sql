-- The event feed's indexes by position, partial: an entry is inserted without a position, and the
-- old full indexes took an entry for its NULL on every insert only to replace it when the
-- sequencer numbers the entry. Every query that uses them asks for a position (position > ?),
-- which implies it is not null, so the planner uses the partial indexes alike. What an activation
-- pays for the feed fell with it (docs/performance.md, "what each change bought").
-- Expand step, CONCURRENTLY: calls keep writing entries meanwhile (Flyway runs this migration
-- outside a transaction, as it holds only CONCURRENTLY statements). V25 drops what these replace.
create unique index concurrently if not exists feed_events_position_ux on feed_events (position)
    where position is not null;
create index concurrently if not exists feed_events_bank_position_ix on feed_events (bank_code, position)
    where position is not null;
drop index concurrently if exists feed_events_bank_ix;
