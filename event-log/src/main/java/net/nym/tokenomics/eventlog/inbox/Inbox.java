package net.nym.tokenomics.eventlog.inbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * The idempotent-consumer record: call {@link #tryRecord} in the same transaction as the effect of an input event.
 * It returns false when the event was processed before, and then the caller must do nothing.
 */
public final class Inbox {

    public boolean tryRecord(Connection c, String consumer, UUID eventId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO inbox (consumer, event_id) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            ps.setString(1, consumer);
            ps.setObject(2, eventId);
            return ps.executeUpdate() == 1;
        }
    }

    /** Records many (consumer, event id) pairs at once, ignoring those already present; returns how many were new. */
    public int recordAll(Connection c, List<String> consumers, List<UUID> eventIds) throws SQLException {
        if (consumers.isEmpty()) {
            return 0;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO inbox (consumer, event_id) SELECT * FROM unnest(?::text[], ?::uuid[]) ON CONFLICT DO NOTHING""")) {
            ps.setArray(1, c.createArrayOf("text", consumers.toArray()));
            ps.setArray(2, c.createArrayOf("uuid", eventIds.toArray()));
            return ps.executeUpdate();
        }
    }

    public boolean contains(Connection c, String consumer, UUID eventId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM inbox WHERE consumer = ? AND event_id = ?")) {
            ps.setString(1, consumer);
            ps.setObject(2, eventId);
            try (var rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
