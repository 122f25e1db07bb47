package net.nym.tokenomics.performance.application;

import net.nym.tokenomics.eventlog.store.EventStore;
import net.nym.tokenomics.eventlog.store.LogPosition;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.eventlog.store.Transactions;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Keeps a {@link PerformanceState} equal to the fold of the committed log: folds the whole log at start-up, then
 * tails it (and is nudged by each command). It reads with {@link EventStore#readAfter}, below the transaction
 * high-water mark, so it never skips an event that commits late; the state is always the fold of a log prefix.
 */
public final class LogFollower implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LogFollower.class);
    private static final int PAGE = 2000;

    private final DataSource dataSource;
    private final PerformanceState state;
    private final EventStore store = new EventStore();
    private volatile boolean running;
    private Thread thread;

    public LogFollower(DataSource dataSource, PerformanceState state) {
        this.dataSource = dataSource;
        this.state = state;
    }

    public PerformanceState state() {
        return state;
    }

    /** Folds everything committed so far. */
    public synchronized int catchUp() {
        return Transactions.inTransaction(dataSource, this::catchUp);
    }

    /** Folds everything committed so far that {@code c} sees (a command's own transaction). */
    public synchronized int catchUp(Connection c) throws SQLException {
        int applied = 0;
        while (true) {
            List<StoredEvent> page = store.readAfter(c, state.position(), PAGE);
            for (StoredEvent e : page) {
                state.apply(e);
            }
            applied += page.size();
            if (page.size() < PAGE) {
                return applied;
            }
        }
    }

    /** Waits (bounded) until the state has applied {@code stream} up to {@code version}; false on timeout. */
    public boolean awaitApplied(String stream, long version, Duration timeout) {
        return await(() -> state.streamVersion(stream) >= version, timeout);
    }

    private boolean await(BooleanSupplier applied, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!applied.getAsBoolean()) {
            catchUp();
            if (applied.getAsBoolean()) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    public void start(Duration pollInterval) {
        running = true;
        thread = Thread.ofPlatform().name("performance-log-follower").daemon(true).start(() -> {
            while (running) {
                try {
                    catchUp();
                    Thread.sleep(pollInterval.toMillis());
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    LOG.errorf(e, "log follower: folding the log failed at %s; retrying", state.position());
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException ie) {
                        return;
                    }
                }
            }
        });
    }

    @Override
    public void close() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }
}
