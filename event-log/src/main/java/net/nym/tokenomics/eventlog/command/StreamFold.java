package net.nym.tokenomics.eventlog.command;

import net.nym.tokenomics.eventlog.store.EventStore;
import net.nym.tokenomics.eventlog.store.SnapshotStore;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The fold of one stream, kept in memory between commands and checked against the stream's head at each one: if the
 * head is the event this fold applied last, nothing is read; if the stream grew, only the events after it are read
 * (after checking the last applied event is still where it was); otherwise (a write this process applied was rolled
 * back, or the log was replaced) the stream is folded again from the start. Readers use {@link #read}; they see the
 * state after the last applied event, which for a handler working in a caller's transaction may be a moment before
 * that transaction commits.
 *
 * <p>{@link #withSnapshots} makes a fold that starts from a snapshot when it folds from scratch (start-up, after an
 * invalidation) and takes one every so many events (docs/adr/0011). A snapshot is used only if the log still holds its
 * last event at its version and its bytes, and the decoded state encoded again, give its digest; otherwise the fold
 * logs why at WARN and folds the whole stream. {@link #foldWhole} never uses snapshots.
 *
 * @param <S> the mutable state the evolver applies events to
 */
public final class StreamFold<S> implements FoldedState<S> {

    /** How events change the state. Both methods are total: they never refuse an event the log holds. */
    public interface Evolver<S> {
        /** A new, empty state (the fold of an empty stream). */
        S empty();

        /** Applies an event read from the log (decode it here). */
        void fromLog(S state, StoredEvent event);

        /** Applies an event this process appended at {@code version}; its decoded value is there unless it was null. */
        void appended(S state, long version, Decision.Pending event);
    }

    private static final int PAGE = 5_000;
    private static final Logger LOG = Logger.getLogger(StreamFold.class);

    private final EventStore store;
    private final String stream;
    private final Evolver<S> evolver;
    private final Snapshots<S> snapshots;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private S state;
    private long version;
    private UUID lastEventId;
    private boolean valid;
    /** The version of the snapshot loaded or taken last (or attempted: a failed write is not retried at once). */
    private long snapshotVersion;

    public StreamFold(EventStore store, String stream, Evolver<S> evolver) {
        this(store, stream, evolver, null);
    }

    private StreamFold(EventStore store, String stream, Evolver<S> evolver, Snapshots<S> snapshots) {
        this.store = Objects.requireNonNull(store);
        this.stream = Objects.requireNonNull(stream);
        this.evolver = Objects.requireNonNull(evolver);
        this.snapshots = snapshots;
        this.state = evolver.empty();
    }

    /**
     * A fold of the same stream (not yet caught up) that loads its starting state from {@code snapshotStore} and saves
     * one, in {@code codec}'s format, whenever it has advanced {@code every} events past the last one; {@code every}
     * 0 gives a fold without snapshots.
     */
    public StreamFold<S> withSnapshots(SnapshotStore snapshotStore, SnapshotCodec<S> codec, long every) {
        return new StreamFold<>(store, stream, evolver, Snapshots.every(snapshotStore, codec, every).orElse(null));
    }

    public String stream() {
        return stream;
    }

    @Override
    public void catchUp(Connection c) throws SQLException {
        EventStore.StreamHead head = store.head(c, stream);
        if (valid && head.version() == version && Objects.equals(head.lastEventId(), lastEventId)) {
            maybeSnapshot();
            return;
        }
        refold(c, head);
        maybeSnapshot();
    }

    private void refold(Connection c, EventStore.StreamHead head) throws SQLException {
        boolean incremental = valid && head.version() > version;
        if (incremental && version > 0) {
            // the event applied last must still be the one at its version; then only what follows it is new
            incremental = holds(c, version, lastEventId);
        }
        lock.writeLock().lock();
        try {
            long started = System.nanoTime();
            long from = 0;
            if (!incremental) {
                state = evolver.empty();
                version = 0;
                lastEventId = null;
                snapshotVersion = 0;
                from = loadSnapshot(c, head.version());
            }
            long folded = 0;
            while (true) {
                List<StoredEvent> page = store.readStreamAfter(c, stream, version, PAGE);
                for (StoredEvent e : page) {
                    evolver.fromLog(state, e);
                    version = e.streamVersion();
                    lastEventId = e.eventId();
                }
                folded += page.size();
                if (page.size() < PAGE) {
                    break;
                }
            }
            valid = true;
            if (!incremental && snapshots != null) {
                long ms = (System.nanoTime() - started) / 1_000_000;
                if (from > 0) {
                    LOG.infof("stream %s: snapshot at v%d + %d events folded in %d ms", stream, from, folded, ms);
                } else {
                    LOG.infof("stream %s: full fold of %d events in %d ms", stream, folded, ms);
                }
            }
        } catch (RuntimeException | SQLException e) {
            valid = false;
            throw e;
        } finally {
            lock.writeLock().unlock();
        }
    }

    private boolean holds(Connection c, long atVersion, UUID eventId) throws SQLException {
        List<StoredEvent> at = store.readStreamAfter(c, stream, atVersion - 1, 1);
        return !at.isEmpty() && at.getFirst().streamVersion() == atVersion && at.getFirst().eventId().equals(eventId);
    }

    /**
     * Under the write lock, on an empty state: loads the latest usable snapshot at or below {@code head} and returns
     * its version, or 0 (nothing loaded, a WARN says why when there was a snapshot).
     */
    private long loadSnapshot(Connection c, long head) throws SQLException {
        if (snapshots == null || head == 0) {
            return 0;
        }
        switch (snapshots.load(stream, head, (v, id) -> holds(c, v, id))) {
            case Snapshots.None<S> none -> {
                return 0;
            }
            case Snapshots.Unreadable<S> u -> {
                LOG.warnf(u.cause(), "stream %s: snapshots at or below v%d cannot be read; folding the whole stream",
                        stream, head);
                return 0;
            }
            case Snapshots.Refused<S> r -> {
                LOG.warnf("stream %s: snapshot at v%d (%s) ignored: %s; folding the whole stream", stream,
                        r.snapshot().streamVersion(), r.snapshot().format(), r.reason());
                return 0;
            }
            case Snapshots.Loaded<S> l -> {
                state = l.state();
                version = l.snapshot().streamVersion();
                lastEventId = l.snapshot().lastEventId();
                snapshotVersion = version;
                return version;
            }
        }
    }

    /**
     * Saves a snapshot of the current state if it is {@code every} events past the last one. The caller has read the
     * head in its transaction, so this is the state of the log that transaction sees. The snapshot is written in its
     * own transaction; a failure is a WARN and is retried only {@code every} events later.
     */
    private void maybeSnapshot() {
        if (snapshots == null || version == 0 || version - snapshotVersion < snapshots.every()) {
            return;
        }
        snapshotVersion = version;
        // the read lock: queries go on meanwhile, and only the handler's thread (here) changes the state
        lock.readLock().lock();
        try {
            long started = System.nanoTime();
            int bytes = snapshots.save(stream, version, lastEventId, state);
            LOG.debugf("stream %s: snapshot at v%d, %d bytes, encoded and saved in %d ms", stream, version, bytes,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.warnf(e, "stream %s: snapshot at v%d not saved", stream, version);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public long version(String stream) {
        if (!this.stream.equals(stream)) {
            throw new IllegalArgumentException("this fold is of stream '" + this.stream + "', not '" + stream + "'");
        }
        return version;
    }

    @Override
    public S state() {
        return state;
    }

    @Override
    public void appended(String stream, long expectedVersion, List<Decision.Pending> events) {
        lock.writeLock().lock();
        try {
            if (!valid || expectedVersion != version) {
                valid = false;
                return;
            }
            long v = expectedVersion;
            for (Decision.Pending p : events) {
                evolver.appended(state, ++v, p);
                lastEventId = p.event().eventId();
            }
            version = v;
        } catch (RuntimeException e) {
            valid = false;
            throw e;
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public void invalidate() {
        lock.writeLock().lock();
        try {
            valid = false;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** A query against the state after the last applied event, under the fold's read lock. */
    public <T> T read(Function<S, T> query) {
        lock.readLock().lock();
        try {
            return query.apply(state);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The version of the last event applied (0 before any). */
    public long version() {
        return version;
    }

    /** A fresh fold of the whole stream from its first event, independent of this one (a rebuild check, an audit). */
    public static <S> S foldWhole(EventStore store, Connection c, String stream, Evolver<S> evolver) throws SQLException {
        StreamFold<S> f = new StreamFold<>(store, stream, evolver);
        f.catchUp(c);
        return f.state;
    }

    /** For {@link Evolver}s that never see appended events undecoded. */
    public static <S> Evolver<S> evolver(Supplier<S> empty, java.util.function.BiConsumer<S, StoredEvent> fromLog,
                                         AppendedEvolver<S> appended) {
        return new Evolver<>() {
            @Override
            public S empty() {
                return empty.get();
            }

            @Override
            public void fromLog(S state, StoredEvent event) {
                fromLog.accept(state, event);
            }

            @Override
            public void appended(S state, long version, Decision.Pending event) {
                appended.apply(state, version, event);
            }
        };
    }

    @FunctionalInterface
    public interface AppendedEvolver<S> {
        void apply(S state, long version, Decision.Pending event);
    }
}
