package net.nym.tokenomics.ticketledger.application;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import net.nym.tokenomics.eventlog.command.CommandHandler;
import net.nym.tokenomics.eventlog.command.ConcurrencyPolicy;
import net.nym.tokenomics.eventlog.command.Decision;
import net.nym.tokenomics.eventlog.command.FoldedState;
import net.nym.tokenomics.eventlog.command.StreamFold;
import net.nym.tokenomics.eventlog.store.EventStore;
import net.nym.tokenomics.eventlog.store.SnapshotStore;
import net.nym.tokenomics.ticketledger.domain.ledger.LedgerState;
import net.nym.tokenomics.ticketledger.persistence.EpochClock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * This instance's ledger state — the fold of {@link #STREAM}, cached between commands ({@link StreamFold}) — and the
 * {@link CommandHandler} that decides on it under the single-writer policy: every writer, in every instance, takes
 * the stream's advisory lock, catches up, decides, writes and commits before the next one starts, so every decision
 * sees every committed fact (ADR 0008). Optimistic concurrency on the stream version and the {@code redeemed_serial}
 * primary key stay as the database's own guards behind the lock. A 1 s tail keeps reads fresh when another instance
 * writes.
 *
 * <p>Deciders see the fold and the epoch clock, read in the same transaction right after the catch-up under the lock.
 */
@ApplicationScoped
public class LedgerView implements FoldedState<LedgerView.Current> {

    /**
     * The ledger's one stream. All ledger facts share it because they share one state (the double-spend index, usage,
     * closed epochs): its stream version is the total order replay folds in.
     */
    public static final String STREAM = "ticket-ledger";

    private static final Logger LOG = Logger.getLogger(LedgerView.class);

    /** What the ledger's deciders see: the fold at {@code version} and the epoch clock as their transaction read it. */
    public record Current(LedgerState ledger, String lastCloseDigest, long version, OptionalLong epochClock) {
    }

    private final StreamFold<LedgerFold> fold;
    private final EpochClock epochClock;
    private final CommandHandler<Current> commands;
    private volatile OptionalLong clock = OptionalLong.empty();

    /**
     * With a snapshot of the fold every {@code snapshotEvery} events (0: none) in the schema's {@code snapshot} table
     * (docs/adr/0011): a start-up folds only the events after the latest one the log confirms.
     */
    public LedgerView(DataSource dataSource, EpochClock epochClock,
                      @ConfigProperty(name = "eventlog.snapshot.every") long snapshotEvery) {
        EventStore store = new EventStore();
        this.fold = new StreamFold<>(store, STREAM, LedgerFold.EVOLVER)
                .withSnapshots(new SnapshotStore(dataSource), new LedgerFoldCodec(), snapshotEvery);
        this.epochClock = epochClock;
        this.commands = new CommandHandler<>("ticket-ledger", dataSource, store, this, ConcurrencyPolicy.singleWriter());
    }

    /** The ledger's write path (one command at a time in this instance, under the stream's writer lock). */
    public CommandHandler<Current> commands() {
        return commands;
    }

    /** For the handler only (it holds the writer lock): catches the fold up and reads the epoch clock. */
    @Override
    public void catchUp(Connection c) throws SQLException {
        fold.catchUp(c);
        clock = epochClock.current(c);
    }

    @Override
    public long version(String stream) {
        return fold.version(stream);
    }

    @Override
    public Current state() {
        LedgerFold f = fold.state();
        return new Current(f.state(), f.lastCloseDigest(), f.version(), clock);
    }

    @Override
    public void appended(String stream, long expectedVersion, List<Decision.Pending> events) {
        fold.appended(stream, expectedVersion, events);
    }

    @Override
    public void invalidate() {
        fold.invalidate();
    }

    void onStart(@Observes StartupEvent event) {
        long started = System.nanoTime();
        catchUp();
        LOG.infof("ticket ledger: folded %d events (%d serials indexed) in %d ms", version(),
                read(LedgerState::indexedSerials), (System.nanoTime() - started) / 1_000_000);
    }

    /** Applies every committed event this instance has not folded yet, in a transaction of its own. */
    public void catchUp() {
        commands.catchUp(STREAM);
    }

    @Scheduled(every = "${ticket-ledger.tail-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tail() {
        catchUp();
    }

    /** Reads the state under the fold's read lock; the function must not keep references to mutable parts. */
    public <T> T read(Function<LedgerState, T> reader) {
        return fold.read(f -> reader.apply(f.state()));
    }

    /** The epoch clock as the last catch-up read it (the tail runs every second). */
    public OptionalLong epochClock() {
        return clock;
    }

    public long version() {
        return fold.read(LedgerFold::version);
    }

    /** The first close whose published digest differs from the replayed one, or null. */
    public String firstDigestMismatch() {
        return fold.read(LedgerFold::firstDigestMismatch);
    }
}
