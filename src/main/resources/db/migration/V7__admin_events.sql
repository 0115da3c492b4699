-- Who changed the set-up of the service, what, and when: branches opened, operators and channel
-- clients added or changed. No password or secret ever reaches this table (details name the
-- changed fields only). Append-only like activation_events.
create table admin_events (
    id          bigint generated always as identity primary key,
    occurred_at timestamptz  not null default now(),
    actor       text         not null,
    action      varchar(32)  not null,
    subject     varchar(64)  not null,
    details     jsonb        not null default '{}',
    constraint admin_events_action_ck check (action in ('BRANCH_OPENED', 'OPERATOR_ADDED', 'OPERATOR_CHANGED',
        'CHANNEL_CLIENT_ADDED', 'CHANNEL_CLIENT_CHANGED'))
);
create index admin_events_subject_ix on admin_events (subject, occurred_at desc, id desc);

create function history_is_append_only() returns trigger
language plpgsql as $$
begin
    raise exception '% is append-only: % refused', tg_table_name, tg_op
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger admin_events_no_update_delete
    before update or delete on admin_events
    for each row execute function history_is_append_only();
create trigger admin_events_no_truncate
    before truncate on admin_events
    for each statement execute function history_is_append_only();

-- The time of an event is the database's, whatever a writer sends: a back-dated row cannot be
-- slipped into the history. now() is the writing transaction's start, so the events of one
-- transaction share it; readers order by (occurred_at, id).
create function history_occurred_now() returns trigger
language plpgsql as $$
begin
    new.occurred_at := now();
    return new;
end;
$$;

alter table activation_events alter column occurred_at set default now();

create trigger activation_events_occurred_now before insert on activation_events
    for each row execute function history_occurred_now();
create trigger admin_events_occurred_now before insert on admin_events
    for each row execute function history_occurred_now();
