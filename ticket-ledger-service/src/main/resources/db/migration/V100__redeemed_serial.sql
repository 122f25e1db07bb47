-- The double-spend index as PostgreSQL enforces it: a serial can be redeemed (accepted) once, whichever instance or
-- request gets there first. Rows are inserted in the same transaction as the TicketBatchRedeemed event that accepts
-- them and deleted in the same transaction as the SerialsExpired event that forgets them, so the table always equals
-- the fold of the log's accepted-minus-expired serials.
CREATE TABLE redeemed_serial (
    serial          TEXT        PRIMARY KEY,      -- Base58 of the 48-byte serial (a bijection, so canonical)
    gateway_node_id BIGINT      NOT NULL,
    gateway         TEXT        NOT NULL,         -- the redeeming gateway's identity key, Base58
    epoch           BIGINT      NOT NULL,
    ticket_type     TEXT        NOT NULL,
    spend_date      DATE        NOT NULL,
    batch_id        TEXT        NOT NULL,         -- the batch's idempotency key
    redeemed_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX redeemed_serial_spend_date_ix ON redeemed_serial (spend_date);

-- The epoch clock as selection-service announces it (EpochStarted(e) -> e, EpochEnded(e) -> e + 1), updated by the
-- input consumer in the same transaction as its inbox record. NULL until the first announcement: no batch is judged
-- before the ledger knows which epoch is running.
CREATE TABLE epoch_clock (
    id            INT    PRIMARY KEY CHECK (id = 1),
    current_epoch BIGINT
);
INSERT INTO epoch_clock (id, current_epoch) VALUES (1, NULL);
