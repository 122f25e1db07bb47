package net.nym.tokenomics.performance.persistence;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.projection.Projection;
import net.nym.tokenomics.eventlog.store.EventCodec;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.performance.domain.ScoreReason;
import net.nym.tokenomics.performance.domain.epoch.NodePerformance;
import net.nym.tokenomics.performance.persistence.PerformanceEvents.EpochPerformancePublished;
import net.nym.tokenomics.performance.persistence.PerformanceEvents.EpochPerformanceResultPart;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.stream.Collectors;

/**
 * The performance history table ({@code node_epoch_performance}, V101): one row per node of each published epoch. Live,
 * {@link #put} runs in the transaction that appends the epoch's result; a rebuild replays the whole log through
 * {@link #apply} (event-log's {@code ProjectionRunner.rebuild}, which records how far it read in
 * {@code projection_checkpoint}; live rows need no checkpoint, they commit with their events). Every write replaces
 * the row of its key.
 */
public final class PerformanceHistoryProjection implements Projection {

    private final EventCodec codec = PerformanceEvents.codec();
    private final PerformanceEvents.EpochResultAssembler parts = new PerformanceEvents.EpochResultAssembler();

    @Override
    public String name() {
        return "performance-history";
    }

    @Override
    public void apply(Connection c, StoredEvent event) throws SQLException {
        if (codec.knows(event.eventType()) && codec.decode(event) instanceof EpochPerformanceResultPart part) {
            var whole = parts.add(part);
            if (whole.isPresent()) {
                put(c, whole.get());
            }
        }
    }

    @Override
    public void reset(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM node_epoch_performance");
        }
    }

    /** Whether the table holds the node's row of the epoch (by the primary key). */
    public static boolean holds(Connection c, long nodeId, long epoch) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM node_epoch_performance WHERE node_id = ? AND epoch_id = ?")) {
            ps.setLong(1, nodeId);
            ps.setLong(2, epoch);
            try (var rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Writes the rows of one published epoch. */
    public static void put(Connection c, EpochPerformancePublished published) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO node_epoch_performance (node_id, epoch_id, window_end, performance, last_24h_performance,
                    performance_score, routing_score, measurement_count, config_score, versions_behind,
                    self_described_api_available, accepted_terms_and_conditions, runs_nym_node_binary, reasons)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (node_id, epoch_id) DO UPDATE SET window_end = excluded.window_end,
                    performance = excluded.performance, last_24h_performance = excluded.last_24h_performance,
                    performance_score = excluded.performance_score, routing_score = excluded.routing_score,
                    measurement_count = excluded.measurement_count, config_score = excluded.config_score,
                    versions_behind = excluded.versions_behind,
                    self_described_api_available = excluded.self_described_api_available,
                    accepted_terms_and_conditions = excluded.accepted_terms_and_conditions,
                    runs_nym_node_binary = excluded.runs_nym_node_binary, reasons = excluded.reasons""")) {
            Timestamp windowEnd = Timestamp.from(published.result().windowEnd());
            for (NodePerformance n : published.result().nodes()) {
                ps.setLong(1, n.nodeId());
                ps.setLong(2, published.epoch());
                ps.setTimestamp(3, windowEnd);
                ps.setBigDecimal(4, n.performance().value().toBigDecimal());
                ps.setBigDecimal(5, n.last24hPerformance().value().toBigDecimal());
                ps.setDouble(6, n.performanceScore());
                ps.setDouble(7, n.routingScore());
                ps.setLong(8, n.measurementCount());
                ps.setDouble(9, n.configScore().score());
                if (n.configScore().versionsBehind() == null) {
                    ps.setNull(10, Types.BIGINT);
                } else {
                    ps.setLong(10, n.configScore().versionsBehind());
                }
                ps.setBoolean(11, n.configScore().selfDescribedApiAvailable());
                ps.setBoolean(12, n.configScore().acceptedTermsAndConditions());
                ps.setBoolean(13, n.configScore().runsNymNodeBinary());
                ps.setString(14, n.reasons().stream().map(ScoreReason::name).collect(Collectors.joining(",")));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Reads a stored numeric back as the {@link Decimal} it was written from (18 places, exact). */
    public static Decimal decimal(BigDecimal stored) {
        return Decimal.ofAtomics(stored.setScale(Decimal.DECIMAL_PLACES).unscaledValue());
    }
}
