package net.nym.tokenomics.rewards.readmodel;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import net.nym.tokenomics.eventlog.decimal.Percent;
import net.nym.tokenomics.rewards.persistence.RewardHistoryTables;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;

/** A row of {@code reward_node_epoch}, read only (written by {@link RewardHistoryTables}). */
@Entity
@Table(name = "reward_node_epoch")
@IdClass(NodeEpochRewardRow.Key.class)
public class NodeEpochRewardRow extends PanacheEntityBase {

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
    public String outcome;
    public BigDecimal reward;
    public BigDecimal operatorReward;
    public BigDecimal delegatesReward;
    public BigDecimal performance;
    public BigDecimal workFactor;
    public BigDecimal saturation;

    public NodeEpochReward toRecord() {
        return new NodeEpochReward(epochId, nodeId, outcome, RewardHistoryTables.decimal(reward),
                RewardHistoryTables.decimal(operatorReward), RewardHistoryTables.decimal(delegatesReward),
                Percent.of(RewardHistoryTables.decimal(performance)), RewardHistoryTables.decimal(workFactor),
                RewardHistoryTables.decimal(saturation));
    }

    /** A page of the node's rows with {@code from <= epoch <= to}, ascending by epoch (the primary key's order). */
    public static Uni<List<NodeEpochReward>> page(long nodeId, long from, long to, int page, int perPage) {
        return NodeEpochRewardRow.<NodeEpochRewardRow>find("nodeId = ?1 and epochId between ?2 and ?3", Sort.by("epochId"),
                        nodeId, from, to)
                .page(page, perPage).list().map(rows -> rows.stream().map(NodeEpochRewardRow::toRecord).toList());
    }

    public static Uni<Long> countOf(long nodeId, long from, long to) {
        return count("nodeId = ?1 and epochId between ?2 and ?3", nodeId, from, to);
    }

    /** The node's latest row, if any. */
    public static Uni<NodeEpochReward> latest(long nodeId) {
        return NodeEpochRewardRow.<NodeEpochRewardRow>find("nodeId", Sort.descending("epochId"), nodeId).firstResult()
                .map(r -> r == null ? null : r.toRecord());
    }

    /** Every node's row of one epoch, ascending by node id. */
    public static Uni<List<NodeEpochReward>> ofEpoch(long epochId) {
        return NodeEpochRewardRow.<NodeEpochRewardRow>list("epochId", Sort.by("nodeId"), epochId)
                .map(rows -> rows.stream().map(NodeEpochRewardRow::toRecord).toList());
    }
}
