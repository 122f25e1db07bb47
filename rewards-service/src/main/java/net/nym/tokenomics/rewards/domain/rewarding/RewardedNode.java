package net.nym.tokenomics.rewards.domain.rewarding;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Percent;

import java.util.Objects;

/** One entry of an epoch's rewarding input: the contract's {@code RewardNode { node_id, params }}. */
public record RewardedNode(long nodeId, Percent performance, Decimal workFactor) {

    public RewardedNode {
        Objects.requireNonNull(performance, "performance");
        Objects.requireNonNull(workFactor, "workFactor");
    }

    /** {@code NodeRewardingParameters::is_zero}: such a node only gets its last rewarded epoch updated. */
    public boolean isZero() {
        return performance.isZero() || workFactor.isZero();
    }
}
