-- The event feed (issue 14), and at the same time its transactional outbox: a change writes its
-- entry in its own transaction. position stays null until the sequencer numbers committed
-- entries in one transaction at a time, so that readers, who see only numbered entries, never
-- see a later position before an earlier one commits. published_at is set once RabbitMQ confirmed it.
create table feed_events (
    id           bigint generated always as identity primary key,
    event_id     uuid        not null,
    position     bigint,
    type         varchar(24) not null,
    occurred_at  timestamptz not null,
    card_number  varchar(9)  not null,
    account      varchar(16),
    channel      varchar(32),
    branch_code  varchar(32),
    bank_code    varchar(10),
    published_at timestamptz,
    constraint feed_events_event_id_uk unique (event_id),
    constraint feed_events_position_uk unique (position),
    constraint feed_events_type_ck check (type in ('CARD_ISSUED', 'ACCOUNT_ACTIVATED', 'ACCOUNT_LOCKED',
        'ACCOUNT_UNLOCKED', 'PIN_RESET', 'PIN_CHANGED', 'LOSS_REPORTED', 'LOSS_RELEASED', 'CARD_REPLACED',
        'CARD_CANCELLED')),
    constraint feed_events_account_ck check (account in ('CARD', 'SOCIAL_SECURITY', 'FINANCIAL')),
    constraint feed_events_published_positioned_ck check (published_at is null or position is not null)
);
-- What the sequencer numbers next, and what the publisher sends next.
create index feed_events_unpositioned_ix on feed_events (id) where position is null;
create index feed_events_unpublished_ix on feed_events (position) where published_at is null;
-- A mobile-banking reader's feed: its bank's cards only.
create index feed_events_bank_ix on feed_events (bank_code, position);

-- The last position handed out. Kept apart from feed_events so that purging old entries never
-- lets a position be handed out twice; its row lock is also the sequencer's mutex across instances.
create table feed_head (
    singleton     boolean primary key default true,
    last_position bigint  not null,
    constraint feed_head_singleton_ck check (singleton)
);
insert into feed_head (last_position) values (0);
