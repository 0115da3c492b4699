-- PIN verifications need active accounts: cards :first to :last made active under PIN 802514,
-- hashed as the service does (HMAC-SHA256 of salt and PIN under the PIN key). Used by bench/run
-- and bench/steady at seeding.
create extension if not exists pgcrypto;
update social_security_accounts set status = 'ACTIVE', activated_at = now(), activated_at_branch = 'BENCH-HALL',
  activation_channel = 'SERVICE_HALL',
  pin_hash = hmac(pin_salt || convert_to('802514', 'UTF8'), decode(:'pin_key', 'base64'), 'sha256')
where card_id between :first and :last;
