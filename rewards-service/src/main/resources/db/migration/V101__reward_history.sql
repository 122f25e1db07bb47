-- Read models of the ledger stream that grow with history (ADR 0012): written by JDBC in the transaction that
-- appends the events they come from, read by the REST resources through Hibernate Reactive. Dropped and rebuilt from
-- the log by POST /v1/admin/read-models/rebuild. Decimals are exact numerics (18 places, as Decimal).

-- One row per rewarded epoch. The primary key serves "the latest epoch" and "the last N epochs" (scanned backwards).
CREATE TABLE reward_epoch (
    epoch_id             bigint  PRIMARY KEY,
    budget               numeric NOT NULL,
    budget_from_fees     numeric NOT NULL,
    distributed          numeric NOT NULL,
    unclaimed            numeric NOT NULL,
    rewarded_nodes       integer NOT NULL,
    reward_pool          numeric NOT NULL,
    staking_supply       numeric NOT NULL,
    interval_rolled_over boolean NOT NULL,
    state_digest         text    NOT NULL
);

-- One row per node in an epoch's rewarded set. The primary key serves "a node's rewards for a year" (node_id, then an
-- epoch range, in epoch order); the second index "every node of one epoch" (the bandwidth price, an epoch's page).
CREATE TABLE reward_node_epoch (
    node_id          bigint  NOT NULL,
    epoch_id         bigint  NOT NULL,
    outcome          text    NOT NULL,
    reward           numeric NOT NULL,
    operator_reward  numeric NOT NULL,
    delegates_reward numeric NOT NULL,
    performance      numeric NOT NULL,
    work_factor      numeric NOT NULL,
    saturation       numeric NOT NULL,
    PRIMARY KEY (node_id, epoch_id)
);
CREATE INDEX reward_node_epoch_by_epoch ON reward_node_epoch (epoch_id, node_id);

-- One row per change of a delegation, keyed by the ledger stream version of the event that made it.
CREATE TABLE delegation_change (
    ledger_version bigint      PRIMARY KEY,
    epoch_id       bigint      NOT NULL,
    at             timestamptz NOT NULL,
    node_id        bigint      NOT NULL,
    owner          text        NOT NULL,
    change         text        NOT NULL,
    amount         numeric     NOT NULL,
    principal      numeric,
    accrued_reward numeric
);
CREATE INDEX delegation_change_by_owner ON delegation_change (owner, ledger_version);
CREATE INDEX delegation_change_by_node ON delegation_change (node_id, ledger_version);
