-- The feed's outbox, apart from the feed (issue 16). A change now inserts its entry here: a small
-- table whose only index is an ascending identity. The sequencer moves committed entries into
-- feed_events with their positions, one statement per batch. Before, the change inserted into
-- feed_events itself (five index entries, one of them a random uuid), and the sequencer then
-- rewrote each row to number it (four index entries more, and a dead row for vacuum). Now
-- feed_events is written once per entry, already numbered, and never updated
-- (docs/performance.md, "the feed's outbox").
create table feed_outbox (
    id          bigint generated always as identity primary key,
    event_id    uuid        not null,
    type        varchar(24) not null,
    occurred_at timestamptz not null,
    card_number varchar(9)  not null,
    account     varchar(16),
    channel     varchar(32),
    branch_code varchar(32),
    bank_code   varchar(10),
    -- The same checks as feed_events, so that an entry the feed would refuse is refused in the
    -- change's own transaction, not later in the sequencer's batch, which it would then block.
    constraint feed_outbox_type_ck check (type in ('CARD_ISSUED', 'ACCOUNT_ACTIVATED', 'ACCOUNT_LOCKED',
        'ACCOUNT_UNLOCKED', 'PIN_RESET', 'PIN_CHANGED', 'LOSS_REPORTED', 'LOSS_RELEASED', 'CARD_REPLACED',
        'CARD_CANCELLED')),
    constraint feed_outbox_account_ck check (account in ('CARD', 'SOCIAL_SECURITY', 'FINANCIAL'))
);

-- Expand, not contract: an instance of the previous release still running during a rolling upgrade
-- inserts its entries into feed_events without a position and numbers them there; this release's
-- sequencer numbers such entries too (under the same feed_head lock), so none is stranded when the
-- last old instance stops. feed_events_unpositioned_ix and that path go in a later release.
comment on index feed_events_unpositioned_ix is 'Only for entries of releases before V24; drop in a later release.';
