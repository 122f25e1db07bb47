-- A closing records a long run of queued delegations as DelegationsAdded chunks (issue 15 item 7): one event, and so
-- one ledger version, makes many delegation_change rows. A row is keyed by the event's version and its place in it
-- (seq: 0 for an event that makes one row, the inner index in a chunk). The by-owner and by-node indexes keep their
-- (.., ledger_version) order; a page sorts by (ledger_version, seq), which they serve within one version.
ALTER TABLE delegation_change ADD COLUMN seq int NOT NULL DEFAULT 0;
ALTER TABLE delegation_change DROP CONSTRAINT delegation_change_pkey;
ALTER TABLE delegation_change ADD PRIMARY KEY (ledger_version, seq);
DROP INDEX delegation_change_by_owner;
DROP INDEX delegation_change_by_node;
CREATE INDEX delegation_change_by_owner ON delegation_change (owner, ledger_version, seq);
CREATE INDEX delegation_change_by_node ON delegation_change (node_id, ledger_version, seq);
