package net.nym.tokenomics.ticketledger.persistence;

import net.nym.tokenomics.eventlog.contracts.IntegrationEvents;
import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.json.Json;
import net.nym.tokenomics.eventlog.projection.Projection;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.ticketledger.domain.ledger.GatewayEpochUsage;
import net.nym.tokenomics.ticketledger.domain.ledger.LedgerEvent;
import net.nym.tokenomics.ticketledger.domain.ledger.TypeUsage;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ticket usage tables of closed epochs ({@code epoch_usage}, {@code gateway_epoch_usage}, V101), a function of the
 * close events alone. Live, {@link #applyDecoded} runs on a closing's events in the transaction that appends them; a
 * rebuild replays the whole log through {@link #apply} (event-log's {@code ProjectionRunner.rebuild}, whose
 * checkpoint only records how far it read). Every write replaces the row of its key.
 */
public final class TicketUsageProjection implements Projection {

    @Override
    public String name() {
        return "ticket-usage";
    }

    @Override
    public void apply(Connection c, StoredEvent event) throws SQLException {
        if (LedgerEventCodec.LEDGER_EPOCH_CLOSED.equals(event.eventType())
                || IntegrationEvents.EpochUsageClosed.TYPE.equals(event.eventType())) {
            applyDecoded(c, LedgerEventCodec.decode(event));
        }
    }

    @Override
    public void reset(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM gateway_epoch_usage");
            s.executeUpdate("DELETE FROM epoch_usage");
        }
    }

    /** The domain close writes the epoch's rows; the published record that follows it adds the close digest. */
    public static void applyDecoded(Connection c, Object event) throws SQLException {
        switch (event) {
            case LedgerEvent.EpochUsageClosed close -> putClose(c, close);
            case IntegrationEvents.EpochUsageClosed published -> {
                try (PreparedStatement ps = c.prepareStatement("UPDATE epoch_usage SET state_digest = ? WHERE epoch_id = ?")) {
                    ps.setString(1, published.stateDigest());
                    ps.setLong(2, published.epochId());
                    ps.executeUpdate();
                }
            }
            default -> {
                // no other event changes closed usage
            }
        }
    }

    private static void putClose(Connection c, LedgerEvent.EpochUsageClosed close) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO epoch_usage (epoch_id, closed_at, total_tickets, total_bytes, fee_income, totals)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (epoch_id) DO UPDATE SET closed_at = excluded.closed_at, total_tickets = excluded.total_tickets,
                    total_bytes = excluded.total_bytes, fee_income = excluded.fee_income, totals = excluded.totals,
                    state_digest = NULL""")) {
            ps.setLong(1, close.epoch());
            ps.setTimestamp(2, Timestamp.from(close.closedAt()));
            ps.setLong(3, close.totalTickets());
            ps.setLong(4, close.totalBytes());
            ps.setBigDecimal(5, close.feeIncome().toBigDecimal());
            ps.setString(6, byType(close.totals()));
            ps.executeUpdate();
        }
        try (PreparedStatement del = c.prepareStatement("DELETE FROM gateway_epoch_usage WHERE epoch_id = ?")) {
            del.setLong(1, close.epoch());
            del.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO gateway_epoch_usage (gateway_node_id, epoch_id, tickets, bandwidth_bytes, value,
                    double_spends_rejected, by_type) VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            for (GatewayEpochUsage g : close.gateways()) {
                ps.setLong(1, g.gatewayNodeId());
                ps.setLong(2, close.epoch());
                ps.setLong(3, g.tickets());
                ps.setLong(4, g.bytes());
                ps.setBigDecimal(5, g.value().toBigDecimal());
                ps.setLong(6, g.doubleSpendsRejected());
                ps.setString(7, byType(g.byType()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Whether the read model holds the closed epoch's row. */
    public static boolean holds(Connection c, long epoch) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM epoch_usage WHERE epoch_id = ?")) {
            ps.setLong(1, epoch);
            try (var rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Usage by type in the REST body's shape, in the event's (type-code) order. */
    private static String byType(List<TypeUsage> usage) {
        List<Map<String, Object>> out = new ArrayList<>(usage.size());
        for (TypeUsage u : usage) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ticket_type", u.type().jsonName());
            m.put("tickets", u.tickets());
            m.put("bandwidth_bytes", u.bytes());
            m.put("value", u.value().toString());
            out.add(m);
        }
        return Json.write(out);
    }

    /** Reads a stored numeric back as the {@link Decimal} it was written from (18 places, exact). */
    public static Decimal decimal(BigDecimal stored) {
        return Decimal.ofAtomics(stored.setScale(Decimal.DECIMAL_PLACES).unscaledValue());
    }
}
