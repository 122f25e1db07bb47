package net.nym.tokenomics.eventlog.store;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Snapshots of folds (table {@code snapshot}, migration V3): the only reader and writer of that table. Snapshots are
 * not part of the log: they are disposable caches, never published, and a reader must check one against the log
 * before trusting it (see {@code StreamFold.withSnapshots}). {@link #save} writes in a transaction of its own, never
 * in a command's, and keeps only the latest {@link #keep} snapshots of a stream and format.
 */
public final class SnapshotStore {

    /** One stored snapshot: the encoded state after the event {@code lastEventId} at {@code streamVersion}. */
    public record Snapshot(String stream, long streamVersion, UUID lastEventId, String format, String digest,
                           byte[] state) {
    }

    private final DataSource dataSource;
    private final int keep;

    /** Writes through {@code dataSource}; keeps the latest {@code keep} (at least 1) snapshots per stream and format. */
    public SnapshotStore(DataSource dataSource, int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("keep must be at least 1, not " + keep);
        }
        this.dataSource = Objects.requireNonNull(dataSource);
        this.keep = keep;
    }

    public SnapshotStore(DataSource dataSource) {
        this(dataSource, 3);
    }

    public int keep() {
        return keep;
    }

    /** The latest snapshot of {@code stream} in {@code format} at a version of at most {@code maxVersion}, if any. */
    public Optional<Snapshot> latest(String stream, String format, long maxVersion) {
        return Transactions.inTransaction(dataSource, c -> latest(c, stream, format, maxVersion));
    }

    private static Optional<Snapshot> latest(Connection c, String stream, String format, long maxVersion)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT stream_version, last_event_id, digest, state FROM snapshot"
                + " WHERE stream = ? AND format = ? AND stream_version <= ? ORDER BY stream_version DESC LIMIT 1")) {
            ps.setString(1, stream);
            ps.setString(2, format);
            ps.setLong(3, maxVersion);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new Snapshot(stream, rs.getLong(1), rs.getObject(2, UUID.class), format,
                                rs.getString(3), rs.getBytes(4)))
                        : Optional.empty();
            }
        }
    }

    /**
     * Stores a snapshot in a transaction of its own and deletes all but the latest {@link #keep} of its stream and
     * format in the same transaction. One already stored at that version is replaced: it is either the same state (another
     * process took it) or a snapshot the log refutes (of a rolled-back write, of a replaced log).
     */
    public void save(Snapshot s) {
        Transactions.inTransaction(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO snapshot"
                    + " (stream, stream_version, last_event_id, format, digest, state) VALUES (?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (stream, format, stream_version) DO UPDATE SET last_event_id = excluded.last_event_id,"
                    + " digest = excluded.digest, state = excluded.state, taken_at = now()")) {
                ps.setString(1, s.stream());
                ps.setLong(2, s.streamVersion());
                ps.setObject(3, s.lastEventId());
                ps.setString(4, s.format());
                ps.setString(5, s.digest());
                ps.setBytes(6, s.state());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM snapshot WHERE stream = ? AND format = ?"
                    + " AND stream_version < (SELECT min(v) FROM (SELECT stream_version AS v FROM snapshot"
                    + " WHERE stream = ? AND format = ? ORDER BY stream_version DESC LIMIT ?) latest)")) {
                ps.setString(1, s.stream());
                ps.setString(2, s.format());
                ps.setString(3, s.stream());
                ps.setString(4, s.format());
                ps.setInt(5, keep);
                ps.executeUpdate();
            }
            return null;
        });
    }
}
