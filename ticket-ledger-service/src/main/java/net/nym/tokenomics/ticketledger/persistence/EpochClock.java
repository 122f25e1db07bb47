package net.nym.tokenomics.ticketledger.persistence;

import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.OptionalLong;

/** The epoch clock as selection-service announced it (table {@code epoch_clock}); it only moves forward. */
@ApplicationScoped
public class EpochClock {

    public OptionalLong current(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT current_epoch FROM epoch_clock WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return OptionalLong.empty();
            }
            long v = rs.getLong(1);
            return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(v);
        }
    }

    public void advanceTo(Connection c, long epoch) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE epoch_clock SET current_epoch = GREATEST(coalesce(current_epoch, ?), ?) WHERE id = 1")) {
            ps.setLong(1, epoch);
            ps.setLong(2, epoch);
            ps.executeUpdate();
        }
    }
}
