-- The feed read from the audit trail (issue 16): a card change no longer writes a feed entry of its
-- own. Every state change already leaves its audit event in the change's transaction; the sequencer
-- now numbers those events into feed_events, which removes an insert from every change and the
-- outbox's insert, delete and vacuum from the database (docs/performance.md, eighth pass).
--
-- Commit order without an outbox: each audit event carries the id of the transaction that wrote
-- it (tx), and feed_head keeps the snapshot of the sequencer's last round. An event is unnumbered
-- exactly when its transaction had not committed in that snapshot: tx at or past the snapshot's
-- xmax, or among its in-progress ids (xip). A round numbers the unnumbered events its own
-- statement sees and stores that statement's snapshot; an event it cannot see yet is still
-- unnumbered against the stored snapshot, and is numbered by the round that first sees it. So,
-- as with the outbox, positions go only to committed events, and what commits later gets a later
-- position. A long transaction elsewhere delays only its own events.

-- Locks in the order the previous release takes them (feed_outbox, then activation_events), so
-- that a change of that release in flight finishes first instead of deadlocking with this.
--
-- The previous release's changes still insert into feed_outbox during a rolling upgrade; their
-- audit events now reach the feed through tx like everyone's, so those inserts are dropped here
-- instead of numbered twice. Entries already in the outbox are still moved by the sequencer.
create function feed_outbox_superseded() returns trigger
language plpgsql as $$
begin
    return null;
end;
$$;

create trigger feed_outbox_superseded before insert on feed_outbox
    for each row execute function feed_outbox_superseded();

comment on table feed_outbox is 'Superseded by activation_events.tx in V25: inserts are dropped; drop in a later release.';

-- No default on the add (a volatile default would rewrite the whole table under an exclusive
-- lock): existing events keep a null tx and stay out of the feed, as they are already in it.
alter table activation_events add column tx xid8;
alter table activation_events alter column tx set default pg_current_xact_id();

alter table feed_head add column last_snapshot pg_snapshot;
update feed_head set last_snapshot = pg_current_snapshot();

-- The state changes not yet numbered against the snapshot "since" (feed_head.last_snapshot), with
-- their feed type. The two branches are disjoint (xip ids are below xmax) and each reads
-- activation_events_feed_ix (V26). A function rather than a view, so that a caller can pass the
-- snapshot as a value: the planner then folds xmax to a constant and estimates the few new rows
-- from the index, where a snapshot read from feed_head inside the query made it expect a third
-- of the index and hash-join whole card tables (2 s a round, measured in docs/performance.md).
create function feed_unnumbered(since pg_snapshot)
returns table (id bigint, card_id bigint, occurred_at timestamptz, account varchar, channel varchar,
               branch_code varchar, type varchar)
language sql stable
as $$
select a.id, a.card_id, a.occurred_at, a.account, a.channel, a.branch_code,
       case a.action
           when 'ACTIVATED' then 'ACCOUNT_ACTIVATED'
           when 'LOCKED' then 'ACCOUNT_LOCKED'
           when 'UNLOCKED' then 'ACCOUNT_UNLOCKED'
           when 'REPLACED' then 'CARD_REPLACED'
           when 'CANCELLED' then 'CARD_CANCELLED'
           else a.action
       end::varchar
from (select e.* from activation_events e where e.tx >= pg_snapshot_xmax(since)
      union all
      select e.* from pg_snapshot_xip(since) as running (tx) join activation_events e on e.tx = running.tx) a
where a.tx is not null
  and a.action in ('CARD_ISSUED', 'ACTIVATED', 'LOCKED', 'UNLOCKED', 'PIN_RESET', 'PIN_CHANGED', 'LOSS_REPORTED',
                   'LOSS_RELEASED', 'REPLACED', 'CANCELLED')
$$;
