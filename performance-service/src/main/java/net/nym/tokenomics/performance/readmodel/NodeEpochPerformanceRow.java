package net.nym.tokenomics.performance.readmodel;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import net.nym.tokenomics.performance.persistence.PerformanceHistoryProjection;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A row of {@code node_epoch_performance}, read only (written by {@link PerformanceHistoryProjection}). */
@Entity
@Table(name = "node_epoch_performance")
@IdClass(NodeEpochPerformanceRow.Key.class)
public class NodeEpochPerformanceRow extends PanacheEntityBase {

    /** The composite primary key (node, epoch). */
    public static class Key implements Serializable {
        public long nodeId;
        public long epochId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.nodeId == nodeId && k.epochId == epochId;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(nodeId) * 31 + Long.hashCode(epochId);
        }
    }

    @Id
    public long nodeId;
    @Id
    public long epochId;
    public Instant windowEnd;
    public BigDecimal performance;
    @Column(name = "last_24h_performance")
    public BigDecimal last24hPerformance;
    public double performanceScore;
    public double routingScore;
    public long measurementCount;
    public double configScore;
    public Long versionsBehind;
    public boolean selfDescribedApiAvailable;
    public boolean acceptedTermsAndConditions;
    public boolean runsNymNodeBinary;
    public String reasons;

    /** The performance as published ({@code Percent} as a double, like the in-memory result). */
    public double performanceValue() {
        return PerformanceHistoryProjection.decimal(performance).toDouble();
    }

    /** The reasons as published: the stored comma-separated names, in their order (none: an empty list). */
    public List<String> reasonNames() {
        return reasons.isEmpty() ? List.of() : List.of(reasons.split(","));
    }

    /** The node's newest row (the latest published epoch that scored it), if any: one step of the primary key. */
    public static Uni<Optional<NodeEpochPerformanceRow>> latest(long nodeId) {
        return NodeEpochPerformanceRow.<NodeEpochPerformanceRow>find("nodeId = ?1", Sort.descending("epochId"), nodeId)
                .firstResult().map(Optional::ofNullable);
    }

    /** A page of the node's rows with {@code from <= epoch <= to}, newest first. */
    public static Uni<List<NodeEpochPerformanceRow>> page(long nodeId, long from, long to, int page, int perPage) {
        return NodeEpochPerformanceRow.<NodeEpochPerformanceRow>find("nodeId = ?1 and epochId between ?2 and ?3",
                Sort.descending("epochId"), nodeId, from, to).page(page, perPage).list();
    }

    public static Uni<Long> countOf(long nodeId, long from, long to) {
        return count("nodeId = ?1 and epochId between ?2 and ?3", nodeId, from, to);
    }
}
