package net.nym.tokenomics.performance.application;

import net.nym.tokenomics.eventlog.command.Decision;
import net.nym.tokenomics.eventlog.command.FoldedState;
import net.nym.tokenomics.eventlog.store.EventStore;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@link FoldedState} of performance's command handlers: the one {@link PerformanceState}, which spans every stream
 * of the log and is kept by the {@link LogFollower} alone. A handler never evolves the state itself; instead, after an
 * append, the follower is made to fold the appended events from the log, so the state stays the fold of a committed
 * log prefix and nothing ever has to be forgotten ({@link #invalidate} has nothing to do).
 *
 * <p>Two ways to wait for the follower after an append:
 * <ul>
 *   <li>{@link #readYourWrites}: for commands in their own transaction (REST, prober). The handler calls
 *       {@link #appended} after the commit, and it returns once the state holds the events, so the caller reads its own
 *       write.</li>
 *   <li>{@link #inCallersTransaction}: for a consumer's handlers, deciding inside the consumer's transaction. There
 *       {@link #appended} runs before the commit, so waiting would wait for itself: the stream's new version is noted and
 *       the next command's {@link #catchUp} waits for it if it committed (the stream's head shows it) and forgets it if
 *       the transaction rolled back. Use one fold per consumer: the consumer's previous transaction committed before
 *       the current one began, so its events are below the high-water mark; another consumer's might not be.</li>
 * </ul>
 */
public final class PerformanceFold implements FoldedState<PerformanceState> {

    private static final Logger LOG = Logger.getLogger(PerformanceFold.class);
    private static final Duration APPLIED_WITHIN = Duration.ofSeconds(10);

    private final EventStore store;
    private final LogFollower follower;
    private final boolean awaitOnAppend;
    /** Stream → the version this fold appended up to and the follower has not been seen to apply yet. */
    private final Map<String, Long> pending = new TreeMap<>();

    private PerformanceFold(EventStore store, LogFollower follower, boolean awaitOnAppend) {
        this.store = store;
        this.follower = follower;
        this.awaitOnAppend = awaitOnAppend;
    }

    public static PerformanceFold readYourWrites(EventStore store, LogFollower follower) {
        return new PerformanceFold(store, follower, true);
    }

    public static PerformanceFold inCallersTransaction(EventStore store, LogFollower follower) {
        return new PerformanceFold(store, follower, false);
    }

    @Override
    public void catchUp(Connection c) throws SQLException {
        for (var it = pending.entrySet().iterator(); it.hasNext(); ) {
            var p = it.next();
            if (store.head(c, p.getKey()).version() >= p.getValue()) {
                await(p.getKey(), p.getValue());
            }
            it.remove();
        }
        follower.catchUp(c);
    }

    @Override
    public long version(String stream) {
        return follower.state().streamVersion(stream);
    }

    @Override
    public PerformanceState state() {
        return follower.state();
    }

    @Override
    public void appended(String stream, long expectedVersion, List<Decision.Pending> events) {
        long version = expectedVersion + events.size();
        if (awaitOnAppend) {
            await(stream, version);
        } else {
            pending.put(stream, version);
        }
    }

    /** Nothing to forget: the state only ever holds committed events, folded by the follower from the log. */
    @Override
    public void invalidate() {
    }

    private void await(String stream, long version) {
        if (!follower.awaitApplied(stream, version, APPLIED_WITHIN)) {
            // a long-open transaction elsewhere holds the log's high-water mark back; the follower applies it later
            LOG.warnf("stream %s: version %d not folded within %s", stream, version, APPLIED_WITHIN);
        }
    }
}
