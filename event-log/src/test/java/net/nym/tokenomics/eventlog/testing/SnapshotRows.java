package net.nym.tokenomics.eventlog.testing;

import net.nym.tokenomics.eventlog.store.Transactions;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** What the services' snapshot tests read and break in the {@code snapshot} table (ADR 0011), in one place. */
public final class SnapshotRows {

    private SnapshotRows() {
    }

    /** The stream versions of the stream's stored snapshots, ascending. */
    public static List<Long> versions(DataSource dataSource, String stream) {
        return Transactions.inTransaction(dataSource, c -> {
            List<Long> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT stream_version FROM snapshot WHERE stream = ? ORDER BY stream_version")) {
                ps.setString(1, stream);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getLong(1));
                    }
                }
            }
            return out;
        });
    }

    /** Flips every bit of one byte of the snapshot's stored state (its digest left as it was); returns the rows changed. */
    public static int corrupt(DataSource dataSource, String stream, long version) {
        return Transactions.inTransaction(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE snapshot SET state = set_byte(state, 10,"
                    + " get_byte(state, 10) # 255) WHERE stream = ? AND stream_version = ?")) {
                ps.setString(1, stream);
                ps.setLong(2, version);
                return ps.executeUpdate();
            }
        });
    }
}
