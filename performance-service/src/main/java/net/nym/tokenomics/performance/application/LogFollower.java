package net.nym.tokenomics.performance.application;

import net.nym.tokenomics.eventlog.command.Snapshots;
import net.nym.tokenomics.eventlog.store.EventStore;
import net.nym.tokenomics.eventlog.store.SnapshotStore;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.eventlog.store.Transactions;
import net.nym.tokenomics.performance.persistence.PerformanceEvents;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Keeps a {@link PerformanceState} equal to the fold of the committed log: folds the whole log at start-up, then
 * tails it (and is nudged by each command). It reads with {@link EventStore#readAfter}, below the transaction
 * high-water mark, so it never skips an event that commits late; the state is always the fold of a log prefix.
 *
 * <p>With snapshots (docs/adr/0011) there is one for the whole fold, under the name {@link #SNAPSHOTS}, keyed by the
 * global position of the last event folded: {@link #startUp} loads the latest one the log confirms (event-log's
 * {@link Snapshots#load}: the log holds that event at that position, the digest matches, the state decodes and encodes
 * to it again), folds the retained epochs' results again from their streams, and then only the events after it; any
 * failure is a WARN and the whole log is folded. {@link #catchUp()} takes a snapshot whenever the fold is
 * {@code every} events past the last one, in a transaction of its own (a failure is a WARN).
 */
public final class LogFollower implements AutoCloseable {

    /** The snapshot table's key for this fold: not a stream of the log, it spans all of them. */
    public static final String SNAPSHOTS = "performance-state";

    private static final Logger LOG = Logger.getLogger(LogFollower.class);
    private static final int PAGE = 2000;

    private final DataSource dataSource;
    private final Snapshots<PerformanceState> snapshots;
    private final EventStore store = new EventStore();
    /** Replaced only by {@link #startUp}, when a snapshot is loaded. */
    private volatile PerformanceState state;
    /** The event count of the snapshot loaded or taken (or attempted) last. */
    private long snapshotEvents;
    private volatile boolean running;
    private Thread thread;

    public LogFollower(DataSource dataSource, PerformanceState state) {
        this(dataSource, state, Optional.empty());
    }

    /** Folds into {@code empty} (an empty state), or into a snapshot's state found with {@code snapshots}. */
    public LogFollower(DataSource dataSource, PerformanceState empty, Optional<Snapshots<PerformanceState>> snapshots) {
        this.dataSource = dataSource;
        this.state = empty;
        this.snapshots = snapshots.orElse(null);
    }

    /**
     * Snapshots of this service's state in the {@code snapshot} table of {@code dataSource} every {@code every} events
     * (0: none), for states with {@code empty}'s retention settings.
     */
    public static Optional<Snapshots<PerformanceState>> snapshots(DataSource dataSource, PerformanceState empty, long every) {
        return Snapshots.every(new SnapshotStore(dataSource), new PerformanceStateCodec(empty.retention,
                empty.submissions().retention(), empty.retainedEpochs), every);
    }

    public PerformanceState state() {
        return state;
    }

    /**
     * The start-up fold: from the latest snapshot the log confirms, or from the first event; logs how it went (INFO)
     * and takes a snapshot if one is due.
     */
    public synchronized void startUp() {
        long started = System.nanoTime();
        long from = Transactions.inTransaction(dataSource, this::loadSnapshot);
        long loaded = state.appliedEvents();
        int folded = Transactions.inTransaction(dataSource, this::catchUp);
        long ms = (System.nanoTime() - started) / 1_000_000;
        if (from > 0) {
            LOG.infof("performance state: snapshot at position %d (%d events) + %d events folded in %d ms", from, loaded,
                    folded, ms);
        } else {
            LOG.infof("performance state: full fold of %d events in %d ms (position %s)", folded, ms, state.position());
        }
        maybeSnapshot();
    }

    /**
     * Before the first fold: the latest usable snapshot becomes the state, with its retained epochs folded again.
     * Returns its position, or 0 (none loaded; a WARN says why when there was one).
     */
    private long loadSnapshot(Connection c) throws SQLException {
        if (snapshots == null || state.appliedEvents() > 0) {
            return 0;
        }
        StoredEvent[] confirmed = new StoredEvent[1];
        switch (snapshots.load(SNAPSHOTS, Long.MAX_VALUE, (position, eventId) -> {
            confirmed[0] = store.at(c, position).filter(e -> e.eventId().equals(eventId)).orElse(null);
            return confirmed[0] != null;
        })) {
            case Snapshots.None<PerformanceState> none -> {
                return 0;
            }
            case Snapshots.Unreadable<PerformanceState> u -> {
                LOG.warnf(u.cause(), "performance state: snapshots cannot be read; folding the whole log");
                return 0;
            }
            case Snapshots.Refused<PerformanceState> r -> {
                LOG.warnf("performance state: snapshot at position %d (%s) ignored: %s; folding the whole log",
                        r.snapshot().streamVersion(), r.snapshot().format(), r.reason());
                return 0;
            }
            case Snapshots.Loaded<PerformanceState> l -> {
                PerformanceState loaded = l.state();
                loaded.resumeAfter(confirmed[0]);
                for (long epoch : loaded.retainedEpochIds()) {
                    for (StoredEvent e : store.readStream(c, PerformanceEvents.epochStream(epoch))) {
                        if (!e.position().isAfter(loaded.position())) {
                            loaded.refoldEpochResult(e);
                        }
                    }
                }
                state = loaded;
                snapshotEvents = loaded.appliedEvents();
                return l.snapshot().streamVersion();
            }
        }
    }

    /** Folds everything committed so far, then takes a snapshot if one is due. */
    public synchronized int catchUp() {
        int folded = Transactions.inTransaction(dataSource, this::catchUp);
        maybeSnapshot();
        return folded;
    }

    /**
     * Saves a snapshot when the fold is {@code every} events past the last one and holds no epoch result in part (its
     * other parts are in the same transaction: the next catch-up has them). Under this follower's lock, so the state
     * does not change meanwhile (commands' catch-ups wait); queries wait only while the codec copies the state out.
     */
    private void maybeSnapshot() {
        long events = state.appliedEvents();
        if (snapshots == null || events == 0 || events - snapshotEvents < snapshots.every() || state.assemblingEpoch()) {
            return;
        }
        snapshotEvents = events;
        long position = state.position().globalPosition();
        try {
            long started = System.nanoTime();
            int bytes = snapshots.save(SNAPSHOTS, position, state.lastEventId(), state);
            LOG.debugf("performance state: snapshot at position %d (%d events), %d bytes, in %d ms", position, events,
                    bytes, (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.warnf(e, "performance state: snapshot at position %d (%d events) not saved", position, events);
        }
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
