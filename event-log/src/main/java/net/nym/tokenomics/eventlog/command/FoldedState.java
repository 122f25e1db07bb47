package net.nym.tokenomics.eventlog.command;

import net.nym.tokenomics.eventlog.store.NewEvent;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * A fold of (part of) a service's log that a {@link CommandHandler} decides on and keeps current. {@link StreamFold}
 * is the fold of one stream, cached and checked against the stream's head; a service whose state spans several
 * streams (performance) implements this over its own log follower.
 *
 * @param <S> the state deciders see
 */
public interface FoldedState<S> {

    /** Brings the state up to everything this transaction sees of the log. */
    void catchUp(Connection c) throws SQLException;

    /** The version the next append to {@code stream} must expect. */
    long version(String stream);

    /** The state to decide on; only the handler's writer thread calls this while a command runs. */
    S state();

    /** Evolves the state with events the handler appended to {@code stream} after {@code expectedVersion}. */
    void appended(String stream, long expectedVersion, List<Decision.Pending> events);

    /** Forgets what may not match the log any more (a failed or rolled-back write); the next catch-up refolds. */
    void invalidate();

    /** For {@link Decision.Pending} lists built from encoded events alone. */
    static List<Decision.Pending> undecoded(List<NewEvent> events) {
        return events.stream().map(e -> new Decision.Pending(e, null)).toList();
    }
}
