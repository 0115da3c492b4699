-- The expand step of a release, applied by the first new instance while the previous release
-- still serves (RollingUpgradeIT): a nullable column on the busiest table and a new table.
-- Following docs/deployment.md: nothing the running release reads or writes is dropped, renamed
-- or narrowed; the column has no NOT NULL without a default; a lock that cannot be had at once
-- makes the migration fail (and the instance retry its start) rather than queue every card call
-- behind it.
set local lock_timeout = '5s';

alter table cards add column delivery_note varchar(200);

create table card_deliveries (
    id           bigint generated always as identity primary key,
    card_id      bigint      not null references cards (id),
    delivered_at timestamptz not null default now()
);
create index card_deliveries_card_ix on card_deliveries (card_id);
