-- Usernames and client ids share one case-insensitive name space, kept by the database: every
-- insert into operators or channel_clients first claims its name here (trigger below), and the
-- unique index on lower(name) refuses a second claim of "admin", "Admin" or "ADMIN" whichever
-- table it comes from, also when two requests race (the second waits for the first to commit,
-- then fails with unique_violation, which the service answers 409 DUPLICATE).
--
-- The row is also where a principal's sign-in state lives: a disabled principal cannot sign in,
-- and every change (password, secret, role, branch, enabling, disabling, deletion) increments
-- token_generation, which issued tokens carry; a token of an older generation is refused. Each
-- instance of the service keeps these rows in memory and hears of changes through NOTIFY on the
-- channel sscard_principals, so checking a token costs no database round trip.
--
-- IF THIS MIGRATION FAILS on principal_names_pkey or principal_names_lower_uk, existing names
-- clash: an operator and a channel client share a name, or two channel clients differ only in
-- case. List them with
--   select lower(name), array_agg(name) from (select username as name from operators
--     union all select client_id from channel_clients) n group by 1 having count(*) > 1;
-- rename (update ... set username/client_id = ...) or delete one of each, then start again:
-- Flyway runs the whole migration in one transaction, so nothing was changed.
create table principal_names (
    name              varchar(64) primary key,
    kind              varchar(16) not null,
    enabled           boolean     not null default true,
    token_generation  bigint      not null default 0,
    tokens_valid_from timestamptz,
    constraint principal_names_kind_ck check (kind in ('OPERATOR', 'CHANNEL_CLIENT')),
    constraint principal_names_generation_ck check (token_generation >= 0)
);
create unique index principal_names_lower_uk on principal_names (lower(name));

insert into principal_names (name, kind) select username, 'OPERATOR' from operators;
insert into principal_names (name, kind) select client_id, 'CHANNEL_CLIENT' from channel_clients;

create function claim_principal_name() returns trigger
language plpgsql as $$
begin
    insert into principal_names (name, kind) values (to_jsonb(new) ->> tg_argv[0], tg_argv[1]);
    return new;
end;
$$;

create trigger operators_claim_name before insert on operators
    for each row execute function claim_principal_name('username', 'OPERATOR');
create trigger channel_clients_claim_name before insert on channel_clients
    for each row execute function claim_principal_name('client_id', 'CHANNEL_CLIENT');

-- A name can be renamed only through principal_names, never around it.
alter table operators add constraint operators_name_fk foreign key (username) references principal_names (name);
alter table channel_clients add constraint channel_clients_name_fk foreign key (client_id) references principal_names (name);

-- A deleted principal's tokens die with it, and its name stays taken (the admin trail names it).
create function retire_principal_name() returns trigger
language plpgsql as $$
begin
    update principal_names
       set enabled = false, token_generation = token_generation + 1, tokens_valid_from = now()
     where name = to_jsonb(old) ->> tg_argv[0];
    return old;
end;
$$;

create trigger operators_retire_name after delete on operators
    for each row execute function retire_principal_name('username');
create trigger channel_clients_retire_name after delete on channel_clients
    for each row execute function retire_principal_name('client_id');

-- Payload: generation|enabled|tokens_valid_from in epoch microseconds (empty if none)|name.
-- Names cannot contain '|'. Delivered to listeners when the changing transaction commits.
create function announce_principal_change() returns trigger
language plpgsql as $$
begin
    perform pg_notify('sscard_principals', new.token_generation || '|' || new.enabled || '|'
        || coalesce(((extract(epoch from new.tokens_valid_from) * 1000000)::bigint)::text, '') || '|' || new.name);
    return null;
end;
$$;

create trigger principal_names_announce after update on principal_names
    for each row execute function announce_principal_change();
