-- What the sequencer looks up each round (feed_unnumbered, V25): state changes by transaction id.
-- Partial, so the events written before V25 (null tx) and those that never reach the feed (PIN
-- verifications, mismatches, refusals) are not in it. Built concurrently in a migration of its own:
-- on 100M events the build reads the whole table (minutes) without blocking the changes.
create index concurrently activation_events_feed_ix on activation_events (tx)
    where tx is not null
      and action in ('CARD_ISSUED', 'ACTIVATED', 'LOCKED', 'UNLOCKED', 'PIN_RESET', 'PIN_CHANGED', 'LOSS_REPORTED',
                     'LOSS_RELEASED', 'REPLACED', 'CANCELLED');
