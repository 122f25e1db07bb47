package net.nym.tokenomics.ticketledger.it;

import net.nym.tokenomics.eventlog.store.Transactions;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Direct reads of the service's database, to check what was stored. */
public final class Sql {

    private Sql() {
    }

    /** redeemed_serial rows for these serials: serial -> first gateway node id. */
    public static Map<String, Long> redeemed(DataSource ds, Collection<String> serials) {
        return Transactions.inTransaction(ds, c -> {
            Map<String, Long> out = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT serial, gateway_node_id FROM redeemed_serial WHERE serial = ANY(?)")) {
                ps.setArray(1, c.createArrayOf("text", serials.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            return out;
        });
    }

    /** How many TicketBatchRedeemed events the log holds for this gateway and key. */
    public static long batchEvents(DataSource ds, String gateway, String key) {
        return Transactions.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT count(*) FROM event_log WHERE event_type = 'TicketBatchRedeemed'
                       AND payload->>'gateway' = ? AND payload->>'batch_id' = ?""")) {
                ps.setString(1, gateway);
                ps.setString(2, key);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** Every event of the log, whatever its stream. */
    public static long allEvents(DataSource ds) {
        return Transactions.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM event_log"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    public static long logSize(DataSource ds) {
        return Transactions.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM event_log WHERE stream_id = 'ticket-ledger'");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** The usage read model's published close digests: epoch -> state digest. */
    public static Map<Long, String> closeDigests(Connection c) throws SQLException {
        Map<Long, String> out = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT epoch_id, state_digest FROM epoch_usage");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getLong(1), rs.getString(2));
            }
        }
        return out;
    }

    /** Every row of the usage read model's two tables, as text, in key order. */
    public static List<String> usageRows(DataSource ds) {
        return Transactions.inTransaction(ds, c -> {
            List<String> rows = new ArrayList<>();
            for (String query : List.of("SELECT e::text FROM epoch_usage e ORDER BY epoch_id",
                    "SELECT g::text FROM gateway_epoch_usage g ORDER BY gateway_node_id, epoch_id")) {
                try (PreparedStatement ps = c.prepareStatement(query); ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(rs.getString(1));
                    }
                }
            }
            return rows;
        });
    }
}
