-- Identity mismatches per card, for the sliding window of sscard.identity.window: after
-- sscard.identity.max-mismatches of them, channel clients are refused identity checks on the card
-- (the wrong-name / wrong-ID answer would otherwise be an oracle for the holder's ID number).
-- The database's clock stamps them; old rows are purged by the service.
create table identity_mismatches (
    card_id     bigint      not null references cards (id),
    occurred_at timestamptz not null default now()
);
create index identity_mismatches_card_ix on identity_mismatches (card_id, occurred_at desc);
create index identity_mismatches_occurred_ix on identity_mismatches (occurred_at);

-- Every action of the contract's audit trail, including those of the PIN services and the card's
-- lifecycle.
alter table activation_events drop constraint events_action_ck;
alter table activation_events add constraint events_action_ck check (action in ('CARD_ISSUED', 'ACTIVATED',
    'PIN_MISMATCH', 'LOCKED', 'PIN_RESET', 'REJECTED', 'PIN_VERIFIED', 'PIN_CHANGED', 'UNLOCKED', 'LOSS_REPORTED',
    'LOSS_RELEASED', 'REPLACED', 'CANCELLED'));
