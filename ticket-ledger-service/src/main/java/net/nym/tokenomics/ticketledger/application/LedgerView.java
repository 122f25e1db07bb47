package net.nym.tokenomics.ticketledger.application;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import net.nym.tokenomics.eventlog.contracts.IntegrationEvents;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.eventlog.store.Transactions;
import net.nym.tokenomics.ticketledger.domain.ledger.LedgerEvent;
import net.nym.tokenomics.ticketledger.domain.ledger.LedgerState;
import net.nym.tokenomics.ticketledger.domain.ledger.TicketLedger;
import net.nym.tokenomics.ticketledger.persistence.LedgerEventCodec;
import net.nym.tokenomics.ticketledger.persistence.LedgerLog;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * This instance's in-memory ledger state: the fold of the ledger stream up to {@link #version()}. It only ever moves
 * forward by applying committed events in stream-version order, so it equals a fresh fold of the same prefix.
 * Writers catch it up inside their transaction (under the writer lock, see {@link LedgerLog}); a 1 s tail keeps it
 * fresh for reads when another instance writes.
 *
 * <p>While folding it recomputes each close's digest chain and checks it against the {@code EpochUsageClosed} record
 * published with it: a rebuild reports the first mismatch.
 */
@ApplicationScoped
public class LedgerView {

    private static final Logger LOG = Logger.getLogger(LedgerView.class);
    private static final int PAGE = 500;

    /** A fold of the stream: the state, the close-digest chain and how far it got. */
    private static final class Fold {
        final LedgerState state = LedgerState.empty();
        final TreeMap<Long, String> closeDigests = new TreeMap<>();
        String lastCloseDigest = CloseDigests.GENESIS;
        long version;
        String firstDigestMismatch;

        int catchUp(LedgerLog log, Connection c) throws SQLException {
            int applied = 0;
            while (true) {
                List<StoredEvent> page = log.readAfter(c, version, PAGE);
                for (StoredEvent e : page) {
                    if (e.streamVersion() != version + 1) {
                        throw new IllegalStateException("ledger stream gap: at version " + version + ", got " + e.describe());
                    }
                    apply(e.streamVersion(), LedgerEventCodec.decode(e), e);
                }
                applied += page.size();
                if (page.size() < PAGE) {
                    return applied;
                }
            }
        }

        void apply(long streamVersion, Object event, StoredEvent stored) {
            switch (event) {
                case LedgerEvent.EpochUsageClosed closed -> {
                    TicketLedger.evolve(state, closed);
                    lastCloseDigest = CloseDigests.next(lastCloseDigest, closed, state.indexedSerials());
                    closeDigests.put(closed.epoch(), lastCloseDigest);
                }
                case LedgerEvent e -> TicketLedger.evolve(state, e);
                case IntegrationEvents.EpochUsageClosed published -> {
                    String expected = closeDigests.get(published.epochId());
                    if (!published.stateDigest().equals(expected) && firstDigestMismatch == null) {
                        firstDigestMismatch = "epoch " + published.epochId() + ": published " + published.stateDigest()
                                + ", replay gives " + expected + " ("
                                + (stored == null ? "version " + streamVersion : stored.describe()) + ")";
                        LOG.errorf("ticket ledger replay: state digest mismatch at %s", firstDigestMismatch);
                    }
                }
                default -> {
                    // Other integration records are never appended to this stream; decoding already refused unknown types.
                }
            }
            version = streamVersion;
        }
    }

    private final DataSource dataSource;
    private final LedgerLog log;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private Fold fold = new Fold();

    public LedgerView(DataSource dataSource, LedgerLog log) {
        this.dataSource = dataSource;
        this.log = log;
    }

    /** Applies every committed event after {@link #version()}; returns how many. */
    public int catchUp(Connection c) throws SQLException {
        lock.writeLock().lock();
        try {
            return fold.catchUp(log, c);
        } finally {
            lock.writeLock().unlock();
        }
    }

    void onStart(@Observes StartupEvent event) {
        long started = System.nanoTime();
        catchUp();
        LOG.infof("ticket ledger: folded %d events (%d serials indexed) in %d ms", version(),
                read(LedgerState::indexedSerials), (System.nanoTime() - started) / 1_000_000);
    }

    public void catchUp() {
        Transactions.inTransaction(dataSource, this::catchUp);
    }

    @Scheduled(every = "${ticket-ledger.tail-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tail() {
        catchUp();
    }

    /**
     * Replaces this view by a fresh fold of the whole stream (read on {@code c}), and returns the new version. The
     * caller holds the writer lock, so the fold ends where the log ends. The old fold serves reads until the new one
     * is complete.
     */
    public long refold(Connection c) throws SQLException {
        Fold fresh = new Fold();
        fresh.catchUp(log, c);
        lock.writeLock().lock();
        try {
            fold = fresh;
            return fresh.version;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * After a writer's commit: applies its events directly when nothing else was applied since it caught up (the
     * common case), else catches up from the database.
     */
    public void committed(long expectedVersion, List<StoredEvent> stored) {
        lock.writeLock().lock();
        try {
            if (fold.version == expectedVersion) {
                for (StoredEvent e : stored) {
                    fold.apply(e.streamVersion(), LedgerEventCodec.decode(e), e);
                }
                return;
            }
        } finally {
            lock.writeLock().unlock();
        }
        catchUp();
    }

    /**
     * After a writer's commit of domain events that it appended at versions {@code expectedVersion + 1, + 2, ...}:
     * evolves them as they are, without reading or decoding them back (the codec round-trips them exactly, which
     * {@code LedgerEventCodecTest} and the replay tests check), unless something else was applied since the writer
     * caught up, in which case it catches up from the database.
     */
    public void committedEvents(long expectedVersion, List<? extends LedgerEvent> events) {
        lock.writeLock().lock();
        try {
            if (fold.version == expectedVersion) {
                for (LedgerEvent e : events) {
                    fold.apply(fold.version + 1, e, null);
                }
                return;
            }
        } finally {
            lock.writeLock().unlock();
        }
        catchUp();
    }

    /** Reads the state under the read lock; the function must not keep references to mutable parts. */
    public <T> T read(Function<LedgerState, T> reader) {
        lock.readLock().lock();
        try {
            return reader.apply(fold.state);
        } finally {
            lock.readLock().unlock();
        }
    }

    public long version() {
        lock.readLock().lock();
        try {
            return fold.version;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The digest chain after the last close folded so far. */
    public String lastCloseDigest() {
        lock.readLock().lock();
        try {
            return fold.lastCloseDigest;
        } finally {
            lock.readLock().unlock();
        }
    }

    public Map<Long, String> closeDigests() {
        lock.readLock().lock();
        try {
            return Map.copyOf(fold.closeDigests);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The first close whose published digest differs from the replayed one, or null. */
    public String firstDigestMismatch() {
        lock.readLock().lock();
        try {
            return fold.firstDigestMismatch;
        } finally {
            lock.readLock().unlock();
        }
    }
}
