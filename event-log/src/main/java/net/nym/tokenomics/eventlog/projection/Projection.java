package net.nym.tokenomics.eventlog.projection;

import net.nym.tokenomics.eventlog.store.StoredEvent;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A read model that is a fold of the event log. It must be a pure function of the events it is given, in order:
 * dropped and rebuilt, it must come out identical.
 */
public interface Projection {

    /** Unique name; the checkpoint key. */
    String name();

    /** Applies one event (ignoring types it does not use) inside the caller's transaction. */
    void apply(Connection transaction, StoredEvent event) throws SQLException;

    /** Deletes everything this projection has written, inside the caller's transaction. */
    void reset(Connection transaction) throws SQLException;
}
