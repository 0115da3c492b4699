-- The least SQL one social-security activation needs, for pgbench: lock and read the card with
-- its holder and social-security account in one statement, update the account (new PIN, status,
-- where and when), update the holder's phone, and append the audit row.
\set n random(1, :last)
BEGIN;
SELECT c.id, c.insured_region_code, c.status, h.id_number, h.name, h.phone, a.status, a.pin_hash, a.pin_salt,
       a.pin_key_id, a.pin_mismatch_count
  FROM cards c JOIN cardholders h ON h.id = c.holder_id JOIN social_security_accounts a ON a.card_id = c.id
 WHERE c.card_number = 'B' || lpad(:n::text, 8, '0') FOR NO KEY UPDATE OF c, a;
UPDATE social_security_accounts SET status = 'ACTIVE', pin_hash = sha256(convert_to(:n::text, 'UTF8')),
       pin_mismatch_count = 0, activated_at = now(), activated_at_branch = 'BENCH-HALL',
       activation_channel = 'SERVICE_HALL'
 WHERE card_id = :n;
UPDATE cardholders SET phone = '13812345678' WHERE id = :n;
INSERT INTO activation_events (card_id, occurred_at, account, action, outcome, code, channel, branch_code, actor,
       phone_before, phone_after)
VALUES (:n, now(), 'SOCIAL_SECURITY', 'ACTIVATED', 'SUCCEEDED', NULL, 'SERVICE_HALL', 'BENCH-HALL', 'bench.window',
       NULL, '13812345678');
END;
