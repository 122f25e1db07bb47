package net.nym.tokenomics.eventlog.projection;

import net.nym.tokenomics.eventlog.store.EventStore;
import net.nym.tokenomics.eventlog.store.LogPosition;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.eventlog.store.Transactions;

import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Keeps projections up to date with the log. Each batch of events and the projection's checkpoint are written in one
 * transaction, and the checkpoint row is locked while it runs, so concurrent runners (threads or replicas) never apply
 * an event twice. A batch that fails (e.g. an event that cannot be decoded) rolls back whole: nothing is half-applied,
 * and the error names the event.
 */
public final class ProjectionRunner {

    private static final Logger LOG = Logger.getLogger(ProjectionRunner.class);
    private static final int BATCH = 1000;
    private static final java.time.Duration REBUILD_WAIT = java.time.Duration.ofSeconds(30);

    private final DataSource dataSource;
    private final EventStore store = new EventStore();

    public ProjectionRunner(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Applies every committed event the projection has not seen yet. Returns the number applied. */
    public long catchUp(Projection projection) {
        long total = 0;
        while (true) {
            int n = Transactions.inTransaction(dataSource, c -> applyBatch(c, projection, lockCheckpoint(c, projection)));
            total += n;
            if (n < BATCH) {
                return total;
            }
        }
    }

    /**
     * Drops the projection's rows and replays the whole log into it, in one transaction: readers see the old read model
     * until the rebuilt one commits. It reads at least as many events as were committed when it began: {@code readAfter}
     * holds back events above {@code pg_snapshot_xmin}, and rows reset here whose events a transaction still running
     * holds back must not be left out; it waits for them (up to {@link #REBUILD_WAIT}, then fails and rolls back).
     *
     * <p>For a projection whose rows are written in their events' own transactions (not through {@link #catchUp}), the
     * checkpoint this leaves only records how far the rebuild read.
     */
    public long rebuild(Projection projection) {
        long total = Transactions.inTransaction(dataSource, c -> {
            lockCheckpoint(c, projection);
            long committed = store.count(c);
            projection.reset(c);
            saveCheckpoint(c, projection, LogPosition.START);
            long n = 0;
            long deadline = System.nanoTime() + REBUILD_WAIT.toNanos();
            int batch;
            do {
                batch = applyBatch(c, projection, readCheckpoint(c, projection));
                n += batch;
                if (batch == 0 && n < committed) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("projection " + projection.name() + ": read " + n + " of the "
                                + committed + " events committed when the rebuild began within " + REBUILD_WAIT
                                + "; a long-open transaction holds the rest back; nothing was changed");
                    }
                    pause();
                }
            } while (batch == BATCH || n < committed);
            return n;
        });
        LOG.infof("projection %s rebuilt from %d events", projection.name(), total);
        return total;
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the log's high-water mark", e);
        }
    }

    public LogPosition checkpoint(Projection projection) {
        return Transactions.inTransaction(dataSource, c -> readCheckpoint(c, projection));
    }

    private int applyBatch(Connection c, Projection projection, LogPosition from) throws SQLException {
        List<StoredEvent> events = store.readAfter(c, from, BATCH);
        for (StoredEvent e : events) {
            projection.apply(c, e);
        }
        if (!events.isEmpty()) {
            saveCheckpoint(c, projection, events.getLast().position());
        }
        return events.size();
    }

    private static LogPosition lockCheckpoint(Connection c, Projection p) throws SQLException {
        try (PreparedStatement ins = c.prepareStatement("""
                INSERT INTO projection_checkpoint (projection, transaction_id, global_position) VALUES (?, '0'::xid8, 0)
                ON CONFLICT DO NOTHING""")) {
            ins.setString(1, p.name());
            ins.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT transaction_id::text, global_position FROM projection_checkpoint WHERE projection = ? FOR UPDATE")) {
            ps.setString(1, p.name());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new LogPosition(Long.parseUnsignedLong(rs.getString(1)), rs.getLong(2));
            }
        }
    }

    private static LogPosition readCheckpoint(Connection c, Projection p) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT transaction_id::text, global_position FROM projection_checkpoint WHERE projection = ?")) {
            ps.setString(1, p.name());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new LogPosition(Long.parseUnsignedLong(rs.getString(1)), rs.getLong(2)) : LogPosition.START;
            }
        }
    }

    private static void saveCheckpoint(Connection c, Projection p, LogPosition pos) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO projection_checkpoint (projection, transaction_id, global_position, updated_at)
                VALUES (?, ?::text::xid8, ?, now())
                ON CONFLICT (projection) DO UPDATE SET transaction_id = excluded.transaction_id,
                    global_position = excluded.global_position, updated_at = excluded.updated_at""")) {
            ps.setString(1, p.name());
            ps.setString(2, Long.toUnsignedString(pos.transactionId()));
            ps.setLong(3, pos.globalPosition());
            ps.executeUpdate();
        }
    }
}
