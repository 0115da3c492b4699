-- One person, one card (一人一卡): a holder has at most one card that is neither REPLACED nor
-- CANCELLED. The service checks it under a lock on the holder's row; this index is what makes
-- it true whatever happens (concurrent issues or replacements on several instances, a script).
--
-- If this migration fails with "holders with several live cards", the database already breaks
-- the rule: for each holder listed by
--     select holder_id, array_agg(card_number order by issued_at)
--     from cards where status not in ('REPLACED', 'CANCELLED') group by holder_id having count(*) > 1;
-- decide with the card centre which card is valid, and mark the others through the service
-- (replacement or cancellation) or, at a psql prompt, set them CANCELLED with
-- closure_reason = 'HOLDER_REQUEST' and their accounts CLOSED; then start the service again.
-- Flyway retries the migration, which is all or nothing.
do $$
declare
    holders integer;
begin
    select count(*) into holders from (
        select holder_id from cards where status not in ('REPLACED', 'CANCELLED')
        group by holder_id having count(*) > 1) several;
    if holders > 0 then
        raise exception 'One person, one card: % holders with several live cards (not REPLACED or CANCELLED). '
            'Resolve them as described at the top of V16__one_live_card_per_holder.sql, then restart.', holders;
    end if;
end;
$$;

create unique index cards_one_live_card_per_holder_uk on cards (holder_id)
    where status not in ('REPLACED', 'CANCELLED');
