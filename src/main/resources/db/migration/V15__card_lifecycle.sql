-- A card's life after activation (issue 13): loss reports, replacement, cancellation, and
-- accounts that close with their card. As in V1, the rules are written here too, so that no
-- writer can leave a card in a state the service would never produce.

alter table cards
    add column loss_reported_at          timestamptz,
    add column temporary_loss_expires_at timestamptz,
    -- Card numbers rather than ids: they are what the view shows, and they never change.
    add column replacement_for           varchar(9) references cards (card_number),
    -- Deferred: a replacement marks the old card REPLACED (and names the new one) before the
    -- new card's row exists, so that the one-live-card index never sees two live cards.
    add column replaced_by               varchar(9) references cards (card_number) deferrable initially deferred,
    add column closure_reason            varchar(32),
    add column closure_note              varchar(200);

alter table cards drop constraint cards_status_ck;
alter table cards add constraint cards_status_ck
    check (status in ('NORMAL', 'TEMPORARILY_LOST', 'LOST', 'REPLACED', 'CANCELLED'));
alter table cards add constraint cards_temporary_loss_ck
    check ((status = 'TEMPORARILY_LOST') = (temporary_loss_expires_at is not null));
alter table cards add constraint cards_loss_reported_ck
    check (status not in ('TEMPORARILY_LOST', 'LOST') or loss_reported_at is not null);
alter table cards add constraint cards_replaced_by_ck
    check ((status = 'REPLACED') = (replaced_by is not null));
alter table cards add constraint cards_closure_reason_ck
    check ((status in ('REPLACED', 'CANCELLED')) = (closure_reason is not null));

-- What the lapse job scans every minute: only the cards temporarily lost, by expiry.
create index cards_temporary_loss_ix on cards (temporary_loss_expires_at) where status = 'TEMPORARILY_LOST';
create index cards_replacement_for_ix on cards (replacement_for);

-- A replaced or cancelled card's accounts are CLOSED. A bank account closed before it was ever
-- activated has no PIN, like a pending one.
alter table social_security_accounts drop constraint ss_accounts_status_ck;
alter table social_security_accounts add constraint ss_accounts_status_ck
    check (status in ('PENDING_ACTIVATION', 'ACTIVE', 'LOCKED', 'CLOSED'));
alter table financial_accounts drop constraint fin_accounts_status_ck;
alter table financial_accounts add constraint fin_accounts_status_ck
    check (status in ('PENDING_ACTIVATION', 'ACTIVE', 'LOCKED', 'CLOSED'));
alter table financial_accounts drop constraint fin_accounts_pin_ck;
alter table financial_accounts add constraint fin_accounts_pin_ck
    check (status in ('PENDING_ACTIVATION', 'CLOSED') or pin_hash is not null);

-- The audit actions of the lifecycle. V11 (the PIN services) widens events_action_ck to every
-- action of the contract; where it has already run this block does nothing, and where it has
-- not (this branch on its own) it widens the constraint the same way, so the two can be applied
-- in either order without narrowing the other's list.
do $$
begin
    if not exists (select 1 from pg_constraint
                   where conname = 'events_action_ck'
                     and pg_get_constraintdef(oid) like '%LOSS_REPORTED%') then
        alter table activation_events drop constraint events_action_ck;
        alter table activation_events add constraint events_action_ck check (action in (
            'CARD_ISSUED', 'ACTIVATED', 'PIN_MISMATCH', 'LOCKED', 'PIN_RESET', 'REJECTED', 'PIN_VERIFIED',
            'PIN_CHANGED', 'UNLOCKED', 'LOSS_REPORTED', 'LOSS_RELEASED', 'REPLACED', 'CANCELLED'));
    end if;
end;
$$;
