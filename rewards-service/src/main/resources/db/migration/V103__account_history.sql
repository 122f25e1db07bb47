-- A read model of the ledger stream that grows with history (ADR 0012, issue 15): every movement of an account's
-- liquid balance, written by JDBC in the transaction that appends the event that made it, read by
-- GET /v1/accounts/{address}/history through Hibernate Reactive; dropped and rebuilt from the log with the V101 tables
-- by POST /v1/admin/read-models/rebuild. Amounts in whole uNYM.
--
-- One row per account an event moves (a transfer: two, the sender's at seq 0 and the recipient's at seq 1; the genesis:
-- one per allocated account, in the event's order). ledger_version is the stream version of the event; kind one of
-- genesis, transfer_in, transfer_out, bond, pledge_more, delegate, delegation_returned, undelegated, pledge_decreased,
-- unbonded, operator_reward, delegator_reward. change is signed (a debit is negative), balance_after the liquid
-- balance once the movement is applied. The primary key serves "one account's movements, newest first" (scanned
-- backwards) and its count.
CREATE TABLE account_movement (
    account        text        NOT NULL,
    ledger_version bigint      NOT NULL,
    seq            integer     NOT NULL,
    epoch_id       bigint      NOT NULL,
    at             timestamptz NOT NULL,
    kind           text        NOT NULL,
    node_id        bigint,
    counterparty   text,
    change         numeric     NOT NULL,
    balance_after  numeric     NOT NULL,
    PRIMARY KEY (account, ledger_version, seq)
);
