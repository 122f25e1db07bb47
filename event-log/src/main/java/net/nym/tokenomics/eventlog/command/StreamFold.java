package net.nym.tokenomics.eventlog.command;

import net.nym.tokenomics.eventlog.store.EventStore;
import net.nym.tokenomics.eventlog.store.StoredEvent;

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

    private final EventStore store;
    private final String stream;
    private final Evolver<S> evolver;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private S state;
    private long version;
    private UUID lastEventId;
    private boolean valid;

    public StreamFold(EventStore store, String stream, Evolver<S> evolver) {
        this.store = Objects.requireNonNull(store);
        this.stream = Objects.requireNonNull(stream);
        this.evolver = Objects.requireNonNull(evolver);
        this.state = evolver.empty();
    }

    public String stream() {
        return stream;
    }

    @Override
    public void catchUp(Connection c) throws SQLException {
        EventStore.StreamHead head = store.head(c, stream);
        if (valid && head.version() == version && Objects.equals(head.lastEventId(), lastEventId)) {
            return;
        }
        boolean incremental = valid && head.version() > version;
        if (incremental && version > 0) {
            // the event applied last must still be the one at its version; then only what follows it is new
            List<StoredEvent> last = store.readStreamAfter(c, stream, version - 1, 1);
            incremental = !last.isEmpty() && last.getFirst().eventId().equals(lastEventId);
        }
        lock.writeLock().lock();
        try {
            if (!incremental) {
                state = evolver.empty();
                version = 0;
                lastEventId = null;
            }
            while (true) {
                List<StoredEvent> page = store.readStreamAfter(c, stream, version, PAGE);
                for (StoredEvent e : page) {
                    evolver.fromLog(state, e);
                    version = e.streamVersion();
                    lastEventId = e.eventId();
                }
                if (page.size() < PAGE) {
                    break;
                }
            }
            valid = true;
        } catch (RuntimeException | SQLException e) {
            valid = false;
            throw e;
        } finally {
            lock.writeLock().unlock();
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

    /** A fresh fold of the whole stream, independent of this one (a rebuild check, an audit). */
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
