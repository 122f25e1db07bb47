package net.nym.tokenomics.rewards.persistence;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Unym;
import net.nym.tokenomics.rewards.readmodel.AccountMovement;
import net.nym.tokenomics.rewards.readmodel.DelegationChange;
import net.nym.tokenomics.rewards.readmodel.EpochTotals;
import net.nym.tokenomics.rewards.readmodel.NodeEpochReward;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;

/**
 * Writes the reward and delegation history tables (V101) and the account history (V103) by JDBC, always inside the caller's transaction: the one that
 * appends the events the rows come from, or a rebuild's. Each write replaces what its key already holds, so the
 * rows of a decision decided again after a conflict end up as that decision's.
 */
public final class RewardHistoryTables {

    private RewardHistoryTables() {
    }

    /** The epoch's node rows (all of them: the epoch's rows are replaced). */
    public static void putNodeRewards(Connection c, long epochId, List<NodeEpochReward> rows) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM reward_node_epoch WHERE epoch_id = ?")) {
            del.setLong(1, epochId);
            del.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO reward_node_epoch (node_id, epoch_id, outcome, reward, operator_reward, delegates_reward,
                    performance, work_factor, saturation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (NodeEpochReward r : rows) {
                ps.setLong(1, r.nodeId());
                ps.setLong(2, r.epochId());
                ps.setString(3, r.outcome());
                ps.setBigDecimal(4, exact(r.reward()));
                ps.setBigDecimal(5, exact(r.operatorReward()));
                ps.setBigDecimal(6, exact(r.delegatesReward()));
                ps.setBigDecimal(7, exact(r.performance().value()));
                ps.setBigDecimal(8, exact(r.workFactor()));
                ps.setBigDecimal(9, exact(r.saturation()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    public static void putEpoch(Connection c, EpochTotals t) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO reward_epoch (epoch_id, budget, budget_from_fees, distributed, unclaimed, rewarded_nodes,
                    reward_pool, staking_supply, interval_rolled_over, state_digest) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (epoch_id) DO UPDATE SET budget = excluded.budget, budget_from_fees = excluded.budget_from_fees,
                    distributed = excluded.distributed, unclaimed = excluded.unclaimed, rewarded_nodes = excluded.rewarded_nodes,
                    reward_pool = excluded.reward_pool, staking_supply = excluded.staking_supply,
                    interval_rolled_over = excluded.interval_rolled_over, state_digest = excluded.state_digest""")) {
            ps.setLong(1, t.epochId());
            ps.setBigDecimal(2, exact(t.budget()));
            ps.setBigDecimal(3, exact(t.budgetFromFees()));
            ps.setBigDecimal(4, exact(t.distributed()));
            ps.setBigDecimal(5, exact(t.unclaimed()));
            ps.setInt(6, t.rewardedNodes());
            ps.setBigDecimal(7, exact(t.rewardPool()));
            ps.setBigDecimal(8, exact(t.stakingSupply()));
            ps.setBoolean(9, t.intervalRolledOver());
            ps.setString(10, t.stateDigest());
            ps.executeUpdate();
        }
    }

    /**
     * Upserts the rows in one statement over arrays ({@code unnest}), not a JDBC batch of one insert per row: a closing
     * that applies 100,000 queued delegations writes 100,000 rows, which this does in about two thirds of the batch's
     * time (1.0 s against 1.6 s for 100,000 rows on the 2-core machine, docs/benchmarks.md). The values go as text
     * (numerics in plain notation, instants in ISO-8601), cast by PostgreSQL. {@code rows} hold each key at most once.
     */
    public static void putDelegationChanges(Connection c, List<DelegationChange> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        int n = rows.size();
        Long[] versions = new Long[n];
        Integer[] seqs = new Integer[n];
        Long[] epochs = new Long[n];
        String[] ats = new String[n];
        Long[] nodes = new Long[n];
        String[] owners = new String[n];
        String[] changes = new String[n];
        String[] amounts = new String[n];
        String[] principals = new String[n];
        String[] accrued = new String[n];
        for (int i = 0; i < n; i++) {
            DelegationChange d = rows.get(i);
            versions[i] = d.ledgerVersion();
            seqs[i] = d.seq();
            epochs[i] = d.epochId();
            ats[i] = d.at().toString();
            nodes[i] = d.nodeId();
            owners[i] = d.owner();
            changes[i] = d.change();
            amounts[i] = d.amount().amount().toString();
            principals[i] = d.principal() == null ? null : d.principal().amount().toString();
            accrued[i] = d.accruedReward() == null ? null : exact(d.accruedReward()).toPlainString();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO delegation_change (ledger_version, seq, epoch_id, at, node_id, owner, change, amount, principal,
                    accrued_reward)
                SELECT * FROM unnest(?::bigint[], ?::int[], ?::bigint[], ?::text[]::timestamptz[], ?::bigint[], ?::text[],
                    ?::text[], ?::text[]::numeric[], ?::text[]::numeric[], ?::text[]::numeric[])
                ON CONFLICT (ledger_version, seq) DO UPDATE SET epoch_id = excluded.epoch_id, at = excluded.at,
                    node_id = excluded.node_id, owner = excluded.owner, change = excluded.change, amount = excluded.amount,
                    principal = excluded.principal, accrued_reward = excluded.accrued_reward""")) {
            ps.setArray(1, c.createArrayOf("int8", versions));
            ps.setArray(2, c.createArrayOf("int4", seqs));
            ps.setArray(3, c.createArrayOf("int8", epochs));
            ps.setArray(4, c.createArrayOf("text", ats));
            ps.setArray(5, c.createArrayOf("int8", nodes));
            ps.setArray(6, c.createArrayOf("text", owners));
            ps.setArray(7, c.createArrayOf("text", changes));
            ps.setArray(8, c.createArrayOf("text", amounts));
            ps.setArray(9, c.createArrayOf("text", principals));
            ps.setArray(10, c.createArrayOf("text", accrued));
            ps.executeUpdate();
        }
    }

    public static void putAccountMovements(Connection c, List<AccountMovement> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO account_movement (account, ledger_version, seq, epoch_id, at, kind, node_id, counterparty, change,
                    balance_after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (account, ledger_version, seq) DO UPDATE SET epoch_id = excluded.epoch_id, at = excluded.at,
                    kind = excluded.kind, node_id = excluded.node_id, counterparty = excluded.counterparty,
                    change = excluded.change, balance_after = excluded.balance_after""")) {
            for (AccountMovement m : rows) {
                ps.setString(1, m.account());
                ps.setLong(2, m.ledgerVersion());
                ps.setInt(3, m.seq());
                ps.setLong(4, m.epochId());
                ps.setTimestamp(5, Timestamp.from(m.at()));
                ps.setString(6, m.kind());
                if (m.nodeId() == null) {
                    ps.setNull(7, Types.BIGINT);
                } else {
                    ps.setLong(7, m.nodeId());
                }
                if (m.counterparty() == null) {
                    ps.setNull(8, Types.VARCHAR);
                } else {
                    ps.setString(8, m.counterparty());
                }
                ps.setBigDecimal(9, new BigDecimal(m.change()));
                ps.setBigDecimal(10, new BigDecimal(m.balanceAfter().amount()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Deletes every row of the four tables (a rebuild, in its transaction). */
    public static void clear(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM reward_node_epoch");
            s.executeUpdate("DELETE FROM reward_epoch");
            s.executeUpdate("DELETE FROM delegation_change");
            s.executeUpdate("DELETE FROM account_movement");
        }
    }

    /** Whether {@code account_movement} holds the row of this key (a primary-key lookup). */
    public static boolean holdsMovement(Connection c, String account, long ledgerVersion, int seq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM account_movement WHERE account = ? AND ledger_version = ? AND seq = ?")) {
            ps.setString(1, account);
            ps.setLong(2, ledgerVersion);
            ps.setInt(3, seq);
            try (var rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Whether {@code reward_epoch} holds the epoch's row. */
    public static boolean holdsEpoch(Connection c, long epochId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM reward_epoch WHERE epoch_id = ?")) {
            ps.setLong(1, epochId);
            try (var rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static BigDecimal exact(Decimal d) {
        return d.toBigDecimal();
    }

    /** Reads a stored numeric back (the column keeps Decimal's 18 places exactly). */
    public static Decimal decimal(BigDecimal stored) {
        return Decimal.ofAtomics(stored.setScale(Decimal.DECIMAL_PLACES).unscaledValue());
    }

    public static Unym unym(BigDecimal stored) {
        return new Unym(stored.toBigIntegerExact());
    }
}
