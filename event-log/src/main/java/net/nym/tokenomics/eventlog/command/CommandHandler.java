package net.nym.tokenomics.eventlog.command;

import net.nym.tokenomics.eventlog.api.RejectedException;
import net.nym.tokenomics.eventlog.store.EventStore;
import net.nym.tokenomics.eventlog.store.NewEvent;
import net.nym.tokenomics.eventlog.store.Transactions;
import net.nym.tokenomics.eventlog.store.WrongExpectedVersionException;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The one write path of every service: catch up the folded state → decide (pure) → write the decision's effects →
 * append its events (as the {@link ConcurrencyPolicy} says) → evolve the state → commit. The relay publishes the
 * appended events from the outbox (the log itself) afterwards.
 *
 * <p>One command at a time per handler in this process. A rejection records nothing. An unexpected exception rolls the
 * transaction back, marks the state for a refold and propagates: the REST layer answers it with a 500 and a log
 * line, never as a rejection.
 *
 * @param <S> the state deciders see
 */
public final class CommandHandler<S> {

    private static final Logger LOG = Logger.getLogger(CommandHandler.class);

    /** Decides a command against the state: pure, no I/O, the time and ids come with the command. */
    @FunctionalInterface
    public interface Decider<S, R> {
        Decision<R> decide(S state);
    }

    private final String name;
    private final DataSource dataSource;
    private final EventStore store;
    private final FoldedState<S> folded;
    private final ConcurrencyPolicy policy;
    private final ReentrantLock writer = new ReentrantLock();

    /**
     * @param name for log lines (the service and stream)
     */
    public CommandHandler(String name, DataSource dataSource, EventStore store, FoldedState<S> folded, ConcurrencyPolicy policy) {
        this.name = Objects.requireNonNull(name);
        this.dataSource = Objects.requireNonNull(dataSource);
        this.store = Objects.requireNonNull(store);
        this.folded = Objects.requireNonNull(folded);
        this.policy = Objects.requireNonNull(policy);
    }

    public FoldedState<S> folded() {
        return folded;
    }

    public ConcurrencyPolicy policy() {
        return policy;
    }

    /**
     * Runs a command in its own transaction. Returns the decision's result once committed and applied to the state;
     * throws {@link RejectedException} when the decider rejected it (nothing recorded).
     */
    public <R> R execute(String stream, Decider<S, R> decider) {
        Decision<R> decision = decide(stream, decider);
        return switch (decision) {
            case Decision.Accepted<R> a -> a.result();
            case Decision.Rejected<R> r -> throw new RejectedException(r.rejection());
        };
    }

    /** Like {@link #execute}, but hands a rejection back as a value. */
    public <R> Decision<R> decide(String stream, Decider<S, R> decider) {
        return retrying(stream, () -> Transactions.inTransaction(dataSource, c -> attempt(c, stream, decider)));
    }

    /**
     * Runs a command inside the caller's transaction (a consumer's, with its inbox record): the state is evolved as
     * soon as the events are appended; if the caller's transaction then rolls back, the next catch-up sees the
     * stream's head differ and refolds. Returns the decision, a rejection as a value. A conflicting append ran under a
     * savepoint, so a retry finds the caller's transaction intact and sees the newer commit.
     */
    public <R> Decision<R> decideIn(Connection c, String stream, Decider<S, R> decider) throws SQLException {
        return retrying(stream, () -> attempt(c, stream, decider));
    }

    /** One attempt of a command: catch up, decide, write, append; in a transaction of its own or the caller's. */
    @FunctionalInterface
    private interface Once<R, X extends Exception> {
        Attempt<R> run() throws X;
    }

    /**
     * Under the writer lock: attempts the command, again after a concurrent append as the policy allows, and evolves
     * the state with what the accepted attempt appended. Any other failure marks the state for a refold.
     */
    private <R, X extends Exception> Decision<R> retrying(String stream, Once<R, X> once) throws X {
        writer.lock();
        try {
            for (int attempt = 1; ; attempt++) {
                Attempt<R> done;
                try {
                    done = once.run();
                } catch (WrongExpectedVersionException conflict) {
                    if (!retry(attempt, conflict)) {
                        throw conflict;
                    }
                    continue;
                } catch (Exception failure) {
                    folded.invalidate();
                    throw failure;
                }
                if (done.decision() instanceof Decision.Accepted<R> a && !a.events().isEmpty()) {
                    folded.appended(stream, done.expectedVersion(), a.events());
                }
                return done.decision();
            }
        } finally {
            writer.unlock();
        }
    }

    /** Catches the state up in this transaction (under the writer lock for a single-writer stream) without a command. */
    public void catchUp(Connection c, String stream) throws SQLException {
        writer.lock();
        try {
            if (policy instanceof ConcurrencyPolicy.SingleWriter) {
                store.lockWriter(c, stream);
            }
            folded.catchUp(c);
        } catch (SQLException | RuntimeException e) {
            folded.invalidate();
            throw e;
        } finally {
            writer.unlock();
        }
    }

    /** Catches the state up in a transaction of its own. */
    public void catchUp(String stream) {
        Transactions.inTransaction(dataSource, c -> {
            catchUp(c, stream);
            return null;
        });
    }

    private record Attempt<R>(Decision<R> decision, long expectedVersion) {
    }

    private <R> Attempt<R> attempt(Connection c, String stream, Decider<S, R> decider) throws SQLException {
        boolean single = policy instanceof ConcurrencyPolicy.SingleWriter;
        if (single) {
            store.lockWriter(c, stream);
        }
        folded.catchUp(c);
        long expected = folded.version(stream);
        Decision<R> decision = decider.decide(folded.state());
        if (decision instanceof Decision.Accepted<R> a) {
            a.effects().write(c);
            List<NewEvent> events = a.encoded();
            if (!events.isEmpty()) {
                if (single) {
                    store.appendLocked(c, stream, expected, events);
                } else {
                    store.append(c, stream, expected, events);
                }
            }
        }
        return new Attempt<>(decision, expected);
    }

    private boolean retry(int attempt, WrongExpectedVersionException conflict) {
        int attempts = policy instanceof ConcurrencyPolicy.Optimistic o ? o.attempts() : 1;
        if (attempt >= attempts) {
            folded.invalidate();
            LOG.warnf("%s: stream changed concurrently %d times in a row; giving up: %s", name, attempt, conflict.getMessage());
            return false;
        }
        LOG.infof("%s: stream changed concurrently (attempt %d of %d); catching up and deciding again", name, attempt, attempts);
        return true;
    }

    /** Convenience for deciders: a result of a function over the state, with no events. */
    public static <S, R> Decider<S, R> query(Function<S, R> f) {
        return s -> Decision.none(f.apply(s));
    }
}
