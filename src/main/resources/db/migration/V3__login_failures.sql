-- Failed sign-ins, counted per (username, address), per address and per username, shared by
-- every instance. A subject over its free attempts waits a short, doubling delay (capped at a
-- minute) instead of being locked out: the lockout of real accounts is the PIN's, not the login's.
create table login_failures (
    subject         varchar(400) primary key,
    failures        integer      not null,
    last_failure_at timestamptz  not null,
    blocked_until   timestamptz  not null
);
create index login_failures_last_failure_ix on login_failures (last_failure_at);
