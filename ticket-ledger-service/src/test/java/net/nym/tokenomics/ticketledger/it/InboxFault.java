package net.nym.tokenomics.ticketledger.it;

import net.nym.tokenomics.eventlog.store.Transactions;

import javax.sql.DataSource;
import java.util.UUID;

/**
 * A database fault for one input event: a trigger that makes the inbox refuse its event id, so every attempt to apply
 * it rolls back (the cause an operator removes before replaying). Other events are untouched.
 */
final class InboxFault implements AutoCloseable {

    private final DataSource dataSource;
    private final String name;

    private InboxFault(DataSource dataSource, String name) {
        this.dataSource = dataSource;
        this.name = name;
    }

    static InboxFault refuse(DataSource dataSource, UUID eventId) {
        String name = "refuse_" + eventId.toString().replace("-", "");
        Transactions.inTransaction(dataSource, c -> {
            try (var st = c.createStatement()) {
                st.execute("CREATE FUNCTION " + name + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                        + "RAISE EXCEPTION 'test fault: the inbox refuses %', NEW.event_id; END $$");
                st.execute("CREATE TRIGGER " + name + " BEFORE INSERT ON inbox FOR EACH ROW WHEN (NEW.event_id = '"
                        + eventId + "') EXECUTE FUNCTION " + name + "()");
            }
            return null;
        });
        return new InboxFault(dataSource, name);
    }

    /** Removes the cause. */
    @Override
    public void close() {
        Transactions.inTransaction(dataSource, c -> {
            try (var st = c.createStatement()) {
                st.execute("DROP TRIGGER IF EXISTS " + name + " ON inbox");
                st.execute("DROP FUNCTION IF EXISTS " + name + "()");
            }
            return null;
        });
    }

    /** Inbox rows for this event id (every consumer). */
    static long inboxRows(DataSource dataSource, UUID eventId) {
        return Transactions.inTransaction(dataSource, c -> {
            try (var ps = c.prepareStatement("SELECT count(*) FROM inbox WHERE event_id = ?")) {
                ps.setObject(1, eventId);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** Events in the log whose payload mentions this node id. */
    static long eventsMentioning(DataSource dataSource, long nodeId) {
        return Transactions.inTransaction(dataSource, c -> {
            try (var ps = c.prepareStatement("SELECT count(*) FROM event_log WHERE payload::text LIKE ?")) {
                ps.setString(1, "%" + nodeId + "%");
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }
}
