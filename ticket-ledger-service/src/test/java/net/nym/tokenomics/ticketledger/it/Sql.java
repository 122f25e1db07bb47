package net.nym.tokenomics.ticketledger.it;

import net.nym.tokenomics.eventlog.store.Transactions;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
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

    public static long logSize(DataSource ds) {
        return Transactions.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM event_log WHERE stream_id = 'ticket-ledger'");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
