-- Callers are named by their token's subject, and identity providers issue subjects longer
-- than 64 characters: keys are stored for names up to CallerNames.MAX_LENGTH (255).
alter table idempotency_keys alter column caller type varchar(255);
