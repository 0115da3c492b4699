-- Responses of POSTs made with an Idempotency-Key, per caller, kept 24 hours so that a retry
-- after a timeout gets the first answer instead of doing the work twice. Shared by all instances.
create table idempotency_keys (
    caller          varchar(64)  not null,
    idempotency_key varchar(255) not null,
    request_hash    bytea        not null,
    state           varchar(16)  not null,
    response_status integer,
    response_type   varchar(100),
    response_body   text,
    created_at      timestamptz  not null default now(),
    lease_until     timestamptz  not null,
    primary key (caller, idempotency_key),
    constraint idempotency_state_ck check (state in ('IN_PROGRESS', 'COMPLETED')),
    constraint idempotency_completed_ck check (state = 'IN_PROGRESS' or response_status is not null)
);
create index idempotency_keys_created_ix on idempotency_keys (created_at);
