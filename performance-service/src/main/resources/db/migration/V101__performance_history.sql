-- Performance history (ADR 0012): one row per node per published epoch, with the routing and config parts of the
-- annotation body. Written by JDBC in the transaction that appends the epoch's result, read by the REST resources
-- through Hibernate Reactive; dropped and rebuilt from the log by POST /v1/admin/read-models/rebuild.
-- The primary key serves a node's history, newest first (scanned backwards).
CREATE TABLE node_epoch_performance (
    node_id                       bigint           NOT NULL,
    epoch_id                      bigint           NOT NULL,
    window_end                    timestamptz      NOT NULL,
    performance                   numeric          NOT NULL,
    last_24h_performance          numeric          NOT NULL,
    performance_score             double precision NOT NULL,
    routing_score                 double precision NOT NULL,
    measurement_count             bigint           NOT NULL,
    config_score                  double precision NOT NULL,
    versions_behind               bigint,
    self_described_api_available  boolean          NOT NULL,
    accepted_terms_and_conditions boolean          NOT NULL,
    runs_nym_node_binary          boolean          NOT NULL,
    reasons                       text             NOT NULL,
    PRIMARY KEY (node_id, epoch_id)
);
