-- The least SQL one PIN verification needs, for pgbench: lock and read the card with its
-- social-security account (status, PIN hash, count) in one statement, and append the audit row.
-- A right PIN on an account with no mismatches changes nothing else.
\set n random(:first, :last)
BEGIN;
SELECT c.id, c.insured_region_code, a.status, a.pin_hash, a.pin_salt, a.pin_key_id, a.pin_mismatch_count
  FROM cards c JOIN social_security_accounts a ON a.card_id = c.id
 WHERE c.card_number = 'B' || lpad(:n::text, 8, '0') FOR NO KEY UPDATE OF a;
INSERT INTO activation_events (card_id, occurred_at, account, action, outcome, code, channel, branch_code, actor)
VALUES (:n, now(), 'SOCIAL_SECURITY', 'PIN_VERIFIED', 'SUCCEEDED', NULL, 'SERVICE_HALL', 'BENCH-HALL', 'bench.window');
END;
