-- The rewarded set of every selected epoch (ADR 0012): a read model of the log's RewardedSetSelected events, written by
-- JDBC in the transaction that appends the selection, read by GET /v1/epochs/{e}/rewarded-set through Hibernate
-- Reactive. The fold keeps only the last set, so the heap does not grow with the epochs. Dropped and rebuilt from the
-- log by POST /v1/admin/read-models/rebuild (and at start-up when the last selected epoch has no row).
CREATE TABLE rewarded_set (
    -- the service's stream (selection.stream-id; one per service, several in tests)
    stream_id            text    NOT NULL,
    epoch_id             bigint  NOT NULL,
    -- the set's node ids by role, canonical JSON {entry_gateways, exit_gateways, layer1, layer2, layer3, standby}
    node_ids             text    NOT NULL,
    seed                 text    NOT NULL,
    proof_digest         text    NOT NULL,
    short_entry_gateways integer NOT NULL,
    short_exit_gateways  integer NOT NULL,
    short_mixnodes       integer NOT NULL,
    short_standby        integer NOT NULL,
    candidates           integer NOT NULL,
    PRIMARY KEY (stream_id, epoch_id)
);
