package net.nym.tokenomics.eventlog.store;

import net.nym.tokenomics.eventlog.json.Json;

import com.fasterxml.jackson.core.type.TypeReference;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.UUID;

/**
 * The append-only event log in a service's PostgreSQL database (table {@code event_log}, created by the
 * event-log migrations). Every method works inside the caller's transaction: the caller appends its events and
 * their effects (read models, inbox record) and commits once.
 *
 * <p>Guarantees: appends to one stream are serialised by optimistic concurrency on (stream, version) — of two
 * writers that expect the same version, exactly one commits and the other gets {@link WrongExpectedVersionException};
 * an event id appears at most once ({@link DuplicateEventException}); rows are never updated or deleted (the
 * database refuses it). {@link #readAfter} returns only events of transactions that can no longer change the
 * order below them, so a reader that checkpoints on the returned positions never skips an event.
 */
public final class EventStore {

    private static final String COLUMNS = "global_position, transaction_id::text, event_id, stream_id, stream_version, "
            + "event_type, schema_version, payload::text, metadata::text, recorded_at";

    private static final String INSERT = """
            INSERT INTO event_log (event_id, stream_id, stream_version, event_type, schema_version, payload, metadata)
            SELECT e.id, ?, ? + e.ord, e.type, e.sv, e.payload::jsonb, e.meta::jsonb
            FROM unnest(?::uuid[], ?::text[], ?::int[], ?::text[], ?::text[]) WITH ORDINALITY AS e(id, type, sv, payload, meta, ord)
            ORDER BY e.ord
            RETURNING global_position, transaction_id::text, recorded_at, stream_version""";

    /** Appends of up to this many events use one VALUES row per event; larger ones one unnest over arrays. */
    static final int MAX_VALUES_ROWS = 64;
    private static final String[] INSERT_VALUES = new String[MAX_VALUES_ROWS + 1];

    /** Rows are inserted in VALUES order, so positions ascend with the versions, as with the unnest's ORDER BY. */
    private static String insertValues(int n) {
        String sql = INSERT_VALUES[n];
        if (sql == null) {
            StringBuilder b = new StringBuilder(
                    "INSERT INTO event_log (event_id, stream_id, stream_version, event_type, schema_version, payload, metadata) VALUES ");
            for (int i = 0; i < n; i++) {
                b.append(i == 0 ? "" : ", ").append("(?::uuid, ?, ?, ?, ?, ?::jsonb, ?::jsonb)");
            }
            sql = b.append(" RETURNING global_position, transaction_id::text, recorded_at, stream_version").toString();
            INSERT_VALUES[n] = sql;
        }
        return sql;
    }

    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() { };

