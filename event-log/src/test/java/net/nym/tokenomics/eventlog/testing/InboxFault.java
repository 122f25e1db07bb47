package net.nym.tokenomics.eventlog.testing;

import net.nym.tokenomics.eventlog.store.NewEvent;
import net.nym.tokenomics.eventlog.store.Transactions;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A database fault for one input event, shared by the services' consumer recovery tests: a trigger that makes the
 * inbox refuse its event id, so every attempt to apply it rolls back (the cause an operator removes before
 * replaying). Other events are untouched.
 */
public final class InboxFault implements AutoCloseable {

    private final DataSource dataSource;
    private final String name;

    private InboxFault(DataSource dataSource, String name) {
        this.dataSource = dataSource;
        this.name = name;
    }

    /** Installs the fault in the schema of {@code dataSource}: from now on the inbox refuses {@code eventId}. */
    public static InboxFault refuse(DataSource dataSource, UUID eventId) {
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

    /** Removes the cause (idempotent). */
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
    public static long inboxRows(DataSource dataSource, UUID eventId) {
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

    /**
     * The types of the events a consumer appended to the log because of this input event (their {@code causation_id}),
     * in log order: what applying it did, so a test sees it applied once or not at all.
     */
    public static List<String> eventTypesCausedBy(DataSource dataSource, UUID eventId) {
        return Transactions.inTransaction(dataSource, c -> {
            try (var ps = c.prepareStatement("SELECT event_type FROM event_log WHERE metadata ->> '"
                    + NewEvent.CAUSATION_ID + "' = ? ORDER BY global_position")) {
                ps.setString(1, eventId.toString());
                List<String> types = new ArrayList<>();
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        types.add(rs.getString(1));
                    }
                }
                return types;
            }
        });
    }
}
