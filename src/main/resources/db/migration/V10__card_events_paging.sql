-- A card's audit trail is read newest first and paged back by event id (?before=): one index
-- scan per page, however long the history. Actors are token subjects, which identity providers
-- make up to 255 characters long.
create index events_card_id_ix on activation_events (card_id, id desc);
drop index events_card_ix;
alter table activation_events alter column actor type varchar(255);