    /** Current version of a stream: 0 when it has no events. */
    public long streamVersion(Connection c, String streamId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT coalesce(max(stream_version), 0) FROM event_log WHERE stream_id = ?")) {
            ps.setString(1, streamId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Appends events to a stream that the caller last saw at {@code expectedVersion} (0 for a new stream).
     * The events get versions expectedVersion+1, +2, ... in list order. The returned events carry the positions the
     * database assigned and the payload and metadata as given: the log holds the same JSON values, and a later read
     * returns PostgreSQL's normalised text of them (key order, spacing), which decodes to the same records. Not
     * sending a payload back saves its conversion and transfer: 8.5 MB for a 100,000-node stake snapshot.
     */
    public List<StoredEvent> append(Connection c, String streamId, long expectedVersion, List<NewEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return List.of();
        }
        long actual = streamVersion(c, streamId);
        if (actual != expectedVersion) {
            throw new WrongExpectedVersionException(streamId, expectedVersion, null);
        }
        int n = events.size();
        Object[] ids = new Object[n];
        String[] types = new String[n];
        Integer[] versions = new Integer[n];
        String[] payloads = new String[n];
        String[] metas = new String[n];
        for (int i = 0; i < n; i++) {
            NewEvent e = events.get(i);
            ids[i] = e.eventId();
            types[i] = e.eventType();
            versions[i] = e.schemaVersion();
            payloads[i] = e.payload();
            metas[i] = Json.write(e.metadata());
        }
        // A savepoint lets the caller's transaction survive a conflict so it can report it (or retry) cleanly.
        var savepoint = c.setSavepoint();
        try (PreparedStatement ps = c.prepareStatement(n <= MAX_VALUES_ROWS ? insertValues(n) : INSERT)) {
            if (n <= MAX_VALUES_ROWS) {
                // one row of plain parameters per event: a multi-megabyte payload is sent as it is, not escaped
                // into an array literal that the server parses again before the jsonb cast
                int p = 1;
                for (int i = 0; i < n; i++) {
                    ps.setObject(p++, ids[i]);
                    ps.setString(p++, streamId);
                    ps.setLong(p++, expectedVersion + i + 1);
                    ps.setString(p++, types[i]);
                    ps.setInt(p++, versions[i]);
                    ps.setString(p++, payloads[i]);
                    ps.setString(p++, metas[i]);
                }
            } else {
                ps.setString(1, streamId);
                ps.setLong(2, expectedVersion);
                ps.setArray(3, c.createArrayOf("uuid", ids));
                ps.setArray(4, c.createArrayOf("text", types));
                ps.setArray(5, c.createArrayOf("int4", versions));
                ps.setArray(6, c.createArrayOf("text", payloads));
                ps.setArray(7, c.createArrayOf("text", metas));
            }
            StoredEvent[] stored = new StoredEvent[n];
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    // versions are expectedVersion + 1, + 2, ... in list order: a row's version names its event
                    long version = rs.getLong(4);
                    int i = (int) (version - expectedVersion - 1);
                    NewEvent e = events.get(i);
                    stored[i] = new StoredEvent(rs.getLong(1), Long.parseUnsignedLong(rs.getString(2)), e.eventId(), streamId,
                            version, e.eventType(), e.schemaVersion(), e.payload(), e.metadata(), rs.getTimestamp(3).toInstant());
                }
            }
            c.releaseSavepoint(savepoint);
            return List.of(stored);
        } catch (SQLException e) {
            c.rollback(savepoint);
            throw translated(e, streamId, expectedVersion);
        }
    }

    /** A conflict or a duplicate id as the store's own exceptions; bad JSON as an argument error; the rest as it is. */
    private static SQLException translated(SQLException e, String streamId, long expectedVersion) {
        if ("23505".equals(e.getSQLState())) {
            String msg = String.valueOf(e.getMessage());
            if (msg.contains("event_log_stream_version_uk")) {
                throw new WrongExpectedVersionException(streamId, expectedVersion, e);
            }
            if (msg.contains("event_log_event_id_uk")) {
                throw new DuplicateEventException(streamId, e);
            }
        }
        if ("22P02".equals(e.getSQLState()) || "22032".equals(e.getSQLState())) {
            throw new IllegalArgumentException("event payload or metadata is not valid JSON for stream '" + streamId + "': "
                    + e.getMessage(), e);
        }
        return e;
    }

    /** The last event of a stream: its version (0 when the stream is empty) and id (null then). */
    public record StreamHead(long version, UUID lastEventId) {
        public static final StreamHead EMPTY = new StreamHead(0, null);
    }

    /** The stream's head as this transaction sees it: one index lookup, so a cached fold can check it is current. */
    public StreamHead head(Connection c, String streamId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT stream_version, event_id FROM event_log WHERE stream_id = ? ORDER BY stream_version DESC LIMIT 1")) {
            ps.setString(1, streamId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new StreamHead(rs.getLong(1), rs.getObject(2, UUID.class)) : StreamHead.EMPTY;
            }
        }
    }

    /**
     * Appends events at versions {@code expectedVersion + 1, + 2, ...} without first reading the stream's version and
     * without reading anything back: for a caller that holds the stream's writer lock ({@link #lockWriter}) and has
     * caught up, so it knows the version. The {@code (stream_id, stream_version)} unique key still refuses a wrong one
     * ({@link WrongExpectedVersionException}). Saves the version query and the returned rows on every group of the
     * ticket ledger's writer.
     */
    public void appendLocked(Connection c, String streamId, long expectedVersion, List<NewEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        int n = events.size();
        var savepoint = c.setSavepoint();
        try {
            for (int from = 0; from < n; from += MAX_VALUES_ROWS) {
                int to = Math.min(n, from + MAX_VALUES_ROWS);
                String sql = insertValues(to - from);
                sql = sql.substring(0, sql.indexOf(" RETURNING "));
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    int p = 1;
                    for (int i = from; i < to; i++) {
                        NewEvent e = events.get(i);
                        ps.setObject(p++, e.eventId());
                        ps.setString(p++, streamId);
                        ps.setLong(p++, expectedVersion + i + 1);
                        ps.setString(p++, e.eventType());
                        ps.setInt(p++, e.schemaVersion());
                        ps.setString(p++, e.payload());
                        ps.setString(p++, e.metadata().isEmpty() ? "{}" : Json.write(e.metadata()));
                    }
                    int inserted = ps.executeUpdate();
                    if (inserted != to - from) {
                        throw new SQLException("appended " + inserted + " of " + (to - from) + " events");
                    }
                }
            }
            c.releaseSavepoint(savepoint);
        } catch (SQLException e) {
            c.rollback(savepoint);
            throw translated(e, streamId, expectedVersion);
        }
    }

    /**
     * Serialises the writers of one stream across threads and processes until the transaction ends
     * ({@code pg_advisory_xact_lock} on a key derived from the schema and the stream), for single-writer streams.
     */
    public void lockWriter(Connection c, String streamId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT pg_advisory_xact_lock(hashtextextended(current_schema() || '/' || ?, 0))")) {
            ps.setString(1, streamId);
            ps.execute();
        }
    }

    /**
     * The event at {@code globalPosition}, if the log holds one: a fold of the whole log that resumes at a position
     * (a snapshot of it) checks with this that the log still holds the event it applied last there.
     */
    public Optional<StoredEvent> at(Connection c, long globalPosition) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM event_log WHERE global_position = ?")) {
            ps.setLong(1, globalPosition);
            List<StoredEvent> found = list(ps);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
        }
    }

    /** Events of {@code streamId} with a version above {@code afterVersion}, in version order, at most {@code limit}. */
    public List<StoredEvent> readStreamAfter(Connection c, String streamId, long afterVersion, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + " FROM event_log WHERE stream_id = ? AND stream_version > ? ORDER BY stream_version LIMIT ?")) {
            ps.setString(1, streamId);
            ps.setLong(2, afterVersion);
            ps.setInt(3, limit);
            ps.setFetchSize(Math.min(limit, 1000));
            return list(ps);
        }
    }

    /** Events of {@code streamId} with a version above {@code afterVersion}, in version order. */
    public List<StoredEvent> readStreamAfter(Connection c, String streamId, long afterVersion) throws SQLException {
        return readStreamAfter(c, streamId, afterVersion, Integer.MAX_VALUE);
    }

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9._-]{0,127}");

    /**
     * A lookup of the first event of one type in a stream whose payload has a given integer at {@code payloadKey}
     * (e.g. the selection proof of an epoch). The type and key are declared by the service, checked against a plain
     * name pattern and written into the statement as literals, so a partial index on the type (see the service's
     * migrations) applies to every execution.
     */
    public Lookup lookup(String eventType, String payloadKey) {
        return new Lookup(eventType, payloadKey);
    }

    /** See {@link #lookup}. */
    public final class Lookup {
        private final String sql;

        private Lookup(String eventType, String payloadKey) {
            if (!NAME.matcher(eventType).matches() || !NAME.matcher(payloadKey).matches()) {
                throw new IllegalArgumentException("lookup names must match " + NAME + ": " + eventType + ", " + payloadKey);
            }
            this.sql = "SELECT " + COLUMNS + " FROM event_log WHERE stream_id = ? AND event_type = '" + eventType
                    + "' AND ((payload ->> '" + payloadKey + "')::bigint) = ? ORDER BY stream_version LIMIT 1";
        }

        public Optional<StoredEvent> first(Connection c, String streamId, long value) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, streamId);
                ps.setLong(2, value);
                List<StoredEvent> found = list(ps);
                return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
            }
        }
    }

    public List<StoredEvent> readStream(Connection c, String streamId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM event_log WHERE stream_id = ? ORDER BY stream_version")) {
            ps.setString(1, streamId);
            return list(ps);
        }
    }

    /**
     * Events after {@code after} in log order, at most {@code limit}, and only those whose transaction id is below
     * the oldest transaction still running ({@code pg_snapshot_xmin}): such transactions are finished, so no event
     * can later appear between two events returned here. A transaction that is slow to commit holds readers back
     * rather than being skipped.
     */
    public List<StoredEvent> readAfter(Connection c, LogPosition after, int limit) throws SQLException {
        return readAfter(c, after, limit, Long.MAX_VALUE);
    }

    /**
     * As {@link #readAfter(Connection, LogPosition, int)}, and stops early once the payloads read reach
     * {@code maxPayloadChars} characters in all (the event that reaches it is included, so at least one event is
     * returned when there is one): what is returned is still the first events after {@code after}, only fewer of them.
     * On a connection that is not in auto-commit mode the rows are fetched from a cursor, 1,000 at a time, so a page
     * of large events is bounded in memory by the limit and not by {@code limit} times the largest event.
     */
    public List<StoredEvent> readAfter(Connection c, LogPosition after, int limit, long maxPayloadChars) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(READ_AFTER)) {
            ps.setString(1, Long.toUnsignedString(after.transactionId()));
            ps.setLong(2, after.globalPosition());
            ps.setInt(3, limit);
            ps.setFetchSize(Math.min(limit, 1000));
            List<StoredEvent> out = new ArrayList<>();
            long chars = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (chars < maxPayloadChars && rs.next()) {
                    StoredEvent e = map(rs);
                    chars += e.payload().length();
                    out.add(e);
                }
            }
            return out;
        }
    }

    // ORDER BY names the table's columns: a bare "transaction_id" would be the output column "transaction_id::text",
    // which sorts as text ('1000000' before '999999': a reader checkpointing on the later transaction would then skip
    // the earlier one) and cannot use event_log_tx_position_ix, so every page sorted all the rows after its position (a
    // 100,000-event transaction: 200 relay pages of up to 90 ms each). Package-private for the plan test.
    static final String READ_AFTER = "SELECT " + COLUMNS + """
             FROM event_log
            WHERE (transaction_id, global_position) > (?::text::xid8, ?)
              AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
            ORDER BY event_log.transaction_id, event_log.global_position
            LIMIT ?""";

    /** The event with this id, in any stream (the unique event id index answers it). */
    public Optional<StoredEvent> byId(Connection c, UUID eventId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM event_log WHERE event_id = ?")) {
            ps.setObject(1, eventId);
            List<StoredEvent> found = list(ps);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
        }
    }

    /** Whether an event with this id is in the log, in any stream (the unique event id index answers it). */
    public boolean containsEvent(Connection c, UUID eventId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM event_log WHERE event_id = ?")) {
            ps.setObject(1, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    public long count(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM event_log");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<StoredEvent> list(PreparedStatement ps) throws SQLException {
        List<StoredEvent> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(map(rs));
            }
        }
        return out;
    }

    private static StoredEvent map(ResultSet rs) throws SQLException {
        Map<String, String> metadata;
        try {
            metadata = Json.mapper().readValue(rs.getString(9), STRING_MAP);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SQLException("metadata of event at position " + rs.getLong(1) + " is not a string map", e);
        }
        return new StoredEvent(
                rs.getLong(1),
                Long.parseUnsignedLong(rs.getString(2)),
                rs.getObject(3, UUID.class),
                rs.getString(4),
                rs.getLong(5),
                rs.getString(6),
                rs.getInt(7),
                rs.getString(8),
                metadata,
                rs.getTimestamp(10).toInstant());
    }
}
