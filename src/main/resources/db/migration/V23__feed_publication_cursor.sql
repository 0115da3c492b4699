-- The publisher's progress as one position instead of a published_at on every entry. It publishes
-- in position order and stops at the first failure, so "published up to P" says the same thing,
-- and a confirmed batch now costs one small update instead of rewriting each entry it sent, with
-- all the entry's index entries (measured in docs/performance.md).
create table feed_publication (
    singleton          boolean primary key default true,
    published_position bigint  not null,
    constraint feed_publication_singleton_ck check (singleton)
);
insert into feed_publication (published_position)
select coalesce((select min(position) - 1 from feed_events where published_at is null and position is not null),
                last_position)
from feed_head;

drop index feed_events_unpublished_ix;

-- Expand, not contract: feed_events.published_at is no longer written, but stays (nullable) until
-- a later release, because an instance of the previous release still running during a rolling
-- upgrade reads and sets it (it then publishes some entries twice, which the feed allows: at least
-- once, consumers de-duplicate on eventId).
comment on column feed_events.published_at is 'Unused since V23 (see feed_publication); drop in a later release.';
