package net.nym.tokenomics.rewards.application;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Percent;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Per-epoch and per-node-per-epoch reward figures for dashboards: a fold of the log (built with the ledger at start-up
 * and extended after each epoch), held in memory.
 */
public final class RewardHistory {

    /**
     * @param saturation the node's bond saturation the reward was computed with (before the epoch's reward)
     */
    public record NodeEpochReward(long epochId, long nodeId, String outcome, Decimal reward, Decimal operatorReward,
                                  Decimal delegatesReward, Percent performance, Decimal workFactor, Decimal saturation) {
    }

    /**
     * @param rewardPool    the pool after the epoch (it changes only when an interval rolls over)
     * @param stateDigest   digest of the ledger after the epoch, as published in {@code EpochRewarded}
     */
    public record EpochTotals(long epochId, Decimal budget, Decimal budgetFromFees, Decimal distributed, Decimal unclaimed,
                              int rewardedNodes, Decimal rewardPool, Decimal stakingSupply, boolean intervalRolledOver,
                              String stateDigest) {
        EpochTotals withPool(Decimal pool, Decimal supply, boolean rolled) {
            return new EpochTotals(epochId, budget, budgetFromFees, distributed, unclaimed, rewardedNodes, pool, supply, rolled, stateDigest);
        }

        EpochTotals withDigest(String digest) {
            return new EpochTotals(epochId, budget, budgetFromFees, distributed, unclaimed, rewardedNodes, rewardPool,
                    stakingSupply, intervalRolledOver, digest);
        }
    }

    private final TreeMap<Long, EpochTotals> epochs = new TreeMap<>();
    private final Map<Long, TreeMap<Long, NodeEpochReward>> byNode = new java.util.HashMap<>();

    void putEpoch(EpochTotals totals) {
        epochs.put(totals.epochId(), totals);
    }

    void updateEpoch(long epochId, java.util.function.UnaryOperator<EpochTotals> change) {
        epochs.computeIfPresent(epochId, (k, v) -> change.apply(v));
    }

    void putNode(NodeEpochReward row) {
        byNode.computeIfAbsent(row.nodeId(), k -> new TreeMap<>()).put(row.epochId(), row);
    }

    public NavigableMap<Long, EpochTotals> epochs() {
        return java.util.Collections.unmodifiableNavigableMap(epochs);
    }

    /** The node's rows with {@code from <= epoch <= to}, ascending. */
    public NavigableMap<Long, NodeEpochReward> nodeRewards(long nodeId, long from, long to) {
        TreeMap<Long, NodeEpochReward> rows = byNode.get(nodeId);
        if (rows == null || from > to) {
            return java.util.Collections.emptyNavigableMap();
        }
        return java.util.Collections.unmodifiableNavigableMap(rows.subMap(from, true, to, true));
    }
}
