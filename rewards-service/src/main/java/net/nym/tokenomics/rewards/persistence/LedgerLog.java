package net.nym.tokenomics.rewards.persistence;

import com.fasterxml.jackson.core.type.TypeReference;
import net.nym.tokenomics.eventlog.json.Json;
import net.nym.tokenomics.eventlog.store.StoredEvent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The two streams of the rewards log and an incremental stream read ({@code EventStore} reads a stream whole).
 * {@link #LEDGER}: every decision (domain events) and the integration events published with it, written by one writer
 * at a time. {@link #INPUTS}: epoch inputs as received from the other services, written only by the input consumer.
 */
public final class LedgerLog {

    public static final String LEDGER = "ledger";
    public static final String INPUTS = "epoch-inputs";

    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() { };

    private LedgerLog() {
    }

    /** Events of {@code stream} with a version above {@code afterVersion}, in version order. */
    public static List<StoredEvent> readStreamAfter(Connection c, String stream, long afterVersion) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT global_position, transaction_id::text, event_id, stream_id, stream_version, event_type,
                       schema_version, payload::text, metadata::text, recorded_at
                FROM event_log WHERE stream_id = ? AND stream_version > ? ORDER BY stream_version""")) {
            ps.setString(1, stream);
            ps.setLong(2, afterVersion);
            ps.setFetchSize(1000);
            List<StoredEvent> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, String> meta;
                    try {
                        meta = Json.mapper().readValue(rs.getString(9), STRING_MAP);
                    } catch (Exception e) {
                        throw new SQLException("bad metadata at position " + rs.getLong(1), e);
                    }
                    out.add(new StoredEvent(rs.getLong(1), Long.parseUnsignedLong(rs.getString(2)),
                            rs.getObject(3, UUID.class), rs.getString(4), rs.getLong(5), rs.getString(6), rs.getInt(7),
                            rs.getString(8), meta, rs.getTimestamp(10).toInstant()));
                }
            }
            return out;
        }
    }
}
