-- Account commands sent with an Idempotency-Key header (rewards-service README, "Idempotency"): the first outcome of
-- each (account, key), written in the transaction that appends the command's events, so that a retried request gets
-- the same answer instead of a second application. Not part of the event log: a database rebuilt from Kafka starts
-- with no keys (a retry across a rebuild is applied again). Rows older than the retention are deleted as new ones
-- are written.
CREATE TABLE command_idempotency (
    account         text        NOT NULL,
    idempotency_key text        NOT NULL,
    fingerprint     text        NOT NULL,
    status          integer     NOT NULL,
    body            text        NOT NULL,
    recorded_at     timestamptz NOT NULL,
    PRIMARY KEY (account, idempotency_key)
);
CREATE INDEX command_idempotency_recorded_at ON command_idempotency (recorded_at);
