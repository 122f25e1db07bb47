package net.nym.tokenomics.ticketledger.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import net.nym.tokenomics.eventlog.store.EventStore;
import net.nym.tokenomics.eventlog.store.NewEvent;
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
 * The ledger's one stream in the event log. All ledger facts share it because they share one state (the double-spend
 * index, usage, closed epochs): its stream version is the total order replay folds in.
 *
 * <p>Writers serialise on a transaction-scoped advisory lock ({@link #lockWriter}), across threads and instances: the
 * holder catches up, decides, writes and commits before the next one starts, so every decision sees every committed
 * fact. Optimistic concurrency on the stream version and the {@code redeemed_serial} primary key stay as the
 * database's own guards behind it.
 */
@ApplicationScoped
public class LedgerLog {

    public static final String STREAM = "ticket-ledger";
    /** Arbitrary constant key of the writer lock ('tlsw'). */
    private static final long WRITER_LOCK = 0x746c7377L;

    private final EventStore store = new EventStore();

    public void lockWriter(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            ps.setLong(1, WRITER_LOCK);
            ps.execute();
        }
    }

    public List<StoredEvent> append(Connection c, long expectedVersion, List<NewEvent> events) throws SQLException {
        return store.append(c, STREAM, expectedVersion, events);
    }

    /**
     * Appends events without metadata at versions {@code expectedVersion + 1, + 2, ...}, in list order, in one
     * statement, and reads nothing back. The batch writer uses it instead of {@link EventStore#append}, which first
     * reads the stream's version and then returns every stored payload: for a group of batches that is megabytes of
     * JSON converted back from JSONB for nothing. The caller holds the writer lock and has caught up, so it knows the
     * version; the {@code (stream_id, stream_version)} unique key still refuses a wrong one and fails the transaction.
     * Payloads are bound one parameter each rather than as a text array, which would escape every quote of the JSON.
     */
    public void appendWithoutEcho(Connection c, long expectedVersion, List<NewEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("INSERT INTO event_log (event_id, stream_id, stream_version, event_type, "
                + "schema_version, payload) VALUES ");
        for (int i = 0; i < events.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?::jsonb)");
        }
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int p = 1;
            for (int i = 0; i < events.size(); i++) {
                NewEvent e = events.get(i);
                if (!e.metadata().isEmpty()) {
                    throw new IllegalArgumentException("appendWithoutEcho takes events without metadata: " + e.eventType());
                }
                ps.setObject(p++, e.eventId());
                ps.setString(p++, STREAM);
                ps.setLong(p++, expectedVersion + 1 + i);
                ps.setString(p++, e.eventType());
                ps.setInt(p++, e.schemaVersion());
                ps.setString(p++, e.payload());
            }
            int inserted = ps.executeUpdate();
            if (inserted != events.size()) {
                throw new SQLException("appended " + inserted + " of " + events.size() + " events");
            }
        }
    }

    /**
     * Committed events of the stream after {@code version}, in version order. Versions commit as a gap-free prefix
     * (each append holds the writer lock and expects the previous version), so paging on the version skips nothing.
     */
    public List<StoredEvent> readAfter(Connection c, long version, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT global_position, transaction_id::text, event_id, stream_id, stream_version, event_type,
                       schema_version, payload::text, metadata::text, recorded_at
                  FROM event_log WHERE stream_id = ? AND stream_version > ? ORDER BY stream_version LIMIT ?""")) {
            ps.setString(1, STREAM);
            ps.setLong(2, version);
            ps.setInt(3, limit);
            List<StoredEvent> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredEvent(rs.getLong(1), Long.parseUnsignedLong(rs.getString(2)),
                            rs.getObject(3, UUID.class), rs.getString(4), rs.getLong(5), rs.getString(6), rs.getInt(7),
                            rs.getString(8), metadata(rs.getString(9)), rs.getTimestamp(10).toInstant()));
                }
            }
            return out;
        }
    }

    private static Map<String, String> metadata(String json) throws SQLException {
        try {
            return LedgerEventCodec.mapper().readValue(json,
                    new com.fasterxml.jackson.core.type.TypeReference<java.util.TreeMap<String, String>>() { });
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SQLException("event metadata is not a string map: " + e.getMessage(), e);
        }
    }
}
