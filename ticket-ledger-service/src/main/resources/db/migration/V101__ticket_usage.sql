-- Ticket usage of closed epochs (ADR 0012): written by JDBC in the transaction that appends the epoch's close, read
-- by the REST resources through Hibernate Reactive; dropped and rebuilt from the log by
-- POST /v1/admin/read-models/rebuild. Usage by ticket type is kept as JSON in the REST body's shape
-- ([{ticket_type, tickets, bandwidth_bytes, value}], decimals as strings).

-- One row per closed epoch; state_digest is the close digest published in EpochUsageClosed.
CREATE TABLE epoch_usage (
    epoch_id            bigint      PRIMARY KEY,
    closed_at           timestamptz NOT NULL,
    total_tickets       bigint      NOT NULL,
    total_bytes         bigint      NOT NULL,
    fee_income          numeric     NOT NULL,
    totals              text        NOT NULL,
    state_digest        text
);

-- One row per gateway with usage in a closed epoch. The primary key serves a gateway's usage over an epoch range,
-- the second index an epoch's gateways.
CREATE TABLE gateway_epoch_usage (
    gateway_node_id        bigint  NOT NULL,
    epoch_id               bigint  NOT NULL,
    tickets                bigint  NOT NULL,
    bandwidth_bytes        bigint  NOT NULL,
    value                  numeric NOT NULL,
    double_spends_rejected bigint  NOT NULL,
    by_type                text    NOT NULL,
    PRIMARY KEY (gateway_node_id, epoch_id)
);
CREATE INDEX gateway_epoch_usage_by_epoch ON gateway_epoch_usage (epoch_id, gateway_node_id);
