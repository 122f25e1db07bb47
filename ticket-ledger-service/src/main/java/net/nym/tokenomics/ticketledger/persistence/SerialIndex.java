package net.nym.tokenomics.ticketledger.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import net.nym.tokenomics.ticketledger.domain.ledger.LedgerEvent;
import net.nym.tokenomics.ticketledger.domain.ledger.TicketOutcome;
import net.nym.tokenomics.ticketledger.domain.ticket.TicketSerial;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The {@code redeemed_serial} table: the double-spend index as PostgreSQL enforces it (primary key on the serial). */
@ApplicationScoped
public class SerialIndex {

    /** One row: who redeemed the serial first. */
    public record Row(String serial, long gatewayNodeId, String gateway, long epoch, String ticketType,
                      java.time.LocalDate spendDate, String batchId) {
    }

    /** Rows for the given serials, by serial. */
    public Map<String, Row> lookup(Connection c, Collection<String> serials) throws SQLException {
        Map<String, Row> out = new TreeMap<>();
        if (serials.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT serial, gateway_node_id, gateway, epoch, ticket_type, spend_date, batch_id
                  FROM redeemed_serial WHERE serial = ANY(?)""")) {
            ps.setArray(1, c.createArrayOf("text", serials.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Row row = new Row(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                            rs.getDate(6).toLocalDate(), rs.getString(7));
                    out.put(row.serial(), row);
                }
            }
        }
        return out;
    }

    /**
     * Inserts the batch's accepted serials; a serial already present is left alone ({@code ON CONFLICT DO NOTHING}) and
     * not counted. Returns how many rows were inserted: the caller requires it to equal the accepted count, otherwise
     * the decision was made on a stale view and the whole transaction must roll back.
     */
    public int insertAccepted(Connection c, LedgerEvent.TicketBatchRedeemed batch) throws SQLException {
        List<TicketOutcome.Accepted> accepted = new ArrayList<>();
        for (TicketOutcome o : batch.outcomes()) {
            if (o instanceof TicketOutcome.Accepted a) {
                accepted.add(a);
            }
        }
        if (accepted.isEmpty()) {
            return 0;
        }
        String[] serials = new String[accepted.size()];
        String[] types = new String[accepted.size()];
        Date[] dates = new Date[accepted.size()];
        for (int i = 0; i < accepted.size(); i++) {
            serials[i] = accepted.get(i).serial().base58();
            types[i] = accepted.get(i).type().jsonName();
            dates[i] = Date.valueOf(accepted.get(i).spendDate());
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO redeemed_serial (serial, gateway_node_id, gateway, epoch, ticket_type, spend_date, batch_id,
                                             redeemed_at)
                SELECT s, ?, ?, ?, t, d, ?, ? FROM unnest(?::text[], ?::text[], ?::date[]) AS x(s, t, d)
                ON CONFLICT (serial) DO NOTHING""")) {
            ps.setLong(1, batch.gatewayNodeId());
            ps.setString(2, batch.gateway().base58());
            ps.setLong(3, batch.epoch());
            ps.setString(4, batch.batchId());
            ps.setTimestamp(5, Timestamp.from(batch.recordedAt()));
            ps.setArray(6, c.createArrayOf("text", serials));
            ps.setArray(7, c.createArrayOf("text", types));
            ps.setArray(8, c.createArrayOf("date", dates));
            return ps.executeUpdate();
        }
    }

    /** Deletes the expired serials; returns how many rows went. */
    public int delete(Connection c, List<TicketSerial> serials) throws SQLException {
        if (serials.isEmpty()) {
            return 0;
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM redeemed_serial WHERE serial = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("text", serials.stream().map(TicketSerial::base58).toArray()));
            return ps.executeUpdate();
        }
    }

    /** Every indexed serial with its first redeemer's node id, sorted (for rebuild checks). */
    public Map<String, Long> all(Connection c) throws SQLException {
        Map<String, Long> out = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT serial, gateway_node_id FROM redeemed_serial");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }
}
