-- Seeds :cards cards directly in SQL, the way an issuance campaign's bulk load would: holders
-- with valid resident ID numbers, cards insured in Shenzhen Nanshan (440305), a sealed
-- social-security account under the initial PIN 123456 (HMAC-SHA-256 with the service's key and a
-- random salt, exactly as the service stores it) and a pending ICBC debit account.
\set ON_ERROR_STOP on
create extension if not exists pgcrypto;
create schema if not exists bench_seed;

create or replace function bench_seed.id_number(i bigint) returns text language sql immutable as $$
  with f as (select '440305' || to_char(date '1950-01-01' + (i % 25000)::int, 'YYYYMMDD')
                    || lpad(((i / 25000) % 1000)::text, 3, '0') as first17)
  select first17 || substr('10X98765432', (
           (select sum(substr(first17, k, 1)::int * (array[7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2])[k])
              from generate_series(1, 17) k) % 11)::int + 1, 1)
  from f
$$;

create or replace function bench_seed.account_number(i bigint) returns text language sql immutable as $$
  with p as (select '62220250' || lpad(i::text, 10, '0') as payload)
  select payload || ((10 - (select sum(case when k % 2 = 1
                                  then (case when d * 2 > 9 then d * 2 - 9 else d * 2 end) else d end)
                            from (select k, substr(reverse(payload), k, 1)::int as d
                                    from generate_series(1, length(payload)) k) digits) % 10) % 10)::text
  from p
$$;

insert into cardholders (id, id_number, name, version, created_at) overriding system value
select i, bench_seed.id_number(i), '持卡人' || i, 0, now() from generate_series(1, :cards) i;

insert into cards (id, card_number, holder_id, insured_region_code, status, issued_at, version) overriding system value
select i, 'B' || lpad(i::text, 8, '0'), i, '440305', 'NORMAL', now(), 0 from generate_series(1, :cards) i;

insert into social_security_accounts (card_id, status, pin_hash, pin_salt, pin_key_id, pin_mismatch_count, version)
select i, 'PENDING_ACTIVATION', hmac(salt || convert_to('123456', 'UTF8'), decode(:'pin_key', 'base64'), 'sha256'),
       salt, :'pin_key_id', 0, 0
from (select i, gen_random_bytes(16) as salt from generate_series(1, :cards) i) s;

insert into financial_accounts (card_id, bank_code, account_number, currency, type, status, pin_mismatch_count, version)
select i, 'ICBC', bench_seed.account_number(i), 'CNY', 'DEBIT', 'PENDING_ACTIVATION', 0, 0
from generate_series(1, :cards) i;

select setval(pg_get_serial_sequence('cardholders', 'id'), :cards);
select setval(pg_get_serial_sequence('cards', 'id'), :cards);
drop schema bench_seed cascade;
analyze;
