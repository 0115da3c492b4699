-- The rules of the domain live here as well as in Java: whatever writes to these tables
-- (the service, a migration, a DBA at a psql prompt) cannot break them.

create table branches (
    id          bigint generated always as identity primary key,
    code        varchar(32)  not null,
    name        varchar(100) not null,
    kind        varchar(16)  not null,
    region_code varchar(6)      not null,
    bank_code   varchar(10),
    created_at  timestamptz  not null default now(),
    constraint branches_code_uk unique (code),
    constraint branches_code_ck check (code ~ '^[A-Z0-9-]{3,32}$'),
    constraint branches_kind_ck check (kind in ('SERVICE_HALL', 'BANK_BRANCH', 'HOSPITAL', 'PHARMACY')),
    constraint branches_region_ck check (region_code ~ '^[0-9]{6}$'),
    constraint branches_bank_code_ck check (bank_code ~ '^[A-Z]{2,10}$'),
    constraint branches_bank_iff_bank_branch_ck check ((kind = 'BANK_BRANCH') = (bank_code is not null))
);

create table operators (
    id            bigint generated always as identity primary key,
    username      varchar(64)  not null,
    password_hash varchar(255) not null,
    role          varchar(16)  not null,
    branch_id     bigint references branches (id),
    created_at    timestamptz  not null default now(),
    constraint operators_username_uk unique (username),
    constraint operators_username_ck check (username ~ '^[a-z0-9._-]{3,64}$'),
    constraint operators_role_ck check (role in ('TELLER', 'SERVICE_WINDOW', 'ADMIN')),
    constraint operators_branch_required_ck check (role = 'ADMIN' or branch_id is not null)
);
create index operators_branch_ix on operators (branch_id);

create table channel_clients (
    id          bigint generated always as identity primary key,
    client_id   varchar(64)  not null,
    secret_hash varchar(255) not null,
    channel     varchar(32)  not null,
    bank_code   varchar(10),
    created_at  timestamptz  not null default now(),
    constraint channel_clients_client_id_uk unique (client_id),
    constraint channel_clients_channel_ck check (channel in ('WECHAT', 'ALIPAY', 'E_SSC_MINI_PROGRAM', 'MOBILE_BANKING')),
    constraint channel_clients_bank_code_ck check (bank_code ~ '^[A-Z]{2,10}$'),
    constraint channel_clients_mobile_banking_bank_ck check (channel <> 'MOBILE_BANKING' or bank_code is not null)
);

create table cardholders (
    id         bigint generated always as identity primary key,
    id_number  varchar(18)    not null,
    name       varchar(50) not null,
    phone      varchar(11),
    version    bigint      not null default 0,
    created_at timestamptz not null default now(),
    constraint cardholders_id_number_uk unique (id_number),
    constraint cardholders_id_number_ck check (id_number ~ '^[0-9]{17}[0-9X]$'),
    constraint cardholders_phone_ck check (phone ~ '^1[3-9][0-9]{9}$')
);

create table cards (
    id                  bigint generated always as identity primary key,
    card_number         varchar(9)     not null,
    holder_id           bigint      not null references cardholders (id),
    insured_region_code varchar(6)     not null,
    status              varchar(16) not null,
    issued_at           timestamptz not null,
    version             bigint      not null default 0,
    constraint cards_card_number_uk unique (card_number),
    constraint cards_card_number_ck check (card_number ~ '^[A-Z0-9]{9}$'),
    constraint cards_region_ck check (insured_region_code ~ '^[0-9]{6}$'),
    constraint cards_status_ck check (status in ('NORMAL'))
);
create index cards_holder_ix on cards (holder_id);

-- One social-security account per card; the card's id is the account's key.
create table social_security_accounts (
    card_id             bigint primary key references cards (id),
    status              varchar(24) not null,
    pin_hash            bytea       not null,
    pin_salt            bytea       not null,
    pin_key_id          varchar(32) not null,
    pin_mismatch_count  integer     not null default 0,
    activated_at        timestamptz,
    activated_at_branch varchar(32),
    activation_channel  varchar(32),
    version             bigint      not null default 0,
    constraint ss_accounts_status_ck check (status in ('PENDING_ACTIVATION', 'ACTIVE', 'LOCKED')),
    constraint ss_accounts_mismatch_ck check (pin_mismatch_count >= 0),
    constraint ss_accounts_channel_ck check (activation_channel in ('SERVICE_HALL', 'HOSPITAL', 'PHARMACY', 'BANK_COUNTER')),
    constraint ss_accounts_pin_hash_ck check (length(pin_hash) = 32)
);

-- At most one financial (bank) application per card: an RMB debit account, never credit.
create table financial_accounts (
    card_id             bigint primary key references cards (id),
    bank_code           varchar(10) not null,
    account_number      varchar(19) not null,
    currency            varchar(3)  not null,
    type                varchar(8)  not null,
    status              varchar(24) not null,
    pin_hash            bytea,
    pin_salt            bytea,
    pin_key_id          varchar(32),
    pin_mismatch_count  integer     not null default 0,
    activated_at        timestamptz,
    activated_at_branch varchar(32),
    activation_channel  varchar(32),
    version             bigint      not null default 0,
    constraint fin_accounts_account_number_uk unique (account_number),
    constraint fin_accounts_account_number_ck check (account_number ~ '^[0-9]{16,19}$'),
    constraint fin_accounts_bank_code_ck check (bank_code ~ '^[A-Z]{2,10}$'),
    constraint fin_accounts_currency_ck check (currency = 'CNY'),
    constraint fin_accounts_type_ck check (type = 'DEBIT'),
    constraint fin_accounts_status_ck check (status in ('PENDING_ACTIVATION', 'ACTIVE', 'LOCKED')),
    constraint fin_accounts_mismatch_ck check (pin_mismatch_count >= 0),
    constraint fin_accounts_channel_ck check (activation_channel in
        ('BANK_COUNTER', 'WECHAT', 'ALIPAY', 'E_SSC_MINI_PROGRAM', 'MOBILE_BANKING')),
    constraint fin_accounts_pin_ck check ((status = 'PENDING_ACTIVATION') or pin_hash is not null)
);
create index fin_accounts_bank_ix on financial_accounts (bank_code);

create table activation_events (
    id          bigint generated always as identity primary key,
    card_id     bigint      not null references cards (id),
    occurred_at timestamptz not null,
    account     varchar(16) not null,
    action      varchar(16) not null,
    outcome     varchar(16) not null,
    code        varchar(32),
    channel     varchar(32),
    branch_code varchar(32),
    actor       varchar(64) not null,
    phone_before varchar(11),
    phone_after  varchar(11),
    constraint events_account_ck check (account in ('CARD', 'SOCIAL_SECURITY', 'FINANCIAL')),
    constraint events_action_ck check (action in ('CARD_ISSUED', 'ACTIVATED', 'PIN_MISMATCH', 'LOCKED', 'PIN_RESET', 'REJECTED')),
    constraint events_outcome_ck check (outcome in ('SUCCEEDED', 'REJECTED')),
    constraint events_code_ck check ((outcome = 'REJECTED') = (code is not null))
);
create index events_card_ix on activation_events (card_id, occurred_at desc, id desc);

-- History cannot be rewritten, not even by the service's own database user.
create function activation_events_append_only() returns trigger
language plpgsql as $$
begin
    raise exception 'activation_events is append-only: % refused', tg_op
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger activation_events_no_update_delete
    before update or delete on activation_events
    for each row execute function activation_events_append_only();

create trigger activation_events_no_truncate
    before truncate on activation_events
    for each statement execute function activation_events_append_only();
