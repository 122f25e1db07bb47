package net.nym.tokenomics.eventlog.inbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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
